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

// caretTests pin down Caret's drawing. Each want is the whole dump after
// a leading newline: the pattern line, the caret line and the message.
var caretTests = []struct {
	pattern string
	want    string
}{
	{"a(b|c", `
a(b|c
 ^
missing closing )`},
	{"a**", `
a**
 ^^
invalid nested repetition operator`},
	{"\\", `
\
^
trailing backslash at end of expression`},

	// Wide characters take two columns: CJK, fullwidth forms, emoji.
	{"世界(a", `
世界(a
    ^
missing closing )`},
	{"世界\\q", `
世界\q
    ^^
invalid escape sequence`},
	{"[世-a]", `
[世-a]
 ^^^^
invalid character class range`},
	{"Ａ😀(", `
Ａ😀(
    ^
missing closing )`},
	{"\u2693\U0001F260(", // anchor and a round symbol: both East Asian Wide
		"\n\u2693\U0001F260(\n    ^\nmissing closing )"},
	{"\u26F4(", // ferry: East Asian Neutral, one column
		"\n\u26F4(\n ^\nmissing closing )"},

	// Combining marks and Hangul medial vowels take no column.
	{"e\u0301(x", "\ne\u0301(x\n ^\nmissing closing )"},
	{"e\u0301\\q", "\ne\u0301\\q\n ^^\ninvalid escape sequence"},
	{"a\u20DD\u0308(", "\na\u20DD\u0308(\n ^\nmissing closing )"},
	{"\u1100\u1161\u11A8(", "\n\u1100\u1161\u11A8(\n  ^\nmissing closing )"},

	// Tabs, newlines and other control characters are drawn as Go
	// escapes, one column per character of the escape.
	{"a\t(", `
a\t(
   ^
missing closing )`},
	{"\t\t\\q", `
\t\t\q
    ^^
invalid escape sequence`},
	{"a\n(b", `
a\n(b
   ^
missing closing )`},
	{"(a\r\n", `
(a\r\n
^
missing closing )`},
	{"\x01\x1b[\x7f", `
\x01\x1b[\x7f
        ^
missing closing ]`},
	{"\a\b\f\v\x00)", `
\a\b\f\v\x00)
            ^
unexpected )`},
	{"\u0085**", `
\u0085**
      ^^
invalid nested repetition operator`},

	// Invisible characters are drawn as escapes too: format characters,
	// spaces other than U+0020.
	{"a\u200b\u2060(", `
a\u200b\u2060(
             ^
missing closing )`},
	{"\u00a0\u3000)", `
\u00a0\u3000)
            ^
unexpected )`},

	// Each byte of invalid UTF-8 is drawn as \xff, and a span over it
	// gets a caret under each column of the escape.
	{"\xff", `
\xff
^^^^
invalid UTF-8`},
	{"a\xffb", `
a\xffb
 ^^^^
invalid UTF-8`},
	{"\\\xff", `
\\xff
^^^^^
invalid UTF-8`},
	{"世\xe4\xb8", `
世\xe4\xb8
  ^^^^
invalid UTF-8`},
}

func TestCaret(t *testing.T) {
	for _, tt := range caretTests {
		_, err := Parse(tt.pattern, Perl)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) = %v, want an *Error", tt.pattern, err)
			continue
		}
		if got := "\n" + e.Caret(); got != tt.want {
			t.Errorf("Parse(%q).Caret() =%s\nwant%s", tt.pattern, got, tt.want)
		}
	}
}

// TestCaretSpans draws errors built by hand, with spans the parser does
// not make: empty, inside a character, outside the pattern.
func TestCaretSpans(t *testing.T) {
	tests := []struct {
		pattern string
		span    Span
		want    string
	}{
		{"ab", Span{1, 1}, "ab\n ^"},       // empty: one caret where the next character starts
		{"ab", Span{2, 2}, "ab\n  ^"},      // empty at the end: one past the last column
		{"a\tb", Span{1, 1}, "a\\tb\n ^"},  // empty before an escape: its first column
		{"a\tb", Span{1, 2}, "a\\tb\n ^^"}, // a span over an escape covers all of it
		{"世界", Span{1, 2}, "世界\n^^"},       // inside a character: the whole character
		{"世界", Span{3, 6}, "世界\n  ^^"},
		{"e\u0301", Span{1, 3}, "e\u0301\n ^"}, // only a zero-width mark: still one caret
		{"abc", Span{-3, 99}, "abc\n^^^"},      // clamped to the pattern
		{"abc", Span{2, 1}, "abc\n  ^"},        // an inverted span is empty at its start
		{"", Span{0, 0}, "\n^"},
	}
	for _, tt := range tests {
		e := &Error{Code: ErrMissingParen, Pattern: tt.pattern, Span: tt.span}
		want := tt.want + "\n" + string(ErrMissingParen)
		if got := e.Caret(); got != want {
			t.Errorf("Caret of %q at %v =\n%s\nwant\n%s", tt.pattern, tt.span, got, want)
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
