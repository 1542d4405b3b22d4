package repl

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Run reads lines from in until it ends or a :quit, runs each with
// [Session.Exec] and writes the output to out, with no prompt and no
// banner: the script mode used when input is not a terminal. A line ends
// at "\n"; a "\r" before it is dropped too, so scripts written on Windows
// run unchanged. The explanation of a failed line goes to out as well.
//
// Run reports whether every line succeeded; err is set only when reading
// in fails.
func (s *Session) Run(in io.Reader, out io.Writer) (ok bool, err error) {
	return s.RunScript(context.Background(), "", in, out, nil)
}

// RunScript is [Session.Run] for the script called name: the explanation
// of each failed line goes to errOut, every line of it starting with
// "NAME:LINE: " as a compiler's messages do, so that an editor can jump to
// it. A nil errOut means out, and an empty name leaves the prefix out.
func (s *Session) RunScript(ctx context.Context, name string, in io.Reader, out, errOut io.Writer) (ok bool, err error) {
	ok = true
	var ew *prefixWriter
	if errOut != nil {
		ew = &prefixWriter{w: errOut, start: true}
		saved := s.errw
		s.errw = ew
		defer func() { s.errw = saved }()
	}
	err = eachLine(in, func(n int, line string) bool {
		if ew != nil && name != "" {
			ew.prefix = fmt.Sprintf("%s:%d: ", name, n)
		}
		switch execErr := s.ExecContext(ctx, line, out); {
		case errors.Is(execErr, ErrQuit):
			return false
		case execErr != nil:
			ok = false
		}
		return ctx.Err() == nil
	})
	return ok && err == nil, err
}

// RunSubjects reads lines from in until it ends and tests each against the
// current pattern, as grep does: every line is a subject, even one that
// looks like a command or a /pattern/. It reports whether any line
// matched; err is set when reading in fails or there is no pattern.
func (s *Session) RunSubjects(ctx context.Context, in io.Reader, out io.Writer) (matched bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.re == nil {
		return false, errors.New("no pattern")
	}
	s.ctx = ctx
	defer func() { s.ctx = nil }()
	err = eachLine(in, func(_ int, line string) bool {
		s.echo(line, out)
		s.subject, s.hasSubject = line, true
		n, serr := s.showMatches(line, out)
		matched = matched || n > 0
		if serr != nil && err == nil {
			err = serr
		}
		return serr == nil
	})
	return matched, err
}

// eachLine calls f with each line of in and its number, counting from 1,
// until in ends or f returns false. A line ends at "\n", and a "\r" before
// it is dropped too.
func eachLine(in io.Reader, f func(n int, line string) bool) error {
	r := bufio.NewReader(in)
	for n := 1; ; n++ {
		line, readErr := r.ReadString('\n')
		if readErr != nil && readErr != io.EOF {
			return readErr
		}
		if line == "" && readErr == io.EOF {
			return nil
		}
		line = strings.TrimSuffix(line, "\n")
		line = strings.TrimSuffix(line, "\r")
		if !f(n, line) || readErr == io.EOF {
			return nil
		}
	}
}

// A prefixWriter writes prefix at the start of every line it writes.
type prefixWriter struct {
	w      io.Writer
	prefix string
	start  bool // the next byte starts a line
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	var buf []byte
	for _, c := range b {
		if p.start {
			buf = append(buf, p.prefix...)
		}
		buf = append(buf, c)
		p.start = c == '\n'
	}
	if _, err := p.w.Write(buf); err != nil {
		return 0, err
	}
	return len(b), nil
}

// Banner is the greeting of an interactive session.
func Banner() string {
	return "rerepl: set a pattern with :re PATTERN or /PATTERN/, then type lines of text\n" +
		"to test against it. :help lists the commands; Ctrl-D leaves.\n"
}
