package literal

import (
	"unicode/utf8"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// NewMatcher returns a Searcher that answers re without any automaton, or
// nil when re is not a pure literal pattern.
//
// A pure literal pattern matches a finite set of non-empty strings and has
// no empty-width assertions: a literal, possibly case-insensitive, an
// alternation of literals, small classes and fixed repetitions of those,
// within capture groups or not. The Searcher's Find then returns exactly the
// bounds of the match the standard library reports when searching from a
// rune boundary from: the leftmost match, and at that position the one
// leftmost-first semantics prefers (longest set: the longest, as POSIX
// leftmost-longest semantics picks). With leftmost-first, `foo|foobar`
// matches "foo" in "foobar"; with leftmost-longest, "foobar".
//
// Only the whole match is reported: a caller that needs submatches must
// still run an engine on the match it found.
func NewMatcher(re *syntax.Regexp, longest bool) Searcher {
	top := re
	for top.Op == syntax.OpCapture {
		top = top.Sub[0]
	}
	if top.Op == syntax.OpLiteral && top.Flags&syntax.FoldCase != 0 && len(top.Rune) > 1 {
		// A long case-insensitive literal has too many spellings for
		// a set; Teddy folding ASCII case searches its few bases
		// (its non-ASCII letters spelled out), and the fold searcher
		// handles any other in one piece.
		if t := newFoldTeddy(re, longest); t != nil {
			return t
		}
		return foldMatcher(top.Rune)
	}
	m, decided := newFoldSet(re, longest)
	if m != nil {
		return m
	}
	if t := newFoldTeddy(re, longest); t != nil {
		// A case-insensitive alternation with too many spellings for
		// a set.
		return t
	}
	if decided {
		return nil
	}
	return extractMatcher(re, longest)
}

// FoldCandidate reports whether [NewMatcher] may answer re although its
// language is too large to count: a case-insensitive literal or
// alternation of ASCII letters, which it can search as a few bases
// folding case (Teddy) where the build has the vector routines. It is a
// cheap walk of the tree; NewMatcher may still return nil.
func FoldCandidate(re *syntax.Regexp) bool {
	if !haveTeddy {
		return false
	}
	letters, ok := foldQualifies(re)
	return ok && letters
}

// extractMatcher is [NewMatcher] through the full extraction of every
// literal.
func extractMatcher(re *syntax.Regexp, longest bool) Searcher {
	x := extractor{lim: pureLimits}
	s := x.extract(re)
	if x.sawLook || !s.IsExact() {
		return nil
	}
	if len(s.lits) == 0 {
		return never{}
	}
	lits := make([][]byte, len(s.lits))
	for i, l := range s.lits {
		if l.Bytes == "" {
			// Empty matches follow the caller's rules for
			// advancing past them; leave them to the engines.
			return nil
		}
		lits[i] = []byte(l.Bytes)
	}
	if len(lits) == 1 {
		return newSingle(lits[0])
	}
	return newSet(lits, longest)
}

// foldMatcher returns the Searcher for a case-insensitive literal.
func foldMatcher(runes []rune) Searcher {
	plain := true
	for _, r := range runes {
		if r == utf8.RuneError {
			// U+FFFD also matches invalid bytes: not a literal.
			return nil
		}
		if !utf8.ValidRune(r) {
			// A surrogate never matches, so neither does the
			// pattern.
			return never{}
		}
		plain = plain && len(orbit(r)) == 1
	}
	if plain {
		return newSingle([]byte(string(runes)))
	}
	return newFoldLiteral(runes)
}
