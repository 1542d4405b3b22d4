package regexp_test

import (
	"encoding/json"
	"fmt"

	"github.com/rerepl/rerepl/regexp"
)

func ExampleCompile() {
	re, err := regexp.Compile(`^(\d{3})-(\d{4})$`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(re.MatchString("555-0199"), re.NumSubexp())
	// Output:
	// true 2
}

// A pattern written in the program itself is known to be valid, so
// MustCompile is the usual way to compile it, once, at package level.
var identifier = regexp.MustCompile(`^[\pL_][\pL\pN_]*$`)

func ExampleMustCompile() {
	fmt.Println(identifier.MatchString("größe"), identifier.MatchString("2x"))
	// MustCompile panics on a bad pattern, with the error in the message.
	defer func() { fmt.Println(recover()) }()
	regexp.MustCompile(`a(b`)
	// Output:
	// true false
	// regexp: Compile(`a(b`): error parsing regexp: missing closing ): `a(b`
}

func ExampleMustCompilePOSIX() {
	// Leftmost-longest: of all the matches starting at the leftmost
	// position, the longest one wins, whatever the order of alternatives.
	re := regexp.MustCompilePOSIX(`(go|gopher)(s*)`)
	fmt.Println(re.FindStringSubmatch("gophers"))
	fmt.Println(regexp.MustCompile(`(go|gopher)(s*)`).FindStringSubmatch("gophers"))
	// Output:
	// [gophers gopher s]
	// [go go ]
}

func ExampleRegexp_String() {
	re := regexp.MustCompile(`(?i)h(a|e)llo\s+`)
	// String is the pattern as it was given, not a rewritten form.
	fmt.Println(re.String())
	fmt.Println(re)
	// Output:
	// (?i)h(a|e)llo\s+
	// (?i)h(a|e)llo\s+
}

func ExampleRegexp_MarshalText() {
	// A *Regexp is a json.Marshaler through MarshalText: it is written as
	// its pattern.
	config := struct {
		Name  string
		Match *regexp.Regexp
	}{"logs", regexp.MustCompile(`\.log$`)}
	out, err := json.Marshal(config)
	fmt.Println(string(out), err)
	// Output:
	// {"Name":"logs","Match":"\\.log$"} <nil>
}

func ExampleRegexp_UnmarshalText() {
	var config struct {
		Match *regexp.Regexp
	}
	err := json.Unmarshal([]byte(`{"Match": "^v[0-9]+$"}`), &config)
	fmt.Println(err, config.Match.MatchString("v12"))
	// A bad pattern is reported as the error of Compile.
	err = json.Unmarshal([]byte(`{"Match": "v[0-9"}`), &config)
	fmt.Println(err)
	// Output:
	// <nil> true
	// error parsing regexp: missing closing ]: `[0-9`
}

func ExampleRegexp_Copy() {
	re := regexp.MustCompile(`a|ab`)
	longest := re.Copy()
	longest.Longest()
	// The copy changed; the original did not.
	fmt.Println(re.FindString("abc"), longest.FindString("abc"))
	// Output:
	// a ab
}

func ExampleRegexp_LiteralPrefix_more() {
	// The prefix is what every match starts with; it is complete when it
	// is all the pattern matches. A pattern that ignores case has none.
	for _, p := range []string{`^abc`, `abc+`, `(?i)abc`, `abc|abd`, `abc|xyz`} {
		prefix, complete := regexp.MustCompile(p).LiteralPrefix()
		fmt.Printf("%-8s %q %v\n", p, prefix, complete)
	}
	// Output:
	// ^abc     "abc" false
	// abc+     "abc" false
	// (?i)abc  "" false
	// abc|abd  "ab" false
	// abc|xyz  "" false
}

func ExampleRegexp_Longest_alternation() {
	re := regexp.MustCompile(`Jan|January`)
	fmt.Println(re.FindString("January 5"))
	re.Longest()
	fmt.Println(re.FindString("January 5"))
	// Output:
	// Jan
	// January
}

func ExampleQuoteMeta_pattern() {
	// QuoteMeta builds a pattern that matches a text literally, here as
	// part of a larger pattern.
	file := "report(2024).txt"
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(file) + `(\.bak)?$`)
	fmt.Println(re.MatchString("report(2024).txt.bak"), re.MatchString("report2024.txt"))
	// Output:
	// true false
}
