package meta

import (
	"testing"
	"unicode"
)

// TestMaxMatchLen checks the bound on match lengths in bytes (classes
// count 4, the longest UTF-8 encoding; folded runes too).
func TestMaxMatchLen(t *testing.T) {
	tests := []struct {
		pattern string
		want    int
	}{
		{`abc`, 3},
		{`[A-Z]{20}`, 80},
		{`\d{4}-\d{2}`, 25},
		{`é|ab`, 2},
		{`(?i)k`, 4},
		{`a?b??`, 2},
		{`a+`, -1},
		{`x(y*)`, -1},
		{`^$`, 0},
	}
	for _, tt := range tests {
		tree, _ := compileForTest(t, tt.pattern)
		if got := factsOf(tree).MaxLen; got != tt.want {
			t.Errorf("%#q: MaxLen %d, want %d", tt.pattern, got, tt.want)
		}
	}
}

// TestAnchors checks the facts about where every match must start and
// end.
func TestAnchors(t *testing.T) {
	tests := []struct {
		pattern          string
		start, line, end bool
	}{
		{`^foo`, true, true, false},
		{`foo$`, false, false, true},
		{`^foo$`, true, true, true},
		{`(^foo|^bar)`, true, true, false},
		{`^foo|bar`, false, false, false},
		{`(?m)^foo$`, false, true, false},
		{`(?m)^foo|\Abar`, false, true, false},
		{`\Afoo\z`, true, true, true},
		{`(?:^a)+`, true, true, false},
		{`(?:^a){0,2}`, false, false, false},
		{`(?:a$)+`, false, false, false},
	}
	for _, tt := range tests {
		tree, _ := compileForTest(t, tt.pattern)
		f := factsOf(tree)
		if f.AnchoredStart != tt.start || f.LineStart != tt.line || f.AnchoredEnd != tt.end {
			t.Errorf("%#q: anchored start %v, line start %v, end %v; want %v, %v, %v",
				tt.pattern, f.AnchoredStart, f.LineStart, f.AnchoredEnd, tt.start, tt.line, tt.end)
		}
	}
}

// TestLanguageSize checks the bound on the number of strings a pattern
// matches that decides whether the literal-only strategy is tried.
func TestLanguageSize(t *testing.T) {
	const limit = sizeLimit
	tests := []struct {
		pattern string
		want    int // limit+1 means "too many or unbounded"
	}{
		{`abc`, 1},
		{`[a-c]x`, 3},
		{`(?i)k`, 3},
		{`a|b|cd`, 3},
		{`(a|b)(c|d)`, 4},
		{`a?`, 2},
		{`\d{2}`, 100},
		{`\d{3}`, 1000},
		{`\d{5}`, limit + 1},
		{`(?:ab|cd){3}`, 8},
		{`a*`, limit + 1},
		{`^a`, limit + 1},
	}
	for _, tt := range tests {
		tree, _ := compileForTest(t, tt.pattern)
		if got := factsOf(tree).LanguageSize; got != tt.want {
			t.Errorf("%#q: LanguageSize %d, want %d", tt.pattern, got, tt.want)
		}
	}
}

// TestFoldOrbitLen checks foldOrbitLen's shortcut for ASCII against the
// orbits of unicode.SimpleFold.
func TestFoldOrbitLen(t *testing.T) {
	for r := rune(0); r < 0x180; r++ {
		n := 1
		for g := unicode.SimpleFold(r); g != r; g = unicode.SimpleFold(g) {
			n++
		}
		if got := foldOrbitLen(r); got != n {
			t.Errorf("foldOrbitLen(%q) = %d, want %d", r, got, n)
		}
	}
}
