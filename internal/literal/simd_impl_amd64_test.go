//go:build !purego

package literal

import "github.com/rerepl/rerepl/internal/cpuid"

// simdImpls returns every assembly variant this CPU can run, by name, for
// comparison with the pure-Go twins.
func simdImpls() []simdImpl {
	impls := []simdImpl{{"sse2", indexPairSSE2, indexAny3SSE2, teddyOnly(16, teddySSSE3)}}
	if cpuid.X86.HasAVX2 {
		impls = append(impls, simdImpl{"avx2", indexPairAVX2, indexAny3AVX2, teddyOnly(32, teddyAVX2)})
	}
	return impls
}

// teddyOnly runs a Teddy routine where it has enough positions, and the
// pure-Go twin on shorter slices, as teddyIndex does.
func teddyOnly(block int, f func(m *teddyMasks, w []byte, k int) int) func(m *teddyMasks, w []byte, k int) int {
	return func(m *teddyMasks, w []byte, k int) int {
		if len(w)-k+1 < block {
			return teddyIndexGo(m, w, k)
		}
		return f(m, w, k)
	}
}
