package repl

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

func cmdSubject(s *Session, arg string, out io.Writer) error {
	arg = strings.TrimSpace(arg)
	if arg == "" {
		if !s.hasSubject {
			fmt.Fprintln(out, "no subject yet")
			return nil
		}
		fmt.Fprintf(out, "subject %s\n", strconv.Quote(s.subject))
		return nil
	}
	subject, err := strconv.Unquote(arg)
	if err != nil || arg[0] == '\'' {
		s.errorf(out, "%s is not a Go string literal: write it as \"...\" or `...`", arg)
		return errFailed
	}
	return s.testSubject(subject, out)
}

func cmdSub(s *Session, template string, out io.Writer) error {
	if !s.requirePattern(out) || !s.requireSubject(out) {
		return errFailed
	}
	fmt.Fprintf(out, "subject  %s\n", strconv.Quote(s.subject))
	fmt.Fprintf(out, "result   %s\n", strconv.Quote(s.re.ReplaceAllString(s.subject, template)))
	return nil
}

func cmdSplit(s *Session, arg string, out io.Writer) error {
	n := -1
	if arg = strings.TrimSpace(arg); arg != "" {
		var err error
		if n, err = strconv.Atoi(arg); err != nil {
			s.errorf(out, ":split takes a count, as in :split 2; got %q", arg)
			return errFailed
		}
	}
	if !s.requirePattern(out) || !s.requireSubject(out) {
		return errFailed
	}
	pieces := s.re.Split(s.subject, n)
	switch len(pieces) {
	case 0:
		fmt.Fprintln(out, "no pieces (Split returns nil)")
	case 1:
		fmt.Fprintln(out, "1 piece")
	default:
		fmt.Fprintf(out, "%d pieces\n", len(pieces))
	}
	for i, p := range pieces {
		fmt.Fprintf(out, "%d  %s\n", i, strconv.Quote(p))
	}
	return nil
}
