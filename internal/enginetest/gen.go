package enginetest

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// Patterns are hand-written Perl-syntax patterns whose corners random
// ones may miss: preference order, empty loops, captures that repeat or
// stay unset, assertions at every edge, case folding, large Unicode
// classes, classes that hold U+FFFD (and so match invalid bytes), and
// patterns anchored at \A (which one-pass engines accept). Every engine
// runs each of them on every one of [Inputs].
var Patterns = dedup([]string{
	// Preference order and empty loops.
	`a`, `a+b`, `a*`, `a*?`, `a*?b`, `a+?b`, `x*`, `x+?y`, `x{2,5}`, `x{1,3}y?`,
	`(a|ab)(c|bcd)(d*)`, `(ab|a)(c|bcd)?`, `(a|ab)(c|bcd)`, `(a+|b+)*`, `(a+|b+)*c`,
	`(a*)*`, `(a*)+`, `(a*)*b`, `(a*)+$`, `(a*)*$`, `(a*|b)*`, `(a|b)*?c`, `(a|b)*?b`,
	`(?:a*)*`, `(a?)*?b`, `(a?)*?a`, `(|a)*`, `(|a)+`, `(a|)*`, `(a|)+`,
	`((a)|b)+`, `((a)|(b))*`, `(?:(a)|b)+`, `(?:(a)|(b)){1,3}`, `(?:a|(b))+`, `(?:a|b)*?b`,
	`(a){2,4}`, `(a){3}`, `(a){0}b`, `(a){0}x`, `(a){1,2}?`, `(?:a{2})*`, `a{0}`, `[a-c]{2,4}`,
	`a|ab|abc`, `abc|ab|a`, `(a|ab|abc)*`, `(a|ab|abc)+`, `(ab|a)(bc|c)?`, `(a+)(b+)?`,
	`(a+)(a*)`, `(a*?)(a+)`, `(a*)(a*)`, `(a*?)(a*)`, `(.*)(.*)`, `(.*?)(.*)`, `(.*?)(.+)`,
	`(a)|b`, `(a)|(b)`, `(?U)a+`, `(?U)(a+?)`, `(?U)(a*)(a+?)`, `(a|b|c|d|e)*e`,
	`(?:)`, `()`, `(())`, `[a-c]*[b-d]`, `[a-c]*c`, `(?:ab|a)*b`, `(?:foo|foobar|bar)+`,
	`(foo|foobar)(bar)?`, `(\w+)\s(\w+)`, `(\d+)-(\d*)`, `\d+(?:\.\d+)?`, `\w+\s+Holmes`,
	// Assertions.
	`^`, `$`, `^$`, `\A`, `\z`, `\Ax`, `x\z`, `\Aa`, `a\z`, `^a|b$`, `(?m)^`, `(?m)$`, `(?m)^$`,
	`(?m)^a$`, `(?m:$)`, `(?m)^b`, `(?m)a$`, `(?m)^\w+$`, `(?m)^\s*$`, `(?m)^[a-c]+\n`, `(?m)(?:^|a)b`,
	`\b`, `\B`, `\bé`, `a\b`, `\Ba`, `a\B`, `\ba\b`, `\b.\b`, `\b\w+\b`, `\Bfoo`, `foo\B`,
	`(?:\b|a)+`, `\w+$`, `^\w+`, `[^\n]+$`, `.*?$`,
	// Any character, U+FFFD and invalid UTF-8.
	`.`, `.+`, `.*`, `.*?`, `(?s).*`, `(?s).+`, `[^a]`, `[^a]+`, `[^b]+`, `\x{FFFD}`, `\x{FFFD}+`,
	`[\x{FFFD}a]+`, `(€|\x{FFFD})+`, `\xff`, `\x{D800}`, `[^\x00-\x7f]+`, `[\x{80}-\x{10FFFF}]+`,
	// Case folding and Unicode classes.
	`(?i)k`, `(?i)K+`, `(?i)k+`, `(?i)s`, `(?i)ſ`, `(?i)σ`, `(?i)σς`, `(?i)Σ+`, `(?i)σ+`,
	`(?i)[k-m]+`, `(?i)[a-c]+`, `(?i)straße`, `[α-ω]+`, `\pL+`, `\p{L}+`, `\p{Greek}`, `\p{Greek}+`,
	`\PL`, `\P{L}+`, `€`, `€+`, `日本`, `[日本]+`, `日本|日`, `日本?|日`, `é|e`,
	// Classes that match nothing: the start state itself is dead.
	`[^\s\S]`, `(?:[^\s\S])$`, `x(?:[^\s\S]|y)$`, `[^\s\S]b|c`,
	// Anchored at the start, most of them one-pass.
	`^abc`, `^(\w+)@(\w+)\.com$`, `^a*`, `^a*?`, `^(a*?)b`, `^(a)*`, `^(a|b)*?c`, `^(?:(a)|(b))+`,
	`^(a)?(b)?c`, `^(a)??b`, `^(\d+)(?:\.(\d+))?$`, `^(.*)$`, `^(?s)(.*)`, `^([^x]*)x(.*)`,
	`^(?:$|a)`, `^a\b`, `^a\B`, `^(?m)a$`, `^(?:\x{FFFD})+`, `^(\x{FFFD}|a)+b`, `^(é|ü)+`,
	`^[α-ω]+(x)?`, `^(?i)(k+)(s*)`, `^€(\pL*)`, `^(a){2}(b){1,2}?`, `^x{0,3}?y?`,
	`^()`, `^(?:a(b)?)*`, `\A(ab)*\z`, `^([ab]*)c`, `^(?U)(a+)b`, `^(a*?)`, `^(a)*?`, `^a(b)??`,
	`^(a+)b`, `^(a*)(?:x|$)`,
})

// POSIXPatterns are valid in POSIX syntax, for leftmost-longest searches
// as CompilePOSIX runs them (POSIX ^ also matches after a newline).
var POSIXPatterns = dedup([]string{
	`a+b`, `(a|ab)(c|bcd)(d*)`, `(a*)*`, `(a*)+`, `(a*)+b`, `(a|b)*c`, `(a|b)*b`, `(a+|b+)*`,
	`(.*)(.*)`, `a|ab|abc`, `(a|ab)(bc|c)`, `(ab|a)(bc|c)?`, `^a$`, `^(a+)$`, `.`, `[^a]`, `[^a]+`,
	`(a*)+$`, `x{2,5}`, `(a){2,4}`, `(a){2,3}`, `x*`, `(foo|foobar)(bar)?`,
	`^(a*)b`, `^(a|b)*c`, `^([^x]*)x(.*)$`, `^(ab)*`, `^a*`,
})

// Inputs mix ASCII, multi-byte runes, invalid and truncated UTF-8
// (stray bytes, cut sequences, overlong forms, encoded surrogates,
// values past U+10FFFF), newlines, folding partners and the empty
// string.
var Inputs = dedup([]string{
	"", "a", "b", "c", "x", "aa", "ab", "ba", "aab", "abc", "abcd", "aaaa", "aaab", "abab", "bab",
	"cab", "bc", "bbb", "xaaay", "xaay", "xax", "axb", "abcabc", "aaaaaaaa", "xxxxx", "abcde",
	"\xe2\x82A", "€", "€€", "€ab", "€\xff", "\xed\xa0\x80", "\xc0\x80", "\xc0\xaf", "\xf4\x90\x80\x80",
	"\xff", "\xffa", "\xff\xfe", "\xff\xffb", "a\xffb", "\xef\xbf\xbd", "\xef\xbf\xbda", "\x80", "\x80a",
	"\xe2\x82", "\xe2\x82a", "a\xe2\x82", "é", "éa", "aé", "éüé", "e\u0301",
	"a\nb", "\na\n", "\nb\n", "a\n", "\n", "K", "k", "Kks", "\u212a", "\u212aK", "\u212ak",
	"s", "S", "ſ", "ſS", "σςΣ", "αβγ", "αβγx", "αβ\xce", "hello wörld", "日", "日本語",
	"straSSe", "STRAßE", "foobar", "foobarfoo", "foobarbar", "12-", "12-34", "12.5", "12.", "7",
	"hi yo", "a b", "ab!", "bob@example.com", "bob@example.com!", "a@b.co",
	"ab c\nfoo bar\n", "Sherlock  Holmes", "αβγ abc é", "ab\xffcd",
})

// Window patterns and haystacks are searched over every window [Start,
// End) of the haystack, where assertions must still see the bytes
// outside the window.
var (
	WindowPatterns = dedup([]string{
		`a+`, `a\b`, `\ba`, `^a`, `a$`, `(?m)^a`, `(?m)a$`, `€`, `€+`, `.+`, `(a|ab)(b*)`, `\B`,
		`(a+)(b)?`, `(.)(x)?`, `(a*?)b`, `a*`, `\w+\b`, `x*`,
	})
	WindowHaystacks = dedup([]string{"aab", "baab", "\na\n", "a€b", "a€€b", "x\xffa", "x\xffax", "abab", "a"})
)

// Generated patterns are built from these atoms and repetition
// operators; generated inputs from these pieces, the last few of which
// are invalid UTF-8.
var (
	genAtoms = []string{
		`a`, `b`, `c`, `ab`, `ba`, `x`, `-`, `.`, `[ab]`, `[a-c]`, `[^a]`, `[^b]`, `[^\n]`, `(?s:.)`,
		`\x{FFFD}`, `é`, `€`, `α`, `日`, `(?i:k)`, `(?i:s)`, `(?i:σ)`, `(?i:é)`, `\pL`, `\p{Greek}`,
		`\w`, `\W`, `\s`, `\d`, `\n`, ` `, `\b`, `\B`, `^`, `$`, `\A`, `\z`, `(?m:^)`, `(?m:$)`, ``,
	}
	genOps    = []string{``, ``, ``, `*`, `+`, `?`, `*?`, `+?`, `??`, `{2}`, `{1,2}`, `{1,3}`, `{0,2}?`, `{0,3}?`}
	genPieces = []string{
		"a", "b", "c", "ab", "ba", "x", "-", "_", "1", "7", "9", " ", "\n", "é", "α", "β", "€",
		"日", "本", "K", "k", "\u212a", "s", "ſ", "σ", "ς", "Σ", "ß", "foo", "\xef\xbf\xbd",
		// Invalid UTF-8 from here on.
		"\xff", "\xe2\x82", "\xc0\x80", "\xed\xa0\x80",
	}
	numValidPieces = len(genPieces) - 4
)

// RandomPattern returns a random pattern of nesting depth at most depth,
// which the standard library may reject (the harness skips those).
func RandomPattern(rng *rand.Rand, depth int) string {
	if depth == 0 || rng.IntN(3) == 0 {
		return genAtoms[rng.IntN(len(genAtoms))] + genOps[rng.IntN(len(genOps))]
	}
	var b strings.Builder
	switch rng.IntN(4) {
	case 0: // concatenation
		for range 2 + rng.IntN(2) {
			b.WriteString(RandomPattern(rng, depth-1))
		}
	case 1: // alternation
		b.WriteString(RandomPattern(rng, depth-1))
		for range 1 + rng.IntN(2) {
			b.WriteString("|" + RandomPattern(rng, depth-1))
		}
	case 2: // capture
		b.WriteString("(" + RandomPattern(rng, depth-1) + ")" + genOps[rng.IntN(len(genOps))])
	default: // group
		b.WriteString("(?:" + RandomPattern(rng, depth-1) + ")" + genOps[rng.IntN(len(genOps))])
	}
	return b.String()
}

// RandomInput returns a random input of up to 11 pieces; half of the
// inputs are valid UTF-8, which a DFA needs to answer at all.
func RandomInput(rng *rand.Rand) string {
	pieces := genPieces
	if rng.IntN(2) == 0 {
		pieces = pieces[:numValidPieces]
	}
	var b strings.Builder
	for range rng.IntN(12) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

func dedup(list []string) []string {
	var out []string
	for _, s := range list {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
