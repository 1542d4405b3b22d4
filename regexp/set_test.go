package regexp

import (
	"errors"
	"fmt"
	"math/rand/v2"
	std "regexp"
	stdsyntax "regexp/syntax"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rerepl/rerepl/internal/enginetest"
	"github.com/rerepl/rerepl/internal/meta"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// stdMatches is the oracle of the Set tests: the indices of the patterns
// that the standard library, compiling each alone, finds in text.
func stdMatches(res []*std.Regexp, text string) []int {
	var out []int
	for i, re := range res {
		if re.MatchString(text) {
			out = append(out, i)
		}
	}
	return out
}

// checkSet compares a Set of exprs with the standard library on texts,
// through both the set's DFA and (with tiny) a cache so small that the
// fallback answers.
func checkSet(t *testing.T, exprs []string, texts []string) {
	t.Helper()
	stdRes := make([]*std.Regexp, len(exprs))
	for i, e := range exprs {
		stdRes[i] = std.MustCompile(e)
	}
	s, err := CompileSet(exprs)
	if err != nil {
		t.Fatalf("CompileSet(%q): %v", exprs, err)
	}
	tiny := tinySet(t, exprs)
	for _, text := range texts {
		want := stdMatches(stdRes, text)
		for _, set := range []*Set{s, tiny} {
			if got := set.MatchesString(text); !slices.Equal(got, want) {
				t.Errorf("set %q (cache %d)\nMatchesString(%q) = %v, want %v", exprs, set.x.CacheMemory(), text, got, want)
			}
			if got := set.Matches([]byte(text)); !slices.Equal(got, want) {
				t.Errorf("set %q: Matches(%q) = %v, want %v", exprs, text, got, want)
			}
			if got := set.MatchString(text); got != (len(want) > 0) {
				t.Errorf("set %q: MatchString(%q) = %v, want %v", exprs, text, got, len(want) > 0)
			}
		}
	}
}

// tinySet builds the set of exprs with a DFA cache too small to hold
// more than a few states, so that most searches fall back.
func tinySet(t *testing.T, exprs []string) *Set {
	res := make([]*meta.Regexp, len(exprs))
	for i, e := range exprs {
		res[i] = MustCompile(e).exec()
	}
	x, err := meta.NewSet(res, meta.SetConfig{CacheCapacity: 4 << 10})
	if err != nil {
		t.Fatal(err)
	}
	return &Set{exprs: exprs, x: x}
}

func TestSetFixed(t *testing.T) {
	texts := append(slices.Clone(diffTexts), "foo123 bar", "x\nfoo\n", "FOO", "ſ", "\xffa", "a\xff")
	sets := [][]string{
		{`a`, `b`, `c`},
		{`^a`, `a$`, `\Aa\z`, `(?m)^b$`},
		{``, `x*`, `$`, `^`},
		{`\b`, `\B`, `\bfoo\b`, `foo\B`},
		{`(?i)foo`, `(?i)k`, `(?i)s`, `FOO`},
		{`.`, `\xff`, `[^a]`, `\x{FFFD}`, `(?s).`},
		{`[^\x00-\x{10FFFF}]`, `a`},
		{`foo\d+`, `bar\d+`, `[a-z]+\d{3}`, `\s+`, `\pL`},
		{`a*?`, `(a|b)*c`, `(?U)a+`, `a{2,3}`},
		{`日本`, `本語`, `é`, `(?i)É`},
		{`(?m)$`, `(?m)^$`, `\n`},
	}
	for _, exprs := range sets {
		checkSet(t, exprs, texts)
	}
}

// TestSetDifferential checks random sets of generated patterns on
// generated texts, half of them with invalid UTF-8, against the standard
// library compiling each pattern alone.
func TestSetDifferential(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 1))
	n := 400
	if testing.Short() {
		n = 100
	}
	for range n {
		var exprs []string
		for len(exprs) < 1+rng.IntN(8) {
			p := enginetest.RandomPattern(rng, 2)
			if _, err := std.Compile(p); err == nil {
				exprs = append(exprs, p)
			}
		}
		texts := make([]string, 12)
		for i := range texts {
			texts[i] = enginetest.RandomInput(rng)
		}
		checkSet(t, exprs, texts)
	}
}

func TestSetEmpty(t *testing.T) {
	s := MustCompileSet(nil)
	if s.Len() != 0 || s.MatchString("") || s.MatchesString("abc") != nil {
		t.Errorf("empty set: Len %d, MatchString %v, Matches %v", s.Len(), s.MatchString(""), s.MatchesString("abc"))
	}
}

func TestSetErrors(t *testing.T) {
	_, err := CompileSet([]string{`a`, `b`, `c`, `(a`})
	const want = "regexp: pattern 3: error parsing regexp: missing closing ): `(a`"
	if err == nil || err.Error() != want {
		t.Fatalf("CompileSet error = %v, want %s", err, want)
	}
	var serr *syntax.Error
	if !errors.As(err, &serr) || serr.Code != syntax.ErrMissingParen {
		t.Errorf("errors.As(*syntax.Error) = %v, %v", serr, err)
	}
	var stdErr *stdsyntax.Error
	if !errors.As(err, &stdErr) || stdErr.Code != stdsyntax.ErrMissingParen {
		t.Errorf("errors.As(std *syntax.Error) = %v", stdErr)
	}
	_, stdErr2 := std.Compile(`(a`)
	if got := strings.TrimPrefix(err.Error(), "regexp: pattern 3: "); got != stdErr2.Error() {
		t.Errorf("message %q, std says %q", got, stdErr2)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "pattern 1") {
			t.Errorf("MustCompileSet panic = %v", r)
		}
	}()
	MustCompileSet([]string{`a`, `*`})
}

// TestSetLarge checks that a set each of whose patterns compiles alone
// but whose union exceeds the program-size limit fails with ErrLarge.
func TestSetLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles 4M program states")
	}
	exprs := make([]string, 16)
	for i := range exprs {
		exprs[i] = fmt.Sprintf(`\pL{1000}%d`, i)
	}
	_, err := CompileSet(exprs)
	var serr *syntax.Error
	if !errors.As(err, &serr) || serr.Code != syntax.ErrLarge {
		t.Fatalf("CompileSet of 16 x \\pL{1000}: %v, want ErrLarge", err)
	}
}

func TestSetConcurrent(t *testing.T) {
	exprs := []string{`foo\d+`, `bar`, `(?i)baz`, `\bqux\b`, `[0-9]{4}`}
	s := MustCompileSet(exprs)
	texts := []string{"foo12 BAZ", "qux 2026", "nothing", "bar\xff1234", strings.Repeat("x", 5000) + "bar"}
	stdRes := make([]*std.Regexp, len(exprs))
	for i, e := range exprs {
		stdRes[i] = std.MustCompile(e)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				text := texts[(g+i)%len(texts)]
				if got, want := s.MatchesString(text), stdMatches(stdRes, text); !slices.Equal(got, want) {
					t.Errorf("MatchesString(%q) = %v, want %v", text, got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestSetOnePass checks that the set's DFA answers valid UTF-8 alone:
// no search below falls back to the patterns one by one.
func TestSetOnePass(t *testing.T) {
	s := MustCompileSet([]string{`foo\d+`, `bar`, `(?i)baz`, `\bqux\b`, `^a`, `b$`, ``})
	before := meta.SetFallbacks()
	for _, text := range []string{"", "foo12 BAZ", "qux 2026", "ab", "日本語 bar", strings.Repeat("foo1 ", 1000),
		"\xfffoo1\xff", "a\xe2\x82qux\xffb"} {
		s.MatchesString(text)
		s.MatchString(text)
	}
	if n := meta.SetFallbacks() - before; n != 0 {
		t.Errorf("%d searches fell back", n)
	}
	if got, want := s.MatchesString("a foo1 BAZ qux b"), []int{0, 2, 3, 4, 5, 6}; !slices.Equal(got, want) {
		t.Errorf("Matches = %v, want %v", got, want)
	}
	if got, want := s.MatchesString("a\xe2\x82qux\xffb"), []int{3, 4, 5, 6}; !slices.Equal(got, want) {
		t.Errorf("Matches = %v, want %v", got, want)
	}
	// A pattern that reads invalid bytes is asked alone on such a text.
	s = MustCompileSet([]string{`a.b`, `q`})
	before = meta.SetFallbacks()
	if got, want := s.MatchesString("qa\xffb"), []int{0, 1}; !slices.Equal(got, want) {
		t.Errorf("Matches = %v, want %v", got, want)
	}
	if n := meta.SetFallbacks() - before; n != 1 {
		t.Errorf("%d searches fell back, want 1", n)
	}
}

// TestSetMany checks sets of more patterns than a word of the pattern set
// holds, generated, on generated texts and a longer one.
func TestSetMany(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2))
	for range 4 {
		var exprs []string
		for len(exprs) < 150 {
			p := enginetest.RandomPattern(rng, 2)
			if _, err := std.Compile(p); err == nil {
				exprs = append(exprs, p)
			}
		}
		var texts []string
		long := ""
		for range 20 {
			text := enginetest.RandomInput(rng)
			texts = append(texts, text)
			long += text
		}
		checkSet(t, exprs, append(texts, long))
	}
}
