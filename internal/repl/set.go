package repl

import (
	"fmt"
	"io"
	"strings"

	"github.com/rerepl/rerepl/regexp"
)

// A patternSet is the session's [regexp.Set] under construction: the
// patterns added with :set add, and the Set compiled from them. Once it
// holds a pattern, every subject line also reports which of them match.
type patternSet struct {
	exprs []string
	set   *regexp.Set
}

// cmdSet runs :set: "add PATTERN" adds a pattern (as Compile reads it;
// the session's flags and mode do not apply), "clear" empties the set,
// and alone it lists the patterns.
func cmdSet(s *Session, arg string, out io.Writer) error {
	verb, rest, _ := strings.Cut(arg, " ")
	switch verb {
	case "":
		if len(s.set.exprs) == 0 {
			fmt.Fprintln(out, "the set is empty: add patterns with :set add PATTERN")
			return nil
		}
		for i, e := range s.set.exprs {
			fmt.Fprintf(out, "  %d  %s\n", i, displayPattern(e))
		}
		return nil
	case "add":
		if rest == "" {
			return s.errorf(out, ":set add needs a pattern")
		}
		exprs := append(s.set.exprs[:len(s.set.exprs):len(s.set.exprs)], rest)
		set, err := regexp.CompileSet(exprs)
		if err != nil {
			return s.errorf(out, "%v", err)
		}
		s.set = patternSet{exprs: exprs, set: set}
		fmt.Fprintf(out, "set pattern %d: %s (%d in the set)\n", len(exprs)-1, displayPattern(rest), len(exprs))
		return nil
	case "clear":
		s.set = patternSet{}
		fmt.Fprintln(out, "the set is empty")
		return nil
	}
	return s.errorf(out, ":set takes add PATTERN, clear, or nothing; not %q", verb)
}

// showSetMatches reports which patterns of the set match line, when the
// set holds any.
func (s *Session) showSetMatches(line string, out io.Writer) {
	if s.set.set == nil {
		return
	}
	m := s.set.set.MatchesString(line)
	if len(m) == 0 {
		fmt.Fprintf(out, "set: no pattern of %d matches\n", len(s.set.exprs))
		return
	}
	parts := make([]string, len(m))
	for i, p := range m {
		parts[i] = fmt.Sprintf("%d %s", p, displayPattern(s.set.exprs[p]))
	}
	fmt.Fprintf(out, "set: %d of %d match: %s\n", len(m), len(s.set.exprs), strings.Join(parts, ", "))
}
