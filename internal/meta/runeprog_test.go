package meta

import (
	"testing"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// TestRuneProgram pins which patterns the NFA engines run with RuneClass
// states (and no DFA): those whose byte program is over the DFAs' fast
// limit or that copy classes reaching past ASCII more than maxDFACopies
// times; and that the rune-class forces give every pattern that program.
func TestRuneProgram(t *testing.T) {
	tests := []struct {
		pattern string
		force   Force
		runes   bool
	}{
		{`\pL{1000}`, ForceAuto, true},
		{`(?:\pL{100}){10}`, ForceAuto, true},
		{`(\pL|\pN){300}`, ForceAuto, true},
		{`(?i)\pL{500}`, ForceAuto, true},
		{`[\x{0}-\x{10FFFF}]{1000}`, ForceAuto, true},
		{`.{513}`, ForceAuto, true},
		{`.{512}`, ForceAuto, false},
		{`\p{L}{8,13}`, ForceAuto, false},
		{`[a-z]{1000}`, ForceAuto, false},
		{`\w+@\pL+`, ForceAuto, false},
		{`\w+@\pL+`, ForceRunePikeVM, true},
		{`\w+@\pL+`, ForceRuneBacktrack, true},
	}
	for _, tt := range tests {
		x, err := Compile(tt.pattern, syntax.Perl, Config{Force: tt.force})
		if err != nil {
			t.Fatal(err)
		}
		x.prepare()
		x.engines()
		if got := len(x.prog.RuneSets) > 0; got != tt.runes {
			t.Errorf("%#q (%v): rune-class program %v, want %v", tt.pattern, tt.force, got, tt.runes)
		}
		if tt.force == ForceAuto && tt.runes && (x.plan.dfa != nil || x.onePass()) {
			t.Errorf("%#q: a DFA or one-pass engine built over the rune-class program", tt.pattern)
		}
	}
}
