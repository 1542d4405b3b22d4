package nfa

import (
	"encoding/binary"
	"slices"
	"sync"
	"unicode/utf8"
)

// A revClass is a deterministic automaton that reads the UTF-8 sequences
// of a rune class backwards, last byte first, kept apart from any program
// so that each copy of the class (x{8,13} has thirteen) only instantiates
// it (see compiler.instantiate).
//
// Forward, the sequences of a class arrive sorted and never overlap at a
// node, so [trie] builds a deterministic fragment in one pass. Backwards
// they overlap: the last byte of most sequences is a continuation byte,
// 80-BF for one and 80-8F for another. Listing the sequences as
// alternatives made \pL a Split over hundreds of chains, and turning the
// forward trie's edges around still left each continuation byte leading
// to dozens of states at once; either way every state of a reverse DFA
// carried hundreds of NFA states, and its cache thrashed. So the class is
// determinised here, once: a state is the set of forward trie nodes from
// which the bytes read so far (backwards) lead to the end of the class.
// The trie is at most four bytes deep, so the sets are few.
type revClass struct {
	// states are listed children first; entry is the last one.
	states [][]revTrans
}

// A revTrans reads bytes lo-hi and goes to states[to], or leaves the
// class when to is revAccept.
type revTrans struct {
	lo, hi byte
	to     int
}

const revAccept = -1

// sharedForwardClass returns a fragment matching one rune of the class
// ranges forwards, leading to next: the trie of the class's UTF-8
// sequences, built once per class content in this process (see
// fwdClassCache) and instantiated here, so that the thirteen copies of
// \pL in \pL{8,13} cost one trie.
func (c *compiler) sharedForwardClass(ranges []rune, next StateID) StateID {
	if len(ranges) == 0 || len(ranges) < minSharedClass && ranges[len(ranges)-1] < utf8.RuneSelf {
		return c.forwardClass(ranges, next)
	}
	key := classKey{&ranges[0], len(ranges)}
	rc, ok := c.fwdClasses[key]
	if !ok {
		rc = cachedClass(&fwdClassCache, ranges, newFwdClass)
		if c.fwdClasses == nil {
			c.fwdClasses = make(map[classKey]*revClass)
		}
		c.fwdClasses[key] = rc
	}
	return c.instantiate(rc, next)
}

// minSharedClass is the fewest range ends (twice the ranges) an ASCII
// forward class must have to go through the cache: small ASCII classes
// build faster than their key, while any class reaching past ASCII (as
// the any-character loop of every program does) splits into many UTF-8
// sequences.
const minSharedClass = 16

// scratchTrie builds the forward trie of ranges in a compiler of its own,
// leading to that compiler's Match state end: the trie's nodes are the
// states between end and root (failState for an empty class).
func scratchTrie(ranges []rune) (fwd *compiler, root, end StateID) {
	fwd = &compiler{
		maxStates: DefaultMaxStates,
		ranges:    make(map[rangeKey]StateID),
		sparse:    make(map[string]StateID),
	}
	fwd.emit(State{Kind: Fail})
	end = fwd.emit(State{Kind: Match})
	return fwd, fwd.forwardClass(ranges, end), end
}

// newFwdClass builds the forward trie of ranges as a revClass-shaped
// automaton: states children first, the entry last.
func newFwdClass(ranges []rune) *revClass {
	fwd, root, end := scratchTrie(ranges)
	rc := &revClass{}
	if root == failState {
		return rc
	}
	index := make(map[StateID]int)
	var visit func(id StateID) int
	visit = func(id StateID) int {
		if id == end {
			return revAccept
		}
		if i, ok := index[id]; ok {
			return i
		}
		st := &fwd.states[id]
		var ts []revTrans
		switch st.Kind {
		case ByteRange:
			ts = []revTrans{{st.Lo, st.Hi, visit(st.Next)}}
		case Sparse:
			for _, t := range fwd.transitions(st) {
				ts = append(ts, revTrans{t.Lo, t.Hi, visit(t.Next)})
			}
		}
		rc.states = append(rc.states, ts)
		index[id] = len(rc.states) - 1
		return index[id]
	}
	visit(root)
	return rc
}

// fwdClassCache is revClassCache for forward classes.
var fwdClassCache classCache

// revClassCache keeps the reverse automata built so far in this process,
// by the class's ranges: \w, \s or \pL come up in pattern after pattern,
// and \pL's takes milliseconds to build. Automata are never modified, so
// compilers share them. The cache holds at most maxCachedRevClasses.
var revClassCache classCache

// A classCache maps a class's ranges to its automaton; it holds at most
// maxCachedClasses.
type classCache struct {
	sync.Mutex
	m map[string]*revClass
}

const maxCachedClasses = 256

// sharedRevClass returns the reverse automaton of ranges.
func sharedRevClass(ranges []rune) *revClass {
	return cachedClass(&revClassCache, ranges, newRevClass)
}

// cachedClass returns the automaton of ranges from cache, building it
// with build and caching it when it is not there.
func cachedClass(cache *classCache, ranges []rune, build func([]rune) *revClass) *revClass {
	buf := make([]byte, 4*len(ranges))
	for i, r := range ranges {
		binary.LittleEndian.PutUint32(buf[4*i:], uint32(r))
	}
	key := string(buf)
	cache.Lock()
	rc, ok := cache.m[key]
	cache.Unlock()
	if ok {
		return rc
	}
	rc = build(ranges)
	cache.Lock()
	if cache.m == nil {
		cache.m = make(map[string]*revClass)
	}
	if len(cache.m) < maxCachedClasses {
		cache.m[key] = rc
	}
	cache.Unlock()
	return rc
}

// classKey identifies a class by its ranges' backing array and length.
type classKey struct {
	first *rune
	n     int
}

// newRevClass builds the reverse automaton of the class ranges.
func newRevClass(ranges []rune) *revClass {
	fwd, root, end := scratchTrie(ranges)
	rc := &revClass{}
	if root == failState {
		return rc
	}
	b := revBuilder{rc: rc, root: root, into: make(map[StateID][]revEdge), memo: make(map[string]int)}
	for x, st := range fwd.states {
		switch st.Kind {
		case ByteRange:
			b.into[st.Next] = append(b.into[st.Next], revEdge{StateID(x), st.Lo, st.Hi})
		case Sparse:
			for _, t := range fwd.transitions(&st) {
				b.into[t.Next] = append(b.into[t.Next], revEdge{StateID(x), t.Lo, t.Hi})
			}
		}
	}
	b.build([]StateID{end})
	return rc
}

// A revEdge is a forward trie edge into some node, from node from on
// bytes lo-hi.
type revEdge struct {
	from   StateID
	lo, hi byte
}

type revBuilder struct {
	rc   *revClass
	root StateID
	into map[StateID][]revEdge
	memo map[string]int // state index by its set of trie nodes
}

// build returns the index of the state for the set q of forward trie
// nodes (sorted), or revAccept when q is the root alone: the whole
// sequence has been read. The root is never in a set with other nodes,
// because only lead bytes (00-7F, C2-F4) lead out of it and only
// continuation bytes (80-BF) lead out of the others.
func (b *revBuilder) build(q []StateID) int {
	if len(q) == 1 && q[0] == b.root {
		return revAccept
	}
	key := setKey(q)
	if i, ok := b.memo[key]; ok {
		return i
	}
	// The sources of the edges into q, byte by byte; consecutive bytes
	// with the same sources become one transition.
	var bySource [256][]StateID
	for _, y := range q {
		for _, e := range b.into[y] {
			for c := int(e.lo); c <= int(e.hi); c++ {
				bySource[c] = append(bySource[c], e.from)
			}
		}
	}
	var trans []revTrans
	var prev []StateID
	prevTo := revAccept
	for c := range 256 {
		p := bySource[c]
		if len(p) == 0 {
			prev = nil
			continue
		}
		slices.Sort(p)
		p = slices.Compact(p)
		if n := len(trans); n > 0 && int(trans[n-1].hi)+1 == c && slices.Equal(p, prev) {
			trans[n-1].hi = byte(c)
			continue
		}
		to := prevTo
		if !slices.Equal(p, prev) {
			to = b.build(p)
		}
		if n := len(trans); n > 0 && trans[n-1].to == to && int(trans[n-1].hi)+1 == c {
			trans[n-1].hi = byte(c)
		} else {
			trans = append(trans, revTrans{byte(c), byte(c), to})
		}
		prev, prevTo = p, to
	}
	b.rc.states = append(b.rc.states, trans)
	i := len(b.rc.states) - 1
	b.memo[key] = i
	return i
}

// setKey encodes a set of states as a map key.
func setKey(q []StateID) string {
	buf := make([]byte, 4*len(q))
	for i, x := range q {
		binary.LittleEndian.PutUint32(buf[4*i:], uint32(x))
	}
	return string(buf)
}

// instantiate emits the states of rc leading to next and returns its
// entry, or failState for an empty class. The automaton already shares
// its identical subtrees, and its states all lead to next, different for
// each copy, so they are emitted as they are, without looking for
// identical states in the program.
func (c *compiler) instantiate(rc *revClass, next StateID) StateID {
	if len(rc.states) == 0 {
		return failState
	}
	trans := 0
	for _, ts := range rc.states {
		if len(ts) > 1 {
			trans += len(ts)
		}
	}
	c.states = growDoubling(c.states, len(rc.states))
	c.trans = growDoubling(c.trans, trans)
	ids := make([]StateID, len(rc.states))
	target := func(t revTrans) StateID {
		if t.to == revAccept {
			return next
		}
		return ids[t.to]
	}
	for i, ts := range rc.states {
		if len(ts) == 1 {
			ids[i] = c.emit(State{Kind: ByteRange, Lo: ts[0].lo, Hi: ts[0].hi, Next: target(ts[0])})
			continue
		}
		first := len(c.trans)
		for _, t := range ts {
			c.trans = append(c.trans, Transition{Lo: t.lo, Hi: t.hi, Next: target(t)})
		}
		ids[i] = c.emit(State{Kind: Sparse, TransStart: uint32(first), TransEnd: uint32(len(c.trans))})
	}
	return ids[len(ids)-1]
}

// growDoubling returns s with room for n more elements, at least doubling
// its capacity when it must grow. append grows large slices by a quarter
// at a time, and a program copying a big class a dozen times (\p{L}{8,13}:
// 3,790 states, 13,061 transitions) then spent as long copying its arrays
// as building them.
func growDoubling[T any](s []T, n int) []T {
	if cap(s)-len(s) >= n {
		return s
	}
	grown := make([]T, len(s), max(2*cap(s), len(s)+n))
	copy(grown, s)
	return grown
}

// trimmed returns s, or a copy of exactly its length when more than an
// eighth of its capacity, and more than minTrim elements, are unused.
// The program keeps its arrays for as long as the pattern lives, and
// growDoubling can leave up to half of them empty: (\pL|\pN){300} had
// room for 152,832 states and 582,656 transitions holding 96,015 and
// 341,409, 3.3 MB of the 14.5 MB it kept. A small program is left alone:
// the copy would cost an allocation per Compile to save a few bytes.
func trimmed[T any](s []T) []T {
	if unused := cap(s) - len(s); unused <= minTrim || unused <= cap(s)/8 {
		return s
	}
	return append(make([]T, 0, len(s)), s...)
}

// minTrim is the fewest unused elements for which trimmed copies an array.
const minTrim = 1024
