package regexp

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
	m := re.execute(b, 0, re.nslots(), a[:0])
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
	return re.pad(re.execute(b, 0, re.nslots(), nil))
}

// FindStringSubmatch returns the texts of the leftmost match of re in s and
// of its capturing groups: element 0 is the whole match and element i the
// text of group i, or "" when that group took no part in the match. It
// returns nil if there is no match.
func (re *Regexp) FindStringSubmatch(s string) []string {
	var a [4]int
	m := re.execute(stringBytes(s), 0, re.nslots(), a[:0])
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
	return re.pad(re.execute(stringBytes(s), 0, re.nslots(), nil))
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

// The All methods first collect the matches in a matchList and then
// build their result at its exact size: growing the result as matches
// come would copy it (and its pointers, which the garbage collector then
// tracks) a dozen times on a text with many matches.

// FindAll returns the texts of all successive matches of re in b, at most n
// of them if n >= 0, or nil if there is none. See "Method names" in the
// package documentation for how successive matches are found.
func (re *Regexp) FindAll(b []byte, n int) [][]byte {
	var l matchList
	re.collect(&l, b, n, false)
	if l.n == 0 {
		return nil
	}
	out := make([][]byte, l.n)
	l.each(func(i int, m []int) { out[i] = b[m[0]:m[1]:m[1]] })
	return out
}

// FindAllIndex returns the locations of all successive matches of re in b,
// at most n of them if n >= 0, or nil if there is none.
func (re *Regexp) FindAllIndex(b []byte, n int) [][]int {
	var l matchList
	re.collect(&l, b, n, false)
	return l.slices()
}

// FindAllString returns the texts of all successive matches of re in s, at
// most n of them if n >= 0, or nil if there is none.
func (re *Regexp) FindAllString(s string, n int) []string {
	var l matchList
	re.collect(&l, stringBytes(s), n, false)
	if l.n == 0 {
		return nil
	}
	out := make([]string, l.n)
	l.each(func(i int, m []int) { out[i] = s[m[0]:m[1]] })
	return out
}

// FindAllStringIndex returns the locations of all successive matches of re
// in s, at most n of them if n >= 0, or nil if there is none.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	var l matchList
	re.collect(&l, stringBytes(s), n, false)
	return l.slices()
}

// FindAllSubmatch returns, for each successive match of re in b (at most n
// if n >= 0), the texts of the match and its groups as [Regexp.FindSubmatch]
// does, or nil if there is no match.
func (re *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	var l matchList
	re.collect(&l, b, n, true)
	if l.n == 0 {
		return nil
	}
	out := make([][][]byte, l.n)
	texts := l.textsBytes()
	l.each(func(i int, m []int) {
		var t [][]byte
		if i < exactMatches {
			t = make([][]byte, len(m)/2)
		} else {
			t = texts[: len(m)/2 : len(m)/2]
			texts = texts[len(m)/2:]
		}
		for k := range t {
			if m[2*k] >= 0 {
				t[k] = b[m[2*k]:m[2*k+1]:m[2*k+1]]
			}
		}
		out[i] = t
	})
	return out
}

// FindAllSubmatchIndex returns, for each successive match of re in b (at
// most n if n >= 0), the locations of the match and its groups as
// [Regexp.FindSubmatchIndex] does, or nil if there is no match.
func (re *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	var l matchList
	re.collect(&l, b, n, true)
	return l.slices()
}

// FindAllStringSubmatch returns, for each successive match of re in s (at
// most n if n >= 0), the texts of the match and its groups as
// [Regexp.FindStringSubmatch] does, or nil if there is no match.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	var l matchList
	re.collect(&l, stringBytes(s), n, true)
	if l.n == 0 {
		return nil
	}
	out := make([][]string, l.n)
	texts := l.textsStrings()
	l.each(func(i int, m []int) {
		var t []string
		if i < exactMatches {
			t = make([]string, len(m)/2)
		} else {
			t = texts[: len(m)/2 : len(m)/2]
			texts = texts[len(m)/2:]
		}
		for k := range t {
			if m[2*k] >= 0 {
				t[k] = s[m[2*k]:m[2*k+1]]
			}
		}
		out[i] = t
	})
	return out
}

// FindAllStringSubmatchIndex returns, for each successive match of re in s
// (at most n if n >= 0), the locations of the match and its groups as
// [Regexp.FindStringSubmatchIndex] does, or nil if there is no match.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	var l matchList
	re.collect(&l, stringBytes(s), n, true)
	return l.slices()
}

// collect fills l with the matches (*meta.Regexp).All finds in h for an
// All method called with n: the whole match, or with submatch every group
// too. The caller's l stays on its stack: a call that finds no match
// allocates nothing.
func (re *Regexp) collect(l *matchList, h []byte, n int, submatch bool) {
	re.exec().All(h, allLimit(n, len(h)), re.longest, submatch, l.add)
}

// A matchList holds matches of one width (2, or every group's 2). The
// first exactMatches matches get a slice each, of exactly their width,
// as the standard library allocates every match: most All calls on short
// texts find a few, and a chunk sized for more would hold unused slots
// (a chunk of eight matches of eight groups is 1 KiB), and below about
// 64 matches the chunks' unused tails and the list of chunks cost more
// bytes than the standard library's growing result does (measured by
// TestShortAllAllocs in bench/). Later matches go into chunks of an
// eighth of the matches so far (at most maxPerChunk), so that a text with
// many matches allocates a few dozen chunks, copies nothing, and leaves
// little of its last chunk unused.
type matchList struct {
	width int
	n     int
	first [exactMatches][]int // the first matches, one slice each
	full  [][]int             // filled chunks, in order
	cur   []int               // the chunk being filled
}

const (
	exactMatches = 64
	maxPerChunk  = 4096
)

// add appends a copy of m, which must have the width of the matches
// before it.
func (l *matchList) add(m []int) {
	l.width = len(m)
	if l.n < exactMatches {
		l.first[l.n] = append([]int(nil), m...)
		l.n++
		return
	}
	if len(l.cur)+len(m) > cap(l.cur) {
		if l.cur != nil {
			l.full = append(l.full, l.cur)
		}
		per := min(max(l.n/8, 1), maxPerChunk)
		l.cur = make([]int, 0, per*len(m))
	}
	l.cur = append(l.cur, m...)
	l.n++
}

// each calls f with every match in order; m is cut to its width
// (m[i:j:j]), so a caller may return it to its own caller: appending to it
// cannot write into the next.
func (l *matchList) each(f func(i int, m []int)) {
	i := 0
	for _, m := range l.first[:min(l.n, exactMatches)] {
		f(i, m[:l.width:l.width])
		i++
	}
	visit := func(c []int) {
		for j := 0; j+l.width <= len(c) && l.width > 0; j += l.width {
			f(i, c[j:j+l.width:j+l.width])
			i++
		}
	}
	for _, c := range l.full {
		visit(c)
	}
	visit(l.cur)
}

// textsBytes and textsStrings return one array for the group texts of
// the matches past the first exactMatches; the first get a slice each,
// as their slots do: one array for all of them, past 512 bytes, would
// also carry a malloc header and round up to a larger size class.
func (l *matchList) textsBytes() [][]byte {
	return make([][]byte, max(l.n-exactMatches, 0)*l.width/2)
}

func (l *matchList) textsStrings() []string {
	return make([]string, max(l.n-exactMatches, 0)*l.width/2)
}

// slices returns the matches as a [][]int, or nil when there are none.
func (l *matchList) slices() [][]int {
	if l.n == 0 {
		return nil
	}
	out := make([][]int, l.n)
	l.each(func(i int, m []int) { out[i] = m })
	return out
}
