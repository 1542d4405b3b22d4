package syntax

import (
	"errors"
	"fmt"
	stdsyntax "regexp/syntax"
	"strings"
	"testing"
)

// allCodes lists every ErrorCode with the standard library's constant of
// the same name.
var allCodes = []struct {
	ours ErrorCode
	std  stdsyntax.ErrorCode
}{
	{ErrInternalError, stdsyntax.ErrInternalError},
	{ErrInvalidCharClass, stdsyntax.ErrInvalidCharClass},
	{ErrInvalidCharRange, stdsyntax.ErrInvalidCharRange},
	{ErrInvalidEscape, stdsyntax.ErrInvalidEscape},
	{ErrInvalidNamedCapture, stdsyntax.ErrInvalidNamedCapture},
	{ErrInvalidPerlOp, stdsyntax.ErrInvalidPerlOp},
	{ErrInvalidRepeatOp, stdsyntax.ErrInvalidRepeatOp},
	{ErrInvalidRepeatSize, stdsyntax.ErrInvalidRepeatSize},
	{ErrInvalidUTF8, stdsyntax.ErrInvalidUTF8},
	{ErrMissingBracket, stdsyntax.ErrMissingBracket},
	{ErrMissingParen, stdsyntax.ErrMissingParen},
	{ErrMissingRepeatArgument, stdsyntax.ErrMissingRepeatArgument},
	{ErrTrailingBackslash, stdsyntax.ErrTrailingBackslash},
	{ErrUnexpectedParen, stdsyntax.ErrUnexpectedParen},
	{ErrNestingDepth, stdsyntax.ErrNestingDepth},
	{ErrLarge, stdsyntax.ErrLarge},
}

// asTests are patterns that fail with each code the parser can return
// (the standard library's parser returns neither ErrInternalError nor
// ErrInvalidCharClass, and neither does ours). Each is parsed by both
// parsers, which must agree on Code and Expr.
var asTests = []struct {
	pattern string
	flags   Flags
	code    ErrorCode
}{
	{`[z-a]`, Perl, ErrInvalidCharRange},
	{`[[:bogus:]]`, Perl, ErrInvalidCharRange},
	{`\p{Bogus}`, Perl, ErrInvalidCharRange},
	{`[a-b-c]`, POSIX, ErrInvalidCharRange},
	{`a\q`, Perl, ErrInvalidEscape},
	{`\d`, POSIX, ErrInvalidEscape},
	{`\x{110000}`, Perl, ErrInvalidEscape},
	{`\C`, Perl, ErrInvalidEscape},
	{`(?P<x!>a)`, Perl, ErrInvalidNamedCapture},
	{`(?P<name`, Perl, ErrInvalidNamedCapture},
	{`a(?x)`, Perl, ErrInvalidPerlOp},
	{`(?i-)`, Perl, ErrInvalidPerlOp},
	{`a**`, Perl, ErrInvalidRepeatOp},
	{`a{2}*?`, Perl, ErrInvalidRepeatOp},
	{`a{1001}`, Perl, ErrInvalidRepeatSize},
	{`(a{500}){3}`, Perl, ErrInvalidRepeatSize},
	{`(((a{100}){100}){100}){100}`, Perl, ErrInvalidRepeatSize},
	{"a\xffb", Perl, ErrInvalidUTF8},
	{"\\\xff", Perl, ErrInvalidUTF8},
	{`x[a-z`, Perl, ErrMissingBracket},
	{`[^a`, Perl, ErrMissingBracket},
	{`a(b|c`, Perl, ErrMissingParen},
	{`(?:a(?i:b)`, Perl, ErrMissingParen},
	{`a|*`, Perl, ErrMissingRepeatArgument},
	{`(+?)`, Perl, ErrMissingRepeatArgument},
	{`ab\`, Perl, ErrTrailingBackslash},
	{`ab)`, Perl, ErrUnexpectedParen},
	{strings.Repeat("(", 1001) + strings.Repeat(")", 1001), Perl, ErrNestingDepth},
	{strings.Repeat(`\pL`, 30000), Perl, ErrLarge},
}

// checkAs checks that errors.As finds err both as our *Error and as the
// standard library's *syntax.Error, and that the two agree with each
// other and with want, the standard library's own error for the same
// pattern.
func checkAs(t *testing.T, name string, err error, want *stdsyntax.Error) {
	t.Helper()
	var ours *Error
	if !errors.As(err, &ours) {
		t.Errorf("%s: errors.As(%.80v, *Error) = false", name, err)
		return
	}
	var std *stdsyntax.Error
	if !errors.As(err, &std) {
		t.Errorf("%s: errors.As(%.80v, *regexp/syntax.Error) = false", name, err)
		return
	}
	if std.Code != want.Code || std.Expr != want.Expr {
		t.Errorf("%s: as the standard type: Code %q Expr %.40q, want Code %q Expr %.40q", name, std.Code, std.Expr, want.Code, want.Expr)
	}
	if string(ours.Code) != string(want.Code) || ours.Expr != want.Expr {
		t.Errorf("%s: as our type: Code %q Expr %.40q, want Code %q Expr %.40q", name, ours.Code, ours.Expr, want.Code, want.Expr)
	}
	if std.Error() != ours.Error() {
		t.Errorf("%s: the standard error says %.80q, ours %.80q", name, std.Error(), ours.Error())
	}
}

func TestErrorAsStandard(t *testing.T) {
	covered := map[ErrorCode]bool{}
	for _, tt := range asTests {
		name := fmt.Sprintf("Parse(%.40q, %v)", tt.pattern, tt.flags)
		_, stdErr := stdsyntax.Parse(tt.pattern, stdsyntax.Flags(tt.flags))
		var want *stdsyntax.Error
		if !errors.As(stdErr, &want) {
			t.Errorf("%s: the standard library returns %.80v, want a *syntax.Error", name, stdErr)
			continue
		}
		if string(want.Code) != string(tt.code) {
			t.Errorf("%s: the standard library's code is %q, the table says %q", name, want.Code, tt.code)
		}
		_, err := Parse(tt.pattern, tt.flags)
		if err == nil {
			t.Errorf("%s: no error, want %q", name, want.Code)
			continue
		}
		checkAs(t, name, err, want)
		// Wrapped errors are found too: errors.As walks the chain and
		// asks each error's As method.
		checkAs(t, name+" wrapped", fmt.Errorf("loading config: %w", err), want)
		covered[tt.code] = true
	}

	// Codes no pattern produces still convert, to the standard constant.
	for _, c := range allCodes {
		if string(c.ours) != string(c.std) {
			t.Errorf("code %q, the standard library's is %q", c.ours, c.std)
		}
		e := &Error{Code: c.ours, Expr: "x", Span: Span{0, 1}, Pattern: "x"}
		checkAs(t, "Error{"+string(c.ours)+"}", e, &stdsyntax.Error{Code: c.std, Expr: "x"})
		if !covered[c.ours] && c.ours != ErrInternalError && c.ours != ErrInvalidCharClass {
			t.Errorf("no pattern in asTests fails with %q", c.ours)
		}
	}
}

// TestErrorAsOther checks that As answers false for targets that are
// not the standard error type, so errors.As goes on down the chain, and
// that the standard error is a copy.
func TestErrorAsOther(t *testing.T) {
	_, err := Parse(`a(b`, Perl)
	e := err.(*Error)
	var s *string
	if e.As(&s) {
		t.Errorf("As(**string) = true")
	}
	var std stdsyntax.Error
	if e.As(&std) {
		t.Errorf("As(*syntax.Error) = true, want it only for **syntax.Error")
	}
	if e.As((**stdsyntax.Error)(nil)) {
		t.Errorf("As(nil **syntax.Error) = true")
	}
	var p *stdsyntax.Error
	if !e.As(&p) {
		t.Fatalf("As(**syntax.Error) = false")
	}
	p.Expr = "changed"
	if e.Expr != `a(b` {
		t.Errorf("changing the standard copy changed ours: Expr %q", e.Expr)
	}
	if errors.Unwrap(err) != nil {
		t.Errorf("errors.Unwrap(%v) = %v, want nil", err, errors.Unwrap(err))
	}
	var target *stdsyntax.Error
	if !errors.As(err, &target) || target.Code != stdsyntax.ErrMissingParen {
		t.Errorf("errors.As: %v, want code %q", target, stdsyntax.ErrMissingParen)
	}
}
