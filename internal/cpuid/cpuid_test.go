package cpuid

import (
	"os"
	"runtime"
	"strings"
	"testing"
)

// TestAgreesWithProcCPUInfo checks the detection against the flags Linux
// reports, where that file exists.
func TestAgreesWithProcCPUInfo(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("features are only detected on amd64")
	}
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		t.Skip("no /proc/cpuinfo")
	}
	var flags []string
	for _, line := range strings.Split(string(data), "\n") {
		if name, value, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) == "flags" {
			flags = strings.Fields(value)
			break
		}
	}
	has := func(f string) bool {
		for _, g := range flags {
			if g == f {
				return true
			}
		}
		return false
	}
	if purego {
		if X86.HasSSE2 || X86.HasSSSE3 || X86.HasAVX2 {
			t.Errorf("purego build reports features: %+v", X86)
		}
		return
	}
	if !X86.HasSSE2 {
		t.Errorf("HasSSE2 is false on amd64")
	}
	if X86.HasSSSE3 != has("ssse3") {
		t.Errorf("HasSSSE3 = %v, /proc/cpuinfo says %v", X86.HasSSSE3, has("ssse3"))
	}
	if X86.HasAVX2 != has("avx2") {
		t.Errorf("HasAVX2 = %v, /proc/cpuinfo says %v", X86.HasAVX2, has("avx2"))
	}
}
