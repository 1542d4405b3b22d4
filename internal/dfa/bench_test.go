package dfa

import (
	"regexp"
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
)

// benchPatterns scan the whole text: none of them matches it.
var benchPatterns = []string{`\w+\s+Watson`, `(?i)watson`, `\b[A-Z]\w+\s+\d{5}\b`, `\p{Greek}{3}`}

// BenchmarkForward measures the raw DFA scanning 1 MB of text for a
// pattern that does not occur, on a warm cache, next to the standard
// library's MatchString on the same text.
func BenchmarkForward(b *testing.B) {
	text := mixedText(1<<20, 7)
	for _, pattern := range benchPatterns {
		b.Run("dfa/"+pattern, func(b *testing.B) {
			fwd, _ := compilePair(b, pattern, Config{})
			c := fwd.NewCache()
			in := &nfa.Input{Haystack: text, End: len(text)}
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, res := fwd.Forward(c, in, Earliest); res != NoMatch {
					b.Fatalf("got %v, want NoMatch", res)
				}
			}
		})
		b.Run("std/"+pattern, func(b *testing.B) {
			re := regexp.MustCompile(pattern)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if re.Match(text) {
					b.Fatal("std matched")
				}
			}
		})
	}
}

// BenchmarkReverse measures a reverse scan back over a long match.
func BenchmarkReverse(b *testing.B) {
	text := mixedText(1<<20, 8)
	_, rev := compilePair(b, `(?s).+`, Config{})
	c := rev.NewCache()
	in := &nfa.Input{Haystack: text, End: len(text)}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if pos, res := rev.Reverse(c, in); res != Match || pos != 0 {
			b.Fatalf("got %s, want 0", span(pos, res))
		}
	}
}
