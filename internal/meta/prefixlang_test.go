package meta

import (
	std "regexp"
	"testing"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/pikevm"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// TestPrefixLanguageHoldsEveryPrefix checks that the prefix language of a
// pattern accepts every prefix of every match the standard library finds,
// which is what makes the lower bound of the reverse strategies sound.
func TestPrefixLanguageHoldsEveryPrefix(t *testing.T) {
	patterns := testutil.DiffPatterns(true)
	checked := 0
	for _, p := range patterns {
		tree, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			continue
		}
		pref := prefixLanguage(tree.Simplify(), 1000)
		if pref == nil {
			continue
		}
		prog, err := nfa.Compile(pref, nfa.Options{})
		if err != nil {
			t.Fatalf("%#q: compiling the prefix language: %v", p, err)
		}
		vm := pikevm.New(prog)
		cache := vm.NewCache()
		ref := std.MustCompile(p)
		for _, text := range testutil.DiffTexts {
			h := []byte(text)
			for _, m := range ref.FindAllStringIndex(text, -1) {
				// Only rune boundaries matter: the strategies look
				// for literals, which start and end at boundaries.
				for end := m[0]; end <= m[1]; end += runeWidthAt(h, end) {
					in := nfa.Input{Haystack: h, Start: m[0], End: end, Anchored: true}
					slots := []int{-1, -1}
					if !vm.Search(cache, &in, true, slots) || slots[1] != end {
						t.Errorf("%#q on %q: prefix %q of the match %q is not in the prefix language",
							p, text, text[m[0]:end], text[m[0]:m[1]])
					}
					checked++
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d prefixes checked", checked)
	}
}

// runeWidthAt returns the width of the rune at i as the standard library
// decodes it, or 1 at the end of h so that loops over positions end.
func runeWidthAt(h []byte, i int) int {
	if i >= len(h) {
		return 1
	}
	_, w := utf8.DecodeRune(h[i:])
	return w
}

// TestPrefixLanguageBudget checks that a pattern too large for the budget
// gives no prefix language rather than a truncated one.
func TestPrefixLanguageBudget(t *testing.T) {
	tree, err := syntax.Parse(`(?:a(?:b(?:c|d)*e)+f)+g`, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	if got := prefixLanguage(tree.Simplify(), 3); got != nil {
		t.Errorf("budget 3: got %v, want nil", got)
	}
	if got := prefixLanguage(tree.Simplify(), 1000); got == nil {
		t.Errorf("budget 1000: got nil")
	}
}
