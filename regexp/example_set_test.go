package regexp_test

import (
	"errors"
	"fmt"

	"github.com/rerepl/rerepl/regexp"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// A log classifier: which rules does each line match?
func ExampleSet_MatchesString() {
	rules := regexp.MustCompileSet([]string{
		`\berror\b`,
		`(?i)timeout`,
		`user=\w+`,
		`\d{3}ms$`,
	})
	for _, line := range []string{
		"GET /index user=ann 120ms",
		"error: upstream TIMEOUT",
		"ok",
	} {
		fmt.Printf("%q %v\n", line, rules.MatchesString(line))
	}
	// Output:
	// "GET /index user=ann 120ms" [2 3]
	// "error: upstream TIMEOUT" [0 1]
	// "ok" []
}

// Match stops at the first match of any pattern.
func ExampleSet_MatchString() {
	secrets := regexp.MustCompileSet([]string{`AKIA[0-9A-Z]{16}`, `ghp_[0-9A-Za-z]{36}`})
	fmt.Println(secrets.MatchString("key = AKIAABCDEFGHIJKLMNOP"))
	fmt.Println(secrets.MatchString("nothing to see"))
	// Output:
	// true
	// false
}

// The error of a pattern that does not parse names its index and wraps
// the pattern's *syntax.Error.
func ExampleCompileSet_error() {
	_, err := regexp.CompileSet([]string{`a+`, `b(`, `c`})
	fmt.Println(err)
	var serr *syntax.Error
	if errors.As(err, &serr) {
		fmt.Println(serr.Code)
	}
	// Output:
	// regexp: pattern 1: error parsing regexp: missing closing ): `b(`
	// missing closing )
}
