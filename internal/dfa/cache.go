package dfa

import (
	"unsafe"

	"github.com/rerepl/rerepl/internal/nfa"
)

// State IDs, as stored in the transition table, are premultiplied: the ID
// of state i is i*stride, the offset of its row, so that the inner loop
// needs no multiplication. Two values are reserved and one bit is a tag:
const (
	// deadID is state 0, the state with no threads and no match: once
	// there, nothing can change.
	deadID int32 = 0
	// unknownID marks a transition that has not been computed yet.
	unknownID int32 = -1
	// matchBit tags the ID of a state entered just after a match ended
	// (the match ends at the position before the byte that led there).
	matchBit int32 = 1 << 30
)

// isSpecial reports whether id needs the slow path of a search loop: it
// is unknown, dead or tagged as a match. One comparison does it, because
// the IDs of plain states are exactly those in [1, matchBit).
func isSpecial(id int32) bool {
	return uint32(id-1) >= uint32(matchBit-1)
}

// Memory accounting constants: what the Go runtime spends besides the
// bytes we can count exactly.
const (
	// mapEntryBytes is charged per entry of Cache.index: a slot of a
	// string header and an int32, padded (24 bytes), its control byte,
	// and the free slots of a table that doubles when 7/8 full.
	mapEntryBytes = 64
	// stringHeaderBytes is the size of an element of Cache.keys.
	stringHeaderBytes = int(unsafe.Sizeof(""))
)

// A Cache holds the states and transitions a [DFA] has built so far, and
// the scratch memory for building more. It is the only mutable part of a
// search: a Cache serves one search at a time and must not be shared
// between goroutines. A warm Cache, one that already holds the states a
// search needs, makes the search allocation-free.
//
// Everything a Cache holds counts towards [Config.CacheCapacity]; see
// [Cache.Memory].
type Cache struct {
	// trans is the transition table: the row of the state with ID s is
	// trans[s : s+stride], one entry per byte class and one for the end
	// of the input.
	trans []int32
	// keys holds each state's key (see [DFA.encode]) by state index; the
	// key is the whole description of the state.
	keys []string
	// index finds a state's ID by its key.
	index map[string]int32
	// keyBytes is the sum of the lengths of the keys, rounded up to the
	// allocator's 8-byte granule.
	keyBytes int
	// starts caches the start states by startSlot; unknownID when not
	// built since the last clear.
	starts [numStartSlots]int32

	// Scratch for building states, sized for the program once so that it
	// never grows (see newCache).
	seen, next sparseSet
	stack      []nfa.StateID // the depth-first walk of resolve
	list       []nfa.StateID // the roots of the state being built
	keyBuf     []byte
	ids        []uint32 // the patterns a set state's transition matched (set.go)

	// capacity is the byte budget, and tooSmall is set when the scratch
	// and the dead state alone would take half of it: such a cache
	// builds nothing and every search gives up.
	capacity int
	tooSmall bool

	// Bookkeeping of the current search, for deciding to give up.
	clears         int // clears during this search
	clearPos       int // where the search was at the last clear (or its start)
	builtSinceClr  int // states built since then
	totalClears    int // clears over the cache's lifetime, for tests
	lastLo, lastHi int // the part of the haystack the last search read
}

// numStartSlots is the number of distinct start states: by the kind of
// the byte before the start (4), anchored or not, and leftmost-first or
// longest.
const numStartSlots = 4 * 2 * 2

// startSlot returns the index in Cache.starts of a start state.
func startSlot(ctx byteKind, anchored, longest bool) int {
	i := int(ctx)
	if anchored {
		i += 4
	}
	if longest {
		i += 8
	}
	return i
}

// NewCache returns an empty cache for d.
func (d *DFA) NewCache() *Cache {
	n := len(d.prog.States)
	c := &Cache{capacity: d.cfg.CacheCapacity}
	if scratchBytes(n)+4*d.stride+int(unsafe.Sizeof(*c)) > c.capacity/2 {
		c.tooSmall = true
		return c
	}
	c.seen = newSparseSet(n)
	c.next = newSparseSet(n)
	// A depth-first walk pops each state at most once and grows the
	// stack by one only at a Split, so n+1 entries always suffice.
	c.stack = make([]nfa.StateID, 0, n+1)
	c.list = make([]nfa.StateID, 0, n)
	c.keyBuf = make([]byte, 0, keyHeader+4*n)
	c.reset(d.stride)
	return c
}

// scratchBytes is the size of the scratch a cache needs for a program of
// n states: the two sparse sets, the two stacks, the list and the key
// buffer.
func scratchBytes(n int) int {
	return 2*8*n + 2*4*(n+1) + 4*n + keyHeader + 4*n
}

// reset empties the cache but for the dead state, keeping the memory of
// the transition table and the key list for reuse.
func (c *Cache) reset(stride int) {
	if cap(c.trans) < stride {
		c.trans = make([]int32, 0, stride)
	}
	c.trans = c.trans[:stride]
	for i := range c.trans {
		c.trans[i] = deadID
	}
	c.keys = append(c.keys[:0], "")
	// A new map rather than clear(index): a cleared Go map keeps its
	// tables, and the accounting counts entries.
	c.index = make(map[string]int32)
	c.keyBytes = 0
	for i := range c.starts {
		c.starts[i] = unknownID
	}
}

// Memory returns the number of bytes the cache holds: the transition
// table and key list by capacity, the keys, an estimate of the map's
// share per entry (mapEntryBytes), the scratch and the Cache itself. It
// never exceeds [Config.CacheCapacity].
func (c *Cache) Memory() int {
	return c.tableBytes() + c.scratchBytes() + int(unsafe.Sizeof(*c))
}

func (c *Cache) tableBytes() int {
	return 4*cap(c.trans) + stringHeaderBytes*cap(c.keys) + c.keyBytes + mapEntryBytes*len(c.index)
}

func (c *Cache) scratchBytes() int {
	return 4*(cap(c.seen.dense)+cap(c.seen.sparse)+cap(c.next.dense)+cap(c.next.sparse)) +
		4*(cap(c.stack)+cap(c.list)+cap(c.ids)) + cap(c.keyBuf)
}

// Clears returns how many times the cache has been emptied because it
// was full, over its whole life.
func (c *Cache) Clears() int { return c.totalClears }

// Scanned returns the part [lo, hi) of the haystack whose bytes the last
// search read, including the byte on which it stopped: the strategies
// that start many scans use it to bound their total work. Not included
// are the bytes read only to evaluate an assertion just outside the
// search range, and the up to three bytes the final UTF-8 check may look
// at to complete the character where the scan stopped.
func (c *Cache) Scanned() (lo, hi int) { return c.lastLo, c.lastHi }

// lookup returns the ID of the state with the given key, if built.
func (c *Cache) lookup(key []byte) (int32, bool) {
	id, ok := c.index[string(key)]
	return id, ok
}

// insert adds a state with the given key and a row of unknown
// transitions, and reports false, changing nothing, when it does not fit
// in the capacity.
func (c *Cache) insert(key []byte, matched bool, stride int) (int32, bool) {
	keyCost := (len(key) + 7) &^ 7
	budget := c.capacity - c.Memory() - keyCost - mapEntryBytes
	if budget < 0 {
		return 0, false
	}
	keysCap, ok := growCap(cap(c.keys), len(c.keys)+1, stringHeaderBytes, budget)
	if !ok {
		return 0, false
	}
	budget -= stringHeaderBytes * (keysCap - cap(c.keys))
	transCap, ok := growCap(cap(c.trans), len(c.trans)+stride, 4, budget)
	if !ok {
		return 0, false
	}
	if keysCap > cap(c.keys) {
		keys := make([]string, len(c.keys), keysCap)
		copy(keys, c.keys)
		c.keys = keys
	}
	if transCap > cap(c.trans) {
		trans := make([]int32, len(c.trans), transCap)
		copy(trans, c.trans)
		c.trans = trans
	}
	id := int32(len(c.trans))
	for range stride {
		c.trans = append(c.trans, unknownID)
	}
	k := string(key)
	c.keys = append(c.keys, k)
	c.keyBytes += keyCost
	if matched {
		id |= matchBit
	}
	c.index[k] = id
	c.builtSinceClr++
	return id, true
}

// growCap returns the capacity to give a slice of elemSize-byte elements
// that must hold need elements: twice the old capacity when the budget
// (in bytes, for the new elements) allows, less when it does not, and ok
// false when even need does not fit.
func growCap(old, need, elemSize, budget int) (newCap int, ok bool) {
	if need <= old {
		return old, true
	}
	newCap = max(need, 2*old, 8)
	if most := old + budget/elemSize; newCap > most {
		newCap = most
	}
	return newCap, newCap >= need
}

// A sparseSet is a set of NFA states that remembers the order of
// insertion and empties in constant time.
type sparseSet struct {
	dense  []nfa.StateID
	sparse []uint32
}

func newSparseSet(n int) sparseSet {
	return sparseSet{dense: make([]nfa.StateID, 0, n), sparse: make([]uint32, n)}
}

func (s *sparseSet) has(id nfa.StateID) bool {
	i := s.sparse[id]
	return int(i) < len(s.dense) && s.dense[i] == id
}

func (s *sparseSet) add(id nfa.StateID) {
	s.sparse[id] = uint32(len(s.dense))
	s.dense = append(s.dense, id)
}

func (s *sparseSet) clear() { s.dense = s.dense[:0] }
