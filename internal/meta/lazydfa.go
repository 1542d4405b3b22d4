package meta

// This file is the seam between the strategies and the lazy DFAs of
// internal/dfa. The strategies (strategy_dfa.go) see only dfaSet and its
// scans: forward (leftmost-first end, earliest, anchored-longest), reverse
// (smallest start of a match ending at in.End, and how far back the scan
// read), and forwardRest (earliest, and how far ahead it read).
// internal/dfa's results map onto dfaMatch / dfaNoMatch / dfaFail (quit
// on invalid UTF-8 and gave-up are both dfaFail), its cache.Scanned tells
// how far a scan read, and its cache.Memory is what
// TestDFACacheMemoryIsBounded checks against the cap.

import (
	"errors"
	"sync"

	"github.com/rerepl/rerepl/internal/dfa"
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

// A dfaEngine is one lazy DFA of a dfaSet, with the program it runs.
type dfaEngine struct {
	lazy *dfa.DFA
	prog *nfa.Prog
}

// errNoDFA reports a program no DFA is built for.
var errNoDFA = errors.New("no DFA for this program")

// newDFAEngine returns the DFA for prog; tiny makes its cache so small
// that searches give up often.
func newDFAEngine(prog *nfa.Prog, tiny bool) *dfaEngine {
	cfg := dfa.Config{CacheCapacity: dfaCacheCapacity}
	if tiny {
		cfg = dfa.Config{CacheCapacity: 2 << 10, MaxClears: 1}
	}
	return &dfaEngine{lazy: dfa.New(prog, cfg), prog: prog}
}

// A dfaSet holds the lazy DFAs of one pattern: the forward DFA, and the
// reverse DFAs by dfaReverseKind.
type dfaSet struct {
	fwd *dfaEngine
	rev [numReverseKinds]*dfaEngine
	// rest is the forward DFA of the part of the pattern from the
	// inner literal on, for the reverse-inner strategy.
	rest *dfaEngine
	// before says which reverse DFA plays dfaBefore: the whole
	// pattern's for the reverse-suffix strategy.
	before dfaReverseKind
	// fast is false for programs too large for DFA states to pay off
	// (maxFastStates): then a prefilter candidate is better checked by
	// the NFA engines.
	fast bool
	// tiny marks the copy that gives up easily (ForceDFAGiveUp); its
	// caches live in their own slot of a cache.
	tiny bool

	// revTree is the pattern whose reverse DFA, rev[dfaReverse],
	// revOnce builds on first use; nil once built, or when there is
	// none to build.
	revOnce sync.Once
	revTree *syntax.Regexp
}

// reverseEngine returns the reverse DFA of the given kind, building the
// whole pattern's on first use; nil when it cannot be built (its program
// is too large), and a scan then leaves the search to the engines.
func (d *dfaSet) reverseEngine(kind dfaReverseKind) *dfaEngine {
	if kind == dfaReverse {
		d.revOnce.Do(func() {
			if d.revTree != nil && d.rev[dfaReverse] == nil {
				d.addReverse(dfaReverse, d.revTree)
			}
			d.revTree = nil
		})
	}
	return d.rev[kind]
}

const numReverseKinds = 3

// dfaCacheCapacity is the most memory, in bytes, one DFA cache may hold.
const dfaCacheCapacity = 2 << 20

// numDFAs is the number of DFAs a dfaSet may hold: forward, the reverse
// kinds, and rest.
const numDFAs = 2 + numReverseKinds

// dfaCaches holds the DFA caches of a cache, one per DFA, for the normal
// and the give-up DFA sets.
type dfaCaches struct {
	lazy [2][numDFAs]*dfa.Cache
}

// newDFASet returns the DFAs for the simplified tree and its program, or
// nil when none can be built (the reverse program is too large, or prog
// has RuneClass states).
//
// The whole pattern's reverse DFA is built on first use (reverseEngine):
// many searches never run it (a prefilter candidate that matches needs no
// reverse scan), and for big Unicode classes it is most of the cost of
// preparing a pattern.
func newDFASet(tree *syntax.Regexp, prog *nfa.Prog) *dfaSet {
	if len(prog.RuneSets) > 0 {
		// A program with RuneClass states (see runeProgram), which
		// a DFA cannot read, is the engines' program of a pattern
		// too large for a DFA.
		return nil
	}
	d := &dfaSet{fwd: newDFAEngine(prog, false), fast: true, revTree: tree}
	if d.fwd == nil {
		return nil
	}
	if len(prog.States) > maxFastStates {
		// Each new DFA state walks the NFA states it is made of;
		// with programs this large they are many, states cost more
		// than the bytes they save, and the cache thrashes: such
		// patterns do better on the NFA engines from candidates.
		// (\p{L}{8,13} is 3,790 states forward and 5,476 reversed,
		// both deterministic per class, and is fast.)
		d.fast = false
	}
	return d
}

// maxFastStates is the largest forward program the strategies treat the
// lazy DFA as fast for.
const maxFastStates = 16384

// addReverse compiles the reversed tree into the reverse DFA of the given
// kind.
func (d *dfaSet) addReverse(kind dfaReverseKind, tree *syntax.Regexp) error {
	prog, err := nfa.Compile(tree, nfa.Options{Reverse: true})
	if err != nil {
		return err
	}
	if d.rev[kind] = newDFAEngine(prog, d.tiny); d.rev[kind] == nil {
		return errNoDFA
	}
	return nil
}

// addRest compiles tree, the part of the pattern from the inner literal
// on, into the forward DFA of the reverse-inner strategy.
func (d *dfaSet) addRest(tree *syntax.Regexp) error {
	prog, err := nfa.Compile(tree, nfa.Options{})
	if err != nil {
		return err
	}
	if d.rest = newDFAEngine(prog, d.tiny); d.rest == nil {
		return errNoDFA
	}
	return nil
}

// giveUpCopy returns a copy of d with caches so small that searches give
// up often, for the tests of the fallback after cache exhaustion
// (ForceDFAGiveUp); nil for nil.
func (d *dfaSet) giveUpCopy() *dfaSet {
	if d == nil {
		return nil
	}
	tiny := &dfaSet{before: d.before, fast: d.fast, tiny: true}
	giveUp := func(e *dfaEngine) *dfaEngine {
		if e == nil {
			return nil
		}
		return newDFAEngine(e.prog, true)
	}
	tiny.fwd = giveUp(d.fwd)
	tiny.rest = giveUp(d.rest)
	for i := range d.rev {
		tiny.rev[i] = giveUp(d.reverseEngine(dfaReverseKind(i)))
	}
	return tiny
}

// slot returns where the caches of d live in a dfaCaches.
func (d *dfaSet) slot() int {
	if d.tiny {
		return 1
	}
	return 0
}

// scan runs DFA i of d (0 forward, 1+kind reverse, 1+numReverseKinds
// rest) over in, forward or in reverse, and reports the result and the
// part of the haystack the scan read.
func (d *dfaSet) scan(c *cache, i int, e *dfaEngine, in *nfa.Input, reverse bool, mode dfaMode) (pos int, r dfaResult, lo, hi int) {
	p := &c.dfa.lazy[d.slot()][i]
	if *p == nil {
		*p = e.lazy.NewCache()
	}
	in.ValidUTF8 = c.call.validUTF8(in.Haystack)
	var res dfa.Result
	if reverse {
		pos, res = e.lazy.Reverse(*p, in)
	} else {
		pos, res = e.lazy.Forward(*p, in, lazyModes[mode])
	}
	lo, hi = (*p).Scanned()
	switch res {
	case dfa.Match:
		return pos, dfaMatch, lo, hi
	case dfa.NoMatch:
		return pos, dfaNoMatch, lo, hi
	case dfa.GaveUp:
		c.call.dfaGaveUp = true
	}
	return pos, dfaFail, lo, hi
}

// lazyModes maps dfaMode to the modes of internal/dfa.
var lazyModes = [...]dfa.Mode{
	dfaLeftmostFirst:   dfa.LeftmostFirst,
	dfaEarliest:        dfa.Earliest,
	dfaAnchoredLongest: dfa.AnchoredLongest,
}

// forward runs the forward DFA over in.
func (d *dfaSet) forward(c *cache, in *nfa.Input, mode dfaMode) (int, dfaResult) {
	e, r, _, _ := d.scan(c, 0, d.fwd, in, false, mode)
	return e, r
}

// forwardRest runs the forward DFA of the part of the pattern from the
// inner literal on (reverse-inner strategy) in earliest mode, and reports
// how far it read.
func (d *dfaSet) forwardRest(c *cache, in *nfa.Input) (dfaResult, int) {
	_, r, _, hi := d.scan(c, 1+numReverseKinds, d.rest, in, false, dfaEarliest)
	return r, hi
}

// reverse runs the reverse DFA of the given kind back from in.End and
// reports the smallest start at or after in.Start of a match ending at
// in.End, and the lowest position the scan read back to.
func (d *dfaSet) reverse(c *cache, kind dfaReverseKind, in *nfa.Input) (start int, r dfaResult, low int) {
	if kind == dfaBefore {
		kind = d.before
	}
	e := d.reverseEngine(kind)
	if e == nil {
		return -1, dfaFail, in.End
	}
	start, r, low, _ = d.scan(c, 1+int(kind), e, in, true, dfaLeftmostFirst)
	return start, r, low
}

// memory returns the bytes the DFA caches hold.
func (dc *dfaCaches) memory() int {
	n := 0
	for i := range dc.lazy {
		for j := range dc.lazy[i] {
			if c := dc.lazy[i][j]; c != nil {
				n += c.Memory()
			}
		}
	}
	return n
}

// count returns the number of DFA caches in use.
func (dc *dfaCaches) count() int {
	n := 0
	for i := range dc.lazy {
		for j := range dc.lazy[i] {
			if dc.lazy[i][j] != nil {
				n++
			}
		}
	}
	return n
}
