package regexp

import (
	std "regexp"
	"strings"
	"testing"
)

// hostileCases are patterns that make backtracking matchers take
// exponential time on texts that almost match (or, for the counted
// repetition, a program a thousand copies long). Here every search must
// stay linear in the text: the throughput (b.SetBytes) should not drop as
// the text grows.
var hostileCases = []struct {
	name, pattern string
	unit          string // the text is unit repeated
}{
	{"NestedStar", `(a*)*b`, "a"},
	{"OverlappingAlt", `(a|aa)*c`, "a"},
	{"NestedPlus", `(x+x+)+y`, "x"},
	{"CountedDotStar", `(.*){1,1000}`, "ab"},
}

var hostileSizes = []struct {
	name string
	n    int
}{
	{"1KB", 1 << 10},
	{"64KB", 64 << 10},
	{"1MB", 1 << 20},
}

func BenchmarkHostile(b *testing.B) {
	for _, c := range hostileCases {
		re, err := Compile(c.pattern)
		if err != nil {
			b.Fatal(err)
		}
		ref := std.MustCompile(c.pattern)
		for _, size := range hostileSizes {
			text := strings.Repeat(c.unit, size.n/len(c.unit))
			b.Run(c.name+"/"+size.name+"/rerepl", func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					re.FindStringSubmatchIndex(text)
				}
			})
			b.Run(c.name+"/"+size.name+"/std", func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					ref.FindStringSubmatchIndex(text)
				}
			})
		}
	}
}

// BenchmarkMatchString measures the per-call overhead of a short search on
// a warm Regexp, where caching the engines' memory matters most.
func BenchmarkMatchString(b *testing.B) {
	re := MustCompile(`(\w+)@(\w+)\.com`)
	b.ReportAllocs()
	for b.Loop() {
		re.MatchString("write to someone@example.com today")
	}
}
