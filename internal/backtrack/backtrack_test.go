package backtrack

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// run searches s[start:] with nslots slots and returns them as
// FindSubmatchIndex would (nil for no match).
func run(b *Backtracker, c *Cache, s string, start int, anchored, longest bool, nslots int) []int {
	in := &nfa.Input{Haystack: []byte(s), Start: start, End: len(s), Anchored: anchored}
	slots := make([]int, nslots)
	if !b.Search(c, in, longest, slots) {
		return nil
	}
	return slots
}

// stdBoth returns the standard library's leftmost-first and
// leftmost-longest matchers for a Perl-syntax pattern.
func stdBoth(pattern string) (first, longest *regexp.Regexp) {
	first = regexp.MustCompile(pattern)
	longest = regexp.MustCompile(pattern)
	longest.Longest()
	return first, longest
}

// TestMaxLen checks that MaxLen keeps the visited set within its budget,
// that a search of exactly MaxLen bytes runs and is right, and that a
// longer one is refused.
func TestMaxLen(t *testing.T) {
	prog := testutil.Compile(t, `(a|b)*c`, syntax.Perl)
	b := New(prog)
	n := b.MaxLen()
	if bits := len(prog.States) * (n + 1); bits > visitedBudget {
		t.Errorf("MaxLen %d needs %d bits, budget %d", n, bits, visitedBudget)
	}
	if bits := len(prog.States) * (n + 2); bits <= visitedBudget {
		t.Errorf("MaxLen %d is not the largest: %d bits still fit the budget %d", n, bits, visitedBudget)
	}
	s := strings.Repeat("ab", n/2) + "c"
	s = s[len(s)-n:]
	c := b.NewCache()
	if got, want := run(b, c, s, 0, false, false, 4), regexp.MustCompile(`(a|b)*c`).FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Errorf("search of MaxLen bytes: %v, want %v", got, want)
	}
	if words := cap(c.visited); words*64 > visitedBudget+63 {
		t.Errorf("visited set has %d words, over the budget", words)
	}
	defer func() {
		if recover() == nil {
			t.Error("a search longer than MaxLen did not panic")
		}
	}()
	run(b, c, s+"c", 0, false, false, 0)
}

// TestPathological runs patterns that make naive backtrackers take
// exponential time; the visited set must keep the answers right (and the
// search linear) on the longest input the budget allows.
func TestPathological(t *testing.T) {
	for _, p := range []string{`(a*)*b`, `(a|aa)+b`, `(a?){20}a{20}`, `(?:a+)+$`, `(x+x+)+y`} {
		prog := testutil.Compile(t, p, syntax.Perl)
		b := New(prog)
		n := min(b.MaxLen(), 2000)
		s := strings.Repeat("a", n)
		first, longest := stdBoth(p)
		c := b.NewCache()
		for _, mode := range []struct {
			longest bool
			std     *regexp.Regexp
		}{{false, first}, {true, longest}} {
			got := run(b, c, s, 0, false, mode.longest, 2*prog.NumCap)
			if want := mode.std.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
				t.Errorf("%#q longest=%v on %d a's: %v, want %v", p, mode.longest, n, got, want)
			}
		}
	}
}

// TestDeepAlternation needs the explicit stack: thousands of words make a
// Split chain thousands of states deep.
func TestDeepAlternation(t *testing.T) {
	words := make([]string, 3000)
	for i := range words {
		words[i] = fmt.Sprintf("(w%d)x", i)
	}
	p := strings.Join(words, "|")
	prog := testutil.Compile(t, p, syntax.Perl)
	b := New(prog)
	s := "w w2999x"
	if len(s) > b.MaxLen() {
		t.Fatalf("MaxLen %d too small for this test", b.MaxLen())
	}
	got := run(b, b.NewCache(), s, 0, false, false, 2*prog.NumCap)
	if want := regexp.MustCompile(p).FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestWarmCacheAllocs checks that searches with a warm cache allocate
// nothing, also when a later input is shorter than an earlier one.
func TestWarmCacheAllocs(t *testing.T) {
	prog := testutil.Compile(t, `(\pL+)\s+(\d+|x*)(?i:k)?`, syntax.Perl)
	b := New(prog)
	c := b.NewCache()
	long := &nfa.Input{Haystack: []byte("éé 123 wörld 42K zz"), End: 21}
	short := &nfa.Input{Haystack: []byte("ab 1"), End: 4}
	slots := make([]int, 2*prog.NumCap)
	b.Search(c, long, false, slots)
	b.Search(c, long, true, slots)
	allocs := testing.AllocsPerRun(20, func() {
		b.Search(c, long, false, slots)
		b.Search(c, short, true, slots)
		b.Search(c, long, true, slots[:2])
	})
	if allocs != 0 {
		t.Errorf("%v allocations per warm search, want 0", allocs)
	}
}
