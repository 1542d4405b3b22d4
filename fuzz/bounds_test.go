package fuzz

import "github.com/rerepl/rerepl/internal/testutil"

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
