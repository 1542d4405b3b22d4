package regexp

import (
	"fmt"
	"reflect"
	std "regexp"
	"sync"
	"testing"

	"github.com/rerepl/rerepl/internal/meta"
)

// TestConcurrentUse hammers one Regexp from many goroutines at once, on
// texts of different lengths (so that different engines and caches are in
// play), and requires every answer to equal the one computed alone. Run
// with -race it also checks that searches share no mutable state.
func TestConcurrentUse(t *testing.T) {
	re := MustCompile(`(\w+)@(\w+)\.(com|org)|(x*)`)
	var texts []string
	for i := range 8 {
		texts = append(texts, fmt.Sprintf("%*s mail me at user%d@example.org or not", i*300, "", i))
	}
	type answer struct {
		match bool
		first []int
		all   [][]int
		repl  string
	}
	solve := func(s string) answer {
		return answer{
			re.MatchString(s),
			re.FindStringSubmatchIndex(s),
			re.FindAllStringIndex(s, -1),
			re.ReplaceAllString(s, "<$2>"),
		}
	}
	want := make([]answer, len(texts))
	for i, s := range texts {
		want[i] = solve(s)
	}
	hammer(t, 16, 30, func(g, n int) string {
		i := (g + n) % len(texts)
		if got := solve(texts[i]); !reflect.DeepEqual(got, want[i]) {
			return fmt.Sprintf("goroutine %d, text %d: %v, want %v", g, i, got, want[i])
		}
		return ""
	})
}

// hammer runs check(g, n) for n below rounds in each of goroutines
// goroutines g at once, and reports as test errors the first complaint
// (a non-empty string) of each goroutine, which then stops.
func hammer(t *testing.T, goroutines, rounds int, check func(g, n int) string) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan string, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range rounds {
				if msg := check(g, n); msg != "" {
					errs <- msg
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestConcurrentWarmUp starts using fresh Regexps from many goroutines at
// once, mostly on short texts, so that warm-up searches (see warmUp), the
// building of the engines and of the strategy, and searches on the
// strategy all race with one another. Every answer must be the standard
// library's; with -race the test also checks the hand-over between them.
func TestConcurrentWarmUp(t *testing.T) {
	patterns := []string{`(\w+)@(\w+)\.(com|org)`, `\d+-\d+`, `(?i)holmes|watson`, `^(a+)(b*)$`, `\b\w{3}\b`}
	texts := []string{"", "aab", "mail user@example.org now", "call 555-1234 or 555-9876", "Sherlock HOLMES and Dr Watson",
		fmt.Sprintf("%300s a holmes 12-34 x@y.com and the end", "")}
	for _, p := range patterns {
		ref := std.MustCompile(p)
		want := make([][][]int, len(texts))
		for i, s := range texts {
			want[i] = ref.FindAllStringSubmatchIndex(s, -1)
		}
		re := MustCompile(p)
		hammer(t, 8, 2*meta.WarmUpCalls, func(g, n int) string {
			i := (g + n) % len(texts)
			if got := re.FindAllStringSubmatchIndex(texts[i], -1); !reflect.DeepEqual(got, want[i]) {
				return fmt.Sprintf("%#q goroutine %d on %q: %v, want %v", p, g, texts[i], got, want[i])
			}
			return ""
		})
	}
}
