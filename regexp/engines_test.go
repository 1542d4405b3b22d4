package regexp

import (
	"fmt"
	"testing"

	"github.com/rerepl/rerepl/internal/meta"
)

// An engine is what a test forces every search of a Regexp to run on: one
// of the NFA engines, one of the strategies, or the automatic choice (see
// meta.Force).
type engine = meta.Force

// testEngines lists the engines and strategies every conformance case
// runs on: the automatic choice (which runs a test's few short searches
// on the NFA engines while the pattern warms up), the automatic strategy
// as it runs once warm, each engine, and each strategy forced. Forcing an
// engine that cannot run a search (one-pass on a program that is not
// one-pass, the backtracker past its length budget) falls back to the
// Pike VM; forcing a strategy that cannot run a pattern falls back to the
// automatic choice and is counted (meta.Runs), so each case still gets
// an answer.
var testEngines = meta.Forces

// withForce returns a copy of re whose searches all run on e: the same
// pattern and mode, compiled by internal/meta under meta.Config{Force: e}.
func withForce(re *Regexp, e engine) *Regexp {
	c := *re
	state := make([]meta.Regexp, 1)
	state[0].InitFrom(re.exec(), meta.Config{Force: e})
	c.state = state[:0]
	return &c
}

// compileMode compiles pattern in one of the modes the case files use:
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
	return withForce(re, e), nil
}

// forEngine runs f as a subtest for each engine of testEngines.
func forEngine(t *testing.T, f func(t *testing.T, e engine)) {
	for _, e := range testEngines {
		t.Run(e.String(), func(t *testing.T) { f(t, e) })
	}
}
