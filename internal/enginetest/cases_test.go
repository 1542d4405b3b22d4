package enginetest

import (
	"slices"
	"strings"
	"testing"
)

func TestReadCases(t *testing.T) {
	src := `# a comment

perl    ` + "`(a)|b`" + `  "b"  ->  0-1 -  ;  0-1 -
posix   ` + "`a*`" + `  "baa"  ->  0-0  ;  0-0 | 1-3
longest ` + "`x`" + `  "\xff"  ->  none  ;  none
perl    ` + "`\\C`" + `  ""  ->  error
`
	cases, err := ReadCases(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Case{
		{Line: 3, Mode: "perl", Pattern: `(a)|b`, Text: "b", First: []int{0, 1, -1, -1}, All: [][]int{{0, 1, -1, -1}}},
		{Line: 4, Mode: "posix", Pattern: `a*`, Text: "baa", First: []int{0, 0}, All: [][]int{{0, 0}, {1, 3}}},
		{Line: 5, Mode: "longest", Pattern: `x`, Text: "\xff"},
		{Line: 6, Mode: "perl", Pattern: `\C`, Invalid: true},
	}
	if !slices.EqualFunc(cases, want, func(a, b Case) bool {
		return a.Line == b.Line && a.Mode == b.Mode && a.Pattern == b.Pattern && a.Text == b.Text &&
			a.Invalid == b.Invalid && slices.Equal(a.First, b.First) && slices.EqualFunc(a.All, b.All, slices.Equal)
	}) {
		t.Errorf("got %+v\nwant %+v", cases, want)
	}
	for _, bad := range []string{
		"ruby `a` \"a\" -> 0-1 ; 0-1",
		"perl `a` \"a\" 0-1 ; 0-1",
		"perl `a` \"a\" -> 0-1",
		"perl `a` \"a\" -> 0:1 ; 0-1",
		"perl `a` \"a\" -> 0-1 ; none |",
		"perl `a \"a\" -> 0-1 ; 0-1",
	} {
		if _, err := ReadCases(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestCaseFileCoversModes checks that the case file exercises each mode,
// invalid UTF-8 and empty matches, which the harness relies on.
func TestCaseFileCoversModes(t *testing.T) {
	count := map[string]int{}
	for _, c := range LoadCases(t) {
		count[c.Mode]++
		if strings.ContainsFunc(c.Text, func(r rune) bool { return r == '\uFFFD' }) {
			count["invalid UTF-8 or U+FFFD"]++
		}
		for _, m := range c.All {
			if m[0] == m[1] {
				count["empty match"]++
				break
			}
		}
	}
	for _, k := range []string{"perl", "posix", "longest", "invalid UTF-8 or U+FFFD", "empty match"} {
		if count[k] < 5 {
			t.Errorf("only %d cases of %s", count[k], k)
		}
	}
}
