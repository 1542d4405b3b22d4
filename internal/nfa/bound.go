package nfa

import "github.com/rerepl/rerepl/regexp/syntax"

// StatesBound returns an upper bound on the number of states [Compile]
// emits for re (simplified, forward, with the unanchored loop), found
// from the tree alone in time linear in its size.
//
// It lets a caller put off compiling: a pattern whose bound is within
// [DefaultMaxStates] is sure to compile, so the error Compile could
// return cannot arise later. The bound is loose, mostly for classes; a
// pattern above it must be compiled to know.
func StatesBound(re *syntax.Regexp) int {
	// Fail, Match, the two Capture states of group 0, and the
	// unanchored loop: a Split and a class over every rune.
	return saturate(5 + classBound(len(anyRune)/2) + bound(re, false))
}

// RuneStatesBound is [StatesBound] for the program [Compile] emits with
// [Options.RuneClasses], in which each class reaching past ASCII is one
// state.
func RuneStatesBound(re *syntax.Regexp) int {
	return saturate(5 + 1 + bound(re, true))
}

// classStates bounds the states of the class ranges; with runes, those
// of the rune-class program.
func classStates(ranges []rune, runes bool) int {
	if runes && wantsRuneClass(ranges) {
		return 1
	}
	return classBound(len(ranges) / 2)
}

// Bounds per piece of a class. A rune range splits into at most 16 UTF-8
// sequences (1, 3, 5 and 7 for the lengths 1 to 4), twice that when it
// straddles the surrogates, of at most 4 byte ranges each, and the trie
// makes at most one state per byte range. The class may add an
// InvalidByte state and a Split.
const (
	statesPerRange = 2 * 16 * 4
	statesPerClass = 2
)

// boundLimit keeps the sums of bound from overflowing: anything above it
// is far over any state limit.
const boundLimit = 1 << 40

func saturate(n int) int { return min(n, boundLimit) }

func classBound(pairs int) int {
	return saturate(statesPerClass + statesPerRange*pairs)
}

func bound(re *syntax.Regexp, runes bool) int {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch:
		return 0
	case syntax.OpLiteral:
		// A folded rune is a class of its orbit (at most 4 runes).
		per := classBound(1)
		if re.Flags&syntax.FoldCase != 0 {
			per = classBound(4)
		}
		return saturate(per * len(re.Rune))
	case syntax.OpCharClass:
		return classStates(re.Rune, runes)
	case syntax.OpAnyCharNotNL:
		return classStates(anyRuneNotNL, runes)
	case syntax.OpAnyChar:
		return classStates(anyRune, runes)
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 1
	case syntax.OpCapture:
		return saturate(2 + bound(re.Sub[0], runes))
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest:
		return saturate(2 + bound(re.Sub[0], runes))
	case syntax.OpConcat, syntax.OpAlternate:
		n := len(re.Sub)
		for _, sub := range re.Sub {
			n = saturate(n + bound(sub, runes))
		}
		return n
	case syntax.OpRepeat:
		return bound(re.Simplify(), runes)
	}
	return boundLimit
}
