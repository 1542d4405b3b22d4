package backtrack

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/pikevm"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// run searches s[start:] with nslots slots and returns them as
// FindSubmatchIndex would (nil for no match).
func run(b *Backtracker, c *Cache, s string, start int, anchored, longest bool, nslots int) []int {
	in := &nfa.Input{Haystack: []byte(s), Start: start, End: len(s), Anchored: anchored}
	slots := make([]int, nslots)
	if !b.Search(c, in, longest, slots) {
		return nil
	}
	return slots
}

// runAll walks s for successive matches as the standard library's FindAll
// methods do: after an empty match the walk moves on by one rune (an
// invalid byte counting as one), and an empty match that touches the end
// of the previous match is not reported.
func runAll(b *Backtracker, c *Cache, s string, longest bool, nslots int) [][]int {
	var all [][]int
	prevEnd := -1
	for pos := 0; pos <= len(s); {
		m := run(b, c, s, pos, false, longest, nslots)
		if m == nil {
			break
		}
		if m[0] == m[1] {
			if m[0] != prevEnd {
				all = append(all, m)
			}
			if pos == len(s) {
				break
			}
			_, w := utf8.DecodeRuneInString(s[pos:])
			pos += w
		} else {
			all = append(all, m)
			pos = m[1]
		}
		prevEnd = m[1]
	}
	return all
}

// compare checks the backtracker against the standard library on pattern
// for every input: leftmost-first against first and leftmost-longest
// against longest (either may be nil to leave its mode out), with full
// submatches, bounds only and match/no-match, unanchored, anchored and
// over the standard library's FindAll walk.
func compare(t *testing.T, pattern string, flags syntax.Flags, first, longest *regexp.Regexp, inputs []string) {
	t.Helper()
	prog := testutil.Compile(t, pattern, flags)
	b := New(prog)
	c := b.NewCache()
	nslots := 2 * prog.NumCap
	for _, s := range inputs {
		if len(s) > b.MaxLen() {
			t.Fatalf("%#q: input %+q longer than MaxLen %d", pattern, s, b.MaxLen())
		}
		for _, mode := range []struct {
			longest bool
			std     *regexp.Regexp
		}{{false, first}, {true, longest}} {
			if mode.std == nil {
				continue
			}
			name := fmt.Sprintf("%#q longest=%v on %+q", pattern, mode.longest, s)
			want := mode.std.FindStringSubmatchIndex(s)
			if got := run(b, c, s, 0, false, mode.longest, nslots); !slices.Equal(got, want) {
				t.Errorf("%s: submatches %v, want %v", name, got, want)
				continue
			}
			var wantBounds []int
			if want != nil {
				wantBounds = want[:2]
			}
			if got := run(b, c, s, 0, false, mode.longest, 2); !slices.Equal(got, wantBounds) {
				t.Errorf("%s: bounds %v, want %v", name, got, wantBounds)
			}
			if got := run(b, c, s, 0, false, mode.longest, 0) != nil; got != (want != nil) {
				t.Errorf("%s: matched %v, want %v", name, got, want != nil)
			}
			// An anchored search finds the unanchored match when that
			// starts at 0, and never a match anywhere else.
			anchored := run(b, c, s, 0, true, mode.longest, nslots)
			if want != nil && want[0] == 0 && !slices.Equal(anchored, want) {
				t.Errorf("%s: anchored %v, want %v", name, anchored, want)
			}
			if anchored != nil && anchored[0] != 0 {
				t.Errorf("%s: anchored match %v does not start at 0", name, anchored)
			}
			wantAll := mode.std.FindAllStringSubmatchIndex(s, -1)
			if got := runAll(b, c, s, mode.longest, nslots); !slices.EqualFunc(got, wantAll, slices.Equal) {
				t.Errorf("%s: all matches %v, want %v", name, got, wantAll)
			}
		}
	}
}

// stdBoth returns the standard library's leftmost-first and
// leftmost-longest matchers for a Perl-syntax pattern.
func stdBoth(pattern string) (first, longest *regexp.Regexp) {
	first = regexp.MustCompile(pattern)
	longest = regexp.MustCompile(pattern)
	longest.Longest()
	return first, longest
}

// trickyPatterns stress priority between alternatives and repetitions,
// empty loops, repeated groups, assertions, folding, and classes that
// hold U+FFFD and so also match invalid bytes.
var trickyPatterns = []string{
	`a`, `a*`, `a*?`, `a+?b`, `(a+)(a*)`, `(a*?)(a+)`, `(a|ab)(c|bcd)(d*)`, `(ab|a)(c|bcd)?`,
	`(a*)*`, `(a*)+`, `(a*)*b`, `(a?)*?a`, `(|a)*`, `(a|)+`, `(a|b)*?b`, `((a)|(b))*`,
	`(?:(a)|b)+`, `(a){3}`, `(a){0}x`, `(a){1,2}?`, `(?:a{2})*`, `x{1,3}y?`,
	`^`, `$`, `^$`, `^a|b$`, `(?m)^b`, `(?m)a$`, `\b`, `\B`, `\ba\b`, `a\B`, `\bé`,
	`.`, `.+`, `.*?$`, `(?s).+`, `[^b]+`, `\x{FFFD}`, `[\x{FFFD}a]+`, `\xff`, `\x{D800}`,
	`(?i)k+`, `(?i)ſ`, `(?i)σς`, `(?i)[a-c]+`, `\pL+`, `\PL`, `[^\x00-\x7f]+`, `€+`,
	`a|ab|abc`, `abc|ab|a`, `(a|ab|abc)+`, `(.*)(.*)`, `(.*?)(.+)`, `(a)|(b)`, `(?U)a+`,
	`(?U)(a*)(a+?)`, `\Aa`, `a\z`, `(?:)`, `()`, `(())`, `[a-c]*c`, `日本?|日`, `(?:ab|a)*b`,
	`(foo|foobar)(bar)?`, `(a+|b+)*c`, `(\w+)\s(\w+)`, `(\d+)-(\d*)`,
}

// trickyInputs hold ASCII, multi-byte runes, invalid and truncated UTF-8,
// newlines, folding partners and the empty string.
var trickyInputs = []string{
	"", "a", "b", "aa", "ab", "abc", "abcd", "aaab", "bab", "xaay", "ba", "c",
	"é", "éa", "aé", "€€", "\xe2\x82", "\xe2\x82a", "\xff", "a\xffb", "\xff\xfe", "\xed\xa0\x80",
	"\xc0\xaf", "\xf4\x90\x80\x80", "\xef\xbf\xbd", "\x80a", "a\nb", "\nb\n", "K", "\u212a",
	"ſS", "σςΣ", "日本語", "日", "foobar", "foobarbar", "12-", "12-34", "hi yo", "aaaaaaaa",
}

func TestTricky(t *testing.T) {
	for _, p := range trickyPatterns {
		first, longest := stdBoth(p)
		compare(t, p, syntax.Perl, first, longest, trickyInputs)
	}
}

func TestPOSIX(t *testing.T) {
	patterns := []string{
		`(a|ab)(c|bcd)(d*)`, `(a*)*`, `(a*)+b`, `(a|b)*b`, `(.*)(.*)`, `a|ab|abc`,
		`(ab|a)(bc|c)?`, `^(a+)$`, `(foo|foobar)(bar)?`, `[^a]+`, `(a){2,3}`, `x*`,
	}
	for _, p := range patterns {
		compare(t, p, syntax.POSIX, nil, regexp.MustCompilePOSIX(p), trickyInputs)
	}
}

// TestSubmatches spells out the standard library's choices on cases where
// the two modes disagree, so a reader sees what is expected; the table is
// also checked against the standard library itself.
func TestSubmatches(t *testing.T) {
	tests := []struct {
		pattern, input string
		first, longest []int
	}{
		{`(a|ab)(c|bcd)(d*)`, "abcd", []int{0, 4, 0, 1, 1, 4, 4, 4}, []int{0, 4, 0, 1, 1, 4, 4, 4}},
		{`(a+?)(a*)`, "aaa", []int{0, 3, 0, 1, 1, 3}, []int{0, 3, 0, 1, 1, 3}},
		{`a|ab`, "ab", []int{0, 1}, []int{0, 2}},
		{`(a*?)`, "aa", []int{0, 0, 0, 0}, []int{0, 2, 0, 2}},
		{`(a|b)*?c?`, "abc", []int{0, 0, -1, -1}, []int{0, 3, 1, 2}},
		{`(.)\b`, "é!", nil, nil},
		{`x*`, "\xffx", []int{0, 0}, []int{0, 0}},
		{`(x)?\x{FFFD}`, "a\xff", []int{1, 2, -1, -1}, []int{1, 2, -1, -1}},
	}
	for _, tt := range tests {
		prog := testutil.Compile(t, tt.pattern, syntax.Perl)
		b := New(prog)
		c := b.NewCache()
		first, longest := stdBoth(tt.pattern)
		for _, mode := range []struct {
			longest bool
			want    []int
			std     *regexp.Regexp
		}{{false, tt.first, first}, {true, tt.longest, longest}} {
			got := run(b, c, tt.input, 0, false, mode.longest, 2*prog.NumCap)
			if !slices.Equal(got, mode.want) {
				t.Errorf("%#q longest=%v on %+q: %v, want %v", tt.pattern, mode.longest, tt.input, got, mode.want)
			}
			if std := mode.std.FindStringSubmatchIndex(tt.input); !slices.Equal(std, mode.want) {
				t.Errorf("%#q longest=%v on %+q: the standard library gives %v, the table %v", tt.pattern, mode.longest, tt.input, std, mode.want)
			}
		}
	}
}

// TestGenerated compares random patterns with random inputs.
func TestGenerated(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 400
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for range n {
		p := genPattern(rng, 3)
		first, err := regexp.Compile(p)
		if err != nil {
			continue
		}
		longest := regexp.MustCompile(p)
		longest.Longest()
		inputs := []string{""}
		for range 6 {
			inputs = append(inputs, genInput(rng))
		}
		compare(t, p, syntax.Perl, first, longest, inputs)
		if t.Failed() {
			return
		}
	}
}

var (
	genLeaves = []string{
		`a`, `b`, `ba`, `.`, `[ab]`, `[^b]`, `\x{FFFD}`, `é`, `€`, `(?i:k)`, `(?i:σ)`, `\pL`,
		`\w`, `\s`, `\b`, `\B`, `^`, `$`, `(?m:^)`, `(?m:$)`, `(?s:.)`, ``,
	}
	genRepeats = []string{``, ``, ``, `*`, `+`, `?`, `*?`, `+?`, `??`, `{2}`, `{1,2}`, `{0,3}?`}
	genChunks  = []string{
		"a", "b", "ba", "é", "€", "\xff", "\xe2\x82", "\xed\xa0\x80", "\xef\xbf\xbd", "k", "\u212a",
		"σ", "ς", "Σ", "\n", " ", "_", "9",
	}
)

// genPattern returns a random pattern of nesting depth at most depth.
func genPattern(rng *rand.Rand, depth int) string {
	if depth == 0 || rng.IntN(3) == 0 {
		return genLeaves[rng.IntN(len(genLeaves))] + genRepeats[rng.IntN(len(genRepeats))]
	}
	var sb strings.Builder
	switch rng.IntN(4) {
	case 0:
		for range 2 + rng.IntN(2) {
			sb.WriteString(genPattern(rng, depth-1))
		}
	case 1:
		sb.WriteString(genPattern(rng, depth-1))
		for range 1 + rng.IntN(2) {
			sb.WriteString("|")
			sb.WriteString(genPattern(rng, depth-1))
		}
	case 2:
		sb.WriteString("(" + genPattern(rng, depth-1) + ")" + genRepeats[rng.IntN(len(genRepeats))])
	default:
		sb.WriteString("(?:" + genPattern(rng, depth-1) + ")" + genRepeats[rng.IntN(len(genRepeats))])
	}
	return sb.String()
}

// genInput returns a random input of a few chunks.
func genInput(rng *rand.Rand) string {
	var sb strings.Builder
	for range 1 + rng.IntN(6) {
		sb.WriteString(genChunks[rng.IntN(len(genChunks))])
	}
	return sb.String()
}

// TestWindow compares searches over a window [Start, End) of a larger
// haystack with the Pike VM: the standard library cannot end a search
// early, and assertions must still see the bytes outside the window.
func TestWindow(t *testing.T) {
	patterns := []string{`a+`, `a\b`, `\ba`, `^a`, `a$`, `(?m)^a`, `(?m)a$`, `€`, `.+`, `(a|ab)(b*)`, `\B`}
	hays := []string{"aab", "baab", "\na\n", "a€b", "x\xffa", "abab"}
	for _, p := range patterns {
		prog := testutil.Compile(t, p, syntax.Perl)
		b, vm := New(prog), pikevm.New(prog)
		c, vc := b.NewCache(), vm.NewCache()
		for _, h := range hays {
			for start := 0; start <= len(h); start++ {
				if !utf8.RuneStart(h[min(start, len(h)-1)]) && start < len(h) {
					continue
				}
				for end := start; end <= len(h); end++ {
					for _, longest := range []bool{false, true} {
						for _, anchored := range []bool{false, true} {
							in := &nfa.Input{Haystack: []byte(h), Start: start, End: end, Anchored: anchored}
							got, want := make([]int, 2*prog.NumCap), make([]int, 2*prog.NumCap)
							gotOK, wantOK := b.Search(c, in, longest, got), vm.Search(vc, in, longest, want)
							if gotOK != wantOK || gotOK && !slices.Equal(got, want) {
								t.Errorf("%#q on %+q [%d,%d) longest=%v anchored=%v: %v %v, Pike VM %v %v",
									p, h, start, end, longest, anchored, gotOK, got, wantOK, want)
							}
						}
					}
				}
			}
		}
	}
}

// TestMaxLen checks that MaxLen keeps the visited set within its budget,
// that a search of exactly MaxLen bytes runs and is right, and that a
// longer one is refused.
func TestMaxLen(t *testing.T) {
	prog := testutil.Compile(t, `(a|b)*c`, syntax.Perl)
	b := New(prog)
	n := b.MaxLen()
	if bits := len(prog.States) * (n + 1); bits > visitedBudget {
		t.Errorf("MaxLen %d needs %d bits, budget %d", n, bits, visitedBudget)
	}
	if bits := len(prog.States) * (n + 2); bits <= visitedBudget {
		t.Errorf("MaxLen %d is not the largest: %d bits still fit the budget %d", n, bits, visitedBudget)
	}
	s := strings.Repeat("ab", n/2) + "c"
	s = s[len(s)-n:]
	c := b.NewCache()
	if got, want := run(b, c, s, 0, false, false, 4), regexp.MustCompile(`(a|b)*c`).FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Errorf("search of MaxLen bytes: %v, want %v", got, want)
	}
	if words := cap(c.visited); words*64 > visitedBudget+63 {
		t.Errorf("visited set has %d words, over the budget", words)
	}
	defer func() {
		if recover() == nil {
			t.Error("a search longer than MaxLen did not panic")
		}
	}()
	run(b, c, s+"c", 0, false, false, 0)
}

// TestPathological runs patterns that make naive backtrackers take
// exponential time; the visited set must keep the answers right (and the
// search linear) on the longest input the budget allows.
func TestPathological(t *testing.T) {
	for _, p := range []string{`(a*)*b`, `(a|aa)+b`, `(a?){20}a{20}`, `(?:a+)+$`, `(x+x+)+y`} {
		prog := testutil.Compile(t, p, syntax.Perl)
		b := New(prog)
		n := min(b.MaxLen(), 2000)
		s := strings.Repeat("a", n)
		first, longest := stdBoth(p)
		c := b.NewCache()
		for _, mode := range []struct {
			longest bool
			std     *regexp.Regexp
		}{{false, first}, {true, longest}} {
			got := run(b, c, s, 0, false, mode.longest, 2*prog.NumCap)
			if want := mode.std.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
				t.Errorf("%#q longest=%v on %d a's: %v, want %v", p, mode.longest, n, got, want)
			}
		}
	}
}

// TestDeepAlternation needs the explicit stack: thousands of words make a
// Split chain thousands of states deep.
func TestDeepAlternation(t *testing.T) {
	words := make([]string, 3000)
	for i := range words {
		words[i] = fmt.Sprintf("(w%d)x", i)
	}
	p := strings.Join(words, "|")
	prog := testutil.Compile(t, p, syntax.Perl)
	b := New(prog)
	s := "w w2999x"
	if len(s) > b.MaxLen() {
		t.Fatalf("MaxLen %d too small for this test", b.MaxLen())
	}
	got := run(b, b.NewCache(), s, 0, false, false, 2*prog.NumCap)
	if want := regexp.MustCompile(p).FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestSlotsPastGroups checks that slots beyond the program's groups are
// set to -1.
func TestSlotsPastGroups(t *testing.T) {
	prog := testutil.Compile(t, `b(a)`, syntax.Perl)
	b := New(prog)
	slots := []int{7, 7, 7, 7, 7, 7}
	in := &nfa.Input{Haystack: []byte("xba"), End: 3}
	if !b.Search(b.NewCache(), in, false, slots) {
		t.Fatal("no match")
	}
	if want := []int{1, 3, 2, 3, -1, -1}; !slices.Equal(slots, want) {
		t.Errorf("slots %v, want %v", slots, want)
	}
}

// TestWarmCacheAllocs checks that searches with a warm cache allocate
// nothing, also when a later input is shorter than an earlier one.
func TestWarmCacheAllocs(t *testing.T) {
	prog := testutil.Compile(t, `(\pL+)\s+(\d+|x*)(?i:k)?`, syntax.Perl)
	b := New(prog)
	c := b.NewCache()
	long := &nfa.Input{Haystack: []byte("éé 123 wörld 42K zz"), End: 21}
	short := &nfa.Input{Haystack: []byte("ab 1"), End: 4}
	slots := make([]int, 2*prog.NumCap)
	b.Search(c, long, false, slots)
	b.Search(c, long, true, slots)
	allocs := testing.AllocsPerRun(20, func() {
		b.Search(c, long, false, slots)
		b.Search(c, short, true, slots)
		b.Search(c, long, true, slots[:2])
	})
	if allocs != 0 {
		t.Errorf("%v allocations per warm search, want 0", allocs)
	}
}
