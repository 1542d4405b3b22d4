package syntax

import stdsyntax "regexp/syntax"

// An Error describes a failure to parse a regular expression: what is
// wrong (Code), the offending text exactly as the standard library reports
// it (Expr), and where it is in the pattern (Span, inside Pattern).
//
// Error() returns the same text as the standard library's
// regexp/syntax.Error for the same pattern, so messages stay identical
// for users who switch packages. Code that inspects the standard library's
// type keeps working too: [errors.As] into a *regexp/syntax.Error of the
// standard library succeeds (see [Error.As]).
type Error struct {
	Code    ErrorCode
	Expr    string
	Span    Span   // byte offsets of the offending piece within Pattern
	Pattern string // the whole pattern that failed to parse
}

// Error returns the message the standard library gives for the same
// pattern: "error parsing regexp: ", the code's text, and Expr in
// backquotes.
func (e *Error) Error() string {
	return "error parsing regexp: " + e.Code.String() + ": `" + e.Expr + "`"
}

// As lets [errors.As] find e as the standard library's error type: when
// target is a **regexp/syntax.Error of the standard library, As stores in
// it a new standard error with the same Code (the standard ErrorCode with
// the same text, so it equals the standard constant) and Expr, whose
// Error method returns the same message, and reports true. For any other
// target it reports false, and errors.As goes on down the chain. A call
// errors.As(err, &e) with e of this package's *Error type never reaches
// As: errors.As assigns e directly.
//
// The standard error is a copy: it has no Span or Pattern, and changing it
// does not change e. To get the span and [Error.Caret], ask errors.As for
// this package's *Error instead.
//
// There is no Unwrap method: e does not wrap a standard error, so
// [errors.Unwrap] returns nil for it, as for the standard library's
// errors, and [errors.Is] compares e alone.
func (e *Error) As(target any) bool {
	t, ok := target.(**stdsyntax.Error)
	if !ok || t == nil {
		return false
	}
	*t = &stdsyntax.Error{Code: stdsyntax.ErrorCode(e.Code), Expr: e.Expr}
	return true
}

// An ErrorCode describes a failure to parse a regular expression.
// The values and their texts are those of the standard library.
type ErrorCode string

const (
	// Unexpected error.
	ErrInternalError ErrorCode = "regexp/syntax: internal error"

	// Parse errors.
	ErrInvalidCharClass      ErrorCode = "invalid character class"
	ErrInvalidCharRange      ErrorCode = "invalid character class range"
	ErrInvalidEscape         ErrorCode = "invalid escape sequence"
	ErrInvalidNamedCapture   ErrorCode = "invalid named capture"
	ErrInvalidPerlOp         ErrorCode = "invalid or unsupported Perl syntax"
	ErrInvalidRepeatOp       ErrorCode = "invalid nested repetition operator"
	ErrInvalidRepeatSize     ErrorCode = "invalid repeat count"
	ErrInvalidUTF8           ErrorCode = "invalid UTF-8"
	ErrMissingBracket        ErrorCode = "missing closing ]"
	ErrMissingParen          ErrorCode = "missing closing )"
	ErrMissingRepeatArgument ErrorCode = "missing argument to repetition operator"
	ErrTrailingBackslash     ErrorCode = "trailing backslash at end of expression"
	ErrUnexpectedParen       ErrorCode = "unexpected )"
	ErrNestingDepth          ErrorCode = "expression nests too deeply"
	ErrLarge                 ErrorCode = "expression too large"
)

func (e ErrorCode) String() string {
	return string(e)
}
