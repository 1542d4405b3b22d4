package pikevm

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// trickyPatterns exercise preference order, empty loops, captures that
// repeat, assertions, case folding and classes that cover U+FFFD.
var trickyPatterns = []string{
	`a+b`, `a*?b`, `(a|ab)(c|bcd)(d*)`, `(a*)*`, `(a*)+`, `(a*|b)*`, `(a|b)*?c`,
	`(?:a*)*`, `(a?)*?b`, `(|a)*`, `(|a)+`, `(a|)*`, `(a+|b+)*`, `((a)|b)+`,
	`(a){2,4}`, `(a){0}b`, `x{2,5}`, `(?:(a)|(b)){1,3}`, `(a*)+$`, `(a*)*$`,
	`^`, `$`, `^$`, `(?m)^a$`, `(?m:$)`, `\b`, `\B`, `\bé`, `a\b`, `\Ba`,
	`.`, `.*`, `(?s).*`, `[^a]`, `[^a]+`, `\x{FFFD}`, `\x{FFFD}+`, `\xff`, `\x{D800}`,
	`(?i)k`, `(?i)K+`, `(?i)s`, `(?i)ſ`, `(?i)σ`, `(?i)Σ+`, `(?i)[k-m]+`, `[α-ω]+`,
	`\pL+`, `\p{Greek}+`, `\PL`, `[\x{80}-\x{10FFFF}]+`, `€`, `(€|\x{FFFD})+`,
	`a|ab|abc`, `abc|ab|a`, `(a|ab|abc)*`, `(ab|a)(bc|c)?`, `(a+)(b+)?`, `(.*)(.*)`,
	`(.*?)(.*)`, `(a)|b`, `(a)|(b)`, `(?U)a+`, `(?U)(a+?)`, `x*`, `x+?y`, `\Ax`, `x\z`,
	`(?:)`, `()`, `(?:a|(b))+`, `[a-c]*[b-d]`, `(?i)straße`, `日本|日`,
	`(?:foo|foobar|bar)+`, `(a*)(a*)`, `(a*?)(a*)`, `(a|b|c|d|e)*e`,
}

// trickyInputs mix ASCII, multi-byte runes, invalid and truncated UTF-8,
// newlines, folding partners and the empty string.
var trickyInputs = []string{
	"", "a", "b", "ab", "aab", "abcd", "aaaa", "xaaay", "ba", "abab", "c", "cab",
	"\xe2\x82A", "€", "\xed\xa0\x80", "\xc0\x80", "\xf4\x90\x80\x80", "\xff", "\xef\xbf\xbd",
	"\xffa", "a\xffb", "é", "éa", "a\nb", "\na\n", "K", "k", "\u212a", "\u212aK",
	"s", "S", "ſ", "σςΣ", "αβγ", "hello wörld", "日本語", "straSSe", "STRAßE",
	"foobarfoo", "xxxxx", "abcde", "\x80", "a\xe2\x82", "e\u0301", "aaab", "bbb",
}

// stdRegexps returns the standard library's matchers for pattern in
// leftmost-first and leftmost-longest mode.
func stdRegexps(t *testing.T, pattern string) (first, longest *regexp.Regexp) {
	t.Helper()
	first = regexp.MustCompile(pattern)
	longest = regexp.MustCompile(pattern)
	longest.Longest()
	return first, longest
}

// search runs our VM with nslots slots from start and returns the slots
// in the shape FindSubmatchIndex uses (nil for no match).
func search(vm *VM, c *Cache, s string, start int, anchored, longest bool, nslots int) []int {
	slots := make([]int, nslots)
	in := &nfa.Input{Haystack: []byte(s), Start: start, End: len(s), Anchored: anchored}
	if !vm.Search(c, in, longest, slots) {
		return nil
	}
	return slots
}

// check compares our VM with the standard library on one pattern and
// input, in both modes (a nil matcher skips its mode) and with every slot
// count.
func check(t *testing.T, pattern string, flags syntax.Flags, first, longest *regexp.Regexp, inputs []string) {
	t.Helper()
	prog := testutil.Compile(t, pattern, flags)
	vm := New(prog)
	c := vm.NewCache()
	for _, s := range inputs {
		for _, mode := range []struct {
			longest bool
			std     *regexp.Regexp
		}{{false, first}, {true, longest}} {
			if mode.std == nil {
				continue
			}
			want := mode.std.FindStringSubmatchIndex(s)
			got := search(vm, c, s, 0, false, mode.longest, 2*prog.NumCap)
			if !slices.Equal(got, want) {
				t.Errorf("%#q longest=%v on %+q: submatches %v, want %v", pattern, mode.longest, s, got, want)
				continue
			}
			var wantBounds []int
			if want != nil {
				wantBounds = want[:2]
			}
			if got := search(vm, c, s, 0, false, mode.longest, 2); !slices.Equal(got, wantBounds) {
				t.Errorf("%#q longest=%v on %+q: bounds %v, want %v", pattern, mode.longest, s, got, wantBounds)
			}
			if got := search(vm, c, s, 0, false, mode.longest, 0) != nil; got != (want != nil) {
				t.Errorf("%#q longest=%v on %+q: matched %v, want %v", pattern, mode.longest, s, got, want != nil)
			}
			// Anchored at 0 must agree with the unanchored result when
			// that starts at 0, and find nothing else.
			anch := search(vm, c, s, 0, true, mode.longest, 2*prog.NumCap)
			if want != nil && want[0] == 0 && !slices.Equal(anch, want) {
				t.Errorf("%#q longest=%v anchored on %+q: %v, want %v", pattern, mode.longest, s, anch, want)
			}
			if anch != nil && anch[0] != 0 {
				t.Errorf("%#q anchored on %+q: match at %v", pattern, s, anch)
			}
		}
		// Every later match: searching from where the standard library's
		// FindAll loop searches from tests Start > 0 with context.
		for _, mode := range []struct {
			longest bool
			std     *regexp.Regexp
		}{{false, first}, {true, longest}} {
			if mode.std == nil {
				continue
			}
			want := mode.std.FindAllStringSubmatchIndex(s, -1)
			got := findAll(vm, c, s, mode.longest, 2*prog.NumCap)
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%#q longest=%v on %+q: all %v, want %v", pattern, mode.longest, s, got, want)
			}
		}
	}
}

// findAll lists successive non-overlapping matches the way the standard
// library's FindAll methods do: after an empty match the search moves on
// by one rune, and an empty match right after a match is dropped.
func findAll(vm *VM, c *Cache, s string, longest bool, nslots int) [][]int {
	var out [][]int
	prevEnd := -1
	for pos := 0; pos <= len(s); {
		m := search(vm, c, s, pos, false, longest, nslots)
		if m == nil {
			break
		}
		accept := true
		if m[1] == m[0] {
			if m[0] == prevEnd {
				accept = false
			}
			if pos < len(s) {
				_, w := utf8.DecodeRuneInString(s[pos:])
				pos += w
			} else {
				pos++
			}
		} else {
			pos = m[1]
		}
		prevEnd = m[1]
		if accept {
			out = append(out, m)
		}
	}
	return out
}

func TestTricky(t *testing.T) {
	for _, p := range trickyPatterns {
		first, longest := stdRegexps(t, p)
		check(t, p, syntax.Perl, first, longest, trickyInputs)
	}
}

// posixPatterns are valid POSIX syntax, compared against CompilePOSIX.
var posixPatterns = []string{
	`a+b`, `(a|ab)(c|bcd)(d*)`, `(a*)*`, `(a|b)*c`, `(a+|b+)*`, `(.*)(.*)`,
	`a|ab|abc`, `(a|ab)(bc|c)`, `^a$`, `.`, `[^a]`, `(a*)+$`, `x{2,5}`, `(a){2,4}`,
}

func TestPOSIX(t *testing.T) {
	for _, p := range posixPatterns {
		std := regexp.MustCompilePOSIX(p)
		check(t, p, syntax.POSIX, nil, std, trickyInputs)
	}
}

// TestGoSemantics checks every row of the project's table of Go corners
// (shared/notes/go-semantics.md), as FindAllStringIndex reports them.
func TestGoSemantics(t *testing.T) {
	tests := []struct {
		pattern, input string
		want           [][]int
	}{
		{`.`, "\xe2\x82A", [][]int{{0, 1}, {1, 2}, {2, 3}}},
		{`.`, "€", [][]int{{0, 3}}},
		{`.`, "\xed\xa0\x80", [][]int{{0, 1}, {1, 2}, {2, 3}}},
		{`.`, "\xc0\x80", [][]int{{0, 1}, {1, 2}}},
		{`.`, "\xf4\x90\x80\x80", [][]int{{0, 1}, {1, 2}, {2, 3}, {3, 4}}},
		{`[^a]`, "\xff", [][]int{{0, 1}}},
		{`\x{FFFD}`, "\xff", [][]int{{0, 1}}},
		{"\uFFFD", "\xff", [][]int{{0, 1}}},
		{`\x{FFFD}`, "\xef\xbf\xbd", [][]int{{0, 3}}},
		{`\xff`, "\xff", nil},
		{`\x{D800}`, "\xed\xa0\x80", nil},
		{`(?i)k`, "\u212a", [][]int{{0, 3}}},
		{`\b`, "é", nil},
		{`a*`, "\xffa", [][]int{{0, 0}, {1, 2}}},
		{`^`, "\xff", [][]int{{0, 0}}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%+q", tt.pattern, tt.input), func(t *testing.T) {
			prog := testutil.Compile(t, tt.pattern, syntax.Perl)
			vm := New(prog)
			got := findAll(vm, vm.NewCache(), tt.input, false, 2)
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			// The table itself must still describe the standard library.
			if std := regexp.MustCompile(tt.pattern).FindAllStringIndex(tt.input, -1); !slices.EqualFunc(std, tt.want, slices.Equal) {
				t.Errorf("standard library gives %v, table says %v", std, tt.want)
			}
		})
	}
}

// TestGenerated compares random patterns on random inputs.
func TestGenerated(t *testing.T) {
	n := 1500
	if testing.Short() {
		n = 300
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range n {
		p := randomPattern(rng, 3)
		first, err := regexp.Compile(p)
		if err != nil {
			continue
		}
		longest := regexp.MustCompile(p)
		longest.Longest()
		inputs := make([]string, 8)
		for i := range inputs {
			inputs[i] = randomInput(rng)
		}
		check(t, p, syntax.Perl, first, longest, inputs)
		if t.Failed() {
			return
		}
	}
}

var (
	genAtoms = []string{
		`a`, `b`, `ab`, `.`, `[ab]`, `[^a]`, `\x{FFFD}`, `é`, `(?i:k)`, `(?i:s)`, `(?i:σ)`,
		`\b`, `\B`, `^`, `$`, `(?m:^)`, `(?m:$)`, `\pL`, `\d`, `[^\n]`, `(?s:.)`, `€`, ``,
	}
	genOps    = []string{``, ``, `*`, `+`, `?`, `*?`, `+?`, `??`, `{1,3}`, `{2}`, `{0,2}?`}
	genPieces = []string{
		"a", "b", "ab", "é", "\xff", "\xe2\x82", "€", "K", "k", "\u212a", "\n", " ",
		"σ", "Σ", "ς", "ſ", "s", "1", "\xed\xa0\x80", "\xef\xbf\xbd",
	}
)

func randomPattern(rng *rand.Rand, depth int) string {
	if depth == 0 || rng.IntN(3) == 0 {
		return genAtoms[rng.IntN(len(genAtoms))] + genOps[rng.IntN(len(genOps))]
	}
	var b strings.Builder
	switch rng.IntN(4) {
	case 0: // concatenation
		for range 1 + rng.IntN(3) {
			b.WriteString(randomPattern(rng, depth-1))
		}
	case 1: // alternation
		b.WriteString(randomPattern(rng, depth-1))
		for range 1 + rng.IntN(2) {
			b.WriteString("|" + randomPattern(rng, depth-1))
		}
	case 2: // capture
		b.WriteString("(" + randomPattern(rng, depth-1) + ")" + genOps[rng.IntN(len(genOps))])
	default: // group
		b.WriteString("(?:" + randomPattern(rng, depth-1) + ")" + genOps[rng.IntN(len(genOps))])
	}
	return b.String()
}

func randomInput(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(7) {
		b.WriteString(genPieces[rng.IntN(len(genPieces))])
	}
	return b.String()
}

// TestDeepAlternation needs the explicit closure stack: thousands of
// words make a Split chain thousands of states deep.
func TestDeepAlternation(t *testing.T) {
	words := make([]string, 5000)
	for i := range words {
		words[i] = fmt.Sprintf("w%dx", i)
	}
	p := strings.Join(words, "|")
	prog := testutil.Compile(t, p, syntax.Perl)
	vm := New(prog)
	s := "zz w4999x w12x"
	got := search(vm, vm.NewCache(), s, 0, false, false, 2)
	want := regexp.MustCompile(p).FindStringIndex(s)
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestEnd checks that matches stay inside [Start, End) while assertions
// still see the bytes beyond End.
func TestEnd(t *testing.T) {
	tests := []struct {
		pattern string
		s       string
		start   int
		end     int
		want    []int
	}{
		{`a+`, "aaaa", 0, 2, []int{0, 2}},
		{`a+`, "xaaa", 1, 3, []int{1, 3}},
		{`a\b`, "aab", 0, 2, nil}, // after End comes b: no boundary
		{`a$`, "aa", 0, 1, nil},   // $ looks at the whole haystack
		{`\ba`, "ba", 1, 2, nil},  // before Start comes b: no boundary
		{`^a`, "aa", 1, 2, nil},   // ^ is the start of the haystack
		{`a`, "ba", 0, 1, nil},    // the only a lies past End
		{`€`, "x€", 1, 3, nil},    // a rune cut by End cannot match
		{`(?m)^a`, "\na", 1, 2, []int{1, 2}},
	}
	for _, tt := range tests {
		prog := testutil.Compile(t, tt.pattern, syntax.Perl)
		vm := New(prog)
		slots := make([]int, 2)
		in := &nfa.Input{Haystack: []byte(tt.s), Start: tt.start, End: tt.end}
		var got []int
		if vm.Search(vm.NewCache(), in, false, slots) {
			got = slots
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%#q on %+q [%d,%d): %v, want %v", tt.pattern, tt.s, tt.start, tt.end, got, tt.want)
		}
	}
}

// TestSlotsPastGroups checks that slots beyond the program's groups are
// set to -1.
func TestSlotsPastGroups(t *testing.T) {
	prog := testutil.Compile(t, `(a)`, syntax.Perl)
	vm := New(prog)
	slots := []int{9, 9, 9, 9, 9, 9}
	in := &nfa.Input{Haystack: []byte("a"), End: 1}
	if !vm.Search(vm.NewCache(), in, false, slots) {
		t.Fatal("no match")
	}
	if want := []int{0, 1, 0, 1, -1, -1}; !slices.Equal(slots, want) {
		t.Errorf("slots %v, want %v", slots, want)
	}
}

// TestWarmCacheAllocs checks that a search with a warm cache allocates
// nothing.
func TestWarmCacheAllocs(t *testing.T) {
	prog := testutil.Compile(t, `(\pL+)\s+(\d+|x*)(?i:k)?`, syntax.Perl)
	vm := New(prog)
	c := vm.NewCache()
	in := &nfa.Input{Haystack: []byte("éé 123 wörld 42K"), End: 17}
	slots := make([]int, 2*prog.NumCap)
	vm.Search(c, in, false, slots)
	vm.Search(c, in, true, slots)
	allocs := testing.AllocsPerRun(20, func() {
		vm.Search(c, in, false, slots)
		vm.Search(c, in, true, slots)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per warm search, want 0", allocs)
	}
}
