package syntax

import (
	"math/rand"
	stdsyntax "regexp/syntax"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// The standard library's parser is the oracle: for every pattern and flag
// set, Parse must accept exactly when it does, fail with the same message
// when it fails, and build the same tree when it succeeds.

// flagSets are the parse modes the differential tests run under.
var flagSets = []struct {
	name  string
	flags Flags
}{
	{"Perl", Perl},
	{"POSIX", POSIX},
	{"Perl|FoldCase", Perl | FoldCase},
	{"Perl|Literal", Perl | Literal},
	{"POSIX|UnicodeGroups", POSIX | UnicodeGroups},
	{"Perl&^PerlX", Perl &^ PerlX},
	{"MatchNL|PerlX", MatchNL | PerlX},
	{"Perl|NonGreedy|DotNL", Perl | NonGreedy | DotNL},
	{"POSIX|FoldCase", POSIX | FoldCase},
	{"MatchNL|PerlX|UnicodeGroups|FoldCase", MatchNL | PerlX | UnicodeGroups | FoldCase},
}

// trickyPatterns are hand-picked corners of the syntax.
var trickyPatterns = []string{
	``, `a`, `abc`, `a|b`, `a|`, `|`, `||a`, `()`, `(|)`, `(?:)`, `(?:|a)`,
	`a*`, `a**`, `a*?`, `a*??`, `a+*`, `a?+`, `a{2}{3}`, `a{2}*`, `a{2}?`, `a{2}??`,
	`*`, `+a`, `?`, `(*)`, `(|*)`, `a|*`, `^*`, `$+`, `\b*`, `(?i)*`, `a(?i)*`, `a*(?i)*`,
	`a*\Q\E*`, `{`, `a{`, `a{1`, `a{1,`, `a{,2}`, `a{01}`, `a{1,2`, `a{1001}`, `a{1000}`,
	`a{2,1}`, `a{0}`, `a{0,0}`, `a{99999999999}`, `a{1,99999999999}`, `{2}`, `{2000}`, `x{2000}?`,
	`(a{1000}){1000}`, `((a{10}){10}){10}`, `((a{10}){10}){11}`, `(((a{100}){100}){100}){100}`,
	`\`, `a\`, `\q`, `\8`, `\1`, `\12`, `\0`, `\08`, `\777`, `\x`, `\x4`, `\x4g`, `\xg4`, `\x{`,
	`\x{}`, `\x{41`, `\x{110000}`, `\x{10FFFF}`, `\x{0000000041}`, `\x{g}`, `\é`, `\_`, `\-`,
	`\A\z\b\B`, `\C`, `\Q*+?\E*`, `\Qab`, `\Q`, `\E`, `\Qa\E\E`, `\d\D\s\S\w\W`, `\pL`, `\PL`,
	`\p{Greek}`, `\p{^Greek}`, `\P{^Greek}`, `\p{greek}`, `\p{Gr_eek}`, `\p{Bogus}`, `\p{`, `\p{L`,
	`\p`, `\pX`, `\p{Any}`, `\p{Assigned}`, `\p{ASCII}`, `\p{LC}`, `\p{Letter}`, `\pé`,
	`[a]`, `[ab]`, `[Aa]`, `[a-z]`, `[z-a]`, `[]a]`, `[^]a]`, `[]`, `[^]`, `[`, `[^`, `[a`,
	`[a-]`, `[-a]`, `[a-b-c]`, `[a-z-0]`, `[--a]`, `[a-\d]`, `[\d-z]`, `[[:alpha:]]`, `[[:^alpha:]]`,
	`[[:bogus:]]`, `[[:alpha:]`, `[[:a]b:]]`, `[[:]`, `[[]`, `[\]]`, `[\b]`, `[\Q]`, `[\pL]`,
	`[\p{Greek}a]`, `[^\n]`, `[^a]`, `[\x00-\x{10FFFF}]`, `[^\x00-\x{10FFFF}]`, `[a-\`, `[a-`,
	`[\`, `[a-\x{110000}]`, `[Kk]`, `[kK\x{212A}]`, `(?i)[k]`, `(?i)k`, `(?i)[^k]`, `(?i)\pLu`,
	`(?i)\p{Lu}`, `(?i)\P{Lu}`, `(?i)[[:upper:]]`, `(?i)\W`, `(?i)ſ`, `(?i)Σ`,
	`(`, `)`, `a)`, `(a`, `((a)`, `(a))`, `(?`, `(?:`, `(?i`, `(?i)`, `(?i-)`, `(?-)`, `(?i-i)`,
	`(?i-s:a)`, `(?--i)`, `(?x)`, `(?P)`, `(?P<`, `(?P<n>a)`, `(?P<n>`, `(?P<n`, `(?P<>a)`,
	`(?P<n!>a)`, `(?P=n)`, `(?<n>a)`, `(?<n`, `(?<`, `(?'n'a)`, `(?P<a)b>`, `(?)`, `(?:a|b)+`,
	`(?U)a*`, `(?U)a*?`, `(?m)^$`, `(?s).`, `(?-m)^$`, `^$`, `.`, `a.b`,
	`abc|abd|aef|bcx|bcy`, `a|a`, `ab|ab`, `ab|a`, `a|ab`, `a|b|c`, `a|[bc]|d`, `.|\n`, `[a-z]|\d|x`,
	`ab|ac|ad`, `a.b|a.c`, `[ab]{3}x|[ab]{3}y`, `x*|x*y`, `(?i)abc|ABD`, `(?i:a)b|ab`, `a|(?i:A)`,
	"\xff", "a\xff", "\xc0\x80", "[\xff]", "\\\xff", "\\x\xff", "\\x{\xff", "(?\xff)",
	"(?P<\xff>a)", "(?P<a\xff", "\\p{\xff}", "\\p\xff", "\\p{\xff", "\\Q\xff\\E", "[a-\xff]",
	"é", "世界", "K", "ſ", "(?i)é", "a{2}\xff", "\\8\xff", "((((((((((a))))))))))",
	"a{,}", "(?i)\\Q\xc3\\E", "[[:alpha:]-z]", "[a-[:alpha:]]", "\\pN{2}", "(?:a{2}){2}{2}",
}

// fromStd converts a standard library tree to ours, to compare with Equal.
func fromStd(s *stdsyntax.Regexp) *Regexp {
	re := &Regexp{
		Op:    Op(s.Op),
		Flags: Flags(s.Flags),
		Rune:  slices.Clone(s.Rune),
		Min:   s.Min,
		Max:   s.Max,
		Cap:   s.Cap,
		Name:  s.Name,
	}
	for _, sub := range s.Sub {
		re.Sub = append(re.Sub, fromStd(sub))
	}
	return re
}

// checkAgainstStd compares Parse with the standard library on one pattern,
// and returns the tree when both parse it.
func checkAgainstStd(t *testing.T, pattern string, flags Flags, name string) *Regexp {
	t.Helper()
	want, wantErr := stdsyntax.Parse(pattern, stdsyntax.Flags(flags))
	got, gotErr := Parse(pattern, flags)
	switch {
	case wantErr != nil && gotErr == nil:
		t.Errorf("%s: Parse(%q) succeeded, standard library fails with %v", name, pattern, wantErr)
		return nil
	case wantErr == nil && gotErr != nil:
		t.Errorf("%s: Parse(%q) = %v, standard library succeeds", name, pattern, gotErr)
		return nil
	case wantErr != nil:
		if gotErr.Error() != wantErr.Error() {
			t.Errorf("%s: Parse(%q) error\n got  %v\n want %v", name, pattern, gotErr, wantErr)
		}
		checkErrorSpan(t, pattern, gotErr)
		return nil
	}
	if !got.Equal(fromStd(want)) {
		t.Errorf("%s: Parse(%q) tree differs\n got  %s\n want %s", name, pattern, dump(got), want)
	}
	if got.MaxCap() != want.MaxCap() || !slices.Equal(got.CapNames(), want.CapNames()) {
		t.Errorf("%s: Parse(%q) captures %d %q, want %d %q", name, pattern,
			got.MaxCap(), got.CapNames(), want.MaxCap(), want.CapNames())
	}
	checkSpans(t, pattern, got)
	return got
}

// checkBothStrings compares Parse with the standard library on one
// pattern, and the Strings of its parsed and simplified trees too. A tree
// whose printing would cost the standard library more than
// maxFoldScan steps of its case-folding check is not printed (see
// [foldScan]); TestStringLargeClasses covers such trees.
func checkBothStrings(t *testing.T, pattern string, flags Flags, name string) {
	t.Helper()
	re := checkAgainstStd(t, pattern, flags, name)
	if re == nil {
		return
	}
	std, _ := stdsyntax.Parse(pattern, stdsyntax.Flags(flags))
	if foldScan(re) <= maxFoldScan {
		if g, w := re.String(), std.String(); g != w {
			t.Errorf("%s: Parse(%q).String() = %q, standard library %q", name, pattern, g, w)
		}
	} else {
		stringsSkipped.Add(1)
	}
	if simple := re.Simplify(); foldScan(simple) <= maxFoldScan {
		if g, w := simple.String(), std.Simplify().String(); g != w {
			t.Errorf("%s: Parse(%q).Simplify().String() = %q, standard library %q", name, pattern, g, w)
		}
	} else {
		stringsSkipped.Add(1)
	}
}

// maxFoldScan bounds the work of printing one tree in the differential
// tests: about 20 ms of the standard library's time.
const maxFoldScan = 1 << 20

// stringsSkipped counts the trees not printed for their cost.
var stringsSkipped atomic.Int64

// foldScan returns how many runes the standard library's String checks
// for case folding in re: every rune that can fold, of every class, for
// every time the class occurs (a simplified \pL{100} holds \pL 100 times,
// and its 100,000 runes are checked each time).
func foldScan(re *Regexp) int {
	n := 0
	if re.Op == OpCharClass {
		for k := 0; k+1 < len(re.Rune); k += 2 {
			n += max(0, int(min(re.Rune[k+1], maxFold)-max(re.Rune[k], minFold))+1)
		}
	}
	for _, sub := range re.Sub {
		n += foldScan(sub)
		if n > maxFoldScan {
			break
		}
	}
	return n
}

// checkErrorSpan checks that err is an *Error whose span lies in pattern.
func checkErrorSpan(t *testing.T, pattern string, err error) {
	t.Helper()
	e, ok := err.(*Error)
	if !ok {
		t.Errorf("Parse(%q) error has type %T, want *Error", pattern, err)
		return
	}
	if e.Pattern != pattern || e.Span.Start < 0 || e.Span.Start > e.Span.End || e.Span.End > len(pattern) {
		t.Errorf("Parse(%q) error span %v outside pattern (Pattern %q)", pattern, e.Span, e.Pattern)
	}
}

// checkSpans checks that every node's span lies in the pattern and in its
// parent's span.
func checkSpans(t *testing.T, pattern string, re *Regexp) {
	t.Helper()
	var walk func(re *Regexp, parent Span)
	walk = func(re *Regexp, parent Span) {
		s := re.Span
		if s.Start < 0 || s.Start > s.End || s.End > len(pattern) {
			t.Errorf("Parse(%q): %v node span %v outside the pattern", pattern, re.Op, s)
			return
		}
		if !parent.Contains(s) {
			t.Errorf("Parse(%q): %v node span %v outside its parent's %v", pattern, re.Op, s, parent)
		}
		for _, sub := range re.Sub {
			walk(sub, s)
		}
	}
	walk(re, Span{0, len(pattern)})
}

// limitPatterns are large patterns near the size and depth limits.
var limitPatterns = []string{
	strings.Repeat(`\pL`, 30000),
	strings.Repeat(`\pL`, 20000),
	"(" + strings.Repeat(".", 4000) + "){1000}",
	"(" + strings.Repeat(".", 3000) + "){1000}",
	"(" + strings.Repeat("a", 4000) + "){1000}",
	"(?:" + strings.Repeat("a|", 3000) + "b){1000}",
	strings.Repeat("(", 1000) + strings.Repeat(")", 1000),
	strings.Repeat("(", 1001) + strings.Repeat(")", 1001),
	strings.Repeat("(?:", 5000) + "a" + strings.Repeat(")", 5000),
	strings.Repeat("(a", 999) + strings.Repeat(")*", 999),
	strings.Repeat("a*", 1500),
	strings.Repeat("(", 1001) + "x",
}

func TestParseMatchesStdTricky(t *testing.T) {
	for _, fs := range flagSets {
		for _, pattern := range trickyPatterns {
			checkBothStrings(t, pattern, fs.flags, fs.name)
		}
	}
}

// TestParseMatchesStdLimits runs the large patterns under the flag sets
// without case folding: folding a large class rune by rune (as the standard
// library does too) makes each of them take seconds, and folding does not
// change where the limits fall. Their simplified trees are not printed:
// (.{3000}){1000} simplifies to a pattern of three million characters.
func TestParseMatchesStdLimits(t *testing.T) {
	for _, fs := range flagSets {
		if fs.flags&FoldCase != 0 {
			continue
		}
		for _, pattern := range limitPatterns {
			checkAgainstStd(t, pattern, fs.flags, fs.name)
		}
	}
}

// patternPieces is the alphabet random patterns are built from.
var patternPieces = []string{
	"a", "b", "c", "A", "k", "K", "s", "0", "9", "é", "ſ", "\u212a", "世", "\u0301", "\xff", "\xc0",
	"\\", "(", ")", "(?:", "(?i)", "(?-i)", "(?s:", "(?U)", "(?m)", "(?P<n>", "(?<x>", "(?", "|",
	"*", "+", "?", "*?", "{", "}", "{2}", "{0,3}", "{1,}", "{1000}", "{1001}", "{2,1}", ",",
	"[", "]", "[^", "-", "^", "$", ".", ":", "[:alpha:]", "[:^digit:]", "[:bad:]",
	"\\d", "\\W", "\\s", "\\pL", "\\p{Greek}", "\\P{^Lu}", "\\p{", "\\pZ", "\\b", "\\B", "\\A", "\\z",
	"\\Q", "\\E", "\\x41", "\\x{263a}", "\\x{", "\\n", "\\t", "\\0", "\\1", "\\q", "\\.", "\\-",
	"\\]", "\\[", "\\C",
}

// randomPattern builds a pattern of up to n pieces.
func randomPattern(rng *rand.Rand, n int) string {
	var b strings.Builder
	for k := rng.Intn(n + 1); k > 0; k-- {
		b.WriteString(patternPieces[rng.Intn(len(patternPieces))])
	}
	return b.String()
}

func TestParseMatchesStdRandom(t *testing.T) {
	count := 20000
	if testing.Short() {
		count = 3000
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < count; i++ {
		pattern := randomPattern(rng, 12)
		for _, fs := range flagSets {
			checkBothStrings(t, pattern, fs.flags, fs.name)
		}
		if t.Failed() && i > 50 {
			return // one broken rule repeats thousands of times
		}
	}
	t.Logf("%d trees too costly to print", stringsSkipped.Load())
}
