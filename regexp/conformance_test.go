package regexp

import (
	"bufio"
	"compress/bzip2"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/meta"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// The standard library's own conformance suites are read from GOROOT at
// test time: RE2's search logs and the AT&T POSIX files.

// goTestdata returns the directory holding the standard library's regexp
// test data.
func goTestdata(t *testing.T) string {
	t.Helper()
	root := runtime.GOROOT()
	if root == "" {
		out, err := exec.Command("go", "env", "GOROOT").Output()
		if err != nil {
			t.Fatalf("cannot locate GOROOT: %v", err)
		}
		root = strings.TrimSpace(string(out))
	}
	return filepath.Join(root, "src", "regexp", "testdata")
}

func openTestdata(t *testing.T, name string) io.Reader {
	t.Helper()
	f, err := os.Open(filepath.Join(goTestdata(t), name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if strings.HasSuffix(name, ".bz2") {
		return bzip2.NewReader(f)
	}
	return f
}

// An re2Case is one line of results of an RE2 search log: a pattern, a
// text, and the submatches expected from four searches, in the order
// re2Kinds lists them. A nil result means no match.
type re2Case struct {
	line    int
	pattern string
	text    string
	want    [4][]int
}

// re2Kinds names the four searches of an RE2 result line: the whole text
// must match (the pattern wrapped in \A(?:...)\z) or any match will do,
// each leftmost-first and leftmost-longest.
var re2Kinds = [4]struct {
	name          string
	full, longest bool
}{
	{"full", true, false},
	{"partial", false, false},
	{"full longest", true, true},
	{"partial longest", false, true},
}

// readRE2 reads an RE2 search log and calls f for each case.
//
// The log is a sequence of blocks: "strings" then one quoted text a line,
// then "regexps" then, for each quoted pattern, one result line per text.
// A result line holds four results separated by ";", each "-" (no match)
// or space-separated "start-end" pairs for group 0, 1, ..., with "-" for a
// group that did not take part. Lines starting with # are comments and
// lines starting with a capital letter name a test group.
func readRE2(r io.Reader, f func(c re2Case) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	var texts, pending []string
	var pattern string
	inTexts := false
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "":
			return fmt.Errorf("line %d: blank line", n)
		case line[0] == '#' || 'A' <= line[0] && line[0] <= 'Z':
			continue
		case line == "strings":
			texts, inTexts = nil, true
		case line == "regexps":
			inTexts = false
		case line[0] == '"':
			s, err := strconv.Unquote(line)
			if err != nil {
				return fmt.Errorf("line %d: %v", n, err)
			}
			if inTexts {
				texts = append(texts, s)
				continue
			}
			if len(pending) > 0 {
				return fmt.Errorf("line %d: %d texts of %q have no results", n, len(pending), pattern)
			}
			pattern, pending = s, texts
		default:
			if len(pending) == 0 {
				return fmt.Errorf("line %d: result without a text", n)
			}
			c := re2Case{line: n, pattern: pattern, text: pending[0]}
			pending = pending[1:]
			results := strings.Split(line, ";")
			if len(results) != len(c.want) {
				return fmt.Errorf("line %d: %d results, want %d", n, len(results), len(c.want))
			}
			for i, res := range results {
				spans, err := parseRE2Result(res)
				if err != nil {
					return fmt.Errorf("line %d: %v", n, err)
				}
				c.want[i] = spans
			}
			if err := f(c); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if len(pending) > 0 {
		return fmt.Errorf("end of log: %d texts of %q have no results", len(pending), pattern)
	}
	return nil
}

// parseRE2Result parses one result of an RE2 log: "-" or a list of
// "start-end" or "-" entries.
func parseRE2Result(s string) ([]int, error) {
	if s == "-" {
		return nil, nil
	}
	var spans []int
	for _, pair := range strings.Fields(s) {
		if pair == "-" {
			spans = append(spans, -1, -1)
			continue
		}
		a, b, ok := strings.Cut(pair, "-")
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("bad span %q", pair)
		}
		spans = append(spans, start, end)
	}
	return spans, nil
}

// isASCIIOnly reports whether s is all single-byte characters.
func isASCIIOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// runRE2 checks every case of an RE2 log on every engine.
//
// Two kinds of cases are left out, as the standard library leaves them
// out, because RE2 answers them differently by design: patterns using \C
// (one byte, which Go does not support and must reject) and \B on
// non-ASCII text (RE2 tests \B at every byte offset, Go between runes).
func runRE2(t *testing.T, name string) {
	runRE2On(t, name, testEngines)
}

func runRE2On(t *testing.T, name string, engines []engine) {
	for _, e := range engines {
		t.Run(e.String(), func(t *testing.T) { checkRE2(t, name, func(int) engine { return e }) })
	}
}

// runRE2Rotating checks every case of an RE2 log once, running the n-th
// pattern's cases on testEngines[n % len(testEngines)], so that a log
// too long to run on every engine still reaches each of them.
func runRE2Rotating(t *testing.T, name string) {
	t.Run("rotating", func(t *testing.T) {
		checkRE2(t, name, func(n int) engine { return testEngines[n%len(testEngines)] })
	})
}

// checkRE2 runs the cases of one RE2 log, those of the n-th pattern on
// engine pick(n).
func checkRE2(t *testing.T, name string, pick func(n int) engine) {
	var re, full *Regexp
	lastPattern := ""
	compiled := false
	npattern, ncase, nfail := 0, 0, 0
	err := readRE2(openTestdata(t, name), func(c re2Case) error {
		if !compiled || c.pattern != lastPattern {
			e := pick(npattern)
			npattern++
			lastPattern = c.pattern
			var err error
			re, err = Compile(c.pattern)
			compiled = true
			if err != nil {
				re = nil
				if strings.Contains(c.pattern, `\C`) && strings.Contains(err.Error(), "invalid escape sequence: `\\C`") {
					return nil
				}
				t.Errorf("line %d: Compile(%#q): %v", c.line, c.pattern, err)
				return nil
			}
			full = MustCompile(`\A(?:` + c.pattern + `)\z`)
			re, full = withForce(re, e), withForce(full, e)
		}
		if re == nil {
			return nil
		}
		if strings.Contains(c.pattern, `\B`) && !isASCIIOnly(c.text) {
			return nil
		}
		ncase++
		for i, kind := range re2Kinds {
			r := re
			if kind.full {
				r = full
			}
			r.longest = kind.longest
			got := r.FindStringSubmatchIndex(c.text)
			if !slices.Equal(got, c.want[i]) {
				t.Errorf("line %d: %#q [%s] FindStringSubmatchIndex(%q) = %v, want %v", c.line, c.pattern, kind.name, c.text, got, c.want[i])
				nfail++
			} else if m := r.MatchString(c.text); m != (c.want[i] != nil) {
				t.Errorf("line %d: %#q [%s] MatchString(%q) = %v, want %v", c.line, c.pattern, kind.name, c.text, m, !m)
				nfail++
			}
		}
		if nfail >= 50 {
			return fmt.Errorf("too many failures")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d cases", ncase)
}

func TestRE2Search(t *testing.T) {
	runRE2(t, "re2-search.txt")
}

func TestRE2Exhaustive(t *testing.T) {
	if testing.Short() {
		t.Skip("the exhaustive RE2 log takes minutes; it runs without -short")
	}
	if raceEnabled {
		// Five million single-goroutine cases gain nothing from the race
		// detector, which would make them take many times longer: check
		// them once, on the automatic choice of engine.
		runRE2On(t, "re2-exhaustive.txt.bz2", []engine{meta.ForceAuto})
		return
	}
	// Every engine and strategy on all five million cases would take
	// ten minutes: each case runs on the automatic choice and on one
	// forced engine or strategy, in turn.
	runRE2On(t, "re2-exhaustive.txt.bz2", []engine{meta.ForceAuto})
	runRE2Rotating(t, "re2-exhaustive.txt.bz2")
}

// An attCase is one test of an AT&T POSIX file.
type attCase struct {
	line    int
	modes   string // the flag field: capital letters are syntaxes, small ones options
	pattern string
	text    string
	// compiles and matches say what should happen; spans gives the
	// expected submatches (-1 for "?"), as many as the file lists.
	compiles, matches bool
	spans             []int
}

// readATT reads an AT&T regex test file and calls f for each test.
//
// Each test line has at least four fields separated by runs of tabs:
// flags, pattern, text, outcome (and an optional comment). NULL stands
// for an empty field and SAME for the previous pattern; with the $ flag
// the pattern and text use C escapes. The outcome is NOMATCH, an error
// name (the pattern must not compile), or the match as "(start,end)"
// pairs with ? for an unset offset. Flags starting with a digit, C, N or T
// are settings and notes, and ?, &, |, ;, {, } prefix report controls
// that do not change the test; :name: prefixes a test with a label.
// Tests using NIL (a null pointer) cannot be expressed and are dropped.
func readATT(r io.Reader, f func(c attCase) error) error {
	sc := bufio.NewScanner(r)
	lastPattern := ""
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.FieldsFunc(line, func(r rune) bool { return r == '\t' })
		if len(fields) == 0 || slices.Contains(fields, "NIL") {
			continue
		}
		for i, fld := range fields {
			if fld == "NULL" {
				fields[i] = ""
			}
		}
		modes := fields[0]
		switch modes[0] {
		case '?', '&', '|', ';', '{', '}':
			modes = modes[1:]
		case ':':
			_, rest, ok := strings.Cut(modes[1:], ":")
			if !ok {
				continue
			}
			modes = rest
		case 'C', 'N', 'T', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			continue
		}
		if modes == "" {
			continue
		}
		if len(fields) < 4 {
			return fmt.Errorf("line %d: %d fields", n, len(fields))
		}
		c := attCase{line: n, modes: modes, pattern: fields[1], text: fields[2]}
		if strings.Contains(modes, "$") {
			var err error
			if c.pattern, err = strconv.Unquote(`"` + c.pattern + `"`); err != nil {
				return fmt.Errorf("line %d: pattern: %v", n, err)
			}
			if c.text, err = strconv.Unquote(`"` + c.text + `"`); err != nil {
				return fmt.Errorf("line %d: text: %v", n, err)
			}
		}
		if c.pattern == "SAME" {
			c.pattern = lastPattern
		}
		lastPattern = c.pattern
		if err := parseATTOutcome(fields[3], &c); err != nil {
			return fmt.Errorf("line %d: %v", n, err)
		}
		if err := f(c); err != nil {
			return err
		}
	}
	return sc.Err()
}

// parseATTOutcome parses the outcome field of an AT&T test into c.
func parseATTOutcome(s string, c *attCase) error {
	switch {
	case s == "":
		c.compiles, c.matches = true, true
		return nil
	case s == "NOMATCH":
		c.compiles = true
		return nil
	case 'A' <= s[0] && s[0] <= 'Z':
		return nil // an error name: must not compile
	}
	c.compiles, c.matches = true, true
	for s != "" {
		if s[0] != '(' {
			return fmt.Errorf("bad outcome at %q", s)
		}
		pair, rest, ok := strings.Cut(s[1:], ")")
		a, b, ok2 := strings.Cut(pair, ",")
		if !ok || !ok2 {
			return fmt.Errorf("bad outcome at %q", s)
		}
		for _, v := range []string{a, b} {
			if v == "?" {
				c.spans = append(c.spans, -1)
				continue
			}
			x, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("bad offset %q", v)
			}
			c.spans = append(c.spans, x)
		}
		s = rest
	}
	return nil
}

// runATT checks the tests of an AT&T file that apply to this package: the
// E (extended, egrep) syntax, and L (literal, through QuoteMeta). The
// other syntaxes (basic, shell globs, ...) are not ours. Patterns compile
// as POSIX ERE where a class may match newline, with leftmost-longest
// matching; the i flag makes them case-insensitive. Only as many
// submatches are compared as the file lists.
func runATT(t *testing.T, name string) {
	forEngine(t, func(t *testing.T, e engine) {
		ncase := 0
		err := readATT(openTestdata(t, name), func(c attCase) error {
			for _, syn := range c.modes {
				pattern := c.pattern
				switch syn {
				case 'E':
				case 'L':
					pattern = QuoteMeta(pattern)
				default:
					continue
				}
				flags := syntax.POSIX | syntax.ClassNL
				if strings.Contains(c.modes, "i") {
					flags |= syntax.FoldCase
				}
				ncase++
				re, err := compile(pattern, flags, true)
				if err != nil {
					if c.compiles {
						t.Errorf("line %d: %#q does not compile: %v", c.line, pattern, err)
					}
					continue
				}
				if !c.compiles {
					t.Errorf("line %d: %#q compiles, want an error", c.line, pattern)
					continue
				}
				re = withForce(re, e)
				if m := re.MatchString(c.text); m != c.matches {
					t.Errorf("line %d: %#q MatchString(%q) = %v, want %v", c.line, pattern, c.text, m, c.matches)
					continue
				}
				got := re.FindStringSubmatchIndex(c.text)
				if (got != nil) != c.matches {
					t.Errorf("line %d: %#q FindStringSubmatchIndex(%q) = %v, want a match: %v", c.line, pattern, c.text, got, c.matches)
					continue
				}
				if len(got) > len(c.spans) {
					got = got[:len(c.spans)]
				}
				if !slices.Equal(got, c.spans) {
					t.Errorf("line %d: %#q FindStringSubmatchIndex(%q) = %v, want %v", c.line, pattern, c.text, got, c.spans)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if ncase == 0 {
			t.Fatal("no cases read")
		}
		t.Logf("%d cases", ncase)
	})
}

func TestATTBasic(t *testing.T)       { runATT(t, "basic.dat") }
func TestATTNullSubexpr(t *testing.T) { runATT(t, "nullsubexpr.dat") }
func TestATTRepetition(t *testing.T)  { runATT(t, "repetition.dat") }
