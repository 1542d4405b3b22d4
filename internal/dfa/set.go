package dfa

import (
	"math/bits"
	"slices"

	"github.com/rerepl/rerepl/internal/nfa"
)

// Set search
//
// A program built by [nfa.CompileSet] holds several patterns, each with
// its own Match state. [DFA.ForwardSet] runs it in a mode of its own:
// threads are never cut when one of them matches (a set wants every
// pattern that matches anywhere, not the leftmost-first match of one),
// and a state records which patterns' Match states the transition into
// it reached. Priorities then mean nothing, so a set state's roots are
// sorted: threads that differ only in order are one state.
//
// A set state's key is laid out as
//
//	key[0]    flagSet, and flagMatched when some pattern matched
//	key[1]    the byteKind it was entered with (as for other states)
//	key[2:6]  the number of roots, little-endian
//	then      the roots, 4 bytes each, sorted
//	then      the patterns that matched, 4 bytes each, sorted
//
// A state with no roots but some matched patterns is a real state (its
// transitions all lead to the dead state), so that the patterns of the
// last transition of a scan are not lost.
const flagSet = 1 << 2

// setHeader is the length of a set state's key before its roots.
const setHeader = keyHeader + 4

// A PatternSet is a set of pattern indices in [0, n), with its size at
// hand so that a search can stop once every pattern has matched.
type PatternSet struct {
	words []uint64
	n     int
	count int
}

// NewPatternSet returns an empty set for patterns 0 to n-1.
func NewPatternSet(n int) PatternSet {
	return PatternSet{words: make([]uint64, (n+63)/64), n: n}
}

// Insert adds pattern i and reports whether it was new.
func (p *PatternSet) Insert(i int) bool {
	w, bit := i/64, uint64(1)<<(i%64)
	if p.words[w]&bit != 0 {
		return false
	}
	p.words[w] |= bit
	p.count++
	return true
}

// Has reports whether pattern i is in the set.
func (p *PatternSet) Has(i int) bool { return p.words[i/64]&(1<<(i%64)) != 0 }

// Len returns the number of patterns in the set.
func (p *PatternSet) Len() int { return p.count }

// Full reports whether every pattern is in the set.
func (p *PatternSet) Full() bool { return p.count == p.n }

// Clear empties the set.
func (p *PatternSet) Clear() {
	clear(p.words)
	p.count = 0
}

// AppendTo appends the patterns in the set to dst in ascending order.
func (p *PatternSet) AppendTo(dst []int) []int {
	for w, word := range p.words {
		for word != 0 {
			dst = append(dst, w*64+bits.TrailingZeros64(word))
			word &= word - 1
		}
	}
	return dst
}

// ForwardSet scans in.Haystack[in.Start:in.End] forward with a program
// built by [nfa.CompileSet], unanchored (in.Anchored is ignored), and
// adds to found every pattern that has a match in the range. found must
// have been made for the program's number of patterns. With first the
// scan stops at the first position where some pattern's match ends;
// otherwise it reads to the end of the range, or until found is full.
//
// The result is [Match] when found holds some pattern after the scan,
// else [NoMatch]; [GaveUp] when the cache thrashed, and [Quit] when the
// bytes read were not all valid UTF-8. Even after GaveUp or Quit every
// pattern added to found does match: the DFA never reads an invalid byte
// as an [nfa.InvalidByte] state would, which can only lose threads, and
// never cuts threads, so a lost thread never lets another match in its
// place. What it cannot say then is which other patterns match.
func (d *DFA) ForwardSet(c *Cache, in *nfa.Input, found *PatternSet, first bool) Result {
	h := in.Haystack
	c.beginSearch(in.Start, in.Start)
	if c.tooSmall {
		return GaveUp
	}
	if found.Full() {
		return Match
	}
	before := kindEdge
	if in.Start > 0 {
		before = kindOf(h[in.Start-1])
	}
	s, ok := d.setStart(c, before, in.Start)
	if !ok {
		return GaveUp
	}

	classes := &d.classes.class
	trans := c.trans
	pos, end := in.Start, in.End
	hay := h[:end]
	dead := false
	for pos < len(hay) {
		var next int32
		for pos < len(hay) {
			next = trans[int(s)+int(classes[hay[pos]])]
			if isSpecial(next) {
				break
			}
			s = next
			pos++
		}
		if pos == len(hay) {
			break
		}
		if next == unknownID {
			if next, ok = d.setTransition(c, s, int(classes[hay[pos]]), pos); !ok {
				c.lastHi = pos
				return GaveUp
			}
			trans = c.trans
		}
		if next&matchBit != 0 {
			next &^= matchBit
			d.addPatterns(c, next, found)
			if first || found.Full() {
				c.lastHi = pos + 1
				return d.setDone(c, in, found, pos)
			}
		}
		if next == deadID {
			dead = true
			break
		}
		s = next
		pos++
	}
	if dead {
		c.lastHi = pos + 1
		return d.setDone(c, in, found, pos+1)
	}

	cls := d.classes.eoi()
	if end < len(h) {
		cls = int(classes[h[end]])
	}
	next := c.trans[int(s)+cls]
	if next == unknownID {
		if next, ok = d.setTransition(c, s, cls, end); !ok {
			c.lastHi = end
			return GaveUp
		}
	}
	if next&matchBit != 0 {
		d.addPatterns(c, next&^matchBit, found)
	}
	c.lastHi = end
	return d.setDone(c, in, found, end)
}

// setDone finishes a set search that read the bytes up to hi.
func (d *DFA) setDone(c *Cache, in *nfa.Input, found *PatternSet, hi int) Result {
	last := -1
	if found.Len() > 0 {
		last = 0
	}
	_, r := d.forwardDone(c, in, last, hi)
	return r
}

// addPatterns adds to found the patterns recorded in the set state s.
func (d *DFA) addPatterns(c *Cache, s int32, found *PatternSet) {
	key := c.keys[int(s)/d.stride]
	for i := setHeader + 4*int(keyUint32(key, keyHeader)); i < len(key); i += 4 {
		found.Insert(int(keyUint32(key, i)))
	}
}

// keyUint32 decodes the little-endian number at offset i of a key.
func keyUint32(key string, i int) uint32 {
	return uint32(key[i]) | uint32(key[i+1])<<8 | uint32(key[i+2])<<16 | uint32(key[i+3])<<24
}

// setStart returns the start state of a set search whose start follows
// a byte of kind ctx, building it if needed.
func (d *DFA) setStart(c *Cache, ctx byteKind, pos int) (int32, bool) {
	slot := startSlot(ctx, false, false)
	if id := c.starts[slot]; id != unknownID {
		return id, true
	}
	c.beginList()
	c.addRoot(d.prog.StartUnanchored)
	c.ids = c.ids[:0]
	id, _, ok := d.internSet(c, ctx, pos)
	if ok {
		c.starts[slot] = id
	}
	return id, ok
}

// setTransition is [DFA.transition] for set states: the same walk of
// each root's closure, but no thread is cut at a Match state, whose
// pattern is recorded instead.
func (d *DFA) setTransition(c *Cache, s int32, cls int, pos int) (int32, bool) {
	key := c.keys[int(s)/d.stride]
	nroots := int(keyUint32(key, keyHeader))
	eoi := cls == d.classes.eoi()
	looks, b, nextKind := d.looksAt(byteKind(key[1]), cls)

	c.beginList()
	c.seen.clear()
	c.ids = c.ids[:0]
	prog := d.prog.States
	for i := setHeader; i < setHeader+4*nroots; i += 4 {
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
				c.ids = append(c.ids, st.Slot)
			case nfa.ByteRange:
				if !eoi && st.Lo <= b && b <= st.Hi {
					c.addRoot(st.Next)
				}
			case nfa.Sparse:
				if !eoi {
					c.addRoot(d.prog.SparseNext(st, b))
				}
			}
		}
	}
	id, cleared, ok := d.internSet(c, nextKind, pos)
	if !ok {
		return 0, false
	}
	if !cleared {
		c.trans[int(s)+cls] = id
	}
	return id, true
}

// internSet is [DFA.intern] for set states: it returns the ID of the set
// state made of the roots in c.list and the patterns in c.ids.
func (d *DFA) internSet(c *Cache, ctx byteKind, pos int) (id int32, cleared, ok bool) {
	if len(c.list) == 0 && len(c.ids) == 0 {
		return deadID, false, true
	}
	matched := len(c.ids) > 0
	flags := byte(flagSet)
	if matched {
		flags |= flagMatched
	}
	if !d.hasLook {
		ctx = kindEdge
	}
	slices.Sort(c.list)
	slices.Sort(c.ids)
	key := append(c.keyBuf[:0], flags, byte(ctx))
	key = appendUint32(key, uint32(len(c.list)))
	for _, s := range c.list {
		key = appendUint32(key, uint32(s))
	}
	for _, p := range c.ids {
		key = appendUint32(key, p)
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

func appendUint32(b []byte, v uint32) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
}
