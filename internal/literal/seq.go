// Package literal finds the literal strings that every match of a regular
// expression must contain, and searches for them quickly.
//
// Most of the time a regular expression search spends is spent on input
// that cannot be part of a match. When every match starts with (or ends
// with, or contains) one of a few literal strings, a byte search for them
// ([bytes.IndexByte] and [bytes.Index] are assembly in the standard library)
// skips that input far faster than any automaton can walk it, and the
// automaton only confirms the candidates ([NewPrefilter]). A pattern that is
// nothing but a literal, or an alternation of literals, needs no automaton
// at all ([NewMatcher]).
//
// Extraction ([Prefixes], [Suffixes], [FindInner], [Extract]) works on the
// parsed tree and returns a [Seq]; the searchers share the [Searcher]
// interface. The vector routines behind them (a pair search, memchr2/3 and
// Teddy) are amd64 assembly, SSE2 or SSSE3 with AVX2 when the CPU has it,
// each with a pure-Go twin that other architectures and the purego build
// tag use (simd.go).
//
// # Invalid UTF-8
//
// The standard library reads each byte at which UTF-8 decoding fails as
// U+FFFD of width 1. Only a class that contains U+FFFD (., [^a], \x{FFFD})
// can match such a byte, so extraction stops at every such class: the
// literals describe only the valid UTF-8 encodings of runes. "Every match
// starts with one of these literals" then holds on any input, valid or not,
// because the runes a match consumes before that point are all valid and so
// are spelled in the input exactly as in the literal.
//
// The converse direction, that an occurrence of a literal is a place where
// a match could start, holds as well: every literal is valid UTF-8, so its
// first byte is never a continuation byte (0x80-0xBF). The standard
// library's decoder only steps over a continuation byte when it belongs to a
// valid sequence started earlier; any other byte begins a rune. So an
// occurrence of a literal begins at a rune boundary, and from there the
// decoder reads the literal's own runes, since each one is a complete valid
// sequence. Searchers therefore never report a position inside a rune.
package literal

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// A Literal is one string of a [Seq].
//
// Exact reports that Bytes is itself a whole match of the expression, not
// just the beginning (or end) of one: when every literal of a finite set is
// exact, the set is the expression's whole language.
type Literal struct {
	Bytes string
	Exact bool
}

// String returns the literal quoted, with a trailing "…" when it is not
// exact, so tables of expectations read naturally.
func (l Literal) String() string {
	s := strconv.Quote(l.Bytes)
	if !l.Exact {
		s += "…"
	}
	return s
}

// A Seq is a set of literals, one of which every match must start with (or
// end with, or contain, depending on how it was extracted), or the absence of
// such knowledge.
//
// A Seq is finite or infinite. An infinite Seq stands for "any string": it
// says nothing, and is what extraction gives up to. A finite Seq with no
// literals says that the expression matches nothing at all.
//
// The literals of a finite prefix Seq are in the order the expression
// prefers them: when several exact literals match at the same position, the
// first one is the match leftmost-first semantics picks. Duplicates are
// removed, keeping the first.
//
// The zero Seq is infinite.
type Seq struct {
	lits   []Literal
	finite bool
}

// Infinite returns the Seq that says nothing.
func Infinite() Seq { return Seq{} }

// Empty returns the finite Seq with no literals, for an expression that
// never matches.
func Empty() Seq { return Seq{finite: true} }

// NewSeq returns the finite Seq holding lits in order, with duplicates
// removed.
func NewSeq(lits ...Literal) Seq {
	s := Seq{lits: append([]Literal(nil), lits...), finite: true}
	s.dedup()
	return s
}

// single returns a finite Seq holding one exact literal.
func single(b string) Seq {
	return Seq{lits: []Literal{{Bytes: b, Exact: true}}, finite: true}
}

// IsFinite reports whether s is a finite set of literals.
func (s Seq) IsFinite() bool { return s.finite }

// Literals returns the literals of s in preference order; nil for an
// infinite Seq. The caller must not modify the slice.
func (s Seq) Literals() []Literal { return s.lits }

// Len returns the number of literals of s, and -1 when s is infinite.
func (s Seq) Len() int {
	if !s.finite {
		return -1
	}
	return len(s.lits)
}

// IsExact reports whether s is finite and all its literals are exact: the
// set is then the whole language of the expression.
func (s Seq) IsExact() bool {
	if !s.finite {
		return false
	}
	for _, l := range s.lits {
		if !l.Exact {
			return false
		}
	}
	return true
}

// MinLen returns the length in bytes of the shortest literal of s, and -1
// when s is infinite or has no literals.
func (s Seq) MinLen() int {
	if !s.finite || len(s.lits) == 0 {
		return -1
	}
	n := len(s.lits[0].Bytes)
	for _, l := range s.lits[1:] {
		n = min(n, len(l.Bytes))
	}
	return n
}

// MaxLen returns the length in bytes of the longest literal of s, and -1
// when s is infinite or has no literals.
func (s Seq) MaxLen() int {
	if !s.finite || len(s.lits) == 0 {
		return -1
	}
	n := 0
	for _, l := range s.lits {
		n = max(n, len(l.Bytes))
	}
	return n
}

// String returns a readable dump: "inf" for an infinite Seq, otherwise the
// literals in braces, inexact ones marked with "…".
func (s Seq) String() string {
	if !s.finite {
		return "inf"
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, l := range s.lits {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(l.String())
	}
	b.WriteByte('}')
	return b.String()
}

// total returns the bytes of all literals of s together.
func (s Seq) total() int {
	n := 0
	for _, l := range s.lits {
		n += len(l.Bytes)
	}
	return n
}

// makeInexact marks every literal of s inexact, for when something that is
// not described by the literals may follow (or precede) them.
func (s *Seq) makeInexact() {
	for i := range s.lits {
		s.lits[i].Exact = false
	}
}

// hasExact reports whether some literal of s is exact, that is, whether
// extending s by what follows can add information.
func (s Seq) hasExact() bool {
	for _, l := range s.lits {
		if l.Exact {
			return true
		}
	}
	return false
}

// dedup removes repeated literals, keeping the first. A literal that occurs
// both exact and inexact stays inexact, since a match that begins with it
// may extend beyond it.
//
// Extraction dedups after every cross product, so this is hot: small sets
// compare every pair, which is cheaper than filling a map of strings.
func (s *Seq) dedup() {
	n := len(s.lits)
	if n < 2 {
		return
	}
	var drop []bool
	if n <= 32 {
		var small [32]bool
		drop = small[:n]
		for i := 1; i < n; i++ {
			for j := range i {
				if !drop[j] && s.lits[j].Bytes == s.lits[i].Bytes {
					drop[i] = true
					if !s.lits[i].Exact {
						s.lits[j].Exact = false
					}
					break
				}
			}
		}
	} else {
		drop = make([]bool, n)
		index := make(map[string]int, n)
		for i, l := range s.lits {
			j, ok := index[l.Bytes]
			if !ok {
				index[l.Bytes] = i
				continue
			}
			drop[i] = true
			if !l.Exact {
				s.lits[j].Exact = false
			}
		}
	}
	out := s.lits[:0]
	for i, l := range s.lits {
		if !drop[i] {
			out = append(out, l)
		}
	}
	clear(s.lits[len(out):])
	s.lits = out
}

// keepBytes cuts every literal of s to at most n bytes, at a rune
// boundary so the literal stays valid UTF-8, marking cut literals inexact.
// With reverse set it keeps the last bytes instead, for suffixes. Cutting
// can make literals equal, so it dedups when it cut any.
func (s *Seq) keepBytes(n int, reverse bool) {
	cut := false
	for i, l := range s.lits {
		if len(l.Bytes) <= n {
			continue
		}
		s.lits[i] = Literal{Bytes: cutAtRune(l.Bytes, n, reverse)}
		cut = true
	}
	if cut {
		s.dedup()
	}
}

// cutAtRune returns the longest piece of b of at most n bytes that is a
// prefix of b (or a suffix, with reverse) made of whole runes.
func cutAtRune(b string, n int, reverse bool) string {
	if !reverse {
		i := n
		for i > 0 && !utf8.RuneStart(b[i]) {
			i--
		}
		return b[:i]
	}
	i := len(b) - n
	for i < len(b) && !utf8.RuneStart(b[i]) {
		i++
	}
	return b[i:]
}

// commonPrefix returns the longest string of whole runes that every literal
// of s starts with; "" for an infinite or empty set.
func (s Seq) commonPrefix() string {
	if !s.finite || len(s.lits) == 0 {
		return ""
	}
	p := s.lits[0].Bytes
	for _, l := range s.lits[1:] {
		n := 0
		for n < len(p) && n < len(l.Bytes) && p[n] == l.Bytes[n] {
			n++
		}
		p = p[:n]
	}
	// Back up over a partial rune: the literals differ inside it.
	n := len(p)
	for n > 0 && n < len(s.lits[0].Bytes) && !utf8.RuneStart(s.lits[0].Bytes[n]) {
		n--
	}
	return p[:n]
}

// minSharedPrefix is how long a prefix shared by all literals of a set
// must be for a prefilter to search for it alone: one literal is searched
// far faster than a set, and four bytes already make false candidates rare.
const minSharedPrefix = 4

// forPrefilter returns s reduced for searching: a set whose literals all
// start with a long enough shared prefix becomes that prefix alone. Every
// occurrence of a literal is still an occurrence of the result.
func (s Seq) forPrefilter() Seq {
	if !s.finite || len(s.lits) < 2 {
		return s
	}
	if p := s.commonPrefix(); len(p) >= minSharedPrefix {
		return Seq{lits: []Literal{{Bytes: p}}, finite: true}
	}
	return s
}
