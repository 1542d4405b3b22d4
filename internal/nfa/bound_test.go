package nfa_test

import (
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// TestStatesBound checks that StatesBound never underestimates: a caller
// that skips compiling below the limit relies on it.
func TestStatesBound(t *testing.T) {
	patterns := append([]string{
		`\p{L}{8,13}`, `(?i)\pL+`, `[^\x{D7FF}-\x{E000}]`, `[\x{7F}-\x{80}\x{7FF}-\x{800}\x{FFFF}-\x{10000}]`,
		`(?i)ǅ|ſ|k|ß`, `\x{10FFFF}|\x{FFFD}`, `(a{2,5}b?){3}`, `[^\n]*`, `(?s:.{0,7})`,
		`(?:(?:\w|\s)+\pN{2})*?`, `(?i)[\x{100}-\x{17F}]{4}`, `\b(\PL|\p{Cyrillic})\B`, ``,
	}, wellFormedPatterns...)
	for _, p := range patterns {
		for _, flags := range []syntax.Flags{syntax.Perl, syntax.Perl | syntax.FoldCase, syntax.Perl | syntax.DotNL | syntax.NonGreedy} {
			re := testutil.Parse(t, p, flags).Simplify()
			prog, err := nfa.Compile(re, nfa.Options{})
			if err != nil {
				t.Fatalf("%#q: %v", p, err)
			}
			if got, bound := len(prog.States), nfa.StatesBound(re); got > bound {
				t.Errorf("%#q flags %v: %d states, bound %d", p, flags, got, bound)
			}
		}
	}
}
