package dfa

import "github.com/rerepl/rerepl/internal/nfa"

// byteClasses are the byte classes of the program (see
// [nfa.ByteClasses]): the DFA needs one transition per class instead of
// one per byte. Class numClasses, one past the last, is reserved for the
// end of the input.
type byteClasses struct {
	class      nfa.ByteClasses
	numClasses int
}

// newByteClasses computes the classes of prog.
//
// A class boundary goes wherever some byte range of the program starts or
// stops. When the program has assertions, '\n' and the ASCII word bytes
// also get classes of their own, because a DFA state records what kind of
// byte it was entered with (see [byteKind]) and the class alone must
// determine that.
func newByteClasses(prog *nfa.Prog) *byteClasses {
	var set nfa.ByteClassSet
	if set.AddProg(prog) {
		set.AddLookBytes()
	}
	bc := &byteClasses{class: set.Classes()}
	bc.numClasses = bc.class.Len()
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
