package regexp

import "unsafe"

// Every search method funnels into execute (or, for the All methods,
// (*meta.Regexp).All): package internal/meta picks the strategy and the
// engines and runs them.

// execute finds the leftmost match of re in h at or after pos, and
// appends the first ncap submatch slots (0, 2 or all of them) to dst.
// It returns nil when there is no match and a non-nil slice otherwise,
// even when ncap is 0. Slots of groups the program does not contain are
// not appended; see pad.
func (re *Regexp) execute(h []byte, pos int, ncap int, dst []int) []int {
	return re.exec().Find(h, pos, re.longest, ncap, dst)
}

// nslots returns the number of submatch slots a search fills: two per
// group, counting group 0.
func (re *Regexp) nslots() int {
	return re.exec().NumSlots()
}

// matchString reports whether s contains a match, without copying s.
func (re *Regexp) matchString(s string) bool {
	return re.execute(stringBytes(s), 0, 0, nil) != nil
}

// match reports whether b contains a match.
func (re *Regexp) match(b []byte) bool {
	return re.execute(b, 0, 0, nil) != nil
}

// stringBytes returns the bytes of s without copying them. The engines
// only read the text, so the string's immutability is kept.
func stringBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// pad extends a match found by execute with -1 pairs for the groups the
// program lost in simplification (such as the group in (a){0}), so that
// every Submatch result has 2*(NumSubexp()+1) entries. A nil match stays
// nil.
func (re *Regexp) pad(m []int) []int {
	if m == nil {
		return nil
	}
	for n := 2 * (re.numSubexp + 1); len(m) < n; {
		m = append(m, -1)
	}
	return m
}
