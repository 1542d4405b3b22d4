package regexp

import (
	"fmt"
	"testing"
)

// testEngines lists the engines every conformance case runs on: the
// automatic choice and each engine wired into the executor. Forcing an
// engine that cannot run a search (one-pass on a program that is not
// one-pass, the backtracker past its length budget) falls back to the
// Pike VM, so each case still gets an answer.
//
// engineBacktrack and engineOnePass join the list when internal/backtrack
// and internal/onepass are wired into exec.go; until then forcing them
// would only rerun the Pike VM.
var testEngines = []engine{engineAuto, enginePikeVM}

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
