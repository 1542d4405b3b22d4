package regexp

import (
	"sync"
	"unsafe"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/pikevm"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// An engine names one of the matchers a search can run on.
type engine uint8

const (
	// engineAuto lets the executor pick, per search, the fastest engine
	// that can answer it.
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
	}
	return "engine(?)"
}

// An executor holds the compiled program of a pattern and the engines
// prepared for it, and picks an engine for each search.
//
// Everything but the cache pool is read-only after newExecutor, so one
// executor serves any number of goroutines, and the copies of a Regexp made
// by Copy share it.
type executor struct {
	prog *nfa.Prog

	pike *pikevm.VM

	// anchoredStart reports whether every match must begin at the start
	// of the text (the pattern begins with \A or a one-line ^), which is
	// when the one-pass engine may run an unanchored search.
	anchoredStart bool

	// nslots is the number of submatch slots the program fills.
	nslots int

	// caches holds *searchCache values, so that a warm Regexp searches
	// without allocating and goroutines never share scratch memory.
	caches sync.Pool
}

// A searchCache is the mutable memory of one search: each engine's scratch
// space, created the first time that engine runs, and the slots the engine
// writes submatches into before they are copied out to the caller.
type searchCache struct {
	pike  *pikevm.Cache
	in    nfa.Input
	slots []int
}

// newExecutor compiles the simplified tree into a program and prepares
// the engines for it. numGroups is the number of capturing groups as
// parsed, which the program keeps slots for even if Simplify dropped some.
func newExecutor(tree *syntax.Regexp, numGroups int) (*executor, error) {
	prog, err := nfa.Compile(tree, nfa.Options{NumCap: numGroups + 1})
	if err != nil {
		return nil, err
	}
	x := &executor{
		prog:          prog,
		pike:          pikevm.New(prog),
		anchoredStart: beginsWithText(tree),
		nslots:        2 * prog.NumCap,
	}
	if x.nslots < 2 {
		x.nslots = 2
	}
	return x, nil
}

func (x *executor) getCache() *searchCache {
	if c, ok := x.caches.Get().(*searchCache); ok {
		return c
	}
	return &searchCache{slots: make([]int, x.nslots)}
}

func (x *executor) putCache(c *searchCache) {
	// Drop the reference to the caller's text so the pool does not keep
	// it alive.
	c.in.Haystack = nil
	x.caches.Put(c)
}

// choose returns the engine to run a search over span bytes of text, or
// force when a test demands one that can run it.
//
// This is the seam where faster strategies go: a literal prefilter or a
// lazy DFA would run here first, to find whether and where a match lies,
// and hand only the part of the text that needs submatches to the engines
// below.
func (x *executor) choose(force engine, span int) engine {
	canOnePass := false
	canBacktrack := false
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

// run searches h from pos for the leftmost match and, when there is one,
// fills slots (which must be c.slots or a prefix of it) with the
// submatches.
func (x *executor) run(c *searchCache, h []byte, pos int, longest bool, force engine, slots []int) bool {
	c.in = nfa.Input{Haystack: h, Start: pos, End: len(h)}
	for i := range slots {
		slots[i] = -1
	}
	switch x.choose(force, len(h)-pos) {
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
	if ncap > x.nslots {
		ncap = x.nslots
	}
	c := x.getCache()
	slots := c.slots[:ncap]
	if !x.run(c, h, pos, re.longest, re.force, slots) {
		x.putCache(c)
		return nil
	}
	if dst == nil {
		dst = noInts[:0:0]
	}
	dst = append(dst, slots...)
	x.putCache(c)
	return dst
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
