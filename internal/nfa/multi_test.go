package nfa

import (
	"errors"
	"testing"

	"github.com/rerepl/rerepl/regexp/syntax"
)

func TestCompileSetMatchStates(t *testing.T) {
	var trees []*syntax.Regexp
	for _, p := range []string{`ab`, `[^\x00-\x{10FFFF}]`, `\d+`} {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		trees = append(trees, re.Simplify())
	}
	p, err := CompileSet(trees, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for i := range p.States {
		if p.States[i].Kind == Match {
			got = append(got, p.States[i].MatchPattern())
		}
		if p.States[i].Kind == Capture {
			t.Errorf("state %d is a Capture", i)
		}
	}
	if len(got) != 3 || got[0] != 0 || got[1] != 1 || got[2] != 2 {
		t.Errorf("Match states name patterns %v, want [0 1 2]", got)
	}
	if p.NumCap != 0 || p.Start == p.StartUnanchored {
		t.Errorf("NumCap %d, Start %d, StartUnanchored %d", p.NumCap, p.Start, p.StartUnanchored)
	}
	_, err = CompileSet(trees, Options{MaxStates: 8})
	var serr *syntax.Error
	if !errors.As(err, &serr) || serr.Code != syntax.ErrLarge {
		t.Errorf("CompileSet with MaxStates 8: %v, want ErrLarge", err)
	}
}
