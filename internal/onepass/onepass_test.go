package onepass

import (
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

// TestIsOnePass lists programs that must be accepted and programs that
// must be rejected, with the reason.
func TestIsOnePass(t *testing.T) {
	tests := []struct {
		pattern string
		want    bool
		why     string
	}{
		{`^abc$`, true, "a plain literal"},
		{`^(\w+)@(\w+)\.com$`, true, "@ and . end the loops they follow"},
		{`^a*$`, true, "the loop and $ never compete for a byte"},
		{`^a*?`, true, "Match outranks the loop, which the scan honours"},
		{`^(a|b)*c`, true, "three distinct bytes"},
		{`^\d{3}-\d{4}$`, true, "counted repetition of a class"},
		{`^(?:ab|cd)$`, true, "distinct first bytes"},
		{`^(?:é|è)x`, true, "the parser makes a class, one UTF-8 trie"},
		{`^.*$`, true, "the trie of . and its InvalidByte state are disjoint"},
		{`^(?:$|a)`, true, "an assertion before Match"},
		{`^[^a]+a`, true, "a class and its complement"},
		{`^(?i)k+`, true, "a fold orbit is one class"},
		{`^(?:a|\x{FFFD})b`, true, "ASCII and the encoding of U+FFFD"},
		{`(?m)^x\n^y$`, true, "multi-line assertions on one path"},
		{`^(a+)(a+)`, false, "both loops take a"},
		{`^(?:a*)a`, false, "the loop and the next a compete"},
		{`^(?:éa|èb)`, false, "é and è share their first byte"},
		{`^(?:.x|\xffy)`, false, ". and U+00FF share the byte c3"},
		{`^(?:(a)|(a)b)`, false, "two alternatives begin with a"},
		{`^(?:\b|\B)a`, false, "two paths reach the same state"},
		{`^(?:\b)*a`, false, "an empty loop reaches its state again"},
		{`^(a|ab)(c|bcd)`, false, "b both continues ab and begins bcd"},
		{`ab|b|ac`, false, "a first byte in two alternatives"},
	}
	for _, tt := range tests {
		prog := testutil.Compile(t, tt.pattern, syntax.Perl)
		if got := New(prog) != nil; got != tt.want {
			t.Errorf("%#q: one-pass %v, want %v (%s)", tt.pattern, got, tt.want, tt.why)
		}
	}
}

// run searches s from start with nslots slots and returns them as
// FindSubmatchIndex would (nil for no match).
func run(e *OnePass, c *Cache, s string, start int, longest bool, nslots int) []int {
	in := &nfa.Input{Haystack: []byte(s), Start: start, End: len(s), Anchored: true}
	slots := make([]int, nslots)
	if !e.Search(c, in, longest, slots) {
		return nil
	}
	return slots
}

// compare checks an accepted pattern against the standard library in
// both modes, with every slot count, and against the Pike VM from every
// later rune boundary. The search is anchored at 0, so it must find the
// standard library's match when that starts at 0, and nothing otherwise
// (a leftmost match further on means there is none at 0).
func compare(t *testing.T, pattern string, flags syntax.Flags, first, longest *regexp.Regexp, inputs []string) {
	t.Helper()
	prog := testutil.Compile(t, pattern, flags)
	e := New(prog)
	if e == nil {
		t.Fatalf("%#q is not one-pass", pattern)
	}
	c := e.NewCache()
	vm := pikevm.New(prog)
	vc := vm.NewCache()
	nslots := 2 * prog.NumCap
	for _, s := range inputs {
		for _, mode := range []struct {
			longest bool
			std     *regexp.Regexp
		}{{false, first}, {true, longest}} {
			if mode.std == nil {
				continue
			}
			want := mode.std.FindStringSubmatchIndex(s)
			if want != nil && want[0] != 0 {
				want = nil
			}
			if got := run(e, c, s, 0, mode.longest, nslots); !slices.Equal(got, want) {
				t.Errorf("%#q longest=%v on %+q: submatches %v, want %v", pattern, mode.longest, s, got, want)
				continue
			}
			var wantBounds []int
			if want != nil {
				wantBounds = want[:2]
			}
			if got := run(e, c, s, 0, mode.longest, 2); !slices.Equal(got, wantBounds) {
				t.Errorf("%#q longest=%v on %+q: bounds %v, want %v", pattern, mode.longest, s, got, wantBounds)
			}
			if got := run(e, c, s, 0, mode.longest, 0) != nil; got != (want != nil) {
				t.Errorf("%#q longest=%v on %+q: matched %v, want %v", pattern, mode.longest, s, got, want != nil)
			}
			for start := 1; start <= len(s); start++ {
				if start < len(s) && !utf8.RuneStart(s[start]) {
					continue
				}
				in := &nfa.Input{Haystack: []byte(s), Start: start, End: len(s), Anchored: true}
				wantAt := make([]int, nslots)
				if !vm.Search(vc, in, mode.longest, wantAt) {
					wantAt = nil
				}
				if got := run(e, c, s, start, mode.longest, nslots); !slices.Equal(got, wantAt) {
					t.Errorf("%#q longest=%v on %+q from %d: %v, Pike VM %v", pattern, mode.longest, s, start, got, wantAt)
				}
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

// onePassPatterns are accepted patterns where the two modes, captures
// that repeat or stay unset, assertions and invalid UTF-8 matter.
var onePassPatterns = []string{
	`^abc`, `^(\w+)@(\w+)\.com$`, `^a*`, `^a*?`, `^(a*?)b`, `^(a)*`, `^(a|b)*?c`, `^(?:(a)|(b))+`,
	`^(a)?(b)?c`, `^(a)??b`, `^(\d+)(?:\.(\d+))?$`, `^(.*)$`, `^(?s)(.*)`, `^([^x]*)x(.*)`,
	`^(?:$|a)`, `^a\b`, `^a\B`, `^(?m)a$`, `^(?:\x{FFFD})+`, `^(\x{FFFD}|a)+b`, `^(é|ü)+`,
	`^[α-ω]+(x)?`, `^(?i)(k+)(s*)`, `^€(\pL*)`, `^(a){2}(b){1,2}?`, `^x{0,3}?y?`, `^`, `^$`,
	`^()`, `^(?:a(b)?)*`, `\A(ab)*\z`, `^([ab]*)c`, `^(?U)(a+)b`,
}

// onePassInputs hold ASCII, multi-byte runes, invalid and truncated
// UTF-8, newlines and the empty string.
var onePassInputs = []string{
	"", "a", "aa", "aaab", "abc", "abab", "bc", "abcabc", "c", "x", "xax", "axb",
	"bob@example.com", "bob@example.com!", "a@b.co", "12.5", "12.", "7",
	"é", "éüé", "\xff", "\xffa", "\xff\xffb", "\xef\xbf\xbda", "\xe2\x82", "€", "€ab", "€\xff",
	"αβγx", "αβ\xce", "Kks", "\u212ak", "a\nb", "a\n", "\n", "a b", "ab!",
}

func TestOnePass(t *testing.T) {
	for _, p := range onePassPatterns {
		first, longest := stdBoth(p)
		compare(t, p, syntax.Perl, first, longest, onePassInputs)
	}
}

// TestPOSIX runs POSIX patterns in leftmost-longest mode. POSIX syntax has
// no \A and its ^ matches after every newline, so these are anchored
// searches of patterns that may also match further on.
func TestPOSIX(t *testing.T) {
	for _, p := range []string{`^(a*)b`, `^(a|b)*c`, `^([^x]*)x(.*)$`, `^(ab)*`, `^a*`} {
		if prog := testutil.Compile(t, p, syntax.POSIX); New(prog) == nil {
			t.Errorf("%#q is not one-pass", p)
			continue
		}
		compare(t, p, syntax.POSIX, nil, regexp.MustCompilePOSIX(p), onePassInputs)
	}
}

// TestModes spells out cases where leftmost-first and leftmost-longest
// differ on a one-pass program; the table is also checked against the
// standard library itself.
func TestModes(t *testing.T) {
	tests := []struct {
		pattern, input string
		first, longest []int
	}{
		{`^(a*?)`, "aaa", []int{0, 0, 0, 0}, []int{0, 3, 0, 3}},
		{`^(a)*?`, "aa", []int{0, 0, -1, -1}, []int{0, 2, 1, 2}},
		{`^a(b)??`, "ab", []int{0, 1, -1, -1}, []int{0, 2, 1, 2}},
		{`^(?U)(a+)`, "aaa", []int{0, 1, 0, 1}, []int{0, 3, 0, 3}},
		{`^(a+)b`, "aaac", nil, nil},
		{`^(a*)(?:x|$)`, "aax", []int{0, 3, 0, 2}, []int{0, 3, 0, 2}},
	}
	for _, tt := range tests {
		prog := testutil.Compile(t, tt.pattern, syntax.Perl)
		e := New(prog)
		if e == nil {
			t.Errorf("%#q is not one-pass", tt.pattern)
			continue
		}
		c := e.NewCache()
		first, longest := stdBoth(tt.pattern)
		for _, mode := range []struct {
			longest bool
			want    []int
			std     *regexp.Regexp
		}{{false, tt.first, first}, {true, tt.longest, longest}} {
			if got := run(e, c, tt.input, 0, mode.longest, 2*prog.NumCap); !slices.Equal(got, mode.want) {
				t.Errorf("%#q longest=%v on %+q: %v, want %v", tt.pattern, mode.longest, tt.input, got, mode.want)
			}
			if std := mode.std.FindStringSubmatchIndex(tt.input); !slices.Equal(std, mode.want) {
				t.Errorf("%#q longest=%v on %+q: the standard library gives %v, the table %v", tt.pattern, mode.longest, tt.input, std, mode.want)
			}
		}
	}
}

// TestGenerated compares random patterns beginning with \A that New
// accepts, and checks that a fair share of them is accepted.
func TestGenerated(t *testing.T) {
	n := 4000
	if testing.Short() {
		n = 800
	}
	rng := rand.New(rand.NewPCG(3, 5))
	accepted := 0
	for range n {
		p := "^(?:" + genPattern(rng, 3) + ")"
		first, err := regexp.Compile(p)
		if err != nil {
			continue
		}
		if New(testutil.Compile(t, p, syntax.Perl)) == nil {
			continue
		}
		accepted++
		longest := regexp.MustCompile(p)
		longest.Longest()
		inputs := []string{""}
		for range 8 {
			inputs = append(inputs, genInput(rng))
		}
		compare(t, p, syntax.Perl, first, longest, inputs)
		if t.Failed() {
			return
		}
	}
	t.Logf("%d of %d generated patterns are one-pass", accepted, n)
	if accepted < n/10 {
		t.Errorf("only %d of %d generated patterns are one-pass", accepted, n)
	}
}

var (
	genLeaves = []string{
		`a`, `b`, `ab`, `.`, `[ab]`, `[^a]`, `\x{FFFD}`, `é`, `€`, `(?i:k)`, `\pL`, `\d`,
		`\b`, `\B`, `$`, `(?m:$)`, `(?m:^)`, `\n`, `x`, `-`,
	}
	genRepeats = []string{``, ``, ``, `*`, `+`, `?`, `*?`, `??`, `{2}`, `{1,2}`}
	genChunks  = []string{
		"a", "b", "ab", "x", "-", "é", "€", "\xff", "\xe2\x82", "\xef\xbf\xbd", "k", "\u212a", "\n", "7",
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
		sb.WriteString(genPattern(rng, depth-1) + "|" + genPattern(rng, depth-1))
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
	for range rng.IntN(7) {
		sb.WriteString(genChunks[rng.IntN(len(genChunks))])
	}
	return sb.String()
}

// TestAnchoredSearch checks programs without \A run as anchored searches
// against the Pike VM, from every rune boundary and with windows that end
// early, where assertions still see the bytes outside the window.
func TestAnchoredSearch(t *testing.T) {
	patterns := []string{`(a+)(b)?`, `a\b`, `\ba`, `a$`, `(?m)a$`, `€+`, `(.)(x)?`, `(a*?)b`, `a*`}
	hays := []string{"aab", "baab", "\na\n", "a€€b", "x\xffax", "abab", "a"}
	for _, p := range patterns {
		prog := testutil.Compile(t, p, syntax.Perl)
		e, vm := New(prog), pikevm.New(prog)
		if e == nil {
			t.Errorf("%#q is not one-pass", p)
			continue
		}
		c, vc := e.NewCache(), vm.NewCache()
		for _, h := range hays {
			for start := 0; start <= len(h); start++ {
				if start < len(h) && !utf8.RuneStart(h[start]) {
					continue
				}
				for end := start; end <= len(h); end++ {
					for _, longest := range []bool{false, true} {
						in := &nfa.Input{Haystack: []byte(h), Start: start, End: end, Anchored: true}
						got, want := make([]int, 2*prog.NumCap), make([]int, 2*prog.NumCap)
						gotOK, wantOK := e.Search(c, in, longest, got), vm.Search(vc, in, longest, want)
						if gotOK != wantOK || gotOK && !slices.Equal(got, want) {
							t.Errorf("%#q on %+q [%d,%d) longest=%v: %v %v, Pike VM %v %v",
								p, h, start, end, longest, gotOK, got, wantOK, want)
						}
					}
				}
			}
		}
	}
}

// TestSlotsPastGroups checks that slots beyond the program's groups are
// set to -1.
func TestSlotsPastGroups(t *testing.T) {
	prog := testutil.Compile(t, `^b(a)`, syntax.Perl)
	e := New(prog)
	slots := []int{7, 7, 7, 7, 7, 7}
	in := &nfa.Input{Haystack: []byte("bax"), End: 3}
	if !e.Search(e.NewCache(), in, false, slots) {
		t.Fatal("no match")
	}
	if want := []int{0, 2, 1, 2, -1, -1}; !slices.Equal(slots, want) {
		t.Errorf("slots %v, want %v", slots, want)
	}
}

// TestWarmCacheAllocs checks that searches with a warm cache allocate
// nothing.
func TestWarmCacheAllocs(t *testing.T) {
	prog := testutil.Compile(t, `^(\pL+)\s+(\d+|x*)(?i:k)?\b`, syntax.Perl)
	e := New(prog)
	if e == nil {
		t.Fatal("not one-pass")
	}
	c := e.NewCache()
	in := &nfa.Input{Haystack: []byte("éé 123K wörld"), End: 14}
	slots := make([]int, 2*prog.NumCap)
	allocs := testing.AllocsPerRun(20, func() {
		e.Search(c, in, false, slots)
		e.Search(c, in, true, slots[:2])
		e.Search(c, in, true, nil)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per warm search, want 0", allocs)
	}
}
