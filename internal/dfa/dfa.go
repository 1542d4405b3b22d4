// Package dfa implements a lazy DFA over bytes: the engine that finds
// where matches end (scanning forward) and start (scanning a reversed
// program backward) at one table lookup per input byte.
//
// # Why lazy
//
// Each DFA state is a set of NFA states, so a full DFA can have
// exponentially many; a search, though, visits at most one new state per
// input byte. The DFA therefore builds states and transitions only when a
// search reaches them and keeps them in a [Cache] for the searches that
// follow. Each new state costs one walk of the program, so a search is
// O(program x input) at worst and one lookup per byte once warm.
//
// # Bounded memory
//
// A Cache never holds more than [Config.CacheCapacity] bytes. When it is
// full it is emptied and the search goes on from where it was; after
// [Config.MaxClears] clears in one search, or when the cache refills
// after fewer than [Config.MinBytesPerState] bytes per state, the search
// reports [GaveUp] and the caller runs an NFA engine instead, which is
// slower but just as linear.
//
// # Assertions
//
// A state records the kind of byte it was entered with (edge of the text,
// '\n', ASCII word byte, other), and leaves the assertions of its threads
// unresolved until the next byte (or the end of the input) is known: the
// transition decides them and, with them, whether a match ended at the
// position before that byte. A match is therefore seen one byte late,
// and a search reads the byte just outside its range (Haystack[End]
// forward, Haystack[Start-1] backward) to decide the assertions there,
// as the NFA engines do.
//
// # Invalid UTF-8
//
// The program's [nfa.InvalidByte] states consume a byte only when UTF-8
// decoding fails there, a test that looks up to three bytes ahead. A DFA
// cannot do that, so it treats those states as dead, which is exact on
// valid UTF-8, and checks that the bytes its answer depended on are valid
// UTF-8 after the scan; if they are not, the search reports [Quit] and the
// caller falls back to an NFA engine. The check costs a second pass over
// the bytes read (fast on ASCII: [utf8.Valid] takes eight bytes at a
// time), but keeps the byte classes and the states free of UTF-8
// decoding, where carrying a validator in each state would multiply both.
// It also keeps the check local: a reverse scan from a candidate checks
// only what it read, not the whole text. A caller that has checked the
// whole text once says so with [nfa.Input.ValidUTF8], and the scans skip
// their checks.
//
// # What it cannot do
//
// It reports only where a match ends (forward) or starts (reverse), never
// submatches: the NFA engines compute those on the span found. It cannot
// read invalid UTF-8 (see above). And it has no unanchored leftmost-longest
// mode: the longest match from the leftmost start needs the start first,
// which a reverse scan gives; forward it offers only [AnchoredLongest].
package dfa

import (
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
)

// DefaultCacheCapacity is the capacity of a [Cache] when
// [Config.CacheCapacity] is zero.
const DefaultCacheCapacity = 2 << 20

// Config tunes a [DFA]. The zero value gives the defaults.
type Config struct {
	// CacheCapacity is the most memory, in bytes, a Cache may hold; zero
	// means DefaultCacheCapacity. A cache whose fixed scratch (about 32
	// bytes per program state) would take more than half of it builds
	// nothing, and every search gives up.
	CacheCapacity int
	// MaxClears is the number of times one search may empty a full cache
	// before it gives up; zero means 8.
	MaxClears int
	// MinBytesPerState makes a search give up when the cache fills up
	// again after it has read fewer bytes than this per state built since
	// the previous clear; zero means 10, negative disables the check.
	MinBytesPerState int
}

// A DFA is a lazy DFA for one program. It is read-only and may be used by
// any number of goroutines, each with its own [Cache].
type DFA struct {
	prog    *nfa.Prog
	reverse bool
	// hasLook is set when the program has assertions: only then do
	// states record the kind of byte they were entered with.
	hasLook bool
	classes byteClasses
	// stride is the length of a row of the transition table: one entry
	// per byte class and one for the end of the input.
	stride int
	cfg    Config
}

// New returns a lazy DFA for prog, a forward program for [DFA.Forward] or
// a reversed one (compiled with nfa.Options{Reverse: true}) for
// [DFA.Reverse].
func New(prog *nfa.Prog, cfg Config) *DFA {
	if cfg.CacheCapacity <= 0 {
		cfg.CacheCapacity = DefaultCacheCapacity
	}
	// Premultiplied state IDs must stay below matchBit.
	cfg.CacheCapacity = min(cfg.CacheCapacity, int(matchBit))
	if cfg.MaxClears <= 0 {
		cfg.MaxClears = 8
	}
	if cfg.MinBytesPerState == 0 {
		cfg.MinBytesPerState = 10
	}
	d := &DFA{prog: prog, reverse: prog.Reverse, cfg: cfg}
	d.classes = *newByteClasses(prog)
	for i := range prog.States {
		if prog.States[i].Kind == nfa.Look {
			d.hasLook = true
		}
	}
	d.stride = d.classes.numClasses + 1
	return d
}

// NumClasses returns the number of byte equivalence classes (not counting
// the end of the input).
func (d *DFA) NumClasses() int { return d.classes.numClasses }

// Mode selects what [DFA.Forward] reports.
type Mode uint8

const (
	// LeftmostFirst reports the end of the leftmost-first match, the
	// match the standard library's Find chooses. Once a thread matches,
	// all lower-priority threads (the unanchored restarts among them)
	// are dropped, and the scan stops when no thread is left.
	LeftmostFirst Mode = iota
	// Earliest stops at the first position at which some match is known
	// to end: which match is unspecified, only whether there is one
	// (Match, MatchString). The position is never after the end of the
	// leftmost-first match.
	Earliest
	// AnchoredLongest reports the end of the longest match starting
	// exactly at in.Start (in.Anchored is implied), for leftmost-longest
	// searches once the start is known.
	AnchoredLongest
)

// Result is the outcome of a search.
type Result uint8

const (
	// NoMatch means the range holds no match.
	NoMatch Result = iota
	// Match means a match was found; the position returned is valid.
	Match
	// GaveUp means the cache filled up too often: the caller must answer
	// with an NFA engine.
	GaveUp
	// Quit means the answer would depend on bytes that are not valid
	// UTF-8, which the DFA cannot read: the caller must answer with an
	// NFA engine.
	Quit
)

var resultNames = [...]string{NoMatch: "NoMatch", Match: "Match", GaveUp: "GaveUp", Quit: "Quit"}

func (r Result) String() string {
	if int(r) < len(resultNames) {
		return resultNames[r]
	}
	return "Result(?)"
}

// Forward scans in.Haystack[in.Start:in.End] forward with a forward
// program and reports, depending on mode, where a match ends (see
// [Mode]). A search is unanchored unless in.Anchored is set or mode is
// [AnchoredLongest]. The position is meaningful only with [Match].
func (d *DFA) Forward(c *Cache, in *nfa.Input, mode Mode) (int, Result) {
	h := in.Haystack
	c.beginSearch(in.Start, in.Start)
	if c.tooSmall {
		return -1, GaveUp
	}
	longest := mode == AnchoredLongest
	anchored := longest || in.Anchored
	before := kindEdge
	if in.Start > 0 {
		before = kindOf(h[in.Start-1])
	}
	s, ok := d.startState(c, before, anchored, longest, in.Start)
	if !ok {
		return -1, GaveUp
	}

	classes := &d.classes.class
	trans := c.trans
	last := -1
	pos, end := in.Start, in.End
	hay := h[:end] // lets the compiler drop the bounds check on hay[pos]
	dead := false
	for pos < len(hay) {
		// The hot loop: one lookup per byte until something needs
		// attention, four bytes a round while four are left. The
		// slice of four lets the compiler drop the bounds checks on
		// the bytes; a special ID leaves with s and pos at the byte
		// that led to it, as the one-byte loop does.
		var next int32
		for pos+4 <= len(hay) {
			b := hay[pos : pos+4 : pos+4]
			n0 := trans[int(s)+int(classes[b[0]])]
			if isSpecial(n0) {
				next = n0
				goto special
			}
			n1 := trans[int(n0)+int(classes[b[1]])]
			if isSpecial(n1) {
				s, pos, next = n0, pos+1, n1
				goto special
			}
			n2 := trans[int(n1)+int(classes[b[2]])]
			if isSpecial(n2) {
				s, pos, next = n1, pos+2, n2
				goto special
			}
			n3 := trans[int(n2)+int(classes[b[3]])]
			if isSpecial(n3) {
				s, pos, next = n2, pos+3, n3
				goto special
			}
			s, pos = n3, pos+4
		}
		for pos < len(hay) {
			next = trans[int(s)+int(classes[hay[pos]])]
			if isSpecial(next) {
				break
			}
			s = next
			pos++
		}
		if pos == len(hay) {
			break
		}
	special:
		if next == unknownID {
			if next, ok = d.transition(c, s, int(classes[hay[pos]]), pos); !ok {
				c.lastHi = pos
				return -1, GaveUp
			}
			trans = c.trans
		}
		if next&matchBit != 0 {
			last = pos
			if mode == Earliest {
				c.lastHi = pos + 1
				return d.forwardDone(c, in, last, pos)
			}
			next &^= matchBit
		}
		if next == deadID {
			dead = true
			break
		}
		s = next
		pos++
	}
	if dead {
		// The scan read the byte at pos, and the answer depends on
		// the character it starts if a thread could have read it as
		// an invalid one.
		hi := pos
		if !in.ValidUTF8 && h[pos] >= utf8.RuneSelf && d.readsInvalid(c, s, int(classes[h[pos]])) {
			hi++
		}
		c.lastHi = pos + 1
		return d.forwardDone(c, in, last, hi)
	}

	// The end of the range: decide a match there with the byte after it,
	// if any, standing in for the end of the input.
	cls := d.classes.eoi()
	if end < len(h) {
		cls = int(classes[h[end]])
	}
	next := c.trans[int(s)+cls]
	if next == unknownID {
		if next, ok = d.transition(c, s, cls, end); !ok {
			c.lastHi = end
			return -1, GaveUp
		}
	}
	if next&matchBit != 0 {
		last = end
	}
	c.lastHi = end
	return d.forwardDone(c, in, last, end)
}

// forwardDone finishes a forward search that found a match ending at last
// (or none when last is negative) after reading the bytes up to hi: the
// answer holds only if those bytes are valid UTF-8 (see the package doc).
// For a search that stops at its first match, hi is that match's end.
func (d *DFA) forwardDone(c *Cache, in *nfa.Input, last, hi int) (int, Result) {
	if in.ValidUTF8 {
		if last < 0 {
			return -1, NoMatch
		}
		return last, Match
	}
	h := in.Haystack
	// Complete the character the scan stopped inside, if any: whether
	// its first bytes are valid depends on the rest.
	for i := 0; i < utf8.UTFMax-1 && hi < in.End && !utf8.RuneStart(h[hi]); i++ {
		hi++
	}
	if !utf8.Valid(h[in.Start:hi]) {
		return -1, Quit
	}
	if last < 0 {
		return -1, NoMatch
	}
	return last, Match
}

// Reverse scans in.Haystack[in.Start:in.End] backward from in.End with a
// reversed program and reports the smallest start s >= in.Start such
// that Haystack[s:in.End] matches the (unreversed) pattern, with the
// assertions evaluated on the whole haystack. The scan is anchored at
// in.End (in.Anchored is ignored) and stops when no thread is left.
// The position is meaningful only with [Match].
func (d *DFA) Reverse(c *Cache, in *nfa.Input) (int, Result) {
	h := in.Haystack
	c.beginSearch(in.End, in.End)
	if c.tooSmall {
		return -1, GaveUp
	}
	after := kindEdge
	if in.End < len(h) {
		after = kindOf(h[in.End])
	}
	s, ok := d.startState(c, after, true, true, in.End)
	if !ok {
		return -1, GaveUp
	}

	classes := &d.classes.class
	trans := c.trans
	last := -1
	pos, start := in.End, in.Start
	hay := h[:in.End]
	dead := false
	for pos > start {
		// As in Forward: four bytes a round, backward, while four
		// are left.
		var next int32
		for pos-4 >= start {
			b := hay[pos-4 : pos : pos]
			n0 := trans[int(s)+int(classes[b[3]])]
			if isSpecial(n0) {
				next = n0
				goto special
			}
			n1 := trans[int(n0)+int(classes[b[2]])]
			if isSpecial(n1) {
				s, pos, next = n0, pos-1, n1
				goto special
			}
			n2 := trans[int(n1)+int(classes[b[1]])]
			if isSpecial(n2) {
				s, pos, next = n1, pos-2, n2
				goto special
			}
			n3 := trans[int(n2)+int(classes[b[0]])]
			if isSpecial(n3) {
				s, pos, next = n2, pos-3, n3
				goto special
			}
			s, pos = n3, pos-4
		}
		for pos > start {
			next = trans[int(s)+int(classes[hay[pos-1]])]
			if isSpecial(next) {
				break
			}
			s = next
			pos--
		}
		if pos == start {
			break
		}
	special:
		if next == unknownID {
			if next, ok = d.transition(c, s, int(classes[hay[pos-1]]), pos); !ok {
				c.lastLo = pos
				return -1, GaveUp
			}
			trans = c.trans
		}
		if next&matchBit != 0 {
			last = pos
			next &^= matchBit
		}
		if next == deadID {
			dead = true
			break
		}
		s = next
		pos--
	}
	if dead {
		lo := pos
		if !in.ValidUTF8 && h[pos-1] >= utf8.RuneSelf && d.readsInvalid(c, s, int(classes[h[pos-1]])) {
			lo--
		}
		c.lastLo = pos - 1
		return d.reverseDone(c, in, last, lo)
	}

	cls := d.classes.eoi()
	if start > 0 {
		cls = int(classes[h[start-1]])
	}
	next := c.trans[int(s)+cls]
	if next == unknownID {
		if next, ok = d.transition(c, s, cls, start); !ok {
			c.lastLo = start
			return -1, GaveUp
		}
	}
	if next&matchBit != 0 {
		last = start
	}
	c.lastLo = start
	return d.reverseDone(c, in, last, start)
}

// reverseDone finishes a reverse search that found a match starting at
// last (or none when last is negative) after reading the bytes from lo to
// in.End, which must be valid UTF-8 for the answer to hold.
func (d *DFA) reverseDone(c *Cache, in *nfa.Input, last, lo int) (int, Result) {
	if in.ValidUTF8 {
		if last < 0 {
			return -1, NoMatch
		}
		return last, Match
	}
	h := in.Haystack
	// Back up to the first byte of the character the scan stopped
	// inside: only the whole character can be checked.
	for i := 0; i < utf8.UTFMax-1 && lo > in.Start && lo < in.End && !utf8.RuneStart(h[lo]); i++ {
		lo--
	}
	if !utf8.Valid(h[lo:in.End]) {
		return -1, Quit
	}
	if last < 0 {
		return -1, NoMatch
	}
	return last, Match
}

// beginSearch resets the per-search bookkeeping of c for a search that
// starts at pos and so far has read nothing.
func (c *Cache) beginSearch(pos, read int) {
	c.clears = 0
	c.clearPos = pos
	c.builtSinceClr = 0
	c.lastLo, c.lastHi = read, read
}
