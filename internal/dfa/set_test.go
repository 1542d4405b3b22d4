package dfa

import (
	"fmt"
	"math/rand/v2"
	std "regexp"
	"slices"
	"testing"

	"github.com/rerepl/rerepl/internal/enginetest"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// compileSet returns the set DFA of Perl-syntax patterns.
func compileSet(t testing.TB, patterns []string, cfg Config) *DFA {
	t.Helper()
	trees := make([]*syntax.Regexp, len(patterns))
	for i, p := range patterns {
		trees[i] = testutil.Parse(t, p, syntax.Perl).Simplify()
	}
	prog, err := nfa.CompileSet(trees, nfa.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return New(prog, cfg)
}

// setSpan runs ForwardSet and shows its outcome: the patterns found and
// the result, as "[0 2] Match".
func setSpan(d *DFA, c *Cache, n int, input string, first bool) string {
	found := NewPatternSet(n)
	r := d.ForwardSet(c, &nfa.Input{Haystack: []byte(input), End: len(input)}, &found, first)
	return fmt.Sprint(found.AppendTo(nil), " ", r)
}

func TestForwardSetTable(t *testing.T) {
	patterns := []string{`abc`, `b\d+`, `^x`, `z$`, `\bq\b`, `(?i)k`}
	tests := []struct {
		input, all, first string
	}{
		{"", "[] NoMatch", "[] NoMatch"},
		{"abc", "[0] Match", "[0] Match"},
		{"xabcb12 z", "[0 1 2 3] Match", "[2] Match"},
		{"y q z\u212a", "[4 5] Match", "[4] Match"},
		{"yq", "[] NoMatch", "[] NoMatch"},
		{"qq", "[] NoMatch", "[] NoMatch"},
		// The first match is decided before the invalid byte is read.
		{"b1\xff", "[1] Quit", "[1] Match"},
		// The unanchored loop cannot cross an invalid byte: the DFA
		// loses every thread there and can only quit.
		{"\xffabc", "[] Quit", "[] Quit"},
	}
	d := compileSet(t, patterns, Config{})
	c := d.NewCache()
	for _, tt := range tests {
		if got := setSpan(d, c, len(patterns), tt.input, false); got != tt.all {
			t.Errorf("ForwardSet(%q) = %s, want %s", tt.input, got, tt.all)
		}
		if got := setSpan(d, c, len(patterns), tt.input, true); got != tt.first {
			t.Errorf("ForwardSet(%q, first) = %s, want %s", tt.input, got, tt.first)
		}
	}
}

// TestForwardSetSound checks ForwardSet on random sets and inputs
// against the standard library pattern by pattern: exact when it answers
// Match or NoMatch, and after Quit or GaveUp never reporting a pattern
// that does not match, which internal/meta relies on.
func TestForwardSetSound(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 17))
	for range 300 {
		var patterns []string
		var stds []*std.Regexp
		for len(patterns) < 1+rng.IntN(6) {
			p := enginetest.RandomPattern(rng, 2)
			if re, err := std.Compile(p); err == nil {
				patterns = append(patterns, p)
				stds = append(stds, re)
			}
		}
		cfg := Config{}
		if rng.IntN(2) == 0 {
			cfg = Config{CacheCapacity: 3 << 10, MaxClears: 1}
		}
		d := compileSet(t, patterns, cfg)
		c := d.NewCache()
		for range 10 {
			input := enginetest.RandomInput(rng)
			var want []int
			for i, re := range stds {
				if re.MatchString(input) {
					want = append(want, i)
				}
			}
			found := NewPatternSet(len(patterns))
			r := d.ForwardSet(c, &nfa.Input{Haystack: []byte(input), End: len(input)}, &found, false)
			got := found.AppendTo(nil)
			switch r {
			case Match, NoMatch:
				if !slices.Equal(got, want) || (r == Match) != (len(want) > 0) {
					t.Errorf("set %q on %q: %v %v, want %v", patterns, input, got, r, want)
				}
			default:
				for _, i := range got {
					if !slices.Contains(want, i) {
						t.Errorf("set %q on %q: %v found %d, which does not match", patterns, input, r, i)
					}
				}
			}
		}
	}
}

func TestPatternSet(t *testing.T) {
	p := NewPatternSet(130)
	for _, i := range []int{129, 0, 64, 0} {
		p.Insert(i)
	}
	if got := p.AppendTo(nil); !slices.Equal(got, []int{0, 64, 129}) || p.Len() != 3 || p.Full() || !p.Has(64) || p.Has(1) {
		t.Errorf("PatternSet: %v, Len %d", got, p.Len())
	}
	p.Clear()
	if p.Len() != 0 || p.AppendTo(nil) != nil {
		t.Errorf("cleared PatternSet: %v", p.AppendTo(nil))
	}
}

// TestSetCacheStaysWithinCapacity runs a set whose states cannot all fit
// over a long text, with a cache that may clear without limit, and checks
// that it still answers exactly and holds no more than its capacity.
func TestSetCacheStaysWithinCapacity(t *testing.T) {
	const capacity = 64 << 10
	patterns := []string{`[01]*1[01]{12}`, `0{9}`, `\b1+\b`, `(?:01){6}`, `1[01]{5}0$`}
	text := binaryText(40<<10, 5)
	d := compileSet(t, patterns, Config{CacheCapacity: capacity, MaxClears: 1 << 30, MinBytesPerState: -1})
	c := d.NewCache()
	found := NewPatternSet(len(patterns))
	r := d.ForwardSet(c, &nfa.Input{Haystack: text, End: len(text)}, &found, false)
	var want []int
	for i, p := range patterns {
		if std.MustCompile(p).Match(text) {
			want = append(want, i)
		}
	}
	if got := found.AppendTo(nil); r == GaveUp || r == Quit || !slices.Equal(got, want) {
		t.Errorf("ForwardSet = %v %v, want %v", got, r, want)
	}
	if m := c.Memory(); m > capacity {
		t.Errorf("cache holds %d bytes, capacity %d", m, capacity)
	}
	if c.Clears() == 0 {
		t.Errorf("the cache never filled up; the test needs a smaller capacity")
	}
}
