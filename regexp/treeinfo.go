package regexp

import (
	"unicode/utf8"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// minInputLen returns a lower bound on the length in bytes of any text a
// simplified tree matches, so that shorter texts can be rejected at once.
//
// A literal rune counts its UTF-8 length, except U+FFFD, which counts 1
// because it also matches a single invalid byte. A case-folded literal is
// stored as the smallest rune of its fold orbit, which has the shortest
// encoding of the orbit, so the bound holds for every case of it.
func minInputLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpCharClass:
		return 1
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			if r == utf8.RuneError {
				n++
			} else {
				n += utf8.RuneLen(r)
			}
		}
		return n
	case syntax.OpCapture, syntax.OpPlus:
		return minInputLen(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min * minInputLen(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, sub := range re.Sub {
			n += minInputLen(sub)
		}
		return n
	case syntax.OpAlternate:
		n := -1
		for _, sub := range re.Sub {
			if m := minInputLen(sub); n < 0 || m < n {
				n = m
			}
		}
		return max(n, 0)
	}
	return 0
}

// beginsWithText reports whether every match of the tree must start at
// the beginning of the text, because the tree begins with \A (or ^
// outside multi-line mode) on every path.
func beginsWithText(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpCapture, syntax.OpPlus:
		return beginsWithText(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min > 0 && beginsWithText(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && beginsWithText(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !beginsWithText(sub) {
				return false
			}
		}
		return len(re.Sub) > 0
	}
	return false
}
