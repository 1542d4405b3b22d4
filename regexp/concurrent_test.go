package regexp

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
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
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 30 {
				i := (g + n) % len(texts)
				if got := solve(texts[i]); !reflect.DeepEqual(got, want[i]) {
					select {
					case errs <- fmt.Sprintf("goroutine %d, text %d: %v, want %v", g, i, got, want[i]):
					default:
					}
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
