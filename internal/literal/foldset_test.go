package literal

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// randomFoldPattern builds an alternation of concatenations whose pieces
// are chosen to hit every branch of the fold extraction: case-insensitive
// runs with plain letters, k and s (whose orbits hold the Kelvin sign and
// the long s), non-ASCII letters and non-letters; classes with both cases
// of their letters or only one; case-sensitive letters that disqualify
// the tree; quests, fixed counts, groups and empty branches.
func randomFoldPattern(r *rand.Rand) string {
	pieces := []string{
		`(?i:a)`, `(?i:ag)`, `(?i:gta)`, `(?i:k)`, `(?i:s)`, `(?i:ks)`, `(?i:\x{212A})`, `(?i:ſ)`,
		`(?i:é)`, `(?i:σ)`, `(?i:1)`, `(?i:-)`, `1`, `-`, `é`, `[aA]`, `[agAG]`, `[kK]`, `[kK\x{212A}]`,
		`[a]`, `[A-Ca-c]`, `[A-Ca-b]`, `[1-3]`, `[éa-bA-B]`, `a`, `K`, `(?:)`,
	}
	branches := make([]string, 1+r.IntN(4))
	for i := range branches {
		parts := make([]string, 1+r.IntN(4))
		for j := range parts {
			p := pieces[r.IntN(len(pieces))]
			switch r.IntN(8) {
			case 0:
				p = "(?:" + p + ")?"
			case 1:
				p = "(?:" + p + "){2}"
			case 2:
				p = "(" + p + ")"
			case 3:
				p = "(?:" + p + ")??"
			}
			parts[j] = p
		}
		branches[i] = strings.Join(parts, "")
	}
	return strings.Join(branches, "|")
}

// foldInput builds a haystack from every spelling the patterns can match
// and near misses.
func foldInput(r *rand.Rand) []byte {
	return randomBytes(r, []string{
		"a", "A", "g", "G", "t", "T", "k", "K", "\u212a", "s", "S", "ſ", "é", "É",
		"σ", "Σ", "ς", "b", "B", "c", "1", "2", "-", "\xff", "\xe2\x84", " ",
	}, r.IntN(30))
}

// TestFoldSetAgainstStd checks the Searchers of the fold extraction, and
// of the full extraction it stands in for, against the standard library
// in both matching modes, and that the fold extraction builds a Searcher
// exactly when the full extraction does.
func TestFoldSetAgainstStd(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	patterns := 3000
	if testing.Short() {
		patterns = 600
	}
	taken := 0
	for range patterns {
		pattern := randomFoldPattern(r)
		re := parse(t, pattern)
		for _, longest := range []bool{false, true} {
			std := regexp.MustCompile(pattern)
			mode := "leftmost-first"
			if longest {
				std.Longest()
				mode = "leftmost-longest"
			}
			fast, ok := newFoldSet(re, longest)
			full := extractMatcher(re, longest)
			if ok {
				taken++
				if (fast == nil) != (full == nil) {
					t.Fatalf("%#q (%s): fold extraction gives %T, full extraction %T", pattern, mode, fast, full)
				}
			}
			for range 30 {
				h := foldInput(r)
				if fast != nil {
					compareAll(t, pattern, mode+", fold extraction", h, fast, std)
				}
				if full != nil {
					compareAll(t, pattern, mode+", full extraction", h, full, std)
				}
			}
		}
	}
	t.Logf("fold extraction taken %d times of %d", taken, 2*patterns)
	if taken < patterns/4 {
		t.Errorf("fold extraction taken only %d times of %d", taken, 2*patterns)
	}
}

// TestFoldSetTaken pins which patterns take the fold extraction, so that a
// change that quietly sends them back to the full expansion shows.
func TestFoldSetTaken(t *testing.T) {
	tests := []struct {
		pattern string
		kind    string // "full" when the full extraction decides
	}{
		{`(?i)agggtaaa|tttaccct`, "*literal.ahoCorasick"},
		{`(?i)[ag]ggtaaa|tttacc[ct]`, "*literal.ahoCorasick"},
		{`(?i)Holmes|Watson`, "*literal.ahoCorasick"},
		{`(?i)k`, "*literal.ahoCorasick"},
		{`(?i)a|b`, "*literal.byteSetSearcher"},
		{`(?i)(?:ab){3}|c?d`, "*literal.ahoCorasick"},
		{`(?i)a|`, "nil"},
		{`(?i)foo|foobar`, "full"},    // a base is a prefix of another
		{`agggtaaa|tttaccct`, "full"}, // case-sensitive letters
		{`(?i)a(?-i:b)`, "full"},
		{`(?i)a+`, "full"},
		{`(?i)^a`, "full"},
		{`(?i)a|\x{FFFD}`, "full"},
		{`123|456`, "full"}, // nothing to fold
		{`[aB]x|y`, "full"},
		{`(?i)[a-z]{4}`, "nil"}, // over the limits, for the full extraction too
	}
	for _, tt := range tests {
		m, ok := newFoldSet(parse(t, tt.pattern), false)
		got := "full"
		if ok {
			got = fmt.Sprintf("%T", m)
			if m == nil {
				got = "nil"
			}
		}
		if got != tt.kind {
			t.Errorf("newFoldSet(%#q) is %s, want %s", tt.pattern, got, tt.kind)
		}
	}
}

// TestFoldSetLimits checks that the fold set extraction gives up where the
// full extraction's limits make it give up, counting every spelling a
// base stands for: sets just under and just over the 16384 literals and
// the 1 MiB of pureLimits.
func TestFoldSetLimits(t *testing.T) {
	pairs := func(letters string) string {
		var b strings.Builder
		for _, c := range letters {
			fmt.Fprintf(&b, "[%c%c]", c-'a'+'A', c)
		}
		return b.String()
	}
	digits := func(n int) string { return strings.Repeat("1", n) }
	tests := []struct {
		pattern string
		built   bool
	}{
		{`(?i)abcdefghijlmn|xyz`, true},       // 8192+8 spellings
		{`(?i)abcdefghijlmno|xyz`, false},     // 16384+8
		{`(?i)(?:abcdefg){2}|1`, false},       // 16384+1
		{`(?i)(?:abcdefg){2}`, true},          // 16384
		{`(?i)(?:abcdefgk){2}|1`, false},      // k has three spellings
		{pairs("abcdefghijlmn") + `|1`, true}, // 8192+1
		{pairs("abcdefghijlmno") + `|1`, false},
		{`(?i)abcdefghijlm(?-i:` + digits(244) + `)`, true}, // 4096*256 bytes = 1 MiB
		{`(?i)abcdefghijlm(?-i:` + digits(244) + `)|1`, false},
		{`(?i)abcdefghijlm(?-i:` + digits(243) + `)|x`, true},
		{`(?i)ab` + digits(4094), true}, // 4096 bytes long
		{`(?i)ab` + digits(4095) + `|c`, false},
	}
	for _, tt := range tests {
		re := parse(t, tt.pattern)
		name := tt.pattern
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		if full := extractMatcher(re, false); (full != nil) != tt.built {
			t.Errorf("full extraction of %#q gives %T, want built %v", name, full, tt.built)
		}
		if m, ok := newFoldSet(re, false); (ok && m != nil) != tt.built {
			t.Errorf("newFoldSet(%#q) gives %T, %v, want built %v", name, m, ok, tt.built)
		}
		// Beyond the limits NewMatcher may still answer with Teddy,
		// which folds case itself and never expands the spellings.
		m := NewMatcher(re, false)
		if _, isTeddy := m.(*teddy); (m != nil) != tt.built && !(isTeddy && haveTeddy) {
			t.Errorf("NewMatcher(%#q) gives %T, want built %v", name, m, tt.built)
		}
	}
}
