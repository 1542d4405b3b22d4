package repl

import (
	"bufio"
	"errors"
	"io"
	"strings"
)

// Run reads lines from in until it ends or a :quit, runs each with
// [Session.Exec] and writes the output to out, with no prompt and no
// banner: the script mode used when input is not a terminal. A line ends
// at "\n"; a "\r" before it is dropped too, so scripts written on Windows
// run unchanged.
//
// Run reports whether every line succeeded; err is set only when reading
// in fails.
func (s *Session) Run(in io.Reader, out io.Writer) (ok bool, err error) {
	r := bufio.NewReader(in)
	ok = true
	for {
		line, readErr := r.ReadString('\n')
		if readErr != nil && readErr != io.EOF {
			return false, readErr
		}
		if line == "" && readErr == io.EOF {
			return ok, nil
		}
		line = strings.TrimSuffix(line, "\n")
		line = strings.TrimSuffix(line, "\r")
		switch execErr := s.Exec(line, out); {
		case errors.Is(execErr, ErrQuit):
			return ok, nil
		case execErr != nil:
			ok = false
		}
		if readErr == io.EOF {
			return ok, nil
		}
	}
}

// Banner is the greeting of an interactive session.
func Banner() string {
	return "rerepl: set a pattern with :re PATTERN or /PATTERN/, then type lines of text\n" +
		"to test against it. :help lists the commands; Ctrl-D leaves.\n"
}
