package bench

import "testing"

// firstUseLine is the short text of BenchmarkFirstUse: one line of prose
// with a name, a date and a log-like field or two, so that most patterns
// of the suite find something in it.
const firstUseLine = "Sherlock Holmes took the 2023-10-11 train at 10:42; user=watson status=200 ACGTAGGGTAAACGT"

// BenchmarkFirstUse measures compiling each workload's pattern and
// running one FindSubmatchIndex on a line of 90 bytes, as
// BenchmarkFirstUse/<group>[/<name>]/std and .../rerepl. This is the
// whole cost for a program that compiles a pattern to use it once; rerepl
// builds its program, engines and strategy on the first search rather
// than in Compile, so BenchmarkCompile alone does not show them.
func BenchmarkFirstUse(b *testing.B) {
	line := []byte(firstUseLine)
	forEachPattern(b, func(b *testing.B, e engine, pattern string) {
		for b.Loop() {
			re, err := e.compile(pattern)
			if err != nil {
				b.Fatal(err)
			}
			re.FindSubmatchIndex(line)
		}
	})
}
