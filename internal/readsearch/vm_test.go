package readsearch

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/pikevm"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

func TestIncompleteTail(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0}, {"a", 0}, {"é", 0}, {"a\xc3", 1}, {"\xe6\x97", 2}, {"\xf0\x9f\x98", 3},
		{"\xf0\x9f\x98\x80", 0}, {"a\x80", 0}, {"\xff", 0}, {"日本\xe8", 1},
	} {
		if got := incompleteTail([]byte(c.in)); got != c.want {
			t.Errorf("incompleteTail(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// TestVMAgainstPikeVM feeds texts to the streaming VM a piece at a time
// and requires the Pike VM's match and groups on the whole text,
// leftmost-first and leftmost-longest, invalid UTF-8 included.
func TestVMAgainstPikeVM(t *testing.T) {
	patterns := []string{
		`a+`, `(a|ab)(c|bcd)(d*)`, `\b\w+\b`, `(?m)^b`, `$`, `x*`, `[^a]{2}`, `(\w+)\s(\w+)`,
		`\x{FFFD}+`, `.`, `(?i)k+`, `日本?`, `(a*)+$`, `\B`, `^ab|b`,
	}
	pieces := []string{"a", "b", "ab", " ", "\n", "é", "日", "本", "\xff", "\xe2\x82", "k", "K", "cd", "x"}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, p := range patterns {
		prog := testutil.Compile(t, p, syntax.Perl)
		pv := pikevm.New(prog)
		pc := pv.NewCache()
		var m vm
		for range 200 {
			var text []byte
			for range rng.IntN(10) {
				text = append(text, pieces[rng.IntN(len(pieces))]...)
			}
			for _, longest := range []bool{false, true} {
				want := make([]int, 2*prog.NumCap)
				matched := pv.Search(pc, &nfa.Input{Haystack: text, End: len(text)}, longest, want)
				m.reset(prog, 0, len(want), longest, false, false)
				got, fed := -1, 0
				for {
					// Feed up to a random, rune-aligned length.
					st := m.run(text[:fed], 0, fed == len(text), int(^uint(0)>>1))
					if st == vmStopped {
						got = 0
						break
					}
					fed = min(len(text), fed+1+rng.IntN(4))
					for fed < len(text) && fed > 0 && text[fed]&0xC0 == 0x80 && incompleteTail(text[:fed]) > 0 {
						fed++
					}
				}
				if got < 0 || m.matched != matched || matched && !slices.Equal(m.best, want) {
					t.Errorf("%#q longest=%v on %q: vm %v %v, Pike VM %v %v", p, longest, text, m.matched, m.best, matched, want)
				}
			}
		}
	}
}
