package meta

import (
	"slices"
	"testing"

	"github.com/rerepl/rerepl/regexp/syntax"
)

func newTestSet(t *testing.T, exprs ...string) *Set {
	t.Helper()
	res := make([]*Regexp, len(exprs))
	for i, e := range exprs {
		x, err := Compile(e, syntax.Perl, Config{})
		if err != nil {
			t.Fatal(err)
		}
		res[i] = x
	}
	s, err := NewSet(res, SetConfig{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSetPrefilter checks when a set gets a prefilter (every pattern's
// matches start with a non-empty literal) and that skipping to its first
// candidate keeps the answers.
func TestSetPrefilter(t *testing.T) {
	tests := []struct {
		exprs []string
		pre   bool
	}{
		{[]string{`AKIA[0-9A-Z]{4}`, `ghp_\w+`, `(?i)secret`}, true},
		{[]string{`\bfoo\d`, `^bar`}, true},
		{[]string{`foo`, `\d+`}, true},
		{[]string{`foo`, `\w+`}, false},
		{[]string{`foo`, `x*`}, false},
	}
	texts := map[string][]int{
		"nothing":                  nil,
		"xx AKIAABCD ghp_x":        {0, 1},
		"bar foo1 SeCrEt":          {1, 2},
		"a\xffb foo2 \xff":         {},
		"\xffghp_a":                {1},
		"xyz 123 foo":              {},
		"AKIA12":                   nil,
		"foo\xff\xffx 12 ghp_\xff": {},
	}
	for _, tt := range tests {
		s := newTestSet(t, tt.exprs...)
		if (s.pre != nil) != tt.pre {
			t.Errorf("set %q: prefilter %v, want %v", tt.exprs, s.pre != nil, tt.pre)
		}
		for text := range texts {
			var want []int
			for i, e := range tt.exprs {
				x, _ := Compile(e, syntax.Perl, Config{})
				if x.Find([]byte(text), 0, false, 0, nil) != nil {
					want = append(want, i)
				}
			}
			if got := s.Matches([]byte(text), nil); !slices.Equal(got, want) {
				t.Errorf("set %q: Matches(%q) = %v, want %v", tt.exprs, text, got, want)
			}
			if got := s.Match([]byte(text)); got != (len(want) > 0) {
				t.Errorf("set %q: Match(%q) = %v", tt.exprs, text, got)
			}
		}
	}
}
