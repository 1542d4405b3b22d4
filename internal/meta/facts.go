package meta

import (
	"unicode"
	"unicode/utf8"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// Facts are what the simplified tree alone says about the matches of a
// pattern, computed once by one walk of the tree when the pattern is
// compiled and kept with it.
type Facts struct {
	// MinLen is a lower bound on the length in bytes of any text that
	// contains a match; shorter texts are rejected without a search.
	MinLen int
	// MaxLen is the most bytes a match can span, -1 when there is no
	// bound (a star or plus).
	MaxLen int
	// AnchoredStart reports that every match starts at the start of the
	// text: the tree begins with \A (or ^ outside multi-line mode) on
	// every path. LineStart reports that every match starts at the start
	// of a line or of the text ((?m)^ or \A on every path).
	AnchoredStart, LineStart bool
	// AnchoredEnd reports that every match ends at the end of the text:
	// the tree ends with \z (or $ outside multi-line mode) on every path.
	AnchoredEnd bool
	// Literal reports that the pattern is a literal inside any captures:
	// a long case-insensitive literal has too many spellings to count,
	// but literal.NewMatcher searches it in one piece.
	Literal bool
	// LanguageSize is an upper bound on the number of strings the
	// pattern matches, or maxPureLiterals+1 when that is more than
	// maxPureLiterals or unbounded (repetitions, assertions, classes
	// holding invalid bytes).
	LanguageSize int
}

// factsOf computes the facts of a simplified tree.
func factsOf(re *syntax.Regexp) Facts {
	n := nodeFactsOf(re)
	lit := re
	for lit.Op == syntax.OpCapture {
		lit = lit.Sub[0]
	}
	return Facts{
		MinLen:        n.minLen,
		MaxLen:        n.maxLen,
		AnchoredStart: n.begins[anchorText],
		LineStart:     n.begins[anchorLine],
		AnchoredEnd:   n.endsText,
		Literal:       lit.Op == syntax.OpLiteral,
		LanguageSize:  n.size,
	}
}

// The anchors a match can be required to begin with: the start of the
// text (\A), or the start of a line ((?m)^), which \A also is.
const (
	anchorText = iota
	anchorLine
	numAnchors
)

// beginsWith reports whether op, an assertion, is the anchor a at the
// start of a match.
func beginsWith(op syntax.Op, a int) bool {
	return op == syntax.OpBeginText || a == anchorLine && op == syntax.OpBeginLine
}

// nodeFacts are the facts of one subtree.
type nodeFacts struct {
	minLen, maxLen, size int
	begins               [numAnchors]bool
	endsText             bool
}

// sizeLimit is the language size above which the exact count no longer
// matters (see Facts.LanguageSize).
const sizeLimit = maxPureLiterals

// nodeFactsOf computes the facts of a subtree from those of its children.
//
// A literal rune counts its UTF-8 length towards minLen, except U+FFFD,
// which counts 1 because it also matches a single invalid byte; a
// case-folded literal is stored as the smallest rune of its fold orbit,
// which has the shortest encoding of the orbit, so the bound holds for
// every case of it. Towards maxLen a rune counts the most bytes it can
// take in the text (runeMaxLen).
func nodeFactsOf(re *syntax.Regexp) nodeFacts {
	const over = sizeLimit + 1
	f := nodeFacts{size: over}
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpNoMatch:
		f.size = 1
	case syntax.OpBeginText, syntax.OpBeginLine:
		for a := range f.begins {
			f.begins[a] = beginsWith(re.Op, a)
		}
	case syntax.OpEndText:
		f.endsText = true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		f.minLen, f.maxLen = 1, utf8.UTFMax
	case syntax.OpCharClass:
		f.minLen, f.maxLen = 1, utf8.UTFMax
		f.size = 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if f.size += int(re.Rune[i+1]-re.Rune[i]) + 1; f.size > sizeLimit {
				f.size = over
				break
			}
		}
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		f.size = 1
		for _, r := range re.Rune {
			if r == utf8.RuneError {
				f.minLen++
			} else {
				f.minLen += utf8.RuneLen(r)
			}
			f.maxLen += runeMaxLen(r, fold)
			if f.size > sizeLimit {
				continue
			}
			k := 1
			if fold {
				k = foldOrbitLen(r)
			}
			if f.size *= k; f.size > sizeLimit {
				f.size = over
			}
		}
	case syntax.OpCapture:
		f = nodeFactsOf(re.Sub[0])
	case syntax.OpQuest:
		sub := nodeFactsOf(re.Sub[0])
		f.maxLen = sub.maxLen
		f.size = min(sub.size+1, over)
	case syntax.OpStar:
		f.maxLen = -1
	case syntax.OpPlus:
		sub := nodeFactsOf(re.Sub[0])
		f.minLen, f.maxLen, f.begins = sub.minLen, -1, sub.begins
	case syntax.OpRepeat:
		sub := nodeFactsOf(re.Sub[0])
		f.minLen = re.Min * sub.minLen
		f.maxLen = -1
		if sub.maxLen >= 0 && re.Max >= 0 {
			f.maxLen = sub.maxLen * re.Max
		}
		if re.Min > 0 {
			f.begins = sub.begins
		}
		if re.Max >= 0 {
			n := 1
			for range re.Max {
				if n *= sub.size; n > sizeLimit {
					break
				}
			}
			f.size = over
			if n <= sizeLimit {
				f.size = n + 1
			}
		}
	case syntax.OpConcat:
		f.size = 1
		var s nodeFacts
		for i, sub := range re.Sub {
			// Simplify writes x{n} as n copies of one node: their
			// facts are the same (summing the ranges of
			// (\pL|\pN) once per copy was half of Compile).
			if i == 0 || sub != re.Sub[i-1] {
				s = nodeFactsOf(sub)
			}
			f.minLen += s.minLen
			if f.maxLen >= 0 {
				if s.maxLen < 0 {
					f.maxLen = -1
				} else {
					f.maxLen += s.maxLen
				}
			}
			if f.size <= sizeLimit {
				if f.size *= s.size; f.size > sizeLimit {
					f.size = over
				}
			}
			if i == 0 {
				f.begins = s.begins
			}
			if i == len(re.Sub)-1 {
				f.endsText = s.endsText
			}
		}
	case syntax.OpAlternate:
		f.size = 0
		f.minLen = -1
		f.endsText = len(re.Sub) > 0
		for a := range f.begins {
			f.begins[a] = len(re.Sub) > 0
		}
		for _, sub := range re.Sub {
			s := nodeFactsOf(sub)
			if f.minLen < 0 || s.minLen < f.minLen {
				f.minLen = s.minLen
			}
			if f.maxLen >= 0 {
				if s.maxLen < 0 {
					f.maxLen = -1
				} else {
					f.maxLen = max(f.maxLen, s.maxLen)
				}
			}
			if f.size <= sizeLimit {
				if f.size += s.size; f.size > sizeLimit {
					f.size = over
				}
			}
			for a := range f.begins {
				f.begins[a] = f.begins[a] && s.begins[a]
			}
			f.endsText = f.endsText && s.endsText
		}
		f.minLen = max(f.minLen, 0)
	}
	return f
}

// foldOrbitLen returns the number of runes r matches case-insensitively:
// the length of its unicode.SimpleFold orbit. ASCII is answered without
// walking the orbit, since the facts are computed by Compile: a letter has
// two cases, except k and s, which also fold to the Kelvin sign and the
// long s (TestFoldOrbitLen checks this against SimpleFold).
func foldOrbitLen(r rune) int {
	if r < utf8.RuneSelf {
		switch c := r | 0x20; {
		case c == 'k' || c == 's':
			return 3
		case 'a' <= c && c <= 'z':
			return 2
		}
		return 1
	}
	n := 1
	for g := unicode.SimpleFold(r); g != r; g = unicode.SimpleFold(g) {
		n++
	}
	return n
}

// runeMaxLen returns the most bytes r can take in the text: its own
// encoding, that of any rune it folds to, and 3 for U+FFFD, whose
// encoding is longer than the single invalid byte it also matches.
func runeMaxLen(r rune, fold bool) int {
	if !fold {
		return max(utf8.RuneLen(r), 1)
	}
	return utf8.UTFMax
}
