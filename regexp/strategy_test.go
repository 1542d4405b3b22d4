package regexp

import (
	"fmt"
	"reflect"
	std "regexp"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/meta"
)

// forcedStrategies maps each strategy-forcing value of testEngines to the
// strategy it forces, and to the least share of searches that must have
// run it (rather than fall back) over the differential patterns, so that
// forcing demonstrably exercises each strategy.
var forcedStrategies = []struct {
	force    engine
	strategy meta.Strategy
	minShare float64
}{
	{meta.ForceLiteral, meta.StrategyLiteral, 0.05},
	{meta.ForcePrefilter, meta.StrategyPrefilter, 0.10},
	{meta.ForceDFA, meta.StrategyDFA, 0.95},
	{meta.ForceDFAGiveUp, meta.StrategyDFA, 0.95},
	{meta.ForceReverseSuffix, meta.StrategyReverseSuffix, 0.10},
	{meta.ForceReverseInner, meta.StrategyReverseInner, 0.05},
	{meta.ForceReverseAnchored, meta.StrategyReverseAnchored, 0.15},
	{meta.ForceDirect, meta.StrategyDirect, 0.15},
}

// countRuns returns how many searches ran strategy s and how many fell
// back from it while f ran.
func countRuns(s meta.Strategy, f func()) (ran, fellBack int64) {
	r0 := meta.Runs()
	f()
	r := meta.Runs()
	return r.Ran[s] - r0.Ran[s], r.FellBack[s] - r0.FellBack[s]
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
		// strategies something to work on, and one anchored at the
		// start the direct path.
		patterns = append(patterns, p, "(?:"+p+")ab", "(?:"+p+")ab(?:"+p+")[a-c]", "(?:"+p+")$", `\A(?:`+p+")")
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
					ours = withForce(ours, fs.force)
					theirs := std.MustCompile(p)
					for _, d := range compareFinds(ours, theirs, diffTexts) {
						t.Errorf("%#q: %s", p, d)
					}
				}
				for _, c := range cases {
					re, err := compileMode(c.Mode, c.Pattern, fs.force)
					if err != nil {
						continue
					}
					re.FindAllStringSubmatchIndex(c.Text, -1)
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
	ran := map[meta.Strategy]int64{}
	for _, tr := range traps {
		theirs := std.MustCompile(tr.pattern)
		for _, e := range testEngines {
			ours := MustCompile(tr.pattern)
			ours = withForce(ours, e)
			var diffs []string
			if s, ok := e.Strategy(); ok {
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
	for _, s := range []meta.Strategy{meta.StrategyReverseSuffix, meta.StrategyReverseInner} {
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
	if got := ours.exec().Describe(nil, false).Strategy; got != meta.StrategyReverseSuffix.String() {
		t.Fatalf("%#q: strategy %s, want %s", pattern, got, meta.StrategyReverseSuffix)
	}
	ours = withForce(ours, meta.ForceReverseSuffix)
	before := meta.Runs().GuardFallbacks
	for _, d := range compareFinds(ours, std.MustCompile(pattern), []string{text}) {
		t.Error(d)
	}
	if meta.Runs().GuardFallbacks == before {
		t.Errorf("the quadratic guard never fired")
	}
}

// TestDFAGiveUpFallsBack runs searches on DFAs that give up after a few
// bytes and requires the NFA engines to have taken over, with the same
// answers as the standard library.
func TestDFAGiveUpFallsBack(t *testing.T) {
	text := strings.Repeat("the quick brown fox jumps over the lazy dog 1234 ", 20)
	before := meta.Runs().NFAFallbacks
	for _, p := range []string{`\w+`, `[a-z]+ \d+`, `(\w+) (\w+)`, `o\w*`, `\d+$`, `zz|dog`} {
		ours := withForce(MustCompile(p), meta.ForceDFAGiveUp)
		for _, d := range compareFinds(ours, std.MustCompile(p), []string{text}) {
			t.Errorf("%#q: %s", p, d)
		}
	}
	if meta.Runs().NFAFallbacks == before {
		t.Errorf("no search fell back to the NFA engines")
	}
}
