package backtrack

import (
	"testing"

	"github.com/rerepl/rerepl/internal/enginetest"
	"github.com/rerepl/rerepl/internal/nfa"
)

// tooLong is the harness's reason for a search the backtracker refuses.
const tooLong = "span beyond MaxLen"

// TestHarness runs the shared engine harness. The backtracker runs every
// program, but only searches whose span fits its bitset (TestMaxLen
// checks the refusal itself).
func TestHarness(t *testing.T) {
	enginetest.Run(t, enginetest.Engine{
		Name: "backtrack",
		New: func(prog *nfa.Prog) (enginetest.SearchFunc, string) {
			b := New(prog)
			c := b.NewCache()
			return func(in *nfa.Input, longest bool, slots []int) (bool, string) {
				if in.End-in.Start > b.MaxLen() {
					return false, tooLong
				}
				return b.Search(c, in, longest, slots), ""
			}, ""
		},
		Exclusions: []string{tooLong},
		MinShare:   0.99,
	})
}

// TestHarnessRuneClasses runs the shared harness on programs whose
// classes reaching past ASCII are RuneClass states.
func TestHarnessRuneClasses(t *testing.T) {
	enginetest.Run(t, enginetest.Engine{
		Name: "backtrack-runes",
		New: func(prog *nfa.Prog) (enginetest.SearchFunc, string) {
			b := New(prog)
			c := b.NewCache()
			return func(in *nfa.Input, longest bool, slots []int) (bool, string) {
				if in.End-in.Start > b.MaxLen() {
					return false, tooLong
				}
				return b.Search(c, in, longest, slots), ""
			}, ""
		},
		Exclusions: []string{tooLong},
		MinShare:   0.99,
		Options:    nfa.Options{RuneClasses: true},
	})
}
