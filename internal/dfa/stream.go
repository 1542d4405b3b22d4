package dfa

// A Stream is one forward scan of a text that arrives in pieces, such as
// the text of an io.RuneReader read a window at a time: the scan's state
// is carried from one piece to the next, so the pieces need not be kept.
//
// A Stream reads only valid UTF-8 (the caller checks each piece, and
// hands the text from the first invalid byte on to an NFA engine) and
// never looks at the byte after a piece: an assertion before a byte is
// decided by the transition on that byte, as in [DFA.Forward]. Besides
// where a match ends or the scan dies, it reports where the scan was
// last in an unanchored start state, when no thread but the unanchored
// loop was alive: no match in progress started before that position, so
// a caller may drop the text before it.
type Stream struct {
	d         *DFA
	c         *Cache
	s         int32 // the state before the next byte, untagged
	earliest  bool
	anchored  bool
	matched   bool
	fed       int // bytes fed so far, the position of the next byte
	starts    [3]int32
	clears    int // c.totalClears when starts were looked up
	lastClear int // where the scan was at the last clear it noticed
}

// Event is what [Stream.Feed] stopped on.
type Event uint8

const (
	// More means the whole piece was read and nothing is decided.
	More Event = iota
	// MatchEnd, in earliest mode only, means a match ends at the
	// position of the byte Feed stopped on (the scan reads that byte
	// to decide the assertions there).
	MatchEnd
	// Dead means no thread is left after the byte Feed stopped on:
	// whatever follows, the scan cannot change. [Stream.Matched] tells
	// whether a match was seen before.
	Dead
	// StreamGaveUp means the cache filled up too often: the caller must go
	// on with an NFA engine.
	StreamGaveUp
)

// streamClearDistance is how far, in bytes, a stream must have read since
// its previous cache clear for a clear to count as the first of a new
// series: [Config.MaxClears] bounds the clears of one search, and an
// endless stream would otherwise reach it however rarely it clears.
const streamClearDistance = 1 << 20

// Start begins a scan with c (which the scan uses until the next Start)
// after a byte before (negative for the start of the text), leftmost-first
// or, with earliest, stopping at the first match end, and anchored at the
// first position or not. It reports false when the cache is too small to
// build anything, and the caller must use an NFA engine.
func (st *Stream) Start(d *DFA, c *Cache, before int, anchored, earliest bool) bool {
	*st = Stream{d: d, c: c, earliest: earliest, anchored: anchored}
	c.beginSearch(0, 0)
	if c.tooSmall {
		return false
	}
	ctx := kindEdge
	if before >= 0 {
		ctx = kindOf(byte(before))
	}
	s, ok := d.startState(c, ctx, anchored, false, 0)
	if !ok {
		return false
	}
	st.s = s
	if !anchored && !st.lookUpStarts() {
		return false
	}
	return true
}

// lookUpStarts finds (building them if need be) the unanchored start
// states the scan can come back to after a newline, a word byte or any
// other byte, so that the hot loop can recognise them by ID.
func (st *Stream) lookUpStarts() bool {
	for i, k := range [3]byteKind{kindNewline, kindWord, kindOther} {
		id, ok := st.d.startState(st.c, k, false, false, st.fed)
		if !ok {
			return false
		}
		st.starts[i] = id
	}
	st.clears = st.c.totalClears
	return true
}

// Matched reports whether the scan has seen a match end.
func (st *Stream) Matched() bool { return st.matched }

// Feed scans p, the bytes that follow those fed before, and stops at the
// first event (see [Event]), returning the offset in p of the byte it
// stopped on, or len(p) with [More]. lastStart is the largest i in
// [0, n] such that the scan was in an unanchored start state before
// p[i] (at i == n: after the bytes read), or -1 if there is none; it is
// always -1 for an anchored scan and once a match has been seen.
func (st *Stream) Feed(p []byte) (n, lastStart int, ev Event) {
	d, c := st.d, st.c
	classes := &d.classes.class
	trans := c.trans
	s := st.s
	a, b, e := st.starts[0], st.starts[1], st.starts[2]
	track := !st.anchored && !st.matched
	lastStart = -1
	if track && (s == a || s == b || s == e || st.fed == 0) {
		lastStart = 0
	}
	pos := 0
	for pos < len(p) {
		next := trans[int(s)+int(classes[p[pos]])]
		if isSpecial(next) {
			if next == unknownID {
				var ok bool
				next, ok = d.transition(c, s, int(classes[p[pos]]), st.fed+pos)
				if !ok {
					st.fed += pos
					return pos, lastStart, StreamGaveUp
				}
				trans = c.trans
				if c.totalClears != st.clears {
					if !st.noteClear(pos) {
						st.fed += pos
						return pos, lastStart, StreamGaveUp
					}
					a, b, e = st.starts[0], st.starts[1], st.starts[2]
					trans = c.trans
				}
			}
			if next&matchBit != 0 {
				st.matched = true
				track = false
				next &^= matchBit
				if st.earliest {
					st.s = next
					st.fed += pos
					return pos, lastStart, MatchEnd
				}
			}
			if next == deadID {
				st.s = deadID
				st.fed += pos
				return pos, lastStart, Dead
			}
		}
		s = next
		pos++
		if track && (s == a || s == b || s == e) {
			lastStart = pos
		}
	}
	st.s = s
	st.fed += len(p)
	return len(p), lastStart, More
}

// noteClear handles a cache clear during Feed at offset pos of the
// piece: the start states are looked up again (their IDs changed), and
// a clear long after the previous one starts a new series of clears.
func (st *Stream) noteClear(pos int) bool {
	at := st.fed + pos
	if at-st.lastClear >= streamClearDistance {
		st.c.clears = 1
	}
	st.lastClear = at
	if st.anchored {
		st.clears = st.c.totalClears
		return true
	}
	// The state just built must survive looking up the start states:
	// they are built right after a clear and fit, unless the cache is
	// so small that it clears again, and then the scan gives up.
	before := st.c.totalClears
	return st.lookUpStarts() && st.c.totalClears == before
}

// End decides the end of the text, after the bytes fed: it reports
// whether a match ends there (in earliest mode) or whether any match was
// seen (leftmost-first), and false for ok when the scan gave up.
func (st *Stream) End() (matched, ok bool) {
	if st.s == deadID {
		return st.matched, true
	}
	d, c := st.d, st.c
	cls := d.classes.eoi()
	next := c.trans[int(st.s)+cls]
	if next == unknownID {
		if next, ok = d.transition(c, st.s, cls, st.fed); !ok {
			return false, false
		}
	}
	if next&matchBit != 0 {
		st.matched = true
	}
	st.s = deadID
	return st.matched, true
}
