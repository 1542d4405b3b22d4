package dfa

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/pikevm"
)

// handPatterns are patterns whose corners the generated ones may miss:
// assertions at every edge, case folding, big Unicode classes, empty
// matches and priority puzzles.
var handPatterns = []string{
	`\b\w+\b`, `(?m)^\w+$`, `\Bfoo`, `foo\B`, `$`, `^`, `(?m)^`, `(?m)$`,
	`\A`, `\z`, `^$`, `(?m)^$`, `\b`, `\B`, `(?m)^\s*$`, `\b.\b`,
	`(?i)k`, `(?i)straße`, `(?i)σ+`, `\p{L}+`, `\p{Greek}`, `\P{L}+`,
	`[^a]+`, `.`, `.*`, `(?s).*`, `.*?`, `a*`, `a*?b`, `(a|ab)(c|bcd)`,
	`(a+|b+)*c`, `a|ab|abc`, `abc|ab|a`, `(?:a|b)*?b`, `[a-c]{2,4}`,
	`\w+\s+Holmes`, `x*`, `(?:)`, `a{0}`, `日本`, `[日本]+`, `é|e`,
	`\d+(?:\.\d+)?`, `(?m)^[a-c]+\n`, `\w+$`, `^\w+`, `(?U)a+`, `\x{FFFD}`,
	`[\x{FFFD}a]+`, `[^\n]+$`, `(?m)(?:^|a)b`, `(?:\b|a)+`,
	// Classes that match nothing: the start state itself is dead.
	`[^\s\S]`, `(?:[^\s\S])$`, `x(?:[^\s\S]|y)$`, `[^\s\S]b|c`,
}

// patternGen builds random patterns from atoms that exercise byte
// classes, multi-byte runes, assertions and every repetition operator.
type patternGen struct{ rng *rand.Rand }

var genAtoms = []string{
	`a`, `b`, `c`, `ab`, `.`, `\w`, `\W`, `\s`, `\d`, `[a-c]`, `[^a]`, `[^\n]`,
	`é`, `α`, `\p{Greek}`, `\pL`, `(?i:k)`, `(?i:é)`, `\n`, `日`, ` `,
	`^`, `$`, `\b`, `\B`, `\A`, `\z`, `(?m:^)`, `(?m:$)`, `(?s:.)`,
}

func (g *patternGen) pattern(depth int) string {
	if depth <= 0 || g.rng.IntN(3) == 0 {
		return genAtoms[g.rng.IntN(len(genAtoms))]
	}
	switch g.rng.IntN(9) {
	case 0, 1, 2:
		return g.pattern(depth-1) + g.pattern(depth-1)
	case 3:
		return `(?:` + g.pattern(depth-1) + `|` + g.pattern(depth-1) + `)`
	case 4:
		return `(` + g.pattern(depth-1) + `)*`
	case 5:
		return `(?:` + g.pattern(depth-1) + `)+`
	case 6:
		return `(?:` + g.pattern(depth-1) + `)?`
	case 7:
		return `(?:` + g.pattern(depth-1) + `)*?`
	}
	return `(?:` + g.pattern(depth-1) + `){1,3}`
}

// inputPieces make up the generated inputs; the last few are invalid
// UTF-8 (a stray byte, a truncated sequence, an overlong form, a
// surrogate).
var inputPieces = []string{
	"a", "b", "c", "ab", " ", "\n", "é", "α", "β", "K", "\u212a", "k", "_", "1", "日", "本", "foo", "ß",
	"\xff", "\xe2\x82", "\xc0\x80", "\xed\xa0\x80",
}

const numValidPieces = 18

func genInput(rng *rand.Rand, valid bool) string {
	var b strings.Builder
	n := rng.IntN(12)
	for range n {
		pieces := inputPieces
		if valid {
			pieces = pieces[:numValidPieces]
		}
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// TestAgainstStd compares every mode with the standard library: the
// leftmost-first end with FindIndex, earliest with MatchString, the
// reverse start from the match end with FindIndex's start, and the
// anchored-longest end with a leftmost-longest \A(?:...) pattern. On
// invalid UTF-8 the DFA may quit, but whatever it answers must be right.
func TestAgainstStd(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	g := &patternGen{rng}
	patterns := append([]string(nil), handPatterns...)
	n := 1500
	if testing.Short() {
		n = 300
	}
	for range n {
		patterns = append(patterns, g.pattern(4))
	}
	inputs := []string{"", "a", "ab c\nfoo bar\n", "Sherlock  Holmes", "αβγ abc é", "\xff", "ab\xffcd"}
	for range 25 {
		inputs = append(inputs, genInput(rng, rng.IntN(3) > 0))
	}
	for _, pattern := range patterns {
		std, err := regexp.Compile(pattern)
		if err != nil {
			continue
		}
		stdLongest := regexp.MustCompile(`\A(?:` + pattern + `)`)
		stdLongest.Longest()
		fwd, rev := compilePair(t, pattern, Config{})
		fc, rc := fwd.NewCache(), rev.NewCache()
		for _, input := range inputs {
			h := []byte(input)
			valid := utf8.Valid(h)
			loc := std.FindIndex(h)
			in := &nfa.Input{Haystack: h, End: len(h)}
			check := func(what string, pos int, res Result, want []int, wantPos int) {
				t.Helper()
				switch {
				case res == GaveUp:
					t.Errorf("%#q on %q: %s gave up", pattern, input, what)
				case res == Quit:
					if valid {
						t.Errorf("%#q on %q: %s quit on valid UTF-8", pattern, input, what)
					}
				case (res == Match) != (want != nil):
					t.Errorf("%#q on %q: %s %s, std %v", pattern, input, what, span(pos, res), want)
				case res == Match && pos != wantPos:
					t.Errorf("%#q on %q: %s %d, std %v", pattern, input, what, pos, want)
				}
			}

			pos, res := fwd.Forward(fc, in, LeftmostFirst)
			if loc != nil {
				check("leftmost-first end", pos, res, loc, loc[1])
			} else {
				check("leftmost-first end", pos, res, nil, 0)
			}

			pos, res = fwd.Forward(fc, in, Earliest)
			if res == Match && loc != nil && (pos < loc[0] || pos > loc[1]) {
				t.Errorf("%#q on %q: earliest end %d outside std's match %v", pattern, input, pos, loc)
			} else if loc != nil {
				check("earliest end", pos, res, loc, pos)
			} else {
				check("earliest end", pos, res, nil, 0)
			}

			if loc != nil {
				pos, res = rev.Reverse(rc, &nfa.Input{Haystack: h, End: loc[1]})
				check("reverse start", pos, res, loc, loc[0])
			}

			want := stdLongest.FindIndex(h)
			pos, res = fwd.Forward(fc, in, AnchoredLongest)
			if want != nil {
				check("anchored longest end", pos, res, want, want[1])
			} else {
				check("anchored longest end", pos, res, nil, 0)
			}
		}
		if t.Failed() {
			return
		}
	}
}

// TestSubrangesAgainstPikeVM checks searches of a part of the haystack,
// where the assertions must see the bytes outside the range, against the
// Pike VM (itself checked against the standard library), which can
// search from an offset as the regexp package does.
func TestSubrangesAgainstPikeVM(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	g := &patternGen{rng}
	patterns := append([]string(nil), handPatterns...)
	n := 600
	if testing.Short() {
		n = 150
	}
	for range n {
		patterns = append(patterns, g.pattern(3))
	}
	for _, pattern := range patterns {
		fwd, rev := compilePair(t, pattern, Config{})
		vm := pikevm.New(fwd.prog)
		vc, fc, rc := vm.NewCache(), fwd.NewCache(), rev.NewCache()
		for range 12 {
			input := genInput(rng, rng.IntN(4) > 0)
			h := []byte(input)
			bounds := runeStarts(h)
			start := bounds[rng.IntN(len(bounds))]
			end := bounds[rng.IntN(len(bounds))]
			if start > end {
				start, end = end, start
			}
			valid := utf8.Valid(h)
			for _, anchored := range []bool{false, true} {
				in := &nfa.Input{Haystack: h, Start: start, End: end, Anchored: anchored}
				var slots [2]int
				found := vm.Search(vc, in, false, slots[:])
				pos, res := fwd.Forward(fc, in, LeftmostFirst)
				if !agrees(res, pos, found, slots[1], valid) {
					t.Errorf("%#q on %q[%d:%d] anchored=%v: leftmost-first end %s, pikevm %v %v",
						pattern, input, start, end, anchored, span(pos, res), found, slots)
				}
				if found {
					rin := &nfa.Input{Haystack: h, Start: start, End: slots[1]}
					pos, res := rev.Reverse(rc, rin)
					if !agrees(res, pos, true, slots[0], valid) {
						t.Errorf("%#q on %q[%d:%d]: reverse start %s, pikevm %v",
							pattern, input, start, slots[1], span(pos, res), slots)
					}
				}
				if anchored {
					found := vm.Search(vc, in, true, slots[:])
					pos, res := fwd.Forward(fc, in, AnchoredLongest)
					if !agrees(res, pos, found, slots[1], valid) {
						t.Errorf("%#q on %q[%d:%d]: anchored longest end %s, pikevm %v %v",
							pattern, input, start, end, span(pos, res), found, slots)
					}
				}
			}
		}
		if t.Failed() {
			return
		}
	}
}

// agrees reports whether a DFA result matches the oracle's: the same
// answer, or a quit when the input is not valid UTF-8.
func agrees(res Result, pos int, found bool, want int, valid bool) bool {
	switch res {
	case Quit:
		return !valid
	case Match:
		return found && pos == want
	case NoMatch:
		return !found
	}
	return false
}

// runeStarts returns the positions at which the standard library starts
// a rune when decoding h, and len(h).
func runeStarts(h []byte) []int {
	var out []int
	for i := 0; i < len(h); {
		out = append(out, i)
		_, w := utf8.DecodeRune(h[i:])
		i += w
	}
	return append(out, len(h))
}
