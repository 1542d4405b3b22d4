package meta

import (
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// compileForTest parses and simplifies pattern and compiles its program.
func compileForTest(t *testing.T, pattern string) (*syntax.Regexp, *nfa.Prog) {
	t.Helper()
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	tree = tree.Simplify()
	prog, err := nfa.Compile(tree, nfa.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tree, prog
}

// TestFirstByteSet checks the bytes a match can start with, and that no
// set is given where it would be unsound or useless.
func TestFirstByteSet(t *testing.T) {
	tests := []struct {
		pattern string
		bytes   string // the set, in order; "" when there is none
	}{
		{`\d+`, "0123456789"},
		{`[a-c]x|\bz`, "abcz"},
		{`(?i)k`, "Kk\xe2"},
		{`é+`, "\xc3"},
		{`x*`, ""},       // can match empty
		{`.`, ""},        // starts with any byte, or an invalid one
		{`[^a]`, ""},     // holds U+FFFD, so invalid bytes
		{`\x{FFFD}`, ""}, // matches an invalid byte
		{`(?s).+`, ""},
	}
	for _, tt := range tests {
		_, prog := compileForTest(t, tt.pattern)
		set, ok := firstByteSet(prog)
		var got []byte
		if ok {
			for b := range 256 {
				if set[b] {
					got = append(got, byte(b))
				}
			}
		}
		if string(got) != tt.bytes {
			t.Errorf("%#q: first bytes %q, want %q", tt.pattern, got, tt.bytes)
		}
	}
}
