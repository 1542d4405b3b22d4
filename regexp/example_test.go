package regexp_test

import (
	"fmt"
	"strings"

	"github.com/rerepl/rerepl/regexp"
)

func Example() {
	// Compile once, at package level in real code, and reuse: a Regexp
	// is safe for concurrent use.
	date := regexp.MustCompile(`(\d{4})-(\d{2})-(\d{2})`)
	fmt.Println(date.MatchString("released 2024-03-15"))
	fmt.Println(date.FindStringSubmatch("released 2024-03-15"))
	fmt.Println(date.ReplaceAllString("2024-03-15", "$3/$2/$1"))
	// Output:
	// true
	// [2024-03-15 2024 03 15]
	// 15/03/2024
}

func ExampleCompile_error() {
	_, err := regexp.Compile(`a(b`)
	fmt.Println(err)
	// Output:
	// error parsing regexp: missing closing ): `a(b`
}

func ExampleCompilePOSIX() {
	// Leftmost-first takes the first alternative that matches;
	// leftmost-longest takes the longest match.
	fmt.Println(regexp.MustCompile(`a|ab`).FindString("abc"))
	fmt.Println(regexp.MustCompilePOSIX(`a|ab`).FindString("abc"))
	// Output:
	// a
	// ab
}

func ExampleQuoteMeta() {
	price := regexp.MustCompile(regexp.QuoteMeta("$9.99 (each)"))
	fmt.Println(regexp.QuoteMeta("$9.99 (each)"))
	fmt.Println(price.MatchString("only $9.99 (each)!"))
	// Output:
	// \$9\.99 \(each\)
	// true
}

func ExampleRegexp_FindAllString() {
	word := regexp.MustCompile(`\w+`)
	fmt.Println(word.FindAllString("one two  three", -1))
	fmt.Println(word.FindAllString("one two  three", 2))
	// An empty match next to a previous match is not reported.
	fmt.Printf("%q\n", regexp.MustCompile(`a*`).FindAllString("baaac", -1))
	// Output:
	// [one two three]
	// [one two]
	// ["" "aaa" ""]
}

func ExampleRegexp_FindStringSubmatchIndex() {
	re := regexp.MustCompile(`(\w+)=(\d+)?`)
	// The second group does not take part: its offsets are -1.
	fmt.Println(re.FindStringSubmatchIndex("key="))
	fmt.Println(re.FindStringSubmatchIndex("x key=42"))
	// Output:
	// [0 4 0 3 -1 -1]
	// [2 8 2 5 6 8]
}

func ExampleRegexp_FindAllStringIndex_invalidUTF8() {
	// Each byte that is not valid UTF-8 is one character of width 1.
	dot := regexp.MustCompile(`.`)
	fmt.Println(dot.FindAllStringIndex("\xe2\x82A", -1))
	fmt.Println(dot.FindAllStringIndex("€", -1))
	// Output:
	// [[0 1] [1 2] [2 3]]
	// [[0 3]]
}

func ExampleRegexp_Expand() {
	re := regexp.MustCompile(`(?P<key>\w+):\s*(?P<value>\w+)`)
	src := "host: example\nport: 8080\n"
	var out []byte
	for _, m := range re.FindAllStringSubmatchIndex(src, -1) {
		out = re.ExpandString(out, "$key=${value};", src, m)
	}
	fmt.Println(string(out))
	// Output:
	// host=example;port=8080;
}

func ExampleRegexp_ReplaceAllString() {
	re := regexp.MustCompile(`a(x*)b`)
	fmt.Println(re.ReplaceAllString("-ab-axxb-", "T"))
	fmt.Println(re.ReplaceAllString("-ab-axxb-", "[$1]"))
	// $1W is read as the group named "1W", which does not exist.
	fmt.Println(re.ReplaceAllString("-ab-axxb-", "$1W"))
	fmt.Println(re.ReplaceAllString("-ab-axxb-", "${1}W"))
	// Output:
	// -T-T-
	// -[]-[xx]-
	// ---
	// -W-xxW-
}

func ExampleRegexp_ReplaceAllStringFunc() {
	re := regexp.MustCompile(`\b\w`)
	fmt.Println(re.ReplaceAllStringFunc("hello big world", strings.ToUpper))
	// Output:
	// Hello Big World
}

func ExampleRegexp_Split() {
	fmt.Printf("%q\n", regexp.MustCompile(`\s*,\s*`).Split("a , b,c ,d", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`a*`).Split("abaabaccadaaae", 5))
	fmt.Printf("%q\n", regexp.MustCompile(`,`).Split("a,b,c", 2))
	// Output:
	// ["a" "b" "c" "d"]
	// ["" "b" "b" "c" "cadaaae"]
	// ["a" "b,c"]
}

func ExampleRegexp_SubexpIndex() {
	re := regexp.MustCompile(`(?P<year>\d{4})-(?P<month>\d{2})`)
	m := re.FindStringSubmatch("2023-07")
	fmt.Println(m[re.SubexpIndex("month")], re.SubexpIndex("day"))
	fmt.Printf("%q\n", re.SubexpNames())
	// Output:
	// 07 -1
	// ["" "year" "month"]
}

func ExampleRegexp_LiteralPrefix() {
	fmt.Println(regexp.MustCompile(`hello, \w+`).LiteralPrefix())
	fmt.Println(regexp.MustCompile(`hello`).LiteralPrefix())
	// Output:
	// hello,  false
	// hello true
}

func ExampleRegexp_Longest() {
	re := regexp.MustCompile(`a+?`)
	fmt.Println(re.FindString("aaa"))
	re.Longest()
	fmt.Println(re.FindString("aaa"))
	// Output:
	// a
	// aaa
}

func ExampleRegexp_MatchReader() {
	re := regexp.MustCompile(`wor.d`)
	fmt.Println(re.MatchReader(strings.NewReader("hello world")))
	fmt.Println(re.FindReaderIndex(strings.NewReader("hello world")))
	// Output:
	// true
	// [6 11]
}
