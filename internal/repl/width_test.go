package repl

import "testing"

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
