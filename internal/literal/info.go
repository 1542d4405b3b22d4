package literal

import "github.com/rerepl/rerepl/regexp/syntax"

// Info is everything extraction knows about the literals of a pattern.
type Info struct {
	// Prefix holds literals every match starts with.
	Prefix Seq
	// Suffix holds literals every match ends with.
	Suffix Seq
	// Inner holds literals every match contains, with where they come
	// from; nil when none was found.
	Inner *Inner
}

// Extract returns the literal information of re, a parsed (not necessarily
// simplified) tree, with [DefaultLimits].
func Extract(re *syntax.Regexp) Info {
	info := ExtractEnds(re)
	if in, ok := FindInner(re); ok {
		info.Inner = &in
	}
	return info
}

// ExtractEnds is [Extract] without the search for an inner literal, whose
// Inner is always nil. That search extracts the prefixes of every split of
// the pattern's concatenation, which costs more than the rest together; a
// caller that needs it only when the prefixes are poor calls [FindInner]
// then.
func ExtractEnds(re *syntax.Regexp) Info {
	return Info{
		Prefix: Prefixes(re),
		Suffix: Suffixes(re),
	}
}

// Inner describes a literal requirement in the middle of a pattern, for the
// reverse-inner strategy: search for the literals, run a reverse automaton
// for Concat.Sub[:Index] backwards from the literal to find where the match
// starts, then a forward one from there.
//
// Every match of the pattern is a match of Concat (the pattern itself, or
// the concatenation inside its outermost capture groups) and so splits into
// a part matched by Concat.Sub[:Index] followed by a part that starts with
// one of the literals of Seq. All literals of Seq are inexact and non-empty.
type Inner struct {
	Seq    Seq
	Concat *syntax.Regexp
	Index  int
}

// Before returns a concatenation of the pieces in front of the literal, the
// part a reverse program has to match. It shares its children with the
// original tree.
func (in Inner) Before() *syntax.Regexp {
	return &syntax.Regexp{Op: syntax.OpConcat, Flags: in.Concat.Flags, Sub: in.Concat.Sub[:in.Index:in.Index]}
}

// FindInner looks for the best inner literal of re with [DefaultLimits]: a
// split of the top-level concatenation after its first piece whose rest
// starts with good literals. It reports false when no split gives a usable
// set (finite, non-empty, without an empty literal).
func FindInner(re *syntax.Regexp) (Inner, bool) {
	top := re
	for top.Op == syntax.OpCapture {
		top = top.Sub[0]
	}
	if top.Op != syntax.OpConcat || len(top.Sub) < 2 {
		return Inner{}, false
	}
	best, bestScore := Inner{}, 0
	for i := 1; i < len(top.Sub); i++ {
		rest := &syntax.Regexp{Op: syntax.OpConcat, Flags: top.Flags, Sub: top.Sub[i:]}
		s := Prefixes(rest).forPrefilter()
		if score := quality(s); score > bestScore {
			s.makeInexact()
			best, bestScore = Inner{Seq: s, Concat: top, Index: i}, score
		}
	}
	return best, bestScore > 0
}

// quality rates a set of literals as a prefilter: longer literals give
// fewer false candidates, and fewer literals search faster. Zero means
// useless.
func quality(s Seq) int {
	if !s.finite || len(s.lits) == 0 {
		return 0
	}
	short := s.MinLen()
	if short == 0 {
		return 0
	}
	return min(short, 8)*1000 - len(s.lits)
}
