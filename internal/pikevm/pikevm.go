// Package pikevm runs an [nfa.Prog] as a Pike VM: a breadth-first
// simulation that advances every live thread of the automaton one input
// byte at a time.
//
// Trade-offs: it handles every program and every input, reports
// submatches, and takes time O(len(prog.States) * len(input)) whatever the
// pattern, because each state holds at most one thread per position. That
// generality makes it the slowest engine per byte: each byte visits every
// live thread and copies capture slots along epsilon paths. It is the
// engine of last resort, and the reference the faster ones are tested
// against.
//
// Threads are kept in priority order and a state already holding a
// thread refuses later (lower-priority) ones, which is how the standard
// library's machine picks the leftmost-first match and its submatches.
// The epsilon closure follows Split states with an explicit stack, not
// recursion, since alternations of thousands of words make Split chains
// that deep.
//
// A [nfa.RuneClass] state consumes a whole character of up to four bytes
// while the other threads advance byte by byte. Every consuming state
// reads whole characters from a rune boundary, so closures only happen
// at rune boundaries and every RuneClass thread at one position steps
// over the same character. A thread that steps over a character of w > 1
// bytes is parked: it stays in the list, in its priority place, at its
// RuneClass state (not marked seen, so it blocks nothing), and is copied
// to the next list at each byte until the character's last byte, where
// its closure is taken from Next in that same place. At a rune boundary
// a RuneClass thread is a fresh one; inside a character, a parked one.
package pikevm

import (
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
)

// VM is a Pike VM for one program. It is read-only after [New] and may be
// used by many goroutines at once, each with its own [Cache].
type VM struct {
	prog *nfa.Prog
}

// New prepares a Pike VM for prog.
func New(prog *nfa.Prog) *VM {
	return &VM{prog: prog}
}

// Cache holds the mutable memory of one search at a time: the thread lists
// of the current and next position, the closure stack and scratch slots.
// A warm Cache makes [VM.Search] allocation-free. A Cache must not be used
// by two goroutines at once.
type Cache struct {
	curr, next threadList
	stack      []frame
	scratch    []int // the slots of the path the closure is following
	best       []int // the slots of the best match so far

	// at is the last rune boundary a search reached; decoded, r and w
	// the character there once a RuneClass thread has decoded it (see
	// runeStep).
	at, decoded int
	r           rune
	w           int
}

// NewCache returns a Cache sized for e's program.
func (e *VM) NewCache() *Cache {
	n := len(e.prog.States)
	return &Cache{
		curr: newThreadList(n),
		next: newThreadList(n),
	}
}

// A threadList is the set of threads at one position: every state the
// closure reached (so no state is entered twice) and, in priority order,
// the threads parked at a consuming or Match state with their slots.
type threadList struct {
	seen    sparseSet
	threads []nfa.StateID
	slots   []int // len(threads) * stride
}

func newThreadList(n int) threadList {
	return threadList{seen: newSparseSet(n)}
}

func (l *threadList) clear() {
	l.seen.clear()
	l.threads = l.threads[:0]
	l.slots = l.slots[:0]
}

// park appends a thread at the RuneClass state id that is inside a
// character, without marking id seen: at the next position it is not at
// a rune boundary, so no closure can reach id there.
func (l *threadList) park(id nfa.StateID, slots []int) {
	l.threads = append(l.threads, id)
	l.slots = append(l.slots, slots...)
}

// A frame is one pending step of the closure: either explore the state
// sid, or (when restore) put value back into scratch slot slot after the
// paths through a Capture state are done.
type frame struct {
	sid     nfa.StateID
	restore bool
	slot    int
	value   int
}

// Search finds the leftmost match in in, leftmost-first or, when longest
// is true, leftmost-longest, and reports whether there is one. It fills
// slots with the match's capture positions as the standard library does:
// slots[2k], slots[2k+1] bound group k, -1 when the group did not take
// part. Slots past the program's groups are set to -1.
func (e *VM) Search(c *Cache, in *nfa.Input, longest bool, slots []int) bool {
	prog := e.prog
	stride := min(len(slots), 2*prog.NumCap)
	if len(c.scratch) < stride {
		c.scratch = make([]int, stride)
		c.best = make([]int, stride)
	}
	scratch, best := c.scratch[:stride], c.best[:stride]
	curr, next := &c.curr, &c.next
	curr.clear()
	next.clear()

	hay := in.Haystack
	matched := false
	boundary := in.Start // the next rune boundary at or after pos
	c.decoded = -1
	for pos := in.Start; ; pos++ {
		if len(curr.threads) == 0 && (matched || in.Anchored && pos > in.Start) {
			break
		}
		if pos == boundary {
			if !matched && (!in.Anchored || pos == in.Start) {
				for i := range scratch {
					scratch[i] = -1
				}
				e.closure(c, curr, prog.Start, hay, pos, scratch)
			}
			c.at = pos
			boundary += runeWidth(hay, pos)
		}

		// Run the threads over the byte at pos, in priority order.
		for j := 0; j < len(curr.threads); j++ {
			tslots := curr.slots[j*stride : (j+1)*stride]
			if longest && matched && stride > 0 && best[0] < tslots[0] {
				// Started after the match we have: cannot be leftmost.
				continue
			}
			st := &prog.States[curr.threads[j]]
			var to nfa.StateID
			switch st.Kind {
			case nfa.Match:
				if stride == 0 {
					return true
				}
				if !longest || !matched || best[1] < pos {
					copy(best, tslots)
				}
				matched = true
				if !longest {
					// Leftmost-first: every later thread has lower
					// priority than this match.
					j = len(curr.threads)
				}
				continue
			case nfa.ByteRange:
				if pos < in.End && st.Lo <= hay[pos] && hay[pos] <= st.Hi {
					to = st.Next
				}
			case nfa.Sparse:
				if pos < in.End {
					to = e.prog.SparseNext(st, hay[pos])
				}
			case nfa.InvalidByte:
				if pos < in.End && nfa.InvalidAt(hay, pos) {
					to = st.Next
				}
			default:
				// RuneClass, off the byte states' path.
				to = e.runeStep(c, next, st, curr.threads[j], tslots, hay, pos, boundary, in.End)
			}
			if to != 0 {
				copy(scratch, tslots)
				e.closure(c, next, to, hay, pos+1, scratch)
			}
		}
		if pos >= in.End {
			break
		}
		curr, next = next, curr
		next.clear()
	}
	if !matched {
		return false
	}
	copy(slots, best)
	for i := stride; i < len(slots); i++ {
		slots[i] = -1
	}
	return true
}

// closure adds to l the threads reachable from sid by epsilon transitions
// at position pos, carrying the slots in scratch, in priority order: the
// preferred branch of each Split entirely before the other one.
// scratch is left as it was found.
func (e *VM) closure(c *Cache, l *threadList, sid nfa.StateID, hay []byte, pos int, scratch []int) {
	states := e.prog.States
	var look nfa.LookSet
	haveLook := false
	stack := append(c.stack[:0], frame{sid: sid})
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
					look, haveLook = nfa.LookAt(hay, pos), true
				}
				if look&st.Look == 0 {
					break
				}
				id = st.Next
				continue
			case nfa.Capture:
				if slot := int(st.Slot); slot < len(scratch) {
					stack = append(stack, frame{restore: true, slot: slot, value: scratch[slot]})
					scratch[slot] = pos
				}
				id = st.Next
				continue
			case nfa.Fail:
			default:
				// Match and the consuming states.
				l.threads = append(l.threads, id)
				l.slots = append(l.slots, scratch...)
			}
			break
		}
	}
	c.stack = stack[:0]
}

// runeStep runs the RuneClass thread id (state st, slots tslots) over the
// byte at pos, where boundary is the next rune boundary after pos, and
// returns the state whose closure at pos+1 the thread goes on to, or 0
// when it dies, is parked (see the package documentation) or was added to
// next here. It is kept out of Search's loop, which byte programs run.
func (e *VM) runeStep(c *Cache, next *threadList, st *nfa.State, id nfa.StateID, tslots []int, hay []byte, pos, boundary, end int) nfa.StateID {
	var to nfa.StateID
	if pos != c.at {
		// A parked thread inside its character.
		if pos+1 < boundary {
			next.park(id, tslots)
			return 0
		}
		to = st.Next
	} else {
		// A fresh thread: step over the character, decoded once for
		// every RuneClass thread at this boundary.
		if c.decoded != pos {
			c.r, c.w = runeAt(hay, pos)
			c.decoded = pos
		}
		w := c.w
		if w == 0 || pos+w > end || !e.prog.RuneSets[st.TransStart].Matches(c.r, w) {
			return 0
		}
		if w > 1 {
			next.park(id, tslots)
			return 0
		}
		to = st.Next
	}
	if e.prog.States[to].Kind == nfa.RuneClass {
		// From one copy of a class to the next: the closure is the
		// state itself, added without the closure's stack.
		if !next.seen.contains(to) {
			next.seen.insert(to)
			next.threads = append(next.threads, to)
			next.slots = append(next.slots, tslots...)
		}
		return 0
	}
	return to
}

// runeWidth returns the width of the rune at pos as the standard library
// decodes it: 1 for an invalid byte, 0 at the end of the text.
func runeWidth(hay []byte, pos int) int {
	if pos >= len(hay) {
		return 0
	}
	if hay[pos] < utf8.RuneSelf {
		return 1
	}
	_, w := utf8.DecodeRune(hay[pos:])
	return w
}

// runeAt returns the character at pos and its width as the standard
// library decodes them: utf8.RuneError and 1 for an invalid byte, width 0
// at the end of the text.
func runeAt(hay []byte, pos int) (rune, int) {
	if pos >= len(hay) {
		return 0, 0
	}
	if c := hay[pos]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(hay[pos:])
}

// A sparseSet is a set of states with constant-time insert, lookup and
// clear, and iteration in insertion order (Briggs and Torczon).
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
