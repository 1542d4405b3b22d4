package literal

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

func TestNewMatcherKinds(t *testing.T) {
	// Small sets of literals of two bytes or more use Teddy where the
	// vector routines exist.
	// as do long case-insensitive literals of ASCII letters.
	setKind, foldKind := "*literal.ahoCorasick", "*literal.foldLiteral"
	if haveTeddy {
		setKind, foldKind = "*literal.teddy", "*literal.teddy"
	}
	tests := []struct {
		pattern string
		kind    string // the searcher's type, or "nil" for not a pure literal
	}{
		{`a`, "literal.byteSearcher"},
		{`foo`, "*literal.memmem"},
		{`(foo)`, "*literal.memmem"},
		{`foo|bar`, setKind},
		{`foo|foobar`, setKind},
		{`ab[cd]e`, setKind},
		{`(?i)k`, "*literal.ahoCorasick"},
		{`(?i)holmes`, foldKind},
		{`(?i)Шерлок`, "*literal.foldLiteral"},
		{`(?i)123`, "*literal.memmem"},
		{`x{3}`, "*literal.memmem"},
		{`\x{D800}`, "literal.never"},
		{`(?i)a\x{D800}`, "literal.never"},
		{`a+`, "nil"},
		{`a|`, "nil"},
		{`^foo`, "nil"},
		{`foo\b`, "nil"},
		{`.`, "nil"},
		{`\x{FFFD}`, "nil"},
		{`(?i)a\x{FFFD}`, "nil"},
		{`[^a]`, "nil"},
		{`\w`, "*literal.byteSetSearcher"},
		{`[aeiou]`, "*literal.byteSetSearcher"},
		{`\pL`, "nil"},
	}
	for _, tt := range tests {
		got := "nil"
		if m := NewMatcher(parse(t, tt.pattern), false); m != nil {
			got = fmt.Sprintf("%T", m)
		}
		if got != tt.kind {
			t.Errorf("NewMatcher(%#q) is %s, want %s", tt.pattern, got, tt.kind)
		}
	}
}

func TestMatcherTable(t *testing.T) {
	tests := []struct {
		pattern string
		input   string
	}{
		{`foo|foobar`, "foobar foo fofoobar"},
		{`foobar|foo`, "foobar foo fofoobar"},
		{`(a|ab)(c|bcd)`, "abcd abc ac abbcd"},
		{`bcd|abcde`, "abcdx abcde bcd"},
		{`ab[cd]e`, "abce abde abee"},
		{`(?i)holmes|watson`, "Sherlock HOLMES and Dr. Watson, holmeſ"},
		{`(?i)kelvin`, "\u212aelvin KELVIN kelvi"},
		{`é|€|e`, "e\xc3\xa9\xe2\x82\xac\xe2\x82e"},
		{`a|aa|aaa`, "aaaaaaa"},
		{`aaa|aa|a`, "aaaaaaa"},
	}
	for _, tt := range tests {
		re := parse(t, tt.pattern)
		for _, longest := range []bool{false, true} {
			m := NewMatcher(re, longest)
			if m == nil {
				t.Errorf("NewMatcher(%#q) = nil", tt.pattern)
				continue
			}
			std := regexp.MustCompile(tt.pattern)
			mode := "leftmost-first"
			if longest {
				std.Longest()
				mode = "leftmost-longest"
			}
			compareAll(t, tt.pattern, mode, []byte(tt.input), m, std)
		}
	}
}

// TestMatcherDictionary checks a big alternation, the case Aho-Corasick
// is for, on text made of its words, their prefixes and noise.
func TestMatcherDictionary(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	words := make([]string, 3000)
	for i := range words {
		words[i] = string(randomBytes(r, []string{"a", "b", "c", "d", "e", "é", "n", "o"}, 2+r.IntN(6)))
	}
	pattern := strings.Join(words, "|")
	re := parse(t, pattern)
	var text []byte
	for range 1000 {
		w := words[r.IntN(len(words))]
		switch r.IntN(3) {
		case 0:
			text = append(text, w...)
		case 1:
			text = append(text, w[:len(w)/2]...)
		default:
			text = append(text, " \xff"[r.IntN(2)])
		}
	}
	for _, longest := range []bool{false, true} {
		m := NewMatcher(re, longest)
		if m == nil {
			t.Fatalf("NewMatcher(dictionary) = nil")
		}
		std := regexp.MustCompile(pattern)
		if longest {
			std.Longest()
		}
		compareAll(t, "dictionary", fmt.Sprint("longest ", longest), text, m, std)
	}
}

// TestMatcherGivesUpOnHugeSets checks that a pattern whose language is
// finite but enormous in bytes (16384 spellings of a 4014-byte string) is
// left to the automata instead of being expanded.
func TestMatcherGivesUpOnHugeSets(t *testing.T) {
	pattern := `(?:a|b){14}` + strings.Repeat("x", 4000)
	if m := NewMatcher(parse(t, pattern), false); m != nil {
		t.Errorf("NewMatcher(16384 long literals) = %T, want nil", m)
	}
	if got := describe(Prefixes(parse(t, pattern))); got != "64 literals of 6 bytes, inexact" {
		t.Errorf("Prefixes(16384 long literals) is %s", got)
	}
}
