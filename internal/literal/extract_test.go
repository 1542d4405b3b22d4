package literal

import (
	"fmt"
	"strings"
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

// TestExtractLimits checks that sets past the limits shrink to shorter,
// inexact literals instead of growing without bound.
func TestExtractLimits(t *testing.T) {
	tests := []struct {
		pattern string
		prefix  string
	}{
		// 2*2*2*2*2*3 = 96 spellings: the cross product stops at
		// the 32 of "holme".
		{`(?i)holmes`, "32 literals of 5 bytes, inexact"},
		// 100 words only merge below 64 when cut to their first
		// letters.
		{hundredWords(), "10 literals of 1 bytes, inexact"},
		{`[a-z]x`, "inf"},
		{`[a-p]x`, "16 literals of 2 bytes, exact"},
		{`a{20}`, "1 literals of 8 bytes, inexact"},
		{`(?:abcdefghij){4}`, "1 literals of 32 bytes, inexact"},
	}
	for _, tt := range tests {
		if got := describe(Prefixes(parse(t, tt.pattern))); got != tt.prefix {
			t.Errorf("Prefixes(%#q) is %s, want %s", tt.pattern, got, tt.prefix)
		}
	}
}

// hundredWords returns an alternation of 100 distinct three-letter words
// with no common prefixes to merge.
func hundredWords() string {
	var b []byte
	for i := range 100 {
		if i > 0 {
			b = append(b, '|')
		}
		b = append(b, byte('A'+i/10), byte('a'+i%10), 'z')
	}
	return string(b)
}

// describe summarises a set as its size, its literal lengths and
// exactness.
func describe(s Seq) string {
	if !s.IsFinite() {
		return "inf"
	}
	short, long := s.MinLen(), s.MaxLen()
	lengths := fmt.Sprint(short)
	if short != long {
		lengths = fmt.Sprintf("%d-%d", short, long)
	}
	exact := "inexact"
	if s.IsExact() {
		exact = "exact"
	}
	return fmt.Sprintf("%d literals of %s bytes, %s", s.Len(), lengths, exact)
}

func TestFindInner(t *testing.T) {
	tests := []struct {
		pattern string
		index   int // -1: no inner literal
		seq     string
	}{
		{`\w+\s+Holmes\s+\w+`, 2, `{"Holmes"…}`},
		{`(\w+\s+Holmes\s+\w+)`, 2, `{"Holmes"…}`},
		{`[a-z]+ing`, 1, `{"ing"…}`},
		{`\d+(?:am|pm)\b`, 1, `{"am"… "pm"…}`},
		{`.*(?i:sherlock)`, 1, "48 literals of 5-6 bytes, inexact"}, // ſ is two bytes
		{`a.*b`, 2, `{"b"…}`},
		{`foo`, -1, ``},
		{`\w+\s+\w+`, 1, "5 literals of 1 bytes, inexact"},
		{`.*`, -1, ``},
	}
	for _, tt := range tests {
		in, ok := FindInner(parse(t, tt.pattern))
		if !ok {
			if tt.index >= 0 {
				t.Errorf("FindInner(%#q) found nothing, want %s at %d", tt.pattern, tt.seq, tt.index)
			}
			continue
		}
		got := in.Seq.String()
		if strings.HasSuffix(tt.seq, "inexact") {
			got = describe(in.Seq)
		}
		if in.Index != tt.index || got != tt.seq {
			t.Errorf("FindInner(%#q) = %s at %d, want %s at %d", tt.pattern, got, in.Index, tt.seq, tt.index)
		}
	}
}

func TestForPrefilter(t *testing.T) {
	tests := []struct {
		lits []string
		want string
	}{
		{[]string{"Holmes\t", "Holmes\n", "Holmes "}, `{"Holmes"…}`},
		{[]string{"abc1", "abc2"}, `{"abc1" "abc2"}`}, // three bytes are not enough to give up the set
		{[]string{"abcdé", "abcdè"}, `{"abcd"…}`},     // é and è share their first byte
		{[]string{"é1", "è2"}, `{"é1" "è2"}`},
		{[]string{"single"}, `{"single"}`},
	}
	for _, tt := range tests {
		var lits []Literal
		for _, l := range tt.lits {
			lits = append(lits, Literal{Bytes: l, Exact: true})
		}
		if got := NewSeq(lits...).forPrefilter().String(); got != tt.want {
			t.Errorf("forPrefilter(%q) = %s, want %s", tt.lits, got, tt.want)
		}
	}
}
