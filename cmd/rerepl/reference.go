package main

import (
	stdregexp "regexp"

	"github.com/rerepl/rerepl/internal/repl"
)

// stdReference compiles expr with the standard library's regexp, for
// :bench to time beside this module's. It lives in the command because the
// module's library packages import the standard regexp only in tests.
func stdReference(expr string, posix, longest bool) (repl.Searcher, error) {
	compile := stdregexp.Compile
	if posix {
		compile = stdregexp.CompilePOSIX
	}
	re, err := compile(expr)
	if err != nil {
		// Not re itself: a nil *Regexp in an interface is not nil.
		return nil, err
	}
	if longest {
		re.Longest()
	}
	return re, nil
}
