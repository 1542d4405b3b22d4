package literal

import (
	"bytes"
	"slices"
	"unicode/utf8"
)

// ahoCorasick finds the leftmost occurrence of any of a set of literals, and
// at that position the literal an alternation of them would match: the
// first in the set (leftmost-first) or the longest (leftmost-longest).
//
// The automaton is a DFA: the trie of the literals with every missing
// transition filled in through the failure links, so the scan is one table
// lookup per byte. Bytes that occur in no literal all behave alike and
// share one column of the table (byte classes), which keeps rows short; the
// row length is a power of two so a state's row is found by shifting.
//
// The scan stops at the first position where some literal ends. That
// literal need not be the leftmost one: with "bcd" and "abcde" in the set,
// "abcde" starts first but ends last. But the leftmost occurrence cannot
// end before the first end e, so it starts no earlier than e-maxLen, and no
// later than the literal found. resolve walks the trie from each start in
// that window until one matches. Successive calls from the end of the
// previous match look at disjoint windows and disjoint scans, so finding
// all matches stays linear in the haystack times the longest literal.
//
// Where SIMD is available, sets of up to 32 literals of two bytes or more
// use [teddy] instead; the automaton takes larger sets, sets with one-byte
// literals, the ASCII case variants of a few bases, and every set in
// builds without the vector routines.
type ahoCorasick struct {
	classes [256]uint8
	shift   uint // log2 of the row length
	// trans holds the row of state s at s<<shift; entries are
	// premultiplied rows, complemented (negative) for a state where
	// some literal ends.
	trans []int32
	depth []int32 // bytes from the root, by state number
	// matchLen is the length of the longest literal that ends in each
	// state, 0 if none does: the scan stops on non-zero.
	matchLen []int32
	// term is the index of the first literal that is exactly the state's
	// trie path, -1 if none.
	term    []int32
	maxLen  int
	longest bool
	// first holds the first bytes of all literals: from the root, the
	// scan skips ahead to one of them without touching the table.
	first *byteSet
	// skip, when not nil, replaces the scan for small sets of long
	// literals (see skipTable).
	skip *skipTable
}

// maxAhoEntries caps the transition table (4 bytes per entry).
const maxAhoEntries = 1 << 22

// newAhoCorasick builds the automaton for non-empty literals given in
// preference order. It returns nil when the table would exceed
// maxAhoEntries.
func newAhoCorasick(lits [][]byte, longest bool) *ahoCorasick {
	// A set that holds every ASCII case variant of some base literals,
	// as (?i)agggtaaa|tttaccct gives (512 literals), is searched as its
	// bases with each upper-case letter in its lower-case letter's
	// class: the same matches from a table hundreds of times smaller.
	bases, fold := asciiFoldBases(lits)
	if fold {
		lits = bases
	}
	return buildAhoCorasick(lits, fold, longest)
}

// buildAhoCorasick builds the automaton for non-empty literals given in
// preference order. With fold set, the literals hold no upper-case ASCII
// letter and each lower-case one also matches its upper case. It returns
// nil when the table would exceed maxAhoEntries.
func buildAhoCorasick(lits [][]byte, fold, longest bool) *ahoCorasick {
	a := &ahoCorasick{longest: longest}
	var used [256]bool
	var firsts []byte
	nodes := 1
	for _, l := range lits {
		for _, b := range l {
			used[b] = true
		}
		firsts = append(firsts, l[0])
		if fold && 'a' <= l[0] && l[0] <= 'z' {
			firsts = append(firsts, l[0]-'a'+'A')
		}
		nodes += len(l)
		a.maxLen = max(a.maxLen, len(l))
	}
	a.first = newByteSet(firsts)
	numClasses := 1 // class 0 is every byte no literal uses
	for b, u := range used {
		if u {
			a.classes[b] = uint8(numClasses)
			numClasses++
		}
	}
	if fold {
		for b := 'A'; b <= 'Z'; b++ {
			a.classes[b] = a.classes[b-'A'+'a']
		}
	}
	if numClasses > 256 {
		// All 256 bytes are used; class numbers wrap only if class 0
		// is unused, so renumber without it.
		for b := range a.classes {
			a.classes[b] = uint8(b)
		}
		numClasses = 256
	}
	for 1<<a.shift < numClasses {
		a.shift++
	}
	stride := 1 << a.shift
	if nodes*stride > maxAhoEntries {
		return nil
	}

	// Build the trie. -1 marks a missing transition until the failure
	// pass fills it in.
	a.trans = make([]int32, 0, nodes*stride)
	addState := func(depth int32) int32 {
		s := int32(len(a.depth))
		for range stride {
			a.trans = append(a.trans, -1)
		}
		a.depth = append(a.depth, depth)
		a.term = append(a.term, -1)
		a.matchLen = append(a.matchLen, 0)
		return s
	}
	addState(0)
	for id, l := range lits {
		s := int32(0)
		for _, b := range l {
			at := int(s)<<a.shift | int(a.classes[b])
			if a.trans[at] < 0 {
				next := addState(a.depth[s] + 1)
				a.trans[at] = next << a.shift
			}
			s = a.trans[at] >> a.shift
		}
		if a.term[s] < 0 {
			a.term[s] = int32(id)
			a.matchLen[s] = a.depth[s]
		}
	}

	// Breadth first, so a state's failure state (which is shallower) is
	// complete before the state itself is processed.
	fail := make([]int32, len(a.depth))
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		row := int(s) << a.shift
		for c := range stride {
			next := a.trans[row+c]
			var viaFail int32
			if s != 0 {
				viaFail = a.trans[int(fail[s])<<a.shift+c]
			}
			if next < 0 {
				a.trans[row+c] = viaFail
				continue
			}
			child := next >> a.shift
			fail[child] = viaFail >> a.shift
			if a.matchLen[child] == 0 {
				// The longest literal ending here is then the
				// longest ending at the failure state.
				a.matchLen[child] = a.matchLen[fail[child]]
			}
			queue = append(queue, child)
		}
	}
	// Mark the entries leading to a state where a literal ends by
	// complementing them (negative), so that the scan tests the entry it
	// already has instead of loading matchLen for every byte.
	for i, e := range a.trans {
		if a.matchLen[e>>a.shift] > 0 {
			a.trans[i] = ^e
		}
	}
	a.skip = newSkipTable(lits, fold)
	return a
}

func (a *ahoCorasick) Find(h []byte, from int) (int, int, bool) {
	if a.skip != nil {
		return a.skip.find(a, h, from)
	}
	s := int32(0)
	// At the root, skip to the next byte a literal starts with, unless
	// that keeps finding one a few bytes on (DNA, where every byte
	// starts some literal): a skip costs more than the bytes it saves,
	// and the automaton then reads on alone.
	skip, skips, skipped := true, 0, 0
	for i := from; i < len(h); i++ {
		if s == 0 && skip {
			j := a.first.index(h, i)
			if j < 0 {
				return 0, 0, false
			}
			skips, skipped = skips+1, skipped+j-i
			if skips >= minSkips && skipped < minSkipBytes*skips {
				skip = false
			}
			i = j
		}
		if s = a.trans[int(s)|int(a.classes[h[i]])]; s < 0 {
			return a.resolve(h, from, i+1, int(a.matchLen[^s>>a.shift]))
		}
	}
	return 0, 0, false
}

// minSkips is the number of skips Find judges the skipping by, and
// minSkipBytes the bytes each must skip on average to keep it on.
const (
	minSkips     = 16
	minSkipBytes = 8
)

// resolve finds the leftmost match given that the earliest end of any
// occurrence at or after from is end, where a literal of length n ends.
func (a *ahoCorasick) resolve(h []byte, from, end, n int) (int, int, bool) {
	for start := max(from, end-a.maxLen); start <= end-n; start++ {
		if e, ok := a.matchAt(h, start); ok {
			return start, e, true
		}
	}
	// Not reached: the literal that ended at end starts at end-n.
	return end - n, end, true
}

// matchAt walks the trie from start and returns the end of the literal an
// alternation prefers there.
//
// The DFA doubles as the trie: after k bytes from the root, the state is the
// trie node of those bytes exactly when its depth is k; a smaller depth
// means the bytes left the trie and no literal can match any further.
func (a *ahoCorasick) matchAt(h []byte, start int) (int, bool) {
	s, bestID, bestEnd := int32(0), int32(-1), -1
	for i := start; i < len(h) && i-start < a.maxLen; i++ {
		if s = a.trans[int(s)|int(a.classes[h[i]])]; s < 0 {
			s = ^s
		}
		st := s >> a.shift
		if int(a.depth[st]) != i-start+1 {
			break
		}
		id := a.term[st]
		if id < 0 {
			continue
		}
		if a.longest || bestID < 0 || id < bestID {
			bestID, bestEnd = id, i+1
		}
	}
	return bestEnd, bestID >= 0
}

// asciiFoldBases reports whether lits is exactly the set of ASCII case
// variants of some base literals (lower-cased), and returns the bases in
// the order of their first variant.
//
// Searching the bases instead must prefer the same literal wherever
// several match at one position. Only one variant of a base can match at
// a position, and two bases both match only when one is a prefix of the
// other; so either no base is a prefix of another, or the variants of
// each base must be together in lits, which then prefers between bases in
// their order.
func asciiFoldBases(lits [][]byte) ([][]byte, bool) {
	var bases [][]byte
	variants := map[string]int{} // distinct literals per base
	seen := map[string]bool{}
	last := ""
	together := true
	for _, l := range lits {
		if bytes.ContainsFunc(l, func(r rune) bool { return r >= utf8.RuneSelf }) {
			return nil, false // ToLower would fold non-ASCII letters too
		}
		base := string(bytes.ToLower(l))
		if base != last {
			if _, ok := variants[base]; ok {
				together = false
			} else {
				bases = append(bases, []byte(base))
				variants[base] = 0
			}
			last = base
		}
		if !seen[string(l)] {
			seen[string(l)] = true
			variants[base]++
		}
	}
	folded := false
	for _, b := range bases {
		letters := 0
		for _, c := range b {
			if 'a' <= c && c <= 'z' {
				letters++
			}
		}
		if letters > 20 || variants[string(b)] != 1<<letters {
			return nil, false
		}
		folded = folded || letters > 0
	}
	if !together {
		sorted := slices.SortedFunc(slices.Values(bases), bytes.Compare)
		for i := 1; i < len(sorted); i++ {
			if bytes.HasPrefix(sorted[i], sorted[i-1]) {
				return nil, false
			}
		}
	}
	return bases, folded
}
