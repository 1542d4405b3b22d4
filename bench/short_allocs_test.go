package bench

// TestShortAllocs states issue 12's done criterion for allocation: no
// short call allocates more than the standard library's. One row is
// known to fail and is excluded by name, with the reason, until the work
// that fixes it lands (see shortAllocsPending).

import (
	"runtime"
	"testing"
)

// shortAllocsPending names the short cases whose allocation is another
// piece of work's to fix, with that work: TestShortAllocs measures and
// logs them but does not fail on them. The entry is to be removed when
// the fix is merged.
var shortAllocsPending = map[string]string{
	// FindReaderSubmatchIndex on a 30-byte strings.Reader allocates 6
	// times where the standard library allocates 3: regexp/reader.go
	// readText grows its buffer from nil.
	"reader": "streaming reader (issue 14)",
}

// TestShortAllocs requires every call of the short suite to allocate no
// more often and no more bytes than the standard library's on the same
// pattern and text, warm: a program that validates or routes per request
// pays each allocation per request. Both patterns are called
// shortWarmCalls times first, past rerepl's warm-up, so the numbers are
// those of a pattern in steady use.
func TestShortAllocs(t *testing.T) {
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
			if needs, ok := shortAllocsPending[sc.name]; ok {
				t.Logf("not failing: allocation of this call is left to %s", needs)
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
// calls on one P, as testing.AllocsPerRun counts allocations.
func bytesPerCall(f func()) uint64 {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	const runs = 50
	f()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		f()
	}
	runtime.ReadMemStats(&after)
	return (after.TotalAlloc - before.TotalAlloc) / runs
}
