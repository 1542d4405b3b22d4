package nfa

import (
	"testing"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// TestProgArraysTrimmed checks that a program keeps at most an eighth of
// its arrays unused, or at most minTrim elements: the arrays live as long
// as the pattern, and a big repetition of a Unicode class makes them
// megabytes long.
func TestProgArraysTrimmed(t *testing.T) {
	for _, pattern := range []string{`a`, `\pL{8,13}`, `(\pL|\pN){300}`, `[\x{0}-\x{10FFFF}]{1000}`} {
		re, err := syntax.Parse(pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		prog, err := Compile(re.Simplify(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n, c := len(prog.States), cap(prog.States); c-n > max(c/8, minTrim) {
			t.Errorf("%#q: %d states in an array of %d", pattern, n, c)
		}
		if n, c := len(prog.Trans), cap(prog.Trans); c-n > max(c/8, minTrim) {
			t.Errorf("%#q: %d transitions in an array of %d", pattern, n, c)
		}
	}
}
