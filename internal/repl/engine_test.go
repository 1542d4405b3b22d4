package repl

import (
	"io"
	"testing"

	"github.com/rerepl/rerepl/internal/introspect"
)

// TestProgIsTheProgramRegexpRuns checks that :prog compiles the program
// the regexp package runs, the one :engine describes: the same number of
// states and capture groups, also when simplification drops a group and
// in each mode.
func TestProgIsTheProgramRegexpRuns(t *testing.T) {
	tests := []struct {
		lines []string
	}{
		{[]string{":re a+"}},
		{[]string{":re (a){0}b"}},
		{[]string{":re (x)(?:(y)|z){0,2}$"}},
		{[]string{":flags i", ":re (?P<w>\\w+)é"}},
		{[]string{":posix", ":re (a|ab)(c|bcd)(d*)"}},
		{[]string{":longest", ":re (a+)(a*)"}},
	}
	for _, tt := range tests {
		s := New(Options{})
		for _, line := range tt.lines {
			if err := s.Exec(line, io.Discard); err != nil {
				t.Fatalf("Exec(%q): %v", line, err)
			}
		}
		_, prog, err := s.compileProg()
		if err != nil {
			t.Fatalf("%q: %v", tt.lines, err)
		}
		r := introspect.Describe(s.re, nil)
		if len(prog.States) != r.States || 2*prog.NumCap != r.Slots {
			t.Errorf("%q: :prog shows %d states and %d slots, regexp runs %d states and %d slots", tt.lines, len(prog.States), 2*prog.NumCap, r.States, r.Slots)
		}
	}
}
