package fuzz

import (
	"bytes"
	"reflect"
	std "regexp"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/regexp"
)

// FuzzMatch compiles a pattern with both packages and checks that every
// method of the API gives exactly the standard library's answer on the
// subject: first and all matches, with and without submatches, on strings,
// bytes and readers, replacements with the fuzzed template and with group
// references, Split, Expand, and the pattern's own accessors.
func FuzzMatch(f *testing.F) {
	f.Fuzz(func(t *testing.T, pattern, subject, template string, mode uint8) {
		if len(template) > maxMatchTemplate || !matchInputOK(pattern, subject) {
			return
		}
		got, want, ok := compileMode(t, pattern, mode)
		if !ok {
			return
		}
		c := &matchCheck{t: t, got: got, want: want, pattern: pattern, subject: subject, mode: mode}
		c.accessors()
		c.find()
		c.findAll()
		c.readers()
		c.replace(template)
		c.split()
	})
}

// A matchCheck compares one compiled pattern of ours with the standard
// library's on one subject.
type matchCheck struct {
	t       *testing.T
	got     *regexp.Regexp
	want    *std.Regexp
	pattern string
	subject string
	mode    uint8
}

// same fails the test when a method's answers differ. reflect.DeepEqual
// tells nil from empty, which the API documents (nil means no match).
func (c *matchCheck) same(method string, got, want any) {
	c.t.Helper()
	if !reflect.DeepEqual(got, want) {
		c.t.Fatalf("pattern %q, subject %q, mode %d:\n%s\n  rerepl: %#v\n  std:    %#v",
			c.pattern, c.subject, c.mode, method, got, want)
	}
}

func (c *matchCheck) accessors() {
	c.same("String()", c.got.String(), c.want.String())
	c.same("NumSubexp()", c.got.NumSubexp(), c.want.NumSubexp())
	c.same("SubexpNames()", c.got.SubexpNames(), c.want.SubexpNames())
	for _, name := range append(c.want.SubexpNames(), "x", "") {
		c.same("SubexpIndex("+name+")", c.got.SubexpIndex(name), c.want.SubexpIndex(name))
	}
	gotPrefix, gotComplete := c.got.LiteralPrefix()
	wantPrefix, wantComplete := c.want.LiteralPrefix()
	c.same("LiteralPrefix()", []any{gotPrefix, gotComplete}, []any{wantPrefix, wantComplete})
}

func (c *matchCheck) find() {
	s, b := c.subject, []byte(c.subject)
	c.same("MatchString", c.got.MatchString(s), c.want.MatchString(s))
	c.same("Match", c.got.Match(b), c.want.Match(b))
	c.same("FindString", c.got.FindString(s), c.want.FindString(s))
	c.same("FindStringIndex", c.got.FindStringIndex(s), c.want.FindStringIndex(s))
	c.same("FindStringSubmatch", c.got.FindStringSubmatch(s), c.want.FindStringSubmatch(s))
	c.same("FindStringSubmatchIndex", c.got.FindStringSubmatchIndex(s), c.want.FindStringSubmatchIndex(s))
	c.same("Find", c.got.Find(b), c.want.Find(b))
	c.same("FindIndex", c.got.FindIndex(b), c.want.FindIndex(b))
	c.same("FindSubmatch", c.got.FindSubmatch(b), c.want.FindSubmatch(b))
	c.same("FindSubmatchIndex", c.got.FindSubmatchIndex(b), c.want.FindSubmatchIndex(b))
}

func (c *matchCheck) findAll() {
	s, b := c.subject, []byte(c.subject)
	// -1 is all matches; 0 asks for none; 2 stops part way, which must
	// stop at the same match.
	for _, n := range []int{-1, 0, 2} {
		c.same("FindAllString", c.got.FindAllString(s, n), c.want.FindAllString(s, n))
		c.same("FindAllStringIndex", c.got.FindAllStringIndex(s, n), c.want.FindAllStringIndex(s, n))
		c.same("FindAllStringSubmatch", c.got.FindAllStringSubmatch(s, n), c.want.FindAllStringSubmatch(s, n))
		c.same("FindAllStringSubmatchIndex", c.got.FindAllStringSubmatchIndex(s, n), c.want.FindAllStringSubmatchIndex(s, n))
		c.same("FindAll", c.got.FindAll(b, n), c.want.FindAll(b, n))
		c.same("FindAllIndex", c.got.FindAllIndex(b, n), c.want.FindAllIndex(b, n))
		c.same("FindAllSubmatch", c.got.FindAllSubmatch(b, n), c.want.FindAllSubmatch(b, n))
		c.same("FindAllSubmatchIndex", c.got.FindAllSubmatchIndex(b, n), c.want.FindAllSubmatchIndex(b, n))
	}
}

func (c *matchCheck) readers() {
	s := c.subject
	c.same("MatchReader", c.got.MatchReader(strings.NewReader(s)), c.want.MatchReader(strings.NewReader(s)))
	c.same("FindReaderIndex", c.got.FindReaderIndex(strings.NewReader(s)), c.want.FindReaderIndex(strings.NewReader(s)))
	c.same("FindReaderSubmatchIndex",
		c.got.FindReaderSubmatchIndex(strings.NewReader(s)), c.want.FindReaderSubmatchIndex(strings.NewReader(s)))
}

// replace checks the replacement methods with the fuzzed template and with
// templates that refer to groups by number and by name, braced and not.
func (c *matchCheck) replace(template string) {
	s, b := c.subject, []byte(c.subject)
	templates := []string{template, "$1", "${1}x", "<$0>", "$2$1$$", "$x1 ${x}1"}
	for _, name := range c.want.SubexpNames() {
		if name != "" {
			templates = append(templates, "$"+name, "[${"+name+"}]")
		}
	}
	for _, tmpl := range templates {
		c.same("ReplaceAllString(_, "+tmpl+")", c.got.ReplaceAllString(s, tmpl), c.want.ReplaceAllString(s, tmpl))
		c.same("ReplaceAll(_, "+tmpl+")", c.got.ReplaceAll(b, []byte(tmpl)), c.want.ReplaceAll(b, []byte(tmpl)))
		c.same("ReplaceAllLiteralString(_, "+tmpl+")",
			c.got.ReplaceAllLiteralString(s, tmpl), c.want.ReplaceAllLiteralString(s, tmpl))
		c.same("ReplaceAllLiteral(_, "+tmpl+")",
			c.got.ReplaceAllLiteral(b, []byte(tmpl)), c.want.ReplaceAllLiteral(b, []byte(tmpl)))
		if m := c.want.FindStringSubmatchIndex(s); m != nil {
			c.same("ExpandString(_, "+tmpl+")",
				c.got.ExpandString([]byte("pre:"), tmpl, s, m), c.want.ExpandString([]byte("pre:"), tmpl, s, m))
			c.same("Expand(_, "+tmpl+")",
				c.got.Expand(nil, []byte(tmpl), b, m), c.want.Expand(nil, []byte(tmpl), b, m))
		}
	}
	// The function sees each match in order; recording the calls catches
	// a replacement that calls it for different matches than it uses.
	var gotCalls, wantCalls []string
	gotOut := c.got.ReplaceAllStringFunc(s, func(m string) string { gotCalls = append(gotCalls, m); return "<" + m + ">" })
	wantOut := c.want.ReplaceAllStringFunc(s, func(m string) string { wantCalls = append(wantCalls, m); return "<" + m + ">" })
	c.same("ReplaceAllStringFunc", gotOut, wantOut)
	c.same("ReplaceAllStringFunc calls", gotCalls, wantCalls)
	upper := func(m []byte) []byte { return bytes.ToUpper(m) }
	c.same("ReplaceAllFunc", c.got.ReplaceAllFunc(b, upper), c.want.ReplaceAllFunc(b, upper))
}

func (c *matchCheck) split() {
	for _, n := range []int{-1, 0, 1, 2} {
		c.same("Split", c.got.Split(c.subject, n), c.want.Split(c.subject, n))
	}
}
