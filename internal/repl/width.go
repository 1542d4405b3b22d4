package repl

import "github.com/rerepl/rerepl/internal/textwidth"

// A cell is one piece of a subject as it is shown on screen: the bytes
// [start, end) of the subject, drawn as text, taking width columns.
type cell struct {
	start, end int
	text       string
	width      int
}

// visibleCells splits s into the cells it is drawn with, as
// [textwidth.Next] draws them: printable runes as themselves; control
// characters, the bytes of invalid UTF-8 and invisible format characters
// such as U+200B as Go escapes (\t, \x00, \xff, \u200b), so that every
// byte of a subject is visible and columns stay predictable. The widths
// are the ones (*syntax.Error).Caret uses, so a match marker and a caret
// under the same text land in the same columns.
func visibleCells(s string) []cell {
	cells := make([]cell, 0, len(s))
	for i := 0; i < len(s); {
		c := textwidth.Next(s[i:])
		cells = append(cells, cell{start: i, end: i + c.Size, text: c.Text, width: c.Width})
		i += c.Size
	}
	return cells
}

// stringWidth returns the number of columns s takes when drawn with
// [visibleCells].
func stringWidth(s string) int {
	_, w := textwidth.Draw(s)
	return w
}

// visible returns s as [visibleCells] draws it.
func visible(s string) string {
	t, _ := textwidth.Draw(s)
	return t
}
