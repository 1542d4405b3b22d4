package repl

import (
	"strings"
	"testing"

	"github.com/rerepl/rerepl/regexp/syntax"
)

func TestVisible(t *testing.T) {
	tests := []struct {
		in, want string
		width    int
	}{
		{"abc", "abc", 3},
		{"a\tb", `a\tb`, 4},
		{"\xff", `\xff`, 4},
		{"\xe2\x82A", `\xe2\x82A`, 9},
		{"€", "€", 1},
		{"世界", "世界", 4},
		{"e\u0301", "e\u0301", 1},
		{"a\u200bb", `a\u200bb`, 8},
		{"\x00\n", `\x00\n`, 6},
		{"\u2693\u26f4", "\u2693\u26f4", 3}, // anchor is East Asian Wide, ferry Neutral
		{"a\u2060b", `a\u2060b`, 8},         // word joiner: a format character, escaped
		{"", "", 0},
	}
	for _, tt := range tests {
		if got := visible(tt.in); got != tt.want {
			t.Errorf("visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := stringWidth(tt.in); got != tt.width {
			t.Errorf("stringWidth(%q) = %d, want %d", tt.in, got, tt.width)
		}
	}
}

func TestMarkLine(t *testing.T) {
	tests := []struct {
		subject string
		spans   [][2]int
		want    string
	}{
		{"xabbby", [][2]int{{1, 5}}, " ^~~~"},
		{"aaa", [][2]int{{0, 1}, {1, 2}, {2, 3}}, "^^^"},
		{"abab", [][2]int{{0, 2}, {2, 4}}, "^~^~"},
		{"baaa", [][2]int{{0, 0}, {1, 4}}, "|^~~"},
		{"abc", [][2]int{{0, 0}, {1, 1}, {2, 2}, {3, 3}}, "|||" + "|"},
		{"", [][2]int{{0, 0}}, "|"},
		{"世界x", [][2]int{{3, 7}}, "  ^~~"},
		{"\xffa", [][2]int{{0, 0}, {1, 2}}, "|   ^"},
		{"\xffa", [][2]int{{0, 1}}, "^~~~"},
		{"e\u0301x", [][2]int{{0, 3}}, "^"},
	}
	for _, tt := range tests {
		if got := markLine(tt.subject, tt.spans); got != tt.want {
			t.Errorf("markLine(%q, %v) = %q, want %q", tt.subject, tt.spans, got, tt.want)
		}
	}
}

func TestHighlightAddsOnlyEscapes(t *testing.T) {
	tests := []struct {
		subject string
		spans   [][2]int
		want    string
	}{
		{"xaby", [][2]int{{1, 3}}, "x" + ansiMatchA + "ab" + ansiReset + "y"},
		{"aa", [][2]int{{0, 1}, {1, 2}}, ansiMatchA + "a" + ansiMatchB + "a" + ansiReset},
		{"a\xff", [][2]int{{1, 2}}, "a" + ansiMatchA + `\xff` + ansiReset},
	}
	for _, tt := range tests {
		got := highlight(tt.subject, tt.spans)
		if got != tt.want {
			t.Errorf("highlight(%q, %v) = %q, want %q", tt.subject, tt.spans, got, tt.want)
		}
		if plain := stripANSI(got); plain != visible(tt.subject) {
			t.Errorf("highlight(%q) without escapes = %q, want %q", tt.subject, plain, visible(tt.subject))
		}
	}
}

// TestCaretAndMarkerAgree checks that a match marker and an error caret
// under the same span of the same text start in the same column and are
// as wide: the REPL and (*syntax.Error).Caret draw text the same way.
func TestCaretAndMarkerAgree(t *testing.T) {
	tests := []struct {
		text  string
		start int
		end   int
	}{
		{"xabbby", 1, 5},
		{"世界x", 3, 7},
		{"\xffab", 1, 2},
		{"a\tb\nc", 2, 5},
		{"e\u0301x", 3, 4},
		{"\u2060\u267f\u2693\u26ce\u274e\u26f4x", 12, 16},
		{"\U0001f260\U00016ff0\u200bz", 8, 12},
		{"\x01\x7f\u0085k", 4, 5},
	}
	for _, tt := range tests {
		e := &syntax.Error{Code: syntax.ErrMissingParen, Pattern: tt.text, Span: syntax.Span{Start: tt.start, End: tt.end}}
		lines := strings.Split(e.Caret(), "\n")
		if lines[0] != visible(tt.text) {
			t.Errorf("Caret draws %q as %q, the REPL as %q", tt.text, lines[0], visible(tt.text))
		}
		caret := lines[1]
		marker := markLine(tt.text, [][2]int{{tt.start, tt.end}})
		if strings.Index(caret, "^") != strings.Index(marker, "^") || len(caret) != len(marker) {
			t.Errorf("span %d..%d of %q: caret line %q, marker line %q", tt.start, tt.end, tt.text, caret, marker)
		}
	}
}
