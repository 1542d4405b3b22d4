// Package backtrack runs an [nfa.Prog] as a bounded backtracker: a
// depth-first search of the automaton that remembers every (state,
// position) pair it has explored in a bitset and never explores one twice.
//
// Trade-offs: depth-first search follows one path at a time and copies no
// thread lists, so on short inputs it is several times faster than the
// Pike VM while still reporting submatches. The visited bitset keeps it
// linear, O(len(prog.States) * input), but its size is that product too,
// so the engine takes only inputs up to [Backtracker.MaxLen] bytes, a
// length chosen so the bitset stays within a fixed budget. Longer inputs
// go to the Pike VM.
//
// Why exploring each pair once gives the standard library's answers: the
// search tries the preferred branch of every Split first, so the first
// path to reach a pair is the highest-priority path to it. Whether a match
// can be reached from a pair depends only on the state and the position
// (captures never change what matches), so a later, lower-priority path
// arriving at an explored pair could only find what the first one found
// or rejected. The same holds across start positions of an unanchored
// search: the search stops at the first start that matches, so every pair
// visited by an earlier, failed start is known to lead to no match, and the
// bitset is kept rather than cleared between starts. The total work of a
// search is thereby bounded by the size of the bitset.
//
// The search uses an explicit stack, not recursion, since alternations of
// thousands of words make Split chains that deep. The stack also holds the
// old values of capture slots, which are put back when the search
// backtracks past the Capture state that changed them.
package backtrack

import (
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
)

// visitedBudget is the most bits the visited set of one search may use:
// 1 Mbit, that is 128 KiB, which fits in a typical L2 cache. The standard
// library allows a quarter of this, but it counts instructions of a
// rune-level program, while the byte-level programs here have several
// states per rune class (a UTF-8 trie), so the same inputs need a larger
// set. Only the part a search uses is cleared, so a short input pays only
// for its own length.
const visitedBudget = 1 << 20

// Backtracker is a bounded backtracker for one program. It is read-only
// after [New] and may be used by many goroutines at once, each with its
// own [Cache].
type Backtracker struct {
	prog   *nfa.Prog
	maxLen int
}

// New prepares a backtracker for prog.
func New(prog *nfa.Prog) *Backtracker {
	n := max(len(prog.States), 1)
	// A search over End-Start bytes visits End-Start+1 positions.
	return &Backtracker{prog: prog, maxLen: visitedBudget/n - 1}
}

// MaxLen returns the largest span End-Start of an [nfa.Input] that
// [Backtracker.Search] accepts for this program: the longest input whose
// visited set, one bit per state and position, fits in the budget. It is
// negative when the program alone is too large for any input.
func (b *Backtracker) MaxLen() int {
	return b.maxLen
}

// Cache holds the mutable memory of one search at a time: the visited
// bitset, the job stack and scratch slots. A warm Cache makes
// [Backtracker.Search] allocation-free. A Cache must not be used by two
// goroutines at once.
type Cache struct {
	visited []uint64
	stack   []job
	scratch []int // the slots of the path being explored
	best    []int // the slots of the best match so far (longest mode)
}

// NewCache returns an empty Cache for b's program; its memory grows to
// what the searches run with it need, up to the bitset budget.
func (b *Backtracker) NewCache() *Cache {
	return &Cache{}
}

// A job is one entry of the search stack: with slot < 0, explore state
// sid at position pos; otherwise put pos back into scratch slot slot,
// because the search is leaving the subtree in which a Capture set it.
//
// A job is 16 bytes (it was 32, with a flag and separate fields for the
// slot and its value): a short search spends much of its time pushing and
// popping, and the stack of a long one stays in cache longer.
type job struct {
	sid  nfa.StateID
	slot int32
	pos  int
}

// explore is the slot of a job that explores a state.
const explore = -1

// Search finds the leftmost match in in, leftmost-first or, when longest
// is true, leftmost-longest, and reports whether there is one. It fills
// slots as the standard library does: slots[2k], slots[2k+1] bound group
// k, -1 when the group did not take part; slots past the program's groups
// are set to -1.
//
// in.End-in.Start must not exceed [Backtracker.MaxLen]; Search panics
// otherwise, since its visited set would outgrow the budget.
func (b *Backtracker) Search(c *Cache, in *nfa.Input, longest bool, slots []int) bool {
	span := in.End - in.Start
	if span > b.maxLen {
		panic("backtrack: input longer than MaxLen")
	}
	prog := b.prog
	stride := min(len(slots), 2*prog.NumCap)
	if len(c.scratch) < stride {
		c.scratch = make([]int, stride)
		c.best = make([]int, stride)
	}
	c.clearVisited(len(prog.States) * (span + 1))

	// The slots are reset once: a failed start has put back every slot
	// it set (each Capture pushes the old value, and the stack is empty
	// when try fails), so the next start finds them all -1 again.
	for i := range c.scratch[:stride] {
		c.scratch[i] = -1
	}
	matched := false
	for start := in.Start; start <= in.End; {
		// A start whose byte cannot begin a match costs one check,
		// not a push, a pop and a visited bit.
		if !b.dead(prog.Start, in, start) && b.try(c, in, start, longest, stride) {
			matched = true
			break
		}
		if in.Anchored || start == len(in.Haystack) {
			break
		}
		start += runeWidth(in.Haystack, start)
	}
	if !matched {
		return false
	}
	copy(slots, c.best[:stride])
	for i := stride; i < len(slots); i++ {
		slots[i] = -1
	}
	return true
}

// clearVisited makes the first nbits bits of the visited set available
// and clear, growing the set if needed.
func (c *Cache) clearVisited(nbits int) {
	words := (nbits + 63) / 64
	if cap(c.visited) < words {
		c.visited = make([]uint64, words)
		return
	}
	c.visited = c.visited[:words]
	clear(c.visited)
}

// try searches for a match starting exactly at start and reports whether
// it found one, leaving its slots in c.best. In leftmost-first mode it
// stops at the first Match reached, which is the highest-priority one; in
// longest mode it explores everything reachable and keeps the first match
// reached at the furthest end.
func (b *Backtracker) try(c *Cache, in *nfa.Input, start int, longest bool, stride int) bool {
	states := b.prog.States
	hay := in.Haystack
	width := uint(in.End - in.Start + 1)
	scratch := c.scratch[:stride]
	visited := c.visited
	matched := false
	bestEnd := -1

	stack := append(c.stack[:0], job{sid: b.prog.Start, slot: explore, pos: start})
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if j.slot >= 0 {
			scratch[j.slot] = j.pos
			continue
		}
		// Follow the path from (j.sid, j.pos), pushing the branches not
		// taken, until it dies, matches or reaches a visited pair.
		id, pos := j.sid, j.pos
	path:
		for {
			// Unsigned, so that /64 and %64 are a shift and a mask.
			bit := uint(id)*width + uint(pos-in.Start)
			word, mask := bit/64, uint64(1)<<(bit%64)
			if visited[word]&mask != 0 {
				break
			}
			visited[word] |= mask
			st := &states[id]
			switch st.Kind {
			case nfa.Fail:
				break path
			case nfa.Match:
				if stride == 0 {
					// Only whether there is a match was asked, and
					// that does not depend on the mode.
					c.stack = stack[:0]
					return true
				}
				if !matched || pos > bestEnd {
					copy(c.best, scratch)
					bestEnd = pos
					matched = true
				}
				if !longest {
					c.stack = stack[:0]
					return true
				}
				break path
			case nfa.ByteRange:
				if pos >= in.End || hay[pos] < st.Lo || hay[pos] > st.Hi {
					break path
				}
				id, pos = st.Next, pos+1
			case nfa.Sparse:
				if pos >= in.End {
					break path
				}
				next := b.prog.SparseNext(st, hay[pos])
				if next == 0 {
					break path
				}
				id, pos = next, pos+1
			case nfa.InvalidByte:
				if pos >= in.End || !nfa.InvalidAt(hay, pos) {
					break path
				}
				id, pos = st.Next, pos+1
			case nfa.RuneClass:
				// One whole character: the positions inside it
				// are never states' positions.
				w := b.prog.RuneWidth(st, hay, pos, in.End)
				if w == 0 {
					break path
				}
				id, pos = st.Next, pos+w
			case nfa.Split:
				// A branch that cannot start with the next byte
				// would die at once: it is neither pushed nor
				// taken. At a loop this is the possessive case
				// (the body cannot take the byte, or the exit
				// cannot), along an alternation it skips the
				// branches whose first byte differs.
				if b.dead(st.Alt, in, pos) {
					id = st.Next
				} else if b.dead(st.Next, in, pos) {
					id = st.Alt
				} else {
					stack = append(stack, job{sid: st.Alt, slot: explore, pos: pos})
					id = st.Next
				}
			case nfa.Empty:
				id = st.Next
			case nfa.Look:
				if nfa.LookAt(hay, pos)&st.Look == 0 {
					break path
				}
				id = st.Next
			case nfa.Capture:
				if slot := int(st.Slot); slot < stride {
					stack = append(stack, job{slot: int32(slot), pos: scratch[slot]})
					scratch[slot] = pos
				}
				id = st.Next
			default:
				panic("backtrack: unknown state kind")
			}
		}
	}
	c.stack = stack[:0]
	return matched
}

// deadHops is how many epsilon states (Capture, Empty, a holding Look)
// [Backtracker.dead] looks through to find a branch's first consuming
// state.
const deadHops = 4

// dead reports whether every path from state id at pos dies before
// consuming a byte or matching: it reaches Fail, or a consuming state
// that cannot take the byte at pos (or finds the input at its end),
// through at most deadHops epsilon states that lead nowhere else. It
// answers false when it cannot tell cheaply. A Sparse state is judged by
// the span of all its transitions, which is one compare against the
// scan its own step makes.
//
// Dropping a dead branch explores no pair that the search would have
// explored with a chance of matching, so the answers do not change; the
// branch's pairs are left unvisited, and a later path reaching them
// dies there as this one would have. Each call is bounded, and is made
// only from a Split being visited, so the search stays linear.
func (b *Backtracker) dead(id nfa.StateID, in *nfa.Input, pos int) bool {
	states := b.prog.States
	for range deadHops {
		st := &states[id]
		switch st.Kind {
		case nfa.Fail:
			return true
		case nfa.ByteRange, nfa.RuneClass:
			// A RuneClass state's Lo-Hi spans its first bytes.
			if pos >= in.End {
				return true
			}
			c := in.Haystack[pos]
			return c < st.Lo || c > st.Hi
		case nfa.Sparse:
			if pos >= in.End {
				return true
			}
			c := in.Haystack[pos]
			return c < b.prog.Trans[st.TransStart].Lo || c > b.prog.Trans[st.TransEnd-1].Hi
		case nfa.InvalidByte:
			// Only a byte of 0x80 or more can fail to decode.
			return pos >= in.End || in.Haystack[pos] < 0x80
		case nfa.Capture, nfa.Empty:
			id = st.Next
		case nfa.Look:
			if nfa.LookAt(in.Haystack, pos)&st.Look == 0 {
				return true
			}
			id = st.Next
		default:
			return false
		}
	}
	return false
}

// runeWidth returns the width of the rune at pos as the standard library
// decodes it: 1 for an invalid byte.
func runeWidth(hay []byte, pos int) int {
	if hay[pos] < utf8.RuneSelf {
		return 1
	}
	_, w := utf8.DecodeRune(hay[pos:])
	return w
}
