package literal

import "bytes"

// A Searcher finds literals in a haystack.
//
// Find returns the leftmost occurrence at or after from: start and end are
// its bounds in haystack, and ok is false when there is none. Searchers are
// read-only after construction, safe for concurrent use, and Find does not
// allocate. Every Find runs in time linear in the haystack bytes it looks at
// times the size of the literals.
type Searcher interface {
	Find(haystack []byte, from int) (start, end int, ok bool)
}

// NewPrefilter returns a Searcher for candidate positions where one of the
// literals of s may occur, for skipping input that cannot start (or end, or
// contain) a match. It returns nil when s is no use as a prefilter: it is
// infinite or holds the empty string.
//
// Find returns a position at or after from that is never later than the
// leftmost occurrence of a literal, and where one may start: when the
// literals share a long prefix, the prefilter searches for that prefix
// only, so candidates need confirming. The end it reports is that of what
// it found, not necessarily of the literal the expression would prefer. A
// finite set with no literals (an expression that cannot match) gives a
// Searcher that never finds anything.
func NewPrefilter(s Seq) Searcher {
	s = s.forPrefilter()
	if !s.finite {
		return nil
	}
	if len(s.lits) == 0 {
		return never{}
	}
	lits := make([][]byte, 0, len(s.lits))
	for _, l := range s.lits {
		if l.Bytes == "" {
			return nil
		}
		lits = append(lits, []byte(l.Bytes))
	}
	lits = dropExtensions(lits)
	if len(lits) == 1 {
		return newSingle(lits[0])
	}
	if s := newSet(lits, false); s != nil {
		return s
	}
	return nil
}

// dropExtensions removes every literal that has another literal of the set
// as a proper prefix: wherever it occurs the shorter one occurs too, so it
// never changes where the leftmost occurrence starts.
func dropExtensions(lits [][]byte) [][]byte {
	out := lits[:0:0]
	for i, l := range lits {
		redundant := false
		for j, m := range lits {
			if i != j && len(m) < len(l) && bytes.HasPrefix(l, m) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, l)
		}
	}
	return out
}

// newSingle returns the best searcher for one non-empty literal.
func newSingle(lit []byte) Searcher {
	if len(lit) == 1 {
		return byteSearcher(lit[0])
	}
	return newMemmem(lit)
}

// newSet returns the best searcher for two or more non-empty literals in
// preference order, or nil when the set is too big for an automaton: a byte
// set for one-byte literals, Teddy for up to 32 literals of two bytes or
// more where SIMD is available, Aho-Corasick otherwise.
func newSet(lits [][]byte, longest bool) Searcher {
	oneByte := true
	firsts := make([]byte, len(lits))
	for i, l := range lits {
		oneByte = oneByte && len(l) == 1
		firsts[i] = l[0]
	}
	if oneByte {
		return (*byteSetSearcher)(newByteSet(firsts))
	}
	if t := newTeddy(lits, longest); t != nil {
		// A set that is every ASCII case variant of a few bases (DNA)
		// has its own, much smaller, automaton with a skip table:
		// Teddy's buckets would fill with variants.
		if _, fold := asciiFoldBases(lits); !fold {
			return t
		}
	}
	if a := newAhoCorasick(lits, longest); a != nil {
		return a
	}
	return nil
}

// byteSetSearcher finds any of a set of bytes, such as an ASCII class.
type byteSetSearcher byteSet

func (s *byteSetSearcher) Find(h []byte, from int) (int, int, bool) {
	i := (*byteSet)(s).index(h, from)
	if i < 0 {
		return 0, 0, false
	}
	return i, i + 1, true
}

// never is the Searcher for an empty set of literals.
type never struct{}

func (never) Find([]byte, int) (int, int, bool) { return 0, 0, false }

// byteSearcher finds one byte with [bytes.IndexByte].
type byteSearcher byte

func (b byteSearcher) Find(h []byte, from int) (int, int, bool) {
	if from > len(h) {
		return 0, 0, false
	}
	i := bytes.IndexByte(h[from:], byte(b))
	if i < 0 {
		return 0, 0, false
	}
	return from + i, from + i + 1, true
}

// byteSet is a set of bytes some candidate position must hold, with the
// fastest scan for it.
type byteSet struct {
	member [256]bool
	list   []byte // the members, when they are few or rare enough for IndexByte
}

// Sets of up to maxScanned members are scanned with one IndexByte per
// member; so are sets of up to maxScannedRare members that are all rarer
// than rareRank, since then each IndexByte runs long between hits. Other
// sets use a table loop, which costs the same whatever the hit rate.
const (
	maxScanned     = 3
	maxScannedRare = 8
	rareRank       = 220
)

func newByteSet(members []byte) *byteSet {
	s := &byteSet{}
	rare := true
	for _, b := range members {
		if !s.member[b] {
			s.member[b] = true
			s.list = append(s.list, b)
			rare = rare && byteRank[b] <= rareRank
		}
	}
	if len(s.list) > maxScanned && !(rare && len(s.list) <= maxScannedRare) {
		s.list = nil
	}
	return s
}

// index returns the first position at or after from holding a member, or
// -1.
//
// With two or three members and vector routines it runs indexAny3 (one
// pass, all members compared in each block). Otherwise, with a few
// members, it runs IndexByte for each over a window that doubles
// while nothing is found. A window keeps a member that is absent from the
// rest of the haystack from being scanned to the end on every call, which
// would make repeated calls quadratic; doubling keeps the work of a call
// proportional to the distance to what it finds.
func (s *byteSet) index(h []byte, from int) int {
	if s.list == nil {
		return s.scan(h, from)
	}
	if len(s.list) == 1 {
		i := bytes.IndexByte(h[from:], s.list[0])
		if i < 0 {
			return -1
		}
		return from + i
	}
	if haveSIMD && len(s.list) <= 3 {
		// memchr2 and memchr3: one vector pass tests every member.
		i := indexAny3(h[from:], s.list[0], s.list[1], s.list[len(s.list)-1])
		if i < 0 {
			return -1
		}
		return from + i
	}
	window := 64
	for lo := from; lo < len(h); {
		hi := min(len(h), lo+window)
		best := -1
		for _, b := range s.list {
			if i := bytes.IndexByte(h[lo:hi], b); i >= 0 && (best < 0 || i < best) {
				best = i
				hi = lo + i // later members need only look before it
			}
		}
		if best >= 0 {
			return lo + best
		}
		lo = hi
		window *= 2
	}
	return -1
}

// scan is the table loop, four bytes a round to keep the loop overhead
// below the cost of the lookups.
func (s *byteSet) scan(h []byte, from int) int {
	i := from
	for ; i+4 <= len(h); i += 4 {
		if s.member[h[i]] {
			return i
		}
		if s.member[h[i+1]] {
			return i + 1
		}
		if s.member[h[i+2]] {
			return i + 2
		}
		if s.member[h[i+3]] {
			return i + 3
		}
	}
	for ; i < len(h); i++ {
		if s.member[h[i]] {
			return i
		}
	}
	return -1
}
