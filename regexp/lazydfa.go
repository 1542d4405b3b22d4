package regexp

// This file is the seam between the strategies and the lazy DFA. The
// strategies (strategy_dfa.go) see only dfaSet and its scans: forward
// (leftmost-first end, earliest, anchored-longest), reverse (smallest
// start of a match ending at in.End, and how far back the scan read),
// and forwardRest (earliest, and how far ahead it read).
//
// internal/dfa has not landed yet, so the scans run on setSim, which
// gives the same answers at NFA speed. To switch to the real DFA, replace
// the *setSim fields with the package's DFAs (built with a cache capacity
// of dfaCacheCapacity; engineDFAGiveUp's copy with a tiny one), keep one
// dfa.Cache per DFA in dfaCaches, map the package's results onto
// dfaMatch / dfaNoMatch / dfaFail (quit on invalid UTF-8 and gave-up are
// both dfaFail), report how far each scan read (or the whole range, which
// is correct but makes the quadratic guard of the reverse strategies fire
// sooner), set fast, and make dfaCaches.memory report the caches' own
// accounting. TestDFACacheMemoryIsBounded then checks the cap.

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

// A dfaSet holds the lazy DFAs of one pattern: the forward DFA, and the
// reverse DFAs by dfaReverseKind.
type dfaSet struct {
	fwd *setSim
	rev [numReverseKinds]*setSim
	// rest is the forward DFA of the part of the pattern from the
	// inner literal on, for the reverse-inner strategy.
	rest *setSim
	// before says which reverse DFA plays dfaBefore: the whole
	// pattern's for the reverse-suffix strategy.
	before dfaReverseKind
	// fast is false while the DFAs are simulated (setSim): then a
	// prefilter candidate is better checked by the NFA engines.
	fast bool
	// slot is where the caches of these DFAs live in a searchCache: the
	// DFAs of engineDFAGiveUp have their own.
	slot int
}

const numReverseKinds = 3

// dfaCacheCapacity is the most memory, in bytes, one DFA cache may hold.
const dfaCacheCapacity = 2 << 20

// dfaCaches holds the DFA caches of a searchCache, one per DFA, for the
// normal and the give-up DFA sets.
type dfaCaches struct {
	sim [2][2 + numReverseKinds]*simCache
}

// newDFASet returns the DFAs for the simplified tree and its program, or
// nil when none can be built (the reverse program is too large).
func newDFASet(tree *syntax.Regexp, prog *nfa.Prog) *dfaSet {
	d := &dfaSet{fwd: &setSim{prog: prog}}
	if d.addReverse(dfaReverse, tree) != nil {
		return nil
	}
	return d
}

// addReverse compiles the reversed tree into the reverse DFA of the given
// kind.
func (d *dfaSet) addReverse(kind dfaReverseKind, tree *syntax.Regexp) error {
	prog, err := nfa.Compile(tree, nfa.Options{Reverse: true})
	if err != nil {
		return err
	}
	d.rev[kind] = &setSim{prog: prog}
	return nil
}

// forcedDFA returns the executor's DFAs, building them on first use for a
// pure literal pattern, whose strategy needs none, when a test forces a
// strategy that does.
func (x *executor) forcedDFA() *dfaSet {
	if x.plan.dfa != nil {
		return x.plan.dfa
	}
	x.forcedOnce.Do(func() { x.forced = newDFASet(x.plan.tree, x.prog) })
	return x.forced
}

// addRest compiles tree, the part of the pattern from the inner literal
// on, into the forward DFA of the reverse-inner strategy.
func (d *dfaSet) addRest(tree *syntax.Regexp) error {
	prog, err := nfa.Compile(tree, nfa.Options{})
	if err != nil {
		return err
	}
	d.rest = &setSim{prog: prog}
	return nil
}

// tinyDFA returns a copy of the executor's DFAs with a cache so small
// that searches give up often, built on first use, for tests of the
// fallback after cache exhaustion.
func (x *executor) tinyDFA() *dfaSet {
	x.tinyOnce.Do(func() {
		d := x.forcedDFA()
		if d == nil {
			return
		}
		tiny := &dfaSet{before: d.before, slot: 1}
		giveUp := func(s *setSim) *setSim {
			if s == nil {
				return nil
			}
			return &setSim{prog: s.prog, giveUpAfter: 8}
		}
		tiny.fwd = giveUp(d.fwd)
		tiny.rest = giveUp(d.rest)
		for i, r := range d.rev {
			tiny.rev[i] = giveUp(r)
		}
		x.tiny = tiny
	})
	return x.tiny
}

// cache returns the cache of DFA i (0 forward, 1+kind reverse) of d.
func (d *dfaSet) cache(c *searchCache, i int, s *setSim) *simCache {
	p := &c.dfa.sim[d.slot][i]
	if *p == nil {
		*p = newSimCache(s.prog)
	}
	return *p
}

// forward runs the forward DFA over in.
func (d *dfaSet) forward(c *searchCache, in *nfa.Input, mode dfaMode) (int, dfaResult) {
	e, r, _ := d.fwd.forward(d.cache(c, 0, d.fwd), in, mode)
	return e, r
}

// forwardRest runs the forward DFA of the part of the pattern from the
// inner literal on (reverse-inner strategy) in earliest mode, and reports
// how far it read.
func (d *dfaSet) forwardRest(c *searchCache, in *nfa.Input) (dfaResult, int) {
	_, r, high := d.rest.forward(d.cache(c, 1+numReverseKinds, d.rest), in, dfaEarliest)
	return r, high
}

// reverse runs the reverse DFA of the given kind back from in.End and
// reports the smallest start at or after in.Start of a match ending at
// in.End, and the lowest position the scan read back to.
func (d *dfaSet) reverse(c *searchCache, kind dfaReverseKind, in *nfa.Input) (start int, r dfaResult, low int) {
	if kind == dfaBefore {
		kind = d.before
	}
	sim := d.rev[kind]
	return sim.reverse(d.cache(c, 1+int(kind), sim), in)
}

// memory returns the bytes the DFA caches hold.
func (dc *dfaCaches) memory() int {
	n := 0
	for _, set := range dc.sim {
		for _, c := range set {
			if c != nil {
				n += c.memory()
			}
		}
	}
	return n
}

// count returns the number of DFA caches in use.
func (dc *dfaCaches) count() int {
	n := 0
	for _, set := range dc.sim {
		for _, c := range set {
			if c != nil {
				n++
			}
		}
	}
	return n
}
