package repl

import (
	"strings"

	"github.com/rerepl/rerepl/internal/textwidth"
)

// previewBytes is how much of a piped subject the live preview searches
// at each key.
const previewBytes = 64 << 10

// Preview returns, for a line being typed that sets a pattern (/PATTERN/
// or :re PATTERN, the closing slash not yet needed), the first rows lines
// of the subject with the pattern's matches highlighted, each at most
// width columns wide: the live view of a text piped in with rerepl -i
// (see [Options.Lines]). It returns nil when there is nothing to preview:
// no such subject, a line that sets no pattern, or a pattern that does
// not compile yet.
//
// Preview is safe to call while another goroutine runs [Session.Exec].
func (s *Session) Preview(line string, width, rows int) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.opts.Lines || !s.hasSubject || width < 10 || rows <= 0 {
		return nil
	}
	var pattern string
	m := s.mode
	switch {
	case strings.HasPrefix(line, ":re "):
		pattern = line[len(":re "):]
	case strings.HasPrefix(line, "/"):
		if p, flags, bad, ok := splitSlashPattern(line); ok && bad == 0 {
			pattern, m.flags = p, flags
		} else {
			pattern = line[1:]
		}
	default:
		return nil
	}
	if pattern == "" {
		return nil
	}
	re, err := m.compile(pattern)
	if err != nil {
		return nil
	}
	text := s.subject
	if len(text) > previewBytes {
		text = text[:runeStart(text, previewBytes)]
	}
	var out []string
	start := 0
	for len(out) < rows && start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		l := text[start:end]
		found := re.FindAllStringIndex(l, maxShownMatches)
		spans := make([][2]int, len(found))
		for i, f := range found {
			spans[i] = [2]int{f[0], f[1]}
		}
		cells := clip(layout(l, spans), width)
		out = append(out, highlightCells(cells, found, false, true))
		if end == len(text) {
			break
		}
		start = end + 1
	}
	return out
}

// clip keeps the cells that fit in width columns, ending with "…" when
// some are cut.
func clip(cells []dcell, width int) []dcell {
	w := 0
	for i, c := range cells {
		if w+c.width > width-1 {
			more := dcell{cell: cell{start: c.start, end: c.start, text: "…", width: 1}, elided: true}
			return append(cells[:i:i], more)
		}
		w += c.width
	}
	return cells
}

// TextWidth returns the columns text takes on a terminal, drawn as it is
// (not escaped): what the line editor draws of a line being typed.
func TextWidth(text string) int {
	w := 0
	for _, r := range text {
		w += textwidth.Rune(r)
	}
	return w
}
