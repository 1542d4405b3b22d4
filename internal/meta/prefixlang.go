package meta

import "github.com/rerepl/rerepl/regexp/syntax"

// prefixLanguage returns an expression matching at least every prefix of
// every match of re (the empty string included), or nil when that
// expression would outgrow budget nodes.
//
// The reverse strategies need it to prove that no match starts before the
// one they found (see reverseLiteralStrategy): run backwards from a position p, the
// reverse automaton of this language finds the smallest s for which the
// text between s and p can begin a match, and no match that runs across p
// can start before that s. It may accept more than the exact prefixes:
// assertions are dropped (read as the empty string), which only makes the
// bound it gives lower, never wrong.
func prefixLanguage(re *syntax.Regexp, budget int) *syntax.Regexp {
	b := prefixBuilder{budget: budget}
	p := b.prefixes(re)
	if b.budget < 0 {
		return nil
	}
	return p
}

// A prefixBuilder builds a prefix language within a budget of new nodes.
type prefixBuilder struct {
	budget int
}

func (b *prefixBuilder) node(op syntax.Op, flags syntax.Flags, subs ...*syntax.Regexp) *syntax.Regexp {
	b.budget--
	return &syntax.Regexp{Op: op, Flags: flags, Sub: subs}
}

func (b *prefixBuilder) empty() *syntax.Regexp {
	return b.node(syntax.OpEmptyMatch, 0)
}

// prefixes returns the prefix language of re; its subtrees may be shared
// with re, which the compiler only reads.
func (b *prefixBuilder) prefixes(re *syntax.Regexp) *syntax.Regexp {
	if b.budget < 0 {
		return b.empty()
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return re
	case syntax.OpLiteral:
		// The prefixes of r1 r2 ... rn are (r1(r2(...rn?)?)?)?.
		var p *syntax.Regexp
		for i := len(re.Rune) - 1; i >= 0; i-- {
			lit := b.node(syntax.OpLiteral, re.Flags)
			lit.Rune = re.Rune[i : i+1 : i+1]
			if p != nil {
				lit = b.node(syntax.OpConcat, re.Flags, lit, p)
			}
			p = b.node(syntax.OpQuest, re.Flags, lit)
		}
		if p == nil {
			return b.empty()
		}
		return p
	case syntax.OpCharClass, syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return b.node(syntax.OpQuest, re.Flags, re)
	case syntax.OpCapture, syntax.OpQuest:
		return b.prefixes(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		// Any number of whole copies, then a prefix of one more. For
		// a counted repetition that over-approximates, which is
		// allowed.
		star := b.node(syntax.OpStar, re.Flags, re.Sub[0])
		return b.node(syntax.OpConcat, re.Flags, star, b.prefixes(re.Sub[0]))
	case syntax.OpConcat:
		// A prefix of x1 x2 ... xn is a prefix of x1, or x1 followed
		// by a prefix of x2 ... xn.
		var p *syntax.Regexp
		for i := len(re.Sub) - 1; i >= 0; i-- {
			first := b.prefixes(re.Sub[i])
			if p == nil {
				p = first
				continue
			}
			whole := b.node(syntax.OpConcat, re.Flags, re.Sub[i], p)
			p = b.node(syntax.OpAlternate, re.Flags, first, whole)
		}
		if p == nil {
			return b.empty()
		}
		return p
	case syntax.OpAlternate:
		alt := b.node(syntax.OpAlternate, re.Flags)
		for _, sub := range re.Sub {
			alt.Sub = append(alt.Sub, b.prefixes(sub))
		}
		return alt
	}
	// The empty string and the assertions, read as the empty string.
	return b.empty()
}
