package syntax

// An Error describes a failure to parse a regular expression: what is
// wrong (Code), the offending text exactly as the standard library reports
// it (Expr), and where it is in the pattern (Span, inside Pattern).
//
// Error() returns the same text as the standard library's
// regexp/syntax.Error for the same pattern, so messages stay identical
// for users who switch packages.
type Error struct {
	Code    ErrorCode
	Expr    string
	Span    Span   // byte offsets of the offending piece within Pattern
	Pattern string // the whole pattern that failed to parse
}

func (e *Error) Error() string {
	return "error parsing regexp: " + e.Code.String() + ": `" + e.Expr + "`"
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
