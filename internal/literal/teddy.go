package literal

import (
	"bytes"
	"slices"
	"sync"
	"sync/atomic"
)

// teddy finds the leftmost occurrence of any of 2 to maxTeddyLiterals (32)
// literals with SIMD: the "Teddy" algorithm of Hyperscan, written here
// from its published description.
//
// The literals are split into 8 buckets, one bit each. For each of k bytes
// of the literals (k = min(3, shortest literal), from an offset where they
// are rare) two tables
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
	k    int
	lits [][]byte
	// variants hold the tables for each offset the k bytes can be taken
	// at in every literal, the first maxTeddyOffsets: not always the start,
	// since "she" or "pro" begin many English words while a few bytes
	// on the names are rarer. cur is the offset in use, first chosen by
	// the [byteRank] table, then from the text by Find when candidates
	// keep failing (see memmem); it is kept for later calls.
	variants []teddyVariant
	// order backs the buckets of every variant, len(lits) entries each.
	order []int32
	cur   atomic.Int32
	// settled is set once the offset has been chosen from a text: as
	// for memmem, counting a sample is done once per searcher.
	settled atomic.Bool
	longest bool
	// fold says the literals hold no upper-case ASCII letter and each
	// lower-case one also matches its upper case.
	fold bool
}

// A teddyVariant is Teddy's tables for the k bytes at offset off, filled
// in once.
type teddyVariant struct {
	once  sync.Once
	off   int
	masks teddyMasks
	// buckets lists the literals of each bucket by index into lits,
	// in preference order.
	buckets [8][]int32
}

// maxTeddyOffsets caps the offsets Teddy has tables for: each costs a
// sort of the literals when the searcher is built, which a pattern used
// once pays in full.
const maxTeddyOffsets = 8

// teddyMasks are the nibble tables, laid out for the assembly: lo[j] and
// hi[j] give the buckets of low and high nibbles at offset j. Offsets at
// or beyond k accept everything (all ones), so the vector loop always
// does three lookups.
type teddyMasks struct {
	lo, hi [3][16]byte
}

const (
	// maxTeddyLiterals is the largest set Teddy takes: with more, the
	// eight buckets hold so many literals that false candidates eat the
	// gain. On 900 KB of English subtitles, 32 common words ran 2-6x
	// faster than Aho-Corasick, 64 at best at parity and often slower.
	// (A 16-bucket AVX2 variant, Hyperscan's "fat Teddy", would take
	// larger sets; it is not written.)
	maxTeddyLiterals = 32
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

// buildTeddy builds the searcher for one or more non-empty literals
// whatever the build and the size of the set (tests use it beyond the
// limits). With fold, the literals must hold no upper-case ASCII letter,
// and each lower-case one matches both cases.
func buildTeddy(lits [][]byte, longest, fold bool) *teddy {
	t := &teddy{lits: lits, longest: longest, k: 3, fold: fold}
	minLen := len(lits[0])
	for _, l := range lits {
		minLen = min(minLen, len(l))
	}
	t.k = min(t.k, minLen)
	// Only the offset chosen by the table is filled in now; the others
	// when Find first switches to them (once per searcher), in memory
	// allocated here, so that Find never allocates.
	n := min(minLen-t.k+1, maxTeddyOffsets)
	t.variants = make([]teddyVariant, n)
	t.order = make([]int32, n*len(lits))
	for off := range t.variants {
		t.variants[off].off = off
	}
	off := t.bestOffset(func(c byte) float64 { return float64(frequency(c)) })
	t.cur.Store(int32(off))
	t.variantAt(off)
	return t
}

// variantAt returns the tables for offset off, filling them in on first
// use.
func (t *teddy) variantAt(off int) *teddyVariant {
	v := &t.variants[off]
	v.once.Do(func() { t.fill(v) })
	return v
}

// fill fills in the tables of v for the k bytes at its offset.
func (t *teddy) fill(v *teddyVariant) {
	off := v.off
	// Literals with the same bytes there share a bucket: sorted by
	// them, the set is cut into eight runs.
	order := t.order[off*len(t.lits) : (off+1)*len(t.lits)]
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		return bytes.Compare(t.lits[a][off:off+t.k], t.lits[b][off:off+t.k])
	})
	per := (len(t.lits) + 7) / 8
	for b := range v.buckets {
		// The buckets are runs of order, which backs them all.
		v.buckets[b] = order[min(b*per, len(order)):min((b+1)*per, len(order))]
	}
	for n, i := range order {
		b := n / per
		for j := range t.k {
			c := t.lits[i][off+j]
			v.masks.lo[j][c&15] |= 1 << b
			v.masks.hi[j][c>>4] |= 1 << b
			if t.fold && isLower(c) {
				// The upper case differs only in the high nibble.
				v.masks.hi[j][(c-0x20)>>4] |= 1 << b
			}
		}
	}
	for b := range v.buckets {
		slices.Sort(v.buckets[b]) // preference order within the bucket
	}
	for j := t.k; j < 3; j++ {
		for c := range 16 {
			v.masks.lo[j][c], v.masks.hi[j][c] = 0xFF, 0xFF
		}
	}
}

// bestOffset returns the offset whose k bytes are rarest by freq, both
// cases counted when folding, the first on ties. A window of text matches
// a literal's k bytes with about the product of their frequencies, and
// any of the literals with the sum of those products, which is the cost
// minimised.
func (t *teddy) bestOffset(freq func(byte) float64) int {
	best, bestCost := 0, -1.0
	for off := range t.variants {
		cost := 0.0
		for _, l := range t.lits {
			p := 1.0
			for _, c := range l[off : off+t.k] {
				f := freq(c)
				if t.fold && isLower(c) {
					f += freq(c - 0x20)
				}
				p *= f
			}
			cost += p
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = off, cost
		}
	}
	return best
}

// offsetFromText returns the best offset by the byte counts of sample.
func (t *teddy) offsetFromText(sample []byte) int {
	var count [256]int
	for _, b := range sample {
		count[b]++
	}
	return t.bestOffset(func(c byte) float64 { return float64(count[c] + 1) })
}

// variant returns the tables in use.
func (t *teddy) variant() *teddyVariant { return t.variantAt(int(t.cur.Load())) }

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
	cur := t.cur.Load()
	v := t.variantAt(int(cur))
	fails, since, chosen := 0, from, len(t.variants) == 1 || t.settled.Load()
	// The scan runs over the positions of the tested bytes, off bytes
	// after the literal's start.
	for pos := from + v.off; pos <= len(h)-t.k; {
		i := teddyIndex(&v.masks, h[pos:], t.k)
		if i < 0 {
			break
		}
		p := pos + i - v.off
		if end, ok := t.verify(v, h, p); ok {
			return p, end, true
		}
		pos += i + 1
		if fails++; chosen || fails <= minFalse || fails*falseEvery <= p-since {
			continue
		}
		// The bytes at this offset are common in this text: count
		// the bytes just scanned and take the offset rarest there.
		// Every start up to p has been ruled out, whichever offset
		// found it.
		chosen = true
		t.settled.Store(true)
		if off := int32(t.offsetFromText(h[max(since, p-sampleBytes):pos])); off != cur {
			t.cur.CompareAndSwap(cur, off)
			cur, v = off, t.variantAt(int(off))
			pos = p + 1 + v.off
		}
	}
	return 0, 0, false
}

// verify returns the end of the literal an alternation prefers at p among
// those of the buckets v's tables give for p.
func (t *teddy) verify(v *teddyVariant, h []byte, p int) (int, bool) {
	bits := v.masks.bucketsAt(h, p+v.off, t.k)
	best, end := int32(-1), -1
	for b := 0; bits != 0; b, bits = b+1, bits>>1 {
		if bits&1 == 0 {
			continue
		}
		for _, id := range v.buckets[b] {
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
	return end, best >= 0
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
