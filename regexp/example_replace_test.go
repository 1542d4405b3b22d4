package regexp_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/rerepl/rerepl/regexp"
)

func ExampleRegexp_ReplaceAll() {
	re := regexp.MustCompile(`(\w+)\.(\w+)`)
	src := []byte("see main.go and util.go")
	// $1_test would name a group "1_test": braces end the name.
	fmt.Printf("%s\n", re.ReplaceAll(src, []byte("$1_test.$2")))
	fmt.Printf("%s\n", re.ReplaceAll(src, []byte("${1}_test.$2")))
	// Named groups are written ${name}; $$ is a literal dollar sign.
	price := regexp.MustCompile(`(?P<n>\d+) dollars`)
	fmt.Printf("%s\n", price.ReplaceAll([]byte("5 dollars"), []byte("$$${n}")))
	// Output:
	// see .go and .go
	// see main_test.go and util_test.go
	// $5
}

func ExampleRegexp_ReplaceAllLiteral() {
	re := regexp.MustCompile(`\$\w+`)
	// The replacement is used as it is: $0 is not expanded.
	fmt.Printf("%s\n", re.ReplaceAllLiteral([]byte("cost: $price"), []byte("$0")))
	// Output:
	// cost: $0
}

func ExampleRegexp_ReplaceAllLiteralString() {
	re := regexp.MustCompile(`a(x*)b`)
	fmt.Println(re.ReplaceAllLiteralString("-ab-axxb-", "T"))
	fmt.Println(re.ReplaceAllLiteralString("-ab-axxb-", "$1"))
	fmt.Println(re.ReplaceAllLiteralString("-ab-axxb-", "${1}"))
	// Output:
	// -T-T-
	// -$1-$1-
	// -${1}-${1}-
}

func ExampleRegexp_ReplaceAllFunc() {
	re := regexp.MustCompile(`\d+`)
	double := func(b []byte) []byte {
		n := 0
		fmt.Sscan(string(b), &n)
		return fmt.Appendf(nil, "%d", 2*n)
	}
	fmt.Printf("%s\n", re.ReplaceAllFunc([]byte("3 apples and 12 pears"), double))
	// Output:
	// 6 apples and 24 pears
}

func ExampleRegexp_ReplaceAllString_emptyMatches() {
	// An empty match is replaced too, and right after a non-empty match
	// another empty match may follow.
	re := regexp.MustCompile(`x*`)
	fmt.Println(re.ReplaceAllString("abc", "-"))
	fmt.Println(re.ReplaceAllString("axxb", "-"))
	// Output:
	// -a-b-c-
	// -a-b-
}

func ExampleRegexp_ExpandString() {
	re := regexp.MustCompile(`(?P<user>\w+)@(?P<host>[\w.]+)`)
	src := "mail ann@go.dev"
	m := re.FindStringSubmatchIndex(src)
	// A name or number that is no group expands to nothing.
	out := re.ExpandString(nil, "${host}: ${user} ($1, $2, [$3], [$nope])", src, m)
	fmt.Println(string(out))
	// Output:
	// go.dev: ann (ann, go.dev, [], [])
}

func ExampleRegexp_Expand_bytes() {
	re := regexp.MustCompile(`(\w+)\s*=\s*(\w+)`)
	content := []byte("# settings\nwidth = 80\nheight=24\n")
	var out []byte
	for _, m := range re.FindAllSubmatchIndex(content, -1) {
		out = re.Expand(out, []byte("set $1 to $2\n"), content, m)
	}
	fmt.Print(string(out))
	// Output:
	// set width to 80
	// set height to 24
}

func ExampleRegexp_Split_fields() {
	re := regexp.MustCompile(`[;,]\s*`)
	fmt.Printf("%q\n", re.Split("a; b,c,  d", -1))
	// n == 0 returns nil; a separator at either end gives an empty field.
	fmt.Println(re.Split("a,b", 0) == nil)
	fmt.Printf("%q\n", re.Split(",a,", -1))
	// Compare strings.Split, which splits around a fixed separator.
	fmt.Printf("%q\n", strings.Split("a; b,c,  d", ","))
	// Output:
	// ["a" "b" "c" "d"]
	// true
	// ["" "a" ""]
	// ["a; b" "c" "  d"]
}

func ExampleRegexp_ReplaceAllStringFunc_bytes() {
	// ReplaceAllStringFunc and ReplaceAllFunc give the same result.
	re := regexp.MustCompile(`[aeiou]`)
	s := re.ReplaceAllStringFunc("banana", strings.ToUpper)
	b := re.ReplaceAllFunc([]byte("banana"), bytes.ToUpper)
	fmt.Println(s, string(b))
	// Output:
	// bAnAnA bAnAnA
}
