package repl

import (
	"fmt"
	"io"
	"strconv"

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
	fmt.Fprintf(out, "program      %d states, %d capture slots\n", len(prog.States), 2*prog.NumCap)

	prefix, complete := s.re.LiteralPrefix()
	switch {
	case prefix == "":
		fmt.Fprintln(out, "literal      no literal prefix")
	case complete:
		fmt.Fprintf(out, "literal      the whole pattern is the literal %s\n", strconv.Quote(prefix))
	default:
		fmt.Fprintf(out, "literal      every match starts with %s\n", strconv.Quote(prefix))
	}
	if beginsWithText(tree) {
		fmt.Fprintln(out, "anchored     yes: every match starts at the start of the text")
	} else {
		fmt.Fprintln(out, "anchored     no: a match may start anywhere")
	}
	fmt.Fprintln(out, "one-pass     not available yet (internal/onepass is not wired into regexp/exec.go)")
	fmt.Fprintln(out, "backtracker  not available yet (internal/backtrack is not wired into regexp/exec.go)")
	fmt.Fprintln(out, "pike VM      runs every search: any program, any text, linear time")
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
