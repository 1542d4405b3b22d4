package dfa

import (
	"testing"

	"github.com/rerepl/rerepl/internal/enginetest"
	"github.com/rerepl/rerepl/internal/nfa"
)

// TestHarness runs the shared DFA harness: match ends, earliest ends,
// anchored-longest ends and reverse starts, with the default cache (which
// must never give up on these small inputs). A DFA reports no
// submatches, has no unanchored leftmost-longest mode, and quits when an
// answer depends on invalid UTF-8.
func TestHarness(t *testing.T) {
	enginetest.RunDFA(t, enginetest.DFAEngine{
		Name: "dfa",
		New: func(fwd, rev *nfa.Prog) enginetest.DFASearcher {
			df, dr := New(fwd, Config{}), New(rev, Config{})
			fc, rc := df.NewCache(), dr.NewCache()
			return enginetest.DFASearcher{
				Forward: func(in *nfa.Input, m enginetest.DFAMode) (int, enginetest.DFAResult) {
					pos, res := df.Forward(fc, in, [...]Mode{LeftmostFirst, Earliest, AnchoredLongest}[m])
					return pos, result(res)
				},
				Reverse: func(in *nfa.Input) (int, enginetest.DFAResult) {
					pos, res := dr.Reverse(rc, in)
					return pos, result(res)
				},
			}
		},
		Exclusions: []string{enginetest.Submatches, enginetest.UnanchoredLongest, enginetest.Quit},
		MinShare:   0.6,
	})
}

func result(r Result) enginetest.DFAResult {
	switch r {
	case Match:
		return enginetest.DFAMatch
	case NoMatch:
		return enginetest.DFANoMatch
	case Quit:
		return enginetest.DFAQuit
	}
	return enginetest.DFAGaveUp
}
