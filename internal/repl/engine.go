package repl

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rerepl/rerepl/internal/meta"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// describe asks the strategy layer how it searches the current pattern,
// compiled as the session compiles it (see mode.compile), and how it
// searches subject.
func (s *Session) describe(subject []byte) (meta.Report, error) {
	m := s.mode
	flags, expr := syntax.Perl, m.expr(s.pattern)
	if m.posix {
		flags, expr = syntax.POSIX, s.pattern
	}
	x, err := meta.Compile(expr, flags, meta.Config{})
	if err != nil {
		return meta.Report{}, err
	}
	return x.Describe(subject, m.posix || m.longest), nil
}

// cmdEngine reports how the regexp package searches the pattern: the
// strategy it chose at compile time and why, the literals it searches
// for, its automata, and which NFA engine runs on the current subject.
// All of it comes from internal/meta's report on the pattern, so it is
// what the searches do, and the "extracted" lines show what literal
// extraction finds beside what is used.
func cmdEngine(s *Session, _ string, out io.Writer) error {
	if !s.requirePattern(out) {
		return errFailed
	}
	r, err := s.describe([]byte(s.subject))
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "strategy       %s: %s\n", r.Strategy, shorten(r.Why, maxWhyLen))
	if r.Literal == "" {
		fmt.Fprintln(out, "literals used  none: the strategy searches for no literal")
	} else {
		fmt.Fprintf(out, "literals used  %s\n", r.Literal)
	}
	switch {
	case !r.LazyDFA:
		fmt.Fprintln(out, "lazy DFAs      none built")
	case r.SlowDFA:
		fmt.Fprintln(out, "lazy DFAs      built, but counted as slow: the NFA engines check candidates")
	default:
		fmt.Fprintln(out, "lazy DFAs      built")
	}
	if r.OnePass {
		fmt.Fprintln(out, "one-pass       yes: the one-pass engine computes the groups of anchored searches")
	} else {
		fmt.Fprintln(out, "one-pass       no")
	}
	fmt.Fprintf(out, "backtracker    takes spans of up to %d bytes\n", r.BacktrackMaxLen)
	fmt.Fprintf(out, "anchored       %s\n", describeAnchors(r))
	fmt.Fprintf(out, "program        %d states, %d capture slots\n", r.States, r.Slots)

	prefix, complete := s.re.LiteralPrefix()
	switch {
	case prefix == "":
		fmt.Fprintln(out, "LiteralPrefix  none")
	case complete:
		fmt.Fprintf(out, "LiteralPrefix  %s, complete: the whole pattern is this literal\n", strconv.Quote(prefix))
	default:
		fmt.Fprintf(out, "LiteralPrefix  %s: every match starts with it\n", strconv.Quote(prefix))
	}
	fmt.Fprintf(out, "extracted      prefixes %s\n", r.Prefixes)
	fmt.Fprintf(out, "               suffixes %s\n", r.Suffixes)
	if r.Inner != "" {
		fmt.Fprintf(out, "               inner    %s\n", r.Inner)
	}

	if !s.hasSubject {
		fmt.Fprintln(out, "subject        none yet: test one to see which engine runs on it")
		return nil
	}
	fmt.Fprintf(out, "subject        the last one tested, %s\n", plural(len(s.subject), "byte"))
	fmt.Fprintf(out, "engine         %s\n", describeEngine(r))
	return nil
}

// maxWhyLen is the most bytes of the strategy's reason :engine shows: a
// reason may list every literal of a large set, which the line below it
// lists in short.
const maxWhyLen = 100

// shorten cuts s to at most n bytes at a space, marking the cut with "…".
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut <= 0 {
		cut = n
	}
	return s[:cut] + " …"
}

// describeAnchors says where every match must start or end.
func describeAnchors(r meta.Report) string {
	switch {
	case r.AnchoredStart:
		return "at the start: every match starts at the start of the text"
	case r.AnchoredEnd:
		return "at the end: every match ends at the end of the text"
	}
	return "no: a match may start and end anywhere"
}

// describeEngine says which NFA engine runs on the subject, on what, and
// why that one.
func describeEngine(r meta.Report) string {
	if r.Engine == "" {
		if r.Match == nil {
			return "none: the strategy alone finds that there is no match"
		}
		return fmt.Sprintf("none: the strategy finds the match [%d,%d), and there are no groups to compute", r.Match[0], r.Match[1])
	}
	var what string
	switch {
	case r.WholeSearch:
		what = fmt.Sprintf("%s runs the whole search over [%d,%d)", r.Engine, r.Span[0], r.Span[1])
	case r.Match[1] == r.Span[1]:
		what = fmt.Sprintf("%s computes the groups of the match [%d,%d), anchored", r.Engine, r.Match[0], r.Match[1])
	default:
		what = fmt.Sprintf("%s checks the candidate at %d on [%d,%d), anchored, and computes the groups of the match [%d,%d)", r.Engine, r.Span[0], r.Span[0], r.Span[1], r.Match[0], r.Match[1])
	}
	span := r.Span[1] - r.Span[0]
	var why string
	switch r.Engine {
	case "onepass":
		why = "the program is one-pass"
	case "backtrack":
		why = fmt.Sprintf("%s fit the backtracker's %d", plural(span, "byte"), r.BacktrackMaxLen)
	default:
		// choose prefers one-pass, then the backtracker.
		why = "the program is not one-pass"
		if r.OnePass {
			why = "one-pass runs anchored searches only"
		}
		why += fmt.Sprintf(", and %s exceed the backtracker's %d", plural(span, "byte"), r.BacktrackMaxLen)
	}
	return what + " (" + why + ")"
}
