package nfa_test

import (
	"slices"
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// classRuns lists the classes of bc as "lo-hi" runs, for readable
// expectations.
func classRuns(bc *nfa.ByteClasses) []string {
	var runs []string
	for c := range bc.Len() {
		lo := bc.Rep(c)
		hi := lo
		for hi < 255 && int(bc[hi+1]) == c {
			hi++
		}
		runs = append(runs, byteName(lo)+"-"+byteName(hi))
	}
	return runs
}

func byteName(b byte) string {
	if '!' <= b && b <= '~' {
		return string(rune(b))
	}
	return "\\x" + string("0123456789abcdef"[b>>4]) + string("0123456789abcdef"[b&15])
}

func TestByteClassSet(t *testing.T) {
	tests := []struct {
		name string
		add  func(*nfa.ByteClassSet)
		want []string
	}{
		{"empty", func(*nfa.ByteClassSet) {}, []string{`\x00-\xff`}},
		{"one byte", func(s *nfa.ByteClassSet) { s.AddRange('a', 'a') }, []string{`\x00-` + "`", "a-a", `b-\xff`}},
		{"edges", func(s *nfa.ByteClassSet) { s.AddRange(0, 0); s.AddRange(0xff, 0xff) }, []string{`\x00-\x00`, `\x01-\xfe`, `\xff-\xff`}},
		{"all", func(s *nfa.ByteClassSet) { s.AddRange(0, 0xff) }, []string{`\x00-\xff`}},
		{"overlapping", func(s *nfa.ByteClassSet) { s.AddRange('a', 'c'); s.AddRange('b', 'd') }, []string{`\x00-` + "`", "a-a", "b-c", "d-d", `e-\xff`}},
		{"look bytes", (*nfa.ByteClassSet).AddLookBytes, []string{
			`\x00-\x09`, `\x0a-\x0a`, `\x0b-/`, `0-9`, `:-@`, `A-Z`, `[-^`, `_-_`, "`-`", `a-z`, `{-\xff`,
		}},
	}
	for _, tt := range tests {
		var s nfa.ByteClassSet
		tt.add(&s)
		bc := s.Classes()
		if got := classRuns(&bc); !slices.Equal(got, tt.want) {
			t.Errorf("%s: classes %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestByteClassesOfProgs checks, on programs with byte ranges, large
// classes and assertions, that no consuming state tells apart two bytes
// of one class, that two neighbouring classes are told apart by some
// state (AddProg adds no boundary it does not need), and that Rep is
// each class's smallest byte.
func TestByteClassesOfProgs(t *testing.T) {
	for _, pattern := range []string{`a`, `[a-c]x`, `\pL+`, `(?i)straße`, `[^\n]\b`, `日本|\d`, `.`, `(?s).`, `\x{FFFD}`, `[^\s\S]`} {
		prog := testutil.Compile(t, pattern, syntax.Perl)
		var s nfa.ByteClassSet
		s.AddProg(prog)
		bc := s.Classes()
		for c := range bc.Len() {
			r := bc.Rep(c)
			if int(bc[r]) != c || r > 0 && int(bc[r-1]) == c {
				t.Errorf("%#q: Rep(%d) = %#x, not the class's smallest byte", pattern, c, r)
			}
		}
		for b := 1; b < 256; b++ {
			x, y := byte(b-1), byte(b)
			differ := false
			for i := range prog.States {
				st := &prog.States[i]
				switch st.Kind {
				case nfa.ByteRange:
					differ = differ || (st.Lo <= x && x <= st.Hi) != (st.Lo <= y && y <= st.Hi)
				case nfa.Sparse:
					differ = differ || prog.SparseNext(st, x) != prog.SparseNext(st, y)
				}
			}
			if same := bc[x] == bc[y]; same && differ {
				t.Errorf("%#q: a state tells apart %#x and %#x of class %d", pattern, x, y, bc[x])
			} else if !same && !differ && !rangeEdge(prog, y) {
				t.Errorf("%#q: %#x and %#x are in different classes though no range starts at %#x", pattern, x, y, y)
			}
		}
	}
}

// rangeEdge reports whether some byte range of prog starts at b or ends
// just before it (a boundary two ranges with the same target still need).
func rangeEdge(prog *nfa.Prog, b byte) bool {
	for i := range prog.States {
		st := &prog.States[i]
		switch st.Kind {
		case nfa.ByteRange:
			if st.Lo == b || st.Hi == b-1 {
				return true
			}
		case nfa.Sparse:
			for _, tr := range prog.Transitions(st) {
				if tr.Lo == b || tr.Hi == b-1 {
					return true
				}
			}
		}
	}
	return false
}

func TestAddProgReportsLooks(t *testing.T) {
	for _, tt := range []struct {
		pattern string
		want    bool
	}{{`a+`, false}, {`\ba`, true}, {`(?m)^`, true}, {`a$`, true}, {`(a)`, false}} {
		var s nfa.ByteClassSet
		if got := s.AddProg(testutil.Compile(t, tt.pattern, syntax.Perl)); got != tt.want {
			t.Errorf("%#q: AddProg reports assertions %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

func TestSparseNext(t *testing.T) {
	prog := &nfa.Prog{
		States: []nfa.State{{Kind: nfa.Fail}, {Kind: nfa.Sparse, TransStart: 0, TransEnd: 3}, {Kind: nfa.Match}},
		Trans:  []nfa.Transition{{'a', 'c', 2}, {'e', 'e', 1}, {0x80, 0xff, 2}},
	}
	st := &prog.States[1]
	for _, tt := range []struct {
		b    byte
		want nfa.StateID
	}{{0, 0}, {'`', 0}, {'a', 2}, {'b', 2}, {'c', 2}, {'d', 0}, {'e', 1}, {'f', 0}, {0x7f, 0}, {0x80, 2}, {0xff, 2}} {
		if got := prog.SparseNext(st, tt.b); got != tt.want {
			t.Errorf("SparseNext on %#x: %d, want %d", tt.b, got, tt.want)
		}
	}
}

// TestWalk checks the order Walk visits states in and that a false from
// visit stops the walk there.
func TestWalk(t *testing.T) {
	prog := testutil.Compile(t, `(a|b)c`, syntax.Perl)
	var order []nfa.StateID
	prog.Walk(prog.Start, func(id nfa.StateID, s *nfa.State) bool {
		order = append(order, id)
		return true
	})
	// Every state Start reaches, each once, and none of the unanchored
	// loop (which only leads to Start).
	seen := map[nfa.StateID]bool{}
	for _, id := range order {
		if seen[id] {
			t.Errorf("state %d visited twice", id)
		}
		seen[id] = true
	}
	if order[0] != prog.Start {
		t.Errorf("first visit %d, want Start %d", order[0], prog.Start)
	}
	if seen[prog.StartUnanchored] {
		t.Errorf("the walk from Start reached StartUnanchored")
	}
	kinds := map[nfa.Kind]int{}
	for _, id := range order {
		kinds[prog.States[id].Kind]++
	}
	if kinds[nfa.Match] != 1 || kinds[nfa.Capture] != 4 {
		t.Errorf("kinds visited %v, want one Match and four Captures\n%v", kinds, prog)
	}
	// Stopping at the first consuming state leaves out what follows it.
	var stopped []nfa.StateID
	prog.Walk(prog.Start, func(id nfa.StateID, s *nfa.State) bool {
		stopped = append(stopped, id)
		return s.Kind != nfa.ByteRange && s.Kind != nfa.Sparse
	})
	for _, id := range stopped {
		if prog.States[id].Kind == nfa.Match {
			t.Errorf("the walk went on past a consuming state to Match")
		}
	}
	if len(stopped) >= len(order) {
		t.Errorf("stopped walk visited %d states, full walk %d", len(stopped), len(order))
	}
}
