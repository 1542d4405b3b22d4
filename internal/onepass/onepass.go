// Package onepass runs anchored searches of one-pass programs: programs in
// which, at every point of a match, the next input byte alone decides the
// single way forward, so one left-to-right scan with one set of capture
// slots finds the match and its submatches.
//
// Trade-offs: each input byte costs a short scan of the few transitions
// that leave the current point, with no thread lists and no backtracking,
// so this is the fastest engine that reports submatches, and it needs no
// memory proportional to the input. But it runs only searches anchored at
// their start (the regexp package uses it for patterns beginning with \A,
// such as ^(\w+)@(\w+)\.com$), and only programs [New] accepts; for any
// other program New returns nil.
//
// New precomputes, for every point the scan can reach (the start state and
// the target of every consuming state), the epsilon closure: the states
// that consume input or match, in priority order, each with the
// assertions and capture slots met on the epsilon path leading to it. A
// program is accepted when every closure is a tree (no state is reached
// twice, so no two paths compete for it) and the byte sets of its
// consuming states are pairwise disjoint. Then at most one consuming state
// can take the next byte, and the scan reproduces the Pike VM's choices
// exactly: in leftmost-first mode a Match of higher priority than the
// state taking the next byte ends the search, one of lower priority is
// kept in case the path dies later; in leftmost-longest mode every Match
// on the path is kept until a later one replaces it. The decision is
// conservative: a program whose choices could be settled only by looking
// further ahead (such as é|è, whose UTF-8 encodings share a first byte)
// is rejected, and the caller runs another engine.
//
// An [nfa.InvalidByte] state may share lead bytes with the byte states of
// multi-byte runes; it takes the byte exactly when UTF-8 decoding fails
// there ([nfa.InvalidAt]), and then no valid sequence starts at that byte,
// so every byte path would die before reaching a Match. Choosing by
// InvalidAt first is therefore exact too.
package onepass

import (
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
)

// maxBuildSteps bounds the work of [New] beyond a few steps per state: a
// program whose closures are large enough to exceed it is rejected rather
// than analysed in quadratic time.
const maxBuildSteps = 1 << 20

// OnePass is the one-pass matcher for one program. It is read-only after
// [New] and may be used by many goroutines at once, each with its own
// [Cache].
type OnePass struct {
	prog   *nfa.Prog
	nodes  []node
	terms  []term
	slots  []uint32 // the capture slots of every term's path, in path order
	nodeOf []int32  // the node that begins at each state, -1 if none
	start  int32    // the node of prog.Start

	// With a table (steps not nil), the byte-consuming term a node
	// takes a byte with, and where it leads, is one lookup instead of a
	// scan of the node's terms: steps[node*numClasses+classes[b]].
	// Bytes in one class are taken alike by every state of the program.
	classes    nfa.ByteClasses
	numClasses int
	steps      []step
}

// A step is the term of a node that takes a byte (-1 for none) and the
// node it leads to.
type step struct {
	term, node int32
	// simple says that the term needs no assertion and records no
	// slot, and that the node it leads to has no Match, InvalidByte or
	// assertion terms: Search's fast loop then takes the next byte too.
	simple bool
	// slots says that the term records slots.
	slots bool
}

// maxSteps caps the table at 2 MiB; a program with more nodes and byte
// classes than that scans each node's terms instead.
const maxSteps = 1 << 18

// A node is the epsilon closure of one state: the terms terms[first:end]
// in priority order.
type node struct {
	first, end int32
	// match is the index in terms of the Match term, -1 if there is none.
	match int32
	// invalid is the index in terms of the InvalidByte term, -1 if there
	// is none.
	invalid int32
	// looks reports whether some term needs assertions, so that the scan
	// computes them only where they matter.
	looks bool
}

// plain reports that the node has no Match, InvalidByte or assertion
// terms, so its byte-consuming term alone decides the next step.
func (nd *node) plain() bool {
	return !nd.looks && nd.match < 0 && nd.invalid < 0
}

// A term is a consuming or Match state reached by the closure of a node,
// with what the epsilon path to it requires and records.
type term struct {
	state nfa.StateID
	// need holds the assertions on the path; all must hold at the
	// position for the path to be taken.
	need nfa.LookSet
	// slots[slotLo:slotHi] are the capture slots the path sets to the
	// current position.
	slotLo, slotHi int32
}

// New returns a one-pass matcher for prog, or nil when prog is not one-pass
// (see the package documentation), is a reverse program or has
// [nfa.RuneClass] states.
//
// RuneClass states are rejected outright, which is conservative: only
// programs too large for a DFA have them (\pL{1000}), and there a
// one-pass analysis whose tables grow with the program's classes would
// not pay.
func New(prog *nfa.Prog) *OnePass {
	if prog.Reverse || len(prog.States) == 0 || len(prog.RuneSets) > 0 {
		return nil
	}
	b := builder{
		e: &OnePass{
			prog:   prog,
			nodeOf: make([]int32, len(prog.States)),
		},
		seen:   make([]uint32, len(prog.States)),
		budget: maxBuildSteps + 8*len(prog.States),
	}
	for i := range b.e.nodeOf {
		b.e.nodeOf[i] = -1
	}
	b.e.start = b.enqueue(prog.Start)
	for len(b.queue) > 0 {
		id := b.queue[len(b.queue)-1]
		b.queue = b.queue[:len(b.queue)-1]
		if !b.closure(id) {
			return nil
		}
	}
	b.e.buildSteps()
	return b.e
}

// buildSteps computes the byte classes of the program and, when the table
// is small enough, the step of every node on every class.
func (e *OnePass) buildSteps() {
	var set nfa.ByteClassSet
	set.AddProg(e.prog)
	set.AddRange(utf8.RuneSelf, 0xff) // InvalidByte is checked from here up
	e.classes = set.Classes()
	e.numClasses = e.classes.Len()
	if len(e.nodes)*e.numClasses > maxSteps {
		return
	}
	e.steps = make([]step, len(e.nodes)*e.numClasses)
	for i := range e.steps {
		e.steps[i] = step{term: -1}
	}
	for ni, nd := range e.nodes {
		row := e.steps[ni*e.numClasses : (ni+1)*e.numClasses]
		take := func(ti int32, lo, hi byte, to nfa.StateID) {
			for c := e.classes[lo]; ; c++ {
				row[c] = step{term: ti, node: e.nodeOf[to]}
				if c == e.classes[hi] {
					break
				}
			}
		}
		for ti := nd.first; ti < nd.end; ti++ {
			st := &e.prog.States[e.terms[ti].state]
			switch st.Kind {
			case nfa.ByteRange:
				take(ti, st.Lo, st.Hi, st.Next)
			case nfa.Sparse:
				for _, t := range e.prog.Transitions(st) {
					take(ti, t.Lo, t.Hi, t.Next)
				}
			}
		}
	}
	for i := range e.steps {
		st := &e.steps[i]
		if st.term < 0 {
			continue
		}
		t := &e.terms[st.term]
		next := &e.nodes[st.node]
		st.slots = t.slotLo < t.slotHi
		st.simple = t.need == 0 && !st.slots && !next.looks && next.match < 0 && next.invalid < 0
	}
}

// A builder holds the scratch state of [New].
type builder struct {
	e     *OnePass
	queue []nfa.StateID // states whose node is yet to be built
	// seen[id] == epoch marks the states the current closure reached.
	seen   []uint32
	epoch  uint32
	stack  []closureStep
	path   []uint32 // the capture slots on the path being followed
	budget int
}

// A closureStep is a state still to explore in a closure, with the
// assertions and the length of the capture path on the way to it.
type closureStep struct {
	id      nfa.StateID
	need    nfa.LookSet
	pathLen int
}

// enqueue returns the node index of the node beginning at id, reserving
// one and queueing id for [builder.closure] the first time.
func (b *builder) enqueue(id nfa.StateID) int32 {
	if n := b.e.nodeOf[id]; n >= 0 {
		return n
	}
	n := int32(len(b.e.nodes))
	b.e.nodes = append(b.e.nodes, node{})
	b.e.nodeOf[id] = n
	b.queue = append(b.queue, id)
	return n
}

// closure builds the node that begins at state id, and reports whether it
// keeps the program one-pass.
func (b *builder) closure(root nfa.StateID) bool {
	e := b.e
	states := e.prog.States
	b.epoch++
	nd := node{first: int32(len(e.terms)), match: -1, invalid: -1}
	var taken [4]uint64 // the bytes some consuming term of this node takes
	b.stack = append(b.stack[:0], closureStep{id: root})
	b.path = b.path[:0]
	for len(b.stack) > 0 {
		step := b.stack[len(b.stack)-1]
		b.stack = b.stack[:len(b.stack)-1]
		b.path = b.path[:step.pathLen]
		id, need := step.id, step.need
		for {
			if b.budget--; b.budget < 0 {
				return false
			}
			if b.seen[id] == b.epoch {
				// Two paths reach id: the Pike VM would keep the
				// first, and which that is may depend on the input.
				return false
			}
			b.seen[id] = b.epoch
			st := &states[id]
			switch st.Kind {
			case nfa.Split:
				b.stack = append(b.stack, closureStep{id: st.Alt, need: need, pathLen: len(b.path)})
				id = st.Next
				continue
			case nfa.Empty:
				id = st.Next
				continue
			case nfa.Look:
				need |= st.Look
				id = st.Next
				continue
			case nfa.Capture:
				b.path = append(b.path, st.Slot)
				id = st.Next
				continue
			case nfa.Fail:
			case nfa.Match:
				nd.match = b.addTerm(id, need)
			case nfa.InvalidByte:
				if nd.invalid >= 0 {
					return false
				}
				nd.invalid = b.addTerm(id, need)
				b.enqueue(st.Next)
			case nfa.ByteRange:
				if !takeBytes(&taken, st.Lo, st.Hi) {
					return false
				}
				b.addTerm(id, need)
				b.enqueue(st.Next)
			case nfa.Sparse:
				for _, t := range b.e.prog.Transitions(st) {
					if !takeBytes(&taken, t.Lo, t.Hi) {
						return false
					}
					b.enqueue(t.Next)
				}
				b.addTerm(id, need)
			default:
				return false
			}
			break
		}
	}
	nd.end = int32(len(e.terms))
	for _, t := range e.terms[nd.first:nd.end] {
		if t.need != 0 {
			nd.looks = true
		}
	}
	e.nodes[e.nodeOf[root]] = nd
	return true
}

// addTerm appends a term for state id reached with the assertions need
// and the current capture path, and returns its index.
func (b *builder) addTerm(id nfa.StateID, need nfa.LookSet) int32 {
	e := b.e
	lo := int32(len(e.slots))
	e.slots = append(e.slots, b.path...)
	e.terms = append(e.terms, term{state: id, need: need, slotLo: lo, slotHi: int32(len(e.slots))})
	return int32(len(e.terms) - 1)
}

// takeBytes adds the bytes lo through hi to the set taken and reports
// whether none of them was in it already.
func takeBytes(taken *[4]uint64, lo, hi byte) bool {
	for c := int(lo); c <= int(hi); c++ {
		bit := uint64(1) << (c % 64)
		if taken[c/64]&bit != 0 {
			return false
		}
		taken[c/64] |= bit
	}
	return true
}

// Cache holds the mutable memory of one search at a time: the capture
// slots of the path and of the best match. A warm Cache makes
// [OnePass.Search] allocation-free. A Cache must not be used by two
// goroutines at once.
type Cache struct {
	path []int
	best []int
}

// NewCache returns a Cache for e's program.
func (e *OnePass) NewCache() *Cache {
	n := 2 * e.prog.NumCap
	return &Cache{path: make([]int, n), best: make([]int, n)}
}

// Search finds a match starting exactly at in.Start, leftmost-first or,
// when longest is true, leftmost-longest, and reports whether there is
// one. It fills slots as the standard library does: slots[2k], slots[2k+1]
// bound group k, -1 when the group did not take part; slots past the
// program's groups are set to -1.
//
// Search treats every search as anchored, whatever in.Anchored says: the
// caller runs it only for anchored searches or for programs whose matches
// can only begin at the start of the text (those beginning with \A).
func (e *OnePass) Search(c *Cache, in *nfa.Input, longest bool, slots []int) bool {
	stride := min(len(slots), 2*e.prog.NumCap)
	if len(c.path) < stride {
		c.path = make([]int, stride)
		c.best = make([]int, stride)
	}
	path, best := c.path[:stride], c.best[:stride]
	for i := range path {
		path[i] = -1
	}
	states := e.prog.States
	hay := in.Haystack
	matched := false
	// pending says that the best match so far is path with the slots
	// of term pendTerm set to pendPos, not yet copied to best.
	pending := false
	var pendTerm int32
	var pendPos int
	ni := e.start
	for pos := in.Start; ; pos++ {
		if e.steps != nil && e.nodes[ni].plain() {
			// The fast loop: bytes that lead from node to node with
			// nothing to check or record.
			for pos < in.End {
				st := e.steps[int(ni)*e.numClasses+int(e.classes[hay[pos]])]
				if !st.simple {
					break
				}
				ni = st.node
				pos++
			}
		}
		nd := &e.nodes[ni]
		var look nfa.LookSet
		if nd.looks {
			look = nfa.LookAt(hay, pos)
		}

		// Find the one consuming term that takes the byte at pos.
		taker := int32(-1)
		var to int32
		if pos < in.End {
			if by := hay[pos]; nd.invalid >= 0 && by >= utf8.RuneSelf && nfa.InvalidAt(hay, pos) {
				taker, to = nd.invalid, e.nodeOf[states[e.terms[nd.invalid].state].Next]
			} else if e.steps != nil {
				st := e.steps[int(ni)*e.numClasses+int(e.classes[by])]
				taker, to = st.term, st.node
			} else {
				var next nfa.StateID
				if taker, next = e.takes(nd, by); taker >= 0 {
					to = e.nodeOf[next]
				}
			}
			if taker >= 0 && e.terms[taker].need&^look != 0 {
				taker = -1
			}
		}

		if m := nd.match; m >= 0 && e.terms[m].need&^look == 0 {
			if stride == 0 {
				// Only whether there is a match was asked.
				return true
			}
			// The match is path plus m's slots at pos; it is copied
			// out only if path is about to change, since a greedy
			// loop such as (\S+) matches at every byte it reads.
			pending, pendTerm, pendPos = true, m, pos
			matched = true
			if !longest && (taker < 0 || m < taker) {
				// The match outranks the path going on.
				break
			}
		}
		if taker < 0 {
			break
		}
		if t := &e.terms[taker]; t.slotLo < t.slotHi {
			if pending {
				copy(best, path)
				e.record(best, pendTerm, pendPos)
				pending = false
			}
			e.record(path, taker, pos)
		}
		ni = to
	}
	if !matched {
		return false
	}
	if pending {
		copy(best, path)
		e.record(best, pendTerm, pendPos)
	}
	copy(slots, best)
	for i := stride; i < len(slots); i++ {
		slots[i] = -1
	}
	return true
}

// takes returns the byte-consuming term of nd that takes byte by and the
// state it leads to, or -1 when none does.
func (e *OnePass) takes(nd *node, by byte) (int32, nfa.StateID) {
	for i := nd.first; i < nd.end; i++ {
		st := &e.prog.States[e.terms[i].state]
		switch st.Kind {
		case nfa.ByteRange:
			if st.Lo <= by && by <= st.Hi {
				return i, st.Next
			}
		case nfa.Sparse:
			if next := e.prog.SparseNext(st, by); next != 0 {
				return i, next
			}
		}
	}
	return -1, 0
}

// record sets the capture slots on the path of term ti to pos, leaving
// out slots past len(slots).
func (e *OnePass) record(slots []int, ti int32, pos int) {
	t := &e.terms[ti]
	for _, s := range e.slots[t.slotLo:t.slotHi] {
		if int(s) < len(slots) {
			slots[s] = pos
		}
	}
}
