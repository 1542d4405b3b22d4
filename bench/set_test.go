package bench

import (
	"fmt"
	std "regexp"
	"slices"
	"testing"
	"unicode"

	"github.com/rerepl/rerepl/regexp"
)

// setRules returns n rule-like patterns of the kind a log classifier or a
// secret scanner holds: mostly a word of the text followed by digits
// (`holmes\d+`), so that the words occur often but the rules rarely
// match, and every 25th a class-only rule (`[A-Z]{3}-\d{4}` and the like).
// The words are the text's own, in order of first appearance, so the
// patterns are the same on every run.
func setRules(text []byte, n int) []string {
	classRules := []string{
		`[A-Z]{3}-\d{4}`, `\b\d{3}-\d{2}-\d{4}\b`, `0x[0-9a-f]{8}`, `[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+ [A-Z]`,
		`\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}`, `[a-z]+@[a-z]+\.com`, `\$\d+\.\d\d`, `\bQ[^u]`,
	}
	seen := map[string]bool{}
	var words []string
	start := -1
	for i := 0; i <= len(text) && len(words) < n; i++ {
		if i < len(text) && text[i] < 0x80 && unicode.IsLetter(rune(text[i])) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start >= 4 {
			w := string(text[start:i])
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
		start = -1
	}
	rules := make([]string, 0, n)
	for i := 0; len(rules) < n; i++ {
		if i%25 == 24 {
			rules = append(rules, classRules[(i/25)%len(classRules)])
			continue
		}
		rules = append(rules, words[i%len(words)]+`\d+`)
	}
	return rules
}

// BenchmarkSet compares a Set of n rules with looping Match over the same
// rules compiled one by one, ours (loop) and the standard library's
// (std-loop), all reporting which rules match a megabyte of English.
func BenchmarkSet(b *testing.B) {
	text := prose1MB.load(b)
	for _, n := range []int{10, 100, 500, 1000} {
		rules := setRules(text, n)
		set := regexp.MustCompileSet(rules)
		ours := make([]*regexp.Regexp, n)
		stds := make([]*std.Regexp, n)
		for i, r := range rules {
			ours[i] = regexp.MustCompile(r)
			stds[i] = std.MustCompile(r)
		}
		// Warm every cache up first, so that all three measure searches
		// rather than the first search's building of DFA states.
		want := set.Matches(text)
		for i := range ours {
			ours[i].Match(text)
			stds[i].Match(text)
		}
		b.Run(fmt.Sprintf("n=%d/set", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				set.Matches(text)
			}
		})
		// set-cold is what a fresh set costs: compiling it and its
		// first search, which builds the DFA states the text needs.
		b.Run(fmt.Sprintf("n=%d/set-cold", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				regexp.MustCompileSet(rules).Matches(text)
			}
		})
		b.Run(fmt.Sprintf("n=%d/loop", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				var got []int
				for i, re := range ours {
					if re.Match(text) {
						got = append(got, i)
					}
				}
				if !slices.Equal(got, want) {
					b.Fatalf("loop found %v, set %v", got, want)
				}
			}
		})
		b.Run(fmt.Sprintf("n=%d/std-loop", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				var got []int
				for i, re := range stds {
					if re.Match(text) {
						got = append(got, i)
					}
				}
				if !slices.Equal(got, want) {
					b.Fatalf("std loop found %v, set %v", got, want)
				}
			}
		})
	}
}
