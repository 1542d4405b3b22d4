package literal

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// randomPattern builds a small pattern from pieces chosen to exercise
// extraction: multi-byte runes, fold orbits, classes with and without
// U+FFFD, assertions and every repetition operator.
func randomPattern(r *rand.Rand, depth int) string {
	atoms := []string{
		`a`, `b`, `ab`, `foo`, `bar`, `k`, `s`, `σ`, `é`, `€`, `x`,
		`[ab]`, `[a-c]`, `[^a]`, `.`, `\x{FFFD}`, `\w`, `\s`, `[éa]`,
		`(?i:k)`, `(?i:st)`, `(?i:σa)`, `(?i:foo)`, `\b`, `^`, `$`, `(?m:^)`, `(?:)`,
	}
	if depth <= 0 || r.IntN(3) == 0 {
		return atoms[r.IntN(len(atoms))]
	}
	switch r.IntN(9) {
	case 0, 1, 2:
		n := 2 + r.IntN(3)
		parts := make([]string, n)
		for i := range parts {
			parts[i] = randomPattern(r, depth-1)
		}
		return strings.Join(parts, "")
	case 3, 4:
		n := 2 + r.IntN(3)
		parts := make([]string, n)
		for i := range parts {
			parts[i] = randomPattern(r, depth-1)
		}
		return "(?:" + strings.Join(parts, "|") + ")"
	case 5:
		return "(" + randomPattern(r, depth-1) + ")"
	default:
		ops := []string{`*`, `+`, `?`, `*?`, `+?`, `??`, `{2}`, `{1,3}`, `{0,2}`, `{2,}`, `{0}`}
		return "(?:" + randomPattern(r, depth-1) + ")" + ops[r.IntN(len(ops))]
	}
}

// randomInput builds a haystack from pieces that the patterns mention,
// their case variants, and invalid or truncated UTF-8.
func randomInput(r *rand.Rand) []byte {
	pieces := []string{
		"a", "b", "c", "k", "K", "\u212a", "s", "S", "ſ", "t", "T", "σ", "ς", "Σ",
		"é", "€", "\xff", "\xe2\x82", "\xef\xbf\xbd", "\n", " ", "x", "ab", "foo", "FoO", "bar",
	}
	var b []byte
	for range r.IntN(24) {
		b = append(b, pieces[r.IntN(len(pieces))]...)
	}
	return b
}

// TestSoundness checks the promises of extraction against the standard
// library's matches: every match starts with a prefix literal, ends with a
// suffix literal and contains an inner literal; exact literals are matches;
// prefilters never skip a match; and pure literal answers are the standard
// library's.
func TestSoundness(t *testing.T) {
	patterns, inputs := 3000, 40
	if testing.Short() {
		patterns = 600
	}
	r := rand.New(rand.NewPCG(1, 2))
	var finite, prefilters, matchers, matches int
	defer func() {
		t.Logf("%d patterns: %d finite prefix sets, %d prefilters, %d pure literal matchers, %d matches checked",
			patterns, finite, prefilters, matchers, matches)
	}()
	for range patterns {
		pattern := randomPattern(r, 3)
		std, err := regexp.Compile(pattern)
		if err != nil {
			continue
		}
		re := parse(t, pattern)
		info := Extract(re)
		checkExact(t, pattern, info.Prefix)
		checkExact(t, pattern, info.Suffix)
		pre := NewPrefilter(info.Prefix)
		if info.Prefix.IsFinite() {
			finite++
		}
		if pre != nil {
			prefilters++
		}
		first := NewMatcher(re, false)
		longest := NewMatcher(re, true)
		stdLongest := regexp.MustCompile(pattern)
		stdLongest.Longest()
		if first != nil {
			matchers++
		}
		for range inputs {
			h := randomInput(r)
			for _, m := range std.FindAllIndex(h, -1) {
				match := h[m[0]:m[1]]
				matches++
				if !someLiteral(info.Prefix, func(l string) bool { return bytes.HasPrefix(match, []byte(l)) }) {
					t.Fatalf("%#q on %q: match %q starts with none of %v", pattern, h, match, info.Prefix)
				}
				if !someLiteral(info.Suffix, func(l string) bool { return bytes.HasSuffix(match, []byte(l)) }) {
					t.Fatalf("%#q on %q: match %q ends with none of %v", pattern, h, match, info.Suffix)
				}
				if in := info.Inner; in != nil && !someLiteral(in.Seq, func(l string) bool { return bytes.Contains(match, []byte(l)) }) {
					t.Fatalf("%#q on %q: match %q contains none of %v", pattern, h, match, in.Seq)
				}
				if pre != nil {
					if s, _, ok := pre.Find(h, m[0]); !ok || s != m[0] {
						t.Fatalf("%#q on %q: prefilter from %d found %d %v, want match start %d", pattern, h, m[0], s, ok, m[0])
					}
				}
			}
			if first != nil {
				compareAll(t, pattern, "leftmost-first", h, first, std)
			}
			if longest != nil {
				compareAll(t, pattern, "leftmost-longest", h, longest, stdLongest)
			}
		}
	}
}

// someLiteral reports whether s is infinite (which promises nothing) or f
// holds for one of its literals.
func someLiteral(s Seq, f func(string) bool) bool {
	if !s.IsFinite() {
		return true
	}
	for _, l := range s.Literals() {
		if f(l.Bytes) {
			return true
		}
	}
	return false
}

// checkExact checks that every exact literal is a whole match.
func checkExact(t *testing.T, pattern string, s Seq) {
	t.Helper()
	whole := regexp.MustCompile(`\A(?:` + pattern + `)\z`)
	for _, l := range s.Literals() {
		if l.Exact && !whole.MatchString(l.Bytes) {
			t.Fatalf("%#q: exact literal %q of %v is not a match", pattern, l.Bytes, s)
		}
	}
}

// findAll collects the matches of a pure literal Searcher the way
// FindAllIndex walks the input. Pure literals never match empty, so each
// search starts where the previous match ended.
func findAll(s Searcher, h []byte) [][]int {
	var out [][]int
	for pos := 0; pos <= len(h); {
		start, end, ok := s.Find(h, pos)
		if !ok {
			break
		}
		out = append(out, []int{start, end})
		pos = end
	}
	return out
}

func compareAll(t *testing.T, pattern, mode string, h []byte, s Searcher, std *regexp.Regexp) {
	t.Helper()
	got, want := findAll(s, h), std.FindAllIndex(h, -1)
	if !equalMatches(got, want) {
		t.Fatalf("%#q (%s) on %q: got %v, want %v", pattern, mode, h, got, want)
	}
}

func equalMatches(a, b [][]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i][0] != b[i][0] || a[i][1] != b[i][1] {
			return false
		}
	}
	return true
}
