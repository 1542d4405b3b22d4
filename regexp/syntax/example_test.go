package syntax_test

import (
	"fmt"

	"github.com/rerepl/rerepl/regexp/syntax"
)

func ExampleRegexp_String() {
	// String writes a tree back as a pattern with the same meaning, in a
	// canonical form: classes as ranges, flags as groups, common prefixes
	// of alternatives factored out.
	for _, p := range []string{`\d\s\w`, `[[:alpha:]]`, `(?i)hello`, `.`, `abc|abd`, `(?:a|b)+`} {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-12s %s\n", p, re)
	}
	// Output:
	// \d\s\w       [0-9][\t\n\f\r ][0-9A-Z_a-z]
	// [[:alpha:]]  [A-Za-z]
	// (?i)hello    (?i:HELLO)
	// .            (?-s:.)
	// abc|abd      ab[cd]
	// (?:a|b)+     [ab]+
}

func ExampleRegexp_Simplify() {
	// Simplify rewrites counted repetitions with *, + and ?, the way a
	// matcher runs them; copies of a group keep its number.
	for _, p := range []string{`a{2,4}`, `x{2,}`, `(ab){3}`, `[a-c]{1,2}`} {
		re, _ := syntax.Parse(p, syntax.Perl)
		fmt.Printf("%-10s %s\n", p, re.Simplify())
	}
	// Output:
	// a{2,4}     aa(?:aa?)?
	// x{2,}      xx+
	// (ab){3}    (ab)(ab)(ab)
	// [a-c]{1,2} [a-c][a-c]?
}

func ExampleRegexp_CapNames() {
	re, _ := syntax.Parse(`(?P<year>\d+)-(\d+)-(?<day>\d+)`, syntax.Perl)
	fmt.Println(re.MaxCap())
	fmt.Printf("%q\n", re.CapNames())
	// Output:
	// 3
	// ["" "year" "" "day"]
}
