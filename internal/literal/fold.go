package literal

import "unicode/utf8"

// foldLiteral finds a case-insensitive literal: each pattern rune matches
// any rune of its simple-fold orbit, so "(?i)kiss" also matches "KISS"
// spelled with the Kelvin sign K (U+212A) or the long s ſ (U+017F), whose
// UTF-8 encodings are longer than the ASCII letters'.
//
// Expanding all spellings into a literal set grows exponentially, so the
// searcher scans for one anchor rune instead: it picks a rune whose orbit
// has few, rare first bytes and whose byte offset from the match start is
// the same in every spelling (every rune before it has an orbit of
// same-length encodings), finds those first bytes with IndexByte, and
// checks each candidate by decoding runes and testing orbit membership.
type foldLiteral struct {
	orbits [][]rune
	anchor int // index of the anchor rune
	offset int // bytes from the match start to the anchor rune
	bytes  *byteSet
}

// newFoldLiteral returns a searcher for runes under case folding. The runes
// must be valid and not U+FFFD.
func newFoldLiteral(runes []rune) *foldLiteral {
	f := &foldLiteral{orbits: make([][]rune, len(runes))}
	for i, r := range runes {
		f.orbits[i] = orbit(r)
	}
	bestCost, offset := -1, 0
	for i, o := range f.orbits {
		firsts := firstBytes(o)
		cost := 0
		for _, b := range firsts {
			cost += int(byteRank[b])
		}
		if bestCost < 0 || cost < bestCost {
			bestCost, f.anchor, f.offset = cost, i, offset
			f.bytes = newByteSet(firsts)
		}
		w := utf8.RuneLen(o[0])
		for _, r := range o[1:] {
			if utf8.RuneLen(r) != w {
				// Runes after this one sit at offsets that depend
				// on the spelling.
				return f
			}
		}
		offset += w
	}
	return f
}

// firstBytes returns the distinct first bytes of the encodings of runes.
func firstBytes(runes []rune) []byte {
	var out []byte
	for _, r := range runes {
		var buf [utf8.UTFMax]byte
		utf8.EncodeRune(buf[:], r)
		seen := false
		for _, b := range out {
			seen = seen || b == buf[0]
		}
		if !seen {
			out = append(out, buf[0])
		}
	}
	return out
}

func (f *foldLiteral) Find(h []byte, from int) (int, int, bool) {
	for p := from + f.offset; p < len(h); p++ {
		if p = f.bytes.index(h, p); p < 0 {
			return 0, 0, false
		}
		if end, ok := f.matchAt(h, p-f.offset); ok {
			return p - f.offset, end, true
		}
	}
	return 0, 0, false
}

// matchAt reports whether the literal matches at start, decoding as the
// standard library does, and where the match ends.
func (f *foldLiteral) matchAt(h []byte, start int) (int, bool) {
	i := start
	for _, o := range f.orbits {
		if i >= len(h) {
			return 0, false
		}
		r, w := rune(h[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRune(h[i:])
		}
		in := false
		for _, m := range o {
			if m == r {
				in = true
				break
			}
		}
		if !in {
			return 0, false
		}
		i += w
	}
	return i, true
}
