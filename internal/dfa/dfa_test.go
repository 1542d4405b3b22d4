package dfa

import (
	"fmt"
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// compilePair returns the forward and reverse DFAs of a Perl-syntax
// pattern.
func compilePair(t testing.TB, pattern string, cfg Config) (fwd, rev *DFA) {
	t.Helper()
	fwd = New(testutil.Compile(t, pattern, syntax.Perl), cfg)
	rev = New(testutil.CompileWith(t, pattern, syntax.Perl, nfa.Options{Reverse: true}), cfg)
	return fwd, rev
}

// span shows a search's outcome compactly: "3" for a match at 3, "none",
// "gaveup" or "quit".
func span(pos int, r Result) string {
	switch r {
	case Match:
		return fmt.Sprint(pos)
	case NoMatch:
		return "none"
	case GaveUp:
		return "gaveup"
	}
	return "quit"
}

func TestForwardTable(t *testing.T) {
	tests := []struct {
		pattern, input  string
		first, earliest string // Forward with LeftmostFirst and Earliest
	}{
		{`abc`, "xxabcabc", "5", "5"},
		{`a+`, "baaab", "4", "2"},
		{`a|ab`, "ab", "1", "1"},
		{`ab|a`, "ab", "2", "1"},
		{`a*?`, "aaa", "0", "0"},
		{`a*`, "aaa", "3", "0"},
		{`x*`, "aaa", "0", "0"},
		{`\bfoo\b`, "a foo b", "5", "5"},
		{`\bfoo\b`, "afoo b", "none", "none"},
		{`\Bfoo`, "afoo", "4", "4"},
		{`\Bfoo`, "a foo", "none", "none"},
		{`(?m)^\w+$`, "ab cd\nef\n", "8", "8"},
		{`^\w+$`, "ab\ncd", "none", "none"},
		{`$`, "abc", "3", "3"},
		{`^`, "abc", "0", "0"},
		{`(?m)$`, "ab\ncd", "2", "2"},
		{`\w+\s+Holmes`, "Mr Sherlock  Holmes!", "19", "19"},
		{`\p{Greek}+`, "abc αβγ def", "10", "6"},
		{`(?i)straße`, "STRASSE Straße", "15", "15"},
		{`é`, "caf\u00e9", "5", "5"},
		{`.`, "\xff", "quit", "quit"},
		{`abc`, "abc\xff", "3", "3"},
		{`abc+`, "abc\xff", "3", "3"},
		{`abc.`, "abc\xff", "quit", "quit"},
		{`abc.`, "abc\xffd", "quit", "quit"},
		{`abc`, "\xffabc", "quit", "quit"},
		{`x`, "abc", "none", "none"},
		{``, "", "0", "0"},
	}
	for _, tt := range tests {
		fwd, _ := compilePair(t, tt.pattern, Config{})
		c := fwd.NewCache()
		in := &nfa.Input{Haystack: []byte(tt.input), End: len(tt.input)}
		if got := span(fwd.Forward(c, in, LeftmostFirst)); got != tt.first {
			t.Errorf("%#q on %q: leftmost-first end %s, want %s", tt.pattern, tt.input, got, tt.first)
		}
		if got := span(fwd.Forward(c, in, Earliest)); got != tt.earliest {
			t.Errorf("%#q on %q: earliest end %s, want %s", tt.pattern, tt.input, got, tt.earliest)
		}
	}
}

func TestReverseTable(t *testing.T) {
	tests := []struct {
		pattern, input string
		start, end     int
		want           string
	}{
		{`abc`, "xxabc", 0, 5, "2"},
		{`a+`, "baaa", 0, 4, "1"},
		{`a+`, "baaa", 2, 4, "2"},
		{`\w+`, "ab cd", 0, 5, "3"},
		{`\bcd`, "abcd", 0, 4, "none"},
		{`\Bcd`, "abcd", 0, 4, "2"},
		{`^\w+`, "ab\ncd", 0, 5, "none"},
		{`(?m)^\w+`, "ab\ncd", 0, 5, "3"},
		{`(?m)^\w+`, "ab\ncd", 3, 5, "3"},
		{`\w+$`, "ab cd", 0, 5, "3"},
		{`\w+$`, "ab cd", 0, 4, "none"},
		{`\p{L}+`, "1 ab\u00e9\u03b1", 0, 8, "2"},
		{`.+`, "a\xffb", 0, 3, "quit"},
		{`b`, "a\xffb", 0, 3, "2"},
		{`.b`, "a\xffb", 0, 3, "quit"},
		{`x*`, "abc", 1, 2, "2"},
	}
	for _, tt := range tests {
		_, rev := compilePair(t, tt.pattern, Config{})
		c := rev.NewCache()
		in := &nfa.Input{Haystack: []byte(tt.input), Start: tt.start, End: tt.end}
		if got := span(rev.Reverse(c, in)); got != tt.want {
			t.Errorf("%#q on %q[%d:%d]: reverse start %s, want %s", tt.pattern, tt.input, tt.start, tt.end, got, tt.want)
		}
	}
}

func TestAnchoredLongestTable(t *testing.T) {
	tests := []struct {
		pattern, input string
		start          int
		want           string
	}{
		{`a|ab`, "ab", 0, "2"},
		{`a*?`, "aaa", 0, "3"},
		{`(a|ab)(c|bcd)`, "abcd", 0, "4"},
		{`\w+\b`, "ab cd", 3, "5"},
		{`b`, "ab", 0, "none"},
		{`x*`, "ab", 1, "1"},
	}
	for _, tt := range tests {
		fwd, _ := compilePair(t, tt.pattern, Config{})
		c := fwd.NewCache()
		in := &nfa.Input{Haystack: []byte(tt.input), Start: tt.start, End: len(tt.input)}
		if got := span(fwd.Forward(c, in, AnchoredLongest)); got != tt.want {
			t.Errorf("%#q on %q from %d: longest end %s, want %s", tt.pattern, tt.input, tt.start, got, tt.want)
		}
	}
}

// TestNothingMatches runs patterns whose every path goes through a class
// that matches nothing: the start state is dead before any byte, and the
// end of the scan must not ask that state which bytes it reads (it has
// no threads, and no key to look them up in).
func TestNothingMatches(t *testing.T) {
	for _, pattern := range []string{`[^\s\S]`, `(?:[^\s\S])$`, `a[^\s\S]`, `[^\s\S]+\z`} {
		fwd := testutil.CompileWith(t, pattern, syntax.Perl, nfa.Options{})
		rev := testutil.CompileWith(t, pattern, syntax.Perl, nfa.Options{Reverse: true})
		df, dr := New(fwd, Config{}), New(rev, Config{})
		for _, h := range []string{"", "a", "é", "aé", "\xff", "é\xffa"} {
			in := nfa.Input{Haystack: []byte(h), End: len(h)}
			// Quit is allowed on invalid UTF-8: the caller then
			// asks the NFA engines.
			if _, r := df.Forward(df.NewCache(), &in, LeftmostFirst); r != NoMatch && r != Quit {
				t.Errorf("%#q forward on %q: %v, want NoMatch", pattern, h, r)
			}
			if _, r := dr.Reverse(dr.NewCache(), &in); r != NoMatch && r != Quit {
				t.Errorf("%#q reverse on %q: %v, want NoMatch", pattern, h, r)
			}
		}
	}
}
