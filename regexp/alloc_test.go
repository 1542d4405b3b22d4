package regexp

import (
	std "regexp"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/meta"
)

// TestWarmSearchesDoNotAllocate requires searches on a warm Regexp to
// allocate nothing but their result: zero for the Match methods, and no
// more than the standard library (which allocates just the result slice)
// for the Index methods.
func TestWarmSearchesDoNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	patterns := []string{`(\w+)@(\w+)\.com`, `^(a+)(b*)$`, `a|b|c`, `(?i)hello`, `x*`}
	text := "some text with user@example.com and more"
	textBytes := []byte(text)
	for _, p := range patterns {
		for _, e := range testEngines {
			re := MustCompile(p)
			re = withForce(re, e)
			ref := std.MustCompile(p)
			calls := []struct {
				name       string
				ours, std  func()
				mustBeZero bool
			}{
				{"MatchString", func() { re.MatchString(text) }, func() { ref.MatchString(text) }, true},
				{"Match", func() { re.Match(textBytes) }, func() { ref.Match(textBytes) }, true},
				{"FindStringIndex", func() { re.FindStringIndex(text) }, func() { ref.FindStringIndex(text) }, false},
				{"FindIndex", func() { re.FindIndex(textBytes) }, func() { ref.FindIndex(textBytes) }, false},
				{"FindStringSubmatchIndex", func() { re.FindStringSubmatchIndex(text) }, func() { ref.FindStringSubmatchIndex(text) }, false},
				{"FindSubmatchIndex", func() { re.FindSubmatchIndex(textBytes) }, func() { ref.FindSubmatchIndex(textBytes) }, false},
				{"FindString", func() { re.FindString(text) }, func() { ref.FindString(text) }, true},
				{"Find", func() { re.Find(textBytes) }, func() { ref.Find(textBytes) }, true},
			}
			for _, c := range calls {
				// Warm up: the strategy is built after the first
				// few short searches (see warmUp), and the cache
				// pool fills on the first.
				for range meta.WarmUpCalls + 1 {
					c.ours()
				}
				got := testing.AllocsPerRun(100, c.ours)
				want := testing.AllocsPerRun(100, c.std)
				if c.mustBeZero {
					want = 0
				}
				if got > want {
					t.Errorf("%#q %s [%s]: %v allocations per call, want at most %v", p, c.name, e, got, want)
				}
			}
		}
	}
}

// TestAllWithoutMatchDoesNotAllocate checks that the All methods allocate
// nothing on a warm Regexp when there is no match, as the standard
// library's do: the list of matches and its scratch space are made by the
// first match.
func TestAllWithoutMatchDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	text := "some text with no digits in it at all, " + strings.Repeat("none here. ", 40)
	textBytes := []byte(text)
	for _, p := range []string{`zqzqzq`, `\d+`, `(\d+)-(\d+)`, `(?i)x{3}`} {
		for _, e := range testEngines {
			re := MustCompile(p)
			re = withForce(re, e)
			calls := map[string]func(){
				"FindAllStringIndex":         func() { re.FindAllStringIndex(text, -1) },
				"FindAllIndex":               func() { re.FindAllIndex(textBytes, -1) },
				"FindAllStringSubmatchIndex": func() { re.FindAllStringSubmatchIndex(text, -1) },
				"FindAllString":              func() { re.FindAllString(text, -1) },
			}
			for name, call := range calls {
				for range meta.WarmUpCalls + 1 {
					call()
				}
				if got := testing.AllocsPerRun(50, call); got > 0 {
					t.Errorf("%#q %s [%s]: %v allocations per call without a match, want 0", p, name, e, got)
				}
			}
		}
	}
}
