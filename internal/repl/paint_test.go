package repl

import (
	"io"
	"math/rand"
	"strings"
	"testing"
)

// stripANSI removes the escape sequences the workbench writes (CSI ... m).
func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\x1b' && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && s[j] != 'm' {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestPaintPattern(t *testing.T) {
	tests := []struct {
		pattern string
		want    string
	}{
		{"ab", "ab"},
		{"a+", "a" + ansiMagenta + "+" + ansiReset},
		{`(\d)`, ansiBlue + ansiBold + "(" + ansiReset + ansiGreen + `\d` + ansiReset + ansiBlue + ansiBold + ")" + ansiReset},
		{`x\`, "x" + errorColour + `\` + ansiReset},
		{"^[a-z]$", ansiCyan + "^" + ansiReset + ansiGreen + "[a-z]" + ansiReset + ansiCyan + "$" + ansiReset},
		// The parser, not the lexer, finds the unclosed group.
		{"a(b", "a" + errorColour + "(" + ansiReset + "b"},
		{"a**", "a" + errorColour + "**" + ansiReset},
	}
	for _, tt := range tests {
		if got := paintPattern(tt.pattern, mode{}); got != tt.want {
			t.Errorf("paintPattern(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

// TestPaintKeepsText checks the property the line editor depends on: Paint
// only adds escape sequences, whatever is typed, including half-typed and
// malformed patterns, subjects and invalid UTF-8.
func TestPaintKeepsText(t *testing.T) {
	s := New(Options{Color: true})
	if err := s.Exec(":re (a|b)+", io.Discard); err != nil {
		t.Fatal(err)
	}
	lines := []string{"", ":", ":re", ":re ", ":re (a[b-", `:re \p{Gre`, ":bogus x", "/a+/i", "/[/", "/", "abba", "x\xffab"}
	const alphabet = `ab()[]{}^$.*+?|\-:/pPdQE,0123456789 é世` + "\xff\xc0"
	rng := rand.New(rand.NewSource(1))
	for range 2000 {
		var b strings.Builder
		if rng.Intn(2) == 0 {
			b.WriteString(":re ")
		}
		for range rng.Intn(12) {
			b.WriteByte(alphabet[rng.Intn(len(alphabet))])
		}
		lines = append(lines, b.String())
	}
	for _, line := range lines {
		if got := stripANSI(s.Paint(line)); got != line {
			t.Fatalf("Paint(%q) without escapes = %q", line, got)
		}
	}
}

// TestPaintGroups checks that a subject being typed shows each group of a
// match in its own colour inside the match colour, and that a line too
// long to search at every key is left plain.
func TestPaintGroups(t *testing.T) {
	s := New(Options{Color: true})
	if err := s.Exec(":re a(b)c|(x)", io.Discard); err != nil {
		t.Fatal(err)
	}
	want := "z" + ansiMatchA + "a" + groupColours[0] + "b" + ansiMatchA + "c" + ansiReset +
		groupColours[1] + "x" + ansiReset + "z"
	if got := s.Paint("zabcxz"); got != want {
		t.Errorf("Paint = %q, want %q", got, want)
	}
	long := strings.Repeat("abc", maxPaintedLine)
	if got := s.Paint(long); got != long {
		t.Errorf("a line of %d bytes was painted; want it plain", len(long))
	}
}
