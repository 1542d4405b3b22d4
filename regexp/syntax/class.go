package syntax

import (
	"slices"
	"sort"
	"unicode"
)

// A character class is a []rune of lo-hi pairs. While a class is being
// built its pairs may overlap and come in any order; [cleanClass] sorts and
// merges them. The helpers below append to a class, folding case when asked.

// The smallest and largest runes that take part in any simple case fold.
// Ranges outside them need no folding work.
const (
	minFold rune = 0x0041
	maxFold rune = 0x1e943
)

// appendRange appends lo-hi to class. It widens one of the last two pairs
// instead when lo-hi touches it, which keeps the class short when runs
// such as A-Z and a-z are appended alternately while folding.
func appendRange(class []rune, lo, hi rune) []rune {
	n := len(class)
	for back := 2; back <= 4 && back <= n; back += 2 {
		plo, phi := class[n-back], class[n-back+1]
		if lo <= phi+1 && plo <= hi+1 {
			class[n-back] = min(plo, lo)
			class[n-back+1] = max(phi, hi)
			return class
		}
	}
	return append(class, lo, hi)
}

// appendFoldedRange appends lo-hi and every rune in the simple case-fold
// orbit of any rune in it.
func appendFoldedRange(class []rune, lo, hi rune) []rune {
	if lo <= minFold && hi >= maxFold || hi < minFold || lo > maxFold {
		// Folding adds nothing: the range already holds every rune that
		// folds, or holds none.
		return appendRange(class, lo, hi)
	}
	if lo < minFold {
		class = appendRange(class, lo, minFold-1)
		lo = minFold
	}
	if hi > maxFold {
		class = appendRange(class, maxFold+1, hi)
		hi = maxFold
	}
	for r := lo; r <= hi; r++ {
		class = appendRange(class, r, r)
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			class = appendRange(class, f, f)
		}
	}
	return class
}

// appendLiteral appends the single rune r, with its fold orbit when flags
// has FoldCase.
func appendLiteral(class []rune, r rune, flags Flags) []rune {
	if flags&FoldCase != 0 {
		return appendFoldedRange(class, r, r)
	}
	return appendRange(class, r, r)
}

// appendClass appends the pairs of the clean class x.
func appendClass(class, x []rune) []rune {
	if len(class) == 0 {
		// x is clean: its pairs are sorted and apart.
		return append(class, x...)
	}
	class = slices.Grow(class, len(x))
	for i := 0; i+1 < len(x); i += 2 {
		class = appendRange(class, x[i], x[i+1])
	}
	return class
}

// appendFoldedClass appends the pairs of x and their fold orbits.
func appendFoldedClass(class, x []rune) []rune {
	for i := 0; i+1 < len(x); i += 2 {
		class = appendFoldedRange(class, x[i], x[i+1])
	}
	return class
}

// appendNegatedClass appends every rune not in the clean class x.
func appendNegatedClass(class, x []rune) []rune {
	next := rune(0)
	for i := 0; i+1 < len(x); i += 2 {
		if next < x[i] {
			class = appendRange(class, next, x[i]-1)
		}
		next = x[i+1] + 1
	}
	if next <= unicode.MaxRune {
		class = appendRange(class, next, unicode.MaxRune)
	}
	return class
}

// tableRanges calls f for each run of consecutive runes in t, in order.
func tableRanges(t *unicode.RangeTable, f func(lo, hi rune)) {
	for _, r := range t.R16 {
		each(rune(r.Lo), rune(r.Hi), rune(r.Stride), f)
	}
	for _, r := range t.R32 {
		each(rune(r.Lo), rune(r.Hi), rune(r.Stride), f)
	}
}

func each(lo, hi, stride rune, f func(lo, hi rune)) {
	if stride == 1 {
		f(lo, hi)
		return
	}
	for r := lo; r <= hi; r += stride {
		f(r, r)
	}
}

// appendTable appends the runes of t.
func appendTable(class []rune, t *unicode.RangeTable) []rune {
	class = slices.Grow(class, 2*(len(t.R16)+len(t.R32)))
	tableRanges(t, func(lo, hi rune) { class = appendRange(class, lo, hi) })
	return class
}

// appendNegatedTable appends every rune not in t.
func appendNegatedTable(class []rune, t *unicode.RangeTable) []rune {
	next := rune(0)
	tableRanges(t, func(lo, hi rune) {
		if next < lo {
			class = appendRange(class, next, lo-1)
		}
		next = hi + 1
	})
	if next <= unicode.MaxRune {
		class = appendRange(class, next, unicode.MaxRune)
	}
	return class
}

// pairs sorts a class by low end, longer pair first on ties.
type pairs []rune

func (p pairs) Len() int { return len(p) / 2 }
func (p pairs) Less(i, j int) bool {
	return p[2*i] < p[2*j] || p[2*i] == p[2*j] && p[2*i+1] > p[2*j+1]
}
func (p pairs) Swap(i, j int) {
	p[2*i], p[2*i+1], p[2*j], p[2*j+1] = p[2*j], p[2*j+1], p[2*i], p[2*i+1]
}

// sortPairs sorts the pairs of class. Most classes the parser builds are
// short, often already in order; those are sorted in place without going
// through sort.Sort, whose interface argument costs an allocation.
func sortPairs(class []rune) {
	p := pairs(class)
	n := p.Len()
	if n > 16 {
		sort.Sort(p)
		return
	}
	for i := 1; i < n; i++ {
		for j := i; j > 0 && p.Less(j, j-1); j-- {
			p.Swap(j, j-1)
		}
	}
}

// cleanClass sorts the pairs of class and merges those that overlap or
// touch, in place.
func cleanClass(class []rune) []rune {
	sortPairs(class)
	if len(class) < 2 {
		return class
	}
	w := 2
	for i := 2; i+1 < len(class); i += 2 {
		lo, hi := class[i], class[i+1]
		if lo <= class[w-1]+1 {
			class[w-1] = max(class[w-1], hi)
			continue
		}
		class[w], class[w+1] = lo, hi
		w += 2
	}
	return class[:w]
}

// negateClass returns the complement of the clean class, reusing its
// storage where it can.
func negateClass(class []rune) []rune {
	next := rune(0)
	w := 0
	for i := 0; i+1 < len(class); i += 2 {
		lo, hi := class[i], class[i+1]
		if next < lo {
			class[w], class[w+1] = next, lo-1
			w += 2
		}
		next = hi + 1
	}
	class = class[:w]
	if next <= unicode.MaxRune {
		class = append(class, next, unicode.MaxRune)
	}
	return class
}

// classHas reports whether the clean or unclean class contains r.
func classHas(class []rune, r rune) bool {
	for i := 0; i+1 < len(class); i += 2 {
		if class[i] <= r && r <= class[i+1] {
			return true
		}
	}
	return false
}

// minFoldRune returns the smallest rune in the fold orbit of r, the
// representative the parser stores for a case-insensitive literal.
func minFoldRune(r rune) rune {
	if r < minFold || r > maxFold {
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}
