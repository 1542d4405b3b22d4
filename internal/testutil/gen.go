package testutil

import (
	"fmt"
	"math/rand"
)

// The differential tests of package regexp and internal/meta run generated
// patterns over a fixed set of texts, through this package's matcher and
// the standard library's, and require identical results.

// DiffTexts covers ASCII, multi-byte UTF-8, every kind of invalid UTF-8
// (stray continuation bytes, truncated sequences, surrogates, overlong
// forms, out of range), case-folding orbits, newlines and the empty text.
var DiffTexts = []string{
	"",
	"a",
	"ab",
	"abc",
	"aab",
	"baaac",
	"abab",
	"xyz",
	"aaa bbb",
	"a_b-c d",
	"é",
	"éa",
	"日本語",
	"a日b",
	"\xff",
	"a\xffb",
	"\xffa",
	"\xe2\x82",
	"\xe2\x82A",
	"\xe2\x82\xac",
	"\xed\xa0\x80",
	"\xc0\x80",
	"\xf4\x90\x80\x80",
	"\x80\x80a",
	"\xef\xbf\xbd",
	"k\u212aK",
	"sſS",
	"ΣσςΣ",
	"a\nb",
	"\n",
	"\n\n",
	"ab\ncd\n",
	"\x00a\x00",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
}

// diffAtoms are the leaves of generated patterns.
var diffAtoms = []string{
	"a", "b", "c", "ab", "é", "日", `\x{FFFD}`, "\ufffd", ".", `\w`, `\W`, `\d`, `\s`, `\S`,
	"[a-c]", "[^a]", "[^\n]", "[é-ü]", "(?i)k", "(?i)s", "(?i:σ)", `\b`, `\B`, "^", "$",
	`\A`, `\z`, "(?m:^)", "(?m:$)", "(?s:.)", `\pL`, `\p{Greek}`, `[[:alpha:]]`, `\n`, `\xff`,
	"()", "(?:)", "x*",
}

// GenPattern returns a random pattern of nesting depth at most depth.
func GenPattern(rng *rand.Rand, depth int) string {
	if depth <= 0 || rng.Intn(3) == 0 {
		return diffAtoms[rng.Intn(len(diffAtoms))]
	}
	sub := func() string { return GenPattern(rng, depth-1) }
	switch rng.Intn(10) {
	case 0, 1:
		return sub() + sub()
	case 2:
		return sub() + "|" + sub()
	case 3:
		return "(" + sub() + ")"
	case 4:
		return "(?P<n" + fmt.Sprint(rng.Intn(3)) + ">" + sub() + ")"
	case 5:
		return "(?:" + sub() + ")"
	case 6:
		ops := []string{"*", "+", "?", "*?", "+?", "??"}
		return "(?:" + sub() + ")" + ops[rng.Intn(len(ops))]
	case 7:
		reps := []string{"{2}", "{0,2}", "{1,}", "{0}", "{2,3}?", "{1,3}"}
		return "(" + sub() + ")" + reps[rng.Intn(len(reps))]
	case 8:
		return "(" + sub() + "|" + sub() + ")*"
	default:
		return sub() + sub() + sub()
	}
}

// diffFixedPatterns are hand-picked patterns with known pitfalls.
var diffFixedPatterns = []string{
	``, `a*`, `a*?`, `(a*)*`, `(a*)+`, `(a|ab)(c|bcd)(d*)`, `(a+)(b+)?`, `(a|b)*c|(a|ab)*c`,
	`x*`, `\b`, `\B`, `^`, `$`, `(?m)^`, `(?m)$`, `(?m)^$`, `^$`, `(?i)K`, `(?i)σ+`, `[^a]`,
	`.`, `(?s).`, `\x{FFFD}`, `\xff`, `(a)|b`, `(a)|(b)`, `a{0}`, `(a){0}(b)`, `(?P<x>a)(?P<x>b)`,
	`(?P<first>\w+)\s(?P<last>\w+)`, `(.)(.)(.)`, `^abc$`, `^abc`, `abc$`, `^(abc)$`, `a|b|c`,
	`(|a)*`, `(|a)+`, `(a|)*`, `((a)|b)+`, `(a*)*$`, `\Ab`, `b\z`, `.*`, `.+`, `.*?`, `[[:^alpha:]]`,
	`\pN+`, `\PL`, `(?U)a+`, `(?U)a+?`, `a+?b`, `(a+?)(a*)`, `(?:(a)|(b)|(c))+`,
}

// DiffPatterns returns the fixed patterns and a generated set, smaller
// with -short and under the race detector (which slows this single
// goroutine test tenfold without finding anything more; the plain run
// covers the full set).
func DiffPatterns(short bool) []string {
	n := 1500
	if short {
		n = 150
	}
	rng := rand.New(rand.NewSource(42))
	ps := append([]string(nil), diffFixedPatterns...)
	for range n {
		ps = append(ps, GenPattern(rng, 3))
	}
	return ps
}
