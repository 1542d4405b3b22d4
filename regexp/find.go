package regexp

import (
	"slices"
	"unicode/utf8"
)

// Find returns the text of the leftmost match of re in b, or nil if there
// is none. The result is a subslice of b with its capacity cut to its
// length, so appending to it cannot overwrite b.
func (re *Regexp) Find(b []byte) []byte {
	var a [2]int
	m := re.execute(b, 0, 2, a[:0])
	if m == nil {
		return nil
	}
	return b[m[0]:m[1]:m[1]]
}

// FindIndex returns the location of the leftmost match of re in b as a
// pair of byte offsets: the match is b[loc[0]:loc[1]]. It returns nil if
// there is no match.
func (re *Regexp) FindIndex(b []byte) (loc []int) {
	return re.execute(b, 0, 2, nil)
}

// FindString returns the text of the leftmost match of re in s. It returns
// "" both when there is no match and when the match is empty; use
// [Regexp.FindStringIndex] or [Regexp.FindStringSubmatch] to tell them
// apart.
func (re *Regexp) FindString(s string) string {
	var a [2]int
	m := re.execute(stringBytes(s), 0, 2, a[:0])
	if m == nil {
		return ""
	}
	return s[m[0]:m[1]]
}

// FindStringIndex returns the location of the leftmost match of re in s as
// a pair of byte offsets: the match is s[loc[0]:loc[1]]. It returns nil if
// there is no match.
func (re *Regexp) FindStringIndex(s string) (loc []int) {
	return re.execute(stringBytes(s), 0, 2, nil)
}

// FindSubmatch returns the texts of the leftmost match of re in b and of
// its capturing groups: element 0 is the whole match and element i the
// text of group i, or nil when that group took no part in the match. It
// returns nil if there is no match. Each text is a subslice of b with its
// capacity cut to its length.
func (re *Regexp) FindSubmatch(b []byte) [][]byte {
	var a [4]int
	m := re.execute(b, 0, re.exec.nslots, a[:0])
	if m == nil {
		return nil
	}
	out := make([][]byte, 1+re.numSubexp)
	for i := range out {
		if 2*i < len(m) && m[2*i] >= 0 {
			out[i] = b[m[2*i]:m[2*i+1]:m[2*i+1]]
		}
	}
	return out
}

// FindSubmatchIndex returns the locations of the leftmost match of re in b
// and of its capturing groups: group i is b[loc[2*i]:loc[2*i+1]], and both
// offsets are -1 when the group took no part in the match. It returns nil
// if there is no match.
func (re *Regexp) FindSubmatchIndex(b []byte) []int {
	return re.pad(re.execute(b, 0, re.exec.nslots, nil))
}

// FindStringSubmatch returns the texts of the leftmost match of re in s and
// of its capturing groups: element 0 is the whole match and element i the
// text of group i, or "" when that group took no part in the match. It
// returns nil if there is no match.
func (re *Regexp) FindStringSubmatch(s string) []string {
	var a [4]int
	m := re.execute(stringBytes(s), 0, re.exec.nslots, a[:0])
	if m == nil {
		return nil
	}
	out := make([]string, 1+re.numSubexp)
	for i := range out {
		if 2*i < len(m) && m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}

// FindStringSubmatchIndex returns the locations of the leftmost match of re
// in s and of its capturing groups: group i is s[loc[2*i]:loc[2*i+1]], and
// both offsets are -1 when the group took no part in the match. It returns
// nil if there is no match.
func (re *Regexp) FindStringSubmatchIndex(s string) []int {
	return re.pad(re.execute(stringBytes(s), 0, re.exec.nslots, nil))
}

// allMatches calls deliver with each successive match of re in h, at most
// n of them, with the slots of every group when submatch is set and of the
// whole match otherwise. The slice passed to deliver is only valid during
// the call: the next match reuses it, so a caller that keeps it copies it
// (see chunks).
//
// Matches do not overlap. After a match the search resumes at its end;
// after an empty match it resumes one character further on, where a
// character is a valid UTF-8 sequence or a single byte that does not start
// one. An empty match that begins where the previous match ended is
// dropped, so that "a*" on "baaac" finds "", "aaa" and "" (at the end),
// not also the empty match right after "aaa".
func (re *Regexp) allMatches(h []byte, n int, submatch bool, deliver func(m []int)) {
	ncap := 2
	if submatch {
		ncap = re.exec.nslots
	}
	if len(h) < re.minInputLen {
		return
	}
	// One cache serves the whole loop, so what the search strategy
	// learns about h (see callState) carries over from match to match.
	c := re.exec.getCache(h)
	defer re.exec.putCache(c)
	// Finding every match reads the whole text anyway: checking once
	// that it is valid UTF-8 (which most text is) spares the DFAs a
	// check after every scan (see dfaSet.scan). A call that may stop
	// early does not read everything, and keeps the checks local.
	c.call.readsAll = n > len(h)
	end := len(h)
	prevEnd := -1
	scratch := make([]int, 0, max(ncap, 2*(re.numSubexp+1)))
	for pos, found := 0, 0; found < n && pos <= end; {
		m := re.executeWith(c, pos, ncap, scratch[:0])
		if m == nil {
			return
		}
		keep := true
		if m[1] == pos {
			if m[0] == prevEnd {
				keep = false
			}
			if pos < end {
				_, w := utf8.DecodeRune(h[pos:])
				pos += w
			} else {
				pos = end + 1
			}
		} else {
			pos = m[1]
		}
		prevEnd = m[1]
		if keep {
			if submatch {
				m = re.pad(m)
			}
			deliver(m)
			found++
		}
	}
}

// allLimit turns the count argument of the All methods into a bound on
// the number of matches: negative means no bound, and no text of length L
// holds more than L+1 matches.
func allLimit(n, textLen int) int {
	if n < 0 {
		return textLen + 1
	}
	return n
}

// resultCap is the capacity the All methods start their result with on the
// first match, so that short results need one allocation.
const resultCap = 10

// FindAll returns the texts of all successive matches of re in b, at most n
// of them if n >= 0, or nil if there is none. See "Method names" in the
// package documentation for how successive matches are found.
func (re *Regexp) FindAll(b []byte, n int) [][]byte {
	var out [][]byte
	re.allMatches(b, allLimit(n, len(b)), false, func(m []int) {
		if out == nil {
			out = make([][]byte, 0, resultCap)
		}
		out = append(grow(out), b[m[0]:m[1]:m[1]])
	})
	return out
}

// FindAllIndex returns the locations of all successive matches of re in b,
// at most n of them if n >= 0, or nil if there is none.
func (re *Regexp) FindAllIndex(b []byte, n int) [][]int {
	var out [][]int
	var ints chunks[int]
	re.allMatches(b, allLimit(n, len(b)), false, func(m []int) {
		if out == nil {
			out = make([][]int, 0, resultCap)
		}
		out = append(grow(out), ints.copy(m[0:2]))
	})
	return out
}

// FindAllString returns the texts of all successive matches of re in s, at
// most n of them if n >= 0, or nil if there is none.
func (re *Regexp) FindAllString(s string, n int) []string {
	var out []string
	re.allMatches(stringBytes(s), allLimit(n, len(s)), false, func(m []int) {
		if out == nil {
			out = make([]string, 0, resultCap)
		}
		out = append(grow(out), s[m[0]:m[1]])
	})
	return out
}

// FindAllStringIndex returns the locations of all successive matches of re
// in s, at most n of them if n >= 0, or nil if there is none.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	var out [][]int
	var ints chunks[int]
	re.allMatches(stringBytes(s), allLimit(n, len(s)), false, func(m []int) {
		if out == nil {
			out = make([][]int, 0, resultCap)
		}
		out = append(grow(out), ints.copy(m[0:2]))
	})
	return out
}

// FindAllSubmatch returns, for each successive match of re in b (at most n
// if n >= 0), the texts of the match and its groups as [Regexp.FindSubmatch]
// does, or nil if there is no match.
func (re *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	var out [][][]byte
	var bufs chunks[[]byte]
	re.allMatches(b, allLimit(n, len(b)), true, func(m []int) {
		if out == nil {
			out = make([][][]byte, 0, resultCap)
		}
		texts := bufs.take(len(m) / 2)
		for i := range texts {
			if m[2*i] >= 0 {
				texts[i] = b[m[2*i]:m[2*i+1]:m[2*i+1]]
			}
		}
		out = append(grow(out), texts)
	})
	return out
}

// FindAllSubmatchIndex returns, for each successive match of re in b (at
// most n if n >= 0), the locations of the match and its groups as
// [Regexp.FindSubmatchIndex] does, or nil if there is no match.
func (re *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	var out [][]int
	var ints chunks[int]
	re.allMatches(b, allLimit(n, len(b)), true, func(m []int) {
		if out == nil {
			out = make([][]int, 0, resultCap)
		}
		out = append(grow(out), ints.copy(m))
	})
	return out
}

// FindAllStringSubmatch returns, for each successive match of re in s (at
// most n if n >= 0), the texts of the match and its groups as
// [Regexp.FindStringSubmatch] does, or nil if there is no match.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	var out [][]string
	var strs chunks[string]
	re.allMatches(stringBytes(s), allLimit(n, len(s)), true, func(m []int) {
		if out == nil {
			out = make([][]string, 0, resultCap)
		}
		texts := strs.take(len(m) / 2)
		for i := range texts {
			if m[2*i] >= 0 {
				texts[i] = s[m[2*i]:m[2*i+1]]
			}
		}
		out = append(grow(out), texts)
	})
	return out
}

// FindAllStringSubmatchIndex returns, for each successive match of re in s
// (at most n if n >= 0), the locations of the match and its groups as
// [Regexp.FindStringSubmatchIndex] does, or nil if there is no match.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	var out [][]int
	var ints chunks[int]
	re.allMatches(stringBytes(s), allLimit(n, len(s)), true, func(m []int) {
		if out == nil {
			out = make([][]int, 0, resultCap)
		}
		out = append(grow(out), ints.copy(m))
	})
	return out
}

// grow returns s with room for one more element, doubling its capacity
// when it is full: append grows large slices by a quarter at a time, so a
// result of a hundred thousand matches would be copied some thirty times.
func grow[T any](s []T) []T {
	if len(s) < cap(s) {
		return s
	}
	return slices.Grow(s, max(len(s), resultCap))
}

// chunks hands out the small slices the All methods return, one per
// match, carved from larger arrays: a text with a hundred thousand matches
// then costs a few hundred allocations rather than a hundred thousand.
// Each slice is cut to its length (s[i:j:j]), so appending to one can
// never write into another.
type chunks[T any] struct {
	free []T
	// perChunk is how many slices of the last size the next array
	// holds; it doubles up to maxPerChunk, so short results stay small.
	perChunk int
}

const (
	minPerChunk = 4
	maxPerChunk = 512
)

// take returns a zeroed slice of length n.
func (a *chunks[T]) take(n int) []T {
	if len(a.free) < n {
		a.perChunk = min(max(2*a.perChunk, minPerChunk), maxPerChunk)
		a.free = make([]T, n*a.perChunk)
	}
	s := a.free[:n:n]
	a.free = a.free[n:]
	return s
}

// copy returns a copy of m in a slice from take.
func (a *chunks[T]) copy(m []T) []T {
	s := a.take(len(m))
	copy(s, m)
	return s
}
