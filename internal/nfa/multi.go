package nfa

import "github.com/rerepl/rerepl/regexp/syntax"

// CompileSet compiles several simplified trees into one forward program
// that matches any of them: the union a set of patterns is searched
// with in one pass.
//
// Each tree gets a Match state of its own whose Slot is the tree's index
// in res, so an engine that reaches a Match state knows which pattern
// matched. Start is a chain of Splits entering each pattern in order, and
// StartUnanchored the one loop over whole characters in front of it that
// all patterns share. The program has no Capture states (NumCap is 0):
// a set reports which patterns match, not where.
//
// Byte-range tails are shared across patterns as within one, so the
// program is at most the sum of the patterns' programs. Past
// opts.MaxStates CompileSet fails with a *syntax.Error of code
// [syntax.ErrLarge], as [Compile] does; opts.Reverse and opts.NumCap are
// ignored.
func CompileSet(res []*syntax.Regexp, opts Options) (*Prog, error) {
	opts.Reverse = false
	c := newCompiler(opts)
	defer c.recycle()
	c.emit(State{Kind: Fail})

	entries := make([]StateID, 0, len(res))
	for i, re := range res {
		match := c.emit(State{Kind: Match, Slot: uint32(i)})
		if e := c.compile(re, match); e != failState {
			entries = append(entries, e)
		}
	}
	start := failState
	if len(entries) > 0 {
		start = entries[len(entries)-1]
		for i := len(entries) - 2; i >= 0; i-- {
			start = c.split(entries[i], start)
		}
	}
	p := &Prog{Start: start}
	p.StartUnanchored = c.anyCharLoop(start)
	if c.tooLarge {
		return nil, &syntax.Error{Code: syntax.ErrLarge, Expr: ""}
	}
	p.States = trimmed(c.states)
	p.Trans = trimmed(c.trans)
	return p, nil
}

// MatchPattern returns the pattern a Match state of a program built by
// [CompileSet] belongs to: its index in the trees compiled.
func (s *State) MatchPattern() int { return int(s.Slot) }
