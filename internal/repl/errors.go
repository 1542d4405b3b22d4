package repl

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// reportCompileError explains why pattern did not compile: Go's message,
// the pattern with a caret under the offending piece, and a hint when the
// usual fix is obvious.
//
// The matcher compiles the pattern with the session's flags written in
// front of it, which would shift every position; so the pattern is parsed
// again on its own, with the same flags given to the parser, to point into
// exactly what the user typed.
func (s *Session) reportCompileError(pattern string, m mode, err error, out io.Writer) {
	out = s.errOut(out)
	var serr *syntax.Error
	if _, perr := syntax.Parse(pattern, m.parseFlags()); perr != nil {
		err = perr
	}
	// Go's message begins "error parsing regexp:" already.
	fmt.Fprintln(out, err)
	if !errors.As(err, &serr) {
		return
	}
	for _, line := range strings.Split(strings.TrimRight(serr.Caret(), "\n"), "\n") {
		fmt.Fprintf(out, "  %s\n", line)
	}
	if hint := errorHint(serr); hint != "" {
		fmt.Fprintf(out, "hint: %s\n", hint)
	}
}

// errorHint returns a one-line suggestion for the usual cause of err, or ""
// when there is no obvious one.
func errorHint(err *syntax.Error) string {
	expr := err.Expr
	switch err.Code {
	case syntax.ErrMissingRepeatArgument:
		op := expr
		if op == "" {
			return ""
		}
		op = op[:1]
		return fmt.Sprintf("%s repeats what comes before it and nothing does; escape a literal %s as \\%s", op, op, op)
	case syntax.ErrInvalidRepeatOp:
		return "a repetition cannot be repeated directly: group it, as in (?:a+)*, or escape a literal operator with \\"
	case syntax.ErrMissingParen:
		return "close the group with ), or escape a literal ( as \\("
	case syntax.ErrUnexpectedParen:
		return "no group is open here: remove the ), or escape a literal one as \\)"
	case syntax.ErrMissingBracket:
		return "close the class with ], or escape a literal [ as \\["
	case syntax.ErrTrailingBackslash:
		return "escape a literal backslash as \\\\"
	case syntax.ErrInvalidEscape:
		if len(expr) == 2 && expr[1] >= '1' && expr[1] <= '9' {
			return "backreferences such as \\1 are not supported (they cannot run in linear time)"
		}
		return "Go's syntax has no such escape; escape a literal backslash as \\\\"
	case syntax.ErrInvalidCharRange:
		switch {
		case strings.HasPrefix(expr, `\p`) || strings.HasPrefix(expr, `\P`):
			return "no such Unicode class; press Tab after \\p{ to list the names"
		case strings.HasPrefix(expr, "[:"):
			return "POSIX class names are alnum alpha ascii blank cntrl digit graph lower print punct space upper word xdigit, written [[:alpha:]]"
		}
		return "a range must go from low to high, as in a-z; put a literal - first or last in the class"
	case syntax.ErrInvalidPerlOp:
		switch {
		case strings.HasPrefix(expr, "(?=") || strings.HasPrefix(expr, "(?!") ||
			strings.HasPrefix(expr, "(?<=") || strings.HasPrefix(expr, "(?<!"):
			return "lookaround is not supported (it cannot run in linear time)"
		case strings.HasPrefix(expr, "(?P="), strings.HasPrefix(expr, "(?P>"):
			return "named backreferences are not supported"
		}
		return "the inline flags are i m s U, as in (?i) or (?i:...)"
	case syntax.ErrInvalidNamedCapture:
		return "a group name is letters, digits and _, used once: (?P<name>...) or (?<name>...)"
	case syntax.ErrInvalidRepeatSize:
		return "counts go up to 1000, and {n,m} needs n <= m"
	case syntax.ErrInvalidUTF8:
		return "the pattern must be valid UTF-8; write characters as escapes such as \\x{FFFD}"
	case syntax.ErrNestingDepth:
		return "groups and repetitions nest at most 1000 deep"
	case syntax.ErrLarge:
		return "the compiled program would be too large; use smaller repetition counts"
	}
	return ""
}
