// Package cpuid reports the SIMD extensions of the CPU the program runs
// on, for the assembly routines of internal/literal.
//
// The standard library's internal/cpu is not importable and
// golang.org/x/sys/cpu would be a dependency outside the standard library,
// which regexp/ and everything it imports must not have; the detection is
// a few CPUID and XGETBV instructions, written here.
//
// With the build tag purego, or on an architecture other than amd64, every
// feature reads false and no assembly is built.
package cpuid

// X86 holds the features of an amd64 CPU that the literal searchers use.
// It is filled in once, at package initialization, and never changes.
var X86 struct {
	// HasSSE2 is always true on amd64: SSE2 is part of the
	// architecture's baseline.
	HasSSE2 bool
	// HasSSSE3 reports PSHUFB, the byte shuffle Teddy looks up nibbles
	// with.
	HasSSSE3 bool
	// HasAVX2 reports 256-bit integer vectors, with the operating
	// system saving the upper halves of the registers (XCR0 bits 1
	// and 2) so that they are safe to use.
	HasAVX2 bool
}
