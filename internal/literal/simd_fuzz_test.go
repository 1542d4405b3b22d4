package literal

import (
	"math/rand/v2"
	"testing"
)

// A simdImpl is one set of vector routines under test.
type simdImpl struct {
	name  string
	pair  func(w []byte, b1, b2, m1, m2 byte, d int) int
	any3  func(w []byte, a, b, c byte) int
	teddy func(m *teddyMasks, w []byte, k int) int
}

// naivePair and naiveAny3 are the definitions, for checking the twins.
func naivePair(w []byte, b1, b2, m1, m2 byte, d int) int {
	for i := 0; i+d < len(w); i++ {
		if w[i]|m1 == b1 && w[i+d]|m2 == b2 {
			return i
		}
	}
	return -1
}

func naiveAny3(w []byte, a, b, c byte) int {
	for i, x := range w {
		if x == a || x == b || x == c {
			return i
		}
	}
	return -1
}

// naiveTeddy is the definition of Teddy's block scan: the first position
// where the k bytes at the offset in use of some literal of the set occur, bucket by
// bucket (a bucket matches when, at each offset, some literal of it has
// each nibble, not necessarily the same literal).
func naiveTeddy(t *teddy, w []byte) int {
	v := t.variant()
	for i := 0; i+t.k <= len(w); i++ {
		for _, ids := range v.buckets {
			ok := len(ids) > 0
			for j := 0; j < t.k && ok; j++ {
				lo, hi := false, false
				for _, id := range ids {
					c := t.lits[id][v.off+j]
					lo = lo || c&15 == w[i+j]&15
					hi = hi || c>>4 == w[i+j]>>4
					if t.fold && isLower(c) {
						hi = hi || (c-0x20)>>4 == w[i+j]>>4
					}
				}
				ok = lo && hi
			}
			if ok {
				return i
			}
		}
	}
	return -1
}

// simdLiterals builds 1 to 16 literals of 1 to 3 bytes from fuzz bytes,
// mostly of the bytes the haystack makes common.
func simdLiterals(spec []byte, bs [3]byte) [][]byte {
	var lits [][]byte
	for len(spec) > 0 && len(lits) < 16 {
		n := 1 + int(spec[0]%3)
		spec = spec[1:]
		l := make([]byte, 0, n)
		for range n {
			var x byte
			if len(spec) > 0 {
				x, spec = spec[0], spec[1:]
			}
			if x%4 != 3 {
				x = bs[x%4]
			}
			l = append(l, x)
		}
		lits = append(lits, l)
	}
	if len(lits) == 0 {
		lits = append(lits, bs[:2])
	}
	return lits
}

// simdHaystack turns fuzz bytes into a haystack where the searched bytes
// are common: each input byte selects one of them or stands for itself.
func simdHaystack(data []byte, bs [3]byte) []byte {
	h := make([]byte, len(data))
	for i, x := range data {
		switch x % 5 {
		case 0, 1, 2:
			h[i] = bs[x%5]
		default:
			h[i] = x
		}
	}
	return h
}

// checkSIMD runs every routine on every sub-slice h[lo:hi] with lo and hi
// within 40 bytes of the ends, both where h lies (any alignment) and
// copied to the end of a page followed by a guard page, and compares each
// answer with the pure-Go twin and the naive definition.
func checkSIMD(t *testing.T, page, h []byte, bs [3]byte, d int, ted *teddy) {
	t.Helper()
	// Fold the pair's bytes when its bytes are letters and d is odd
	// (any way of choosing exercises both compare modes).
	var m1, m2 byte
	if d%2 == 1 {
		m1, m2 = 0x20, 0x20
	}
	impls := simdImpls()
	for lo := 0; lo <= len(h) && lo <= 40; lo++ {
		for hi := len(h); hi >= lo && hi >= len(h)-40; hi-- {
			w := h[lo:hi]
			// The same bytes ending at the guard page.
			g := page[len(page)-len(w):]
			copy(g, w)
			for _, s := range [][]byte{w, g} {
				wantPair := naivePair(s, bs[0], bs[1], m1, m2, d)
				if got := indexPairGo(s, bs[0], bs[1], m1, m2, d); got != wantPair {
					t.Fatalf("indexPairGo(%q, %q, %q, %#x, %#x, %d) = %d, want %d", s, bs[0], bs[1], m1, m2, d, got, wantPair)
				}
				wantAny := naiveAny3(s, bs[0], bs[1], bs[2])
				if got := indexAny3Go(s, bs[0], bs[1], bs[2]); got != wantAny {
					t.Fatalf("indexAny3Go(%q, %q, %q, %q) = %d, want %d", s, bs[0], bs[1], bs[2], got, wantAny)
				}
				wantTeddy := naiveTeddy(ted, s)
				if got := teddyIndexGo(&ted.variant().masks, s, ted.k); got != wantTeddy {
					t.Fatalf("teddyIndexGo(%q, %q, k=%d) = %d, want %d", ted.lits, s, ted.k, got, wantTeddy)
				}
				for _, im := range impls {
					if got := im.teddy(&ted.variant().masks, s, ted.k); got != wantTeddy {
						t.Fatalf("%s teddy(%q, %q, k=%d) = %d, want %d", im.name, ted.lits, s, ted.k, got, wantTeddy)
					}
					if got := im.pair(s, bs[0], bs[1], m1, m2, d); got != wantPair {
						t.Fatalf("%s pair(%q, %q, %q, %#x, %#x, %d) = %d, want %d", im.name, s, bs[0], bs[1], m1, m2, d, got, wantPair)
					}
					if got := im.any3(s, bs[0], bs[1], bs[2]); got != wantAny {
						t.Fatalf("%s any3(%q, %q, %q, %q) = %d, want %d", im.name, s, bs[0], bs[1], bs[2], got, wantAny)
					}
				}
			}
		}
	}
}

// FuzzSIMD compares every vector routine with its pure-Go twin.
func FuzzSIMD(f *testing.F) {
	f.Add([]byte("the quick brown fox jumps over the lazy dog, 0123456789 times over"), byte('o'), byte('e'), byte(' '), uint8(2))
	f.Add(make([]byte, 100), byte(0), byte(0), byte(0), uint8(1))
	f.Add([]byte{5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 0, 1}, byte('a'), byte('b'), byte('c'), uint8(1))
	page := guardedPage(f)
	f.Fuzz(func(t *testing.T, data []byte, a, b, c byte, d uint8) {
		if len(data) > 300 {
			data = data[:300]
		}
		bs := [3]byte{a, b, c}
		ted := buildTeddy(simdLiterals(data[:min(len(data), 40)], bs), false, a%2 == 0)
		checkSIMD(t, page, simdHaystack(data, bs), bs, 1+int(d%40), ted)
	})
}

// TestSIMDRandom runs the fuzz target's check on random inputs, so that a
// plain go test compares the routines too.
func TestSIMDRandom(t *testing.T) {
	page := guardedPage(t)
	r := rand.New(rand.NewPCG(11, 12))
	rounds := 300
	if testing.Short() {
		rounds = 60
	}
	for range rounds {
		data := make([]byte, r.IntN(200))
		for i := range data {
			data[i] = byte(r.Uint32())
		}
		bs := [3]byte{byte(r.Uint32()), byte(r.Uint32()), byte(r.Uint32())}
		spec := make([]byte, r.IntN(40))
		for i := range spec {
			spec[i] = byte(r.Uint32())
		}
		ted := buildTeddy(simdLiterals(spec, bs), false, r.IntN(2) == 0)
		checkSIMD(t, page, simdHaystack(data, bs), bs, 1+r.IntN(40), ted)
	}
}
