package syntax

import (
	"errors"
	"math/rand"
	"runtime"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/testhook"
)

// spanTests pin down the span each error code points at, written as the
// text under the carets.
var spanTests = []struct {
	pattern string
	flags   Flags
	code    ErrorCode
	under   string // pattern[Span.Start:Span.End]
	start   int
}{
	{`a(b|c`, Perl, ErrMissingParen, `(`, 1},
	{`(a(b)`, Perl, ErrMissingParen, `(`, 0},
	{`((a)`, Perl, ErrMissingParen, `(`, 0},
	{`(?:a(?i:b)`, Perl, ErrMissingParen, `(?:`, 0},
	{`ab)`, Perl, ErrUnexpectedParen, `)`, 2},
	{`x[a-z`, Perl, ErrMissingBracket, `[`, 1},
	{`[^a`, Perl, ErrMissingBracket, `[^`, 0},
	{`a|*`, Perl, ErrMissingRepeatArgument, `*`, 2},
	{`(+?)`, Perl, ErrMissingRepeatArgument, `+?`, 1},
	{`a**`, Perl, ErrInvalidRepeatOp, `**`, 1},
	{`a{2}*?`, Perl, ErrInvalidRepeatOp, `{2}*?`, 1},
	{`a{1001}`, Perl, ErrInvalidRepeatSize, `{1001}`, 1},
	{`(a{500}){3}`, Perl, ErrInvalidRepeatSize, `{3}`, 8},
	{`a\q`, Perl, ErrInvalidEscape, `\q`, 1},
	{`\x{110000}`, Perl, ErrInvalidEscape, `\x{110000`, 0}, // Go quotes up to the digit that overflowed
	{`[z-a]`, Perl, ErrInvalidCharRange, `z-a`, 1},
	{`[[:bogus:]]`, Perl, ErrInvalidCharRange, `[:bogus:]`, 1},
	{`\p{Bogus}`, Perl, ErrInvalidCharRange, `\p{Bogus}`, 0},
	{`[a-b-c]`, POSIX, ErrInvalidCharRange, `-`, 4},
	{`ab\`, Perl, ErrTrailingBackslash, `\`, 2},
	{"a\xffb", Perl, ErrInvalidUTF8, "\xff", 1},
	{"\\\xff", Perl, ErrInvalidUTF8, "\\\xff", 0},
	{`(?P<x!>a)`, Perl, ErrInvalidNamedCapture, `(?P<x!>`, 0},
	{`(?P<name`, Perl, ErrInvalidNamedCapture, `(?P<`, 0},
	{`a(?x)`, Perl, ErrInvalidPerlOp, `(?x`, 1},
	{`(?i-)`, Perl, ErrInvalidPerlOp, `(?i-)`, 0},
	{`\C`, Perl, ErrInvalidEscape, `\C`, 0},
}

func TestErrorSpans(t *testing.T) {
	for _, tt := range spanTests {
		_, err := Parse(tt.pattern, tt.flags)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) = %v, want an *Error", tt.pattern, err)
			continue
		}
		if e.Code != tt.code {
			t.Errorf("Parse(%q) code %q, want %q", tt.pattern, e.Code, tt.code)
		}
		got := tt.pattern[e.Span.Start:e.Span.End]
		if got != tt.under || e.Span.Start != tt.start {
			t.Errorf("Parse(%q) span %v covers %q, want %q at %d", tt.pattern, e.Span, got, tt.under, tt.start)
		}
	}
}

func TestLimitErrorSpans(t *testing.T) {
	tests := []struct {
		pattern string
		code    ErrorCode
	}{
		{strings.Repeat(`\pL`, 30000), ErrLarge},                // too many runes in classes
		{"(" + strings.Repeat(".", 4000) + "){1000}", ErrLarge}, // program too large
		{`(((a{100}){100}){100}){100}`, ErrInvalidRepeatSize},   // 10^8 copies: the count check fires first
		{string(repeatByte('(', 1001)) + string(repeatByte(')', 1001)), ErrNestingDepth},
	}
	for _, tt := range tests {
		_, err := Parse(tt.pattern, Perl)
		var e *Error
		if !errors.As(err, &e) || e.Code != tt.code {
			t.Errorf("Parse(%.20q...) = %v, want code %q", tt.pattern, err, tt.code)
			continue
		}
		wholeExpr := tt.code == ErrLarge || tt.code == ErrNestingDepth // these quote the pattern
		if wholeExpr && e.Expr != tt.pattern || e.Span.Start < 0 || e.Span.End > len(tt.pattern) || e.Span.Start > e.Span.End {
			t.Errorf("Parse(%.20q...): Expr is not the pattern or span %v is outside it", tt.pattern, e.Span)
		}
	}
}

func repeatByte(c byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return b
}

func TestCaret(t *testing.T) {
	tests := []struct {
		pattern string
		want    string
	}{
		{"a(b|c", "a(b|c\n ^\nmissing closing )"},
		{"a**", "a**\n ^^\ninvalid nested repetition operator"},
		// Each CJK character is two columns wide.
		{"世界(a", "世界(a\n    ^\nmissing closing )"},
		{"世界\\q", "世界\\q\n    ^^\ninvalid escape sequence"},
		{"[世-a]", "[世-a]\n ^^^^\ninvalid character class range"},
		// e + U+0301 (combining acute) is one column.
		{"e\u0301(x", "e\u0301(x\n ^\nmissing closing )"},
		{"e\u0301\\q", "e\u0301\\q\n ^^\ninvalid escape sequence"},
		// Tabs expand to the next stop at 4; invalid bytes draw as U+FFFD.
		{"a\t(", "a   (\n    ^\nmissing closing )"},
		{"\xff", "\ufffd\n^\ninvalid UTF-8"},
		// An empty span still gets one caret.
		{"\\", "\\\n^\ntrailing backslash at end of expression"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.pattern, Perl)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) = %v, want an *Error", tt.pattern, err)
			continue
		}
		if got := e.Caret(); got != tt.want {
			t.Errorf("Parse(%q).Caret() =\n%s\nwant\n%s", tt.pattern, got, tt.want)
		}
	}
}

func TestRuneWidth(t *testing.T) {
	tests := []struct {
		r    rune
		want int
	}{
		{'a', 1}, {'é', 1}, {'\u0301', 0}, {'\u200d', 0}, {'世', 2}, {'한', 2},
		{'Ａ', 2}, {'😀', 2}, {'\t', 1}, {'\x00', 1}, {'Ω', 1},
	}
	for _, tt := range tests {
		if got := runeWidth(tt.r); got != tt.want {
			t.Errorf("runeWidth(%U) = %d, want %d", tt.r, got, tt.want)
		}
	}
}

// withHook runs f with the parser's test hook set to hook.
func withHook(hook func(int), f func()) {
	old := testhook.Parse
	testhook.Parse = hook
	defer func() { testhook.Parse = old }()
	f()
}

// panicValue returns the value f panics with, or nil.
func panicValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

func TestParseRepanicsRuntimeError(t *testing.T) {
	var injected any
	hook := func(pos int) {
		if pos == 2 {
			defer func() {
				injected = recover()
				panic(injected)
			}()
			var table []int
			_ = table[pos] // index out of range: a real runtime error
		}
	}
	var got any
	withHook(hook, func() { got = panicValue(func() { Parse("ab(c|d)", Perl) }) })
	if got == nil {
		t.Fatal("Parse returned normally after a runtime error in the middle of parsing")
	}
	if _, ok := got.(runtime.Error); !ok {
		t.Fatalf("Parse panicked with %T %v, want the runtime.Error", got, got)
	}
	if got != injected {
		t.Errorf("Parse panicked with %v, want the same value it hit: %v", got, injected)
	}
}

func TestParseRepanicsOtherValues(t *testing.T) {
	type marker struct{ n int }
	sentinel := &marker{7}
	tests := []any{sentinel, "plain string", 42, errors.New("an error that is not *Error")}
	for _, value := range tests {
		var got any
		withHook(func(pos int) {
			if pos == 1 {
				panic(value)
			}
		}, func() { got = panicValue(func() { Parse("a(b)", Perl) }) })
		if got != value {
			t.Errorf("Parse panicked with %v (%T), want %v unchanged", got, got, value)
		}
	}
}

// TestMalformedReturnErrors checks that malformed patterns fail with an
// *Error, never a panic, and that every error span lies in the pattern.
func TestMalformedReturnErrors(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	patterns := append([]string(nil), trickyPatterns...)
	for i := 0; i < 5000; i++ {
		patterns = append(patterns, randomPattern(rng, 10))
	}
	for _, pattern := range patterns {
		for _, fs := range flagSets {
			v := panicValue(func() {
				_, err := Parse(pattern, fs.flags)
				if err != nil {
					checkErrorSpan(t, pattern, err)
				}
			})
			if v != nil {
				t.Errorf("%s: Parse(%q) panicked: %v", fs.name, pattern, v)
			}
		}
	}
}
