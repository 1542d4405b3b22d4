package dfa

import (
	"encoding/binary"

	"github.com/rerepl/rerepl/internal/nfa"
)

// A DFA state is described by its key, which is all there is to it:
//
//	key[0]   flags: flagMatched, flagLongest
//	key[1]   the byteKind of the byte the state was entered with (the
//	         byte before the position when scanning forward, the byte
//	         after it when scanning backward); zero when the program has
//	         no assertions, which are all that ask
//	key[2:]  NFA state IDs, 4 bytes each, little-endian, in priority order
//
// The NFA states are the roots of the threads at the state's position:
// the states the threads reached by consuming the previous byte (or the
// program's start). Their epsilon closure is not taken when the state is
// built, because assertions on the way depend on the next byte, which
// the state does not know; the transition on that byte walks the closure
// of each root in turn with one visited set, exactly as the Pike VM does
// at each position, so that threads keep the Pike VM's priorities. So a
// match is noticed one byte late: a state tagged flagMatched was entered
// just after a match ended at the position before the byte that led to
// it.
const keyHeader = 2

const (
	flagMatched = 1 << iota
	flagLongest
)

// startState returns the state a search begins in, building it if needed.
// ctx is the kind of the byte before the start (forward) or after it
// (reverse), kindEdge at the edge of the haystack.
func (d *DFA) startState(c *Cache, ctx byteKind, anchored, longest bool, pos int) (int32, bool) {
	slot := startSlot(ctx, anchored, longest)
	if id := c.starts[slot]; id != unknownID {
		return id, true
	}
	start := d.prog.StartUnanchored
	if anchored {
		start = d.prog.Start
	}
	c.beginList()
	c.addRoot(start)
	id, _, ok := d.intern(c, false, longest, ctx, pos)
	if ok {
		c.starts[slot] = id
	}
	return id, ok
}

// looksAt returns the assertions that hold between the byte a state of
// context ctx was entered with and the next byte, of class cls.
func (d *DFA) looksAt(ctx byteKind, cls int) (looks nfa.LookSet, next byte, nextKind byteKind) {
	nextKind = kindEdge
	if cls != d.classes.eoi() {
		next = d.classes.class.Rep(cls)
		nextKind = kindOf(next)
	}
	if d.reverse {
		return looksBetween(nextKind, ctx), next, nextKind
	}
	return looksBetween(ctx, nextKind), next, nextKind
}

// transition computes the successor of state s (an untagged ID) on byte
// class cls, records it in the transition table and returns it (tagged).
// pos is the search's position, for the give-up bookkeeping. It reports
// false when the cache is exhausted and the search must give up.
func (d *DFA) transition(c *Cache, s int32, cls int, pos int) (int32, bool) {
	key := c.keys[int(s)/d.stride]
	longest := key[0]&flagLongest != 0
	cut := !longest
	eoi := cls == d.classes.eoi()
	looks, b, nextKind := d.looksAt(byteKind(key[1]), cls)

	c.beginList()
	c.seen.clear()
	matched := false
	prog := d.prog.States
roots:
	for i := keyHeader; i < len(key); i += 4 {
		// Walk the closure of each root in priority order, now that the
		// assertions at this position are known, and move each
		// consuming state over b.
		c.stack = append(c.stack[:0], keyState(key, i))
		for len(c.stack) > 0 {
			id := c.stack[len(c.stack)-1]
			c.stack = c.stack[:len(c.stack)-1]
			if c.seen.has(id) {
				continue
			}
			c.seen.add(id)
			st := &prog[id]
			switch st.Kind {
			case nfa.Split:
				c.stack = append(c.stack, st.Alt, st.Next)
			case nfa.Capture, nfa.Empty:
				c.stack = append(c.stack, st.Next)
			case nfa.Look:
				if st.Look&looks != 0 {
					c.stack = append(c.stack, st.Next)
				}
			case nfa.Match:
				matched = true
				if cut {
					// Leftmost-first: every thread after this one
					// has lower priority and loses to this match.
					break roots
				}
			case nfa.ByteRange:
				if !eoi && st.Lo <= b && b <= st.Hi {
					c.addRoot(st.Next)
				}
			case nfa.Sparse:
				if !eoi {
					c.addRoot(d.prog.SparseNext(st, b))
				}
			}
			// Fail leads nowhere; InvalidByte never consumes a byte of
			// valid UTF-8, and the search checks that what it read is.
		}
	}
	id, cleared, ok := d.intern(c, matched, longest, nextKind, pos)
	if !ok {
		return 0, false
	}
	if !cleared {
		// After a clear s no longer exists; the transition is simply
		// not remembered.
		c.trans[int(s)+cls] = id
	}
	return id, true
}

// readsInvalid reports whether, in state s (an untagged ID) before a byte
// of class cls, some thread that the transition does not cut off is at an
// [nfa.InvalidByte] state: only then could the answer change if that byte
// began an invalid UTF-8 sequence, since the byte-level program reads
// every other byte alike whatever follows it.
func (d *DFA) readsInvalid(c *Cache, s int32, cls int) bool {
	if s == deadID {
		// No thread at all: a start state is dead when the pattern
		// can match nothing, such as [^\s\S].
		return false
	}
	key := c.keys[int(s)/d.stride]
	cut := key[0]&flagLongest == 0
	looks, _, _ := d.looksAt(byteKind(key[1]), cls)
	c.seen.clear()
	for i := keyHeader; i < len(key); i += 4 {
		c.stack = append(c.stack[:0], keyState(key, i))
		for len(c.stack) > 0 {
			id := c.stack[len(c.stack)-1]
			c.stack = c.stack[:len(c.stack)-1]
			if c.seen.has(id) {
				continue
			}
			c.seen.add(id)
			st := &d.prog.States[id]
			switch st.Kind {
			case nfa.Split:
				c.stack = append(c.stack, st.Alt, st.Next)
			case nfa.Capture, nfa.Empty:
				c.stack = append(c.stack, st.Next)
			case nfa.Look:
				if st.Look&looks != 0 {
					c.stack = append(c.stack, st.Next)
				}
			case nfa.Match:
				if cut {
					return false
				}
			case nfa.InvalidByte:
				return true
			}
		}
	}
	return false
}

// keyState decodes the NFA state ID at offset i of a key.
func keyState(key string, i int) nfa.StateID {
	return nfa.StateID(uint32(key[i]) | uint32(key[i+1])<<8 | uint32(key[i+2])<<16 | uint32(key[i+3])<<24)
}

// beginList empties the list of roots of the state being built.
func (c *Cache) beginList() {
	c.list = c.list[:0]
	c.next.clear()
}

// addRoot appends id to the roots of the state being built unless it is
// the Fail state or already there: a thread arriving at a state another
// thread reached first has lower priority and the same future.
func (c *Cache) addRoot(id nfa.StateID) {
	if id == 0 || c.next.has(id) {
		return
	}
	c.next.add(id)
	c.list = append(c.list, id)
}

// intern returns the ID of the state made of the list being built, with
// the given flags and context, adding it to the cache if new. When the
// cache is full it is cleared (cleared reports that: every other ID is
// then stale) unless the search should rather give up, in which case ok
// is false.
func (d *DFA) intern(c *Cache, matched, longest bool, ctx byteKind, pos int) (id int32, cleared, ok bool) {
	if len(c.list) == 0 {
		// No thread is left: the search ends here, after noting the
		// match if one just ended.
		if matched {
			return deadID | matchBit, false, true
		}
		return deadID, false, true
	}
	var flags byte
	if matched {
		flags |= flagMatched
	}
	if longest {
		flags |= flagLongest
	}
	if !d.hasLook {
		// Without assertions to evaluate, the state's transitions do
		// not depend on the byte before it: share one state.
		ctx = kindEdge
	}
	key := append(c.keyBuf[:0], flags, byte(ctx))
	for _, s := range c.list {
		key = binary.LittleEndian.AppendUint32(key, uint32(s))
	}
	c.keyBuf = key
	if id, ok := c.lookup(key); ok {
		return id, false, true
	}
	if id, ok := c.insert(key, matched, d.stride); ok {
		return id, false, true
	}
	if !d.clearFull(c, pos) {
		return 0, false, false
	}
	id, ok = c.insert(key, matched, d.stride)
	return id, true, ok
}

// clearFull empties a full cache so the search can go on, or reports
// false when the search should give up instead: after Config.MaxClears
// clears in this search, or when, since the previous clear, the search
// read fewer than Config.MinBytesPerState bytes per state it built, so
// that the DFA costs more than the NFA it replaces.
func (d *DFA) clearFull(c *Cache, pos int) bool {
	if c.clears >= d.cfg.MaxClears {
		return false
	}
	if c.clears > 0 && d.cfg.MinBytesPerState > 0 {
		scanned := pos - c.clearPos
		if scanned < 0 {
			scanned = -scanned
		}
		if scanned < d.cfg.MinBytesPerState*c.builtSinceClr {
			return false
		}
	}
	c.clears++
	c.totalClears++
	c.reset(d.stride)
	c.clearPos = pos
	c.builtSinceClr = 0
	return true
}
