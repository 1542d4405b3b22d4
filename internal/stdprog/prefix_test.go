package stdprog

import (
	"math/rand"
	std "regexp"
	"testing"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// TestLiteralPrefix compares LiteralPrefix with the standard library's on
// patterns chosen to hit both of its rules: anchored patterns that are or
// are not one-pass in Go's analysis, captures, case folding, U+FFFD, and
// pieces that can never match.
func TestLiteralPrefix(t *testing.T) {
	patterns := []string{
		``, `()`, `abc`, `(abc)`, `abc+`, `ab*c`, `a|b`, `(?i)abc`, `a(?i)bc`, `(?i)1a`,
		`^abc`, `^abc$`, `^(abc)$`, `(^abc)`, `^abc(d|e)$`, `^ab(c|d)`, `^abc|^abd`,
		`^(?:abc|abd)$`, `^abc(?:x|y)*$`, `^ab(cd|ce)$`, `^abc\b`, `^abc(?m)$`, `^a(b|c)*d$`,
		`^a(?:b*|c)$`, `^a{3}$`, `^[a]bc$`, `^\x{FFFD}a`, `\x{FFFD}a`, `a\x{FFFD}`,
		`abc[^\x00-\x{10FFFF}]`, `[^\x00-\x{10FFFF}]|abc`, `^日本語$`, `日本(語)?`, `(?s).abc`,
		`^(?:a|ab)$`, `^(?:a+|b)$`, `^(a*)*$`, `^x(?:a*|a)$`, `\Aab\z`, `(?m)^ab`, `^ab$|^ab$`,
	}
	atoms := []string{"a", "b", "ab", "^", "$", `\A`, `\z`, "(a)", "(?:a|b)", "a|b", "a*", "b+",
		"a?", "(a*)*", "[ab]", ".", "(?i)k", `\b`, "x{2}", "(a|ab)", "(?s:.)", `\x{fffd}`, "[^a]",
		"()", "a*?", "(b|)", "(?:a|a)", "(?:b|c)*"}
	rng := rand.New(rand.NewSource(7))
	n := 20000
	if testing.Short() {
		n = 3000
	}
	for range n {
		p := ""
		if rng.Intn(3) > 0 {
			p = "^"
		}
		for range 1 + rng.Intn(5) {
			p += atoms[rng.Intn(len(atoms))]
		}
		if rng.Intn(2) == 0 {
			p += "$"
		}
		patterns = append(patterns, p)
	}
	for _, p := range patterns {
		for _, posix := range []bool{false, true} {
			flags, compileStd := syntax.Perl, std.Compile
			if posix {
				flags, compileStd = syntax.POSIX, std.CompilePOSIX
			}
			tree, err := syntax.Parse(p, flags)
			ref, stdErr := compileStd(p)
			if (err == nil) != (stdErr == nil) {
				t.Errorf("%#q (posix %v): error %v, standard library %v", p, posix, err, stdErr)
				continue
			}
			if err != nil {
				continue
			}
			gotPrefix, gotComplete := LiteralPrefix(tree.Simplify())
			wantPrefix, wantComplete := ref.LiteralPrefix()
			if gotPrefix != wantPrefix || gotComplete != wantComplete {
				t.Errorf("%#q (posix %v): LiteralPrefix() = %q, %v; standard library %q, %v",
					p, posix, gotPrefix, gotComplete, wantPrefix, wantComplete)
			}
		}
	}
}
