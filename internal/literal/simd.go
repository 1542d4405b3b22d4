package literal

import "bytes"

// The vector routines. Each has a pure-Go twin here, which other
// architectures and builds with the tag purego use, and which the fuzz
// target FuzzSIMD compares with the assembly (simd_amd64.s) on every
// length, alignment and page-boundary end. The dispatching functions
// (indexPair, indexAny3) live in simd_amd64.go and simd_other.go.

// indexPairGo returns the smallest i with w[i]|m1 == b1 and
// w[i+d]|m2 == b2 and i+d < len(w), or -1. d is at least 1. A mask of 0
// compares exactly; 0x20 with a lower-case ASCII letter matches both its
// cases (no other byte ORed with 0x20 gives a lower-case letter).
//
// Two bytes at a fixed distance are much rarer together than either alone:
// this is the "packed pair" search, which the assembly runs 16 or 32
// positions at a time. The pure-Go twin scans for b1 with
// [bytes.IndexByte] and checks b2 at each hit.
func indexPairGo(w []byte, b1, b2, m1, m2 byte, d int) int {
	n := len(w) - d // the number of positions i can take
	if m1 != 0 {
		for i := 0; i < n; i++ {
			if w[i]|m1 == b1 && w[i+d]|m2 == b2 {
				return i
			}
		}
		return -1
	}
	for i := 0; i < n; i++ {
		j := bytes.IndexByte(w[i:n], b1)
		if j < 0 {
			return -1
		}
		i += j
		if w[i+d]|m2 == b2 {
			return i
		}
	}
	return -1
}

// indexAny3Go returns the index of the first byte of w that is a, b or c,
// or -1 (memchr3; memchr2 passes one byte twice).
func indexAny3Go(w []byte, a, b, c byte) int {
	for i, x := range w {
		if x == a || x == b || x == c {
			return i
		}
	}
	return -1
}
