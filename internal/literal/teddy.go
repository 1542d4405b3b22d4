package literal

import (
	"bytes"
	"slices"
)

// teddy finds the leftmost occurrence of any of 2 to maxTeddyLiterals
// literals with SIMD: the "Teddy" algorithm of Hyperscan, written here
// from its published description.
//
// The literals are split into 8 buckets, one bit each. For each of the
// first k bytes of the literals (k = min(3, shortest literal)) two tables
// of 16 bytes map a text byte's low and high nibble to the buckets having
// a literal with that nibble there. A vector of 16 or 32 text bytes is
// split into nibbles, each nibble vector looked up with one byte shuffle
// (PSHUFB) and the results ANDed over both nibbles and the k offsets: a
// non-zero byte is a position where the first k bytes of some literal of
// that bucket may start. Only those positions are verified, literal by
// literal of the buckets that matched, so the text is read at vector speed
// and a candidate costs a few comparisons.
//
// Candidates come in order, so the first position where a literal matches
// is the leftmost match, and at it the literal an alternation prefers is
// picked from all that match: the first (leftmost-first) or the longest.
//
// Teddy runs only where the vector routines exist (haveSIMD, and SSSE3 for
// the shuffle); the pure-Go twin of the block scan is kept for the fuzz
// target and for other builds would be slower than Aho-Corasick.
type teddy struct {
	masks teddyMasks
	k     int
	lits  [][]byte
	// buckets lists the literals of each bucket by index into lits,
	// in preference order.
	buckets [8][]int32
	longest bool
	// fold says the literals hold no upper-case ASCII letter and each
	// lower-case one also matches its upper case.
	fold bool
}

// teddyMasks are the nibble tables, laid out for the assembly: lo[j] and
// hi[j] give the buckets of low and high nibbles at offset j. Offsets at
// or beyond k accept everything (all ones), so the vector loop always
// does three lookups.
type teddyMasks struct {
	lo, hi [3][16]byte
}

const (
	// maxTeddyLiterals is the largest set Teddy takes: with more, the
	// eight buckets hold so many literals that nearly every position is
	// a candidate, and Aho-Corasick is faster.
	maxTeddyLiterals = 64
	// minTeddyLen is the shortest literal Teddy takes: with one byte per
	// literal its masks are a plain byte set with worse false candidates.
	minTeddyLen = 2
)

// newTeddy returns a Teddy searcher for lits in preference order, or nil
// when the set does not suit it or this build has no vector routine for
// it.
func newTeddy(lits [][]byte, longest bool) *teddy {
	if !haveTeddy || len(lits) < 2 || len(lits) > maxTeddyLiterals {
		return nil
	}
	minLen := len(lits[0])
	for _, l := range lits {
		minLen = min(minLen, len(l))
	}
	if minLen < minTeddyLen {
		return nil
	}
	return buildTeddy(lits, longest, false)
}

// buildTeddy builds the searcher for 1 to maxTeddyLiterals non-empty
// literals whatever the build. With fold, the literals must hold no
// upper-case ASCII letter, and each lower-case one matches both cases.
func buildTeddy(lits [][]byte, longest, fold bool) *teddy {
	t := &teddy{lits: lits, longest: longest, k: 3, fold: fold}
	for _, l := range lits {
		t.k = min(t.k, len(l))
	}
	// Literals with the same first bytes share a bucket: sorted by
	// them, the set is cut into eight runs.
	order := make([]int32, len(lits))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		return bytes.Compare(lits[a][:t.k], lits[b][:t.k])
	})
	per := (len(lits) + 7) / 8
	for n, i := range order {
		b := n / per
		t.buckets[b] = append(t.buckets[b], i)
		for j := range t.k {
			c := lits[i][j]
			t.masks.lo[j][c&15] |= 1 << b
			t.masks.hi[j][c>>4] |= 1 << b
			if fold && isLower(c) {
				// The upper case differs only in the high nibble.
				t.masks.hi[j][(c-0x20)>>4] |= 1 << b
			}
		}
	}
	for b := range t.buckets {
		slices.Sort(t.buckets[b]) // preference order within the bucket
	}
	for j := t.k; j < 3; j++ {
		for c := range 16 {
			t.masks.lo[j][c], t.masks.hi[j][c] = 0xFF, 0xFF
		}
	}
	return t
}

// bucketsAt returns the buckets whose literals may start at p, which has
// at least k bytes after it.
func (m *teddyMasks) bucketsAt(h []byte, p, k int) byte {
	bits := byte(0xFF)
	for j := range k {
		c := h[p+j]
		bits &= m.lo[j][c&15] & m.hi[j][c>>4]
	}
	return bits
}

// teddyIndexGo returns the first position i of w with i+k <= len(w) where
// some bucket may match, or -1: the pure-Go twin of the vector routines.
func teddyIndexGo(m *teddyMasks, w []byte, k int) int {
	for i := 0; i+k <= len(w); i++ {
		if m.bucketsAt(w, i, k) != 0 {
			return i
		}
	}
	return -1
}

func (t *teddy) Find(h []byte, from int) (int, int, bool) {
	for pos := from; pos <= len(h)-t.k; {
		i := teddyIndex(&t.masks, h[pos:], t.k)
		if i < 0 {
			break
		}
		p := pos + i
		bits := t.masks.bucketsAt(h, p, t.k)
		best, end := int32(-1), -1
		for b := 0; bits != 0; b, bits = b+1, bits>>1 {
			if bits&1 == 0 {
				continue
			}
			for _, id := range t.buckets[b] {
				l := t.lits[id]
				if !t.hasPrefix(h[p:], l) {
					continue
				}
				if best < 0 || (t.longest && p+len(l) > end) || (!t.longest && id < best) {
					best, end = id, p+len(l)
				}
				if !t.longest {
					break // later literals of the bucket are less preferred
				}
			}
		}
		if best >= 0 {
			return p, end, true
		}
		pos = p + 1
	}
	return 0, 0, false
}

// hasPrefix reports whether h starts with the literal l, folding ASCII
// case if t does.
func (t *teddy) hasPrefix(h, l []byte) bool {
	if !t.fold {
		return bytes.HasPrefix(h, l)
	}
	if len(h) < len(l) {
		return false
	}
	for i, c := range l {
		b := h[i]
		if isLower(c) {
			b |= 0x20
		}
		if b != c {
			return false
		}
	}
	return true
}
