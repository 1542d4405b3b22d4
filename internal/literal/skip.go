package literal

import (
	"encoding/binary"
	"math/bits"
)

// A skipTable lets Aho-Corasick jump over text where no literal can start,
// for small sets of long literals: Wu and Manber's extension of Horspool's
// algorithm to a set. The automaton reads every byte, one dependent table
// load at a time (about 5ns on DNA, where every byte starts some literal);
// the skip loop looks at the last four bytes of a window as long as the
// shortest literal and moves the window by how far those four bytes are
// from the end of any literal's prefix of that length, a few bytes at a
// time on average.
//
// A window whose four bytes end such a prefix (shift 0) is a candidate:
// the automaton's trie checks every literal there, anchored. Windows are
// tried left to right and none is skipped that could start a literal, so
// the first candidate that matches is the leftmost match, and the trie
// picks the literal an alternation prefers there.
type skipTable struct {
	// window is the length of the shortest literal.
	window int
	// fold lower-cases ASCII letters (with all of 0x20) before hashing,
	// for a set searched as its case-folded bases; applied alike to
	// the literals and the text, it only ever merges blocks, which can
	// only lower a shift.
	fold uint32
	// shift is indexed by a block's hash, the top hashBits bits of a
	// multiplicative hash.
	shift    []uint8
	hashBits uint
}

const (
	// skipBlock is the number of bytes hashed per window.
	skipBlock = 4
	// minSkipHashBits and maxSkipHashBits bound the size of the shift
	// table (1 to 64 KiB); within them the table has skipHashSlack bits
	// more than the blocks of the literals need, so that a block of text
	// that ends no prefix seldom collides with one that does. Sizing by
	// the set keeps a table for a few literals cheap to build: filling
	// 64 KiB cost more than building the rest of the automaton.
	minSkipHashBits = 10
	maxSkipHashBits = 16
	skipHashSlack   = 7
	// minSkipWindow is the shortest literal a skip table is built for:
	// shorter windows move too little to beat the automaton.
	minSkipWindow = 6
	// maxSkipLiterals caps the set: with many literals nearly every
	// block ends some prefix and the shifts fall to zero.
	maxSkipLiterals = 64
)

// newSkipTable returns a skip table for lits (already case-folded when
// fold is set), or nil when the set is too large or a literal too short.
func newSkipTable(lits [][]byte, fold bool) *skipTable {
	if len(lits) > maxSkipLiterals {
		return nil
	}
	window := -1
	for _, l := range lits {
		if window < 0 || len(l) < window {
			window = len(l)
		}
	}
	if window < minSkipWindow {
		return nil
	}
	t := &skipTable{window: window}
	if fold {
		t.fold = 0x20202020
	}
	blocks := len(lits) * (window - skipBlock + 1)
	t.hashBits = min(max(uint(bits.Len(uint(blocks)))+skipHashSlack, minSkipHashBits), maxSkipHashBits)
	t.shift = make([]uint8, 1<<t.hashBits)
	def := uint8(min(window-skipBlock+1, 255))
	for i := range t.shift {
		t.shift[i] = def
	}
	for _, l := range lits {
		for j := 0; j+skipBlock <= window; j++ {
			k := t.hash(binary.LittleEndian.Uint32(l[j:]))
			t.shift[k] = min(t.shift[k], uint8(window-skipBlock-j))
		}
	}
	return t
}

func (t *skipTable) hash(block uint32) uint32 {
	return ((block | t.fold) * 0x9E3779B1) >> (32 - t.hashBits)
}

// find returns the leftmost match at or after from, checking candidates
// with a.matchAt.
func (t *skipTable) find(a *ahoCorasick, h []byte, from int) (int, int, bool) {
	last := len(h) - skipBlock // the last block start
	for i := from + t.window - skipBlock; i <= last; {
		if s := t.shift[t.hash(binary.LittleEndian.Uint32(h[i:]))]; s > 0 {
			i += int(s)
			continue
		}
		start := i + skipBlock - t.window
		if e, ok := a.matchAt(h, start); ok {
			return start, e, true
		}
		i++
	}
	return 0, 0, false
}
