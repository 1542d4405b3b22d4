package syntax

import (
	"fmt"
	"math/rand"
	stdsyntax "regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// progTests are programs whose listing is easy to check by eye.
var progTests = []struct {
	pattern string
	want    string
}{
	{`a`, `  0	fail
  1*	rune1 "a" -> 2
  2	match
`},
	{`(?i)ab|(?-i)c`, `  0	fail
  1	rune "A"/i -> 2
  2	rune "B"/i -> 5
  3	rune1 "c" -> 5
  4*	alt -> 1, 3
  5	match
`},
	{`(a)*?`, `  0	fail
  1	cap 2 -> 2
  2	rune1 "a" -> 3
  3	cap 3 -> 4
  4*	alt -> 5, 1
  5	match
`},
	{`(?:a?)*`, `  0	fail
  1	rune1 "a" -> 3
  2	alt -> 1, 3
  3	alt -> 2, 5
  4*	alt -> 2, 5
  5	match
`},
	{`^[a-c\d]+.\b$`, `  0	fail
  1*	empty 4 -> 2
  2	rune "09ac" -> 3
  3	alt -> 2, 4
  4	anynotnl -> 5
  5	empty 16 -> 6
  6	empty 8 -> 7
  7	match
`},
	{`x{2,3}`, `  0	fail
  1*	rune1 "x" -> 2
  2	rune1 "x" -> 4
  3	rune1 "x" -> 5
  4	alt -> 3, 5
  5	match
`},
}

func TestCompileProg(t *testing.T) {
	for _, tt := range progTests {
		re, err := Parse(tt.pattern, Perl)
		if err != nil {
			t.Fatalf("Parse(%#q): %v", tt.pattern, err)
		}
		p, err := Compile(re.Simplify())
		if err != nil {
			t.Fatalf("Compile(%#q): %v", tt.pattern, err)
		}
		if got := p.String(); got != tt.want {
			t.Errorf("Compile(%#q).String() =\n%s\nwant\n%s", tt.pattern, got, tt.want)
		}
		checkProgAgainstStd(t, tt.pattern, Perl, "progTests")
	}
}

// TestCompileNoMatch compiles trees holding OpNoMatch, which no pattern
// parses to: a concatenation with it never matches, and the holes of the
// parts before it are left as they were, lists of fields and all, as the
// standard library leaves them.
func TestCompileNoMatch(t *testing.T) {
	lit := func(s string) *Regexp { return &Regexp{Op: OpLiteral, Rune: []rune(s)} }
	none := &Regexp{Op: OpNoMatch}
	trees := []*Regexp{
		none,
		{Op: OpConcat, Sub: []*Regexp{{Op: OpAlternate, Sub: []*Regexp{lit("a"), lit("bc")}}, none}},
		{Op: OpAlternate, Sub: []*Regexp{none, lit("a"), none}},
		{Op: OpStar, Sub: []*Regexp{none}},
		{Op: OpPlus, Sub: []*Regexp{none}, Flags: NonGreedy},
		{Op: OpQuest, Sub: []*Regexp{{Op: OpConcat, Sub: []*Regexp{lit("x"), none}}}},
		{Op: OpCapture, Cap: 3, Sub: []*Regexp{none}},
		{Op: OpConcat},
		{Op: OpAlternate},
		{Op: OpLiteral},
	}
	// Instruction 1's Out still holds 6, the name of instruction 3's Out
	// (3<<1), which came next in the list of holes.
	want := `  0*	fail
  1	rune1 "a" -> 6
  2	rune1 "b" -> 3
  3	rune1 "c" -> 0
  4	alt -> 1, 2
  5	match
`
	for k, tree := range trees {
		got, _ := Compile(tree)
		theirs, _ := stdsyntax.Compile(toStd(tree))
		compareProgs(t, fmt.Sprintf("tree %d %s", k, dump(tree)), got, theirs)
		if k == 1 && got.String() != want {
			t.Errorf("Compile(%s) =\n%s\nwant\n%s", dump(tree), got, want)
		}
	}
}

// toStd converts our tree to the standard library's.
func toStd(re *Regexp) *stdsyntax.Regexp {
	out := &stdsyntax.Regexp{Op: stdsyntax.Op(re.Op), Flags: stdsyntax.Flags(re.Flags), Rune: re.Rune,
		Min: re.Min, Max: re.Max, Cap: re.Cap, Name: re.Name}
	for _, sub := range re.Sub {
		out.Sub = append(out.Sub, toStd(sub))
	}
	return out
}

// TestCompileUnsimplifiedPanics checks that a counted repetition, which
// only Simplify removes, panics as in the standard library.
func TestCompileUnsimplifiedPanics(t *testing.T) {
	re, err := Parse(`a{2}`, Perl)
	if err != nil {
		t.Fatal(err)
	}
	stdRe, _ := stdsyntax.Parse(`a{2}`, stdsyntax.Perl)
	if got, want := panicValue(func() { Compile(re) }), panicValue(func() { stdsyntax.Compile(stdRe) }); got != want || got == nil {
		t.Errorf("Compile(a{2}) panics with %v, standard library with %v", got, want)
	}
}

// checkProgAgainstStd compiles the simplified tree of pattern with both
// packages and compares the programs, instruction by instruction, with
// every question a Prog or an Inst answers. It reports whether both
// parsed the pattern.
func checkProgAgainstStd(t *testing.T, pattern string, flags Flags, name string) bool {
	t.Helper()
	stdRe, err := stdsyntax.Parse(pattern, stdsyntax.Flags(flags))
	if err != nil {
		return false
	}
	re, err := Parse(pattern, flags)
	if err != nil {
		t.Errorf("%s: Parse(%q) = %v, standard library succeeds", name, pattern, err)
		return false
	}
	want, err := stdsyntax.Compile(stdRe.Simplify())
	if err != nil {
		t.Fatalf("standard library: Compile(%q): %v", pattern, err)
	}
	got, err := Compile(re.Simplify())
	if err != nil {
		t.Errorf("%s: Compile(%q): %v", name, pattern, err)
		return true
	}
	// Compiling the standard library's tree converted to ours must give
	// the same too: that checks Compile apart from Parse and Simplify.
	fromTheirs, _ := Compile(fromStd(stdRe.Simplify()))
	for _, p := range []struct {
		what string
		prog *Prog
	}{{"Compile(Parse)", got}, {"Compile(std tree)", fromTheirs}} {
		compareProgs(t, fmt.Sprintf("%s: %s of %q", name, p.what, pattern), p.prog, want)
	}
	return true
}

// compareProgs reports every difference between got and the standard
// library's program want.
func compareProgs(t *testing.T, what string, got *Prog, want *stdsyntax.Prog) {
	t.Helper()
	if g, w := got.String(), want.String(); g != w {
		t.Errorf("%s: program\n%s\nstandard library\n%s", what, g, w)
		return
	}
	if got.Start != want.Start || got.NumCap != want.NumCap || len(got.Inst) != len(want.Inst) {
		t.Errorf("%s: Start %d NumCap %d with %d instructions, standard library %d %d %d",
			what, got.Start, got.NumCap, len(got.Inst), want.Start, want.NumCap, len(want.Inst))
		return
	}
	gp, gc := got.Prefix()
	wp, wc := want.Prefix()
	if gp != wp || gc != wc {
		t.Errorf("%s: Prefix() = %q, %v, standard library %q, %v", what, gp, gc, wp, wc)
	}
	if g, w := got.StartCond(), want.StartCond(); uint8(g) != uint8(w) {
		t.Errorf("%s: StartCond() = %#x, standard library %#x", what, g, w)
	}
	for pc := range want.Inst {
		g, w := &got.Inst[pc], &want.Inst[pc]
		if uint8(g.Op) != uint8(w.Op) || g.Out != w.Out || g.Arg != w.Arg || !slices.Equal(g.Rune, w.Rune) {
			t.Errorf("%s: instruction %d is %+v, standard library %+v", what, pc, *g, *w)
			continue
		}
		if g.String() != w.String() || g.Op.String() != w.Op.String() {
			t.Errorf("%s: instruction %d writes as %q (%v), standard library %q (%v)", what, pc, g, g.Op, w, w.Op)
		}
		compareInstAnswers(t, fmt.Sprintf("%s: instruction %d (%v)", what, pc, w), g, w)
	}
}

// compareInstAnswers compares MatchRune, MatchRunePos and MatchEmptyWidth
// of one instruction with the standard library's over probe runes drawn
// from the instruction itself: the ends of its ranges and their
// neighbours, the other case forms of its runes, and fixed corners.
func compareInstAnswers(t *testing.T, what string, g *Inst, w *stdsyntax.Inst) {
	t.Helper()
	if w.Op == stdsyntax.InstEmptyWidth {
		for _, before := range contextRunes {
			for _, after := range contextRunes {
				gv, gp := matchEmpty(g, before, after)
				wv, wp := matchEmptyStd(w, before, after)
				if gv != wv || gp != wp {
					t.Errorf("%s: MatchEmptyWidth(%q, %q) = %v (panic %v), standard library %v (panic %v)",
						what, before, after, gv, gp, wv, wp)
				}
			}
		}
		return
	}
	if w.Op != stdsyntax.InstRune && w.Op != stdsyntax.InstRune1 &&
		w.Op != stdsyntax.InstRuneAny && w.Op != stdsyntax.InstRuneAnyNotNL {
		return
	}
	for _, r := range probeRunes(w.Rune) {
		if gp, wp := g.MatchRunePos(r), w.MatchRunePos(r); gp != wp {
			t.Errorf("%s: MatchRunePos(%q) = %d, standard library %d", what, r, gp, wp)
		}
		if gm, wm := g.MatchRune(r), w.MatchRune(r); gm != wm {
			t.Errorf("%s: MatchRune(%q) = %v, standard library %v", what, r, gm, wm)
		}
	}
}

// contextRunes are the runes on either side of a position that the
// assertions tell apart: the ends of the text, newline, word and non-word
// characters, ASCII and not.
var contextRunes = []rune{-1, '\n', '\r', ' ', 'a', 'Z', '0', '_', '-', 'é', '\u212a', 0, unicode.MaxRune}

func matchEmpty(i *Inst, before, after rune) (v bool, panicked any) {
	defer func() { panicked = recover() }()
	return i.MatchEmptyWidth(before, after), nil
}

func matchEmptyStd(i *stdsyntax.Inst, before, after rune) (v bool, panicked any) {
	defer func() { panicked = recover() }()
	return i.MatchEmptyWidth(before, after), nil
}

// probeRunes returns the runes worth asking an instruction with these
// runes about.
func probeRunes(runes []rune) []rune {
	probes := []rune{-1, 0, 1, '\n', 'A', 'a', 'k', 'K', '\u212a', 's', 'ſ', 0xD7FF, 0xD800, 0xFFFD,
		unicode.MaxRune, unicode.MaxRune + 1}
	for _, r := range runes {
		probes = append(probes, r-1, r, r+1)
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			probes = append(probes, f)
		}
	}
	return probes
}

// TestProgMatchesStdRandom compares the programs of generated patterns
// under every flag set of the differential tests.
func TestProgMatchesStdRandom(t *testing.T) {
	count := 10000
	if testing.Short() {
		count = 1500
	}
	rng := rand.New(rand.NewSource(5))
	compiled := 0
	for i := 0; i < count; i++ {
		pattern := randomPattern(rng, 10)
		for _, fs := range flagSets {
			if checkProgAgainstStd(t, pattern, fs.flags, fs.name) {
				compiled++
			}
		}
		if t.Failed() && i > 50 {
			return
		}
	}
	if compiled < count {
		t.Errorf("only %d of %d patterns x flag sets compiled", compiled, count*len(flagSets))
	}
}

func TestProgMatchesStdTricky(t *testing.T) {
	for _, fs := range flagSets {
		for _, pattern := range trickyPatterns {
			checkProgAgainstStd(t, pattern, fs.flags, fs.name)
		}
	}
}

// TestInstMethodsOnHandBuiltInsts compares the Inst methods with the
// standard library's on instructions no compiler builds: unsorted and
// odd-length rune lists, folded literals, and every EmptyOp value, so
// that the answers agree for any Inst a tool may construct.
func TestInstMethodsOnHandBuiltInsts(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for n := range 2000 {
		runes := make([]rune, rng.Intn(12))
		for k := range runes {
			runes[k] = rune(rng.Intn(300)) - 10
			if rng.Intn(8) == 0 {
				runes[k] = rune(rng.Intn(unicode.MaxRune + 2))
			}
		}
		if rng.Intn(2) == 0 {
			slices.Sort(runes)
		}
		arg := uint32(0)
		if rng.Intn(2) == 0 {
			arg = uint32(FoldCase)
		}
		g := &Inst{Op: InstRune, Rune: runes, Arg: arg}
		w := &stdsyntax.Inst{Op: stdsyntax.InstRune, Rune: runes, Arg: arg}
		probes := probeRunes(runes)
		for range 20 {
			probes = append(probes, rune(rng.Intn(400))-50)
		}
		compareInstAnswers(t, fmt.Sprintf("Inst %d %+v", n, *w), g, w)
		if g.String() != w.String() {
			t.Errorf("Inst %+v writes as %q, standard library %q", *w, g, w)
		}
	}
	for arg := range 256 {
		g := &Inst{Op: InstEmptyWidth, Arg: uint32(arg), Out: 3}
		w := &stdsyntax.Inst{Op: stdsyntax.InstEmptyWidth, Arg: uint32(arg), Out: 3}
		compareInstAnswers(t, fmt.Sprintf("empty %d", arg), g, w)
	}
	for op := range 256 {
		g := &Inst{Op: InstOp(op), Out: 7, Arg: 9, Rune: []rune{'x'}}
		w := &stdsyntax.Inst{Op: stdsyntax.InstOp(op), Out: 7, Arg: 9, Rune: []rune{'x'}}
		if g.String() != w.String() || g.Op.String() != w.Op.String() {
			t.Errorf("op %d: %q (%q), standard library %q (%q)", op, g, g.Op, w, w.Op)
		}
	}
	g := &Inst{Op: InstRune}
	w := &stdsyntax.Inst{Op: stdsyntax.InstRune}
	if g.String() != w.String() {
		t.Errorf("InstRune without runes: %q, standard library %q", g, w)
	}
}

func TestEmptyOpContextAndIsWordChar(t *testing.T) {
	runes := []rune{-2, -1, 0, unicode.MaxRune + 1}
	for r := rune(0); r < 0x250; r++ {
		runes = append(runes, r)
	}
	runes = append(runes, 0x2028, 0xFFFD, unicode.MaxRune)
	for _, r := range runes {
		if IsWordChar(r) != stdsyntax.IsWordChar(r) {
			t.Errorf("IsWordChar(%q) = %v, standard library %v", r, IsWordChar(r), stdsyntax.IsWordChar(r))
		}
	}
	for _, r1 := range runes {
		for _, r2 := range contextRunes {
			if g, w := EmptyOpContext(r1, r2), stdsyntax.EmptyOpContext(r1, r2); uint8(g) != uint8(w) {
				t.Errorf("EmptyOpContext(%q, %q) = %#x, standard library %#x", r1, r2, g, w)
			}
			if g, w := EmptyOpContext(r2, r1), stdsyntax.EmptyOpContext(r2, r1); uint8(g) != uint8(w) {
				t.Errorf("EmptyOpContext(%q, %q) = %#x, standard library %#x", r2, r1, g, w)
			}
		}
	}
}

// TestProgConstants checks the values of the exported constants, which
// tools may store or compare.
func TestProgConstants(t *testing.T) {
	ops := []struct{ ours, std uint8 }{
		{uint8(InstAlt), uint8(stdsyntax.InstAlt)},
		{uint8(InstAltMatch), uint8(stdsyntax.InstAltMatch)},
		{uint8(InstCapture), uint8(stdsyntax.InstCapture)},
		{uint8(InstEmptyWidth), uint8(stdsyntax.InstEmptyWidth)},
		{uint8(InstMatch), uint8(stdsyntax.InstMatch)},
		{uint8(InstFail), uint8(stdsyntax.InstFail)},
		{uint8(InstNop), uint8(stdsyntax.InstNop)},
		{uint8(InstRune), uint8(stdsyntax.InstRune)},
		{uint8(InstRune1), uint8(stdsyntax.InstRune1)},
		{uint8(InstRuneAny), uint8(stdsyntax.InstRuneAny)},
		{uint8(InstRuneAnyNotNL), uint8(stdsyntax.InstRuneAnyNotNL)},
		{uint8(EmptyBeginLine), uint8(stdsyntax.EmptyBeginLine)},
		{uint8(EmptyEndLine), uint8(stdsyntax.EmptyEndLine)},
		{uint8(EmptyBeginText), uint8(stdsyntax.EmptyBeginText)},
		{uint8(EmptyEndText), uint8(stdsyntax.EmptyEndText)},
		{uint8(EmptyWordBoundary), uint8(stdsyntax.EmptyWordBoundary)},
		{uint8(EmptyNoWordBoundary), uint8(stdsyntax.EmptyNoWordBoundary)},
	}
	for i, c := range ops {
		if c.ours != c.std {
			t.Errorf("constant %d: %d, standard library %d", i, c.ours, c.std)
		}
	}
	if !strings.Contains(InstRune1.String(), "Rune1") {
		t.Errorf("InstRune1.String() = %q", InstRune1.String())
	}
}
