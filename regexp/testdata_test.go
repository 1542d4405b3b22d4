package regexp

import (
	"bufio"
	"fmt"
	"io"
	"os"
	std "regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// A fileCase is one case of testdata/cases.txt (its format is described at
// the top of that file).
type fileCase struct {
	line    int
	mode    string
	pattern string
	text    string
	invalid bool    // the pattern must not compile
	first   []int   // nil: no match
	all     [][]int // nil: no match
}

func (c fileCase) String() string {
	return fmt.Sprintf("cases.txt:%d: %s %#q on %q", c.line, c.mode, c.pattern, c.text)
}

// readCases parses the case file.
func readCases(r io.Reader) ([]fileCase, error) {
	var cases []fileCase
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c, err := parseCase(line)
		if err != nil {
			return nil, fmt.Errorf("cases.txt:%d: %v", n, err)
		}
		c.line = n
		cases = append(cases, c)
	}
	return cases, sc.Err()
}

func parseCase(line string) (fileCase, error) {
	var c fileCase
	c.mode, line, _ = strings.Cut(line, " ")
	switch c.mode {
	case "perl", "posix", "longest":
	default:
		return c, fmt.Errorf("unknown mode %q", c.mode)
	}
	var err error
	if c.pattern, line, err = cutQuoted(line); err != nil {
		return c, fmt.Errorf("pattern: %v", err)
	}
	if c.text, line, err = cutQuoted(line); err != nil {
		return c, fmt.Errorf("text: %v", err)
	}
	result, ok := strings.CutPrefix(strings.TrimSpace(line), "->")
	if !ok {
		return c, fmt.Errorf("missing -> after the text")
	}
	result = strings.TrimSpace(result)
	if result == "error" {
		c.invalid = true
		return c, nil
	}
	firstField, allField, ok := strings.Cut(result, ";")
	if !ok {
		return c, fmt.Errorf("missing ; between first and all")
	}
	if c.first, err = parseSpans(firstField); err != nil {
		return c, err
	}
	if strings.TrimSpace(allField) != "none" {
		for _, m := range strings.Split(allField, "|") {
			spans, err := parseSpans(m)
			if err != nil || spans == nil {
				return c, fmt.Errorf("bad match %q in all", m)
			}
			c.all = append(c.all, spans)
		}
	}
	return c, nil
}

// cutQuoted reads the Go string literal at the start of s (after spaces)
// and returns its value and the rest of s.
func cutQuoted(s string) (value, rest string, err error) {
	s = strings.TrimSpace(s)
	lit, err := strconv.QuotedPrefix(s)
	if err != nil {
		return "", "", err
	}
	value, err = strconv.Unquote(lit)
	return value, s[len(lit):], err
}

// parseSpans parses "none" (nil) or a list of "start-end" and "-" entries.
func parseSpans(s string) ([]int, error) {
	s = strings.TrimSpace(s)
	if s == "none" {
		return nil, nil
	}
	spans := []int{}
	for _, f := range strings.Fields(s) {
		if f == "-" {
			spans = append(spans, -1, -1)
			continue
		}
		a, b, ok := strings.Cut(f, "-")
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("bad span %q", f)
		}
		spans = append(spans, start, end)
	}
	return spans, nil
}

func loadCases(t *testing.T) []fileCase {
	t.Helper()
	f, err := os.Open("../testdata/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := readCases(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 100 {
		t.Fatalf("only %d cases read", len(cases))
	}
	return cases
}

// TestCaseFile runs every case of testdata/cases.txt on every engine.
func TestCaseFile(t *testing.T) {
	cases := loadCases(t)
	forEngine(t, func(t *testing.T, e engine) {
		for _, c := range cases {
			re, err := compileMode(c.mode, c.pattern, e)
			if c.invalid {
				if err == nil {
					t.Errorf("%v: compiles, want an error", c)
				}
				continue
			}
			if err != nil {
				t.Errorf("%v: %v", c, err)
				continue
			}
			if got := re.FindStringSubmatchIndex(c.text); !slices.Equal(got, c.first) {
				t.Errorf("%v: first match %v, want %v", c, got, c.first)
			}
			if got := re.FindAllStringSubmatchIndex(c.text, -1); !slices.EqualFunc(got, c.all, slices.Equal) {
				t.Errorf("%v: all matches %v, want %v", c, got, c.all)
			}
		}
	})
}

// TestCaseFileAgreesWithStandardLibrary checks each expectation of the
// case file against the standard library, so that the file cannot drift
// from the behaviour it is meant to pin down.
func TestCaseFileAgreesWithStandardLibrary(t *testing.T) {
	for _, c := range loadCases(t) {
		var re *std.Regexp
		var err error
		if c.mode == "posix" {
			re, err = std.CompilePOSIX(c.pattern)
		} else {
			re, err = std.Compile(c.pattern)
		}
		if c.invalid {
			if err == nil {
				t.Errorf("%v: the standard library compiles it", c)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: the standard library rejects it: %v", c, err)
			continue
		}
		if c.mode == "longest" {
			re.Longest()
		}
		if got := re.FindStringSubmatchIndex(c.text); !slices.Equal(got, c.first) {
			t.Errorf("%v: the standard library's first match is %v, the file says %v", c, got, c.first)
		}
		if got := re.FindAllStringSubmatchIndex(c.text, -1); !slices.EqualFunc(got, c.all, slices.Equal) {
			t.Errorf("%v: the standard library's matches are %v, the file says %v", c, got, c.all)
		}
	}
}
