//go:build !purego

package literal

import "github.com/rerepl/rerepl/internal/cpuid"

// haveSIMD reports whether vector routines back the searchers: on amd64
// always, since SSE2 is the baseline.
const haveSIMD = true

// useAVX2 selects the 32-byte routines; it is fixed at start-up.
var useAVX2 = cpuid.X86.HasAVX2

// The assembly routines of simd_amd64.s. Each has the contract of its
// pure-Go twin in simd.go and handles any length, reading no byte outside
// w.

//go:noescape
func indexPairSSE2(w []byte, b1, b2 byte, d int) int

//go:noescape
func indexPairAVX2(w []byte, b1, b2 byte, d int) int

//go:noescape
func indexAny3SSE2(w []byte, a, b, c byte) int

//go:noescape
func indexAny3AVX2(w []byte, a, b, c byte) int

func indexPair(w []byte, b1, b2 byte, d int) int {
	if useAVX2 {
		return indexPairAVX2(w, b1, b2, d)
	}
	return indexPairSSE2(w, b1, b2, d)
}

func indexAny3(w []byte, a, b, c byte) int {
	if useAVX2 {
		return indexAny3AVX2(w, a, b, c)
	}
	return indexAny3SSE2(w, a, b, c)
}
