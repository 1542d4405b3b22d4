package fuzz

import (
	"fmt"
	"reflect"
	std "regexp"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/meta"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// engineAnswers holds what one compiled pattern answers on one subject,
// through each kind of search the strategy layer runs: all matches with
// submatches, the first match with submatches, all match bounds, and a
// bare match test.
type engineAnswers struct {
	allSubmatch [][]int
	submatch    []int
	allIndex    [][]int
	match       bool
}

func stdAnswers(re *std.Regexp, s string) engineAnswers {
	return engineAnswers{
		allSubmatch: re.FindAllStringSubmatchIndex(s, -1),
		submatch:    re.FindStringSubmatchIndex(s),
		allIndex:    re.FindAllIndex([]byte(s), -1),
		match:       re.MatchString(s),
	}
}

// metaAnswers asks x the questions of engineAnswers the way package regexp
// does: its All methods call All with a bound of one match more than the
// text has bytes, its single-match methods Find.
func metaAnswers(x *meta.Regexp, s string, longest bool) engineAnswers {
	h := []byte(s)
	all := func(submatch bool) [][]int {
		var out [][]int
		x.All(h, len(h)+1, longest, submatch, func(m []int) { out = append(out, append([]int(nil), m...)) })
		return out
	}
	return engineAnswers{
		allSubmatch: all(true),
		submatch:    x.Find(h, 0, longest, x.NumSlots(), nil),
		allIndex:    all(false),
		match:       x.Find(h, 0, longest, 0, nil) != nil,
	}
}

// diff describes how got differs from want, or returns "" when they are
// the same. reflect.DeepEqual tells nil from empty, as the API does.
func (got engineAnswers) diff(want engineAnswers) string {
	var b strings.Builder
	if !reflect.DeepEqual(got.allSubmatch, want.allSubmatch) {
		fmt.Fprintf(&b, "\n\tFindAllStringSubmatchIndex = %v, want %v", got.allSubmatch, want.allSubmatch)
	}
	if !reflect.DeepEqual(got.submatch, want.submatch) {
		fmt.Fprintf(&b, "\n\tFindStringSubmatchIndex = %v, want %v", got.submatch, want.submatch)
	}
	if !reflect.DeepEqual(got.allIndex, want.allIndex) {
		fmt.Fprintf(&b, "\n\tFindAllIndex = %v, want %v", got.allIndex, want.allIndex)
	}
	if got.match != want.match {
		fmt.Fprintf(&b, "\n\tMatchString = %v, want %v", got.match, want.match)
	}
	return b.String()
}

// FuzzEngines compiles a pattern with the strategy layer (internal/meta),
// forces each engine and strategy of meta.Forces in turn (meta.Config),
// and requires each to give the standard library's answers on the
// subject. A failure names every engine that disagreed, so a bug in
// one strategy stands out from a bug in the shared compiler. Its inputs
// have FuzzMatch's bounds and mode bits.
func FuzzEngines(f *testing.F) {
	f.Fuzz(func(t *testing.T, pattern, subject string, mode uint8) {
		if !matchInputOK(pattern, subject) {
			return
		}
		flags, compileStd := syntax.Perl, std.Compile
		if mode&modePOSIX != 0 {
			flags, compileStd = syntax.POSIX, std.CompilePOSIX
		}
		want, err := compileStd(pattern)
		if err != nil {
			// Acceptance is FuzzParse's business; here only
			// patterns both packages run are of interest.
			return
		}
		longest := mode&modePOSIX != 0
		if mode&modeLongest != 0 {
			want.Longest()
			longest = true
		}
		wantAnswers := stdAnswers(want, subject)
		var failed []string
		auto, err := meta.Compile(pattern, flags, meta.Config{})
		if err != nil {
			t.Fatalf("compile %q (mode %d): %v; the standard library accepts it", pattern, mode, err)
		}
		for _, e := range meta.Forces {
			// The automatic choice (first in Forces) runs first, so
			// that it warms up as a new pattern does; the forced
			// ones share what it built.
			x := auto
			if e != meta.ForceAuto {
				x = new(meta.Regexp)
				x.InitFrom(auto, meta.Config{Force: e})
			}
			if d := metaAnswers(x, subject, longest).diff(wantAnswers); d != "" {
				failed = append(failed, e.String())
				t.Errorf("engine %s: pattern %q, subject %q, mode %d:%s", e, pattern, subject, mode, d)
			}
		}
		if len(failed) > 0 {
			t.Errorf("engines that disagree with the standard library: %s", strings.Join(failed, ", "))
		}
	})
}
