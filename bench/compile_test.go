package bench

import "testing"

// BenchmarkCompile measures compiling each workload's pattern, as
// BenchmarkCompile/<group>[/<name>]/std and .../rerepl. A program that
// compiles a pattern per request, or a tool that takes patterns from its
// user, pays this on every call.
func BenchmarkCompile(b *testing.B) {
	forEachPattern(b, func(b *testing.B, e engine, pattern string) {
		for b.Loop() {
			if _, err := e.compile(pattern); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// forEachPattern runs body as the sub-benchmark <group>[/<name>]/<engine>
// for each workload's pattern and each engine, reporting allocations.
func forEachPattern(b *testing.B, body func(b *testing.B, e engine, pattern string)) {
	for _, w := range workloads {
		name := w.group
		if w.name != "" {
			name += "/" + w.name
		}
		b.Run(name, func(b *testing.B) {
			pattern := w.resolvePattern(b)
			for _, e := range engines {
				b.Run(e.name, func(b *testing.B) {
					b.ReportAllocs()
					body(b, e, pattern)
				})
			}
		})
	}
}
