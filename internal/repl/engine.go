package repl

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rerepl/rerepl/internal/literal"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// compileProg compiles the current pattern to the byte program the
// regexp package runs: parsed in the session's mode and simplified.
func (s *Session) compileProg() (*syntax.Regexp, *nfa.Prog, error) {
	tree, err := s.parse()
	if err != nil {
		return nil, nil, err
	}
	simple := tree.Simplify()
	prog, err := nfa.Compile(simple, nfa.Options{})
	if err != nil {
		return nil, nil, err
	}
	return simple, prog, nil
}

func cmdProg(s *Session, _ string, out io.Writer) error {
	if !s.requirePattern(out) {
		return errFailed
	}
	_, prog, err := s.compileProg()
	if err != nil {
		fmt.Fprintf(out, "error: %v\n", err)
		return errFailed
	}
	fmt.Fprintf(out, "%s; %s, counting group 0, the whole match\n", plural(len(prog.States), "state"), plural(prog.NumCap, "capture group"))
	fmt.Fprint(out, prog.String())
	return nil
}

// cmdEngine reports which engines can run the pattern and which one a
// search of the current subject runs. The regexp package does not say
// which engine it ran, so this repeats the rules of its executor
// (regexp/exec.go) on the same program.
func cmdEngine(s *Session, _ string, out io.Writer) error {
	if !s.requirePattern(out) {
		return errFailed
	}
	tree, prog, err := s.compileProg()
	if err != nil {
		fmt.Fprintf(out, "error: %v\n", err)
		return errFailed
	}
	fmt.Fprintf(out, "program        %d states, %d capture slots\n", len(prog.States), 2*prog.NumCap)

	prefix, complete := s.re.LiteralPrefix()
	switch {
	case prefix == "":
		fmt.Fprintln(out, "LiteralPrefix  none")
	case complete:
		fmt.Fprintf(out, "LiteralPrefix  %s, complete: the whole pattern is this literal\n", strconv.Quote(prefix))
	default:
		fmt.Fprintf(out, "LiteralPrefix  %s: every match starts with it\n", strconv.Quote(prefix))
	}
	info := literal.Extract(tree)
	fmt.Fprintf(out, "prefixes       %s\n", describeSeq(info.Prefix))
	fmt.Fprintf(out, "suffixes       %s\n", describeSeq(info.Suffix))
	if info.Inner != nil {
		fmt.Fprintf(out, "inner          %s\n", describeSeq(info.Inner.Seq))
	}
	fmt.Fprintln(out, "               (extracted by internal/literal; not yet used by regexp/exec.go)")
	if beginsWithText(tree) {
		fmt.Fprintln(out, "anchored       yes: every match starts at the start of the text")
	} else {
		fmt.Fprintln(out, "anchored       no: a match may start anywhere")
	}
	fmt.Fprintln(out, "one-pass       not available yet (internal/onepass is not wired into regexp/exec.go)")
	fmt.Fprintln(out, "backtracker    not available yet (internal/backtrack is not wired into regexp/exec.go)")
	fmt.Fprintln(out, "pike VM        runs every search: any program, any text, linear time")
	fmt.Fprintln(out, "(derived from regexp/exec.go's rules: the regexp package does not report the engine it ran)")
	return nil
}

// beginsWithText reports whether every match of re must start at the start
// of the text, which is when the regexp package lets the one-pass engine
// run an unanchored search.
func beginsWithText(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpCapture, syntax.OpPlus:
		return beginsWithText(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min > 0 && beginsWithText(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && beginsWithText(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !beginsWithText(sub) {
				return false
			}
		}
		return len(re.Sub) > 0
	}
	return false
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
