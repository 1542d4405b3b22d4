//go:build !purego

package literal

import "github.com/rerepl/rerepl/internal/cpuid"

// simdImpls returns every assembly variant this CPU can run, by name, for
// comparison with the pure-Go twins.
func simdImpls() []simdImpl {
	impls := []simdImpl{{"sse2", indexPairSSE2, indexAny3SSE2}}
	if cpuid.X86.HasAVX2 {
		impls = append(impls, simdImpl{"avx2", indexPairAVX2, indexAny3AVX2})
	}
	return impls
}
