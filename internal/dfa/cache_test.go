package dfa

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
)

// binaryText returns n random bytes '0' and '1'.
func binaryText(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, seed))
	h := make([]byte, n)
	for i := range h {
		h[i] = '0' + byte(rng.IntN(2))
	}
	return h
}

// mixedText returns n bytes of words, spaces, punctuation and a few
// multi-byte letters.
func mixedText(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, seed))
	words := []string{"the", "Holmes", "a", "élan", "x_1", "2024", ",", ".", "Ωmega", "sherlock", "\n"}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(words[rng.IntN(len(words))])
		b.WriteByte(" \t"[rng.IntN(2)])
	}
	return []byte(b.String())
}

// TestCacheStaysWithinCapacity runs patterns whose DFAs have far more
// states than fit in a small cache over inputs that visit many of them.
// Allowed to clear as often as it needs, the search must still answer
// right; with the default limits it may give up instead. Either way the
// cache never holds more than its capacity.
func TestCacheStaysWithinCapacity(t *testing.T) {
	const capacity = 48 << 10
	n := 200 << 10
	if testing.Short() {
		n = 40 << 10
	}
	tests := []struct {
		pattern string
		text    []byte
	}{
		{`[01]*1[01]{20}`, binaryText(n, 1)},
		{`(?s).*e.{14}`, mixedText(n, 2)},
		{`(?s)\b.*(?:é|x).{10}\b`, mixedText(n, 3)},
	}
	for _, tt := range tests {
		std := regexp.MustCompile(tt.pattern)
		loc := std.FindIndex(tt.text)
		for _, cfg := range []Config{
			{CacheCapacity: capacity, MaxClears: 1 << 30, MinBytesPerState: -1},
			{CacheCapacity: capacity},
		} {
			fwd, rev := compilePair(t, tt.pattern, cfg)
			fc, rc := fwd.NewCache(), rev.NewCache()
			in := &nfa.Input{Haystack: tt.text, End: len(tt.text)}
			pos, res := fwd.Forward(fc, in, LeftmostFirst)
			mustAnswer := cfg.MinBytesPerState < 0
			switch {
			case res == GaveUp && !mustAnswer:
			case res == Match && loc != nil && pos == loc[1]:
			case res == NoMatch && loc == nil:
			default:
				t.Errorf("%#q (%+v): forward %s, std %v", tt.pattern, cfg, span(pos, res), loc)
			}
			if loc != nil {
				pos, res := rev.Reverse(rc, &nfa.Input{Haystack: tt.text, End: loc[1]})
				if !(res == Match && pos == loc[0] || res == GaveUp && !mustAnswer) {
					t.Errorf("%#q (%+v): reverse %s, std %v", tt.pattern, cfg, span(pos, res), loc)
				}
			}
			for _, c := range []*Cache{fc, rc} {
				if m := c.Memory(); m > capacity {
					t.Errorf("%#q (%+v): cache holds %d bytes, capacity %d", tt.pattern, cfg, m, capacity)
				}
			}
			if mustAnswer && fc.Clears() == 0 {
				t.Errorf("%#q (%+v): the cache never filled up; the test needs a smaller capacity", tt.pattern, cfg)
			}
		}
	}
}

// TestThrashingCacheGivesUp checks that a search that keeps refilling
// its cache gives up, under each limit, and that the same cache then
// serves a search that needs few states.
func TestThrashingCacheGivesUp(t *testing.T) {
	text := binaryText(64<<10, 4)
	in := &nfa.Input{Haystack: text, End: len(text)}
	for _, cfg := range []Config{
		{CacheCapacity: 32 << 10},                                     // bytes per state too low
		{CacheCapacity: 32 << 10, MinBytesPerState: -1, MaxClears: 3}, // too many clears
	} {
		fwd, _ := compilePair(t, `[01]*1[01]{20}`, cfg)
		c := fwd.NewCache()
		if pos, res := fwd.Forward(c, in, LeftmostFirst); res != GaveUp {
			t.Errorf("%+v: got %s, want gaveup", cfg, span(pos, res))
		}
		if cfg.MaxClears > 0 && c.Clears() != cfg.MaxClears {
			t.Errorf("%+v: cleared %d times before giving up, want %d", cfg, c.Clears(), cfg.MaxClears)
		}
		short := &nfa.Input{Haystack: []byte("0001"), End: 4}
		if pos, res := fwd.Forward(c, short, LeftmostFirst); res != NoMatch {
			t.Errorf("%+v: after giving up, a short search gives %s, want none", cfg, span(pos, res))
		}
	}
}

// TestTinyCacheGivesUp checks that a cache too small for even the
// program's scratch builds nothing and gives up at once.
func TestTinyCacheGivesUp(t *testing.T) {
	const capacity = 1024
	fwd, rev := compilePair(t, `\pL+`, Config{CacheCapacity: capacity})
	fc, rc := fwd.NewCache(), rev.NewCache()
	in := &nfa.Input{Haystack: []byte("abc"), End: 3}
	if pos, res := fwd.Forward(fc, in, Earliest); res != GaveUp {
		t.Errorf("forward: got %s, want gaveup", span(pos, res))
	}
	if pos, res := rev.Reverse(rc, in); res != GaveUp {
		t.Errorf("reverse: got %s, want gaveup", span(pos, res))
	}
	for _, c := range []*Cache{fc, rc} {
		if m := c.Memory(); m > capacity {
			t.Errorf("tiny cache holds %d bytes, capacity %d", m, capacity)
		}
	}
}

// TestWarmSearchDoesNotAllocate checks that once a cache holds the states
// a search needs, repeating the search allocates nothing.
func TestWarmSearchDoesNotAllocate(t *testing.T) {
	text := mixedText(4<<10, 5)
	fwd, rev := compilePair(t, `\b\w+\s+Holmes\b`, Config{})
	fc, rc := fwd.NewCache(), rev.NewCache()
	in := &nfa.Input{Haystack: text, End: len(text)}
	search := func() {
		end, res := fwd.Forward(fc, in, LeftmostFirst)
		if res == Match {
			rev.Reverse(rc, &nfa.Input{Haystack: text, End: end})
		}
		fwd.Forward(fc, in, Earliest)
		fwd.Forward(fc, &nfa.Input{Haystack: text, Start: 100, End: len(text)}, AnchoredLongest)
	}
	search()
	if allocs := testing.AllocsPerRun(20, search); allocs != 0 {
		t.Errorf("warm search allocates %v times, want 0", allocs)
	}
}

// TestScanned checks the part of the haystack a search reports it read.
func TestScanned(t *testing.T) {
	fwd, rev := compilePair(t, `ab+`, Config{})
	fc, rc := fwd.NewCache(), rev.NewCache()
	h := []byte("xxabbbyyyy")
	if pos, res := fwd.Forward(fc, &nfa.Input{Haystack: h, End: len(h)}, LeftmostFirst); res != Match || pos != 6 {
		t.Fatalf("forward: %s, want 6", span(pos, res))
	}
	// The match ends at 6, which the scan learns by reading h[6].
	if lo, hi := fc.Scanned(); lo != 0 || hi != 7 {
		t.Errorf("forward read [%d, %d), want [0, 7)", lo, hi)
	}
	if pos, res := rev.Reverse(rc, &nfa.Input{Haystack: h, End: 6}); res != Match || pos != 2 {
		t.Fatalf("reverse: %s, want 2", span(pos, res))
	}
	// The reverse scan reads h[1] to learn that the match starts at 2.
	if lo, hi := rc.Scanned(); lo != 1 || hi != 6 {
		t.Errorf("reverse read [%d, %d), want [1, 6)", lo, hi)
	}
}
