package syntax

import (
	"strings"

	"github.com/rerepl/rerepl/internal/textwidth"
)

// Caret renders the error for a terminal: the pattern on one line, a line
// of carets under the offending text, and the message, for example
//
//	a(b|c
//	 ^
//	missing closing )
//
// The pattern line shows every byte of the pattern, on one line, the way
// the rerepl workbench shows text: printable characters as themselves;
// tab, newline and carriage return as \t, \n and \r; other control
// characters as Go escapes such as \x01, \a or \u0085; each byte that is
// not valid UTF-8 as \x followed by two lowercase hex digits, such as \xff;
// and other characters that print nothing (format characters such as
// U+200B, spaces other than U+0020, private-use and unassigned code points)
// as \u200b or \U000e0001. So the pattern a<newline>(b with its byte 0xff
// after the b is drawn
//
//	a\n(b\xff
//
// Carets are placed by display column: wide characters (CJK, fullwidth,
// emoji) take two columns, combining marks and the Hangul medial vowels
// and final consonants none, everything else one; an escape takes as many
// columns as it has characters. A caret line covers every column of each
// character or escape the span touches, so a span that holds an escape
// gets a caret under each of its characters (^^^^ under \xff). A tab is
// drawn as \t, not expanded to spaces, because spaces in a pattern are
// other characters and a terminal's tab stops are not known. There is
// always at least one caret: an empty span gets one, in the column where
// the next character would start.
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
	var line strings.Builder
	before, width := 0, 0 // columns before the span, and under it
	for i := 0; i < len(e.Pattern); {
		c := textwidth.Next(e.Pattern[i:])
		line.WriteString(c.Text)
		switch {
		case i+c.Size <= start:
			before += c.Width
		case i < end:
			width += c.Width
		}
		i += c.Size
	}
	return line.String() + "\n" + strings.Repeat(" ", before) + strings.Repeat("^", max(width, 1)) + "\n" + e.Code.String()
}
