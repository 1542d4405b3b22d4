package syntax_test

import (
	"errors"
	"fmt"
	stdsyntax "regexp/syntax"
	"strings"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// This file's examples show what this package adds to the standard
// library's regexp/syntax: spans and carets.

func ExampleParse() {
	pattern := `(\w+)@(\w+)\.com|admin`
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		fmt.Println(err)
		return
	}
	// Print the tree, each node with the text its span covers.
	var walk func(re *syntax.Regexp, depth int)
	walk = func(re *syntax.Regexp, depth int) {
		fmt.Printf("%s%v %q\n", strings.Repeat("  ", depth), re.Op, pattern[re.Span.Start:re.Span.End])
		for _, sub := range re.Sub {
			walk(sub, depth+1)
		}
	}
	walk(re, 0)
	// Output:
	// Alternate "(\\w+)@(\\w+)\\.com|admin"
	//   Concat "(\\w+)@(\\w+)\\.com"
	//     Capture "(\\w+)"
	//       Plus "\\w+"
	//         CharClass "\\w"
	//     Literal "@"
	//     Capture "(\\w+)"
	//       Plus "\\w+"
	//         CharClass "\\w"
	//     Literal "\\.com"
	//   Literal "admin"
}

func ExampleError_Caret() {
	_, err := syntax.Parse(`[a-z]+@(example|test.com`, syntax.Perl)
	var e *syntax.Error
	if errors.As(err, &e) {
		fmt.Println(e)
		fmt.Println(e.Caret())
	}
	// Output:
	// error parsing regexp: missing closing ): `[a-z]+@(example|test.com`
	// [a-z]+@(example|test.com
	//        ^
	// missing closing )
}

func ExampleError_Span() {
	// Expr is the text the standard library's message quotes; Span is
	// the piece of the pattern the mistake is in. They often differ.
	for _, p := range []string{`a(b`, `x{2}{3}`, `[z-a]`, `\pZ\p{Bogus}`} {
		_, err := syntax.Parse(p, syntax.Perl)
		var e *syntax.Error
		if !errors.As(err, &e) {
			continue
		}
		fmt.Printf("%q: Expr %q, Span %v covers %q\n", p, e.Expr, e.Span, p[e.Span.Start:e.Span.End])
	}
	// Output:
	// "a(b": Expr "a(b", Span {1 2} covers "("
	// "x{2}{3}": Expr "{2}{3}", Span {1 7} covers "{2}{3}"
	// "[z-a]": Expr "z-a", Span {1 4} covers "z-a"
	// "\\pZ\\p{Bogus}": Expr "\\p{Bogus}", Span {3 12} covers "\\p{Bogus}"
}

func ExampleError_As() {
	_, err := syntax.Parse(`a**`, syntax.Perl)
	// errors.As also finds the standard library's *regexp/syntax.Error:
	// code written for it keeps working after the import swap.
	var std *stdsyntax.Error
	fmt.Println(errors.As(err, &std), std.Code == stdsyntax.ErrInvalidRepeatOp, std.Expr)
	// Output:
	// true true **
}
