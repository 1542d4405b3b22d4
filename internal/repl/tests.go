package repl

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

func cmdTest(s *Session, arg string, out io.Writer) error {
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
	s.errorf(out, ":test takes + (must match) or - (must not match), got %q", arg)
	return errFailed
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
	replaced := false
	for i := range s.tests {
		if s.tests[i].subject == t.subject {
			s.tests[i], replaced = t, true
		}
	}
	if !replaced {
		s.tests = append(s.tests, t)
	}
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
		return strconv.Itoa(n) + " " + noun + "es"
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
