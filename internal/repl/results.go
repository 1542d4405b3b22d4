package repl

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// maxShownMatches caps the rows of the match table, so that a pattern
// matching every character of a long line does not flood the screen.
const maxShownMatches = 50

// maxSubjectLines is how many matching lines of a subject of many lines
// (piped in with rerepl -i) are drawn.
const maxSubjectLines = 20

// ANSI escape sequences. They take no columns on a terminal, so coloured
// text lines up exactly as plain text does.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiRed     = "\x1b[31m"
	ansiGreen   = "\x1b[32m"
	ansiYellow  = "\x1b[33m"
	ansiBlue    = "\x1b[34m"
	ansiMagenta = "\x1b[35m"
	ansiCyan    = "\x1b[36m"
	ansiDim     = "\x1b[2m"
	// Two alternating highlights, so that adjacent matches stay apart.
	ansiMatchA = "\x1b[30;43m" // black on yellow
	ansiMatchB = "\x1b[30;46m" // black on cyan
)

// testSubject makes line the current subject and shows its matches.
func (s *Session) testSubject(line string, out io.Writer) error {
	s.subject, s.hasSubject = line, true
	if !s.requirePattern(out) {
		return errFailed
	}
	_, err := s.showMatches(line, out)
	return err
}

// testOnce shows the matches of line without making it the subject (see
// [Options.Lines]).
func (s *Session) testOnce(line string, out io.Writer) error {
	if !s.requirePattern(out) {
		return errFailed
	}
	if !s.notedOnce {
		fmt.Fprintln(out, "(a typed line is tested on its own; the piped text stays the subject, and :subject \"...\" replaces it)")
		s.notedOnce = true
	}
	_, err := s.showMatches(line, out)
	return err
}

// searchInBackground is the length from which a subject is searched on a
// goroutine of its own, so that Ctrl-C can leave the search: below it a
// search takes well under a millisecond.
const searchInBackground = 64 << 10

// matches returns the submatch indexes of the matches :all or :first
// shows. A long subject is searched on a goroutine of its own, so that
// when the line's context is done the workbench goes back to the prompt at
// once, with ErrCancelled; the abandoned search runs on to its end, in
// linear time, and its answer is dropped.
func (s *Session) matches(subject string) ([][]int, error) {
	n := -1
	if s.firstOnly {
		n = 1
	}
	if len(subject) < searchInBackground {
		return s.re.FindAllStringSubmatchIndex(subject, n), nil
	}
	if s.context().Err() != nil {
		return nil, ErrCancelled
	}
	re := s.re
	done := make(chan [][]int, 1)
	go func() { done <- re.FindAllStringSubmatchIndex(subject, n) }()
	select {
	case m := <-done:
		return m, nil
	case <-s.context().Done():
		return nil, ErrCancelled
	}
}

// showMatches writes subject with its matches marked, then a table of the
// matches and their groups, and returns how many matches there are. A
// long subject is drawn as windows around its first matches (see
// [layout]).
func (s *Session) showMatches(subject string, out io.Writer) (int, error) {
	all, err := s.matches(subject)
	if err != nil {
		fmt.Fprintf(out, "stopped: the search of the subject (%s bytes) was interrupted; the pattern and the subject are kept\n", formatCount(len(subject)))
		return 0, err
	}
	spans := make([][2]int, len(all))
	for i, m := range all {
		spans[i] = [2]int{m[0], m[1]}
	}
	if s.opts.Lines && strings.Contains(subject, "\n") {
		fs := &fileSearch{s: s, lineNo: 1, maxLines: maxSubjectLines}
		fs.record([]byte(subject), all, 0)
		out.Write(fs.shown.Bytes())
		if fs.lines == maxSubjectLines {
			fmt.Fprintf(out, "(first %d matching lines shown)\n", maxSubjectLines)
		}
	} else if cells := layout(subject, spans); s.opts.Color {
		fmt.Fprintln(out, highlightCells(cells, all, true, true))
		if hasEmpty(spans) {
			fmt.Fprintln(out, markCells(cells, len(subject), spans))
		}
	} else {
		fmt.Fprintln(out, drawText(cells))
		if len(spans) > 0 {
			fmt.Fprintln(out, markCells(cells, len(subject), spans))
		}
	}
	switch len(all) {
	case 0:
		fmt.Fprintln(out, "no match")
		return 0, nil
	case 1:
		fmt.Fprintln(out, "1 match")
	default:
		fmt.Fprintf(out, "%d matches\n", len(all))
	}
	s.writeMatchTable(subject, all, out)
	return len(all), nil
}

// writeMatchTable writes the table of the matches and their groups, with
// long texts shortened.
func (s *Session) writeMatchTable(subject string, all [][]int, out io.Writer) {
	names := s.re.SubexpNames()
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "match\tgroup\tname\tspan\ttext")
	for i, m := range all {
		if i == maxShownMatches {
			fmt.Fprintf(tw, "...\t\t\t\t(%d more)\n", len(all)-i)
			break
		}
		for g := 0; 2*g < len(m); g++ {
			first := ""
			if g == 0 {
				first = strconv.Itoa(i)
			}
			start, end := m[2*g], m[2*g+1]
			if start < 0 {
				fmt.Fprintf(tw, "%s\t%d\t%s\t-\t(not in this match)\n", first, g, names[g])
				continue
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t[%d,%d)\t%s\n", first, g, names[g], start, end, quoteShort(subject[start:end]))
		}
	}
	tw.Flush()
}

// hasEmpty reports whether any span is empty.
func hasEmpty(spans [][2]int) bool {
	for _, sp := range spans {
		if sp[0] == sp[1] {
			return true
		}
	}
	return false
}

// cmdShow shows in full what a long subject's windows and the table leave
// out: match N (numbered as in the table) with its groups, or the whole
// subject with its matches marked.
func cmdShow(s *Session, arg string, out io.Writer) error {
	if !s.requirePattern(out) || !s.requireSubject(out) {
		return errFailed
	}
	all, err := s.matches(s.subject)
	if err != nil {
		fmt.Fprintln(out, ":show: stopped; the pattern and the subject are kept")
		return err
	}
	arg = strings.TrimSpace(arg)
	if arg == "" {
		spans := make([][2]int, len(all))
		for i, m := range all {
			spans[i] = [2]int{m[0], m[1]}
		}
		cells := cellsOf(s.subject, 0, len(s.subject))
		if s.opts.Color {
			fmt.Fprintln(out, highlightCells(cells, all, true, true))
		} else {
			fmt.Fprintln(out, drawText(cells))
			if len(spans) > 0 {
				fmt.Fprintln(out, markCells(cells, len(s.subject), spans))
			}
		}
		return nil
	}
	n, err := strconv.Atoi(arg)
	if err != nil || n < 0 || n >= len(all) {
		if len(all) == 0 {
			return s.errorf(out, "the subject has no match to show")
		}
		return s.errorf(out, ":show takes the number of a match, 0 to %d as in the table; got %q", len(all)-1, arg)
	}
	m := all[n]
	names := s.re.SubexpNames()
	for g := 0; 2*g < len(m); g++ {
		label := "match " + strconv.Itoa(n)
		if g > 0 {
			label = "group " + strconv.Itoa(g)
			if names[g] != "" {
				label += " <" + names[g] + ">"
			}
		}
		if m[2*g] < 0 {
			fmt.Fprintf(out, "%s  not in this match\n", label)
			continue
		}
		fmt.Fprintf(out, "%s  [%d,%d)  %s\n", label, m[2*g], m[2*g+1], strconv.Quote(s.subject[m[2*g]:m[2*g+1]]))
	}
	return nil
}
