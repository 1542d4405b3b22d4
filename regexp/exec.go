package regexp

import (
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/rerepl/rerepl/internal/backtrack"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/onepass"
	"github.com/rerepl/rerepl/internal/pikevm"
	"github.com/rerepl/rerepl/internal/readsearch"
	"github.com/rerepl/rerepl/internal/testhook"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// An engine names one of the matchers a search can run on, or, for tests,
// one of the strategies of strategy.go to force.
type engine uint8

const (
	// engineAuto lets the executor pick the strategy chosen at compile
	// time and, per search, the fastest engine that can answer it.
	engineAuto engine = iota
	// enginePikeVM simulates the NFA breadth-first: it handles every
	// program and input, in time O(program x input), with the most
	// overhead per byte.
	enginePikeVM
	// engineBacktrack explores the NFA depth-first, remembering visited
	// (state, position) pairs in a bitset so that no pair is explored
	// twice. It is fast but its memory grows as program x input, so it only
	// takes inputs up to a length set by its bitset budget.
	engineBacktrack
	// engineOnePass runs programs that never need to choose between
	// threads, for searches anchored at their start, in one pass.
	engineOnePass

	// The values below force a strategy rather than an engine (tests
	// only); see strategy.go. A forced strategy that cannot run a
	// pattern or a search falls back to the automatic choice and counts
	// the fallback (see strategyRuns).

	// engineLiteral forces the literal-only strategy.
	engineLiteral
	// enginePrefilter forces the prefix prefilter in front of the
	// forward DFA (or the NFA engines when there is no DFA).
	enginePrefilter
	// engineDFA forces the forward and reverse DFAs without literals.
	engineDFA
	// engineReverseSuffix forces the reverse-suffix strategy.
	engineReverseSuffix
	// engineReverseInner forces the reverse-inner strategy.
	engineReverseInner
	// engineReverseAnchored forces the reverse scan from the end of the
	// text for patterns anchored there.
	engineReverseAnchored
	// engineDFAGiveUp runs the DFA strategy with a DFA cache so small
	// that it gives up on most searches, to exercise the fallback to the
	// NFA engines after cache exhaustion.
	engineDFAGiveUp
	// engineStrategy is the automatic choice without the warm-up (see
	// warmUp): the strategy runs from the first search, as it does on
	// a pattern once warm.
	engineStrategy
)

func (e engine) String() string {
	switch e {
	case engineAuto:
		return "auto"
	case enginePikeVM:
		return "pikevm"
	case engineBacktrack:
		return "backtrack"
	case engineOnePass:
		return "onepass"
	case engineLiteral:
		return "literal"
	case enginePrefilter:
		return "prefilter"
	case engineDFA:
		return "dfa"
	case engineReverseSuffix:
		return "revsuffix"
	case engineReverseInner:
		return "revinner"
	case engineReverseAnchored:
		return "revanchored"
	case engineDFAGiveUp:
		return "dfa-giveup"
	case engineStrategy:
		return "strategy"
	}
	return "engine(?)"
}

// forcesEngine reports whether e names an engine rather than a strategy
// (or the automatic choice): the whole search then runs on that engine.
func (e engine) forcesEngine() bool {
	return e == enginePikeVM || e == engineBacktrack || e == engineOnePass
}

// An executor holds the compiled program of a pattern, the engines
// prepared for it and the search strategy chosen for it (strategy.go).
//
// Everything but the cache pool and the lazily built parts is read-only
// after newExecutor, so one executor serves any number of goroutines, and
// the copies of a Regexp made by Copy share it.
//
// Compile builds the program only when it needs it to report a pattern too
// large. The program, the engines and the strategy, most of the cost of
// compiling, are built when searches first need them: the engines by the
// first search that runs one (engines, onePass), the strategy by prepare,
// after a short warm-up on short texts (warmUp). A program that compiles
// many patterns it may never use (package-level MustCompile calls run at
// every start) does not pay for them, and a pattern that is used pays for
// what it uses, once.
type executor struct {
	// tree is the simplified pattern the lazily built parts come from;
	// numGroups is its number of groups as parsed.
	tree      *syntax.Regexp
	numGroups int

	// prepared is set once prepare has built plan, enginesBuilt once
	// engines has built prog, pike and back, and onePassBuilt once
	// onePass has built one, all under prepareMu. prog is built early by
	// newExecutor when it might be too large, and otherwise by the first
	// of them that needs it.
	prepared, enginesBuilt, onePassBuilt atomic.Bool
	prepareMu                            sync.Mutex
	prog                                 *nfa.Prog

	// warmUps counts the searches that asked to run before the strategy
	// is built (see warmUp).
	warmUps atomic.Int32

	pike *pikevm.VM
	back *backtrack.Backtracker
	// one is nil when the program is not one-pass.
	one *onepass.OnePass

	// anchoredStart reports whether every match must begin at the start
	// of the text (the pattern begins with \A or a one-line ^), which is
	// when the one-pass engine may run an unanchored search.
	anchoredStart bool

	// nslots is the number of submatch slots the program fills.
	nslots int

	// plan is the strategy that finds match bounds (strategy.go).
	plan plan

	// forced, built by forcedOnce, holds DFAs for a pattern whose
	// strategy needs none, when a test forces one that does; tiny, built
	// by tinyOnce, is a copy of the DFAs that gives up easily, for
	// engineDFAGiveUp.
	forcedOnce, tinyOnce sync.Once
	forced, tiny         *dfaSet

	// prefix and prefixComplete, built by prefixOnce, are what
	// LiteralPrefix reports.
	prefixOnce     sync.Once
	prefix         string
	prefixComplete bool

	// caches holds *searchCache values, so that a warm Regexp searches
	// without allocating and goroutines never share scratch memory.
	caches sync.Pool

	// reader runs the Reader methods (reader.go); it is built on first
	// use under readerMu.
	readerMu sync.Mutex
	reader   atomic.Pointer[readsearch.Searcher]
}

// A searchCache is the mutable memory of one API call: each engine's
// scratch space, created the first time that engine runs, the slots the
// engine writes submatches into before they are copied out to the caller,
// and what the strategy learns about the text during the call (see
// callState).
type searchCache struct {
	pike  *pikevm.Cache
	back  *backtrack.Cache
	one   *onepass.Cache
	in    nfa.Input
	slots []int
	call  callState
	dfa   dfaCaches
}

// newExecutor prepares to run the simplified tree; the program, the
// engines and the search strategy are built on first use (see prepare).
// numGroups is the number of capturing groups as parsed, which the
// program keeps slots for even if Simplify dropped some.
//
// The one error compiling can give, a program over the state limit, must
// come from Compile, so a pattern that might exceed it (by
// nfa.StatesBound, a loose bound) is compiled here to find out.
//
// x is the zero executor to set up: compile allocates it together with
// its Regexp.
func newExecutor(x *executor, tree *syntax.Regexp, numGroups int) error {
	x.tree = tree
	x.numGroups = numGroups
	x.anchoredStart = beginsWithText(tree)
	x.nslots = 2 * (numGroups + 1)
	if nfa.StatesBound(tree) > nfa.DefaultMaxStates {
		prog, err := x.compileProg()
		if err != nil {
			return err
		}
		x.prog = prog
	}
	return nil
}

// compileProg compiles the forward program of x.tree.
func (x *executor) compileProg() (*nfa.Prog, error) {
	prog, err := nfa.Compile(x.tree, nfa.Options{NumCap: x.numGroups + 1})
	compileStage(testhook.StageProgram)
	return prog, err
}

// prepare picks the search strategy and builds what it needs, once. Every
// search needs it, except the few short ones of warmUp. Nothing here can
// fail: the program is within its limit (see newExecutor), and a strategy
// that cannot be built is simply not chosen.
//
// The NFA engines are not built here but by engines and onePass, when a
// search first needs them: a pure literal pattern, or a search that wants
// only match bounds from a DFA, never does, and the one-pass analysis of a
// program with large Unicode classes costs milliseconds.
//
// Not a sync.Once: a panic here (a bug) must leave the executor
// unprepared, so that the next search panics the same way instead of
// running on half-built engines.
func (x *executor) prepare() {
	if x.prepared.Load() {
		return
	}
	x.prepareMu.Lock()
	defer x.prepareMu.Unlock()
	if x.prepared.Load() {
		return
	}
	x.plan = plan{}
	x.plan.build(x.tree, x.programLocked, func() bool {
		x.onePassLocked()
		return x.one != nil
	})
	compileStage(testhook.StageStrategy)
	x.prepared.Store(true)
}

// The first warmUpCalls searches of texts of at most warmUpMaxLen bytes
// may run on the NFA engines alone, before the strategy is built. A
// pattern compiled to be used once, on a short text, then costs about
// what it costs the standard library: building a strategy (literal sets,
// reverse programs, DFAs) takes tens of microseconds for common patterns,
// as long as the engines take to search a few kilobytes. Once the
// searches have read about that much, the strategy is built. The bound
// is on the number of calls, not on the bytes they read, so that
// counting costs one atomic add per call and only during warm-up.
const (
	warmUpCalls  = 16
	warmUpMaxLen = 256
)

// warmUp reports whether a search of n bytes may run on the NFA engines
// without the strategy, building the engines if so. A literal (with or
// without case folding) never warms up: its strategy is a byte search,
// cheaper to build than the engines and faster on any text. An
// alternation of literals does: its Aho-Corasick automaton takes longer
// to build than its program.
func (x *executor) warmUp(n int) bool {
	if n > warmUpMaxLen || isLiteral(x.tree) || x.warmUps.Load() >= warmUpCalls || x.warmUps.Add(1) > warmUpCalls {
		return false
	}
	x.prepareMu.Lock()
	defer x.prepareMu.Unlock()
	if x.prepared.Load() {
		return false
	}
	x.enginesLocked()
	return true
}

// programLocked returns the program, compiling it first if need be; the
// caller holds prepareMu.
func (x *executor) programLocked() *nfa.Prog {
	if x.prog == nil {
		prog, err := x.compileProg()
		if err != nil {
			panic("regexp: internal error: nfa.StatesBound is below the program's size: " + err.Error())
		}
		x.prog = prog
	}
	return x.prog
}

// program returns the program, compiling it on first use.
func (x *executor) program() *nfa.Prog {
	x.prepareMu.Lock()
	defer x.prepareMu.Unlock()
	return x.programLocked()
}

// engines builds the program and the Pike VM and backtracker on first use;
// every use of them calls it first. Like prepare, a panic leaves them
// unbuilt.
func (x *executor) engines() {
	if x.enginesBuilt.Load() {
		return
	}
	x.prepareMu.Lock()
	defer x.prepareMu.Unlock()
	x.enginesLocked()
}

// enginesLocked is engines for a caller that holds prepareMu.
func (x *executor) enginesLocked() {
	if x.enginesBuilt.Load() {
		return
	}
	prog := x.programLocked()
	x.pike = pikevm.New(prog)
	x.back = backtrack.New(prog)
	compileStage(testhook.StageEngines)
	x.enginesBuilt.Store(true)
}

// onePass reports whether the program is one-pass, building the one-pass
// engine on first use; only a search that could run it (an anchored one)
// should ask.
func (x *executor) onePass() bool {
	if !x.onePassBuilt.Load() {
		x.prepareMu.Lock()
		defer x.prepareMu.Unlock()
		x.onePassLocked()
	}
	return x.one != nil
}

// onePassLocked is onePass for a caller that holds prepareMu.
func (x *executor) onePassLocked() {
	if x.onePassBuilt.Load() {
		return
	}
	x.one = onepass.New(x.programLocked())
	compileStage(testhook.StageEngines)
	x.onePassBuilt.Store(true)
}

// literalPrefix returns what [Regexp.LiteralPrefix] reports, computed on
// first use: few programs ask.
func (x *executor) literalPrefix() (string, bool) {
	x.prefixOnce.Do(func() { x.prefix, x.prefixComplete = literalPrefix(x.tree) })
	return x.prefix, x.prefixComplete
}

// getCache returns a searchCache for one API call over h, with the
// strategy prepared unless the call warms up (see warmUp).
func (x *executor) getCache(h []byte) *searchCache {
	if !x.prepared.Load() && !x.warmUp(len(h)) {
		x.prepare()
	}
	c, ok := x.caches.Get().(*searchCache)
	if !ok {
		c = &searchCache{slots: make([]int, x.nslots)}
	}
	c.in.Haystack = h
	c.call = callState{}
	return c
}

func (x *executor) putCache(c *searchCache) {
	// Drop the reference to the caller's text so the pool does not keep
	// it alive.
	c.in.Haystack = nil
	x.caches.Put(c)
}

// choose returns the engine to compute submatches over in (or, when the
// search is unanchored, to run the whole search), or force when a test
// demands an engine that can run it.
//
// One-pass runs anchored searches only, which is every search the
// strategies hand over (they know where the match starts) and every
// search of a pattern that begins with \A. The backtracker runs when the
// span fits its bitset budget; the Pike VM runs everything else.
func (x *executor) choose(force engine, in *nfa.Input) engine {
	x.engines()
	canOnePass := (in.Anchored || x.anchoredStart) && x.onePass()
	canBacktrack := x.back.MaxLen() >= in.End-in.Start
	switch force {
	case enginePikeVM:
		return enginePikeVM
	case engineOnePass:
		if canOnePass {
			return engineOnePass
		}
		return enginePikeVM
	case engineBacktrack:
		if canBacktrack {
			return engineBacktrack
		}
		return enginePikeVM
	}
	switch {
	case canOnePass:
		return engineOnePass
	case canBacktrack:
		return engineBacktrack
	}
	return enginePikeVM
}

// runEngine runs the search c.in on an NFA engine and, when there is a
// match, fills slots (which must be c.slots or a prefix of it) with the
// submatches.
func (x *executor) runEngine(c *searchCache, longest bool, force engine, slots []int) bool {
	for i := range slots {
		slots[i] = -1
	}
	switch x.choose(force, &c.in) {
	case engineOnePass:
		if c.one == nil {
			c.one = x.one.NewCache()
		}
		return x.one.Search(c.one, &c.in, longest, slots)
	case engineBacktrack:
		if c.back == nil {
			c.back = x.back.NewCache()
		}
		return x.back.Search(c.back, &c.in, longest, slots)
	default:
		if c.pike == nil {
			c.pike = x.pike.NewCache()
		}
		return x.pike.Search(c.pike, &c.in, longest, slots)
	}
}

// execute finds the leftmost match of re in h at or after pos, and
// appends the first ncap submatch slots (0, 2 or all of them) to dst.
// It returns nil when there is no match and a non-nil slice otherwise,
// even when ncap is 0. Slots of groups the program does not contain are
// not appended; see pad.
func (re *Regexp) execute(h []byte, pos int, ncap int, dst []int) []int {
	if len(h) < re.minInputLen {
		return nil
	}
	x := re.exec
	c := x.getCache(h)
	dst = re.executeWith(c, pos, ncap, dst)
	x.putCache(c)
	return dst
}

// executeWith is execute with a cache already taken for the text, so
// that a loop over the matches of one text (allMatches) takes the cache
// once and keeps what the strategy learns about the text between matches.
func (re *Regexp) executeWith(c *searchCache, pos int, ncap int, dst []int) []int {
	x := re.exec
	if ncap > x.nslots {
		ncap = x.nslots
	}
	slots := c.slots[:ncap]
	if !x.search(c, pos, re.longest, re.force, slots) {
		return nil
	}
	if dst == nil {
		dst = noInts[:0:0]
	}
	return append(dst, slots...)
}

// noInts backs the empty but non-nil result of a successful search that
// asked for no slots.
var noInts [0]int

// matchString reports whether s contains a match, without copying s.
func (re *Regexp) matchString(s string) bool {
	return re.execute(stringBytes(s), 0, 0, nil) != nil
}

// match reports whether b contains a match.
func (re *Regexp) match(b []byte) bool {
	return re.execute(b, 0, 0, nil) != nil
}

// stringBytes returns the bytes of s without copying them. The engines
// only read the text, so the string's immutability is kept.
func stringBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// pad extends a match found by execute with -1 pairs for the groups the
// program lost in simplification (such as the group in (a){0}), so that
// every Submatch result has 2*(NumSubexp()+1) entries. A nil match stays
// nil.
func (re *Regexp) pad(m []int) []int {
	if m == nil {
		return nil
	}
	for n := 2 * (re.numSubexp + 1); len(m) < n; {
		m = append(m, -1)
	}
	return m
}
