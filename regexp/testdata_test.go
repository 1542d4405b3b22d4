package regexp

import (
	std "regexp"
	"slices"
	"testing"

	"github.com/rerepl/rerepl/internal/enginetest"
)

// loadCases reads testdata/cases.txt (its format is described at the top
// of that file) with the engine test harness's reader, which every engine
// package runs the same file through.
func loadCases(t *testing.T) []enginetest.Case {
	t.Helper()
	return enginetest.LoadCases(t)
}

// TestCaseFile runs every case of testdata/cases.txt on every engine.
func TestCaseFile(t *testing.T) {
	cases := loadCases(t)
	forEngine(t, func(t *testing.T, e engine) {
		for _, c := range cases {
			re, err := compileMode(c.Mode, c.Pattern, e)
			if c.Invalid {
				if err == nil {
					t.Errorf("%v: compiles, want an error", c)
				}
				continue
			}
			if err != nil {
				t.Errorf("%v: %v", c, err)
				continue
			}
			if got := re.FindStringSubmatchIndex(c.Text); !slices.Equal(got, c.First) {
				t.Errorf("%v: first match %v, want %v", c, got, c.First)
			}
			if got := re.FindAllStringSubmatchIndex(c.Text, -1); !slices.EqualFunc(got, c.All, slices.Equal) {
				t.Errorf("%v: all matches %v, want %v", c, got, c.All)
			}
		}
	})
}

// TestCaseFileAgreesWithStandardLibrary checks each expectation of the
// case file against the standard library, so that the file cannot drift
// from the behaviour it is meant to pin down.
func TestCaseFileAgreesWithStandardLibrary(t *testing.T) {
	for _, c := range loadCases(t) {
		var re *std.Regexp
		var err error
		if c.Mode == "posix" {
			re, err = std.CompilePOSIX(c.Pattern)
		} else {
			re, err = std.Compile(c.Pattern)
		}
		if c.Invalid {
			if err == nil {
				t.Errorf("%v: the standard library compiles it", c)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: the standard library rejects it: %v", c, err)
			continue
		}
		if c.Mode == "longest" {
			re.Longest()
		}
		if got := re.FindStringSubmatchIndex(c.Text); !slices.Equal(got, c.First) {
			t.Errorf("%v: the standard library's first match is %v, the file says %v", c, got, c.First)
		}
		if got := re.FindAllStringSubmatchIndex(c.Text, -1); !slices.EqualFunc(got, c.All, slices.Equal) {
			t.Errorf("%v: the standard library's matches are %v, the file says %v", c, got, c.All)
		}
	}
}
