package meta

import (
	"cmp"
	"slices"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/dfa"
	"github.com/rerepl/rerepl/internal/literal"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// A Set searches for many patterns in one pass: which of them match a
// text, each with the standard library's meaning of a match.
//
// The patterns' simplified trees are compiled into one program
// ([nfa.CompileSet]) whose Match states name their pattern, and the lazy
// DFA runs it in its set mode ([dfa.DFA.ForwardSet]): one unanchored scan
// in which no thread is cut, each state remembering the patterns whose
// matches end where it was entered. A scan reads the text once, whatever
// the number of patterns, and stops early once every pattern has matched
// (or, for Match, at the first match).
//
// The DFA's answer is complete unless its cache gave up (too many states
// for the cache's capacity, setCacheCapacity, what a single pattern's
// DFA caches may hold together) or the text holds invalid UTF-8, which the DFA cannot read.
// The patterns it found match even then; each other pattern is then asked
// on its own, through its Regexp and whatever strategy that has: linear
// in the text for each pattern, so at most the number of patterns times
// the text (setFallback counts these runs for tests).
type Set struct {
	res  []*Regexp
	prog *nfa.Prog
	dfa  *dfa.DFA
	// capacity is the DFA caches' capacity (zero: setCacheCapacity).
	capacity int
	// invalid[i] is set when pattern i can read an invalid byte (see
	// scan), and readsInvalid when some pattern can.
	invalid      []bool
	readsInvalid bool
	// pre finds the leftmost place where some pattern's match may
	// start, when every pattern's matches start with one of a finite
	// set of non-empty literals; nil otherwise (setPrefilter).
	pre literal.Searcher
	// caches holds *setCache values, one per concurrent search, and
	// spare one more, which a garbage collection does not empty: the
	// states of hundreds of patterns take long to build again (1,000
	// rules, 1 to 2 s on bench/set_test.go's text on a busy machine),
	// so a set used from one goroutine at a time keeps its cache warm.
	caches sync.Pool
	spare  atomic.Pointer[setCache]
}

// A setCache is the mutable memory of one Set search.
type setCache struct {
	dfa   *dfa.Cache
	found dfa.PatternSet
	// gaveUp is set when the last scan's DFA gave up.
	gaveUp bool
}

// A SetConfig tunes a [Set]; the zero value is what package regexp uses.
type SetConfig struct {
	// CacheCapacity is the capacity of each DFA cache; zero means
	// setCacheCapacity. Tests make it tiny so that the
	// fallback runs.
	CacheCapacity int
}

// NewSet returns a Set of the patterns res, which must stay unchanged
// (they answer for the set when its DFA cannot). It fails only when the
// union program is too large, with a *syntax.Error of code ErrLarge.
func NewSet(res []*Regexp, cfg SetConfig) (*Set, error) {
	s := &Set{res: res, capacity: cfg.CacheCapacity}
	if len(res) == 0 {
		return s, nil
	}
	trees := make([]*syntax.Regexp, len(res))
	s.invalid = make([]bool, len(res))
	for i, x := range res {
		trees[i] = x.tree
		s.invalid[i] = treeReadsInvalid(x.tree)
		s.readsInvalid = s.readsInvalid || s.invalid[i]
	}
	s.pre = setPrefilter(trees)
	prog, err := nfa.CompileSet(trees, nfa.Options{})
	if err != nil {
		return nil, err
	}
	s.prog = prog
	s.dfa = dfa.New(prog, dfa.Config{CacheCapacity: cmp.Or(cfg.CacheCapacity, setCacheCapacity)})
	s.caches.New = func() any {
		return &setCache{dfa: s.dfa.NewCache(), found: dfa.NewPatternSet(len(res))}
	}
	return s, nil
}

// getCache returns a cache for one search: the spare one if it is free.
func (s *Set) getCache() *setCache {
	if c := s.spare.Swap(nil); c != nil {
		return c
	}
	return s.caches.Get().(*setCache)
}

// putCache gives back a cache taken by getCache.
func (s *Set) putCache(c *setCache) {
	if !s.spare.CompareAndSwap(nil, c) {
		s.caches.Put(c)
	}
}

// Len returns the number of patterns in the set.
func (s *Set) Len() int { return len(s.res) }

// Prog returns the set's union program (nil for an empty set), for the
// REPL and tests.
func (s *Set) Prog() *nfa.Prog { return s.prog }

// Match reports whether any pattern of the set matches h.
func (s *Set) Match(h []byte) bool {
	if len(s.res) == 0 {
		return false
	}
	c := s.getCache()
	defer s.putCache(c)
	c.found.Clear()
	if s.scan(c, h, true) || c.found.Len() > 0 {
		return c.found.Len() > 0
	}
	setFallbacks.Add(1)
	for i, x := range s.res {
		if s.needsNFA(i, c) && x.Find(h, 0, false, 0, nil) != nil {
			return true
		}
	}
	return false
}

// Matches appends to dst the indices of the patterns that match h, in
// ascending order.
func (s *Set) Matches(h []byte, dst []int) []int {
	if len(s.res) == 0 {
		return dst
	}
	c := s.getCache()
	defer s.putCache(c)
	c.found.Clear()
	if !s.scan(c, h, false) {
		setFallbacks.Add(1)
		for i, x := range s.res {
			if s.needsNFA(i, c) && !c.found.Has(i) && x.Find(h, 0, false, 0, nil) != nil {
				c.found.Insert(i)
			}
		}
	}
	return c.found.AppendTo(dst)
}

// scan runs the set's DFA over h, adding the patterns it finds to
// c.found, and reports whether that answer is complete. It is not when
// the DFA gave up (c.gaveUp is then set and every pattern not found must
// be asked alone), or when h holds invalid UTF-8 and some pattern reads
// invalid bytes (those patterns must be asked alone).
//
// A text with invalid bytes is scanned piece by piece, each piece the
// valid run between two invalid bytes, searched with the bytes around it
// as context. That is exact for a pattern that cannot read an invalid
// byte (it has no [nfa.InvalidByte] state): none of its matches can
// cross one. Without the pieces, the DFA, whose unanchored loop cannot
// step over an invalid byte, would stop at the first.
func (s *Set) scan(c *setCache, h []byte, first bool) bool {
	c.gaveUp = false
	in := nfa.Input{Haystack: h, End: len(h)}
	if s.pre != nil {
		// No match of any pattern starts before the first candidate,
		// and with none, no pattern matches at all. The patterns that
		// read invalid bytes are asked alone after an incomplete scan
		// anyway, so skipping is exact for all.
		start, _, ok := s.pre.Find(h, 0)
		if !ok {
			return true
		}
		in.Start = start
	}
	if utf8.Valid(h) {
		in.ValidUTF8 = true
		r := s.dfa.ForwardSet(c.dfa, &in, &c.found, first)
		c.gaveUp = r == dfa.GaveUp
		return !c.gaveUp
	}
	for pos := in.Start; pos <= len(h); {
		end := nextInvalid(h, pos)
		in.Start, in.End = pos, end
		if r := s.dfa.ForwardSet(c.dfa, &in, &c.found, first); r == dfa.GaveUp || r == dfa.Quit {
			// Quit cannot happen on a valid piece; were it to, the
			// fallback still answers.
			c.gaveUp = true
			return false
		}
		if first && c.found.Len() > 0 || c.found.Full() {
			return true
		}
		pos = end + 1
	}
	return !s.readsInvalid
}

// setPrefilter returns a searcher for the literals some match of each
// tree starts with, when every tree has a finite set of them and none is
// empty; nil otherwise. It only skips the text before the first
// candidate (or all of it): a scan then runs from there to the end.
func setPrefilter(trees []*syntax.Regexp) literal.Searcher {
	var lits []literal.Literal
	for _, t := range trees {
		seq := literal.Prefixes(t)
		if !seq.IsFinite() {
			return nil
		}
		for _, l := range seq.Literals() {
			lits = append(lits, literal.Literal{Bytes: l.Bytes})
		}
	}
	return literal.NewPrefilter(literal.NewSeq(lits...))
}

// needsNFA reports whether pattern i must be asked alone after a scan
// that was not complete.
func (s *Set) needsNFA(i int, c *setCache) bool {
	return c.gaveUp || s.invalid[i]
}

// nextInvalid returns the position of the first byte at or after pos at
// which UTF-8 decoding fails, or len(h).
func nextInvalid(h []byte, pos int) int {
	for pos < len(h) {
		if h[pos] < utf8.RuneSelf {
			pos++
			continue
		}
		r, w := utf8.DecodeRune(h[pos:])
		if r == utf8.RuneError && w == 1 {
			return pos
		}
		pos += w
	}
	return len(h)
}

// treeReadsInvalid reports whether a simplified tree's program has an
// [nfa.InvalidByte] state: whether some class of it holds U+FFFD, which
// is how the compiler decides.
func treeReadsInvalid(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= utf8.RuneError && utf8.RuneError <= re.Rune[i+1] {
				return true
			}
		}
	case syntax.OpLiteral:
		return slices.Contains(re.Rune, utf8.RuneError)
	}
	return slices.ContainsFunc(re.Sub, treeReadsInvalid)
}

// setFallbacks counts the Set searches the DFA could not answer alone.
var setFallbacks atomic.Int64

// SetFallbacks returns how many Set searches so far fell back to asking
// patterns one by one, for tests.
func SetFallbacks() int64 { return setFallbacks.Load() }

// CacheMemory returns the memory a fresh DFA cache of the set would hold
// at most: its capacity, the bound on each concurrent search's memory
// besides the patterns' own caches when they answer for the set.
func (s *Set) CacheMemory() int { return cmp.Or(s.capacity, setCacheCapacity) }

// setCacheCapacity is the capacity of a Set's one DFA cache: what the
// numDFAs caches of a single pattern may hold together per concurrent
// search, so that a set stays within a single Regexp's memory bound.
//
// Measured on 500 rule-like patterns over a megabyte of English
// (bench/set_test.go): with one pattern DFA's 2 MiB the cache was cleared
// over and over and a warm Matches took about 350 ms; with 10 MiB the
// states fit and it takes about 4 ms.
const setCacheCapacity = numDFAs * dfaCacheCapacity
