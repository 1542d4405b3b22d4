// Package testutil holds helpers that the tests of several packages share:
// turning patterns into our syntax trees and programs, and comparing with
// the standard library, which serves as the oracle. Only tests import it.
package testutil

import (
	stdsyntax "regexp/syntax"
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// FromStd converts a tree parsed by the standard library's regexp/syntax
// into our tree type. The operator and flag values of both packages are
// the same, so fields are copied as they are; spans are left zero, since
// the standard library does not record them.
func FromStd(re *stdsyntax.Regexp) *syntax.Regexp {
	if re == nil {
		return nil
	}
	out := &syntax.Regexp{
		Op:    syntax.Op(re.Op),
		Flags: syntax.Flags(re.Flags),
		Min:   re.Min,
		Max:   re.Max,
		Cap:   re.Cap,
		Name:  re.Name,
	}
	if len(re.Rune) > 0 {
		out.Rune = append([]rune(nil), re.Rune...)
	}
	if len(re.Sub) > 0 {
		out.Sub = make([]*syntax.Regexp, len(re.Sub))
		for i, sub := range re.Sub {
			out.Sub[i] = FromStd(sub)
		}
	}
	return out
}

// Parse parses pattern with flags with our [syntax.Parse], failing the
// test when the pattern is invalid.
func Parse(t testing.TB, pattern string, flags syntax.Flags) *syntax.Regexp {
	t.Helper()
	re, err := syntax.Parse(pattern, flags)
	if err != nil {
		t.Fatalf("parse %#q: %v", pattern, err)
	}
	return re
}

// ParseStd parses pattern with the standard library's parser and converts
// the tree with [FromStd], for cross-checks against our parser: the tree
// is then exactly the one the standard library compiles.
func ParseStd(t testing.TB, pattern string, flags syntax.Flags) *syntax.Regexp {
	t.Helper()
	re, err := stdsyntax.Parse(pattern, stdsyntax.Flags(flags))
	if err != nil {
		t.Fatalf("parse %#q: %v", pattern, err)
	}
	return FromStd(re)
}

// Compile parses pattern with flags (syntax.Perl for what regexp.Compile
// accepts, syntax.POSIX for regexp.CompilePOSIX), simplifies it with our
// [syntax.Regexp.Simplify] and compiles it with [nfa.Compile] into a
// forward program. It fails the test on any error.
//
// Engine tests across the project use it; its signature stays stable.
func Compile(t testing.TB, pattern string, flags syntax.Flags) *nfa.Prog {
	t.Helper()
	return CompileWith(t, pattern, flags, nfa.Options{})
}

// CompileWith is [Compile] with explicit compiler options, for instance to
// get a reverse program.
func CompileWith(t testing.TB, pattern string, flags syntax.Flags, opts nfa.Options) *nfa.Prog {
	t.Helper()
	re := Parse(t, pattern, flags)
	if opts.NumCap == 0 {
		opts.NumCap = MaxCap(re) + 1
	}
	prog, err := nfa.Compile(re.Simplify(), opts)
	if err != nil {
		t.Fatalf("compile %#q: %v", pattern, err)
	}
	return prog
}

// MaxCap returns the largest capture index in re, 0 when it has none.
func MaxCap(re *syntax.Regexp) int {
	n := 0
	if re.Op == syntax.OpCapture {
		n = re.Cap
	}
	for _, sub := range re.Sub {
		n = max(n, MaxCap(sub))
	}
	return n
}
