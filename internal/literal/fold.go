package literal

import "unicode/utf8"

// foldLiteral finds a case-insensitive literal: each pattern rune matches
// any rune of its simple-fold orbit, so "(?i)kiss" also matches "KISS"
// spelled with the Kelvin sign K (U+212A) or the long s ſ (U+017F), whose
// UTF-8 encodings are longer than the ASCII letters'.
//
// Expanding all spellings into a literal set grows exponentially, so the
// searcher scans for one anchor rune instead: the one whose orbit has the
// fewest and rarest first bytes, found with IndexByte. The anchor sits
// between minOff and maxOff bytes after the match start, depending on the
// spelling of the runes before it; for each hit the starts in that window
// are checked in order by decoding runes and testing orbit membership.
// Windows of successive hits end further and further on, and starts already
// tried are skipped, so the first match found is the leftmost one and each
// start is tried once.
type foldLiteral struct {
	orbits         [][]rune
	minOff, maxOff int // bytes from the match start to the anchor rune
	bytes          *byteSet
}

// newFoldLiteral returns a searcher for runes under case folding. The runes
// must be valid and not U+FFFD.
func newFoldLiteral(runes []rune) *foldLiteral {
	f := &foldLiteral{orbits: make([][]rune, len(runes))}
	for i, r := range runes {
		f.orbits[i] = orbit(r)
	}
	// The anchor is the byte at offset k of one rune's encodings: not
	// always the first byte, since in a non-Latin script the lead bytes
	// are few and common (every Cyrillic letter starts with 0xD0 or
	// 0xD1) while a continuation byte singles the letter out.
	bestCost, minOff, maxOff := -1, 0, 0
	for _, o := range f.orbits {
		short, long := utf8.UTFMax, 0
		for _, r := range o {
			short, long = min(short, utf8.RuneLen(r)), max(long, utf8.RuneLen(r))
		}
		for k := range short {
			set := bytesAt(o, k)
			cost := 0
			for _, b := range set {
				cost += frequency(b)
			}
			// Each hit costs a check per start in the window.
			cost *= 1 + maxOff - minOff
			if bestCost < 0 || cost < bestCost {
				bestCost, f.minOff, f.maxOff = cost, minOff+k, maxOff+k
				f.bytes = newByteSet(set)
			}
		}
		minOff, maxOff = minOff+short, maxOff+long
	}
	return f
}

// bytesAt returns the distinct bytes at offset k of the encodings of
// runes, each at least k+1 bytes long.
func bytesAt(runes []rune, k int) []byte {
	var out []byte
	for _, r := range runes {
		var buf [utf8.UTFMax]byte
		utf8.EncodeRune(buf[:], r)
		seen := false
		for _, b := range out {
			seen = seen || b == buf[k]
		}
		if !seen {
			out = append(out, buf[k])
		}
	}
	return out
}

func (f *foldLiteral) Find(h []byte, from int) (int, int, bool) {
	tried := from // starts before tried have been checked
	for p := from + f.minOff; p < len(h); p++ {
		if p = f.bytes.index(h, p); p < 0 {
			return 0, 0, false
		}
		for start := max(tried, p-f.maxOff); start <= p-f.minOff; start++ {
			if end, ok := f.matchAt(h, start); ok {
				return start, end, true
			}
		}
		tried = max(tried, p-f.minOff+1)
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
