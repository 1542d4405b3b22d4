package fuzz

import (
	std "regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/meta"
	"github.com/rerepl/rerepl/regexp"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// maxSetPatterns bounds the number of patterns of a FuzzSet input; each
// is held to FuzzMatch's bounds.
const maxSetPatterns = 8

// FuzzSet splits its first argument at newlines into a set of patterns
// and checks that the set reports, on the subject, exactly the patterns
// the standard library finds compiling each alone: through CompileSet,
// and through a set whose DFA cache is tiny (tiny odd), so that the
// fallback to the patterns one by one answers. A set with a pattern the
// standard library rejects must fail to compile.
func FuzzSet(f *testing.F) {
	f.Add("foo\\d+\nbar\n(?i)baz", "xx foo12 BAZ", uint8(0))
	f.Add("^a\na$\n\\bb\\b\n", "a b\xffa", uint8(1))
	f.Add("(?m)^$\n.\n\\x{FFFD}", "\n\xe2\x82", uint8(0))
	f.Fuzz(func(t *testing.T, patterns, subject string, tiny uint8) {
		exprs := strings.Split(patterns, "\n")
		if len(exprs) > maxSetPatterns || len(subject) > maxMatchSubject {
			return
		}
		var want []int
		for i, e := range exprs {
			if !matchInputOK(e, "") {
				return
			}
			re, err := std.Compile(e)
			if err != nil {
				if _, err := regexp.CompileSet(exprs); err == nil {
					t.Fatalf("CompileSet(%q) succeeded; pattern %d: %v", exprs, i, err)
				}
				return
			}
			if re.MatchString(subject) {
				want = append(want, i)
			}
		}
		var got []int
		if tiny&1 == 0 {
			s, err := regexp.CompileSet(exprs)
			if err != nil {
				t.Fatalf("CompileSet(%q): %v", exprs, err)
			}
			got = s.MatchesString(subject)
			if m := s.Match([]byte(subject)); m != (len(want) > 0) {
				t.Fatalf("set %q, subject %q: Match = %v, want %v", exprs, subject, m, !m)
			}
		} else {
			res := make([]*meta.Regexp, len(exprs))
			for i, e := range exprs {
				x, err := meta.Compile(e, syntax.Perl, meta.Config{})
				if err != nil {
					t.Fatalf("meta.Compile(%q): %v", e, err)
				}
				res[i] = x
			}
			s, err := meta.NewSet(res, meta.SetConfig{CacheCapacity: 4 << 10})
			if err != nil {
				t.Fatal(err)
			}
			got = s.Matches([]byte(subject), nil)
			if m := s.Match([]byte(subject)); m != (len(want) > 0) {
				t.Fatalf("tiny set %q, subject %q: Match = %v, want %v", exprs, subject, m, !m)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("set %q, subject %q (tiny %d): Matches = %v, want %v", exprs, subject, tiny&1, got, want)
		}
	})
}
