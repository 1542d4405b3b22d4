package pikevm_test

import (
	"testing"

	"github.com/rerepl/rerepl/internal/enginetest"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/pikevm"
)

// TestHarness runs the shared engine harness. The Pike VM runs every
// program and every search; only the windows are left out, since the
// harness compares them with the Pike VM itself (TestEnd pins them).
func TestHarness(t *testing.T) {
	enginetest.Run(t, enginetest.Engine{
		Name: "pikevm",
		New: func(prog *nfa.Prog) (enginetest.SearchFunc, string) {
			vm := pikevm.New(prog)
			c := vm.NewCache()
			return func(in *nfa.Input, longest bool, slots []int) (bool, string) {
				return vm.Search(c, in, longest, slots), ""
			}, ""
		},
		Reference:  true,
		Exclusions: []string{enginetest.Windows},
		MinShare:   0.97,
	})
}

// TestHarnessRuneClasses runs the shared harness on programs whose
// classes reaching past ASCII are RuneClass states; their windows are
// compared with the Pike VM on the byte program.
func TestHarnessRuneClasses(t *testing.T) {
	enginetest.Run(t, enginetest.Engine{
		Name: "pikevm-runes",
		New: func(prog *nfa.Prog) (enginetest.SearchFunc, string) {
			vm := pikevm.New(prog)
			c := vm.NewCache()
			return func(in *nfa.Input, longest bool, slots []int) (bool, string) {
				return vm.Search(c, in, longest, slots), ""
			}, ""
		},
		MinShare: 1,
		Options:  nfa.Options{RuneClasses: true},
	})
}
