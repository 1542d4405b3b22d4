package regexp

import (
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
)

// A setSim answers the scans of a dfaSet by simulating the program's
// state sets directly, without building DFA states: the same answers a
// lazy DFA gives, at NFA speed. It stands in for internal/dfa until that
// package lands, so that the strategies can be written and tested first.
type setSim struct {
	prog *nfa.Prog
	// giveUpAfter, when positive, makes every scan that reads more than
	// that many bytes fail, as a DFA whose cache thrashes gives up.
	giveUpAfter int
}

// A simCache is the scratch memory of one setSim scan at a time.
type simCache struct {
	curr, next stateSet
	stack      []nfa.StateID
}

func newSimCache(prog *nfa.Prog) *simCache {
	n := len(prog.States)
	return &simCache{curr: newStateSet(n), next: newStateSet(n)}
}

// A stateSet is an ordered set of states: the order is thread priority.
type stateSet struct {
	dense  []nfa.StateID
	sparse []uint32
}

func newStateSet(n int) stateSet {
	return stateSet{sparse: make([]uint32, n)}
}

func (s *stateSet) has(id nfa.StateID) bool {
	i := s.sparse[id]
	return int(i) < len(s.dense) && s.dense[i] == id
}

func (s *stateSet) add(id nfa.StateID) {
	s.sparse[id] = uint32(len(s.dense))
	s.dense = append(s.dense, id)
}

// closure adds to set the states reachable from id at position pos of h
// without consuming input, in priority order, and reports whether a Match
// state was reached. With cut, the closure stops at the first Match: every
// state after it has lower priority and loses to it (leftmost-first).
func (m *setSim) closure(c *simCache, set *stateSet, id nfa.StateID, h []byte, pos int, cut bool) bool {
	matched := false
	c.stack = append(c.stack[:0], id)
	for len(c.stack) > 0 {
		id := c.stack[len(c.stack)-1]
		c.stack = c.stack[:len(c.stack)-1]
		if set.has(id) {
			continue
		}
		set.add(id)
		st := &m.prog.States[id]
		switch st.Kind {
		case nfa.Match:
			matched = true
			if cut {
				c.stack = c.stack[:0]
				return true
			}
		case nfa.Split:
			c.stack = append(c.stack, st.Alt, st.Next)
		case nfa.Capture, nfa.Empty:
			c.stack = append(c.stack, st.Next)
		case nfa.Look:
			if nfa.LookAt(h, pos)&st.Look != 0 {
				c.stack = append(c.stack, st.Next)
			}
		}
	}
	return matched
}

// step moves the threads of c.curr over the byte at pos (forward) or
// before it (reverse) into c.next.
func (m *setSim) step(c *simCache, h []byte, pos, to int, reverse, cut bool) (matched bool) {
	c.next.dense = c.next.dense[:0]
	b := h[pos]
	for _, id := range c.curr.dense {
		st := &m.prog.States[id]
		next := nfa.StateID(0)
		switch st.Kind {
		case nfa.ByteRange:
			if st.Lo <= b && b <= st.Hi {
				next = st.Next
			}
		case nfa.Sparse:
			for _, t := range m.prog.Transitions(st) {
				if t.Lo <= b && b <= t.Hi {
					next = t.Next
					break
				}
			}
		case nfa.InvalidByte:
			if !reverse && nfa.InvalidAt(h, pos) {
				next = st.Next
			}
		case nfa.Match:
			if cut {
				// Threads after a match lose to it.
				c.curr, c.next = c.next, c.curr
				return matched
			}
		}
		if next != 0 && m.closure(c, &c.next, next, h, to, cut) {
			matched = true
			if cut {
				break
			}
		}
	}
	c.curr, c.next = c.next, c.curr
	return matched
}

// forward scans in.Haystack from in.Start towards in.End, and also
// reports the position it read up to.
func (m *setSim) forward(c *simCache, in *nfa.Input, mode dfaMode) (int, dfaResult, int) {
	h := in.Haystack
	start := m.prog.StartUnanchored
	if in.Anchored || mode == dfaAnchoredLongest {
		start = m.prog.Start
	}
	cut := mode == dfaLeftmostFirst
	c.curr.dense = c.curr.dense[:0]
	end := -1
	if m.closure(c, &c.curr, start, h, in.Start, cut) {
		end = in.Start
		if mode == dfaEarliest {
			return end, dfaMatch, in.Start
		}
	}
	pos := in.Start
	for ; pos < in.End && len(c.curr.dense) > 0; pos++ {
		if m.giveUpAfter > 0 && pos-in.Start > m.giveUpAfter {
			return 0, dfaFail, pos
		}
		if m.step(c, h, pos, pos+1, false, cut) {
			end = pos + 1
			if mode == dfaEarliest {
				return end, dfaMatch, end
			}
		}
	}
	if end < 0 {
		return 0, dfaNoMatch, pos
	}
	return end, dfaMatch, pos
}

// reverse scans a reversed program back from in.End towards in.Start and
// reports the smallest start of a match ending at in.End, and the lowest
// position it read back to. Like a DFA, it cannot read invalid UTF-8, and
// fails on it.
func (m *setSim) reverse(c *simCache, in *nfa.Input) (int, dfaResult, int) {
	h := in.Haystack
	c.curr.dense = c.curr.dense[:0]
	start := -1
	if m.closure(c, &c.curr, m.prog.Start, h, in.End, false) {
		start = in.End
	}
	pos := in.End
	for ; pos > in.Start && len(c.curr.dense) > 0; pos-- {
		if m.giveUpAfter > 0 && in.End-pos > m.giveUpAfter {
			return 0, dfaFail, pos
		}
		if m.step(c, h, pos-1, pos-1, true, false) {
			start = pos - 1
		}
	}
	// Only the bytes read must be valid UTF-8 (from a rune start, which
	// every non-continuation byte is): checking them after the scan
	// costs what the scan cost, where checking the whole range would
	// make a search that scans back from many candidates quadratic.
	lo := pos
	for lo > in.Start && lo < in.End && !utf8.RuneStart(h[lo]) {
		lo--
	}
	if !utf8.Valid(h[lo:in.End]) {
		return 0, dfaFail, lo
	}
	if start < 0 {
		return 0, dfaNoMatch, pos
	}
	return start, dfaMatch, pos
}

// memory returns the bytes c holds.
func (c *simCache) memory() int {
	const id = 4 // bytes of a StateID and of a sparse index
	return id * (cap(c.curr.dense) + cap(c.curr.sparse) + cap(c.next.dense) + cap(c.next.sparse) + cap(c.stack))
}
