package repl

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Drawing a long subject. A subject (or a :file line) wider than
// windowWidth columns is not drawn in full: around each of the first
// maxWindows matches a window of contextBytes on either side is drawn, a
// match longer than matchHead+matchTail shows only its two ends, and what
// lies between is one elision, "…[12,345 bytes]…". The output of a line
// is then a few rows whatever its length, and its cost depends on the
// matches shown, not on the length of the line (beyond the search).
const (
	windowWidth  = 160
	contextBytes = 24
	matchHead    = 40
	matchTail    = 16
	maxWindows   = 4
)

// A dcell is one piece of a drawn subject: a [cell] of it, an escape
// standing for a byte that is not drawn as itself, or an elision standing
// for the bytes [start, end).
type dcell struct {
	cell
	escape bool
	elided bool
}

// ANSI codes that decorate a cell without changing its background, so
// they combine with the match colours.
const (
	ansiUnderline   = "\x1b[4m"
	ansiNoUnderline = "\x1b[24m"
	ansiFaint       = "\x1b[2m"
	ansiNormal      = "\x1b[22m"
)

// groupColours colour the groups of a match, group 1 first, inside the
// match colour, as regex101 does; they repeat after the last.
var groupColours = []string{
	"\x1b[30;42m", // black on green
	"\x1b[30;45m", // black on magenta
	"\x1b[97;44m", // white on blue
	"\x1b[97;41m", // white on red
}

// layout returns the cells subject is drawn with: all of them when it is
// narrow, else windows around the matches given by spans with elisions
// between. A literal backslash is drawn doubled when the subject also
// holds an escape, so that `raw\n` with a real newline and with a
// backslash and an n look different.
func layout(subject string, spans [][2]int) []dcell {
	var cells []dcell
	if len(subject) <= 4*windowWidth {
		cells = cellsOf(subject, 0, len(subject))
		w := 0
		for _, c := range cells {
			w += c.width
		}
		if w > windowWidth {
			cells = windows(subject, spans)
		}
	} else {
		cells = windows(subject, spans)
	}
	hasEscape := false
	for _, c := range cells {
		hasEscape = hasEscape || c.escape
	}
	if hasEscape {
		for i, c := range cells {
			if !c.escape && !c.elided && c.text == `\` {
				cells[i].text, cells[i].width = `\\`, 2
			}
		}
	}
	return cells
}

// cellsOf returns the cells of subject[lo:hi], which must start and end
// where a rune or an invalid byte does, with offsets into subject.
func cellsOf(subject string, lo, hi int) []dcell {
	plain := visibleCells(subject[lo:hi])
	cells := make([]dcell, len(plain))
	for i, c := range plain {
		c.start += lo
		c.end += lo
		cells[i] = dcell{cell: c, escape: c.text != subject[c.start:c.end]}
	}
	return cells
}

// windows lays out a long subject as windows around its first matches.
func windows(subject string, spans [][2]int) []dcell {
	type window struct{ lo, hi int }
	var ws []window
	add := func(lo, hi int) {
		lo, hi = runeStart(subject, max(lo, 0)), runeStart(subject, min(hi, len(subject)))
		if n := len(ws); n > 0 && lo <= ws[n-1].hi+len("…[99 bytes]…") {
			ws[n-1].hi = max(ws[n-1].hi, hi)
			return
		}
		ws = append(ws, window{lo, hi})
	}
	for i, sp := range spans {
		if i == maxWindows {
			break
		}
		if sp[1]-sp[0] > matchHead+matchTail+len("…[99 bytes]…") {
			add(sp[0]-contextBytes, sp[0]+matchHead)
			add(sp[1]-matchTail, sp[1]+contextBytes)
		} else {
			add(sp[0]-contextBytes, sp[1]+contextBytes)
		}
	}
	if len(ws) == 0 {
		add(0, 2*contextBytes+matchHead)
	}
	var cells []dcell
	pos := 0
	for _, w := range ws {
		if w.lo > pos {
			cells = append(cells, elision(pos, w.lo))
		}
		cells = append(cells, cellsOf(subject, w.lo, w.hi)...)
		pos = w.hi
	}
	if pos < len(subject) {
		cells = append(cells, elision(pos, len(subject)))
	}
	return cells
}

// elision returns the cell that stands for the bytes [lo, hi).
func elision(lo, hi int) dcell {
	text := "…[" + formatCount(hi-lo) + " bytes]…"
	return dcell{cell: cell{start: lo, end: hi, text: text, width: utf8.RuneCountInString(text)}, elided: true}
}

// runeStart moves i back to the start of the rune or invalid byte it is
// in, so that a window never splits a character.
func runeStart(s string, i int) int {
	for n := 0; n < utf8.UTFMax-1 && i > 0 && i < len(s) && !utf8.RuneStart(s[i]); n++ {
		i--
	}
	return i
}

// formatCount writes n with thousands separators: 12,345.
func formatCount(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + formatCount(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// drawText returns the cells as plain text.
func drawText(cells []dcell) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(c.text)
	}
	return b.String()
}

// markCells returns the line drawn under cells to mark the matches given
// by spans (sorted, not overlapping, as FindAll returns them): '^' under
// the first column of each match, '~' under the rest, and '|' under the
// column where an empty match sits (one past the end for the end of the
// text, whose length is n).
func markCells(cells []dcell, n int, spans [][2]int) string {
	var b strings.Builder
	k := 0 // the first span that does not end before the current cell
	for _, c := range cells {
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
	if len(spans) > 0 && spans[len(spans)-1][0] == n {
		b.WriteString("|")
	}
	return strings.TrimRight(b.String(), " ")
}

// highlightCells returns cells drawn with the text of each match in
// alternating background colours and, when groups is set, the text of
// each group in its own colour inside (the innermost group wins). With
// decorate set, escapes are underlined and elisions faint, so that they
// stand apart from literal text. Only escape sequences are added, so the
// line is exactly as wide as the plain one.
func highlightCells(cells []dcell, matches [][]int, groups, decorate bool) string {
	var b strings.Builder
	k := 0
	cur := ""
	for _, c := range cells {
		for k < len(matches) && matches[k][1] <= c.start {
			k++
		}
		style := ""
		if k < len(matches) && matches[k][0] <= c.start {
			style = ansiMatchA
			if k%2 == 1 {
				style = ansiMatchB
			}
			if groups {
				if g := innermostGroup(matches[k], c.start); g > 0 {
					style = groupColours[(g-1)%len(groupColours)]
				}
			}
		}
		if style != cur {
			if style == "" {
				b.WriteString(ansiReset)
			} else {
				b.WriteString(style)
			}
			cur = style
		}
		switch {
		case decorate && c.elided:
			b.WriteString(ansiFaint + c.text + ansiNormal)
		case decorate && c.escape:
			b.WriteString(ansiUnderline + c.text + ansiNoUnderline)
		default:
			b.WriteString(c.text)
		}
	}
	if cur != "" {
		b.WriteString(ansiReset)
	}
	return b.String()
}

// innermostGroup returns the group of match m (its submatch indexes) that
// holds the byte at pos and starts last, 0 when no group does.
func innermostGroup(m []int, pos int) int {
	best, bestStart := 0, -1
	for g := 1; 2*g+1 < len(m); g++ {
		if m[2*g] <= pos && pos < m[2*g+1] && m[2*g] >= bestStart {
			best, bestStart = g, m[2*g]
		}
	}
	return best
}

// quoteShort quotes s as a Go string, or, when it is long, its two ends
// with an elision between.
func quoteShort(s string) string {
	if len(s) <= matchHead+matchTail+len("…[99 bytes]…") {
		return strconv.Quote(s)
	}
	head := runeStart(s, matchHead)
	tail := runeStart(s, len(s)-matchTail)
	return strconv.Quote(s[:head]) + "…[" + formatCount(tail-head) + " bytes]…" + strconv.Quote(s[tail:])
}

// markLine returns the line drawn under subject, drawn in full, to mark
// the matches given by spans; see [markCells].
func markLine(subject string, spans [][2]int) string {
	return markCells(cellsOf(subject, 0, len(subject)), len(subject), spans)
}

// highlight returns subject drawn in full with the text of each match in
// alternating background colours; see [highlightCells].
func highlight(subject string, spans [][2]int) string {
	matches := make([][]int, len(spans))
	for i, sp := range spans {
		matches[i] = sp[:]
	}
	return highlightCells(cellsOf(subject, 0, len(subject)), matches, false, false)
}
