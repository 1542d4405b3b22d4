//go:build !purego

package cpuid

// cpuid executes CPUID with EAX=eaxArg and ECX=ecxArg.
//
//go:noescape
func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

// xgetbv returns the low and high halves of XCR0. It must only be called
// when CPUID reports OSXSAVE.
//
//go:noescape
func xgetbv() (eax, edx uint32)

// Feature bits, from the Intel and AMD manuals.
const (
	ecx1SSSE3   = 1 << 9  // CPUID.1:ECX
	ecx1OSXSAVE = 1 << 27 // CPUID.1:ECX
	ecx1AVX     = 1 << 28 // CPUID.1:ECX
	ebx7AVX2    = 1 << 5  // CPUID.(EAX=7,ECX=0):EBX
	// xcr0YMM says the OS saves the XMM (bit 1) and YMM upper (bit 2)
	// state on a context switch.
	xcr0YMM = 1<<1 | 1<<2
)

func init() {
	X86.HasSSE2 = true
	maxLeaf, _, _, _ := cpuid(0, 0)
	if maxLeaf < 1 {
		return
	}
	_, _, ecx1, _ := cpuid(1, 0)
	X86.HasSSSE3 = ecx1&ecx1SSSE3 != 0
	if maxLeaf < 7 || ecx1&ecx1OSXSAVE == 0 || ecx1&ecx1AVX == 0 {
		return
	}
	if xcr0, _ := xgetbv(); xcr0&xcr0YMM != xcr0YMM {
		return
	}
	_, ebx7, _, _ := cpuid(7, 0)
	X86.HasAVX2 = ebx7&ebx7AVX2 != 0
}
