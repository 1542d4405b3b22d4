package literal

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// A case-insensitive alternation such as (?i)agggtaaa|tttaccct matches
// 2×256 spellings. Extracting them all and folding them back into two
// bases for the ASCII-folding Aho-Corasick (see asciiFoldBases) costs far
// more than the search it prepares. newFoldSet extracts the bases
// directly: each ASCII letter that matches in both cases becomes one
// lower-case byte standing for both, and the extraction keeps count of
// how many spellings each base stands for, so that it gives up exactly
// where the full extraction would.
//
// Only trees whose every ASCII letter matches in both cases qualify:
// case-insensitive literals (whose orbits also bring in the non-ASCII
// members, the Kelvin sign K of k and the long s ſ of s, as separate
// exact bytes) and classes holding both cases of each of their letters. A
// case-sensitive letter would need its own spelling kept apart from the
// other case, which the fold searcher cannot express.

// A foldLit is one base literal of a fold extraction.
type foldLit struct {
	s string
	// n is the number of spellings s stands for: 2 to the number of
	// ASCII letters in s, all of which are lower case.
	n int64
}

// A foldExtractor extracts the bases of a qualifying tree under the limits
// of the full extraction. Every set it builds is finite and exact; where
// the full extraction would go inexact or infinite, it fails instead.
type foldExtractor struct {
	lim Limits
	// bases makes the limits count bases instead of spellings (every
	// letter choice counts once), for a searcher that folds ASCII case
	// itself (Teddy) and so never expands the spellings.
	bases bool
}

// letterChoice is how many literals a letter that matches in both cases
// counts for: its two spellings, or one base.
func (x *foldExtractor) letterChoice() int64 {
	if x.bases {
		return 1
	}
	return 2
}

// newFoldSet returns the Searcher [NewMatcher] would build for re through
// the full extraction, when re qualifies for the fold extraction, and
// reports whether it did. Nil with true means re is not a pure literal
// pattern for the full extraction: it matches the empty string, or its
// literals exceed the limits.
func newFoldSet(re *syntax.Regexp, longest bool) (Searcher, bool) {
	if letters, ok := foldQualifies(re); !ok || !letters {
		// Without a letter to fold the bases are the literals, and the
		// full extraction is no more work.
		return nil, false
	}
	x := foldExtractor{lim: pureLimits}
	lits, ok := x.extract(re)
	if !ok {
		// The full extraction would not give an exact set within its
		// limits either: not a pure literal pattern (for a literal
		// set; NewMatcher may still try Teddy), and no need to spend
		// the cross products finding that out again.
		return nil, true
	}
	if len(lits) < 2 && (len(lits) == 0 || lits[0].n == 1) {
		// The full extraction knows best what to make of these.
		return nil, false
	}
	bases := make([][]byte, len(lits))
	oneByte := true
	for i, l := range lits {
		if l.s == "" {
			return nil, true
		}
		bases[i] = []byte(l.s)
		oneByte = oneByte && len(l.s) == 1
	}
	// At one position only one spelling of a base can match, and two
	// bases both match only when one is a prefix of the other. Without
	// such a pair at most one spelling matches anywhere, so the order
	// of the bases, which is not that of their first spellings in the
	// full extraction, does not matter.
	sorted := slices.SortedFunc(slices.Values(lits), func(a, b foldLit) int { return strings.Compare(a.s, b.s) })
	for i := 1; i < len(sorted); i++ {
		if strings.HasPrefix(sorted[i].s, sorted[i-1].s) {
			return nil, false
		}
	}
	if oneByte {
		var firsts []byte
		for _, b := range bases {
			firsts = append(firsts, b[0])
			if isLower(b[0]) {
				firsts = append(firsts, b[0]-'a'+'A')
			}
		}
		return (*byteSetSearcher)(newByteSet(firsts)), true
	}
	if a := buildAhoCorasick(bases, true, longest); a != nil {
		return a, true
	}
	// The full set would need a bigger table still.
	return nil, true
}

// isLower reports whether b is a lower-case ASCII letter.
func isLower(b byte) bool { return 'a' <= b && b <= 'z' }

// isLetter reports whether r is an ASCII letter.
func isLetter(r rune) bool { return 'a' <= r|0x20 && r|0x20 <= 'z' }

// foldQualifies reports whether the fold extraction handles re: only the
// operators whose extraction it mirrors, no U+FFFD or surrogate (which
// stand for more or fewer than their encoding), and every ASCII letter in
// both cases. letters reports that some ASCII letter occurs at all.
func foldQualifies(re *syntax.Regexp) (letters, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return false, true
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		for _, r := range re.Rune {
			if r == utf8.RuneError || !utf8.ValidRune(r) {
				return false, false
			}
			switch {
			case isLetter(r):
				if !fold {
					return false, false
				}
				letters = true
			case fold && (r == '\u212a' || r == '\u017f'):
				// The Kelvin sign and the long s fold to ASCII
				// letters, which are then spelled both ways.
				letters = true
			}
		}
		return letters, true
	case syntax.OpCharClass:
		return foldClassQualifies(re.Rune)
	case syntax.OpCapture, syntax.OpConcat, syntax.OpAlternate, syntax.OpQuest, syntax.OpRepeat:
		if re.Op == syntax.OpAlternate && len(re.Sub) == 0 {
			return false, false
		}
		for _, sub := range re.Sub {
			l, ok := foldQualifies(sub)
			if !ok {
				return false, false
			}
			letters = letters || l
		}
		return letters, true
	}
	return false, false
}

// foldClassQualifies is foldQualifies for a class of sorted lo-hi pairs.
func foldClassQualifies(ranges []rune) (letters, ok bool) {
	if len(ranges) == 0 {
		return false, false
	}
	has := func(r rune) bool {
		for i := 0; i+1 < len(ranges); i += 2 {
			if ranges[i] <= r && r <= ranges[i+1] {
				return true
			}
		}
		return false
	}
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		if lo <= utf8.RuneError && utf8.RuneError <= hi || surrogatesIn(lo, hi) > 0 {
			return false, false
		}
		// Only the ASCII letters of the range need a look, and a
		// class too big to expand fails in the extraction anyway.
		for r := max(lo, 'A'); r <= min(hi, 'z'); r++ {
			if isLetter(r) {
				if !has(r ^ 0x20) {
					return false, false
				}
				letters = true
			}
		}
	}
	return letters, true
}

// extract returns the bases of re in the order of the full extraction,
// and false where the full extraction would not give an exact finite set.
func (x *foldExtractor) extract(re *syntax.Regexp) ([]foldLit, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []foldLit{{n: 1}}, true
	case syntax.OpLiteral:
		return x.literal(re.Rune, re.Flags&syntax.FoldCase != 0)
	case syntax.OpCharClass:
		return x.class(re.Rune)
	case syntax.OpCapture:
		return x.extract(re.Sub[0])
	case syntax.OpConcat:
		acc := []foldLit{{n: 1}}
		for _, sub := range re.Sub {
			s, ok := x.extract(sub)
			if !ok {
				return nil, false
			}
			if acc, ok = x.cross(acc, s); !ok {
				return nil, false
			}
		}
		return acc, true
	case syntax.OpAlternate:
		var all []foldLit
		for _, sub := range re.Sub {
			s, ok := x.extract(sub)
			if !ok {
				return nil, false
			}
			all = append(all, s...)
		}
		return x.union(all)
	case syntax.OpQuest, syntax.OpRepeat:
		return x.repeat(re)
	}
	return nil, false
}

// literal extracts a run of literal runes. Only a case-insensitive run
// can hold letters here, and each of its runes contributes its ASCII
// letters as one lower-case choice and its other orbit members one each.
func (x *foldExtractor) literal(runes []rune, fold bool) ([]foldLit, bool) {
	if !fold {
		return x.cross([]foldLit{{n: 1}}, []foldLit{{s: string(runes), n: 1}})
	}
	// Runes with a single choice are gathered and crossed in at once:
	// the limits grow with every rune, so checking at the runes with
	// several choices and at the end sees every limit the rune-by-rune
	// crossing of the full extraction sees.
	acc := []foldLit{{n: 1}}
	var run []byte
	n := int64(1)
	var choices []foldLit
	for _, r := range runes {
		choices = choices[:0]
		for _, f := range orbit(r) {
			switch {
			case f < utf8.RuneSelf && isLetter(f):
				if isLower(byte(f)) {
					choices = append(choices, foldLit{s: string(f), n: x.letterChoice()})
				}
			default:
				choices = append(choices, foldLit{s: string(f), n: 1})
			}
		}
		if len(choices) == 1 {
			run = append(run, choices[0].s...)
			n *= choices[0].n
			if n > int64(x.lim.MaxLiterals) {
				return nil, false
			}
			continue
		}
		var ok bool
		if acc, ok = x.cross(acc, []foldLit{{s: string(run), n: n}}); !ok {
			return nil, false
		}
		if acc, ok = x.cross(acc, choices); !ok {
			return nil, false
		}
		run, n = run[:0], 1
	}
	return x.cross(acc, []foldLit{{s: string(run), n: n}})
}

// class extracts a class: each pair of ASCII letters is one lower-case
// choice, in the place of the upper case, which sorts first.
func (x *foldExtractor) class(ranges []rune) ([]foldLit, bool) {
	count := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		if count += int(ranges[i+1]-ranges[i]) + 1; count > x.lim.MaxClass {
			return nil, false
		}
	}
	var out []foldLit
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			switch {
			case r < utf8.RuneSelf && isLetter(r):
				if !isLower(byte(r)) {
					out = append(out, foldLit{s: string(r | 0x20), n: x.letterChoice()})
				}
			default:
				out = append(out, foldLit{s: string(r), n: 1})
			}
		}
	}
	return out, true
}

// repeat extracts the repetitions whose full extraction can be exact: a
// quest and a fixed count.
func (x *foldExtractor) repeat(re *syntax.Regexp) ([]foldLit, bool) {
	minimum, maximum := 0, 1
	if re.Op == syntax.OpRepeat {
		minimum, maximum = re.Min, re.Max
	}
	if maximum == 0 {
		return []foldLit{{n: 1}}, true
	}
	if minimum != maximum && (minimum != 0 || maximum != 1) || minimum > x.lim.MaxRepeat {
		// Something unknown may follow, or the count is not expanded.
		return nil, false
	}
	sub, ok := x.extract(re.Sub[0])
	if !ok {
		return nil, false
	}
	if minimum == 0 {
		empty := []foldLit{{n: 1}}
		if re.Flags&syntax.NonGreedy != 0 {
			return x.union(append(empty, sub...))
		}
		return x.union(append(sub, empty...))
	}
	acc := []foldLit{{n: 1}}
	for range minimum {
		if acc, ok = x.cross(acc, sub); !ok {
			return nil, false
		}
	}
	return acc, true
}

// cross extends each base of a by each base of b, failing where the full
// extraction's cross would exceed its limits counted in spellings. a may
// be reused for the result.
func (x *foldExtractor) cross(a, b []foldLit) ([]foldLit, bool) {
	var nb, tb int64 // spellings and bytes of b
	for _, m := range b {
		nb += m.n
		tb += m.n * int64(len(m.s))
	}
	var size, total int64
	for _, l := range a {
		size += l.n * nb
		total += l.n * (nb*int64(len(l.s)) + tb)
		if size > int64(x.lim.MaxLiterals) || total > int64(x.lim.MaxTotal) {
			return nil, false
		}
	}
	if len(b) == 1 {
		// The common case of a literal run: extend in place.
		for i := range a {
			if len(a[i].s)+len(b[0].s) > x.lim.MaxBytes {
				return nil, false
			}
			a[i] = foldLit{s: a[i].s + b[0].s, n: a[i].n * b[0].n}
		}
		return foldDedup(a), true
	}
	out := make([]foldLit, 0, len(a)*len(b))
	for _, l := range a {
		for _, m := range b {
			if len(l.s)+len(m.s) > x.lim.MaxBytes {
				return nil, false
			}
			out = append(out, foldLit{s: l.s + m.s, n: l.n * m.n})
		}
	}
	return foldDedup(out), true
}

// union returns the bases of all in order without repeats, failing where
// the full extraction's union would exceed its limits.
func (x *foldExtractor) union(all []foldLit) ([]foldLit, bool) {
	all = foldDedup(all)
	var size, total int64
	for _, l := range all {
		size += l.n
		total += l.n * int64(len(l.s))
	}
	if size > int64(x.lim.MaxLiterals) || total > int64(x.lim.MaxTotal) {
		return nil, false
	}
	return all, true
}

// foldDedup removes repeated bases, keeping the first. Equal bases stand
// for the same spellings and different ones for disjoint spellings, so
// this removes exactly the spellings the full extraction's dedup does.
func foldDedup(lits []foldLit) []foldLit {
	if len(lits) < 2 {
		return lits
	}
	if len(lits) <= 8 {
		out := lits[:0]
		for _, l := range lits {
			if !slices.ContainsFunc(out, func(m foldLit) bool { return m.s == l.s }) {
				out = append(out, l)
			}
		}
		return out
	}
	seen := make(map[string]bool, len(lits))
	out := lits[:0]
	for _, l := range lits {
		if !seen[l.s] {
			seen[l.s] = true
			out = append(out, l)
		}
	}
	return out
}

// newFoldTeddy returns a Teddy searcher folding ASCII case for re, for a
// case-insensitive literal or alternation with too many spellings for a
// literal set (each of its ASCII letters doubles them; "(?i)Sherlock
// Holmes" has 2^14 times 8), or nil when re does not qualify for the fold
// extraction, has more than maxTeddyLiterals bases, or this build has no
// Teddy. The bases are extracted with the limits counting bases, which is
// exact as long as the searcher folds every letter of them.
func newFoldTeddy(re *syntax.Regexp, longest bool) Searcher {
	if !haveTeddy {
		return nil
	}
	if letters, ok := foldQualifies(re); !ok || !letters {
		return nil
	}
	lim := pureLimits
	lim.MaxLiterals = maxTeddyLiterals
	x := foldExtractor{lim: lim, bases: true}
	lits, ok := x.extract(re)
	if !ok || len(lits) == 0 {
		return nil
	}
	size := 0
	for _, l := range lits {
		if len(l.s) < minTeddyLen {
			return nil // the empty match, or too short for Teddy
		}
		size += len(l.s)
	}
	// As in newFoldSet: with no base a prefix of another, at most one
	// spelling of one base matches at any position, so the order of
	// the bases does not matter. There are at most maxTeddyLiterals:
	// comparing every pair costs less than sorting them.
	for i, a := range lits {
		for j, b := range lits {
			if i != j && strings.HasPrefix(b.s, a.s) {
				return nil
			}
		}
	}
	// The bases share one buffer: a pattern used once pays for every
	// allocation here.
	buf := make([]byte, 0, size)
	bases := make([][]byte, len(lits))
	for i, l := range lits {
		buf = append(buf, l.s...)
		bases[i] = buf[len(buf)-len(l.s) : len(buf) : len(buf)]
	}
	return buildTeddy(bases, longest, true)
}
