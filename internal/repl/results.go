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
	s.showMatches(line, out)
	return nil
}

// matches returns the submatch indexes of the matches :all or :first shows.
func (s *Session) matches(subject string) [][]int {
	n := -1
	if s.firstOnly {
		n = 1
	}
	return s.re.FindAllStringSubmatchIndex(subject, n)
}

// showMatches writes subject with its matches marked, then a table of the
// matches and their groups.
func (s *Session) showMatches(subject string, out io.Writer) {
	all := s.matches(subject)
	spans := make([][2]int, len(all))
	for i, m := range all {
		spans[i] = [2]int{m[0], m[1]}
	}
	if s.opts.Color {
		fmt.Fprintln(out, highlight(subject, spans))
		if hasEmpty(spans) {
			fmt.Fprintln(out, markLine(subject, spans))
		}
	} else {
		fmt.Fprintln(out, visible(subject))
		if len(spans) > 0 {
			fmt.Fprintln(out, markLine(subject, spans))
		}
	}
	switch len(all) {
	case 0:
		fmt.Fprintln(out, "no match")
		return
	case 1:
		fmt.Fprintln(out, "1 match")
	default:
		fmt.Fprintf(out, "%d matches\n", len(all))
	}
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
			fmt.Fprintf(tw, "%s\t%d\t%s\t[%d,%d)\t%s\n", first, g, names[g], start, end, strconv.Quote(subject[start:end]))
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

// markLine returns the line drawn under subject to mark the matches given
// by spans (sorted, not overlapping, as FindAll returns them): '^' under
// the first column of each match, '~' under the rest, and '|' under the
// column where an empty match sits (one past the end for the end of the
// text). Columns follow [visibleCells], so wide runes get two marks and
// escaped bytes as many as their escape is long.
func markLine(subject string, spans [][2]int) string {
	var b strings.Builder
	k := 0 // the first span that does not end before the current cell
	for _, c := range visibleCells(subject) {
		for k < len(spans) && spans[k][1] <= c.start && !(spans[k][0] == c.start && spans[k][1] == c.start) {
			k++
		}
		mark := " "
		if k < len(spans) {
			switch sp := spans[k]; {
			case sp[0] == c.start && sp[1] == c.start:
				mark = "|"
			case sp[0] == c.start:
				mark = "^"
			case sp[0] < c.start:
				mark = "~"
			}
		}
		switch {
		case c.width == 0:
		case mark == "|":
			b.WriteString("|" + strings.Repeat(" ", c.width-1))
		case mark == "^":
			b.WriteString("^" + strings.Repeat("~", c.width-1))
		default:
			b.WriteString(strings.Repeat(mark, c.width))
		}
	}
	if n := len(spans); n > 0 && spans[n-1][0] == len(subject) {
		b.WriteString("|")
	}
	return strings.TrimRight(b.String(), " ")
}

// highlight returns subject drawn as [visibleCells] draws it, with the
// text of each match in alternating background colours. Only escape
// sequences are added, so the line is exactly as wide as the plain one.
func highlight(subject string, spans [][2]int) string {
	var b strings.Builder
	k := 0
	on := false
	for _, c := range visibleCells(subject) {
		for k < len(spans) && spans[k][1] <= c.start {
			k++
		}
		inside := k < len(spans) && spans[k][0] <= c.start
		switch {
		case inside && (!on || spans[k][0] == c.start):
			if k%2 == 0 {
				b.WriteString(ansiMatchA)
			} else {
				b.WriteString(ansiMatchB)
			}
			on = true
		case !inside && on:
			b.WriteString(ansiReset)
			on = false
		}
		b.WriteString(c.text)
	}
	if on {
		b.WriteString(ansiReset)
	}
	return b.String()
}
