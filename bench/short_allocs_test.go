package bench

// TestShortAllocs states issue 12's done criterion for allocation: no
// short call allocates more than the standard library's, reader methods
// included.

import (
	std "regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/regexp"
)

// TestShortAllocs requires every call of the short suite to allocate no
// more often and no more bytes than the standard library's on the same
// pattern and text, warm: a program that validates or routes per request
// pays each allocation per request. Both patterns are called
// shortWarmCalls times first, past rerepl's warm-up, so the numbers are
// those of a pattern in steady use.
func TestShortAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates and drops pooled caches, so counts and heap sizes mean nothing under it; the tests run without -race")
	}
	for i := range shortCases {
		sc := &shortCases[i]
		t.Run(sc.name, func(t *testing.T) {
			lines := sc.shortLines(t)
			compiled := checkShort(t, sc, lines)
			allocs := make([]float64, len(compiled))
			bytes := make([]uint64, len(compiled))
			for i, re := range compiled {
				for range shortWarmCalls {
					sc.call(re, lines)
				}
				allocs[i] = testing.AllocsPerRun(50, func() { sc.call(re, lines) })
				bytes[i] = bytesPerCall(func() { sc.call(re, lines) })
			}
			t.Logf("%#q: std %v allocs %d B, rerepl %v allocs %d B", sc.pattern, allocs[0], bytes[0], allocs[1], bytes[1])
			if allocs[1] <= allocs[0] && bytes[1] <= bytes[0] {
				return
			}
			t.Errorf("%#q: rerepl allocates %v times and %d B per call, std %v times and %d B", sc.pattern, allocs[1], bytes[1], allocs[0], bytes[0])
		})
	}
}

// shortWarmCalls is how many calls TestShortAllocs makes before counting:
// more than rerepl's warm-up (16 calls), after which the strategy is built.
const shortWarmCalls = 40

// bytesPerCall returns the bytes f allocates per call, averaged over 50
// calls on one P, as testing.AllocsPerRun counts allocations. The
// garbage collector is off meanwhile: a collection empties the
// sync.Pools both libraries keep scratch memory in, and refilling them
// made the per-line cases vary by a few bytes per call from run to run.
// It takes the least of three averages, as the runtime and the test
// framework allocate now and then on their own, which only ever adds.
func bytesPerCall(f func()) uint64 {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	const runs = 50
	f()
	least := uint64(1<<64 - 1)
	for range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range runs {
			f()
		}
		runtime.ReadMemStats(&after)
		least = min(least, (after.TotalAlloc-before.TotalAlloc)/runs)
	}
	return least
}

// allRegex is the part of the API TestShortAllAllocs calls.
type allRegex interface {
	FindAllString(s string, n int) []string
	FindAllStringIndex(s string, n int) [][]int
	FindAllStringSubmatch(s string, n int) [][]string
	FindAllStringSubmatchIndex(s string, n int) [][]int
}

// TestShortAllAllocs requires the All methods on short texts with none,
// one, a few and some dozens of matches to allocate no more often and no
// more bytes than the standard library's, warm (see regexp's matchList).
func TestShortAllAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates and drops pooled caches, so counts and heap sizes mean nothing under it; the tests run without -race")
	}
	cases := []struct{ pattern, text string }{
		{`(\w+)@(\w+)\.com`, "write to bob@example.com today"},
		{`(\d+)`, "1, 22 and 333"},
		{`(\d+)`, "twelve dozen and many more words, a dozen of them"},
		{`(a)|(b)|(c)|(d)|(e)|(f)|(g)|(h)`, "hgfedcba"},
		// Around and past the matches that get a slice each.
		{`(\d+)`, strings.Repeat("12 ", 40)},
		{`(a)|(b)|(c)|(d)|(e)|(f)|(g)|(h)`, strings.Repeat("hgfedcba", 5)},
		{`(\d+)`, strings.Repeat("12 ", 100)},
		{`(a)|(b)|(c)|(d)|(e)|(f)|(g)|(h)`, strings.Repeat("hgfedcba", 30)},
	}
	for _, tc := range cases {
		ours := allRegex(regexp.MustCompile(tc.pattern))
		theirs := allRegex(std.MustCompile(tc.pattern))
		calls := []struct {
			name string
			call func(re allRegex)
		}{
			{"FindAllString", func(re allRegex) { re.FindAllString(tc.text, -1) }},
			{"FindAllStringIndex", func(re allRegex) { re.FindAllStringIndex(tc.text, -1) }},
			{"FindAllStringSubmatch", func(re allRegex) { re.FindAllStringSubmatch(tc.text, -1) }},
			{"FindAllStringSubmatchIndex", func(re allRegex) { re.FindAllStringSubmatchIndex(tc.text, -1) }},
		}
		for _, c := range calls {
			var allocs [2]float64
			var bytes [2]uint64
			for i, re := range []allRegex{theirs, ours} {
				for range shortWarmCalls {
					c.call(re)
				}
				allocs[i] = testing.AllocsPerRun(50, func() { c.call(re) })
				bytes[i] = bytesPerCall(func() { c.call(re) })
			}
			if allocs[1] > allocs[0] || bytes[1] > bytes[0] {
				t.Errorf("%#q %s on %d bytes: rerepl allocates %v times and %d B per call, std %v times and %d B", tc.pattern, c.name, len(tc.text), allocs[1], bytes[1], allocs[0], bytes[0])
			}
		}
	}
}
