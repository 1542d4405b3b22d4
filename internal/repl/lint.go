package repl

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/rerepl/rerepl/internal/lexer"
)

// posixClassNames are the names Go accepts in [[:name:]].
var posixClassNames = []string{
	"alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph",
	"lower", "print", "punct", "space", "upper", "word", "xdigit",
}

// lintPattern writes notes about pieces of a valid pattern that are
// probably not what the user meant. Today: a POSIX class written without
// its outer brackets, [:alpha:], which Go reads as the set of the
// characters ':', 'a', 'l', 'p', 'h'.
func lintPattern(pattern string, m mode, out io.Writer) {
	opts := lexer.Options{PerlX: !m.posix, UnicodeGroups: !m.posix}
	inClass := false
	for _, t := range lexer.Tokens(pattern, opts) {
		switch t.Kind {
		case lexer.ClassClose:
			inClass = false
		case lexer.ClassOpen:
			if !inClass {
				if text, fix, ok := bareClass(pattern[t.Pos:]); ok {
					fmt.Fprintf(out, "note: %s is a class of the characters in it, not a POSIX class: write %s\n", text, fix)
				}
			}
			inClass = true
		}
	}
}

// bareClass reports whether s starts with a POSIX class written without
// its outer brackets, "[:name:]" or "[^:name:]", and returns that text and
// the class the user probably meant.
func bareClass(s string) (text, fix string, ok bool) {
	rest, negated := strings.CutPrefix(s[1:], "^")
	rest, found := strings.CutPrefix(rest, ":")
	if !found {
		return "", "", false
	}
	name, _, found := strings.Cut(rest, ":]")
	if !found || !slices.Contains(posixClassNames, name) {
		return "", "", false
	}
	if negated {
		return "[^:" + name + ":]", "[^[:" + name + ":]]", true
	}
	return "[:" + name + ":]", "[[:" + name + ":]]", true
}
