//go:build !purego

package literal

import "github.com/rerepl/rerepl/internal/cpuid"

// haveSIMD reports whether vector routines back the searchers: on amd64
// always, since SSE2 is the baseline.
const haveSIMD = true

// useAVX2 selects the 32-byte routines; it is fixed at start-up.
var useAVX2 = cpuid.X86.HasAVX2

// haveTeddy reports whether sets of literals use Teddy, which needs the
// byte shuffle of SSSE3.
var haveTeddy = cpuid.X86.HasSSSE3

// The assembly routines of simd_amd64.s. Each has the contract of its
// pure-Go twin in simd.go and handles any length, reading no byte outside
// w.

//go:noescape
func indexPairSSE2(w []byte, b1, b2, m1, m2 byte, d int) int

//go:noescape
func indexPairAVX2(w []byte, b1, b2, m1, m2 byte, d int) int

//go:noescape
func indexAny3SSE2(w []byte, a, b, c byte) int

//go:noescape
func indexAny3AVX2(w []byte, a, b, c byte) int

// teddySSSE3 and teddyAVX2 need at least 16 and 32 positions:
// len(w)-k+1 >= 16 or 32.
//
//go:noescape
func teddySSSE3(m *teddyMasks, w []byte, k int) int

//go:noescape
func teddyAVX2(m *teddyMasks, w []byte, k int) int

func indexPair(w []byte, b1, b2, m1, m2 byte, d int) int {
	if useAVX2 {
		return indexPairAVX2(w, b1, b2, m1, m2, d)
	}
	return indexPairSSE2(w, b1, b2, m1, m2, d)
}

func indexAny3(w []byte, a, b, c byte) int {
	if useAVX2 {
		return indexAny3AVX2(w, a, b, c)
	}
	return indexAny3SSE2(w, a, b, c)
}

func teddyIndex(m *teddyMasks, w []byte, k int) int {
	n := len(w) - k + 1 // the positions a literal can start at
	if useAVX2 && n >= 32 {
		return teddyAVX2(m, w, k)
	}
	if haveTeddy && n >= 16 {
		return teddySSSE3(m, w, k)
	}
	return teddyIndexGo(m, w, k)
}
