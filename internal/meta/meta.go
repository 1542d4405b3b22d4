// Package meta is the strategy layer of package regexp: given a simplified
// pattern, it decides how each search runs and runs it on the engines
// (internal/pikevm, internal/backtrack, internal/onepass, internal/dfa) and
// the literal searchers (internal/literal).
//
// The layer has three levels, each in its own files:
//
//   - [Regexp] (this file) owns the lazily built parts of one pattern (the
//     program, the engines, the plan), the warm-up and the pool of caches,
//     and funnels every search into [Regexp.Find] and [Regexp.All].
//   - A strategy (strategy.go, strategy_*.go) finds the bounds of the
//     leftmost match; one type per strategy, chosen once per pattern by
//     plan.build. Strategies never ask whether an engine can run: they
//     call the wrappers.
//   - The wrappers (wrappers.go) own that question: the one-pass engine
//     runs only anchored searches, the backtracker only spans within its
//     budget, a DFA only when it was built and has not given up on the
//     text during the call.
//
// Tests, the fuzz targets and the REPL build a Regexp with [Compile] and a
// [Config]; [Config.Force] runs every search on one engine or strategy.
package meta

import (
	"sync"
	"sync/atomic"

	"github.com/rerepl/rerepl/internal/backtrack"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/onepass"
	"github.com/rerepl/rerepl/internal/pikevm"
	"github.com/rerepl/rerepl/internal/readsearch"
	"github.com/rerepl/rerepl/internal/stdprog"
	"github.com/rerepl/rerepl/internal/testhook"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// Config configures a [Regexp]. The zero Config is what package regexp
// uses.
type Config struct {
	// Force, when not ForceAuto, runs every search on one engine or one
	// strategy, so that tests can check each against the standard
	// library.
	Force Force
}

// A Regexp is the compiled form of one pattern as the strategy layer
// sees it: the simplified tree, the facts about it, and the parts built
// from it on first use.
//
// Everything but the cache pool and the lazily built parts is read-only
// after Init, so one Regexp serves any number of goroutines, and copies of
// a regexp.Regexp made by Copy share it.
//
// Init builds the program only when it needs it to report a pattern too
// large. The program, the engines and the strategy, most of the cost of
// compiling, are built when searches first need them: the engines by the
// first search that runs one (engines, onePass), the strategy by prepare,
// after a short warm-up on short texts (warmUp). A program that compiles
// many patterns it may never use (package-level MustCompile calls run at
// every start) does not pay for them, and a pattern that is used pays for
// what it uses, once.
type Regexp struct {
	// tree is the simplified pattern the lazily built parts come from;
	// numGroups is its number of groups as parsed.
	tree      *syntax.Regexp
	numGroups int
	cfg       Config
	// facts are what the tree alone says about its matches.
	facts Facts

	// prepared is set once prepare has built plan, enginesBuilt once
	// engines has built prog, pike and back, and onePassBuilt once
	// onePass has built one, all under mu. prog is built early by Init
	// when it might be too large, and otherwise by the first of them
	// that needs it.
	//
	// Not sync.Once: a panic while building (a bug) must leave the part
	// unbuilt, so that the next search panics the same way instead of
	// running on half-built engines.
	prepared, enginesBuilt, onePassBuilt atomic.Bool
	mu                                   sync.Mutex
	prog                                 *nfa.Prog

	// warmUps counts the searches that asked to run before the strategy
	// is built (see warmUp).
	warmUps atomic.Int32

	pike *pikevm.VM
	back *backtrack.Backtracker
	// one is nil when the program is not one-pass.
	one *onepass.OnePass

	// nslots is the number of submatch slots the program fills.
	nslots int

	// plan holds what the strategies need (strategy.go); strat is the
	// strategy searches run, and noDFA the one they run once a DFA gave
	// up on the text of a call. A Regexp made by InitFrom shares the plan
	// of the Regexp it was made from.
	plan         *plan
	strat, noDFA strategy
	// forced names the strategy cfg forces, when it forces one
	// (forcing), and forcedOK whether the pattern can run it, for the
	// counters of forced searches.
	forced            Strategy
	forcing, forcedOK bool

	// reader is the search of the Reader methods, built by Reader
	// under mu.
	reader atomic.Pointer[readsearch.Searcher]
	// readAll is set, under mu, when the pattern has no reader search
	// (see Reader).
	readAll bool

	// prefix and prefixComplete, built by prefixOnce, are what
	// LiteralPrefix reports.
	prefixOnce     sync.Once
	prefix         string
	prefixComplete bool

	// caches holds *cache values, so that a warm Regexp searches without
	// allocating and goroutines never share scratch memory.
	caches sync.Pool
}

// A cache is the mutable memory of one API call: each engine's scratch
// space, created the first time that engine runs, the slots the engine
// writes submatches into before they are copied out to the caller, the
// DFA caches, and what the strategy learns about the text during the call
// (see callState). It holds no part of the search itself: the text, the
// start and the semantics are arguments.
type cache struct {
	pike  *pikevm.Cache
	back  *backtrack.Cache
	one   *onepass.Cache
	slots []int
	call  callState
	dfa   dfaCaches
}

// An input is one search, passed down from Find to the strategies and the
// wrappers: the text, where the search starts, and whether it wants the
// leftmost-longest match. How much the caller wants (whether there is a
// match, its bounds, or its groups) is the length of the slots passed
// beside it: 0, 2 or all.
type input struct {
	h       []byte
	pos     int
	longest bool
}

// at returns the same search starting at pos.
func (in input) at(pos int) input {
	in.pos = pos
	return in
}

// Compile parses expr under flags, simplifies it and returns its Regexp.
// It is [Init] for callers that start from a pattern: tests, the fuzz
// targets and the REPL.
func Compile(expr string, flags syntax.Flags, cfg Config) (_ *Regexp, err error) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		serr, ok := v.(*syntax.Error)
		if !ok {
			panic(v)
		}
		err = serr
	}()
	tree, err := syntax.Parse(expr, flags)
	if err != nil {
		return nil, err
	}
	// The groups are counted as parsed: Simplify may drop some.
	numGroups := tree.MaxCap()
	x := new(Regexp)
	if err := x.Init(tree.Simplify(), numGroups, cfg); err != nil {
		return nil, err
	}
	return x, nil
}

// Init prepares x, a zero Regexp, to run the simplified tree; the program,
// the engines and the search strategy are built on first use (see
// prepare). numGroups is the number of capturing groups as parsed, which
// the program keeps slots for even if Simplify dropped some.
//
// The one error compiling can give, a program over the state limit, must
// come from Compile, so a pattern that might exceed it (by
// nfa.StatesBound and nfa.RuneStatesBound, loose bounds for the byte and
// the rune-class program: compileProg picks the byte program only when
// it is small, see runeProgram) is compiled here to find out. Like the
// parser, a later stage may reject a pattern by panicking with a
// *syntax.Error; the caller recovers it.
func (x *Regexp) Init(tree *syntax.Regexp, numGroups int, cfg Config) error {
	x.tree = tree
	x.numGroups = numGroups
	x.cfg = cfg
	x.facts = factsOf(tree)
	x.nslots = 2 * (numGroups + 1)
	if nfa.StatesBound(tree) > nfa.DefaultMaxStates && nfa.RuneStatesBound(tree) > nfa.DefaultMaxStates {
		prog, err := x.compileProg()
		if err != nil {
			return err
		}
		x.prog = prog
	}
	return nil
}

// NumSlots returns the number of submatch slots a search can fill: two
// per group, counting group 0.
func (x *Regexp) NumSlots() int { return x.nslots }

// MinInputLen returns a lower bound on the length of any text containing
// a match.
func (x *Regexp) MinInputLen() int { return x.facts.MinLen }

// compileStage marks the end of a stage of the lazy preparation, for the
// tests that inject failures there (see package testhook).
func compileStage(stage string) {
	if testhook.Compile != nil {
		testhook.Compile(stage)
	}
}

// compileProg compiles the forward program of x.tree for the NFA engines:
// the byte program, which the DFAs run too, or, for a pattern whose byte
// program is too large for a fast DFA (see runeProgram), the program whose
// Unicode classes are RuneClass states, which only the Pike VM and the
// backtracker run.
func (x *Regexp) compileProg() (*nfa.Prog, error) {
	runes := x.cfg.Force.runes() || runeProgram(x.tree)
	prog, err := nfa.Compile(x.tree, nfa.Options{NumCap: x.numGroups + 1, RuneClasses: runes})
	compileStage(testhook.StageProgram)
	return prog, err
}

// runeProgram reports whether the NFA engines run tree's program with
// RuneClass states, in which case no DFA is built for the pattern:
//
//   - when its byte program would have more than maxFastStates states. A
//     byte program pays for every copy of a class (\pL{1000}: 290,015
//     states and 1,004,009 transitions, 34 MB kept after one search with
//     its engines), and a DFA over one that large does not pay (see
//     newDFASet); the rune-class program is about one state per copy.
//   - when it has more than maxDFACopies copies of classes reaching past
//     ASCII, even small ones: see maxDFACopies.
//
// The cheap loose bound rules out most patterns before the estimate
// builds any class's trie.
func runeProgram(tree *syntax.Regexp) bool {
	if nfa.StatesBound(tree) <= maxFastStates {
		// Each class reaching past ASCII counts more than 64 states
		// here, so there are fewer than maxDFACopies.
		return false
	}
	states, copies := nfa.EstimateByteProgram(tree)
	return states > maxFastStates || copies > maxDFACopies
}

// maxDFACopies is the most copies of classes reaching past ASCII a
// pattern may have for its DFA to be built. A counted repetition of n
// copies makes DFA states of up to n threads each, and a scan builds up
// to n of them: on 5 KB of mixed text, [\x{0}-\x{10FFFF}]{n} searched in
// microseconds on the DFA up to n = 768, while at n = 900 its cache
// thrashed and the search (DFA, then Pike VM) took 29 ms, against 4.5 ms
// on the Pike VM with the rune-class program (a busy machine; one run).
// 512 keeps a margin.
const maxDFACopies = 512

// prepare picks the search strategy and builds what it needs, once. Every
// search needs it, except the few short ones of warmUp. Nothing here can
// fail: the program is within its limit (see Init), and a strategy that
// cannot be built is simply not chosen.
//
// The NFA engines are not built here but by engines and onePass, when a
// search first needs them: a pure literal pattern, or a search that wants
// only match bounds from a DFA, never does, and the one-pass analysis of a
// program with large Unicode classes costs milliseconds.
func (x *Regexp) prepare() {
	if x.prepared.Load() {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.prepared.Load() {
		return
	}
	p := new(plan)
	p.build(x.tree, &x.facts, x.programLocked, func() bool {
		x.onePassLocked()
		return x.one != nil
	})
	x.plan = p
	x.strategiesLocked()
	compileStage(testhook.StageStrategy)
	x.prepared.Store(true)
}

// The first WarmUpCalls searches of texts of at most WarmUpMaxLen bytes
// may run on the NFA engines alone, before the strategy is built. A
// pattern compiled to be used once, on a short text, then costs about
// what it costs the standard library: building a strategy (literal sets,
// reverse programs, DFAs) takes tens of microseconds for common patterns,
// as long as the engines take to search a few kilobytes. Once the
// searches have read about that much, the strategy is built. The bound
// is on the number of calls, not on the bytes they read, so that
// counting costs one atomic add per call and only during warm-up.
const (
	WarmUpCalls  = 16
	WarmUpMaxLen = 256
)

// warmUp reports whether a search of n bytes may run on the NFA engines
// without the strategy, building the engines if so. A literal (with or
// without case folding) never warms up: its strategy is a byte search,
// cheaper to build than the engines and faster on any text. An
// alternation of literals does: its Aho-Corasick automaton takes longer
// to build than its program. Only the automatic choice warms up.
func (x *Regexp) warmUp(n int) bool {
	if n > WarmUpMaxLen || x.cfg.Force != ForceAuto || x.facts.Literal || x.warmUps.Load() >= WarmUpCalls || x.warmUps.Add(1) > WarmUpCalls {
		return false
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.prepared.Load() {
		return false
	}
	x.enginesLocked()
	return true
}

// programLocked returns the program, compiling it first if need be; the
// caller holds mu.
func (x *Regexp) programLocked() *nfa.Prog {
	if x.prog == nil {
		prog, err := x.compileProg()
		if err != nil {
			panic("regexp: internal error: nfa.StatesBound is below the program's size: " + err.Error())
		}
		x.prog = prog
	}
	return x.prog
}

// engines builds the program and the Pike VM and backtracker on first use;
// every use of them calls it first. Like prepare, a panic leaves them
// unbuilt.
func (x *Regexp) engines() {
	if x.enginesBuilt.Load() {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.enginesLocked()
}

// enginesLocked is engines for a caller that holds mu.
func (x *Regexp) enginesLocked() {
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
func (x *Regexp) onePass() bool {
	if !x.onePassBuilt.Load() {
		x.mu.Lock()
		defer x.mu.Unlock()
		x.onePassLocked()
	}
	return x.one != nil
}

// onePassLocked is onePass for a caller that holds mu.
func (x *Regexp) onePassLocked() {
	if x.onePassBuilt.Load() {
		return
	}
	x.one = onepass.New(x.programLocked())
	compileStage(testhook.StageEngines)
	x.onePassBuilt.Store(true)
}

// LiteralPrefix returns what the standard library's LiteralPrefix reports
// for the pattern, computed on first use: few programs ask.
func (x *Regexp) LiteralPrefix() (string, bool) {
	x.prefixOnce.Do(func() { x.prefix, x.prefixComplete = stdprog.LiteralPrefix(x.tree) })
	return x.prefix, x.prefixComplete
}

// getCache returns a cache for one API call over a text of n bytes, with
// the strategy prepared unless the call warms up (see warmUp).
func (x *Regexp) getCache(n int) *cache {
	if !x.prepared.Load() && !x.warmUp(n) {
		x.prepare()
	}
	c, ok := x.caches.Get().(*cache)
	if !ok {
		c = &cache{slots: make([]int, x.nslots)}
	}
	c.call = callState{}
	return c
}

func (x *Regexp) putCache(c *cache) {
	x.caches.Put(c)
}

// Find finds the leftmost match in h at or after pos, leftmost-longest if
// longest is set, and appends the first ncap submatch slots (0, 2 or all
// of them) to dst. It returns nil when there is no match and a non-nil
// slice otherwise, even when ncap is 0.
func (x *Regexp) Find(h []byte, pos int, longest bool, ncap int, dst []int) []int {
	if len(h) < x.facts.MinLen {
		return nil
	}
	c := x.getCache(len(h))
	dst = x.find(c, input{h: h, pos: pos, longest: longest}, ncap, dst)
	x.putCache(c)
	return dst
}

// find is Find with a cache already taken for the text, so that a loop
// over the matches of one text (All) takes the cache once and keeps what
// the strategy learns about the text between matches.
func (x *Regexp) find(c *cache, in input, ncap int, dst []int) []int {
	if ncap > x.nslots {
		ncap = x.nslots
	}
	slots := c.slots[:ncap]
	if !x.search(c, in, slots) {
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

// All calls deliver with each successive match in h, at most n of them,
// with the slots of every group when submatch is set and of the whole
// match otherwise. The slice passed to deliver is only valid during the
// call: the next match reuses it, so a caller that keeps it copies it.
//
// Matches do not overlap. After a match the search resumes at its end;
// after an empty match it resumes one character further on, where a
// character is a valid UTF-8 sequence or a single byte that does not start
// one. An empty match that begins where the previous match ended is
// dropped, so that "a*" on "baaac" finds "", "aaa" and "" (at the end),
// not also the empty match right after "aaa".
func (x *Regexp) All(h []byte, n int, longest, submatch bool, deliver func(m []int)) {
	ncap := 2
	if submatch {
		ncap = x.nslots
	}
	if len(h) < x.facts.MinLen {
		return
	}
	// One cache serves the whole loop, so what the search strategy
	// learns about h (see callState) carries over from match to match.
	c := x.getCache(len(h))
	defer x.putCache(c)
	// Finding every match reads the whole text anyway: checking once
	// that it is valid UTF-8 (which most text is) spares the DFAs a
	// check after every scan (see dfaSet.scan). A call that may stop
	// early does not read everything, and keeps the checks local.
	c.call.readsAll = n > len(h)
	end := len(h)
	prevEnd := -1
	// The engines write each match into the cache's slots, and deliver
	// gets them from there: the caller copies what it keeps, so a match
	// is copied once, however many groups it has (a wide alternation of
	// groups had its slots copied to a scratch slice and padded first).
	// Every group has its slots (NumSlots counts the groups as parsed),
	// so nothing needs padding.
	slots := c.slots[:ncap]
	in := input{h: h, longest: longest}
	for pos, found := 0, 0; found < n && pos <= end; {
		if !x.search(c, in.at(pos), slots) {
			return
		}
		m := slots
		keep := true
		if m[1] == pos {
			if m[0] == prevEnd {
				keep = false
			}
			if pos < end {
				pos += charLen(h[pos:])
			} else {
				pos = end + 1
			}
		} else {
			pos = m[1]
		}
		prevEnd = m[1]
		if keep {
			deliver(m)
			found++
		}
	}
}

// InitFrom prepares y, a zero Regexp, for the same pattern as x under
// cfg. Forcing an engine or a strategy changes only which strategy and
// engines the searches run, so y then shares x's program (but for the
// rune-class forces), engines and plan, building them in x first (the tests that force every engine and
// strategy on each pattern build them once); under ForceAuto y starts
// with nothing built, to warm up as a new pattern does.
func (y *Regexp) InitFrom(x *Regexp, cfg Config) {
	if cfg.Force == ForceAuto {
		if err := y.Init(x.tree, x.numGroups, cfg); err != nil {
			panic("regexp: internal error: a compiled pattern does not compile again: " + err.Error())
		}
		return
	}
	x.prepare()
	x.engines()
	x.onePass()
	y.tree, y.numGroups, y.cfg, y.facts, y.nslots = x.tree, x.numGroups, cfg, x.facts, x.nslots
	y.mu.Lock()
	defer y.mu.Unlock()
	y.prog, y.pike, y.back, y.one, y.plan = x.prog, x.pike, x.back, x.one, x.plan
	if cfg.Force.runes() && len(x.prog.RuneSets) == 0 {
		// The engines run a rune-class program of their own; the
		// plan, which an engine force does not use, stays shared.
		prog, err := y.compileProg()
		if err != nil {
			panic("regexp: internal error: a rune-class program is over the limit its byte program is within: " + err.Error())
		}
		y.prog, y.pike, y.back, y.one = prog, pikevm.New(prog), backtrack.New(prog), nil
	}
	y.strategiesLocked()
	y.enginesBuilt.Store(true)
	y.onePassBuilt.Store(true)
	y.prepared.Store(true)
}
