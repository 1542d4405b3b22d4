package fuzz

import (
	std "regexp"
	"testing"

	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp"
)

// Bounds on the inputs of the targets that run a pattern on a subject,
// FuzzMatch and FuzzEngines. The standard library is the oracle, and it
// must answer quickly on everything the fuzzer tries: its backtracker and
// NFA cost program size times subject length, which these keep small
// while leaving room for every construct. FuzzEngines runs each input on
// every engine and strategy, FuzzMatch through every method of the API;
// both take the same bounds, so a crasher of one is an input of the other.
const (
	maxMatchPattern  = 64
	maxMatchSubject  = 256
	maxMatchTemplate = 64 // FuzzMatch's replacement template
)

// Bits of the mode argument of FuzzMatch and FuzzEngines (their stored
// corpora encode it as a byte with these bits).
const (
	modePOSIX   = 1 << iota // compile with CompilePOSIX instead of Compile
	modeLongest             // call Longest after compiling
)

// matchInputOK reports whether a pattern and a subject are within the
// bounds above and the pattern's program within maxMatchCost.
func matchInputOK(pattern, subject string) bool {
	return len(pattern) <= maxMatchPattern && len(subject) <= maxMatchSubject &&
		testutil.ProgramCost(pattern) <= maxMatchCost
}

// compileMode compiles pattern with ours and the standard library as the
// mode bits say (POSIX syntax, then Longest). It reports false when either
// rejects the pattern, after failing the test unless both reject it with
// the same message.
func compileMode(t *testing.T, pattern string, mode uint8) (got *regexp.Regexp, want *std.Regexp, ok bool) {
	t.Helper()
	compile, compileStd := regexp.Compile, std.Compile
	if mode&modePOSIX != 0 {
		compile, compileStd = regexp.CompilePOSIX, std.CompilePOSIX
	}
	got, err := compile(pattern)
	want, wantErr := compileStd(pattern)
	if err != nil || wantErr != nil {
		if err == nil || wantErr == nil || err.Error() != wantErr.Error() {
			t.Fatalf("compile %q (mode %d): error %v, standard library %v", pattern, mode, err, wantErr)
		}
		return nil, nil, false
	}
	if mode&modeLongest != 0 {
		got.Longest()
		want.Longest()
	}
	return got, want, true
}
