package readsearch

import (
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
)

// vm is a Pike VM that is fed the text as it arrives: the breadth-first
// simulation of internal/pikevm, with positions that are offsets into the
// stream, so that it keeps no text behind it but the byte before the
// position it is at (for the assertions). Each thread carries its capture
// slots, so the match and its groups come out of one pass, and the
// threads' starts say how much text a match in progress may still need.
//
// Beyond the match, it reports where the standard library's machines
// stop reading (see stop), since the reader methods must consume what
// the standard library consumes.
type vm struct {
	prog *nfa.Prog
	// longest selects leftmost-longest; earliest stops at the first
	// match end, as the standard library does when no slot is asked for;
	// anchored seeds a thread only at start.
	longest, earliest, anchored bool
	stride                      int

	start    int // where the search began
	pos      int // the next position to process
	boundary int // the next rune boundary at or after pos
	last     int // the rune boundary before boundary
	// arrived is the last position some thread reached by consuming a
	// byte (or start, where the first thread is seeded).
	arrived int
	matched bool
	// seeded is set once the work at the rune boundary pos is done.
	seeded bool
	// invalid is set when the rune at the boundary last is an invalid
	// byte.
	invalid bool

	curr, next threadList
	stack      []frame
	scratch    []int
	best       []int

	// stopAt and stopOnePass are where the standard library's Pike VM
	// and one-pass machine stop, once status is vmStopped.
	stopAt, stopOnePass int
}

// vmStatus is what vm.run stopped on.
type vmStatus uint8

const (
	// vmMore: the next position needs more text (the byte after it,
	// for the assertions there).
	vmMore vmStatus = iota
	// vmStopped: the search is over; see matched, best and stopAt.
	vmStopped
	// vmIdle: no thread is alive and nothing matched, at a rune
	// boundary at or after the resume position the caller gave: a
	// faster engine may take over from there.
	vmIdle
)

type threadList struct {
	seen    sparseSet
	threads []nfa.StateID
	slots   []int
}

func (l *threadList) clear() {
	l.seen.clear()
	l.threads = l.threads[:0]
	l.slots = l.slots[:0]
}

type frame struct {
	sid     nfa.StateID
	restore bool
	slot    int
	value   int
}

// reset prepares m for a search beginning at the rune boundary start.
func (m *vm) reset(prog *nfa.Prog, start, stride int, longest, earliest, anchored bool) {
	if m.prog != prog {
		n := len(prog.States)
		m.curr = threadList{seen: newSparseSet(n)}
		m.next = threadList{seen: newSparseSet(n)}
		m.prog = prog
	}
	m.longest, m.earliest, m.anchored = longest, earliest, anchored
	m.stride = stride
	if cap(m.scratch) < stride {
		m.scratch = make([]int, stride)
		m.best = make([]int, stride)
	}
	m.scratch, m.best = m.scratch[:stride], m.best[:stride]
	m.start, m.pos, m.boundary, m.last, m.arrived = start, start, start, start, start
	m.matched, m.seeded = false, false
	m.curr.clear()
	m.next.clear()
}

// run processes the positions it can in b, the text from stream offset
// base up to the end of what has been read (the end of the text when
// eof). Positions before m.pos must not be needed any more: b must
// start at or before m.pos-1 (or at 0). resume is the earliest position
// at which run may report vmIdle.
func (m *vm) run(b []byte, base int, eof bool, resume int) vmStatus {
	prog := m.prog
	stride := m.stride
	for {
		p := m.pos
		i := p - base
		if p == m.boundary && !m.seeded {
			// The top of the standard library's loop, where it
			// decides to stop. Its queue at p holds every state that
			// a thread arriving at p visited, consuming or not, so it
			// is empty exactly when no thread arrived.
			if m.arrived != p && (m.matched || m.anchored && p != m.start) {
				m.stopAt = p
				m.stopOnePass = m.last
				return vmStopped
			}
			if len(m.curr.threads) == 0 && !m.matched && !m.anchored && p >= resume && p != m.start {
				return vmIdle
			}
			if !eof && i >= len(b) {
				return vmMore
			}
			if !m.matched && (!m.anchored || p == m.start) {
				for k := range m.scratch {
					m.scratch[k] = -1
				}
				m.closure(&m.curr, prog.Start, b, i, p)
			}
			m.last = p
			w := runeWidth(b, i)
			m.boundary = p + w
			// Where decoding fails, the rune is one invalid byte: a
			// thread taking the byte as the start of a sequence would
			// die within it, but would look alive at the boundary
			// after it, where the standard library has none.
			m.invalid = w == 1 && b[i] >= utf8.RuneSelf
			m.seeded = true
		}
		if !eof && i+1 >= len(b) {
			return vmMore
		}
		atEnd := i >= len(b)

		for j := 0; j < len(m.curr.threads); j++ {
			ts := m.curr.slots[j*stride : (j+1)*stride]
			if m.longest && m.matched && stride > 0 && m.best[0] < ts[0] {
				continue
			}
			st := &prog.States[m.curr.threads[j]]
			var to nfa.StateID
			kind := st.Kind
			if m.invalid && p == m.last && (kind == nfa.ByteRange || kind == nfa.Sparse) {
				kind = nfa.Fail
			}
			switch kind {
			case nfa.Match:
				if m.earliest {
					m.matched = true
					m.stopAt, m.stopOnePass = p, p
					return vmStopped
				}
				if stride > 0 && (!m.longest || !m.matched || m.best[1] < p) {
					copy(m.best, ts)
				}
				m.matched = true
				if !m.longest {
					j = len(m.curr.threads)
				}
				continue
			case nfa.ByteRange:
				if !atEnd && st.Lo <= b[i] && b[i] <= st.Hi {
					to = st.Next
				}
			case nfa.Sparse:
				if !atEnd {
					to = prog.SparseNext(st, b[i])
				}
			case nfa.InvalidByte:
				if !atEnd && nfa.InvalidAt(b, i) {
					to = st.Next
				}
			}
			if to != 0 {
				copy(m.scratch, ts)
				m.closure(&m.next, to, b, i+1, p+1)
				m.arrived = p + 1
			}
		}
		if atEnd {
			m.stopAt, m.stopOnePass = p, p
			return vmStopped
		}
		m.curr, m.next = m.next, m.curr
		m.next.clear()
		m.pos++
		m.seeded = false
	}
}

// closure adds to l the threads reachable from sid by epsilon moves at
// position p (index i of b), in priority order, carrying m.scratch.
func (m *vm) closure(l *threadList, sid nfa.StateID, b []byte, i, p int) {
	states := m.prog.States
	scratch := m.scratch
	var look nfa.LookSet
	haveLook := false
	stack := append(m.stack[:0], frame{sid: sid})
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.restore {
			scratch[f.slot] = f.value
			continue
		}
		for id := f.sid; ; {
			if l.seen.contains(id) {
				break
			}
			l.seen.insert(id)
			st := &states[id]
			switch st.Kind {
			case nfa.Split:
				stack = append(stack, frame{sid: st.Alt})
				id = st.Next
				continue
			case nfa.Empty:
				id = st.Next
				continue
			case nfa.Look:
				if !haveLook {
					look, haveLook = nfa.LookAt(b, i), true
				}
				if look&st.Look == 0 {
					break
				}
				id = st.Next
				continue
			case nfa.Capture:
				if slot := int(st.Slot); slot < len(scratch) {
					stack = append(stack, frame{restore: true, slot: slot, value: scratch[slot]})
					scratch[slot] = p
				}
				id = st.Next
				continue
			case nfa.Match, nfa.ByteRange, nfa.Sparse, nfa.InvalidByte:
				l.threads = append(l.threads, id)
				l.slots = append(l.slots, scratch...)
			}
			break
		}
	}
	m.stack = stack[:0]
}

// runeWidth returns the width of the rune at b[i] as the standard library
// decodes it: 1 for an invalid byte, 0 at the end.
func runeWidth(b []byte, i int) int {
	if i >= len(b) {
		return 0
	}
	if b[i] < utf8.RuneSelf {
		return 1
	}
	_, w := utf8.DecodeRune(b[i:])
	return w
}

// A sparseSet is a set of states with constant-time insert, lookup and
// clear, in insertion order.
type sparseSet struct {
	dense  []nfa.StateID
	sparse []uint32
}

func newSparseSet(n int) sparseSet {
	return sparseSet{dense: make([]nfa.StateID, 0, n), sparse: make([]uint32, n)}
}

func (s *sparseSet) contains(id nfa.StateID) bool {
	i := s.sparse[id]
	return int(i) < len(s.dense) && s.dense[i] == id
}

func (s *sparseSet) insert(id nfa.StateID) {
	s.sparse[id] = uint32(len(s.dense))
	s.dense = append(s.dense, id)
}

func (s *sparseSet) clear() { s.dense = s.dense[:0] }
