package syntax

import (
	"fmt"
	"math/rand"
	stdsyntax "regexp/syntax"
	"strings"
	"testing"
)

// stringTests are patterns and what String writes for their trees, which
// is exactly what the standard library's regexp/syntax writes.
var stringTests = []struct {
	pattern string
	flags   Flags
	want    string
}{
	// Literals and escapes.
	{`abc`, Perl, `abc`},
	{`\Q.*+?\E`, Perl, `\.\*\+\?`},
	{`a\{2\}`, Perl, `a\{2\}`},
	{`\x00\x7f\xff\x{263a}`, Perl, `\x00\x7fÿ☺`},
	{`\t\n\r\f\v\a`, Perl, `\t\n\r\f\v\a`},
	{`\x{FFFD}`, Perl, `�`},
	{`\x{10FFFF}`, Perl, `\x{10ffff}`},
	// The Literal flag makes the text one literal, written with escapes.
	{`a.b`, Perl | Literal, `a\.b`},

	// Classes: pairs without a dash, negated when they hold both ends.
	{`a|b`, Perl, `[ab]`},
	{`[a-c]`, Perl, `[a-c]`},
	{`[^x-z]`, Perl, `[^x-z]`},
	{`[^a]`, Perl, `[^a]`},
	{`[\-\]^]`, Perl, `[\-\]\^]`},
	{`\d`, Perl, `[0-9]`},
	{`\D`, Perl, `[^0-9]`},
	{`[[:alpha:]]`, Perl, `[A-Za-z]`},
	{`[^\x00-\x{10FFFF}]`, Perl, `[^\x00-\x{10FFFF}]`},
	// Without ClassNL, [^a] leaves out \n, so the class lacks it too.
	{`[^a]`, POSIX, `[^\na]`},
	{`[^a\n]`, Perl &^ PerlX, `[^\na]`},
	// Perl syntax whatever the parse flags.
	{`[^\n]`, POSIX, `(?-s:.)`},
	{`[\x00-\x{10FFFF}]`, POSIX, `(?s:.)`},
	{`.`, POSIX | DotNL, `(?s:.)`},

	// Flags only where a node needs them.
	{`.`, Perl, `(?-s:.)`},
	{`(?s).`, Perl, `(?s:.)`},
	{`[^\n]`, Perl, `(?-s:.)`},
	{`.|\n`, Perl, `(?s:.)`},
	{`^`, Perl, `\A`},
	{`$`, Perl, `(?-m:$)`},
	{`\z`, Perl, `\z`},
	{`(?m)^a$`, Perl, `(?m:^a$)`},
	{`(?m)^a$|b`, Perl, `(?m:^a$|b)`},
	{`(?i)abc`, Perl, `(?i:ABC)`},
	{`(?i)k`, Perl, `(?i:K)`},
	{`A|a`, Perl, `(?i:A)`},
	{`(?i)a(?-i)b`, Perl, `(?i:A)b`},
	{`(?i:a)b|ab`, Perl, `(?i:A)b|ab`},
	{`(?i)abc|ABD`, Perl, `(?i:AB[CDcd])`},
	{`abc`, Perl | FoldCase, `(?i:ABC)`},
	{`abc`, POSIX | FoldCase, `(?i:ABC)`},
	{`a*bc`, POSIX | FoldCase, `(?i:A*BC)`},
	// A flag group takes in the neighbours that do not care about it.
	{`0(?i:ab*c|d?e)1`, Perl, `(?i:0(?:AB*C|D?E)1)`},
	{`(?i:ab)[123](?i:cd)`, Perl, `(?i:AB[1-3]CD)`},
	{`(?i:a)0(?-i:b)1(?i:c)`, Perl, `(?i:A)0b1(?i:C)`},
	{`(?s:.)(?m:^)x`, Perl, `(?ms:.^x)`},
	// Runes without case, and classes (which list their runes), need
	// no (?i).
	{`(?i)1`, Perl, `1`},
	{`(?i)[a-c]`, Perl, `[A-Ca-c]`},
	{`(?i)[k]`, Perl, "[Kk\u212a]"},

	// Repetition.
	{`a*?b+c??`, Perl, `a*?b+c??`},
	{`(?U)a*`, Perl, `a*?`},
	{`(?:ab)*`, Perl, `(?:ab)*`},
	{`(?:a*)+`, Perl, `(?:a*)+`},
	{`a{2}b{2,}c{2,5}?`, Perl, `a{2}b{2,}c{2,5}?`},
	{`(?:a|b)*`, Perl, `[ab]*`},

	// Groups and alternation.
	{`()`, Perl, `()`},
	{`(?P<name>a+)b`, Perl, `(?P<name>a+)b`},
	{`(?<name>a)`, Perl, `(?P<name>a)`},
	{`a(?:)b`, Perl, `a(?:)b`},
	{`a|`, Perl, `a|(?:)`},
	{`a|`, POSIX, `a|(?:)`},
	{`ab|ab`, Perl, `ab(?:)`},
	{`abc|abd|aef|bcx|bcy`, Perl, `a(?:b[cd]|ef)|bc[xy]`},
	{`[ab]{3}x|[ab]{3}y`, Perl, `[ab]{3}[xy]`},
	// Factoring built these shapes; written plainly they read back as
	// other trees (.[bc] flattened, ba merged, [Aa] a folded literal)
	// that match the same.
	{`a.b|a.c`, Perl, `(?-s:a.[bc])`},
	{`b(?:ab|ac)`, Perl, `ba[bc]`},
	{`xA|xa`, Perl, `x[Aa]`},
	{`\d[Aa]|\da`, Perl, `[0-9][Aa]`},
	{`(?:a$\n)b`, Perl, `(?-m:a$\nb)`},
	{`[Aa]ab|A(?:[Aa][ab]b)`, Perl | FoldCase, `(?i:AA(?:B|[ABab]B))`},
	{`x[Aa]|xa`, POSIX, `x[Aa]`},
	{`A|a|00`, Perl, `[Aa]|00`},
	{`A|a|b(0)`, Perl, `[Aa]|b(0)`},
}

func TestString(t *testing.T) {
	for _, tt := range stringTests {
		re, err := Parse(tt.pattern, tt.flags)
		if err != nil {
			t.Errorf("Parse(%#q, %#x): %v", tt.pattern, tt.flags, err)
			continue
		}
		if got := re.String(); got != tt.want {
			t.Errorf("Parse(%#q, %#x).String() = %#q, want %#q", tt.pattern, tt.flags, got, tt.want)
		}
		std, err := stdsyntax.Parse(tt.pattern, stdsyntax.Flags(tt.flags))
		if err != nil {
			t.Errorf("standard library: Parse(%#q): %v", tt.pattern, err)
		} else if got := std.String(); got != tt.want {
			t.Errorf("standard library writes %#q as %#q, not %#q", tt.pattern, got, tt.want)
		}
	}
}

// TestStringSimplified checks what String writes for simplified trees,
// which hold what no pattern can (x{2} is x twice, x{0} the empty match).
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
		{`a{0}`, `(?:)`},
		{`(?:a{0}){2}b`, `(?:)(?:)b`},
		{`(?i)[k]{2}`, "[Kk\u212a][Kk\u212a]"},
		{`(?i)(?:ab){2}(?-i)c`, `(?i:ABAB)c`},
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
		std, _ := stdsyntax.Parse(tt.pattern, stdsyntax.Perl)
		if got := std.Simplify().String(); got != tt.want {
			t.Errorf("standard library writes %#q simplified as %#q, not %#q", tt.pattern, got, tt.want)
		}
	}
}

// TestStringLargeClasses compares the Strings of trees holding large
// classes many times, which the differential tests leave out for their
// cost (see [foldScan]): String memoizes the folding check per class.
func TestStringLargeClasses(t *testing.T) {
	patterns := []string{`\pL{40}`, `(?i)\p{Greek}{3,50}x`, `(?:[^a]\PL){30}`, strings.Repeat(`\pL`, 60) + `(?i:k)`}
	for _, fs := range flagSets {
		for _, pattern := range patterns {
			std, err := stdsyntax.Parse(pattern, stdsyntax.Flags(fs.flags))
			if err != nil {
				continue
			}
			re, err := Parse(pattern, fs.flags)
			if err != nil {
				t.Fatalf("%s: Parse(%q): %v", fs.name, pattern, err)
			}
			if g, w := re.String(), std.String(); g != w {
				t.Errorf("%s: Parse(%q).String() = %q, standard library %q", fs.name, pattern, g, w)
			}
			if g, w := re.Simplify().String(), std.Simplify().String(); g != w {
				t.Errorf("%s: Parse(%q).Simplify().String() = %q, standard library %q", fs.name, pattern, g, w)
			}
		}
	}
}

// TestStringLikeStd compares String with the standard library's on
// generated patterns under every flag set, for the parsed and the
// simplified tree: every one must be written identically.
func TestStringLikeStd(t *testing.T) {
	count := 20000
	if testing.Short() {
		count = 2000
	}
	rng := rand.New(rand.NewSource(2))
	total, skipped := 0, 0
	var differ []string
	for range count {
		pattern := randomPattern(rng, 8)
		for _, fs := range flagSets {
			std, err := stdsyntax.Parse(pattern, stdsyntax.Flags(fs.flags))
			if err != nil {
				continue
			}
			re, err := Parse(pattern, fs.flags)
			if err != nil {
				t.Fatalf("%s: Parse(%q): %v, standard library succeeds", fs.name, pattern, err)
			}
			total++
			if foldScan(re) > maxFoldScan {
				skipped++
			} else if g, w := re.String(), std.String(); g != w {
				differ = append(differ, fmt.Sprintf("%s: %q: ours %q, std %q", fs.name, pattern, g, w))
			}
			if simple := re.Simplify(); foldScan(simple) > maxFoldScan {
				skipped++
			} else if g, w := simple.String(), std.Simplify().String(); g != w {
				differ = append(differ, fmt.Sprintf("%s: %q simplified: ours %q, std %q", fs.name, pattern, g, w))
			}
		}
	}
	t.Logf("%d parsed trees compared, parsed and simplified; %d of the %d trees too costly to print", total, skipped, 2*total)
	if skipped > total/20 {
		t.Errorf("%d of %d trees too costly to print: the comparison covers too little", skipped, 2*total)
	}
	for i, d := range differ {
		if i == 20 {
			t.Errorf("... and %d more", len(differ)-i)
			break
		}
		t.Error(d)
	}
}
