package regexp

import (
	"fmt"
	"reflect"
	std "regexp"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/testutil"
)

// Bounds on FuzzEngines' inputs. The standard library is the oracle and
// must answer quickly on everything the fuzzer tries; each input also runs
// on every engine of testEngines, so the bounds are those of the public
// FuzzMatch target in fuzz/.
const (
	maxEnginesPattern = 64
	maxEnginesSubject = 256
	maxEnginesCost    = 2000
)

// Bits of FuzzEngines' mode argument.
const (
	enginesPOSIX   = 1 << iota // compile with CompilePOSIX instead of Compile
	enginesLongest             // call Longest after compiling
)

// engineAnswers holds what one compiled pattern answers on one subject,
// through each kind of search the executor runs: all matches with
// submatches, the first match with submatches, all match bounds on bytes,
// and a bare match test.
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

func ourAnswers(re *Regexp, s string) engineAnswers {
	return engineAnswers{
		allSubmatch: re.FindAllStringSubmatchIndex(s, -1),
		submatch:    re.FindStringSubmatchIndex(s),
		allIndex:    re.FindAllIndex([]byte(s), -1),
		match:       re.MatchString(s),
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

// FuzzEngines compiles a pattern with this package and the standard
// library, then forces each engine and strategy of testEngines in turn
// and requires each to give the standard library's answers on the
// subject. A failure names every engine that disagreed, so a bug in one
// strategy stands out from a bug in the shared compiler.
func FuzzEngines(f *testing.F) {
	f.Fuzz(func(t *testing.T, pattern, subject string, mode uint8) {
		if len(pattern) > maxEnginesPattern || len(subject) > maxEnginesSubject {
			return
		}
		if testutil.ProgramCost(pattern) > maxEnginesCost {
			return
		}
		compile, compileStd := Compile, std.Compile
		if mode&enginesPOSIX != 0 {
			compile, compileStd = CompilePOSIX, std.CompilePOSIX
		}
		want, err := compileStd(pattern)
		if err != nil {
			// Acceptance is FuzzParse's business; here only
			// patterns both packages run are of interest.
			return
		}
		re, err := compile(pattern)
		if err != nil {
			t.Fatalf("compile %q (mode %d): %v; the standard library accepts it", pattern, mode, err)
		}
		if mode&enginesLongest != 0 {
			want.Longest()
			re.Longest()
		}
		wantAnswers := stdAnswers(want, subject)
		var failed []string
		for _, e := range testEngines {
			re.force = e
			if d := ourAnswers(re, subject).diff(wantAnswers); d != "" {
				failed = append(failed, e.String())
				t.Errorf("engine %s: pattern %q, subject %q, mode %d:%s", e, pattern, subject, mode, d)
			}
		}
		if len(failed) > 0 {
			t.Errorf("engines that disagree with the standard library: %s", strings.Join(failed, ", "))
		}
	})
}
