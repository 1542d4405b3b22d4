package meta

import (
	"math/rand"
	std "regexp"
	"slices"
	"strings"
	"testing"
)

// findString returns the text of the leftmost match of x in s.
func (x *Regexp) findString(s string) string {
	m := x.Find([]byte(s), 0, false, 2, nil)
	if m == nil {
		return ""
	}
	return s[m[0]:m[1]]
}

// TestDFACacheMemoryIsBounded searches large inputs that make a DFA build
// many states (the 21st byte from the end of a 0/1 string must be 1: a
// DFA needs 2^21 states to know it) and requires the DFA caches a
// *Regexp keeps between searches to stay within their cap.
func TestDFACacheMemoryIsBounded(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	text := make([]byte, 1<<20)
	for i := range text {
		text[i] = '0' + byte(rng.Intn(2))
	}
	for _, e := range []Force{ForceDFA, ForceDFAGiveUp, ForceAuto} {
		re := mustCompile(t, `[01]*1[01]{20}`, Config{Force: e})
		if got, want := re.Find(text, 0, false, 2, nil), std.MustCompile(`[01]*1[01]{20}`).FindIndex(text); !slices.Equal(got, want) {
			t.Errorf("[%s] FindIndex = %v, want %v", e, got, want)
		}
		re.Find(text, 0, false, 0, nil)
		c := re.getCache(0)
		if n, limit := c.dfa.memory(), c.dfa.count()*dfaCacheCapacity; n > limit {
			t.Errorf("[%s] DFA caches hold %d bytes, more than %d caches of %d bytes", e, n, c.dfa.count(), dfaCacheCapacity)
		}
		re.putCache(c)
	}
}

// TestStrategyChoice pins the strategy picked for typical patterns (those
// of the benchmark suite among them), so that a change in the choice is a
// visible decision. wantDFA is the choice once a fast DFA is available,
// want the choice without one.
func TestStrategyChoice(t *testing.T) {
	tests := []struct {
		pattern       string
		want, wantDFA Strategy
	}{
		{`Sherlock Holmes`, StrategyLiteral, StrategyLiteral},
		{`(?i)Sherlock Holmes`, StrategyLiteral, StrategyLiteral},
		{`Sherlock|Holmes|Watson|Irene|Adler`, StrategyLiteral, StrategyLiteral},
		{`(?i)[cgt]gggtaaa|tttaccc[acg]`, StrategyLiteral, StrategyLiteral},
		{`\w+`, StrategyPrefilter, StrategyPrefilter},
		{`\p{L}{8,13}`, StrategyPrefilter, StrategyPrefilter},
		{`[A-Z]{20}`, StrategyPrefilter, StrategyPrefilter},
		{`.*[^A-Z]|[A-Z]`, StrategyNFA, StrategyDFA},
		{`\w+\s+Holmes`, StrategyReverseSuffix, StrategyReverseSuffix},
		{`(\w+)@(\w+)\.com`, StrategyReverseSuffix, StrategyReverseSuffix},
		{`\w+\s+Holmes\s+\w+`, StrategyReverseInner, StrategyReverseInner},
		{`.*.*=.*`, StrategyReverseInner, StrategyReverseInner},
		{`\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4}`, StrategyPrefilter, StrategyPrefilter},
		{`>.*\n|\n`, StrategyPrefilter, StrategyPrefilter},
		{`foo\w+`, StrategyPrefilter, StrategyPrefilter},
		{`(?m)^(\w+);(\w+)$`, StrategyPrefilter, StrategyPrefilter},
		{`\s+$`, StrategyReverseAnchored, StrategyReverseAnchored},
		{`(\w+)\z`, StrategyReverseAnchored, StrategyReverseAnchored},
		{`^ *(\w+) +(\w+) +(\w+)`, StrategyNFA, StrategyNFA},
		{`^(a+|ab)c`, StrategyNFA, StrategyDFA},
	}
	for _, tt := range tests {
		re := mustCompile(t, tt.pattern, Config{})
		want := tt.want
		re.prepare()
		if re.plan.dfa != nil && re.plan.dfa.fast {
			want = tt.wantDFA
		}
		if got := re.plan.kind; got != want {
			t.Errorf("%#q: strategy %s (%s), want %s", tt.pattern, got, re.strategyName(), want)
		}
	}
}

// TestWarmUp checks when the strategy gets built: not for the first
// WarmUpCalls searches of short texts, which run on the NFA engines, but
// on the next one; at once for a long text; and at once for a literal,
// whose strategy is cheaper than the engines, but not for an alternation
// of literals, whose Aho-Corasick automaton is not.
func TestWarmUp(t *testing.T) {
	short := "Mr Sherlock Holmes"
	long := strings.Repeat("-", WarmUpMaxLen) + short
	re := mustCompile(t, `\w+\s+Holmes`, Config{})
	for i := range WarmUpCalls {
		if got := re.findString(short); got != short[3:] {
			t.Fatalf("warm-up search %d: %q, want %q", i, got, short[3:])
		}
		if re.prepared.Load() {
			t.Fatalf("strategy built after %d short searches, want %d", i+1, WarmUpCalls+1)
		}
	}
	if got := re.findString(short); got != short[3:] || !re.prepared.Load() {
		t.Errorf("search %d: %q, strategy built %v; want %q, true", WarmUpCalls+1, got, re.prepared.Load(), short[3:])
	}

	re = mustCompile(t, `\w+\s+Holmes`, Config{})
	if got := re.findString(long); got != short[3:] || !re.prepared.Load() {
		t.Errorf("first search of %d bytes: %q, strategy built %v; want %q, true", len(long), got, re.prepared.Load(), short[3:])
	}

	for _, tt := range []struct {
		pattern string
		warms   bool
	}{
		{`Holmes`, false},
		{`(?i)holmes`, false},
		{`(Holmes)`, false},
		{`Holmes|Watson`, true},
	} {
		re = mustCompile(t, tt.pattern, Config{})
		got := re.findString(short)
		if got != "Holmes" || re.prepared.Load() == tt.warms || re.enginesBuilt.Load() != tt.warms {
			t.Errorf("%#q: %q, strategy built %v, engines built %v; want \"Holmes\", %v, %v", tt.pattern,
				got, re.prepared.Load(), re.enginesBuilt.Load(), !tt.warms, tt.warms)
		}
	}
}
