// Package nfa defines the compiled form of a regular expression that every
// matching engine runs: a Thompson NFA over bytes.
//
// Why bytes and not runes: a byte-at-a-time automaton can be turned into a
// lazy DFA whose inner loop is one table lookup per input byte, and literal
// searches work on bytes too. Each rune class of the syntax tree is compiled
// into the UTF-8 byte sequences of its runes, so on valid UTF-8 input the
// byte automaton accepts exactly what a rune automaton would.
//
// Invalid UTF-8 keeps the standard library's meaning: each byte at which
// decoding fails is one U+FFFD of width 1. A class that contains U+FFFD
// therefore also gets an [InvalidByte] state, which consumes one byte only
// when decoding at the current position fails. That test looks ahead up to
// three bytes, which the NFA engines can do; a DFA cannot, so it runs only on
// input known to be valid UTF-8 (see docs/ARCHITECTURE.md).
//
// A second kind of program, for the NFA engines alone, is compiled with
// [Options.RuneClasses]: each class reaching past ASCII is then one
// [RuneClass] state that consumes a whole character, its class stored
// once however many copies the pattern makes. \pL{1000} is a thousand
// states instead of 290 thousand; a DFA, which reads bytes, cannot run it.
//
// Matches start only at rune boundaries, as in the standard library: the
// unanchored start state ([Prog.StartUnanchored]) loops over whole UTF-8
// sequences (and invalid bytes), never over single bytes of a sequence.
package nfa

import "unicode/utf8"

// StateID is the index of a [State] in [Prog.States].
type StateID uint32

// Kind says what a [State] does.
type Kind uint8

const (
	// Fail has no transition: a thread that reaches it dies.
	Fail Kind = iota
	// Match accepts: the thread has matched the whole pattern. In a
	// program of several patterns ([CompileSet]) Slot names the pattern.
	Match
	// ByteRange consumes one byte in [Lo, Hi] and goes to Next.
	ByteRange
	// Sparse consumes one byte b and goes to the Next of the transition in
	// Trans whose range holds b. Trans is sorted and its ranges disjoint.
	Sparse
	// InvalidByte consumes one byte when UTF-8 decoding at the current
	// position fails (see [InvalidAt]) and goes to Next.
	InvalidByte
	// Split is an epsilon transition to Next and Alt, Next preferred.
	Split
	// Capture is an epsilon transition to Next that records the current
	// position in capture slot Slot (2*group for the start, 2*group+1 for
	// the end).
	Capture
	// Look is an epsilon transition to Next, taken only when the
	// assertion Look holds at the current position.
	Look
	// Empty is an unconditional epsilon transition to Next.
	Empty
	// RuneClass consumes one whole character, decoded as the standard
	// library decodes (an invalid byte is U+FFFD of width 1), when it is
	// in the class Prog.RuneSets[TransStart], and goes to Next (see
	// [Prog.RuneWidth]). Lo and Hi bound the first bytes of the
	// characters it matches. Only programs compiled with
	// [Options.RuneClasses] have such states, and only the NFA engines run
	// them: a DFA reads bytes.
	RuneClass
)

// A Transition is one arm of a [Sparse] state.
type Transition struct {
	Lo, Hi byte
	Next   StateID
}

// LookSet is a set of empty-width assertions.
type LookSet uint8

const (
	LookBeginLine      LookSet = 1 << iota // ^ in multi-line mode: start of text or after '\n'
	LookEndLine                            // $ in multi-line mode: end of text or before '\n'
	LookBeginText                          // \A, or ^ in one-line mode
	LookEndText                            // \z, or $ in one-line mode
	LookWordBoundary                       // \b: ASCII word character on exactly one side
	LookNoWordBoundary                     // \B
)

// A State is one node of the automaton. Only the fields its Kind names are
// meaningful.
//
// A State holds no pointers: a Sparse state names its transitions by
// their place in [Prog.Trans]. Programs of large Unicode classes have
// thousands of states, and a pointer-free array is one the garbage
// collector never scans and that grows without write barriers.
type State struct {
	Kind   Kind
	Lo, Hi byte    // ByteRange; RuneClass: the span of its first bytes
	Look   LookSet // Look: a single assertion
	Slot   uint32  // Capture; Match: the pattern, in a CompileSet program
	Next   StateID // ByteRange, InvalidByte, RuneClass, Split (preferred), Capture, Look, Empty
	Alt    StateID // Split (second choice)

	// TransStart and TransEnd delimit a Sparse state's transitions in
	// Prog.Trans (see [Prog.Transitions]). A RuneClass state's class is
	// RuneSets[TransStart].
	TransStart, TransEnd uint32
}

// A Prog is a compiled regular expression.
type Prog struct {
	States []State
	// Trans holds the transitions of every Sparse state, each state's
	// sorted by byte and apart from the others'.
	Trans []Transition
	// RuneSets holds the classes of the RuneClass states, each distinct
	// class once.
	RuneSets []RuneSet

	// Start begins an anchored search: a match must start at the position
	// the search begins at.
	Start StateID
	// StartUnanchored begins an unanchored search: it is a non-greedy loop
	// over whole characters (valid UTF-8 sequences or single invalid
	// bytes) followed by Start. A reverse program, which only runs
	// anchored, has none: its StartUnanchored is Start.
	StartUnanchored StateID

	// NumCap is the number of capture groups including group 0 (the whole
	// match); engines that report submatches fill 2*NumCap slots.
	NumCap int

	// Reverse reports whether the program matches the reversed language,
	// for scanning backwards from a match end (it then has no captures).
	Reverse bool
}

// InvalidAt reports whether UTF-8 decoding of b at position i fails, that
// is, whether the standard library would read b[i] as U+FFFD of width 1.
// It is the test behind [InvalidByte].
func InvalidAt(b []byte, i int) bool {
	c := b[i]
	if c < utf8.RuneSelf {
		return false
	}
	r, w := utf8.DecodeRune(b[i:])
	return r == utf8.RuneError && w == 1
}

// IsWordByte reports whether c is an ASCII word character [0-9A-Za-z_],
// the only characters \b and \B look at.
func IsWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// LookAt returns the assertions that hold at position i of b.
//
// It needs only the bytes at i-1 and i: '\n' and the ASCII word characters
// are single bytes that never occur inside a multi-byte sequence.
func LookAt(b []byte, i int) LookSet {
	var set LookSet
	var before, after byte
	haveBefore, haveAfter := i > 0, i < len(b)
	if haveBefore {
		before = b[i-1]
	}
	if haveAfter {
		after = b[i]
	}
	if !haveBefore {
		set |= LookBeginText | LookBeginLine
	} else if before == '\n' {
		set |= LookBeginLine
	}
	if !haveAfter {
		set |= LookEndText | LookEndLine
	} else if after == '\n' {
		set |= LookEndLine
	}
	wb := haveBefore && IsWordByte(before)
	wa := haveAfter && IsWordByte(after)
	if wb != wa {
		set |= LookWordBoundary
	} else {
		set |= LookNoWordBoundary
	}
	return set
}

// An Input describes one search, in the same form for every engine.
//
// Haystack is the whole text: assertions such as \b and ^ look at the bytes
// around a position even outside [Start, End). A match must begin at or
// after Start and end at or before End; with Anchored it must begin exactly
// at Start. Engines report positions as offsets into Haystack.
//
// Start must be a rune boundary of Haystack in the standard library's
// decoding (each invalid byte is a rune of width 1), as every position the
// regexp package searches from is.
type Input struct {
	Haystack   []byte
	Start, End int
	Anchored   bool

	// ValidUTF8 promises that all of Haystack is valid UTF-8, which a
	// caller about to scan the whole text may check once up front; the
	// DFA then skips the checks it makes after each scan. Leaving it
	// false is always correct.
	ValidUTF8 bool
}

// Transitions returns the transitions of the Sparse state s of p, sorted
// by byte. The caller must not modify them.
func (p *Prog) Transitions(s *State) []Transition {
	return p.Trans[s.TransStart:s.TransEnd:s.TransEnd]
}
