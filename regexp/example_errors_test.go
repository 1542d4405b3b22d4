package regexp_test

import (
	"errors"
	"fmt"
	stdsyntax "regexp/syntax"

	"github.com/rerepl/rerepl/regexp"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// This file's examples show what this package's errors add to the
// standard library's, so they have no standard-library counterpart.

func ExampleCompile_errorsAs() {
	_, err := regexp.Compile(`id=(\d+`)
	// Code written for the standard library keeps working: errors.As
	// finds the standard library's error type, with the same Code.
	var std *stdsyntax.Error
	if errors.As(err, &std) && std.Code == stdsyntax.ErrMissingParen {
		fmt.Printf("std: %s in %s\n", std.Code, std.Expr)
	}
	// This package's type also says where the mistake is.
	var e *syntax.Error
	if errors.As(err, &e) {
		fmt.Println("span:", e.Span.Start, e.Span.End)
		fmt.Println(e.Caret())
	}
	// Output:
	// std: missing closing ) in id=(\d+
	// span: 3 4
	// id=(\d+
	//    ^
	// missing closing )
}

func ExampleCompile_errorCaret() {
	// A wrapped error is found too.
	_, err := regexp.Compile(`[0-9]++`)
	err = fmt.Errorf("rule 3: %w", err)
	fmt.Println(err)
	var e *syntax.Error
	if errors.As(err, &e) {
		fmt.Println(e.Caret())
	}
	// Output:
	// rule 3: error parsing regexp: invalid nested repetition operator: `++`
	// [0-9]++
	//      ^^
	// invalid nested repetition operator
}
