package literal

import (
	"unicode"
	"unicode/utf8"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// Limits bound the work extraction does and the size of what it returns.
// Past a limit extraction degrades gracefully: literals are cut shorter and
// become inexact, and as a last resort the set becomes infinite.
type Limits struct {
	// MaxLiterals caps the number of literals in a set. A cross product
	// that would exceed it is not taken; a union that exceeds it is shrunk
	// by cutting literals shorter.
	MaxLiterals int
	// MaxBytes caps the length of each literal.
	MaxBytes int
	// MaxClass is the largest character class, counted in runes, that is
	// expanded into one literal per rune.
	MaxClass int
	// MaxRepeat is the largest repetition count that is expanded.
	MaxRepeat int
	// MaxTotal caps the bytes of all literals of a set together, which
	// bounds the memory extraction uses when long literals are crossed
	// with many alternatives.
	MaxTotal int
}

// DefaultLimits are the limits for literals meant for a prefilter: small
// enough for the searchers of this package to stay fast.
var DefaultLimits = Limits{MaxLiterals: 64, MaxBytes: 32, MaxClass: 16, MaxRepeat: 8, MaxTotal: 64 * 32}

// pureLimits are the limits under which a pattern still counts as a pure
// literal (see [NewMatcher]): a dictionary of thousands of words is best
// answered by Aho-Corasick without any automaton.
var pureLimits = Limits{MaxLiterals: 1 << 14, MaxBytes: 1 << 12, MaxClass: 256, MaxRepeat: 64, MaxTotal: 1 << 20}

// Prefixes returns a set of literals such that every match of re starts
// with one of them, extracted with [DefaultLimits].
func Prefixes(re *syntax.Regexp) Seq { return DefaultLimits.Prefixes(re) }

// Suffixes returns a set of literals such that every match of re ends with
// one of them, extracted with [DefaultLimits].
func Suffixes(re *syntax.Regexp) Seq { return DefaultLimits.Suffixes(re) }

// Prefixes returns a set of literals such that every match of re starts
// with one of them. An exact literal is a whole match, provided re has no
// empty-width assertions (when it has, every literal is inexact, since a
// literal found in the input still needs the assertions to hold).
func (lim Limits) Prefixes(re *syntax.Regexp) Seq {
	x := extractor{lim: lim}
	return x.finish(x.extract(re))
}

// Suffixes returns a set of literals such that every match of re ends with
// one of them, with exactness as for [Limits.Prefixes]. The literals are
// spelled forwards.
func (lim Limits) Suffixes(re *syntax.Regexp) Seq {
	x := extractor{lim: lim, reverse: true}
	return x.finish(x.extract(re))
}

// An extractor walks a syntax tree computing the prefix (or, with reverse,
// suffix) literals of each node from those of its children.
type extractor struct {
	lim     Limits
	reverse bool
	// sawLook records an empty-width assertion: it is extracted as the
	// empty string, which is right for "starts with" but not for
	// exactness, so finish makes every literal inexact.
	sawLook bool
}

// finish applies what the extractor learned about the whole tree to its
// result.
func (x *extractor) finish(s Seq) Seq {
	if x.sawLook {
		s.makeInexact()
	}
	return normalize(s)
}

// normalize turns a set holding an inexact empty literal into the infinite
// set: "every match starts with the empty string" says nothing, and keeping
// the other literals would only cost searchers time.
func normalize(s Seq) Seq {
	for _, l := range s.lits {
		if l.Bytes == "" && !l.Exact {
			return Infinite()
		}
	}
	return s
}

func (x *extractor) extract(re *syntax.Regexp) Seq {
	switch re.Op {
	case syntax.OpNoMatch:
		return Empty()
	case syntax.OpEmptyMatch:
		return single("")
	case syntax.OpLiteral:
		return x.literal(re.Rune, re.Flags&syntax.FoldCase != 0)
	case syntax.OpCharClass:
		return x.class(re.Rune)
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		x.sawLook = true
		return single("")
	case syntax.OpCapture:
		return x.extract(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest, syntax.OpPlus, syntax.OpRepeat:
		return x.repeat(re)
	case syntax.OpConcat:
		return x.concat(re.Sub)
	case syntax.OpAlternate:
		// One union of all branches, not one per branch: merging
		// them one by one would copy the set over and over, which is
		// quadratic for a dictionary of words.
		seqs := make([]Seq, len(re.Sub))
		for i, sub := range re.Sub {
			seqs[i] = x.extract(sub)
		}
		return x.union(seqs...)
	}
	// OpAnyChar and OpAnyCharNotNL contain U+FFFD, so they match invalid
	// bytes no literal describes; anything else is unknown.
	return Infinite()
}

// literal extracts a run of literal runes, each one matching its whole
// simple-fold orbit when fold is set.
func (x *extractor) literal(runes []rune, fold bool) Seq {
	if !fold && plainRunes(runes) {
		// Crossing rune by rune would copy the growing literal once
		// per rune; one cross gives the same literal, cut the same way.
		return x.cross(single(""), single(string(runes)))
	}
	acc := single("")
	for i := range runes {
		r := runes[i]
		if x.reverse {
			r = runes[len(runes)-1-i]
		}
		if !acc.finite || !acc.hasExact() {
			break
		}
		acc = x.cross(acc, x.runeSeq(r, fold))
	}
	return acc
}

// plainRunes reports whether every rune matches just its own encoding:
// no U+FFFD (which also matches invalid bytes) and no surrogate (which
// matches nothing).
func plainRunes(runes []rune) bool {
	for _, r := range runes {
		if r == utf8.RuneError || !utf8.ValidRune(r) {
			return false
		}
	}
	return true
}

// runeSeq returns the literals one pattern rune matches.
func (x *extractor) runeSeq(r rune, fold bool) Seq {
	if r == utf8.RuneError {
		// A pattern U+FFFD also matches any invalid byte.
		return Infinite()
	}
	if !utf8.ValidRune(r) {
		// A surrogate never decodes from input, so it never matches.
		return Empty()
	}
	if !fold {
		return single(string(r))
	}
	s := Seq{finite: true}
	for _, f := range orbit(r) {
		s.lits = append(s.lits, Literal{Bytes: string(f), Exact: true})
	}
	return s
}

// orbit returns r followed by the other runes of its simple-fold orbit, the
// runes a case-insensitive r matches (k, K and the Kelvin sign K, say).
func orbit(r rune) []rune {
	out := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		out = append(out, f)
	}
	return out
}

// class extracts a character class given as sorted lo-hi pairs.
func (x *extractor) class(ranges []rune) Seq {
	count := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		if lo <= utf8.RuneError && utf8.RuneError <= hi {
			// U+FFFD stands for every invalid byte too.
			return Infinite()
		}
		count += int(hi-lo+1) - surrogatesIn(lo, hi)
		if count > x.lim.MaxClass {
			return Infinite()
		}
	}
	s := Seq{finite: true}
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if utf8.ValidRune(r) {
				s.lits = append(s.lits, Literal{Bytes: string(r), Exact: true})
			}
		}
	}
	return s
}

// surrogatesIn counts the surrogate code points, which never match, in
// [lo, hi].
func surrogatesIn(lo, hi rune) int {
	const first, last = 0xD800, 0xDFFF
	lo, hi = max(lo, first), min(hi, last)
	if lo > hi {
		return 0
	}
	return int(hi - lo + 1)
}

// repeat extracts the star, plus, quest and counted repetition operators.
func (x *extractor) repeat(re *syntax.Regexp) Seq {
	minimum, maximum := 0, -1
	switch re.Op {
	case syntax.OpPlus:
		minimum = 1
	case syntax.OpQuest:
		maximum = 1
	case syntax.OpRepeat:
		minimum, maximum = re.Min, re.Max
	}
	if maximum == 0 {
		return single("")
	}
	sub := x.extract(re.Sub[0])
	if minimum == 0 {
		// x? is x|"" and x* is like x.*|"" as far as the start goes;
		// a non-greedy operator prefers the empty side.
		if maximum != 1 {
			sub.makeInexact()
		}
		empty := single("")
		if re.Flags&syntax.NonGreedy != 0 {
			return x.union(empty, sub)
		}
		return x.union(sub, empty)
	}
	acc := single("")
	for range min(minimum, x.lim.MaxRepeat) {
		if !acc.finite || !acc.hasExact() {
			break
		}
		acc = x.cross(acc, sub)
	}
	if minimum != maximum || minimum > x.lim.MaxRepeat {
		acc.makeInexact()
	}
	return acc
}

// concat extracts a concatenation, front to back for prefixes and back to
// front for suffixes.
func (x *extractor) concat(subs []*syntax.Regexp) Seq {
	acc := single("")
	for i := range subs {
		sub := subs[i]
		if x.reverse {
			sub = subs[len(subs)-1-i]
		}
		if !acc.finite || !acc.hasExact() {
			// Nothing more can be learned about the literals, but
			// assertions further on still affect exactness.
			x.noteLooks(sub)
			continue
		}
		acc = x.cross(acc, x.extract(sub))
	}
	return acc
}

// noteLooks sets sawLook when re contains an empty-width assertion.
func (x *extractor) noteLooks(re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		x.sawLook = true
	}
	for _, sub := range re.Sub {
		x.noteLooks(sub)
	}
}

// cross extends each exact literal of a by each literal of b (b goes in
// front for suffixes). Inexact literals of a stay as they are: something
// unknown already follows them. a is consumed; b is left unchanged.
func (x *extractor) cross(a, b Seq) Seq {
	if !a.finite {
		return a
	}
	if !b.finite {
		a.makeInexact()
		return a
	}
	size, total := 0, 0
	for _, l := range a.lits {
		if l.Exact {
			size += len(b.lits)
			total += len(b.lits)*len(l.Bytes) + b.total()
		} else {
			size++
			total += len(l.Bytes)
		}
	}
	if size > x.lim.MaxLiterals || total > x.lim.MaxTotal {
		// Taking the product would lose more than it gains: keep the
		// shorter literals, which are still true prefixes.
		a.makeInexact()
		return a
	}
	out := make([]Literal, 0, size)
	for _, l := range a.lits {
		if !l.Exact {
			out = append(out, l)
			continue
		}
		for _, m := range b.lits {
			if x.reverse {
				out = append(out, Literal{Bytes: m.Bytes + l.Bytes, Exact: m.Exact})
			} else {
				out = append(out, Literal{Bytes: l.Bytes + m.Bytes, Exact: m.Exact})
			}
		}
	}
	s := Seq{lits: out, finite: true}
	s.keepBytes(x.lim.MaxBytes, x.reverse)
	// Products of different literals can be equal: "a"+"ab" is "aa"+"b".
	s.dedup()
	return normalize(s)
}

// union returns the literals of all seqs in order. When there are too
// many, literals are cut shorter (merging many of them) before giving up and
// returning the infinite set.
func (x *extractor) union(seqs ...Seq) Seq {
	n := 0
	for _, s := range seqs {
		if !s.finite {
			return Infinite()
		}
		n += len(s.lits)
	}
	s := Seq{lits: make([]Literal, 0, n), finite: true}
	for _, t := range seqs {
		s.lits = append(s.lits, t.lits...)
	}
	s.dedup()
	for _, n := range [...]int{16, 8, 4, 3, 2, 1} {
		if len(s.lits) <= x.lim.MaxLiterals && s.total() <= x.lim.MaxTotal {
			break
		}
		s.keepBytes(n, x.reverse)
	}
	if len(s.lits) > x.lim.MaxLiterals || s.total() > x.lim.MaxTotal {
		return Infinite()
	}
	return normalize(s)
}
