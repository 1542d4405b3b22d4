package syntax

import "strings"

// Caret renders the error for a terminal: the pattern on one line, a line
// of carets under the offending text, and the message, for example
//
//	a(b|c
//	 ^
//	missing closing )
//
// Carets are placed by display column, so they line up under wide (CJK,
// fullwidth, emoji) and zero-width (combining) characters; tabs, control
// characters and invalid bytes are drawn as described for the pattern line.
// There is always at least one caret, even for an empty span.
//
// The span of each code:
//   - ErrMissingParen: the innermost ( left open.
//   - ErrUnexpectedParen: the ) with no group to close.
//   - ErrMissingBracket: the [ or [^ whose class is never closed.
//   - ErrMissingRepeatArgument: the operator, such as * in (*).
//   - ErrInvalidRepeatOp: both operators, such as ** in a**.
//   - ErrInvalidRepeatSize: the {n,m} (with its ?, if any).
//   - ErrNestingDepth, ErrLarge: the subexpression that broke the limit.
//   - ErrInvalidUTF8: the bad byte, or the escape or group it ends.
//   - ErrInvalidNamedCapture: the (?P<name> group opener, or only (?P< when
//     the > is missing.
//   - every other code: the malformed piece, such as \q, z-a, [:bogus:],
//     \p{Bogus} or (?x.
func (e *Error) Caret() string {
	start := min(max(e.Span.Start, 0), len(e.Pattern))
	end := min(max(e.Span.End, start), len(e.Pattern))
	line, _ := displayText(e.Pattern, 0)
	_, before := displayText(e.Pattern[:start], 0)
	_, width := displayText(e.Pattern[start:end], before)
	return line + "\n" + strings.Repeat(" ", before) + strings.Repeat("^", max(width, 1)) + "\n" + e.Code.String()
}
