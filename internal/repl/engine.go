package repl

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rerepl/rerepl/internal/introspect"
	"github.com/rerepl/rerepl/internal/literal"
)

// cmdEngine reports how the regexp package searches the pattern: the
// strategy it chose at compile time and why, the literals it searches
// for, its automata, and which NFA engine runs on the current subject.
// All of it comes from the compiled pattern through introspect.Describe,
// so it is what the searches do; only the "extracted" lines are computed
// here, to show what literal extraction finds beside what is used.
func cmdEngine(s *Session, _ string, out io.Writer) error {
	if !s.requirePattern(out) {
		return errFailed
	}
	r := introspect.Describe(s.re, []byte(s.subject))
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
	if tree, err := s.parse(); err == nil {
		info := literal.Extract(tree.Simplify())
		fmt.Fprintf(out, "extracted      prefixes %s\n", describeSeq(info.Prefix))
		fmt.Fprintf(out, "               suffixes %s\n", describeSeq(info.Suffix))
		if info.Inner != nil {
			fmt.Fprintf(out, "               inner    %s\n", describeSeq(info.Inner.Seq))
		}
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
func describeAnchors(r introspect.Report) string {
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
func describeEngine(r introspect.Report) string {
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

// describeSeq lists the literals of a set as internal/literal writes them
// (quoted, with "…" after one that is only the start of a match), or says
// that nothing is known.
func describeSeq(seq literal.Seq) string {
	const max = 8
	switch {
	case !seq.IsFinite():
		return "none known"
	case seq.Len() == 0:
		return "none: the pattern never matches"
	}
	lits := seq.Literals()
	var parts []string
	for i, l := range lits {
		if i == max {
			parts = append(parts, fmt.Sprintf("and %d more", len(lits)-max))
			break
		}
		parts = append(parts, l.String())
	}
	return strings.Join(parts, " ")
}
