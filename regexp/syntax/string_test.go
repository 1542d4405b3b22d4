package syntax

import (
	"fmt"
	"math/rand"
	stdsyntax "regexp/syntax"
	"testing"
)

// merged returns a copy of re that matches the same strings with what a
// simplified tree holds and no parsed tree can: every concatenation inside
// a concatenation is replaced by its parts, adjacent literals that fold
// alike are joined into one, and capturing groups are numbered in order
// (Simplify copies a group with its index).
func merged(re *Regexp) *Regexp {
	groups := 0
	return mergedFrom(re, &groups)
}

func mergedFrom(re *Regexp, groups *int) *Regexp {
	out := &Regexp{Op: re.Op, Flags: re.Flags, Rune: re.Rune, Min: re.Min, Max: re.Max, Cap: re.Cap, Name: re.Name}
	if re.Op == OpCapture {
		*groups++
		out.Cap = *groups
	}
	for _, sub := range re.Sub {
		sub = mergedFrom(sub, groups)
		if re.Op != OpConcat {
			out.Sub = append(out.Sub, sub)
			continue
		}
		parts := []*Regexp{sub}
		if sub.Op == OpConcat {
			parts = sub.Sub
		}
		for _, p := range parts {
			if n := len(out.Sub); n > 0 && sameFoldLiterals(out.Sub[n-1], p) {
				last := *out.Sub[n-1]
				last.Rune = append(append([]rune(nil), last.Rune...), p.Rune...)
				out.Sub[n-1] = &last
				continue
			}
			out.Sub = append(out.Sub, p)
		}
	}
	if re.Op == OpConcat && len(out.Sub) == 1 {
		return out.Sub[0]
	}
	return out
}

// stringTests are patterns and what String writes for their trees. Where
// sameAsStd is set, the standard library's regexp/syntax writes exactly
// the same; the others differ on purpose, each for the reason given.
var stringTests = []struct {
	pattern   string
	flags     Flags
	want      string
	sameAsStd bool
}{
	// Literals and escapes.
	{`abc`, Perl, `abc`, true},
	{`\Q.*+?\E`, Perl, `\.\*\+\?`, true},
	{`a\{2\}`, Perl, `a\{2\}`, true},
	{`\x00\x7f\xff\x{263a}`, Perl, `\x00\x7fÿ☺`, true},
	{`\t\n\r\f\v\a`, Perl, `\t\n\r\f\v\a`, true},
	{`\x{FFFD}`, Perl, `�`, true},
	{`\x{10FFFF}`, Perl, `\x{10ffff}`, true},

	// Classes: pairs without a dash, negated when they hold both ends.
	{`a|b`, Perl, `[ab]`, true},
	{`[a-c]`, Perl, `[a-c]`, true},
	{`[^x-z]`, Perl, `[^x-z]`, true},
	{`[^a]`, Perl, `[^a]`, true},
	{`[\-\]^]`, Perl, `[\-\]\^]`, true},
	{`\d`, Perl, `[0-9]`, true},
	{`\D`, Perl, `[^0-9]`, true},
	{`[[:alpha:]]`, Perl, `[A-Za-z]`, true},
	{`[^\x00-\x{10FFFF}]`, Perl, `[^\x00-\x{10FFFF}]`, true},
	// Without ClassNL, [^a] leaves out \n, so the class lacks it too.
	{`[^a]`, POSIX, `[^\na]`, true},
	{`[^a\n]`, Perl &^ PerlX, `[^\na]`, true},
	{`[^\n]`, POSIX, `.`, false},
	// Go writes (?s:.), which POSIX syntax cannot read.
	{`[\x00-\x{10FFFF}]`, POSIX, `[\x00-\x{10FFFF}]`, false},

	// Flags only where a node needs them.
	{`.`, Perl, `(?-s:.)`, true},
	{`(?s).`, Perl, `(?s:.)`, true},
	{`[^\n]`, Perl, `(?-s:.)`, true},
	{`.|\n`, Perl, `(?s:.)`, true},
	{`^`, Perl, `\A`, true},
	{`$`, Perl, `(?-m:$)`, true},
	{`\z`, Perl, `\z`, true},
	{`(?m)^a$`, Perl, `(?m:^a$)`, true},
	{`(?m)^a$|b`, Perl, `(?m:^a$|b)`, true},
	{`(?i)abc`, Perl, `(?i:ABC)`, true},
	{`(?i)k`, Perl, `(?i:K)`, true},
	{`A|a`, Perl, `(?i:A)`, true},
	{`(?i)a(?-i)b`, Perl, `(?i:A)b`, true},
	{`(?i:a)b|ab`, Perl, `(?i:A)b|ab`, true},
	{`(?i)abc|ABD`, Perl, `(?i:AB[CDcd])`, true},
	{`abc`, Perl | FoldCase, `(?i:ABC)`, true},
	// Equal compares FoldCase on every literal and class, so a literal
	// without case and a folded class say (?i) too; Go leaves it out.
	{`(?i)1`, Perl, `(?i:1)`, false},
	{`(?i)[a-c]`, Perl, `(?i:[A-Ca-c])`, false},

	// Repetition.
	{`a*?b+c??`, Perl, `a*?b+c??`, true},
	{`(?U)a*`, Perl, `a*?`, true},
	{`(?:ab)*`, Perl, `(?:ab)*`, true},
	{`(?:a*)+`, Perl, `(?:a*)+`, true},
	{`a{2}b{2,}c{2,5}?`, Perl, `a{2}b{2,}c{2,5}?`, true},
	{`(?:a|b)*`, Perl, `[ab]*`, true},

	// Groups and alternation.
	{`()`, Perl, `()`, true},
	{`(?P<name>a+)b`, Perl, `(?P<name>a+)b`, true},
	{`a(?:)b`, Perl, `a(?:)b`, true},
	{`a|`, Perl, `a|(?:)`, true},
	{`ab|ab`, Perl, `ab(?:)`, true},
	{`abc|abd|aef|bcx|bcy`, Perl, `a(?:b[cd]|ef)|bc[xy]`, true},
	{`[ab]{3}x|[ab]{3}y`, Perl, `[ab]{3}[xy]`, true},
	// Factoring built these, and Go's a.[bc], ba[bc] and x[Aa] would
	// read back as other trees: .[bc] flattened, ba merged, [Aa] as a
	// case-insensitive literal. Written as the alternations they came
	// from, they factor into the same trees again.
	{`a.b|a.c`, Perl, `(?-s:a.b|a.c)`, false},
	{`b(?:ab|ac)`, Perl, `b(?:a[bc])`, false},
	{`xA|xa`, Perl, `xA|xa`, false},
	{`\d[Aa]|\da`, Perl, `[0-9](?i:A)|[0-9]A`, false},
	{`(?:a$\n)b`, Perl, `(?-m:a(?:$\n)b)`, false},
	{`[Aa]ab|A(?:[Aa][ab]b)`, Perl | FoldCase, `(?i:A(?:AB)|A(?:A[ABab]B))`, false},
	{`x[Aa]|xa`, POSIX, `x[Aa]|xA`, false},
	// Merging A|a makes the class [Aa], which written as such would
	// parse as (?i:A) (the open finding in docs/FUZZING.md).
	{`A|a|00`, Perl, `A|a|00`, false},
	{`A|a|b(0)`, Perl, `A|a|b(0)`, false},

	// Without Perl syntax there are no flag groups: the parse flags
	// apply everywhere.
	{`a.b|a.c`, POSIX, `a.b|a.c`, false},
	{`(?i)abc`, Perl &^ PerlX, ``, false},
	// A tree of literals alone does not tell whether folding was global,
	// so each letter says how it folds.
	{`abc`, POSIX | FoldCase, `[Aa][Bb][Cc]`, false},
	{`a*bc`, POSIX | FoldCase, `A*BC`, false},
	{`a|`, POSIX, `a|`, false},
	{`ab|ab`, POSIX, `ab|ab`, false},
	{`.`, POSIX | DotNL, `.`, false},
	{`a.b`, Perl | Literal, `a.b`, false},
}

func TestString(t *testing.T) {
	for _, tt := range stringTests {
		re, err := Parse(tt.pattern, tt.flags)
		if tt.want == "" {
			if err == nil {
				t.Errorf("Parse(%#q, %#x) succeeded, want an error", tt.pattern, tt.flags)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%#q, %#x): %v", tt.pattern, tt.flags, err)
			continue
		}
		if got := re.String(); got != tt.want {
			t.Errorf("Parse(%#q, %#x).String() = %#q, want %#q", tt.pattern, tt.flags, got, tt.want)
		}
		checkRoundTrip(t, tt.pattern, tt.flags, "TestString", re)
		if tt.sameAsStd {
			std, err := stdsyntax.Parse(tt.pattern, stdsyntax.Flags(tt.flags))
			if err != nil {
				t.Errorf("standard library: Parse(%#q): %v", tt.pattern, err)
			} else if got := std.String(); got != tt.want {
				t.Errorf("standard library writes %#q as %#q, not %#q", tt.pattern, got, tt.want)
			}
		}
	}
}

// TestStringSimplified checks what String writes for simplified trees,
// which hold what no pattern can (x{2} is x twice): the meaning is kept,
// and the output reads like the standard library's.
func TestStringSimplified(t *testing.T) {
	tests := []struct {
		pattern, want string
	}{
		{`ab{2}c`, `abbc`},
		{`[^x-z]\d{2,3}?`, `[^x-z][0-9][0-9][0-9]??`},
		{`x{2,5}`, `xx(?:x(?:xx?)?)?`},
		{`x{0,2}`, `(?:xx?)?`},
		{`a[ab]{2}`, `a[ab][ab]`},
		{`(?:ab){2,}`, `ab(?:ab)+`},
		{`a{2}|b`, `aa|b`},
		{`(a){2}`, `(a)(a)`},
		{`(?i)k{2}`, `(?i:KK)`},
	}
	for _, tt := range tests {
		re, err := Parse(tt.pattern, Perl)
		if err != nil {
			t.Errorf("Parse(%#q): %v", tt.pattern, err)
			continue
		}
		if got := re.Simplify().String(); got != tt.want {
			t.Errorf("Parse(%#q).Simplify().String() = %#q, want %#q", tt.pattern, got, tt.want)
		}
		checkSimplifiedRoundTrip(t, tt.pattern, Perl, "TestStringSimplified", re.Simplify())
	}
}

// TestStringLikeStd compares String with the standard library's on
// generated patterns under Perl flags. They may differ only where the
// standard library's output would read back as another tree, which the
// round-trip checks of the differential tests rule out for ours; the
// share written identically is reported, and must stay high.
func TestStringLikeStd(t *testing.T) {
	count := 20000
	if testing.Short() {
		count = 3000
	}
	rng := rand.New(rand.NewSource(2))
	same, total := 0, 0
	var differ []string
	for range count {
		pattern := randomPattern(rng, 8)
		std, err := stdsyntax.Parse(pattern, stdsyntax.Perl)
		if err != nil {
			continue
		}
		re, err := Parse(pattern, Perl)
		if err != nil {
			t.Fatalf("Parse(%q): %v, standard library succeeds", pattern, err)
		}
		checkRoundTrip(t, pattern, Perl, "TestStringLikeStd", re)
		total++
		if re.String() == std.String() {
			same++
		} else if len(differ) < 10 {
			differ = append(differ, fmt.Sprintf("%q: ours %q, std %q", pattern, re.String(), std.String()))
		}
	}
	share := float64(same) / float64(total)
	t.Logf("%d of %d parsed patterns (%.1f%%) written as the standard library writes them", same, total, 100*share)
	for _, d := range differ {
		t.Log(d)
	}
	if share < 0.9 {
		t.Errorf("only %.1f%% written as the standard library writes them, want at least 90%%", 100*share)
	}
}
