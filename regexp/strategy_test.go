package regexp

import (
	std "regexp"
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
	patterns := diffPatterns(true)
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

// compareFinds compares the search methods of ours and theirs, leftmost
// first and, on a copy, leftmost-longest, on every text.
func compareFinds(ours *Regexp, theirs *std.Regexp, texts []string) []string {
	diffs := compareRegexps(ours, theirs, texts)
	lo, lt := ours.Copy(), theirs.Copy()
	lo.Longest()
	lt.Longest()
	return append(diffs, compareRegexps(lo, lt, texts)...)
}
