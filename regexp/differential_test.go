package regexp

import (
	"bytes"
	"fmt"
	"reflect"
	std "regexp"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/testutil"
)

// The differential tests run generated patterns over a fixed set of texts
// through the whole API of this package and of the standard library, and
// require identical results.

// diffTexts, diffPatterns and genPattern are the shared generators of
// internal/testutil.
var (
	diffTexts    = testutil.DiffTexts
	diffPatterns = testutil.DiffPatterns
	genPattern   = testutil.GenPattern
)

type diffMode struct {
	name    string
	compile func(string) (*Regexp, error)
	std     func(string) (*std.Regexp, error)
	longest bool
}

var diffModes = []diffMode{
	{"perl", Compile, std.Compile, false},
	{"posix", CompilePOSIX, std.CompilePOSIX, false},
	{"longest", Compile, std.Compile, true},
}

func TestDifferential(t *testing.T) {
	patterns := diffPatterns(testing.Short() || raceEnabled)
	forEngine(t, func(t *testing.T, e engine) {
		nfail := 0
		for _, p := range patterns {
			for _, mode := range diffModes {
				ours, err := mode.compile(p)
				theirs, stdErr := mode.std(p)
				if (err == nil) != (stdErr == nil) || err != nil && err.Error() != stdErr.Error() {
					t.Errorf("%s %#q: error %v, standard library %v", mode.name, p, err, stdErr)
					nfail++
					continue
				}
				if err != nil {
					continue
				}
				if mode.longest {
					ours.Longest()
					theirs.Longest()
				}
				ours = withForce(ours, e)
				for _, d := range compareRegexps(ours, theirs, diffTexts) {
					t.Errorf("%s %#q: %s", mode.name, p, d)
					nfail++
				}
				if nfail > 30 {
					t.Fatal("too many differences")
				}
			}
		}
	})
}

// compareRegexps runs the whole API of ours and theirs on texts and
// returns a description of each difference.
func compareRegexps(ours *Regexp, theirs *std.Regexp, texts []string) []string {
	var diffs []string
	check := func(what string, got, want any) {
		if !reflect.DeepEqual(got, want) {
			diffs = append(diffs, fmt.Sprintf("%s = %#v, standard library %#v", what, got, want))
		}
	}
	check("String()", ours.String(), theirs.String())
	check("NumSubexp()", ours.NumSubexp(), theirs.NumSubexp())
	check("SubexpNames()", ours.SubexpNames(), theirs.SubexpNames())
	for _, name := range []string{"", "n0", "n1", "x", "first", "last", "nope"} {
		check(fmt.Sprintf("SubexpIndex(%q)", name), ours.SubexpIndex(name), theirs.SubexpIndex(name))
	}
	op, oc := ours.LiteralPrefix()
	tp, tc := theirs.LiteralPrefix()
	check("LiteralPrefix()", []any{op, oc}, []any{tp, tc})

	template := "<$0|$1|${2}|$n0|${n1}x|$$|$9|$first>"
	for _, s := range texts {
		b := []byte(s)
		q := fmt.Sprintf("(%q)", s)
		check("MatchString"+q, ours.MatchString(s), theirs.MatchString(s))
		check("Match"+q, ours.Match(b), theirs.Match(b))
		check("MatchReader"+q, ours.MatchReader(strings.NewReader(s)), theirs.MatchReader(strings.NewReader(s)))
		check("FindString"+q, ours.FindString(s), theirs.FindString(s))
		check("FindStringIndex"+q, ours.FindStringIndex(s), theirs.FindStringIndex(s))
		check("FindStringSubmatch"+q, ours.FindStringSubmatch(s), theirs.FindStringSubmatch(s))
		check("FindStringSubmatchIndex"+q, ours.FindStringSubmatchIndex(s), theirs.FindStringSubmatchIndex(s))
		check("Find"+q, ours.Find(b), theirs.Find(b))
		check("FindIndex"+q, ours.FindIndex(b), theirs.FindIndex(b))
		check("FindSubmatch"+q, ours.FindSubmatch(b), theirs.FindSubmatch(b))
		check("FindSubmatchIndex"+q, ours.FindSubmatchIndex(b), theirs.FindSubmatchIndex(b))
		check("FindReaderIndex"+q, ours.FindReaderIndex(strings.NewReader(s)), theirs.FindReaderIndex(strings.NewReader(s)))
		check("FindReaderSubmatchIndex"+q, ours.FindReaderSubmatchIndex(strings.NewReader(s)), theirs.FindReaderSubmatchIndex(strings.NewReader(s)))
		for _, n := range []int{-1, 0, 1, 2} {
			qn := fmt.Sprintf("(%q, %d)", s, n)
			check("FindAllString"+qn, ours.FindAllString(s, n), theirs.FindAllString(s, n))
			check("FindAllStringIndex"+qn, ours.FindAllStringIndex(s, n), theirs.FindAllStringIndex(s, n))
			check("FindAllStringSubmatch"+qn, ours.FindAllStringSubmatch(s, n), theirs.FindAllStringSubmatch(s, n))
			check("FindAllStringSubmatchIndex"+qn, ours.FindAllStringSubmatchIndex(s, n), theirs.FindAllStringSubmatchIndex(s, n))
			check("FindAll"+qn, ours.FindAll(b, n), theirs.FindAll(b, n))
			check("FindAllIndex"+qn, ours.FindAllIndex(b, n), theirs.FindAllIndex(b, n))
			check("FindAllSubmatch"+qn, ours.FindAllSubmatch(b, n), theirs.FindAllSubmatch(b, n))
			check("FindAllSubmatchIndex"+qn, ours.FindAllSubmatchIndex(b, n), theirs.FindAllSubmatchIndex(b, n))
			check("Split"+qn, ours.Split(s, n), theirs.Split(s, n))
		}
		check("ReplaceAllString"+q, ours.ReplaceAllString(s, template), theirs.ReplaceAllString(s, template))
		check("ReplaceAllString(no $)"+q, ours.ReplaceAllString(s, "<>"), theirs.ReplaceAllString(s, "<>"))
		check("ReplaceAllLiteralString"+q, ours.ReplaceAllLiteralString(s, "<$1>"), theirs.ReplaceAllLiteralString(s, "<$1>"))
		bracket := func(m string) string { return "[" + m + "]" }
		check("ReplaceAllStringFunc"+q, ours.ReplaceAllStringFunc(s, bracket), theirs.ReplaceAllStringFunc(s, bracket))
		check("ReplaceAll"+q, ours.ReplaceAll(b, []byte(template)), theirs.ReplaceAll(b, []byte(template)))
		check("ReplaceAllLiteral"+q, ours.ReplaceAllLiteral(b, []byte("<$1>")), theirs.ReplaceAllLiteral(b, []byte("<$1>")))
		bbracket := func(m []byte) []byte { return append(append([]byte("["), m...), ']') }
		check("ReplaceAllFunc"+q, ours.ReplaceAllFunc(b, bbracket), theirs.ReplaceAllFunc(b, bbracket))
		if m := theirs.FindStringSubmatchIndex(s); m != nil {
			check("ExpandString"+q, ours.ExpandString([]byte("x"), template, s, m), theirs.ExpandString([]byte("x"), template, s, m))
			check("Expand"+q, ours.Expand(nil, []byte(template), b, m), theirs.Expand(nil, []byte(template), b, m))
		}
	}
	// Byte methods on a nil slice, which some callers pass.
	check("Find(nil)", ours.Find(nil), theirs.Find(nil))
	check("FindAll(nil)", ours.FindAll(nil, -1), theirs.FindAll(nil, -1))
	check("ReplaceAll(nil)", ours.ReplaceAll(nil, []byte("x")), theirs.ReplaceAll(nil, []byte("x")))
	return diffs
}

// TestDifferentialAPIEdges covers the inputs of the API that do not depend
// on a search: QuoteMeta, Expand templates, MustCompile panics and text
// marshalling.
func TestDifferentialAPIEdges(t *testing.T) {
	for _, s := range []string{"", "abc", `\.+*?()|[]{}^$`, "日本\\語", "a\xffb", "x-y#z &"} {
		if got, want := QuoteMeta(s), std.QuoteMeta(s); got != want {
			t.Errorf("QuoteMeta(%q) = %q, want %q", s, got, want)
		}
		if !utf8.ValidString(s) {
			continue // not a valid pattern, quoted or not
		}
		if re := MustCompile(QuoteMeta(s)); !re.MatchString(s) || re.FindString(s) != s {
			t.Errorf("QuoteMeta(%q) does not match itself", s)
		}
	}
	templates := []string{"", "$", "$$", "$1", "${1}", "${1", "$1x", "${1}x", "$10", "$01", "$0", "$x",
		"${x}", "$ x", "$-", "${}", "$name$name", "${name}s", "$日本", "$999999999999", "$2$1", "a$"}
	re := MustCompile(`(?P<name>\w+)-(\d+)?(?P<x>z)?`)
	stdRe := std.MustCompile(re.String())
	src := "abc-12 def-"
	for _, m := range stdRe.FindAllStringSubmatchIndex(src, -1) {
		for _, tmpl := range templates {
			got := string(re.ExpandString(nil, tmpl, src, m))
			want := string(stdRe.ExpandString(nil, tmpl, src, m))
			if got != want {
				t.Errorf("ExpandString(%q, match %v) = %q, want %q", tmpl, m, got, want)
			}
			// A match slice shorter than the groups it names.
			got = string(re.Expand(nil, []byte(tmpl), []byte(src), m[:2]))
			want = string(stdRe.Expand(nil, []byte(tmpl), []byte(src), m[:2]))
			if got != want {
				t.Errorf("Expand(%q, match %v) = %q, want %q", tmpl, m[:2], got, want)
			}
		}
	}

	for _, p := range []string{`a(`, `[z-a]`, `\8`, "a\xff", `(?P<>a)`, `x{1001}`} {
		for _, posix := range []bool{false, true} {
			got, want := panicValue(func() {
				if posix {
					MustCompilePOSIX(p)
				} else {
					MustCompile(p)
				}
			}), panicValue(func() {
				if posix {
					std.MustCompilePOSIX(p)
				} else {
					std.MustCompile(p)
				}
			})
			if got != want {
				t.Errorf("MustCompile(%q) (posix %v) panics with %q, want %q", p, posix, got, want)
			}
		}
		_, err := MatchString(p, "")
		_, stdErr := std.MatchString(p, "")
		if fmt.Sprint(err) != fmt.Sprint(stdErr) {
			t.Errorf("MatchString(%q): %v, want %v", p, err, stdErr)
		}
	}

	for _, p := range []string{`a+b`, `x|yy`, ``} {
		re := MustCompilePOSIX(p)
		text, err := re.MarshalText()
		if err != nil || string(text) != p {
			t.Errorf("MarshalText() = %q, %v; want %q", text, err, p)
		}
		text, _ = re.AppendText([]byte("prefix:"))
		if string(text) != "prefix:"+p {
			t.Errorf("AppendText = %q", text)
		}
		// Unmarshalling compiles with Compile: the POSIX mode is lost.
		var back Regexp
		if err := back.UnmarshalText([]byte(p)); err != nil || back.String() != p || back.longest {
			t.Errorf("UnmarshalText(%q) = %v, %v (longest %v)", p, back.String(), err, back.longest)
		}
		for _, s := range []string{"aab", "xyy", ""} {
			if got, want := back.FindStringIndex(s), MustCompile(p).FindStringIndex(s); !reflect.DeepEqual(got, want) {
				t.Errorf("unmarshalled %#q on %q: %v, want %v", p, s, got, want)
			}
		}
	}
	var bad Regexp
	if err := bad.UnmarshalText([]byte("a(")); err == nil {
		t.Error("UnmarshalText(`a(`) succeeded")
	}

	// Copy keeps Longest settings apart.
	a := MustCompile(`a+?`)
	b := a.Copy()
	b.Longest()
	if got := a.FindString("aaa"); got != "a" {
		t.Errorf("original after Copy().Longest(): %q", got)
	}
	if got := b.FindString("aaa"); got != "aaa" {
		t.Errorf("copy after Longest(): %q", got)
	}

	for _, f := range []func(string, []byte) (bool, error){
		func(p string, b []byte) (bool, error) { return Match(p, b) },
		func(p string, b []byte) (bool, error) { return MatchString(p, string(b)) },
		func(p string, b []byte) (bool, error) { return MatchReader(p, bytes.NewReader(b)) },
	} {
		if ok, err := f(`b+`, []byte("abbc")); !ok || err != nil {
			t.Errorf("package-level match = %v, %v", ok, err)
		}
	}
}

// panicValue returns the value f panics with, or nil. A runtime error is
// a bug, not an expected panic, so it is passed on.
func panicValue(f func()) (v any) {
	defer func() {
		v = recover()
		if err, ok := v.(runtime.Error); ok {
			panic(err)
		}
	}()
	f()
	return nil
}
