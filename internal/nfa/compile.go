package nfa

import (
	"strconv"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/utf8ranges"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// DefaultMaxStates is the number of states a program may have when
// [Options.MaxStates] is zero.
//
// A rune class costs many byte-level states (\pL about 400), so the limit
// is far above the standard library's limit in instructions: \pL{1000}
// needs about 400 thousand states and must compile. At 1<<22 states a
// program takes around 200 MB; anything larger is refused with
// [syntax.ErrLarge] rather than exhausting memory.
const DefaultMaxStates = 1 << 22

// Options control [Compile].
type Options struct {
	// Reverse compiles a program for the reversed language: it reads
	// the input from right to left (an engine feeds it the bytes of the
	// haystack backwards), so concatenations and the bytes of each UTF-8
	// sequence come in reverse order. Empty-width assertions keep their
	// meaning at each position. The program has no Capture states.
	Reverse bool

	// MaxStates caps the number of states; zero means DefaultMaxStates.
	MaxStates int

	// NumCap is the number of capture groups including group 0, which
	// becomes [Prog.NumCap]. Simplify may drop groups (x{0} loses x), so
	// the caller passes the count of the tree as parsed; zero means
	// counting the groups left in the simplified tree.
	NumCap int

	// RuneClasses compiles every class reaching past ASCII (including
	// the unanchored loop's any-character class) as one [RuneClass]
	// state instead of its UTF-8 byte trie, so that \pL{1000} is about a
	// thousand states rather than 290 thousand. Only the NFA engines
	// (pikevm, backtrack) run such programs; a DFA needs the byte
	// program, and one-pass rejects them. Ignored with Reverse.
	RuneClasses bool
}

// failState is the index of the Fail state every program starts with, so
// that the zero StateID never leads anywhere.
const failState StateID = 0

// cacheCap bounds each of the compiler's state caches; when one fills up
// it is emptied, which only costs some sharing.
const cacheCap = 1 << 16

// Compile compiles re, which must already be simplified (see
// [syntax.Regexp.Simplify]), into a program.
//
// The program follows the standard library's compiler closely: the same
// preference order for alternations and repetitions, and a star of
// something that can match the empty string compiled as (x+)? so that
// submatches come out the same. The only difference is that every rune
// test becomes byte-level states.
//
// Compile fails only when the program would exceed the state limit, with
// a *syntax.Error of code [syntax.ErrLarge].
func Compile(re *syntax.Regexp, opts Options) (*Prog, error) {
	c := newCompiler(opts)
	defer c.recycle()
	c.emit(State{Kind: Fail})
	match := c.emit(State{Kind: Match})

	p := &Prog{Reverse: opts.Reverse}
	if opts.Reverse {
		p.Start = c.compile(re, match)
	} else {
		p.NumCap = max(opts.NumCap, maxCap(re)+1)
		end := c.emit(State{Kind: Capture, Slot: 1, Next: match})
		body := c.compile(re, end)
		p.Start = c.emit(State{Kind: Capture, Slot: 0, Next: body})
	}
	p.StartUnanchored = p.Start
	if !opts.Reverse {
		// Reverse programs only run anchored, at the end of a match
		// or of the text; their unanchored loop would cost a reversed
		// class of every rune, the largest there is, for nothing.
		p.StartUnanchored = c.anyCharLoop(p.Start)
	}
	if c.tooLarge {
		return nil, &syntax.Error{Code: syntax.ErrLarge, Expr: ""}
	}
	p.States = trimmed(c.states)
	p.Trans = trimmed(c.trans)
	p.RuneSets = c.runeSets
	return p, nil
}

// compilers keeps idle compilers, whose maps and scratch trie a later
// Compile reuses: for a small pattern, making them was a third of the
// cost of compiling.
var compilers = sync.Pool{New: func() any {
	return &compiler{ranges: make(map[rangeKey]StateID), sparse: make(map[string]StateID)}
}}

// newCompiler returns a compiler ready for one Compile call with opts.
// The program's arrays start with room for a small pattern's states.
func newCompiler(opts Options) *compiler {
	c := compilers.Get().(*compiler)
	c.reverse = opts.Reverse
	c.maxStates = opts.MaxStates
	if c.maxStates <= 0 {
		c.maxStates = DefaultMaxStates
	}
	c.tooLarge = false
	c.runeClasses = opts.RuneClasses && !opts.Reverse
	c.runeSets = nil
	if c.runeClasses {
		c.runeSetIDs = make(map[classKey]uint32)
		c.runeSetsByContent = make(map[string]uint32)
	}
	c.states = make([]State, 0, 64)
	c.trans = make([]Transition, 0, 64)
	return c
}

// recycle returns c to the pool once its program has been taken. The
// class caches are keyed by pointers into the compiled tree, so they are
// dropped rather than kept; the state caches are emptied, keeping their
// room unless a large program made them large.
func (c *compiler) recycle() {
	c.states, c.trans = nil, nil
	c.revClasses, c.fwdClasses = nil, nil
	c.runeSets, c.runeSetIDs, c.runeSetsByContent = nil, nil, nil
	if len(c.ranges) > maxPooledCache || len(c.sparse) > maxPooledCache {
		c.ranges, c.sparse = make(map[rangeKey]StateID), make(map[string]StateID)
	} else {
		clear(c.ranges)
		clear(c.sparse)
	}
	c.trie.c = nil
	compilers.Put(c)
}

// maxPooledCache is the most entries a state cache may have had for its
// compiler to keep it when recycled.
const maxPooledCache = 1024

// compiler holds the state of one call to Compile.
//
// It builds the program back to front: compile(re, next) returns the
// entry of a fragment for re whose every way out leads to next. Knowing
// the continuation up front is what lets identical byte-range tails be
// shared (the same bytes leading to the same state are the same state).
type compiler struct {
	states    []State
	trans     []Transition // of the Sparse states, see Prog.Trans
	reverse   bool
	maxStates int
	tooLarge  bool // the limit was hit; the result is discarded

	ranges map[rangeKey]StateID // ByteRange states, by content
	sparse map[string]StateID   // Sparse states, by encoded transitions

	trie trie // scratch for forward rune classes

	// revClasses and fwdClasses hold the reverse and forward automata
	// of each class compiled so far, by the identity of its ranges:
	// simplifying x{8,13} copies x, and the copies share their ranges,
	// so each copy skips the content key of the process-wide cache.
	revClasses, fwdClasses map[classKey]*revClass

	// runeClasses is Options.RuneClasses (forward only); runeSets are
	// the program's classes, found again by identity (runeSetIDs) or by
	// content.
	runeClasses       bool
	runeSets          []RuneSet
	runeSetIDs        map[classKey]uint32
	runeSetsByContent map[string]uint32
}

// rangeKey identifies a ByteRange state by what it does: its bytes and
// its target packed in one integer, which the map hashes with its fast
// 64-bit path rather than as a padded struct.
type rangeKey uint64

func newRangeKey(lo, hi byte, next StateID) rangeKey {
	return rangeKey(lo) | rangeKey(hi)<<8 | rangeKey(next)<<16
}

// emit appends s and returns its index. Past the limit it records the
// failure and returns failState, so compilation winds down quickly.
func (c *compiler) emit(s State) StateID {
	if c.tooLarge || len(c.states) >= c.maxStates {
		c.tooLarge = true
		return failState
	}
	c.states = append(c.states, s)
	return StateID(len(c.states) - 1)
}

// sparseState emits a Sparse state with a copy of trans, which must be
// sorted and apart.
func (c *compiler) sparseState(trans []Transition) StateID {
	start := len(c.trans)
	c.trans = append(c.trans, trans...)
	return c.emit(State{Kind: Sparse, TransStart: uint32(start), TransEnd: uint32(len(c.trans))})
}

// transitions returns the transitions of the Sparse state s.
func (c *compiler) transitions(s *State) []Transition {
	return c.trans[s.TransStart:s.TransEnd:s.TransEnd]
}

// compile returns the entry of a fragment matching re and continuing at
// next.
func (c *compiler) compile(re *syntax.Regexp, next StateID) StateID {
	if next == failState || c.tooLarge {
		// Whatever re matches, the path dies afterwards.
		return failState
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return failState
	case syntax.OpEmptyMatch:
		return next
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		if c.reverse {
			for _, r := range re.Rune {
				next = c.literalRune(r, fold, next)
			}
		} else {
			for i := len(re.Rune) - 1; i >= 0; i-- {
				next = c.literalRune(re.Rune[i], fold, next)
			}
		}
		return next
	case syntax.OpCharClass:
		return c.class(re.Rune, next)
	case syntax.OpAnyCharNotNL:
		return c.class(anyRuneNotNL, next)
	case syntax.OpAnyChar:
		return c.class(anyRune, next)
	case syntax.OpBeginLine:
		return c.emit(State{Kind: Look, Look: LookBeginLine, Next: next})
	case syntax.OpEndLine:
		return c.emit(State{Kind: Look, Look: LookEndLine, Next: next})
	case syntax.OpBeginText:
		return c.emit(State{Kind: Look, Look: LookBeginText, Next: next})
	case syntax.OpEndText:
		return c.emit(State{Kind: Look, Look: LookEndText, Next: next})
	case syntax.OpWordBoundary:
		return c.emit(State{Kind: Look, Look: LookWordBoundary, Next: next})
	case syntax.OpNoWordBoundary:
		return c.emit(State{Kind: Look, Look: LookNoWordBoundary, Next: next})
	case syntax.OpCapture:
		if c.reverse {
			return c.compile(re.Sub[0], next)
		}
		end := c.emit(State{Kind: Capture, Slot: uint32(2*re.Cap + 1), Next: next})
		body := c.compile(re.Sub[0], end)
		return c.emit(State{Kind: Capture, Slot: uint32(2 * re.Cap), Next: body})
	case syntax.OpStar:
		greedy := re.Flags&syntax.NonGreedy == 0
		if nullable(re.Sub[0]) {
			// A loop whose body can match empty must not prefer a
			// second, empty, iteration over leaving: (x+)? orders the
			// choices the way the standard library does.
			return c.quest(c.plus(re.Sub[0], greedy, next), greedy, next)
		}
		return c.loop(re.Sub[0], greedy, next)
	case syntax.OpPlus:
		return c.plus(re.Sub[0], re.Flags&syntax.NonGreedy == 0, next)
	case syntax.OpQuest:
		return c.quest(c.compile(re.Sub[0], next), re.Flags&syntax.NonGreedy == 0, next)
	case syntax.OpConcat:
		if c.reverse {
			for _, sub := range re.Sub {
				next = c.compile(sub, next)
			}
		} else {
			for i := len(re.Sub) - 1; i >= 0; i-- {
				next = c.compile(re.Sub[i], next)
			}
		}
		return next
	case syntax.OpAlternate:
		return c.alternate(re.Sub, next)
	case syntax.OpRepeat:
		// Compile's input is simplified; tolerate a stray repeat by
		// simplifying it here.
		return c.compile(re.Simplify(), next)
	}
	panic("nfa: unknown syntax.Op " + strconv.Itoa(int(re.Op)))
}

// split returns a Split state preferring first over second, or whichever
// of the two is not failState.
func (c *compiler) split(first, second StateID) StateID {
	switch {
	case first == failState:
		return second
	case second == failState:
		return first
	}
	return c.emit(State{Kind: Split, Next: first, Alt: second})
}

// quest returns x? for the fragment entered at body.
func (c *compiler) quest(body StateID, greedy bool, next StateID) StateID {
	if greedy {
		return c.split(body, next)
	}
	return c.split(next, body)
}

// loop returns x* for an x that cannot match the empty string: a Split
// that either enters x, which comes back to it, or leaves.
func (c *compiler) loop(sub *syntax.Regexp, greedy bool, next StateID) StateID {
	l := c.emit(State{Kind: Split})
	body := c.compile(sub, l)
	if l == failState || body == failState {
		return next
	}
	c.setLoop(l, body, greedy, next)
	return l
}

// plus returns x+: x, then the same choice as x*.
func (c *compiler) plus(sub *syntax.Regexp, greedy bool, next StateID) StateID {
	l := c.emit(State{Kind: Split})
	body := c.compile(sub, l)
	if l == failState || body == failState {
		return failState
	}
	c.setLoop(l, body, greedy, next)
	return body
}

// setLoop fills in the Split state l of a loop over body.
func (c *compiler) setLoop(l, body StateID, greedy bool, next StateID) {
	if greedy {
		c.states[l].Next, c.states[l].Alt = body, next
	} else {
		c.states[l].Next, c.states[l].Alt = next, body
	}
}

// alternate returns a chain of Splits trying each of subs in order.
func (c *compiler) alternate(subs []*syntax.Regexp, next StateID) StateID {
	entries := make([]StateID, 0, len(subs))
	for _, sub := range subs {
		if e := c.compile(sub, next); e != failState {
			entries = append(entries, e)
		}
	}
	if len(entries) == 0 {
		return failState
	}
	alt := entries[len(entries)-1]
	for i := len(entries) - 2; i >= 0; i-- {
		alt = c.split(entries[i], alt)
	}
	return alt
}

var (
	anyRune      = []rune{0, unicode.MaxRune}
	anyRuneNotNL = []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}
)

// anyCharLoop returns the unanchored entry: a non-greedy loop over any
// one character, valid or not, in front of start. Consuming whole
// characters keeps match starts on rune boundaries.
func (c *compiler) anyCharLoop(start StateID) StateID {
	l := c.emit(State{Kind: Split})
	any := c.class(anyRune, l)
	if l == failState {
		return failState
	}
	c.states[l].Next, c.states[l].Alt = start, any
	return l
}

// literalRune returns a fragment matching the rune r, or with fold any
// rune of its simple case-folding orbit, as the standard library does.
func (c *compiler) literalRune(r rune, fold bool, next StateID) StateID {
	if fold && unicode.SimpleFold(r) != r {
		var buf [8]rune
		orbit := buf[:0]
		for f := r; ; {
			orbit = append(orbit, f)
			if f = unicode.SimpleFold(f); f == r {
				break
			}
		}
		sortRunes(orbit)
		class := make([]rune, 0, 2*len(orbit))
		for _, f := range orbit {
			class = append(class, f, f)
		}
		return c.class(class, next)
	}
	if r == utf8.RuneError || !utf8.ValidRune(r) {
		// U+FFFD also stands for invalid bytes; invalid runes match
		// nothing. The class code handles both.
		return c.class([]rune{r, r}, next)
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	if c.reverse {
		for i := range n {
			next = c.byteRange(buf[i], buf[i], next)
		}
	} else {
		for i := n - 1; i >= 0; i-- {
			next = c.byteRange(buf[i], buf[i], next)
		}
	}
	return next
}

// sortRunes sorts a handful of runes in place.
func sortRunes(rs []rune) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j] < rs[j-1]; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// byteRange returns a ByteRange state for [lo, hi] leading to next,
// reusing an identical one when there is one.
func (c *compiler) byteRange(lo, hi byte, next StateID) StateID {
	if next == failState {
		return failState
	}
	key := newRangeKey(lo, hi, next)
	if id, ok := c.ranges[key]; ok {
		return id
	}
	id := c.emit(State{Kind: ByteRange, Lo: lo, Hi: hi, Next: next})
	if len(c.ranges) >= cacheCap {
		clear(c.ranges)
	}
	c.ranges[key] = id
	return id
}

// node returns a state with the sorted, disjoint transitions trans: a
// ByteRange for one, otherwise a Sparse, shared with an identical one
// when there is one.
func (c *compiler) node(trans []Transition) StateID {
	if len(trans) == 1 {
		return c.byteRange(trans[0].Lo, trans[0].Hi, trans[0].Next)
	}
	key := make([]byte, 0, 6*len(trans))
	for _, t := range trans {
		key = append(key, t.Lo, t.Hi, byte(t.Next), byte(t.Next>>8), byte(t.Next>>16), byte(t.Next>>24))
	}
	if id, ok := c.sparse[string(key)]; ok {
		return id
	}
	id := c.sparseState(trans)
	if len(c.sparse) >= cacheCap {
		clear(c.sparse)
	}
	c.sparse[string(key)] = id
	return id
}

// class returns a fragment matching one rune of the class ranges (sorted
// lo-hi pairs).
//
// Valid runes become their UTF-8 byte sequences. Forward, the sequences
// are merged into a trie whose identical subtrees are shared, so the
// fragment is deterministic and small: \pL needs a few hundred states.
// Reversed, their first bytes overlap; see revClass.
//
// A class holding U+FFFD also matches one invalid byte, as the standard
// library decodes each invalid byte as U+FFFD.
func (c *compiler) class(ranges []rune, next StateID) StateID {
	if next == failState || c.tooLarge {
		return failState
	}
	if c.runeClasses && wantsRuneClass(ranges) {
		return c.runeClassState(ranges, next)
	}
	var valid StateID
	if c.reverse {
		valid = c.reverseClass(ranges, next)
	} else {
		valid = c.sharedForwardClass(ranges, next)
	}
	if !containsRune(ranges, utf8.RuneError) {
		return valid
	}
	invalid := c.emit(State{Kind: InvalidByte, Next: next})
	return c.split(valid, invalid)
}

// containsRune reports whether the class ranges holds r.
func containsRune(ranges []rune, r rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= r && r <= ranges[i+1] {
			return true
		}
	}
	return false
}

func (c *compiler) forwardClass(ranges []rune, next StateID) StateID {
	t := &c.trie
	t.reset(c, next)
	utf8ranges.Merge(ranges, func(lo, hi rune) bool {
		return utf8ranges.Split(lo, hi, func(s utf8ranges.Sequence) bool {
			t.add(s)
			return !c.tooLarge
		})
	})
	return t.finish()
}

func (c *compiler) reverseClass(ranges []rune, next StateID) StateID {
	if len(ranges) == 0 {
		return failState
	}
	key := classKey{&ranges[0], len(ranges)}
	rc, ok := c.revClasses[key]
	if !ok {
		rc = sharedRevClass(ranges)
		if c.revClasses == nil {
			c.revClasses = make(map[classKey]*revClass)
		}
		c.revClasses[key] = rc
	}
	return c.instantiate(rc, next)
}

// nullable reports whether re can match the empty string, in the sense
// the standard library's compiler uses to choose how to compile a star.
func nullable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary,
		syntax.OpNoWordBoundary, syntax.OpStar, syntax.OpQuest:
		return true
	case syntax.OpLiteral:
		return len(re.Rune) == 0
	case syntax.OpCapture, syntax.OpPlus:
		return nullable(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || nullable(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !nullable(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if nullable(sub) {
				return true
			}
		}
		return false
	}
	return false
}

// maxCap returns the largest capture index in re, 0 when it has none.
func maxCap(re *syntax.Regexp) int {
	n := 0
	if re.Op == syntax.OpCapture {
		n = re.Cap
	}
	for _, sub := range re.Sub {
		n = max(n, maxCap(sub))
	}
	return n
}
