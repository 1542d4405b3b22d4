package literal

import (
	"testing"

	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// parse parses pattern the way regexp.Compile does, with the standard
// library's parser converted to our tree, so these tests do not depend on
// the state of our own parser.
func parse(t testing.TB, pattern string) *syntax.Regexp {
	t.Helper()
	return testutil.ParseStd(t, pattern, syntax.Perl)
}

func TestExtractGolden(t *testing.T) {
	tests := []struct {
		pattern        string
		prefix, suffix string
	}{
		{`foo`, `{"foo"}`, `{"foo"}`},
		{`foo|bar`, `{"foo" "bar"}`, `{"foo" "bar"}`},
		{`foo|foobar`, `{"foo" "foobar"}`, `{"foo" "foobar"}`},
		{`ab[cd]e`, `{"abce" "abde"}`, `{"abce" "abde"}`},
		{`a+b`, `{"a"…}`, `{"ab"…}`},
		{`a*b`, `{"a"… "b"}`, `{"ab"… "b"}`},
		{`a*?b`, `{"b" "a"…}`, `{"b" "ab"…}`},
		{`a?b`, `{"ab" "b"}`, `{"ab" "b"}`},
		{`^foo`, `{"foo"…}`, `{"foo"…}`},
		{`(?m)^foo$`, `{"foo"…}`, `{"foo"…}`},
		{`(foo)(bar)`, `{"foobar"}`, `{"foobar"}`},
		{`(?:foo|bar)+`, `{"foo"… "bar"…}`, `{"foo"… "bar"…}`},
		{`x{3}`, `{"xxx"}`, `{"xxx"}`},
		{`(?:ab){2,}`, `{"abab"…}`, `{"abab"…}`},
		{`a.b`, `{"a"…}`, `{"b"…}`},
		{`a[^x]b`, `{"a"…}`, `{"b"…}`},
		{`a\x{FFFD}b`, `{"a"…}`, `{"b"…}`},
		{`.*`, `inf`, `inf`},
		{`\w+`, `inf`, `inf`},
		{`[0-9]+x`, `{"0"… "1"… "2"… "3"… "4"… "5"… "6"… "7"… "8"… "9"…}`, `{"0x"… "1x"… "2x"… "3x"… "4x"… "5x"… "6x"… "7x"… "8x"… "9x"…}`},
		{`(?i)k`, `{"K" "k" "K"}`, `{"K" "k" "K"}`}, // the last is the Kelvin sign
		{`(?i)st`, `{"ST" "St" "sT" "st" "ſT" "ſt"}`, `{"ST" "sT" "ſT" "St" "st" "ſt"}`},
		{`(?i)σ`, `{"Σ" "ς" "σ"}`, `{"Σ" "ς" "σ"}`},
		{`\x{D800}`, `{}`, `{}`},
		{`a|\x{D800}`, `{"a"}`, `{"a"}`},
		{`é|€`, `{"é" "€"}`, `{"é" "€"}`},
		{`x*`, `{"x"… ""}`, `{"x"… ""}`},
		{`(?:)`, `{""}`, `{""}`},
		{`a\bb`, `{"ab"…}`, `{"ab"…}`},
	}
	for _, tt := range tests {
		re := parse(t, tt.pattern)
		if got := Prefixes(re).String(); got != tt.prefix {
			t.Errorf("Prefixes(%#q) = %s, want %s", tt.pattern, got, tt.prefix)
		}
		if got := Suffixes(re).String(); got != tt.suffix {
			t.Errorf("Suffixes(%#q) = %s, want %s", tt.pattern, got, tt.suffix)
		}
	}
}
