package regexp

import (
	"fmt"
	"math/rand"
	"reflect"
	std "regexp"
	"slices"
	"strings"
	"testing"
)

// forcedStrategies maps each strategy-forcing value of testEngines to the
// strategy it forces, and to the least share of searches that must have
// run it (rather than fall back) over the differential patterns, so that
// forcing demonstrably exercises each strategy.
var forcedStrategies = []struct {
	force    engine
	strategy strategy
	minShare float64
}{
	{engineLiteral, strategyLiteral, 0.05},
	{enginePrefilter, strategyPrefilter, 0.10},
	{engineDFA, strategyDFA, 0.95},
	{engineDFAGiveUp, strategyDFA, 0.95},
	{engineReverseSuffix, strategyReverseSuffix, 0.10},
	{engineReverseInner, strategyReverseInner, 0.05},
	{engineReverseAnchored, strategyReverseAnchored, 0.15},
}

// countRuns returns how many searches ran strategy s and how many fell
// back from it while f ran.
func countRuns(s strategy, f func()) (ran, fellBack int64) {
	ran0, fell0 := strategyRuns.ran[s].Load(), strategyRuns.fellBack[s].Load()
	f()
	return strategyRuns.ran[s].Load() - ran0, strategyRuns.fellBack[s].Load() - fell0
}

// TestForcedStrategiesRun runs the differential patterns and the case
// file with each strategy forced, compares every answer with the standard
// library, and requires each strategy to have run on a good share of the
// searches: a strategy that silently always fell back would make the
// other tests that force it prove nothing.
func TestForcedStrategiesRun(t *testing.T) {
	var patterns []string
	for _, p := range diffPatterns(true) {
		// Variants with a literal at the end, a literal in the
		// middle, and an anchor at the end give the reverse
		// strategies something to work on.
		patterns = append(patterns, p, "(?:"+p+")ab", "(?:"+p+")ab(?:"+p+")[a-c]", "(?:"+p+")$")
	}
	cases := loadCases(t)
	for _, fs := range forcedStrategies {
		t.Run(fs.force.String(), func(t *testing.T) {
			ran, fell := countRuns(fs.strategy, func() {
				for _, p := range patterns {
					ours, err := Compile(p)
					if err != nil {
						continue
					}
					ours.force = fs.force
					theirs := std.MustCompile(p)
					for _, d := range compareFinds(ours, theirs, diffTexts) {
						t.Errorf("%#q: %s", p, d)
					}
				}
				for _, c := range cases {
					re, err := compileMode(c.mode, c.pattern, fs.force)
					if err != nil {
						continue
					}
					re.FindAllStringSubmatchIndex(c.text, -1)
				}
			})
			share := float64(ran) / float64(max(ran+fell, 1))
			t.Logf("%s ran %d searches, fell back on %d (%.0f%%)", fs.strategy, ran, fell, 100*share)
			if share < fs.minShare {
				t.Errorf("%s ran on %.1f%% of searches, want at least %.0f%%", fs.strategy, 100*share, 100*fs.minShare)
			}
		})
	}
}

// compareFinds compares the search methods that reach the strategies
// (whether, where, and with which groups) of ours and theirs, leftmost
// first and, on copies, leftmost-longest, on every text. The whole API
// runs through each strategy in TestDifferential.
func compareFinds(ours *Regexp, theirs *std.Regexp, texts []string) []string {
	var diffs []string
	lo, lt := ours.Copy(), theirs.Copy()
	lo.Longest()
	lt.Longest()
	for _, pair := range []struct {
		mode   string
		ours   *Regexp
		theirs *std.Regexp
	}{{"first", ours, theirs}, {"longest", lo, lt}} {
		for _, s := range texts {
			check := func(what string, got, want any) {
				if !reflect.DeepEqual(got, want) {
					diffs = append(diffs, fmt.Sprintf("[%s] %s(%q) = %v, standard library %v", pair.mode, what, s, got, want))
				}
			}
			o, t := pair.ours, pair.theirs
			check("MatchString", o.MatchString(s), t.MatchString(s))
			check("FindStringIndex", o.FindStringIndex(s), t.FindStringIndex(s))
			check("FindStringSubmatchIndex", o.FindStringSubmatchIndex(s), t.FindStringSubmatchIndex(s))
			check("FindAllStringIndex", o.FindAllStringIndex(s, -1), t.FindAllStringIndex(s, -1))
			check("FindAllStringSubmatchIndex", o.FindAllStringSubmatchIndex(s, -1), t.FindAllStringSubmatchIndex(s, -1))
		}
	}
	return diffs
}

// TestReverseStrategyTraps runs, on every engine and strategy, patterns
// where a literal found first belongs to a later or shorter match than
// the leftmost one: the shapes behind rust-lang/regex#1063, #1110, #1345,
// #1354 and #1373, each of which made a reverse-suffix or reverse-inner
// search report a match that does not start leftmost.
func TestReverseStrategyTraps(t *testing.T) {
	traps := []struct{ pattern, text string }{
		{`.bb|b`, "zabb"},
		{`.abb|b`, "zabb"},
		{`a|.aa`, "-#aa"},
		{`\x00|.\x00\x00`, "\x00\x00\x00\x00\n\x0b\x00\x00\x00"},
		{`(\\N\{[^}]+})|([{}])`, `hiya \N{snowman} bye`},
		{`[^()]*(?:\([^()]*\))?[^()]*:`, "$(:):"},
		{`(?:(\d+)[:.])?(\d{1,2})[:.](\d{2})`, "888:77:66"},
		{`\w+\s+Holmes`, "Mr. Holmes and Sherlock Holmes"},
		{`\w+\s+Holmes\s+\w+`, "Holmes Holmes Holmes, Sherlock Holmes said"},
		{`[a-z]+ing`, "singing and ringing"},
		{`(?:ab)+cd`, "abababcd xabcd"},
		{`\b\w+ab\b`, "xab abab cab"},
		// The same shapes with literals long enough for the reverse
		// strategies to take them.
		{`.bcbc|bc`, "zabcbc"},
		{`(?:.bcbc|bc)xy`, "zabcbcxy"},
		{`(?:.bcbc|bc)\d`, "zabcbc1"},
		{`[^()]*(?:\([^()]*\))?[^()]*::`, "$(::)::"},
		{`(?:(\d+)::)?(\d{1,2})::(\d{2})`, "888::77::66"},
		{`(?:a|.aa)xy`, "-#aaxy"},
		{`(\\N\{[^}]+}xy)|([{}]xy)`, `hiya \N{snowxy}xy bye`},
	}
	ran := map[strategy]int64{}
	for _, tr := range traps {
		theirs := std.MustCompile(tr.pattern)
		for _, e := range testEngines {
			ours := MustCompile(tr.pattern)
			ours.force = e
			var diffs []string
			if s, ok := forcedStrategy[e]; ok {
				n, _ := countRuns(s, func() { diffs = compareFinds(ours, theirs, []string{tr.text}) })
				ran[s] += n
			} else {
				diffs = compareFinds(ours, theirs, []string{tr.text})
			}
			for _, d := range diffs {
				t.Errorf("%#q [%s]: %s", tr.pattern, e, d)
			}
		}
	}
	for _, s := range []strategy{strategyReverseSuffix, strategyReverseInner} {
		if ran[s] == 0 {
			t.Errorf("%s never ran on the traps", s)
		}
	}
}

// TestReverseSuffixGuard builds a text where every occurrence of the
// suffix literal is a candidate whose reverse scan runs all the way back
// and fails, which would make the search quadratic; the strategy must
// notice, go on with a forward scan, and still answer right.
func TestReverseSuffixGuard(t *testing.T) {
	const pattern = `x[a-z]*ab`
	text := strings.Repeat("cab", 3000) + " xab"
	ours := MustCompile(pattern)
	ours.exec.prepare()
	if got := ours.exec.plan.kind; got != strategyReverseSuffix {
		t.Fatalf("%#q: strategy %s, want %s", pattern, got, strategyReverseSuffix)
	}
	ours.force = engineReverseSuffix
	before := strategyRuns.guardFallbacks.Load()
	for _, d := range compareFinds(ours, std.MustCompile(pattern), []string{text}) {
		t.Error(d)
	}
	if strategyRuns.guardFallbacks.Load() == before {
		t.Errorf("the quadratic guard never fired")
	}
}

// TestDFAGiveUpFallsBack runs searches on DFAs that give up after a few
// bytes and requires the NFA engines to have taken over, with the same
// answers as the standard library.
func TestDFAGiveUpFallsBack(t *testing.T) {
	text := strings.Repeat("the quick brown fox jumps over the lazy dog 1234 ", 20)
	before := strategyRuns.nfaFallbacks.Load()
	for _, p := range []string{`\w+`, `[a-z]+ \d+`, `(\w+) (\w+)`, `o\w*`, `\d+$`, `zz|dog`} {
		ours := MustCompile(p)
		ours.force = engineDFAGiveUp
		for _, d := range compareFinds(ours, std.MustCompile(p), []string{text}) {
			t.Errorf("%#q: %s", p, d)
		}
	}
	if strategyRuns.nfaFallbacks.Load() == before {
		t.Errorf("no search fell back to the NFA engines")
	}
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
	for _, e := range []engine{engineDFA, engineDFAGiveUp, engineAuto} {
		re := MustCompile(`[01]*1[01]{20}`)
		re.force = e
		if got, want := re.FindIndex(text), std.MustCompile(`[01]*1[01]{20}`).FindIndex(text); !slices.Equal(got, want) {
			t.Errorf("[%s] FindIndex = %v, want %v", e, got, want)
		}
		re.Match(text)
		c := re.exec.getCache(nil)
		if n, limit := c.dfa.memory(), c.dfa.count()*dfaCacheCapacity; n > limit {
			t.Errorf("[%s] DFA caches hold %d bytes, more than %d caches of %d bytes", e, n, c.dfa.count(), dfaCacheCapacity)
		}
		re.exec.putCache(c)
	}
}

// TestStrategyChoice pins the strategy picked for typical patterns (those
// of the benchmark suite among them), so that a change in the choice is a
// visible decision. wantDFA is the choice once a fast DFA is available,
// want the choice without one.
func TestStrategyChoice(t *testing.T) {
	tests := []struct {
		pattern       string
		want, wantDFA strategy
	}{
		{`Sherlock Holmes`, strategyLiteral, strategyLiteral},
		{`(?i)Sherlock Holmes`, strategyLiteral, strategyLiteral},
		{`Sherlock|Holmes|Watson|Irene|Adler`, strategyLiteral, strategyLiteral},
		{`(?i)[cgt]gggtaaa|tttaccc[acg]`, strategyLiteral, strategyLiteral},
		{`\w+`, strategyPrefilter, strategyPrefilter},
		{`\p{L}{8,13}`, strategyPrefilter, strategyPrefilter},
		{`[A-Z]{20}`, strategyPrefilter, strategyPrefilter},
		{`.*[^A-Z]|[A-Z]`, strategyNFA, strategyDFA},
		{`\w+\s+Holmes`, strategyReverseSuffix, strategyReverseSuffix},
		{`(\w+)@(\w+)\.com`, strategyReverseSuffix, strategyReverseSuffix},
		{`\w+\s+Holmes\s+\w+`, strategyReverseInner, strategyReverseInner},
		{`.*.*=.*`, strategyReverseInner, strategyReverseInner},
		{`\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4}`, strategyPrefilter, strategyPrefilter},
		{`>.*\n|\n`, strategyPrefilter, strategyPrefilter},
		{`foo\w+`, strategyPrefilter, strategyPrefilter},
		{`(?m)^(\w+);(\w+)$`, strategyPrefilter, strategyPrefilter},
		{`\s+$`, strategyReverseAnchored, strategyReverseAnchored},
		{`(\w+)\z`, strategyReverseAnchored, strategyReverseAnchored},
		{`^ *(\w+) +(\w+) +(\w+)`, strategyNFA, strategyNFA},
		{`^(a+|ab)c`, strategyNFA, strategyDFA},
	}
	for _, tt := range tests {
		re := MustCompile(tt.pattern)
		want := tt.want
		re.exec.prepare()
		if re.exec.plan.dfa != nil && re.exec.plan.dfa.fast {
			want = tt.wantDFA
		}
		if got := re.exec.plan.kind; got != want {
			t.Errorf("%#q: strategy %s (%s), want %s", tt.pattern, got, re.strategyName(), want)
		}
	}
}

// TestLanguageSize checks the bound on the number of strings a pattern
// matches that decides whether the literal-only strategy is tried.
func TestLanguageSize(t *testing.T) {
	const limit = 100
	tests := []struct {
		pattern string
		want    int // limit+1 means "too many or unbounded"
	}{
		{`abc`, 1},
		{`[a-c]x`, 3},
		{`(?i)k`, 3},
		{`a|b|cd`, 3},
		{`(a|b)(c|d)`, 4},
		{`a?`, 2},
		{`\d{2}`, 100},
		{`\d{3}`, limit + 1},
		{`a*`, limit + 1},
		{`^a`, limit + 1},
	}
	for _, tt := range tests {
		tree, _ := compileForTest(t, tt.pattern)
		if got := languageSize(tree, limit); got != tt.want {
			t.Errorf("%#q: languageSize %d, want %d", tt.pattern, got, tt.want)
		}
	}
}

// TestWarmUp checks when the strategy gets built: not for the first
// warmUpCalls searches of short texts, which run on the NFA engines, but
// on the next one; at once for a long text; and at once for a literal,
// whose strategy is cheaper than the engines, but not for an alternation
// of literals, whose Aho-Corasick automaton is not.
func TestWarmUp(t *testing.T) {
	short := "Mr Sherlock Holmes"
	long := strings.Repeat("-", warmUpMaxLen) + short
	re := MustCompile(`\w+\s+Holmes`)
	for i := range warmUpCalls {
		if got := re.FindString(short); got != short[3:] {
			t.Fatalf("warm-up search %d: %q, want %q", i, got, short[3:])
		}
		if re.exec.prepared.Load() {
			t.Fatalf("strategy built after %d short searches, want %d", i+1, warmUpCalls+1)
		}
	}
	if got := re.FindString(short); got != short[3:] || !re.exec.prepared.Load() {
		t.Errorf("search %d: %q, strategy built %v; want %q, true", warmUpCalls+1, got, re.exec.prepared.Load(), short[3:])
	}

	re = MustCompile(`\w+\s+Holmes`)
	if got := re.FindString(long); got != short[3:] || !re.exec.prepared.Load() {
		t.Errorf("first search of %d bytes: %q, strategy built %v; want %q, true", len(long), got, re.exec.prepared.Load(), short[3:])
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
		re = MustCompile(tt.pattern)
		got := re.FindString(short)
		if got != "Holmes" || re.exec.prepared.Load() == tt.warms || re.exec.enginesBuilt.Load() != tt.warms {
			t.Errorf("%#q: %q, strategy built %v, engines built %v; want \"Holmes\", %v, %v", tt.pattern,
				got, re.exec.prepared.Load(), re.exec.enginesBuilt.Load(), !tt.warms, tt.warms)
		}
	}
}
