package onepass

import (
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// TestIsOnePass lists programs that must be accepted and programs that
// must be rejected, with the reason.
func TestIsOnePass(t *testing.T) {
	tests := []struct {
		pattern string
		want    bool
		why     string
	}{
		{`^abc$`, true, "a plain literal"},
		{`^(\w+)@(\w+)\.com$`, true, "@ and . end the loops they follow"},
		{`^a*$`, true, "the loop and $ never compete for a byte"},
		{`^a*?`, true, "Match outranks the loop, which the scan honours"},
		{`^(a|b)*c`, true, "three distinct bytes"},
		{`^\d{3}-\d{4}$`, true, "counted repetition of a class"},
		{`^(?:ab|cd)$`, true, "distinct first bytes"},
		{`^(?:é|è)x`, true, "the parser makes a class, one UTF-8 trie"},
		{`^.*$`, true, "the trie of . and its InvalidByte state are disjoint"},
		{`^(?:$|a)`, true, "an assertion before Match"},
		{`^[^a]+a`, true, "a class and its complement"},
		{`^(?i)k+`, true, "a fold orbit is one class"},
		{`^(?:a|\x{FFFD})b`, true, "ASCII and the encoding of U+FFFD"},
		{`(?m)^x\n^y$`, true, "multi-line assertions on one path"},
		{`^(a+)(a+)`, false, "both loops take a"},
		{`^(?:a*)a`, false, "the loop and the next a compete"},
		{`^(?:éa|èb)`, false, "é and è share their first byte"},
		{`^(?:.x|\xffy)`, false, ". and U+00FF share the byte c3"},
		{`^(?:(a)|(a)b)`, false, "two alternatives begin with a"},
		{`^(?:\b|\B)a`, false, "two paths reach the same state"},
		{`^(?:\b)*a`, false, "an empty loop reaches its state again"},
		{`^(a|ab)(c|bcd)`, false, "b both continues ab and begins bcd"},
		{`ab|b|ac`, false, "a first byte in two alternatives"},
	}
	for _, tt := range tests {
		prog := testutil.Compile(t, tt.pattern, syntax.Perl)
		if got := New(prog) != nil; got != tt.want {
			t.Errorf("%#q: one-pass %v, want %v (%s)", tt.pattern, got, tt.want, tt.why)
		}
	}
}

// TestAccepts checks that the patterns whose searches the shared
// harness (TestHarness) is meant to compare on this engine are one-pass,
// so that none of them is left out unnoticed.
func TestAccepts(t *testing.T) {
	perl := []string{
		`^abc`, `^(\w+)@(\w+)\.com$`, `^a*`, `^a*?`, `^(a*?)b`, `^(a)*`, `^(a|b)*?c`, `^(?:(a)|(b))+`,
		`^(a)?(b)?c`, `^(a)??b`, `^(\d+)(?:\.(\d+))?$`, `^(.*)$`, `^(?s)(.*)`, `^([^x]*)x(.*)`,
		`^(?:$|a)`, `^a\b`, `^a\B`, `^(?m)a$`, `^(?:\x{FFFD})+`, `^(\x{FFFD}|a)+b`, `^(é|ü)+`,
		`^[α-ω]+(x)?`, `^(?i)(k+)(s*)`, `^€(\pL*)`, `^(a){2}(b){1,2}?`, `^x{0,3}?y?`, `^`, `^$`,
		`^()`, `^(?:a(b)?)*`, `\A(ab)*\z`, `^([ab]*)c`, `^(?U)(a+)b`,
		`^(a*?)`, `^(a)*?`, `^a(b)??`, `^(?U)(a+)`, `^(a+)b`, `^(a*)(?:x|$)`,
		// Window patterns, searched anchored from every position.
		`(a+)(b)?`, `a\b`, `\ba`, `a$`, `(?m)a$`, `€+`, `(.)(x)?`, `(a*?)b`, `a*`,
	}
	posix := []string{`^(a*)b`, `^(a|b)*c`, `^([^x]*)x(.*)$`, `^(ab)*`, `^a*`}
	for _, tt := range []struct {
		flags    syntax.Flags
		patterns []string
	}{{syntax.Perl, perl}, {syntax.POSIX, posix}} {
		for _, p := range tt.patterns {
			if New(testutil.Compile(t, p, tt.flags)) == nil {
				t.Errorf("%#q (flags %#x) is not one-pass", p, tt.flags)
			}
		}
	}
}

// TestWarmCacheAllocs checks that searches with a warm cache allocate
// nothing.
func TestWarmCacheAllocs(t *testing.T) {
	prog := testutil.Compile(t, `^(\pL+)\s+(\d+|x*)(?i:k)?\b`, syntax.Perl)
	e := New(prog)
	if e == nil {
		t.Fatal("not one-pass")
	}
	c := e.NewCache()
	in := &nfa.Input{Haystack: []byte("éé 123K wörld"), End: 14}
	slots := make([]int, 2*prog.NumCap)
	allocs := testing.AllocsPerRun(20, func() {
		e.Search(c, in, false, slots)
		e.Search(c, in, true, slots[:2])
		e.Search(c, in, true, nil)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per warm search, want 0", allocs)
	}
}
