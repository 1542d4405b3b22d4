package regexp

import (
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestDeepEqual checks that reflect.DeepEqual tells Regexps apart by
// pattern and mode only, as it does for the standard library's: two
// compiled from the same pattern in the same mode stay deeply equal
// whether either has searched (which builds its program, engines and
// strategy) or not, across Copy, Longest and concurrent use.
func TestDeepEqual(t *testing.T) {
	long := strings.Repeat("x", 1000) + " Mr Sherlock Holmes "
	use := func(re *Regexp) {
		re.MatchString("Holmes")
		re.FindAllStringSubmatchIndex(long, -1)
		re.FindStringSubmatch(long)
		re.ReplaceAllString(long, "$1")
		re.LiteralPrefix()
	}
	for _, p := range []string{`([a-z]+)[ ]+Holmes`, `Holmes`, `^(a+)(b*)$`, `sherlock|holmes`, `x*`} {
		fresh := MustCompile(p)
		used := MustCompile(p)
		equal := func(what string, a, b *Regexp, want bool) {
			t.Helper()
			if got := reflect.DeepEqual(a, b); got != want {
				t.Errorf("%#q: %s: DeepEqual = %v, want %v", p, what, got, want)
			}
		}
		equal("both unused", fresh, used, true)
		use(used)
		equal("one used", fresh, used, true)
		equal("a used Copy", fresh, used.Copy(), true)

		longest := MustCompile(p)
		longest.Longest()
		equal("Longest against leftmost-first", fresh, longest, false)
		lc := used.Copy()
		lc.Longest()
		use(lc)
		equal("two Longest, one used", longest, lc, true)
		equal("Longest against CompilePOSIX", longest, MustCompilePOSIX(p), false)
		equal("CompilePOSIX twice, one used", MustCompilePOSIX(p), func() *Regexp { re := MustCompilePOSIX(p); use(re); return re }(), true)
		equal("another pattern", fresh, MustCompile(p+"z"), false)

		// DeepEqual reads only what Compile wrote, so it may run
		// while other goroutines search (the race detector checks).
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 20 {
					use(used)
				}
			}()
		}
		for range 20 {
			equal("during concurrent use", fresh, used, true)
		}
		wg.Wait()
		equal("after concurrent use", fresh, used, true)
	}
}
