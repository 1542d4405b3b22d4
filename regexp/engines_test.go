package regexp

import (
	"fmt"
	"testing"
)

// testEngines lists the engines and strategies every conformance case
// runs on: the automatic choice (which runs a test's few short searches
// on the NFA engines while the pattern warms up), the automatic strategy
// as it runs once warm, each engine wired into the executor, and each
// strategy of strategy.go forced. Forcing an engine that cannot run a
// search (one-pass on a program that is not one-pass, the backtracker past
// its length budget) falls back to the Pike VM; forcing a strategy that
// cannot run a pattern falls back to the automatic choice and is counted
// in strategyRuns, so each case still gets an answer.
var testEngines = []engine{
	engineAuto, engineStrategy, enginePikeVM, engineBacktrack, engineOnePass,
	engineLiteral, enginePrefilter, engineDFA, engineReverseSuffix, engineReverseInner, engineReverseAnchored, engineDFAGiveUp,
}

// mustCompileMode compiles pattern in one of the modes the case files use:
// "perl" (Compile), "posix" (CompilePOSIX) or "longest" (Compile, then
// Longest), and forces engine e.
func compileMode(mode, pattern string, e engine) (*Regexp, error) {
	var re *Regexp
	var err error
	switch mode {
	case "perl", "longest":
		re, err = Compile(pattern)
	case "posix":
		re, err = CompilePOSIX(pattern)
	default:
		return nil, fmt.Errorf("unknown mode %q", mode)
	}
	if err != nil {
		return nil, err
	}
	if mode == "longest" {
		re.Longest()
	}
	re.force = e
	return re, nil
}

// forEngine runs f as a subtest for each engine of testEngines.
func forEngine(t *testing.T, f func(t *testing.T, e engine)) {
	for _, e := range testEngines {
		t.Run(e.String(), func(t *testing.T) { f(t, e) })
	}
}
