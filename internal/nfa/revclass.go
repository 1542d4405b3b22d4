package nfa

import (
	"encoding/binary"
	"slices"
	"sync"
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

// revClassCache keeps the reverse automata built so far in this process,
// by the class's ranges: \w, \s or \pL come up in pattern after pattern,
// and \pL's takes milliseconds to build. Automata are never modified, so
// compilers share them. The cache holds at most maxCachedRevClasses.
var revClassCache struct {
	sync.Mutex
	m map[string]*revClass
}

const maxCachedRevClasses = 256

// sharedRevClass returns the reverse automaton of ranges from the cache,
// building and caching it when it is not there.
func sharedRevClass(ranges []rune) *revClass {
	buf := make([]byte, 4*len(ranges))
	for i, r := range ranges {
		binary.LittleEndian.PutUint32(buf[4*i:], uint32(r))
	}
	key := string(buf)
	revClassCache.Lock()
	rc, ok := revClassCache.m[key]
	revClassCache.Unlock()
	if ok {
		return rc
	}
	rc = newRevClass(ranges)
	revClassCache.Lock()
	if revClassCache.m == nil {
		revClassCache.m = make(map[string]*revClass)
	}
	if len(revClassCache.m) < maxCachedRevClasses {
		revClassCache.m[key] = rc
	}
	revClassCache.Unlock()
	return rc
}

// classKey identifies a class by its ranges' backing array and length.
type classKey struct {
	first *rune
	n     int
}

// newRevClass builds the reverse automaton of the class ranges.
func newRevClass(ranges []rune) *revClass {
	// The forward trie, built in a scratch compiler: its nodes are
	// the states between its Match state and root.
	fwd := &compiler{
		maxStates: DefaultMaxStates,
		ranges:    make(map[rangeKey]StateID),
		sparse:    make(map[string]StateID),
	}
	fwd.emit(State{Kind: Fail})
	end := fwd.emit(State{Kind: Match})
	root := fwd.forwardClass(ranges, end)
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
			for _, t := range st.Trans {
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
// entry, or failState for an empty class.
func (c *compiler) instantiate(rc *revClass, next StateID) StateID {
	if len(rc.states) == 0 {
		return failState
	}
	ids := make([]StateID, len(rc.states))
	var trans []Transition
	for i, ts := range rc.states {
		trans = trans[:0]
		for _, t := range ts {
			to := next
			if t.to != revAccept {
				to = ids[t.to]
			}
			trans = append(trans, Transition{Lo: t.lo, Hi: t.hi, Next: to})
		}
		ids[i] = c.node(trans)
	}
	return ids[len(ids)-1]
}
