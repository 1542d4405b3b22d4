package regexp_test

import (
	"errors"
	"fmt"
	std "regexp"
	stdsyntax "regexp/syntax"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/regexp"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// TestCompileErrorAs checks what code written for the standard library
// relies on after the import swap: the error of Compile and CompilePOSIX
// is found by errors.As both as the standard library's *syntax.Error and
// as ours, with the Code and Expr the standard library gives for the same
// pattern, also when the error has been wrapped.
func TestCompileErrorAs(t *testing.T) {
	patterns := []string{
		`[z-a]`, `[[:bogus:]]`, `\p{Bogus}`, `[a-b-c]`,
		`a\q`, `\d\pN`, `\x{110000}`, `\C`,
		`(?P<x!>a)`, `(?P<name`, `(?<>a)`,
		`a(?x)`, `(?i-)`, `(?P=x)`,
		`a**`, `a{2}*?`, `a+*`,
		`a{1001}`, `(a{500}){3}`, `x{2,1}`,
		"a\xffb", "\\\xff", "[\xff]",
		`x[a-z`, `[^a`, `[]`,
		`a(b|c`, `(?:a(?i:b)`, `((a)`,
		`a|*`, `(+?)`, `*`, `{2}`,
		`ab\`, `\`,
		`ab)`, `)`,
		strings.Repeat("(", 1001) + strings.Repeat(")", 1001),
		strings.Repeat(`\pL`, 30000),
	}
	compilers := []struct {
		name string
		ours func(string) (*regexp.Regexp, error)
		std  func(string) (*std.Regexp, error)
	}{
		{"Compile", regexp.Compile, std.Compile},
		{"CompilePOSIX", regexp.CompilePOSIX, std.CompilePOSIX},
	}
	for _, c := range compilers {
		for _, p := range patterns {
			name := fmt.Sprintf("%s(%.40q)", c.name, p)
			_, stdErr := c.std(p)
			_, err := c.ours(p)
			if stdErr == nil {
				if err != nil {
					t.Errorf("%s: %.80v, the standard library accepts it", name, err)
				}
				continue
			}
			var want *stdsyntax.Error
			if !errors.As(stdErr, &want) {
				t.Fatalf("%s: the standard library returns %T", name, stdErr)
			}
			if err == nil {
				t.Errorf("%s: no error, want %q", name, want.Code)
				continue
			}
			for _, e := range []error{err, fmt.Errorf("pattern %d: %w", 1, err)} {
				var ours *syntax.Error
				if !errors.As(e, &ours) {
					t.Errorf("%s: errors.As(%T, *syntax.Error) = false", name, e)
					continue
				}
				var got *stdsyntax.Error
				if !errors.As(e, &got) {
					t.Errorf("%s: errors.As(%T, *regexp/syntax.Error) = false", name, e)
					continue
				}
				if got.Code != want.Code || got.Expr != want.Expr {
					t.Errorf("%s: as the standard type: Code %q Expr %.40q, want %q %.40q", name, got.Code, got.Expr, want.Code, want.Expr)
				}
				if string(ours.Code) != string(want.Code) || ours.Expr != want.Expr {
					t.Errorf("%s: as our type: Code %q Expr %.40q, want %q %.40q", name, ours.Code, ours.Expr, want.Code, want.Expr)
				}
			}
			if err.Error() != stdErr.Error() {
				t.Errorf("%s: message %.80q, the standard library's %.80q", name, err, stdErr)
			}
		}
	}
}

// TestCompileErrorAsCodeBranch is the branch the issue describes: code
// that tests the standard library's constants keeps taking it.
func TestCompileErrorAsCodeBranch(t *testing.T) {
	_, err := regexp.Compile(`(a|b`)
	var e *stdsyntax.Error
	if !errors.As(err, &e) || e.Code != stdsyntax.ErrMissingParen {
		t.Fatalf("errors.As(%v) into the standard type: %v, want code %q", err, e, stdsyntax.ErrMissingParen)
	}
	var ours *syntax.Error
	if !errors.As(err, &ours) || ours.Code != syntax.ErrMissingParen || ours.Span != (syntax.Span{Start: 0, End: 1}) {
		t.Fatalf("errors.As(%v) into our type: %+v, want code %q at [0,1)", err, ours, syntax.ErrMissingParen)
	}
}
