package onepass

import (
	"testing"

	"github.com/rerepl/rerepl/internal/enginetest"
	"github.com/rerepl/rerepl/internal/nfa"
)

// notOnePass is the harness's reason for a program New rejects.
const notOnePass = "not one-pass"

// TestHarness runs the shared engine harness. The one-pass engine runs
// only the programs New accepts, and only anchored searches (it anchors
// every search); the harness compares its searches from every rune
// boundary with the Pike VM instead of the unanchored ones.
func TestHarness(t *testing.T) {
	enginetest.Run(t, enginetest.Engine{
		Name: "onepass",
		New: func(prog *nfa.Prog) (enginetest.SearchFunc, string) {
			e := New(prog)
			if e == nil {
				return nil, notOnePass
			}
			c := e.NewCache()
			return func(in *nfa.Input, longest bool, slots []int) (bool, string) {
				return e.Search(c, in, longest, slots), ""
			}, ""
		},
		AnchoredOnly: true,
		Exclusions:   []string{notOnePass, enginetest.Unanchored},
		MinShare:     0.3,
	})
}
