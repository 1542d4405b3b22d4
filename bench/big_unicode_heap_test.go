package bench

import "testing"

// TestBigUnicodeHeap requires each big Unicode repetition to keep at most
// three times the standard library's heap after one search (see
// heapKept). A byte program held one UTF-8 trie per copy of the class,
// 30 to 200 times the standard library's heap; the NFA engines now run a
// program whose classes are RuneClass states (see docs/ARCHITECTURE.md,
// "Big repetitions of Unicode classes").
func TestBigUnicodeHeap(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates and drops pooled caches, so counts and heap sizes mean nothing under it; the tests run without -race")
	}
	for _, bc := range bigUnicodeCases {
		t.Run(bc.name, func(t *testing.T) {
			kept := make([]uint64, len(shortEngines))
			for i, e := range shortEngines {
				if _, err := e.compile(bc.pattern); err != nil { // fill process-wide caches
					t.Fatal(err)
				}
				kept[i] = heapKept(t, e.compile, bc.pattern)
			}
			t.Logf("%#q: heap kept after one search: std %d B, rerepl %d B", bc.pattern, kept[0], kept[1])
			if kept[1] > 3*kept[0] {
				t.Errorf("%#q: rerepl keeps %d B after one search, more than 3x std's %d B", bc.pattern, kept[1], kept[0])
			}
		})
	}
}
