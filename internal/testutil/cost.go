package testutil

import (
	stdsyntax "regexp/syntax"
)

// Fuzz targets quickly learn that counted repetition makes big programs:
// (\pL{100}){10} is a short pattern with a program of hundreds of
// thousands of instructions, and compiling or running it on every
// execution would starve the search. The targets therefore skip patterns
// whose program would be large, estimated from the standard library's
// tree. The estimate does not depend on how our engines run, so it cannot
// hide our own slowness: any pattern under a target's bound runs in full,
// on every engine, against the standard library.

// ProgramCost estimates the size of the compiled program of pattern, the
// larger of its Perl and POSIX readings; a pattern both reject costs 0,
// since neither compiles it.
func ProgramCost(pattern string) int {
	cost := 0
	for _, flags := range []stdsyntax.Flags{stdsyntax.Perl, stdsyntax.POSIX} {
		if re, err := stdsyntax.Parse(pattern, flags); err == nil {
			cost = max(cost, treeCost(re))
		}
	}
	return cost
}

// treeCost estimates the instructions re compiles to: a node costs one,
// a class one more per range (classes become one state per byte range),
// and a counted repetition its count times its body, as Simplify expands
// it.
func treeCost(re *stdsyntax.Regexp) int {
	cost := 1
	switch re.Op {
	case stdsyntax.OpLiteral:
		cost += len(re.Rune)
	case stdsyntax.OpCharClass:
		cost += len(re.Rune) / 2
	case stdsyntax.OpAnyChar, stdsyntax.OpAnyCharNotNL:
		cost += 8
	}
	subs := 0
	for _, sub := range re.Sub {
		subs += treeCost(sub)
	}
	if re.Op == stdsyntax.OpRepeat {
		subs *= max(re.Min, re.Max, 1)
	}
	return min(cost+subs, 1<<30)
}
