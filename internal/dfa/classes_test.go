package dfa

import (
	"testing"

	"github.com/rerepl/rerepl/internal/enginetest"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

func TestByteClassCounts(t *testing.T) {
	tests := []struct {
		pattern string
		want    int
	}{
		// A program without assertions: only its ranges split.
		{`a`, 3},      // below 'a', 'a', above 'a'
		{`[a-c]x`, 5}, // [0-`], [a-c], [d-w], x, [y-ÿ]
		// Assertions make '\n' and the ASCII word bytes classes of their
		// own, around the pattern's ranges: [\x00-\t] \n [\v-/] [0-9]
		// [:-@] [A-Z] [[-^] _ ` a [b-z] [{-\xff].
		{`\ba`, 12},
	}
	for _, tt := range tests {
		// The unanchored loop over whole characters splits the high
		// bytes; count the classes of the pattern's own states.
		bc := newByteClasses(anchoredBody(t, tt.pattern))
		if bc.numClasses != tt.want {
			t.Errorf("%#q: %d classes, want %d", tt.pattern, bc.numClasses, tt.want)
		}
	}
}

// anchoredBody returns the program of pattern with its unanchored start
// loop cut off, so that only the pattern's own states remain.
func anchoredBody(t *testing.T, pattern string) *nfa.Prog {
	t.Helper()
	prog := testutil.Compile(t, pattern, syntax.Perl)
	body := &nfa.Prog{Start: prog.Start, StartUnanchored: prog.Start, Trans: prog.Trans}
	body.States = make([]nfa.State, len(prog.States))
	prog.Walk(prog.Start, func(id nfa.StateID, st *nfa.State) bool {
		body.States[id] = *st
		return true
	})
	return body
}

// TestByteClassesDecideKinds checks that, in a program with assertions,
// the class of a byte determines its kind (internal/nfa's tests check
// that no state tells apart two bytes of one class).
func TestByteClassesDecideKinds(t *testing.T) {
	for _, pattern := range append([]string{`\pL+`, `(?i)straße`, `[^\n]\b`, `日本|\d`}, enginetest.Patterns...) {
		prog := testutil.Compile(t, pattern, syntax.Perl)
		bc := newByteClasses(prog)
		if bc.numClasses != bc.class.Len() {
			t.Errorf("%#q: numClasses %d, classes %d", pattern, bc.numClasses, bc.class.Len())
		}
		hasLook := false
		for i := range prog.States {
			hasLook = hasLook || prog.States[i].Kind == nfa.Look
		}
		if !hasLook {
			continue
		}
		for b := 1; b < 256; b++ {
			x, y := byte(b-1), byte(b)
			if bc.class[x] == bc.class[y] && kindOf(x) != kindOf(y) {
				t.Errorf("%#q: assertions split %#x and %#x of class %d", pattern, x, y, bc.class[x])
			}
		}
	}
}

// TestLooksBetweenMatchesLookAt checks the assertion table against
// nfa.LookAt on every pair of neighbouring bytes, and at both edges.
func TestLooksBetweenMatchesLookAt(t *testing.T) {
	for x := 0; x < 256; x++ {
		for y := 0; y < 256; y++ {
			h := []byte{byte(x), byte(y)}
			if got, want := looksBetween(kindOf(h[0]), kindOf(h[1])), nfa.LookAt(h, 1); got != want {
				t.Fatalf("between %#x and %#x: %b, want %b", x, y, got, want)
			}
		}
		h := []byte{byte(x)}
		if got, want := looksBetween(kindEdge, kindOf(h[0])), nfa.LookAt(h, 0); got != want {
			t.Fatalf("before %#x: %b, want %b", x, got, want)
		}
		if got, want := looksBetween(kindOf(h[0]), kindEdge), nfa.LookAt(h, 1); got != want {
			t.Fatalf("after %#x: %b, want %b", x, got, want)
		}
	}
	if got, want := looksBetween(kindEdge, kindEdge), nfa.LookAt(nil, 0); got != want {
		t.Fatalf("empty text: %b, want %b", got, want)
	}
}
