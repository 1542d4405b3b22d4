// Package utf8ranges turns ranges of runes into the byte ranges of their
// UTF-8 encodings, the building blocks the NFA compiler strings together.
//
// A rune range such as [U+0400, U+04FF] is not one byte pattern: its
// encodings are d0 80..d3 bf, but d0 c0 is not among them. The range is
// therefore split into pieces whose encodings all have the same length and
// vary independently in each byte, so that each piece becomes a [Sequence]
// of byte ranges, one per encoded byte:
//
//	U+0400-U+04FF  =>  [d0-d3][80-bf]
//	U+0080-U+07FF  =>  [c2-df][80-bf]
//	U+0800-U+FFFF  =>  [e0][a0-bf][80-bf]  [e1-ec][80-bf][80-bf]  [ed][80-9f][80-bf]  [ee-ef][80-bf][80-bf]
//
// Surrogates (U+D800-U+DFFF) have no valid UTF-8 encoding and are left out,
// and so are runes beyond [unicode.MaxRune]. The sequences for a sorted list
// of disjoint rune ranges come out sorted and, position by position, either
// equal or disjoint, so they can be merged into a trie.
package utf8ranges

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Range is an inclusive range of byte values.
type Range struct {
	Lo, Hi byte
}

// Contains reports whether b lies in r.
func (r Range) Contains(b byte) bool { return r.Lo <= b && b <= r.Hi }

// A Sequence is a list of 1 to 4 byte ranges. A string of Len bytes
// matches it when each byte lies in the range at the same position.
type Sequence struct {
	Ranges [utf8.UTFMax]Range
	Len    int
}

// Bytes returns the ranges of s as a slice.
func (s *Sequence) Bytes() []Range { return s.Ranges[:s.Len] }

// Matches reports whether b, a whole encoded rune, matches s.
func (s Sequence) Matches(b []byte) bool {
	if len(b) != s.Len {
		return false
	}
	for i, c := range b {
		if !s.Ranges[i].Contains(c) {
			return false
		}
	}
	return true
}

// String formats s as bracketed hexadecimal ranges, like [e1-ec][80-bf].
func (s Sequence) String() string {
	var b strings.Builder
	for _, r := range s.Bytes() {
		if r.Lo == r.Hi {
			fmt.Fprintf(&b, "[%02x]", r.Lo)
		} else {
			fmt.Fprintf(&b, "[%02x-%02x]", r.Lo, r.Hi)
		}
	}
	return b.String()
}

// maxForLen holds the largest rune of each encoded length 1 to 3; longer
// encodings end at unicode.MaxRune.
var maxForLen = [...]rune{0x7f, 0x7ff, 0xffff}

// Split calls yield with the byte sequences encoding exactly the valid
// runes in [lo, hi], in increasing order. It stops early when yield
// returns false.
func Split(lo, hi rune, yield func(Sequence) bool) bool {
	if lo < 0 {
		lo = 0
	}
	if hi > unicode.MaxRune {
		hi = unicode.MaxRune
	}
	if lo > hi {
		return true
	}
	// Cut out the surrogates, which no valid UTF-8 encodes.
	const surrLo, surrHi = 0xd800, 0xdfff
	if lo < surrLo && hi > surrHi {
		return splitValid(lo, surrLo-1, yield) && splitValid(surrHi+1, hi, yield)
	}
	if lo >= surrLo && lo <= surrHi {
		lo = surrHi + 1
	}
	if hi >= surrLo && hi <= surrHi {
		hi = surrLo - 1
	}
	if lo > hi {
		return true
	}
	return splitValid(lo, hi, yield)
}

// splitValid is Split for a range that holds no surrogates.
//
// It works on an explicit stack of pending ranges, lowest on top, so the
// sequences come out in order without recursion.
func splitValid(lo, hi rune, yield func(Sequence) bool) bool {
	type span struct{ lo, hi rune }
	var stackBuf [16]span
	stack := append(stackBuf[:0], span{lo, hi})
	for len(stack) > 0 {
		r := stack[len(stack)-1]
		stack = stack[:len(stack)-1]

		// First make every rune in the range encode to the same length.
		if cut, ok := lengthBoundary(r.lo, r.hi); ok {
			stack = append(stack, span{cut + 1, r.hi}, span{r.lo, cut})
			continue
		}
		// Then make each continuation byte vary over its full 80-bf
		// range, or the leading bytes stay fixed: for each trailing group
		// of 6 bits, a range whose ends differ above those bits must
		// cover them completely at both ends.
		if lo2, hi2, ok := alignmentCut(r.lo, r.hi); ok {
			stack = append(stack, span{hi2, r.hi}, span{r.lo, lo2})
			continue
		}
		if !yield(encodeRange(r.lo, r.hi)) {
			return false
		}
	}
	return true
}

// lengthBoundary reports the last rune of the first encoding length in
// [lo, hi] when the range mixes lengths.
func lengthBoundary(lo, hi rune) (rune, bool) {
	for _, max := range maxForLen {
		if lo <= max && hi > max {
			return max, true
		}
	}
	return 0, false
}

// alignmentCut finds a split of [lo, hi] into [lo, a] and [b, hi] (b = a+1)
// needed before the range can be written as one sequence, if any.
func alignmentCut(lo, hi rune) (a, b rune, ok bool) {
	n := utf8.RuneLen(lo)
	for i := 1; i < n; i++ {
		mask := rune(1)<<(6*i) - 1
		if lo&^mask == hi&^mask {
			// The bytes above these bits agree; lower groups were
			// already checked.
			continue
		}
		if lo&mask != 0 {
			return lo | mask, (lo | mask) + 1, true
		}
		if hi&mask != mask {
			return hi&^mask - 1, hi &^ mask, true
		}
	}
	return 0, 0, false
}

// encodeRange returns the sequence of [lo, hi], which alignment has made
// expressible byte by byte.
func encodeRange(lo, hi rune) Sequence {
	var a, b [utf8.UTFMax]byte
	n := utf8.EncodeRune(a[:], lo)
	utf8.EncodeRune(b[:], hi)
	var s Sequence
	s.Len = n
	for i := range n {
		s.Ranges[i] = Range{a[i], b[i]}
	}
	return s
}

// All returns the sequences for every rune range in ranges, a list of
// lo-hi pairs sorted in increasing order. Adjacent or overlapping pairs
// are merged first, which keeps the sequences few and trie-compatible.
func All(ranges []rune) []Sequence {
	var out []Sequence
	Merge(ranges, func(lo, hi rune) bool {
		return Split(lo, hi, func(s Sequence) bool {
			out = append(out, s)
			return true
		})
	})
	return out
}

// Merge calls yield with the ranges of the lo-hi pairs in ranges, joining
// pairs that overlap or touch. The pairs must be sorted by lo. It stops
// early when yield returns false.
func Merge(ranges []rune, yield func(lo, hi rune) bool) bool {
	if len(ranges) < 2 {
		return true
	}
	lo, hi := ranges[0], ranges[1]
	for i := 2; i+1 < len(ranges); i += 2 {
		nlo, nhi := ranges[i], ranges[i+1]
		if nlo <= hi+1 {
			hi = max(hi, nhi)
			continue
		}
		if !yield(lo, hi) {
			return false
		}
		lo, hi = nlo, nhi
	}
	return yield(lo, hi)
}
