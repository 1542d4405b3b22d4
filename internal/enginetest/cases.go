package enginetest

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A Case is one line of testdata/cases.txt, whose format is described at
// the top of that file.
type Case struct {
	Line    int
	Mode    string // "perl", "posix" or "longest"
	Pattern string
	Text    string
	Invalid bool    // the pattern must not compile
	First   []int   // the leftmost match's submatches, nil for none
	All     [][]int // every successive match, nil for none
}

func (c Case) String() string {
	return fmt.Sprintf("cases.txt:%d: %s %#q on %q", c.Line, c.Mode, c.Pattern, c.Text)
}

// ReadCases parses a case file.
func ReadCases(r io.Reader) ([]Case, error) {
	var cases []Case
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
		c.Line = n
		cases = append(cases, c)
	}
	return cases, sc.Err()
}

// LoadCases reads testdata/cases.txt of the module the test runs in,
// failing the test when the file is missing, malformed or nearly empty.
func LoadCases(t testing.TB) []Case {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
	f, err := os.Open(filepath.Join(dir, "testdata", "cases.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := ReadCases(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 100 {
		t.Fatalf("only %d cases read", len(cases))
	}
	return cases
}

func parseCase(line string) (Case, error) {
	var c Case
	c.Mode, line, _ = strings.Cut(line, " ")
	if _, ok := modes[c.Mode]; !ok {
		return c, fmt.Errorf("unknown mode %q", c.Mode)
	}
	var err error
	if c.Pattern, line, err = cutQuoted(line); err != nil {
		return c, fmt.Errorf("pattern: %v", err)
	}
	if c.Text, line, err = cutQuoted(line); err != nil {
		return c, fmt.Errorf("text: %v", err)
	}
	result, ok := strings.CutPrefix(strings.TrimSpace(line), "->")
	if !ok {
		return c, fmt.Errorf("missing -> after the text")
	}
	result = strings.TrimSpace(result)
	if result == "error" {
		c.Invalid = true
		return c, nil
	}
	firstField, allField, ok := strings.Cut(result, ";")
	if !ok {
		return c, fmt.Errorf("missing ; between first and all")
	}
	if c.First, err = parseSpans(firstField); err != nil {
		return c, err
	}
	if strings.TrimSpace(allField) != "none" {
		for _, m := range strings.Split(allField, "|") {
			spans, err := parseSpans(m)
			if err != nil || spans == nil {
				return c, fmt.Errorf("bad match %q in all", m)
			}
			c.All = append(c.All, spans)
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
