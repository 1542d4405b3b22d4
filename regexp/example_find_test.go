package regexp_test

import (
	"fmt"
	"strings"

	"github.com/rerepl/rerepl/regexp"
)

func ExampleMatch() {
	// Match compiles the pattern for one search; a program that searches
	// often compiles once with MustCompile instead.
	ok, err := regexp.Match(`^[a-z]+\.go$`, []byte("main.go"))
	fmt.Println(ok, err)
	ok, err = regexp.Match(`^[a-z]+\.go$`, []byte("main_test.go"))
	fmt.Println(ok, err)
	_, err = regexp.Match(`[a-z`, []byte("main.go"))
	fmt.Println(err)
	// Output:
	// true <nil>
	// false <nil>
	// error parsing regexp: missing closing ]: `[a-z`
}

func ExampleMatchString() {
	for _, s := range []string{"v1.22.3", "v1.22", "1.22.3"} {
		ok, _ := regexp.MatchString(`^v\d+\.\d+\.\d+$`, s)
		fmt.Println(s, ok)
	}
	// Output:
	// v1.22.3 true
	// v1.22 false
	// 1.22.3 false
}

func ExampleMatchReader() {
	ok, err := regexp.MatchReader(`(?i)error`, strings.NewReader("2024-01-02 ERROR disk full"))
	fmt.Println(ok, err)
	// Output:
	// true <nil>
}

func ExampleRegexp_Match() {
	hex := regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	fmt.Println(hex.Match([]byte("#1e90FF")))
	fmt.Println(hex.Match([]byte("#1e90F")))
	// Output:
	// true
	// false
}

func ExampleRegexp_MatchString() {
	// Without anchors, a match anywhere in the text counts.
	digits := regexp.MustCompile(`\d+`)
	fmt.Println(digits.MatchString("room 101"))
	fmt.Println(digits.MatchString("no rooms"))
	// An empty match counts too: x* matches every text.
	fmt.Println(regexp.MustCompile(`x*`).MatchString("abc"))
	// Output:
	// true
	// false
	// true
}

func ExampleRegexp_Find() {
	re := regexp.MustCompile(`[0-9]+ms`)
	fmt.Printf("%q\n", re.Find([]byte("took 35ms, then 120ms")))
	// No match is nil; an empty match is an empty, non-nil slice.
	fmt.Println(re.Find([]byte("took a while")) == nil)
	empty := regexp.MustCompile(`a*`).Find([]byte("bbb"))
	fmt.Println(empty == nil, len(empty))
	// Output:
	// "35ms"
	// true
	// false 0
}

func ExampleRegexp_FindAll() {
	re := regexp.MustCompile(`#\w+`)
	text := []byte("#go is fun; #regex too. #go")
	fmt.Printf("%q\n", re.FindAll(text, -1))
	fmt.Printf("%q\n", re.FindAll(text, 1))
	fmt.Println(re.FindAll([]byte("no tags"), -1) == nil)
	// Output:
	// ["#go" "#regex" "#go"]
	// ["#go"]
	// true
}

func ExampleRegexp_FindIndex() {
	re := regexp.MustCompile(`wor\w*`)
	text := []byte("hello world")
	loc := re.FindIndex(text)
	fmt.Println(loc, string(text[loc[0]:loc[1]]))
	fmt.Println(re.FindIndex([]byte("hello")))
	// Output:
	// [6 11] world
	// []
}

func ExampleRegexp_FindAllIndex() {
	re := regexp.MustCompile(`o+`)
	fmt.Println(re.FindAllIndex([]byte("foo boo zoooo"), -1))
	// Empty matches: one at each position not right after a match.
	fmt.Println(regexp.MustCompile(`o*`).FindAllIndex([]byte("xoox"), -1))
	// Output:
	// [[1 3] [5 7] [9 13]]
	// [[0 0] [1 3] [4 4]]
}

func ExampleRegexp_FindSubmatch() {
	re := regexp.MustCompile(`(\w+)@(\w+)\.org`)
	m := re.FindSubmatch([]byte("write to ann@golang.org or bob@example.org"))
	for i, g := range m {
		fmt.Printf("%d %q\n", i, g)
	}
	// Output:
	// 0 "ann@golang.org"
	// 1 "ann"
	// 2 "golang"
}

func ExampleRegexp_FindAllSubmatch() {
	re := regexp.MustCompile(`(\w+)=(\w*)`)
	for _, m := range re.FindAllSubmatch([]byte("a=1 b= c=three"), -1) {
		fmt.Printf("%q is %q\n", m[1], m[2])
	}
	// Output:
	// "a" is "1"
	// "b" is ""
	// "c" is "three"
}

func ExampleRegexp_FindSubmatchIndex() {
	re := regexp.MustCompile(`(a+)(b+)?`)
	// The second group takes no part in the first search: -1 -1.
	fmt.Println(re.FindSubmatchIndex([]byte("xaa")))
	fmt.Println(re.FindSubmatchIndex([]byte("xaabbb")))
	// Output:
	// [1 3 1 3 -1 -1]
	// [1 6 1 3 3 6]
}

func ExampleRegexp_FindAllSubmatchIndex() {
	re := regexp.MustCompile(`(\d+)([a-z]*)`)
	text := []byte("10kg 7 300mm")
	for _, m := range re.FindAllSubmatchIndex(text, -1) {
		fmt.Printf("%v %q %q\n", m, text[m[2]:m[3]], text[m[4]:m[5]])
	}
	// Output:
	// [0 4 0 2 2 4] "10" "kg"
	// [5 6 5 6 6 6] "7" ""
	// [7 12 7 10 10 12] "300" "mm"
}

func ExampleRegexp_FindString() {
	re := regexp.MustCompile(`\b[A-Z][a-z]+\b`)
	fmt.Printf("%q\n", re.FindString("call me Ishmael. Some years ago"))
	// An empty result is either no match or an empty match; use
	// FindStringIndex to tell them apart.
	fmt.Printf("%q\n", re.FindString("all lower case"))
	// Output:
	// "Ishmael"
	// ""
}

func ExampleRegexp_FindStringIndex() {
	re := regexp.MustCompile(`x*`)
	fmt.Println(re.FindStringIndex("abc"))
	fmt.Println(regexp.MustCompile(`z`).FindStringIndex("abc"))
	// Output:
	// [0 0]
	// []
}

func ExampleRegexp_FindStringSubmatch() {
	re := regexp.MustCompile(`^(\w+)(?:\s+(\w+))?$`)
	fmt.Printf("%q\n", re.FindStringSubmatch("hello world"))
	fmt.Printf("%q\n", re.FindStringSubmatch("hello"))
	fmt.Printf("%q\n", re.FindStringSubmatch("hello, world"))
	// Output:
	// ["hello world" "hello" "world"]
	// ["hello" "hello" ""]
	// []
}

func ExampleRegexp_FindAllStringSubmatch() {
	re := regexp.MustCompile(`(\w+):(\d+)`)
	for _, m := range re.FindAllStringSubmatch("localhost:8080, example.com:443", -1) {
		fmt.Println(m[1], m[2])
	}
	// Output:
	// localhost 8080
	// com 443
}

func ExampleRegexp_FindAllStringSubmatchIndex() {
	re := regexp.MustCompile(`(?m)^(\w+):`)
	text := "name: gopher\nrole: mascot\n  indented: no"
	fmt.Println(re.FindAllStringSubmatchIndex(text, -1))
	// Output:
	// [[0 5 0 4] [13 18 13 17]]
}

func ExampleRegexp_FindAllStringIndex() {
	re := regexp.MustCompile(`é+`)
	// Offsets count bytes: é is two bytes in UTF-8.
	fmt.Println(re.FindAllStringIndex("café, éé", -1))
	// Output:
	// [[3 5] [7 11]]
}

func ExampleRegexp_FindReaderSubmatchIndex() {
	re := regexp.MustCompile(`(\d+)\.(\d+)`)
	fmt.Println(re.FindReaderSubmatchIndex(strings.NewReader("pi is 3.14")))
	// Output:
	// [6 10 6 7 8 10]
}

func ExampleRegexp_NumSubexp() {
	fmt.Println(regexp.MustCompile(`a(b(c))(?:d)(?P<e>e)`).NumSubexp())
	// Groups are counted as written, even those that can never match.
	fmt.Println(regexp.MustCompile(`(x){0}y`).NumSubexp())
	// Output:
	// 3
	// 1
}

func ExampleRegexp_SubexpNames() {
	re := regexp.MustCompile(`(?P<first>\w+) (\w+) (?<last>\w+)`)
	fmt.Printf("%q\n", re.SubexpNames())
	m := re.FindStringSubmatch("Ada King Lovelace")
	for i, name := range re.SubexpNames() {
		if name != "" {
			fmt.Printf("%s=%s\n", name, m[i])
		}
	}
	// Output:
	// ["" "first" "" "last"]
	// first=Ada
	// last=Lovelace
}
