package backtrack

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/pikevm"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// Tests and benchmarks of the lean search loop: the 16-byte job, the
// branches dropped because the next byte cannot start them, and the
// slots reset once per search.

// TestJobSize pins the size of a stack entry: the stack is the engine's
// working memory, and a short search spends much of its time pushing.
func TestJobSize(t *testing.T) {
	if n := unsafe.Sizeof(job{}); n != 16 {
		t.Errorf("a job takes %d bytes, want 16", n)
	}
}

// leanSearch searches s from start with every slot and returns them as
// FindSubmatchIndex would (nil for no match).
func leanSearch(b *Backtracker, c *Cache, s string, start int, anchored, longest bool, nslots int) []int {
	in := &nfa.Input{Haystack: []byte(s), Start: start, End: len(s), Anchored: anchored}
	slots := make([]int, nslots)
	if !b.Search(c, in, longest, slots) {
		return nil
	}
	return slots
}

// leanCompare checks the backtracker on pattern and each input,
// leftmost-first and leftmost-longest, with all slots, with bounds only
// and with none: against the standard library unanchored and anchored at
// 0, and against the Pike VM from every other rune boundary (where the
// standard library cannot be told what lies before the start, which
// assertions look at).
func leanCompare(t *testing.T, pattern string, inputs []string) {
	t.Helper()
	prog := testutil.Compile(t, pattern, syntax.Perl)
	b := New(prog)
	c := b.NewCache()
	vm := pikevm.New(prog)
	vc := vm.NewCache()
	first := regexp.MustCompile(pattern)
	longest := regexp.MustCompile(pattern)
	longest.Longest()
	anchored := regexp.MustCompile(`^(?:` + pattern + `)`)
	anchoredLongest := regexp.MustCompile(`^(?:` + pattern + `)`)
	anchoredLongest.Longest()
	check := func(s string, start int, isAnchored, longest bool, want []int) {
		t.Helper()
		for _, nslots := range []int{2 * prog.NumCap, 2, 0} {
			got := leanSearch(b, c, s, start, isAnchored, longest, nslots)
			w := want
			if w != nil {
				w = w[:nslots]
			}
			if !slices.Equal(got, w) {
				t.Errorf("%#q longest=%v anchored=%v on %q from %d, %d slots: %v, want %v",
					pattern, longest, isAnchored, s, start, nslots, got, w)
			}
		}
	}
	for _, s := range inputs {
		for _, mode := range []struct {
			longest    bool
			std, stdAt *regexp.Regexp
		}{{false, first, anchored}, {true, longest, anchoredLongest}} {
			check(s, 0, false, mode.longest, mode.std.FindStringSubmatchIndex(s))
			check(s, 0, true, mode.longest, mode.stdAt.FindStringSubmatchIndex(s))
			// Every rune boundary after 0, as the standard library
			// decodes (an invalid byte is one rune).
			for start := 0; start < len(s); {
				_, w := utf8.DecodeRuneInString(s[start:])
				start += w
				for _, isAnchored := range []bool{false, true} {
					in := &nfa.Input{Haystack: []byte(s), Start: start, End: len(s), Anchored: isAnchored}
					want := make([]int, 2*prog.NumCap)
					if !vm.Search(vc, in, mode.longest, want) {
						want = nil
					}
					check(s, start, isAnchored, mode.longest, want)
				}
			}
		}
	}
}

// TestLeanBranches runs patterns where a Split's branch is dropped
// because the next byte cannot start it: loops of a class followed by
// a class that overlaps it or not, alternations whose branches start
// with literals, captures and assertions in front of the first byte,
// and branches that consume an invalid byte.
func TestLeanBranches(t *testing.T) {
	inputs := []string{"", "a", "ab", "aab", "abc", "aaa", "b", "ba", "abab", "xaby", "a b", "ab\n", "\n", "\xffa", "a\xff", "é", "éa", "aé", "\xe2\x82", "123", "a1b2"}
	for _, p := range []string{
		`a*b`, `a*a`, `a*?b`, `a+?a`, `[a-c]*b`, `[^b]*b`, `\w+\s`, `\w*\b`, `a*$`, `(?m)a*$`, `a*\z`,
		`(a)|(b)`, `(a|ab)(c|bcd)(d*)`, `(?:x|a|ab|b)+`, `ab|a|b|`, `(a*)(b|abc)`, `(a?)((ab)?)(b?)`,
		`(?:(a)|b|(ab))*`, `(\w+)(\s*)(\d*)`, `.*b`, `(?s).*?b`, `[\x{FFFD}a]+`, `\x{FFFD}|a`, `(?:é|a)+`,
		`\ba|a\b|\Bb`, `()a`, `(|a)*`, `(a*)+b`, `(a|b)*?c|b`, `x*y*z*`,
	} {
		leanCompare(t, p, inputs)
	}
}

// TestLeanGenerated compares random patterns over a small alphabet, where
// branches that cannot start at the next byte come up all the time.
func TestLeanGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 2026))
	atoms := []string{"a", "b", "ab", "[ab]", "[^a]", ".", `\b`, "$", "^", "(a)", "(b|)", "é", `\x{FFFD}`}
	ops := []string{"", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,2}"}
	var gen func(depth int) string
	gen = func(depth int) string {
		if depth == 0 || rng.IntN(3) == 0 {
			return atoms[rng.IntN(len(atoms))] + ops[rng.IntN(len(ops))]
		}
		var sb strings.Builder
		switch rng.IntN(3) {
		case 0:
			sb.WriteString(gen(depth-1) + gen(depth-1))
		case 1:
			sb.WriteString(gen(depth-1) + "|" + gen(depth-1))
		default:
			sb.WriteString("(" + gen(depth-1) + ")" + ops[rng.IntN(len(ops))])
		}
		return sb.String()
	}
	letters := []string{"a", "b", "é", "\xff", " ", "\n"}
	n := 300
	if testing.Short() {
		n = 100
	}
	for range n {
		p := gen(3)
		var inputs []string
		for range 4 {
			var sb strings.Builder
			for range rng.IntN(7) {
				sb.WriteString(letters[rng.IntN(len(letters))])
			}
			inputs = append(inputs, sb.String())
		}
		leanCompare(t, p, inputs)
	}
}

// leanBenchmarks are short anchored searches with groups, the searches
// the backtracker runs for the regexp package, and a few unanchored ones.
var leanBenchmarks = []struct {
	name, pattern, text string
	anchored            bool
}{
	{"apacheLog", `(\S+) (\S+) (\S+) \[([^\]]+)\] "(\S+) (\S+) (\S+)" (\d{3}) (\d+|-)`,
		`203.0.113.42 - frank [10/Oct/2023:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326`, true},
	{"headerFold", `(?i)content-type:\s*([a-z]+/[a-z0-9.+-]+)(?:;\s*charset=([a-z0-9-]+))?`,
		"Content-Type: text/html; charset=UTF-8", true},
	{"semver", `v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$`,
		"v1.22.3-rc.1+build.5", true},
	{"route", `/api/v(\d+)/users/([^/]+)/posts/(\d+)$`, "/api/v2/users/alice/posts/12345", true},
	{"ipv4", `(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$`, "192.168.100.254", true},
	{"words", `(\w+)\s+(\w+)`, "  --  quick brown fox", false},
	{"letters", `(\pL+)\s+(\pL+)`, "  12  Шерлок Холмс", false},
	{"altStar", `(a|b|c|d)*e`, "abcdabcdabcdabcdabcdabcde", true},
}

// BenchmarkLean measures one warm search with every slot per iteration.
func BenchmarkLean(b *testing.B) {
	for _, bm := range leanBenchmarks {
		b.Run(bm.name, func(b *testing.B) {
			prog := testutil.Compile(b, bm.pattern, syntax.Perl)
			bt := New(prog)
			c := bt.NewCache()
			in := &nfa.Input{Haystack: []byte(bm.text), End: len(bm.text), Anchored: bm.anchored}
			slots := make([]int, 2*prog.NumCap)
			if !bt.Search(c, in, false, slots) {
				b.Fatal("no match")
			}
			b.SetBytes(int64(len(bm.text)))
			b.ReportAllocs()
			for b.Loop() {
				bt.Search(c, in, false, slots)
			}
		})
	}
}
