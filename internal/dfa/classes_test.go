package dfa

import (
	"testing"

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
	reach := make([]bool, len(prog.States))
	stack := []nfa.StateID{prog.Start}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if reach[id] {
			continue
		}
		reach[id] = true
		st := &prog.States[id]
		stack = append(stack, st.Next, st.Alt)
		for _, tr := range prog.Transitions(st) {
			stack = append(stack, tr.Next)
		}
	}
	body := &nfa.Prog{Start: prog.Start, StartUnanchored: prog.Start}
	body.States = make([]nfa.State, len(prog.States))
	for i := range prog.States {
		if reach[i] {
			body.States[i] = prog.States[i]
		}
	}
	return body
}

// TestByteClassesAreEquivalences checks that no state and no assertion
// tells apart two bytes of the same class, and that each class's
// representative is its smallest byte.
func TestByteClassesAreEquivalences(t *testing.T) {
	for _, pattern := range append([]string{`\pL+`, `(?i)straße`, `[^\n]\b`, `日本|\d`}, handPatterns...) {
		prog := testutil.Compile(t, pattern, syntax.Perl)
		bc := newByteClasses(prog)
		for b := 1; b < 256; b++ {
			x, y := byte(b-1), byte(b)
			if bc.class[x] != bc.class[y] {
				if bc.rep[bc.class[y]] != y {
					t.Errorf("%#q: class %d starts at %#x, rep %#x", pattern, bc.class[y], y, bc.rep[bc.class[y]])
				}
				continue
			}
			for i := range prog.States {
				st := &prog.States[i]
				switch st.Kind {
				case nfa.ByteRange:
					if inRange(st.Lo, st.Hi, x) != inRange(st.Lo, st.Hi, y) {
						t.Errorf("%#q: state %d splits %#x and %#x of class %d", pattern, i, x, y, bc.class[x])
					}
				case nfa.Sparse:
					if sparseNext(prog.Transitions(st), x) != sparseNext(prog.Transitions(st), y) {
						t.Errorf("%#q: state %d splits %#x and %#x of class %d", pattern, i, x, y, bc.class[x])
					}
				case nfa.Look:
					if kindOf(x) != kindOf(y) {
						t.Errorf("%#q: assertions split %#x and %#x of class %d", pattern, x, y, bc.class[x])
					}
				}
			}
		}
	}
}

func inRange(lo, hi, b byte) bool { return lo <= b && b <= hi }

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
