package dfa

import "github.com/rerepl/rerepl/internal/nfa"

// byteClasses maps each byte to its equivalence class: two bytes share a
// class when no state of the program, and no assertion, can tell them
// apart, so the DFA needs one transition per class instead of one per
// byte. Class numClasses is reserved for the end of the input.
type byteClasses struct {
	class      [256]uint8
	numClasses int
	// rep is the smallest byte of each class, the one a transition is
	// computed with.
	rep [256]byte
}

// newByteClasses computes the classes of prog.
//
// A class boundary goes after every byte at which some byte range of the
// program starts or stops. When the program has assertions, '\n' and the
// ASCII word bytes also get classes of their own, because a DFA state
// records what kind of byte it was entered with (see [byteKind]) and the
// class alone must determine that.
func newByteClasses(prog *nfa.Prog) *byteClasses {
	// cut[b] marks a boundary between byte b and byte b+1.
	var cut [256]bool
	split := func(lo, hi byte) {
		if lo > 0 {
			cut[lo-1] = true
		}
		cut[hi] = true
	}
	hasLook := false
	for i := range prog.States {
		st := &prog.States[i]
		switch st.Kind {
		case nfa.ByteRange:
			split(st.Lo, st.Hi)
		case nfa.Sparse:
			for _, t := range prog.Transitions(st) {
				split(t.Lo, t.Hi)
			}
		case nfa.Look:
			hasLook = true
		}
	}
	if hasLook {
		split('\n', '\n')
		split('0', '9')
		split('A', 'Z')
		split('_', '_')
		split('a', 'z')
	}
	bc := &byteClasses{}
	n := 0
	for b := 0; b < 256; b++ {
		bc.class[b] = uint8(n)
		if b == 0 || cut[b-1] {
			bc.rep[n] = byte(b)
		}
		if cut[b] && b < 255 {
			n++
		}
	}
	bc.numClasses = n + 1
	return bc
}

// eoi returns the class of the end of the input.
func (bc *byteClasses) eoi() int { return bc.numClasses }

// A byteKind is what the assertions can learn about the byte on one side
// of a position: nothing (the edge of the text), '\n', an ASCII word
// byte, or anything else.
type byteKind uint8

const (
	kindEdge byteKind = iota
	kindNewline
	kindWord
	kindOther
)

// kindOf returns the kind of byte b.
func kindOf(b byte) byteKind {
	switch {
	case b == '\n':
		return kindNewline
	case nfa.IsWordByte(b):
		return kindWord
	}
	return kindOther
}

// looksBetween returns the assertions that hold at a position whose
// previous byte is of kind before and whose next byte is of kind after:
// the same answer [nfa.LookAt] gives for those bytes.
func looksBetween(before, after byteKind) nfa.LookSet {
	var set nfa.LookSet
	switch before {
	case kindEdge:
		set |= nfa.LookBeginText | nfa.LookBeginLine
	case kindNewline:
		set |= nfa.LookBeginLine
	}
	switch after {
	case kindEdge:
		set |= nfa.LookEndText | nfa.LookEndLine
	case kindNewline:
		set |= nfa.LookEndLine
	}
	if (before == kindWord) != (after == kindWord) {
		set |= nfa.LookWordBoundary
	} else {
		set |= nfa.LookNoWordBoundary
	}
	return set
}
