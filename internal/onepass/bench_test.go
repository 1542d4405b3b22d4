package onepass

import (
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// BenchmarkSearch measures anchored searches that read a whole 64 KiB
// text, where the per-byte cost is the byte class lookup and the step
// table: a loop that checks $ at every byte, words whose bytes take the
// fast loop, a capture at every byte, and a large Unicode class.
func BenchmarkSearch(b *testing.B) {
	text := []byte(strings.Repeat("the quick brown fox jumps over the lazy dog ", 1<<16/44))
	for _, bm := range []struct{ name, pattern string }{
		{"classloop", `^[a-z ]*$`},
		{"words", `^(?:([a-z]+) )*$`},
		{"capture", `^([a-z ])*$`},
		{"unicode", `^[\pL ]*$`},
	} {
		b.Run(bm.name, func(b *testing.B) {
			prog := testutil.Compile(b, bm.pattern, syntax.Perl)
			e := New(prog)
			if e == nil {
				b.Fatalf("%#q is not one-pass", bm.pattern)
			}
			c := e.NewCache()
			in := &nfa.Input{Haystack: text, End: len(text), Anchored: true}
			slots := make([]int, 2*prog.NumCap)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if !e.Search(c, in, false, slots) {
					b.Fatal("no match")
				}
			}
		})
	}
}
