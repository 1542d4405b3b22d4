package regexp

import (
	"github.com/rerepl/rerepl/internal/literal"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// dfaMode says what a forward DFA scan reports.
type dfaMode uint8

const (
	// dfaLeftmostFirst reports the end of the leftmost-first match.
	dfaLeftmostFirst dfaMode = iota
	// dfaEarliest stops at the first position where some match is
	// known to end: enough to tell whether there is a match.
	dfaEarliest
	// dfaAnchoredLongest reports the end of the longest match starting
	// at in.Start.
	dfaAnchoredLongest
)

// dfaResult is the outcome of a DFA scan.
type dfaResult uint8

const (
	dfaMatch dfaResult = iota
	dfaNoMatch
	// dfaFail means the DFA could not answer: it met invalid UTF-8,
	// which it cannot read, or its cache filled up too often. The
	// search is then left to the NFA engines.
	dfaFail
)

// dfaReverseKind names one of the reverse DFAs of a dfaSet.
type dfaReverseKind uint8

const (
	// dfaReverse is the whole pattern, reversed.
	dfaReverse dfaReverseKind = iota
	// dfaBefore is the part of the pattern before the literal of the
	// reverse-suffix or reverse-inner strategy, reversed.
	dfaBefore
	// dfaPrefixes is the prefix language of the pattern, reversed.
	dfaPrefixes
)

// A reverseLiteral is what the reverse-suffix and reverse-inner
// strategies need besides the DFAs: the searcher for their literal and
// which end of an occurrence the reverse scan starts from.
type reverseLiteral struct {
	finder literal.Searcher
	// suffix is set for the reverse-suffix strategy (the scan starts at
	// the end of the occurrence), clear for reverse-inner (its start).
	suffix bool
	// text shows the literal in the strategy's description.
	text string
}

// A dfaSet holds the lazy DFAs of one pattern.
type dfaSet struct {
	// before says which reverse DFA plays dfaBefore: the whole
	// pattern's for the reverse-suffix strategy.
	before dfaReverseKind
}

// newDFASet returns the DFAs for prog, or nil when none can be built.
func newDFASet(prog *nfa.Prog) (*dfaSet, error) {
	return nil, nil
}

// addReverse compiles the reversed tree into the reverse DFA of the given
// kind.
func (d *dfaSet) addReverse(kind dfaReverseKind, tree *syntax.Regexp) error {
	return nil
}

// tinyDFA returns a copy of the executor's DFAs with a cache so small
// that searches give up often, built on first use, for tests of the
// fallback after cache exhaustion.
func (x *executor) tinyDFA() *dfaSet {
	return x.plan.dfa
}

// forward runs the forward DFA over in.
func (d *dfaSet) forward(c *searchCache, in *nfa.Input, mode dfaMode) (int, dfaResult) {
	return 0, dfaFail
}

// reverse runs the reverse DFA of the given kind back from in.End and
// reports the smallest start at or after in.Start of a match ending at
// in.End.
func (d *dfaSet) reverse(c *searchCache, kind dfaReverseKind, in *nfa.Input) (int, dfaResult) {
	return 0, dfaFail
}
