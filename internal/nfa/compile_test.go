package nfa_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// anyCharLoop is the tail every forward program listed below ends with:
// the unanchored loop over one valid UTF-8 sequence or one invalid byte.
const anyCharLoop = `
   8: byte \x80-\xbf -> 7
   9: byte \xa0-\xbf -> 8
  10: byte \x80-\xbf -> 8
  11: byte \x80-\x9f -> 8
  12: byte \x90-\xbf -> 10
  13: byte \x80-\xbf -> 10
  14: byte \x80-\x8f -> 10
  15: sparse \x00-\x7f->7 \xc2-\xdf->8 \xe0->9 \xe1-\xec->10 \xed->11 \xee-\xef->10 \xf0->12 \xf1-\xf3->13 \xf4->14
  16: invalid -> 7
  17: split -> 15, 16
`

func TestString(t *testing.T) {
	tests := []struct {
		pattern string
		want    string
	}{
		{`a+b`, `
   0: fail
   1: match
   2: capture 1 -> 1
   3: byte b -> 2
   4: split -> 5, 3
   5: byte a -> 4
^  6: capture 0 -> 5
*  7: split -> 6, 17` + anyCharLoop},
		// The Kelvin sign K (e2 84 aa) is in the fold orbit of k.
		{`(?i)k`, `
   0: fail
   1: match
   2: capture 1 -> 1
   3: byte \xaa -> 2
   4: byte \x84 -> 3
   5: sparse K->2 k->2 \xe2->4
^  6: capture 0 -> 5
*  7: split -> 6, 17` + anyCharLoop},
		{`[α-ω]`, `
   0: fail
   1: match
   2: capture 1 -> 1
   3: byte \xb1-\xbf -> 2
   4: byte \x80-\x89 -> 2
   5: sparse \xce->3 \xcf->4
^  6: capture 0 -> 5
*  7: split -> 6, 17` + anyCharLoop},
		// Dot holds U+FFFD, so an invalid byte matches it too.
		{`.`, `
   0: fail
   1: match
   2: capture 1 -> 1
   3: byte \x80-\xbf -> 2
   4: byte \xa0-\xbf -> 3
   5: byte \x80-\xbf -> 3
   6: byte \x80-\x9f -> 3
   7: byte \x90-\xbf -> 5
   8: byte \x80-\xbf -> 5
   9: byte \x80-\x8f -> 5
  10: sparse \x00-\x09->2 \x0b-\x7f->2 \xc2-\xdf->3 \xe0->4 \xe1-\xec->5 \xed->6 \xee-\xef->5 \xf0->7 \xf1-\xf3->8 \xf4->9
  11: invalid -> 2
  12: split -> 10, 11
^ 13: capture 0 -> 12
* 14: split -> 13, 24
  15: byte \x80-\xbf -> 14
  16: byte \xa0-\xbf -> 15
  17: byte \x80-\xbf -> 15
  18: byte \x80-\x9f -> 15
  19: byte \x90-\xbf -> 17
  20: byte \x80-\xbf -> 17
  21: byte \x80-\x8f -> 17
  22: sparse \x00-\x7f->14 \xc2-\xdf->15 \xe0->16 \xe1-\xec->17 \xed->18 \xee-\xef->17 \xf0->19 \xf1-\xf3->20 \xf4->21
  23: invalid -> 14
  24: split -> 22, 23
`},
		{`(a)|\b`, `
   0: fail
   1: match
   2: capture 1 -> 1
   3: capture 3 -> 2
   4: byte a -> 3
   5: capture 2 -> 4
   6: look \b -> 2
   7: split -> 5, 6
^  8: capture 0 -> 7
*  9: split -> 8, 19
  10: byte \x80-\xbf -> 9
  11: byte \xa0-\xbf -> 10
  12: byte \x80-\xbf -> 10
  13: byte \x80-\x9f -> 10
  14: byte \x90-\xbf -> 12
  15: byte \x80-\xbf -> 12
  16: byte \x80-\x8f -> 12
  17: sparse \x00-\x7f->9 \xc2-\xdf->10 \xe0->11 \xe1-\xec->12 \xed->13 \xee-\xef->12 \xf0->14 \xf1-\xf3->15 \xf4->16
  18: invalid -> 9
  19: split -> 17, 18
`},
	}
	for _, tt := range tests {
		got := testutil.Compile(t, tt.pattern, syntax.Perl).String()
		if want := strings.TrimPrefix(tt.want, "\n"); got != want {
			t.Errorf("%#q compiles to\n%s\nwant\n%s", tt.pattern, got, want)
		}
	}
}

// wellFormedPatterns cover every operator and the big classes.
var wellFormedPatterns = []string{
	`a+b`, `(?i)k`, `[α-ω]`, `.`, `(?s).`, `[^a]`, `\pL`, `\PL`, `\p{Greek}`, `\p{Han}+`,
	`(?i)\pL`, `[\x{80}-\x{10FFFF}]`, `\x{FFFD}`, `\x{D800}`, `[\x{D000}-\x{E000}]`,
	`(a|b|c)*?d+e?`, `(?m)^a$`, `\A\b\B\z`, `x{2,5}`, `(a){0}`, `[^\x00-\x{10FFFF}]`,
	`(?i)straße|ΣΑΣ`, `(?U)(a*)(b+?)`, `foo|foobar|bar`, `(|a)*`, `(a*)*`,
}

// TestWellFormed checks the invariants engines rely on: every target is
// a state, Sparse transitions are sorted and disjoint, and capture slots
// stay below 2*NumCap, for forward and reverse programs.
func TestWellFormed(t *testing.T) {
	for _, p := range wellFormedPatterns {
		for _, reverse := range []bool{false, true} {
			prog := testutil.CompileWith(t, p, syntax.Perl, nfa.Options{Reverse: reverse})
			n := nfa.StateID(len(prog.States))
			bad := func(format string, args ...any) {
				t.Helper()
				t.Errorf("%#q reverse=%v: "+format, append([]any{p, reverse}, args...)...)
			}
			if prog.Start >= n || prog.StartUnanchored >= n {
				bad("start states %d, %d out of range", prog.Start, prog.StartUnanchored)
			}
			for i, s := range prog.States {
				if s.Next >= n || s.Alt >= n {
					bad("state %d (%v) points out of range", i, &s)
				}
				switch s.Kind {
				case nfa.Sparse:
					if s.TransStart >= s.TransEnd || int(s.TransEnd) > len(prog.Trans) {
						bad("state %d (%v): transitions out of range", i, &s)
						continue
					}
					trans := prog.Transitions(&s)
					for j, tr := range trans {
						if tr.Lo > tr.Hi || tr.Next >= n || j > 0 && trans[j-1].Hi >= tr.Lo {
							bad("state %d (%v): bad transitions", i, &s)
						}
					}
				case nfa.ByteRange:
					if s.Lo > s.Hi {
						bad("state %d (%v): empty range", i, &s)
					}
				case nfa.Capture:
					if reverse {
						bad("state %d: capture in a reverse program", i)
					}
					if int(s.Slot) >= 2*prog.NumCap {
						bad("state %d: slot %d with NumCap %d", i, s.Slot, prog.NumCap)
					}
				}
			}
		}
	}
}

// TestSizes keeps big classes compact and makes sure programs the
// standard library accepts compile.
func TestSizes(t *testing.T) {
	tests := []struct {
		pattern   string
		maxStates int
	}{
		{`\pL`, 400},
		{`\p{Greek}`, 120},
		{`[^a]`, 40},
		{`.`, 40},
		{`(?i)\pL`, 400},
		{`\pL{1000}`, 400 * 1000},
	}
	for _, tt := range tests {
		prog := testutil.Compile(t, tt.pattern, syntax.Perl)
		if len(prog.States) > tt.maxStates {
			t.Errorf("%#q has %d states, want at most %d", tt.pattern, len(prog.States), tt.maxStates)
		}
	}
}

func TestTooLarge(t *testing.T) {
	re := testutil.Parse(t, `\pL{100}`, syntax.Perl).Simplify()
	_, err := nfa.Compile(re, nfa.Options{MaxStates: 1000})
	var serr *syntax.Error
	if !errors.As(err, &serr) || serr.Code != syntax.ErrLarge {
		t.Fatalf("Compile with a 1000-state limit: error %v, want ErrLarge", err)
	}
	if _, err := nfa.Compile(re, nfa.Options{MaxStates: 100000}); err != nil {
		t.Fatalf("Compile with a 100000-state limit: %v", err)
	}
}

// TestNumCapKeepsDroppedGroups checks that a group Simplify removed still
// counts when the caller says so.
func TestNumCapKeepsDroppedGroups(t *testing.T) {
	if got := testutil.Compile(t, `(a){0}(b)`, syntax.Perl).NumCap; got != 3 {
		t.Errorf("NumCap = %d, want 3", got)
	}
}

// TestLanguage runs programs with a small set-of-states simulation and
// compares whole-string and unanchored matching with the standard
// library. Reverse programs read the input backwards and must accept the
// same strings.
func TestLanguage(t *testing.T) {
	patterns := append([]string{`a|ab|ba`, `(?i)σ+`, `\bé\B|x\b`, `(?m)^b$`, `[^\n]*$`}, wellFormedPatterns...)
	inputs := []string{
		"", "a", "ab", "ba", "é", "éa", "€", "\xe2\x82", "\xff", "\xed\xa0\x80", "\xef\xbf\xbd",
		"k", "K", "\u212a", "σ", "ΣΣ", "ς", "x", "a\nb", "b\n", "straße", "STRASSE", "ΣΑΣ", "日本",
		"foobar", "aaaa", "dddd", "aad", "\U0001F600", "\x00", "αω",
	}
	for _, p := range patterns {
		// Whole-string matching is asked of the standard library as a
		// leftmost-longest match ending at \z that starts at 0. A pattern
		// starting with \A would be answered by its one-pass engine, which
		// has a quirk: it matches a surrogate literal such as \x{D800}
		// against the bytes ef bf bd of U+FFFD, while its other engines
		// (and ours) never match a surrogate.
		full := regexp.MustCompile(`(?:` + p + `)\z`)
		full.Longest()
		part := regexp.MustCompile(p)
		fwd := testutil.Compile(t, p, syntax.Perl)
		rev := testutil.CompileWith(t, p, syntax.Perl, nfa.Options{Reverse: true})
		for _, s := range inputs {
			b := []byte(s)
			m := full.FindStringIndex(s)
			wholeMatch := m != nil && m[0] == 0
			if got, want := runs(fwd, b, fwd.Start, false, false), wholeMatch; got != want {
				t.Errorf("%#q forward on %+q: whole match %v, want %v", p, s, got, want)
			}
			if got, want := runs(fwd, b, fwd.StartUnanchored, false, true), part.MatchString(s); got != want {
				t.Errorf("%#q forward unanchored on %+q: %v, want %v", p, s, got, want)
			}
			// Reverse programs are meant for valid UTF-8 (see the package
			// doc), where they must accept exactly the same strings.
			if strings.ToValidUTF8(s, "") == s {
				if got, want := runs(rev, b, rev.Start, true, false), wholeMatch; got != want {
					t.Errorf("%#q reverse on %+q: whole match %v, want %v", p, s, got, want)
				}
			}
		}
	}
}

// runs reports whether prog, entered at start, reaches Match when the
// whole of b has been read (forwards, or backwards for a reverse program),
// or with anyEnd at any point, tracking plain sets of states.
func runs(prog *nfa.Prog, b []byte, start nfa.StateID, reverse, anyEnd bool) bool {
	pos, step, end := 0, 1, len(b)
	if reverse {
		pos, step, end = len(b), -1, 0
	}
	curr := closure(prog, []nfa.StateID{start}, b, pos)
	for {
		if pos == end || anyEnd {
			for _, id := range curr {
				if prog.States[id].Kind == nfa.Match {
					return true
				}
			}
		}
		if pos == end {
			return false
		}
		i := pos
		if reverse {
			i = pos - 1
		}
		var next []nfa.StateID
		for _, id := range curr {
			s := &prog.States[id]
			switch s.Kind {
			case nfa.ByteRange:
				if s.Lo <= b[i] && b[i] <= s.Hi {
					next = append(next, s.Next)
				}
			case nfa.Sparse:
				for _, tr := range prog.Transitions(s) {
					if tr.Lo <= b[i] && b[i] <= tr.Hi {
						next = append(next, tr.Next)
					}
				}
			case nfa.InvalidByte:
				if nfa.InvalidAt(b, i) {
					next = append(next, s.Next)
				}
			}
		}
		pos += step
		curr = closure(prog, next, b, pos)
	}
}

// closure returns the states reachable from ids by epsilon moves at pos.
func closure(prog *nfa.Prog, ids []nfa.StateID, b []byte, pos int) []nfa.StateID {
	seen := map[nfa.StateID]bool{}
	var out []nfa.StateID
	stack := append([]nfa.StateID(nil), ids...)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[id] {
			continue
		}
		seen[id] = true
		s := &prog.States[id]
		switch s.Kind {
		case nfa.Split:
			stack = append(stack, s.Next, s.Alt)
		case nfa.Empty, nfa.Capture:
			stack = append(stack, s.Next)
		case nfa.Look:
			if nfa.LookAt(b, pos)&s.Look != 0 {
				stack = append(stack, s.Next)
			}
		default:
			out = append(out, id)
		}
	}
	return out
}

// TestReverseClassesDeterministic checks that a reversed class reads each
// byte with one transition: the reverse DFA's states then hold few NFA
// states. Classes without U+FFFD need no Split at all.
func TestReverseClassesDeterministic(t *testing.T) {
	tests := []struct {
		pattern   string
		maxStates int
	}{
		{`\pL`, 1200},
		{`\p{Greek}`, 200},
		{`[^a]`, 40},
		{`\p{Han}`, 200},
		{`[\x{80}-\x{10FFFF}]`, 40},
		{`\pL{8,13}`, 13 * 1200},
	}
	for _, tt := range tests {
		prog := testutil.CompileWith(t, tt.pattern, syntax.Perl, nfa.Options{Reverse: true})
		if len(prog.States) > tt.maxStates {
			t.Errorf("%#q reversed has %d states, want at most %d", tt.pattern, len(prog.States), tt.maxStates)
		}
		if strings.Contains(tt.pattern, "{") || strings.HasPrefix(tt.pattern, "[^") {
			continue // repetitions split; [^a] holds U+FFFD
		}
		// Walk from Start: the unanchored loop in front has Splits.
		failed := false
		prog.Walk(prog.Start, func(id nfa.StateID, s *nfa.State) bool {
			if !failed && s.Kind == nfa.Split {
				t.Errorf("%#q reversed: state %d is a Split", tt.pattern, id)
				failed = true
			}
			return !failed
		})
	}
}
