package literal

import (
	"bytes"
	"sync/atomic"
)

// memmem finds one literal of two or more bytes with a pair search: two
// bytes of the literal at their offsets, tested together (indexPair, 16 or
// 32 positions at a time in assembly). Two bytes at a fixed distance are
// far rarer together than either alone, and rarer still when each is rare.
//
// Which two bytes are rare depends on the text. The first choice comes from
// the [byteRank] table, which knows English and code; but in Russian text a
// given continuation byte such as 0x81 (the second byte of "с") is among
// the most common bytes, and in Chinese text the lead bytes 0xE4-0xE9 are.
// So Find counts false candidates, where the pair matches but the literal
// does not: once they come more often than one per falseEvery bytes, it
// counts the bytes of the text it has just scanned, picks the two bytes of
// the literal that were rarest there, and goes on with that pair. The
// choice is kept (atomically) for later calls, which start with the pair
// that proved good; it is made once per searcher. Should the text's own
// choice fail as well, the rest of the call runs [bytes.Index], which has its own worst-case guarantee (the
// verification of candidates alone could cost the literal's length per
// byte on a periodic text).
type memmem struct {
	lit []byte
	// pair is the packed bytePair the next call starts with.
	pair atomic.Uint64
	// settled is set once a pair has been chosen from a text. Counting a
	// sample costs more per byte than the vector scan, so it is done
	// once per searcher: after that a pair that fails goes straight to
	// bytes.Index for the rest of the call.
	settled atomic.Bool
}

// A bytePair is the pair a memmem scans for: b1 at offset o1 of the
// literal and b2 at offset o2 > o1.
type bytePair struct {
	o1, o2 int
	b1, b2 byte
}

// pack and unpackPair keep a bytePair in one atomic word: 24 bits per
// offset, which is why offsets are chosen among the first maxPairOffset
// bytes of the literal.
func (p bytePair) pack() uint64 {
	return uint64(p.o1) | uint64(p.o2)<<24 | uint64(p.b1)<<48 | uint64(p.b2)<<56
}

func unpackPair(v uint64) bytePair {
	return bytePair{o1: int(v & 0xFFFFFF), o2: int(v >> 24 & 0xFFFFFF), b1: byte(v >> 48), b2: byte(v >> 56)}
}

const (
	maxPairOffset = 1<<24 - 1
	// falseEvery is the fewest bytes per false candidate a pair must
	// skip on average to be kept. A false candidate costs a return from
	// the vector loop, a comparison and a restart, about as long as
	// scanning a hundred bytes.
	falseEvery = 256
	// minFalse false candidates are always allowed, so that a pair is
	// not judged by a few unlucky hits at the start of a call.
	minFalse = 8
	// sampleBytes is the most text counted to choose a pair from.
	sampleBytes = 4096
)

func newMemmem(lit []byte) *memmem {
	m := &memmem{lit: lit}
	m.pair.Store(pairByRank(lit).pack())
	return m
}

// pairByRank chooses the two rarest bytes of lit by the [byteRank] table.
func pairByRank(lit []byte) bytePair {
	return choosePair(lit, func(b byte) int { return int(byteRank[b]) })
}

// choosePair returns the pair of lit's bytes with the lowest costs, at
// different offsets, preferring different byte values (a pair of equal
// bytes is no rarer than a run of that byte) and, on ties, later offsets
// (often more specific than a common first letter).
func choosePair(lit []byte, cost func(byte) int) bytePair {
	n := min(len(lit), maxPairOffset+1)
	best := -1
	for i := n - 1; i >= 0; i-- {
		if best < 0 || cost(lit[i]) < cost(lit[best]) {
			best = i
		}
	}
	second := -1
	for i := n - 1; i >= 0; i-- {
		if i == best {
			continue
		}
		if second < 0 || better(lit, cost, best, i, second) {
			second = i
		}
	}
	o1, o2 := min(best, second), max(best, second)
	return bytePair{o1: o1, o2: o2, b1: lit[o1], b2: lit[o2]}
}

// better reports whether offset i makes a better partner for offset best
// than offset j does.
func better(lit []byte, cost func(byte) int, best, i, j int) bool {
	same := func(k int) bool { return lit[k] == lit[best] }
	if same(i) != same(j) {
		return !same(i)
	}
	return cost(lit[i]) < cost(lit[j])
}

// pairFromText chooses the pair from the counts of the literal's bytes in
// sample, ranking bytes equally frequent there by the table.
func pairFromText(lit, sample []byte) bytePair {
	var count [256]int
	for _, b := range sample {
		count[b]++
	}
	return choosePair(lit, func(b byte) int { return count[b]<<8 | int(byteRank[b]) })
}

func (m *memmem) Find(h []byte, from int) (int, int, bool) {
	n := len(m.lit)
	if from > len(h) || len(h)-from < n {
		return 0, 0, false
	}
	packed := m.pair.Load()
	p := unpackPair(packed)
	last := len(h) - n // the last start a match can have
	fails, since := 0, from
	chosen := m.settled.Load() // whether p was chosen from a text
	for start := from; start <= last; {
		w := h[start+p.o1 : last+p.o2+1]
		i := indexPair(w, p.b1, p.b2, 0, 0, p.o2-p.o1)
		if i < 0 {
			return 0, 0, false
		}
		s := start + i
		if bytes.Equal(h[s:s+n], m.lit) {
			return s, s + n, true
		}
		start = s + 1
		if fails++; fails <= minFalse || fails*falseEvery <= start-since {
			continue
		}
		// The pair is common in this text.
		if chosen {
			return m.index(h, start)
		}
		p = pairFromText(m.lit, h[max(since, start-sampleBytes):start+n-1])
		if v := p.pack(); v != packed {
			m.pair.CompareAndSwap(packed, v)
			packed = v
		}
		m.settled.Store(true)
		chosen, fails, since = true, 0, start
	}
	return 0, 0, false
}

// index finds the literal with bytes.Index.
func (m *memmem) index(h []byte, from int) (int, int, bool) {
	i := bytes.Index(h[from:], m.lit)
	if i < 0 {
		return 0, 0, false
	}
	return from + i, from + i + len(m.lit), true
}
