package dfa

import (
	"fmt"
	"math/rand/v2"
	std "regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/enginetest"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/pikevm"
)

// streamRun feeds text to a Stream in random pieces and describes the
// outcome as Forward's span does: where the earliest match ends (earliest)
// or whether any match was seen (leftmost-first), and where the scan died.
// It also returns every position reported as an unanchored start state.
func streamRun(t *testing.T, d *DFA, c *Cache, text string, anchored, earliest bool, rng *rand.Rand) (outcome string, starts []int) {
	t.Helper()
	var st Stream
	if !st.Start(d, c, -1, anchored, earliest) {
		return "gaveup", nil
	}
	at := 0
	for at < len(text) {
		n := 1 + rng.IntN(len(text)-at)
		piece := []byte(text[at : at+n])
		k, last, ev := st.Feed(piece)
		if last >= 0 && (len(starts) == 0 || starts[len(starts)-1] != at+last) {
			starts = append(starts, at+last)
		}
		switch ev {
		case MatchEnd:
			return fmt.Sprint(at + k), starts
		case Dead:
			return fmt.Sprintf("dead at %d, matched %v", at+k, st.Matched()), starts
		case StreamGaveUp:
			return "gaveup", starts
		}
		if k != n {
			t.Fatalf("Feed read %d of %d bytes and reported More", k, n)
		}
		at += n
	}
	matched, ok := st.End()
	switch {
	case !ok:
		return "gaveup", starts
	case earliest && matched:
		return fmt.Sprint(len(text)), starts
	case earliest:
		return "none", starts
	}
	return fmt.Sprintf("end, matched %v", matched), starts
}

// TestStreamAgainstForward feeds valid texts to streams in random pieces
// and requires Forward's answers on the whole text: the same earliest
// match end, the same death (Forward's scan stops on the same byte), the
// same "a match was seen". Every position reported as a start state must
// be one a search may start from without changing the leftmost-first
// match (the Pike VM's, with groups).
func TestStreamAgainstForward(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 14))
	patterns := slices.Clone(enginetest.Patterns)
	n := 400
	if testing.Short() {
		n = 100
	}
	for len(patterns) < len(enginetest.Patterns)+n {
		// RandomPattern may write a pattern Go rejects; skip those.
		if p := enginetest.RandomPattern(rng, 3); validPattern(p) {
			patterns = append(patterns, p)
		}
	}
	checked := 0
	defer func() { t.Logf("%d unanchored cases checked", checked) }()
	for _, p := range patterns {
		d, _ := compilePair(t, p, Config{})
		c := d.NewCache()
		vm := pikevm.New(d.prog)
		vc := vm.NewCache()
		for range 20 {
			text := strings.ToValidUTF8(enginetest.RandomInput(rng), "\uFFFD")
			for _, anchored := range []bool{false, true} {
				in := &nfa.Input{Haystack: []byte(text), End: len(text), Anchored: anchored}
				pos, res := d.Forward(c, in, Earliest)
				got, _ := streamRun(t, d, c, text, anchored, true, rng)
				if strings.HasPrefix(got, "dead") && strings.HasSuffix(got, "false") {
					got = "none"
				}
				if want := span(pos, res); got != want {
					t.Errorf("%#q anchored=%v earliest on %q: stream %s, Forward %s", p, anchored, text, got, want)
				}
				pos, res = d.Forward(c, in, LeftmostFirst)
				_, hi := c.Scanned()
				want := fmt.Sprintf("end, matched %v", res == Match)
				got, starts := streamRun(t, d, c, text, anchored, false, rng)
				if res != Match && res != NoMatch {
					continue
				}
				if dead := fmt.Sprintf("dead at %d, matched %v", hi-1, res == Match); got != want && got != dead {
					t.Errorf("%#q anchored=%v leftmost-first on %q: stream %s, Forward %s (stopped at %d)", p, anchored, text, got, span(pos, res), hi)
				}
				if anchored {
					if len(starts) > 0 {
						t.Errorf("%#q anchored on %q: start states reported at %v", p, text, starts)
					}
					continue
				}
				checked++
				slots := make([]int, 2*d.prog.NumCap)
				wantSlots := slices.Clone(slots)
				in.Anchored = false
				vm.Search(vc, in, false, wantSlots)
				for _, s := range starts {
					in.Start = s
					if vm.Search(vc, in, false, slots); !slices.Equal(slots, wantSlots) {
						t.Errorf("%#q on %q: start state at %d, but the match from there is %v, not %v", p, text, s, slots, wantSlots)
					}
				}
			}
		}
	}
}

// TestStreamClears runs a long stream with a small cache, which is
// cleared many times, about a megabyte apart: the stream must go on
// (clears far apart start a new series instead of adding up to
// MaxClears) and keep recognising its start states after each clear.
func TestStreamClears(t *testing.T) {
	d, _ := compilePair(t, `[ab]*a[ab]{10}x`, Config{CacheCapacity: 16 << 10, MinBytesPerState: -1})
	c := d.NewCache()
	var st Stream
	if !st.Start(d, c, -1, false, true) {
		t.Fatal("Start failed")
	}
	rng := rand.New(rand.NewPCG(1, 1))
	piece := make([]byte, 1<<20)
	starts, fed := 0, 0
	for fed < 64<<20 {
		// Mostly bytes that lead back to the start state, and a burst
		// of new states now and then.
		for i := range piece {
			piece[i] = 'c'
		}
		for i := range 40 {
			piece[1000+i] = "ab"[rng.IntN(2)]
		}
		_, last, ev := st.Feed(piece)
		if ev != More {
			t.Fatalf("after %d bytes: event %d", fed, ev)
		}
		if last == len(piece) {
			starts++
		}
		fed += len(piece)
	}
	if c.Clears() <= 8 {
		t.Errorf("%d clears; the test needs more than MaxClears", c.Clears())
	}
	if starts != (64<<20)/len(piece) {
		t.Errorf("%d pieces of %d ended in a start state", starts, (64<<20)/len(piece))
	}
	t.Logf("%d bytes, %d clears", fed, c.Clears())
}

// validPattern reports whether the standard library accepts p.
func validPattern(p string) bool {
	_, err := std.Compile(p)
	return err == nil
}
