package nfa_test

import (
	"testing"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// TestRuneClassProgram pins the shape of a program compiled with
// RuneClasses: each copy of a class reaching past ASCII is one state, the
// copies share one class, ASCII classes and literals stay byte states,
// and the unanchored loop's class matches invalid bytes.
func TestRuneClassProgram(t *testing.T) {
	prog := testutil.CompileWith(t, `[a-c]\pL{3}é`, syntax.Perl, nfa.Options{RuneClasses: true})
	want := `   0: fail
   1: match
   2: capture 1 -> 1
   3: byte \xa9 -> 2
   4: byte \xc3 -> 3
   5: runes #0 (659 ranges, first bytes A-\xf0) -> 4
   6: runes #0 (659 ranges, first bytes A-\xf0) -> 5
   7: runes #0 (659 ranges, first bytes A-\xf0) -> 6
   8: byte a-c -> 7
^  9: capture 0 -> 8
* 10: split -> 9, 11
  11: runes #1 (1 ranges, first bytes \x00-\xff invalid) -> 10
`
	if got := prog.String(); got != want {
		t.Errorf("program:\n%s\nwant:\n%s", got, want)
	}
}

// TestRuneWidth checks the RuneClass step against the standard library's
// decoding: invalid bytes are U+FFFD of width 1, a character must end by
// the end of the search.
func TestRuneWidth(t *testing.T) {
	tests := []struct {
		pattern, hay string
		pos, end     int
		want         int
	}{
		{`\pL`, "é", 0, 2, 2},
		{`\pL`, "é", 0, 1, 0}, // the character ends past end
		{`\pL`, "\xc3", 0, 1, 0},
		{`\pL`, "a", 0, 1, 1},
		{`\pL`, "1", 0, 1, 0},
		{`\pL`, "漢字", 3, 6, 3},
		{`\pL`, "😀", 0, 4, 0},
		{`[^a]`, "\xc3(", 0, 2, 1},        // invalid: U+FFFD of width 1
		{`[^a]`, "\xed\xa0\x80", 0, 3, 1}, // a surrogate's encoding is invalid
		{`[^a]`, "\uFFFD", 0, 3, 3},
		{`[\x{100}-\x{FFFC}]`, "\xff", 0, 1, 0}, // no U+FFFD: no invalid byte
		{`[\x{100}-\x{10FFFF}]`, "\xff", 0, 1, 1},
		{`[\x{100}-\x{10FFFF}]`, "\uFFFD", 0, 3, 3},
		{`[\x{100}-\x{10FFFF}]`, "\U0010FFFF", 0, 4, 4},
		{`\pL`, "", 0, 0, 0},
	}
	for _, tt := range tests {
		prog := testutil.CompileWith(t, tt.pattern, syntax.Perl, nfa.Options{RuneClasses: true})
		var st *nfa.State
		for i := range prog.States {
			if s := &prog.States[i]; s.Kind == nfa.RuneClass && s.TransStart == 0 {
				st = s
				break
			}
		}
		if st == nil {
			t.Fatalf("%#q: no RuneClass state", tt.pattern)
		}
		if got := prog.RuneWidth(st, []byte(tt.hay), tt.pos, tt.end); got != tt.want {
			t.Errorf("%#q on %+q at %d (end %d): width %d, want %d", tt.pattern, tt.hay, tt.pos, tt.end, got, tt.want)
		}
		if tt.want > 0 && tt.hay[tt.pos] >= utf8.RuneSelf && (tt.hay[tt.pos] < st.Lo || tt.hay[tt.pos] > st.Hi) {
			t.Errorf("%#q: first byte %#x outside the state's span %#x-%#x", tt.pattern, tt.hay[tt.pos], st.Lo, st.Hi)
		}
	}
}

// TestEstimateByteProgram checks that the estimate bounds the byte
// program from above, closely for class copies, and counts the copies of
// classes reaching past ASCII; and that RuneStatesBound bounds the
// rune-class program.
func TestEstimateByteProgram(t *testing.T) {
	tests := []struct {
		pattern string
		copies  int
	}{
		{`\pL{20}`, 20},
		{`(\pL|\pN){30}`, 30},         // the parser merges the alternation into one class
		{`(?i)\pL{10}x[a-z]{50}`, 60}, // folded, [a-z] holds the Kelvin sign
		{`.{40}é`, 40},
		{`[^a]+(?:\d|\x{FFFD})`, 2},
		{`\p{Greek}{5,9}$`, 9},
		{`abc`, 0},
		{`\x{FFFD}é漢`, 0},
	}
	for _, tt := range tests {
		tree := testutil.Parse(t, tt.pattern, syntax.Perl).Simplify()
		states, copies := nfa.EstimateByteProgram(tree)
		byteProg := testutil.Compile(t, tt.pattern, syntax.Perl)
		runeProg := testutil.CompileWith(t, tt.pattern, syntax.Perl, nfa.Options{RuneClasses: true})
		if n := len(byteProg.States); states < n || states > 2*n+64 {
			t.Errorf("%#q: estimate %d states, program %d", tt.pattern, states, n)
		}
		if copies != tt.copies {
			t.Errorf("%#q: %d copies, want %d", tt.pattern, copies, tt.copies)
		}
		if b := nfa.RuneStatesBound(tree); b < len(runeProg.States) {
			t.Errorf("%#q: RuneStatesBound %d below the rune-class program's %d states", tt.pattern, b, len(runeProg.States))
		}
	}
}
