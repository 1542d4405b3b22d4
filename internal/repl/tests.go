package repl

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

func cmdTest(s *Session, arg string, out io.Writer) error {
	verb, rest, _ := strings.Cut(strings.TrimSpace(arg), " ")
	rest = strings.TrimSpace(rest)
	switch verb {
	case "del", "delete":
		return s.deleteTest(rest, out)
	case "clear":
		n := len(s.tests)
		s.tests = nil
		fmt.Fprintf(out, "cleared %s\n", plural(n, "test"))
		return nil
	case "save":
		return s.saveTests(rest, out)
	case "load":
		return s.loadTests(rest, out)
	}
	switch strings.TrimSpace(arg) {
	case "":
		if len(s.tests) == 0 {
			fmt.Fprintln(out, "no tests yet: test a subject, then :test + (must match) or :test - (must not)")
			return nil
		}
		for i, t := range s.tests {
			fmt.Fprintf(out, "%d  %s %s\n", i+1, t.sign(), strconv.Quote(t.subject))
		}
		return nil
	case "+":
		return s.recordTest(true, out)
	case "-":
		return s.recordTest(false, out)
	}
	return s.errorf(out, ":test takes + (must match), - (must not match), del N, clear, save FILE or load FILE; got %q", arg)
}

// sign returns "+" for a must-match test and "-" for a must-not-match one.
func (t recordedTest) sign() string {
	if t.want {
		return "+"
	}
	return "-"
}

// recordTest records the current subject as a test. The same subject
// recorded again replaces its earlier expectation.
func (s *Session) recordTest(want bool, out io.Writer) error {
	if !s.requireSubject(out) {
		return errFailed
	}
	t := recordedTest{subject: s.subject, want: want}
	s.addTest(t)
	verb := "must match"
	if !want {
		verb = "must not match"
	}
	fmt.Fprintf(out, "recorded: %s %s (%s)\n", strconv.Quote(t.subject), verb, plural(len(s.tests), "test"))
	return nil
}

func cmdTests(s *Session, _ string, out io.Writer) error {
	if !s.requirePattern(out) {
		return errFailed
	}
	if len(s.tests) == 0 {
		fmt.Fprintln(out, "no tests yet: test a subject, then :test + (must match) or :test - (must not)")
		return nil
	}
	failed := 0
	for _, t := range s.tests {
		got := s.re.MatchString(t.subject)
		verdict := "ok  "
		if got != t.want {
			verdict = "FAIL"
			failed++
		}
		what := "matches"
		if !got {
			what = "does not match"
		}
		fmt.Fprintf(out, "%s %s %s: %s\n", s.paint(verdict, got == t.want), t.sign(), strconv.Quote(t.subject), what)
	}
	if failed > 0 {
		fmt.Fprintf(s.errOut(out), "%d of %s failed\n", failed, plural(len(s.tests), "test"))
		return errFailed
	}
	fmt.Fprintf(out, "%s passed\n", plural(len(s.tests), "test"))
	return nil
}

// paint colours a verdict green when good and red when not, in colour mode.
func (s *Session) paint(text string, good bool) string {
	if !s.opts.Color {
		return text
	}
	if good {
		return ansiGreen + text + ansiReset
	}
	return ansiRed + text + ansiReset
}

// plural returns n with noun, in the plural unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "ch") || strings.HasSuffix(noun, "s") {
		return formatCount(n) + " " + noun + "es"
	}
	return formatCount(n) + " " + noun + "s"
}

// deleteTest deletes the test numbered arg, as :test lists them.
func (s *Session) deleteTest(arg string, out io.Writer) error {
	n, err := strconv.Atoi(arg)
	if err != nil || n < 1 || n > len(s.tests) {
		if len(s.tests) == 0 {
			return s.errorf(out, "no tests to delete")
		}
		return s.errorf(out, ":test del takes the number of a test, 1 to %d (:test lists them); got %q", len(s.tests), arg)
	}
	t := s.tests[n-1]
	s.tests = append(s.tests[:n-1], s.tests[n:]...)
	fmt.Fprintf(out, "deleted %d  %s %s (%s left)\n", n, t.sign(), strconv.Quote(t.subject), plural(len(s.tests), "test"))
	return nil
}

// testsHeader starts a file of tests, saying what its lines mean.
const testsHeader = "# rerepl tests: a line is + (must match) or - (must not match), then the subject as a Go string.\n"

// saveTests writes the tests to a file, one a line: + or -, a space, and
// the subject as a Go string literal, so that any bytes survive. Lines
// starting with # are comments; the pattern is recorded in one.
func (s *Session) saveTests(arg string, out io.Writer) error {
	path, err := filePath(arg)
	if err != nil || path == "" {
		return s.errorf(out, ":test save needs a file name, as in :test save tests.txt")
	}
	var b strings.Builder
	b.WriteString(testsHeader)
	if s.re != nil {
		fmt.Fprintf(&b, "# pattern %s\n", s.describePattern())
	}
	for _, t := range s.tests {
		fmt.Fprintf(&b, "%s %s\n", t.sign(), strconv.Quote(t.subject))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return s.errorf(out, "%v", err)
	}
	fmt.Fprintf(out, "saved %s to %s\n", plural(len(s.tests), "test"), path)
	return nil
}

// loadTests adds the tests of a file written by saveTests; a subject
// already recorded takes the file's expectation. A malformed line is
// reported with its number and nothing is loaded.
func (s *Session) loadTests(arg string, out io.Writer) error {
	path, err := filePath(arg)
	if err != nil || path == "" {
		return s.errorf(out, ":test load needs a file name, as in :test load tests.txt")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return s.errorf(out, "%v", err)
	}
	var loaded []recordedTest
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		sign, quoted, _ := strings.Cut(line, " ")
		subject, qerr := strconv.Unquote(strings.TrimSpace(quoted))
		if (sign != "+" && sign != "-") || qerr != nil {
			return s.errorf(out, "%s:%d: want + or -, a space and a Go string, as in + \"abc\"; got %q", path, i+1, line)
		}
		loaded = append(loaded, recordedTest{subject: subject, want: sign == "+"})
	}
	for _, t := range loaded {
		s.addTest(t)
	}
	fmt.Fprintf(out, "loaded %s from %s (%s in all)\n", plural(len(loaded), "test"), path, plural(len(s.tests), "test"))
	return nil
}

// addTest records t, replacing the expectation of a test of the same
// subject.
func (s *Session) addTest(t recordedTest) {
	for i := range s.tests {
		if s.tests[i].subject == t.subject {
			s.tests[i] = t
			return
		}
	}
	s.tests = append(s.tests, t)
}
