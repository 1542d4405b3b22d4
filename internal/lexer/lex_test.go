package lexer

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"testing/quick"
)

// dump renders tokens as "Kind:text" separated by spaces, with the error
// kind for errors, so expected values in tests read like the pattern.
func dump(input string, toks []Token) string {
	var parts []string
	for _, t := range toks {
		s := fmt.Sprintf("%v:%s", t.Kind, input[t.Pos:t.End])
		if t.Kind == Error {
			s = fmt.Sprintf("Error(%v):%s", t.Err, input[t.Pos:t.End])
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

var (
	perl  = Options{PerlX: true, UnicodeGroups: true}
	posix = Options{}
)

var tokenTests = []struct {
	pattern string
	opts    Options
	want    string
}{
	{`ab`, perl, `Literal:a Literal:b`},
	{`世`, perl, `Literal:世`},
	{`a*b+?c??`, perl, `Literal:a Star:* Literal:b Plus:+? Literal:c Quest:??`},
	{`a*?`, posix, `Literal:a Star:* Quest:?`},
	{`a{2}b{2,}c{2,3}?`, perl, `Literal:a Repeat:{2} Literal:b Repeat:{2,} Literal:c Repeat:{2,3}?`},
	{`a{,3}`, perl, `Literal:a Literal:{ Literal:, Literal:3 Literal:}`},
	{`a{01}`, perl, `Literal:a Literal:{ Literal:0 Literal:1 Literal:}`},
	{`a{1001}`, perl, `Literal:a Error(InvalidRepeatSize):{1001}`},
	{`a{3,2}`, perl, `Literal:a Error(InvalidRepeatSize):{3,2}`},
	{`^.$|\A\z\b\B`, perl, `Caret:^ Dot:. Dollar:$ Alternate:| BeginText:\A EndText:\z WordBoundary:\b NoWordBoundary:\B`},
	{`\A`, posix, `Error(InvalidEscape):\A`},
	{`\a\f\t\n\r\v`, perl, `Escape:\a Escape:\f Escape:\t Escape:\n Escape:\r Escape:\v`},
	{`\123\0\08\x7F\x{10FFFF}\*`, perl, `Escape:\123 Escape:\0 Escape:\0 Literal:8 Escape:\x7F Escape:\x{10FFFF} Escape:\*`},
	{`\1\8\q\é`, perl, `Error(InvalidEscape):\1 Error(InvalidEscape):\8 Error(InvalidEscape):\q Error(InvalidEscape):\é`},
	{`\x{110000}a`, perl, `Error(InvalidEscape):\x{110000 Literal:} Literal:a`},
	{`a\`, perl, `Literal:a Error(TrailingBackslash):\`},
	{"a\xffb", perl, "Literal:a Error(InvalidUTF8):\xff Literal:b"},
	{`\d\D\s\S\w\W`, perl, `PerlClass:\d PerlClass:\D PerlClass:\s PerlClass:\S PerlClass:\w PerlClass:\W`},
	{`\d`, posix, `Error(InvalidEscape):\d`},
	{`\pL\p{Greek}\PN\p{^Greek}`, perl, `UnicodeClass:\pL UnicodeClass:\p{Greek} UnicodeClass:\PN UnicodeClass:\p{^Greek}`},
	{`\p{Bogus}x`, perl, `Error(InvalidCharRange):\p{Bogus} Literal:x`},
	{`\p{Greek`, perl, `Error(InvalidCharRange):\p{Greek`},
	{`\pL`, posix, `Error(InvalidEscape):\p Literal:L`},
	{`[a-z]`, perl, `ClassOpen:[ ClassRange:a-z ClassClose:]`},
	{`[^]a]`, perl, `ClassOpen:[^ Literal:] Literal:a ClassClose:]`},
	{`[]]`, perl, `ClassOpen:[ Literal:] ClassClose:]`},
	{`[a-]`, perl, `ClassOpen:[ Literal:a Literal:- ClassClose:]`},
	{`[-a]`, posix, `ClassOpen:[ Literal:- Literal:a ClassClose:]`},
	{`[a-b-c]`, posix, `ClassOpen:[ ClassRange:a-b Error(InvalidCharRange):- Literal:c ClassClose:]`},
	{`[a-b-c]`, perl, `ClassOpen:[ ClassRange:a-b Literal:- Literal:c ClassClose:]`},
	{`[z-a]`, perl, `ClassOpen:[ Error(InvalidCharRange):z-a ClassClose:]`},
	{`[a-\q]`, perl, `ClassOpen:[ Literal:a RangeDash:- Error(InvalidEscape):\q ClassClose:]`},
	{`[[:alpha:][:^digit:]]`, perl, `ClassOpen:[ PosixClass:[:alpha:] PosixClass:[:^digit:] ClassClose:]`},
	{`[[:bogus:]]`, perl, `ClassOpen:[ Error(InvalidCharRange):[:bogus:] ClassClose:]`},
	{`[\d\pL]`, perl, `ClassOpen:[ PerlClass:\d UnicodeClass:\pL ClassClose:]`},
	{`[ab`, perl, `ClassOpen:[ Literal:a Literal:b Error(MissingBracket):`},
	{`(a)(?:b)(?P<n>c)(?<m>d)`, perl, `GroupOpen:( Literal:a GroupClose:) NonCapture:(?: Literal:b GroupClose:) NamedGroup:(?P<n> Literal:c GroupClose:) NamedGroup:(?<m> Literal:d GroupClose:)`},
	{`(?i)(?s-m:x)`, perl, `FlagSet:(?i) FlagGroup:(?s-m: Literal:x GroupClose:)`},
	{`(?i-)`, perl, `Error(InvalidPerlOp):(?i-)`},
	{`(?x)`, perl, `Error(InvalidPerlOp):(?x GroupClose:)`},
	{`(?P<a!>x)`, perl, `Error(InvalidNamedCapture):(?P<a!> Literal:x GroupClose:)`},
	{`(?P<ab`, perl, `Error(InvalidNamedCapture):(?P< Literal:a Literal:b`},
	{`(?i)`, posix, `GroupOpen:( Quest:? Literal:i GroupClose:)`},
	{`\Qa*\E+`, perl, `QuoteStart:\Q Literal:a Literal:* QuoteEnd:\E Plus:+`},
	{`\Qab`, perl, `QuoteStart:\Q Literal:a Literal:b`},
	{`\Qa`, posix, `Error(InvalidEscape):\Q Literal:a`},
	{`\C`, perl, `Error(InvalidEscape):\C`},
	{`a*`, Options{Literal: true}, `Literal:a Literal:*`},
}

func TestTokens(t *testing.T) {
	for _, tt := range tokenTests {
		if got := dump(tt.pattern, Tokens(tt.pattern, tt.opts)); got != tt.want {
			t.Errorf("Tokens(%q, %+v)\n got  %s\n want %s", tt.pattern, tt.opts, got, tt.want)
		}
	}
}

func TestTokenValues(t *testing.T) {
	toks := Tokens(`\x{263a}[b-d]{2,5}?(?P<name>\P{^Greek}`, perl)
	checks := []struct {
		name      string
		got, want any
	}{
		{"escape rune", toks[0].Rune, '☺'},
		{"range lo", toks[2].Rune, 'b'},
		{"range hi", toks[2].Hi, 'd'},
		{"repeat min", toks[4].Min, 2},
		{"repeat max", toks[4].Max, 5},
		{"repeat non-greedy", toks[4].NonGreedy, true},
		{"group name", toks[5].Name, "name"},
		{"unicode name", toks[6].Name, "Greek"},
		{"\\P{^Greek} is not negated", toks[6].Negated, false},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// checkCover checks that toks are contiguous and cover input exactly.
func checkCover(input string, toks []Token) error {
	pos := 0
	for _, t := range toks {
		if t.Pos != pos || t.End < t.Pos || t.End > len(input) {
			return fmt.Errorf("token %v [%d,%d) does not start at %d", t.Kind, t.Pos, t.End, pos)
		}
		if t.Pos == t.End && !(t.Kind == Error && t.Err == ErrMissingBracket && t.End == len(input)) {
			return fmt.Errorf("empty %v token at %d", t.Kind, t.Pos)
		}
		if t.Kind == Error && (t.ExprPos < 0 || t.ExprPos > t.ExprEnd || t.ExprEnd > len(input)) {
			return fmt.Errorf("error token quotes [%d,%d), outside the input", t.ExprPos, t.ExprEnd)
		}
		pos = t.End
	}
	if pos != len(input) {
		return fmt.Errorf("tokens end at %d, input at %d", pos, len(input))
	}
	return nil
}

var allOptions = []Options{perl, posix, {PerlX: true}, {UnicodeGroups: true}, {Literal: true}}

// pieces make random inputs dense in syntax and malformed UTF-8.
var pieces = []string{
	"a", "é", "世", "\xff", "\xc0", "\xe2\x82", "\\", "(", ")", "(?", "(?P<", "<", ">", "|",
	"*", "+", "?", "{", "}", ",", "1", "0", "[", "]", "^", "-", ":", "$", ".", "p", "P", "x", "Q", "E",
	"i", "m", "s", "U", "d",
}

func TestTokensCoverRandomInput(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	n := 20000
	if testing.Short() {
		n = 3000
	}
	for i := 0; i < n; i++ {
		var b strings.Builder
		for k := rng.Intn(16); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		input := b.String()
		for _, opts := range allOptions {
			if err := checkCover(input, Tokens(input, opts)); err != nil {
				t.Fatalf("Tokens(%q, %+v): %v", input, opts, err)
			}
		}
	}
}

func TestTokensCoverArbitraryBytes(t *testing.T) {
	property := func(input []byte, which uint8) bool {
		s := string(input)
		return checkCover(s, Tokens(s, allOptions[int(which)%len(allOptions)])) == nil
	}
	cfg := &quick.Config{MaxCount: 5000, Rand: rand.New(rand.NewSource(4))}
	if err := quick.Check(property, cfg); err != nil {
		t.Error(err)
	}
}

func TestNextAfterEOF(t *testing.T) {
	l := New("a", perl)
	l.Next()
	for i := 0; i < 3; i++ {
		if tok := l.Next(); tok.Kind != EOF || tok.Pos != 1 {
			t.Fatalf("Next after the end = %v at %d, want EOF at 1", tok.Kind, tok.Pos)
		}
	}
}
