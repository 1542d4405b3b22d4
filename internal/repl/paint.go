package repl

import (
	"errors"
	"slices"
	"strings"

	"github.com/rerepl/rerepl/internal/lexer"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// Paint returns line, as it is being typed, with ANSI colour codes added:
// a pattern (after :re, or between slashes) is coloured by its tokens, with
// errors in red; a command name is coloured when it names a command; a
// subject has the current pattern's matches highlighted. Only escape
// sequences are added, never visible characters, because the line editor
// computes the cursor column from the text alone.
//
// Paint is safe to call while another goroutine runs [Session.Exec].
func (s *Session) Paint(line string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case strings.HasPrefix(line, ":"):
		name, rest, hasArg := strings.Cut(line[1:], " ")
		cmd, _ := lookupCommand(name)
		colour := ansiRed
		if cmd != nil || (!hasArg && partialCommand(name)) {
			colour = ansiBold
		}
		head := colour + ":" + name + ansiReset
		if !hasArg {
			return head
		}
		if cmd != nil && cmd.name == "re" {
			return head + " " + paintPattern(rest, s.mode)
		}
		return head + " " + rest
	case len(line) >= 1 && line[0] == '/':
		end := strings.LastIndexByte(line, '/')
		if end == 0 {
			return ansiDim + "/" + ansiReset + paintPattern(line[1:], s.mode)
		}
		return ansiDim + "/" + ansiReset + paintPattern(line[1:end], s.mode) + ansiDim + line[end:] + ansiReset
	case s.re != nil && line != "" && len(line) <= maxPaintedLine:
		return paintMatches(line, s.re.FindAllStringSubmatchIndex(line, maxShownMatches))
	}
	return line
}

// maxPaintedLine is the longest subject line Paint highlights as it is
// typed. The line editor calls Paint after every key, so a search per key
// of a long line would make typing it quadratic; past this length the
// matches are shown when Enter is pressed.
const maxPaintedLine = 4 << 10

// paintMatches returns line with the text of each match highlighted, in
// alternating colours, and the text of each group inside in its own
// colour (the innermost group wins), as regex101 shows them.
func paintMatches(line string, matches [][]int) string {
	var b strings.Builder
	pos := 0
	for i, m := range matches {
		if m[0] < pos || m[1] > len(line) || m[0] == m[1] {
			continue
		}
		b.WriteString(line[pos:m[0]])
		// Cut the match where a group starts or ends.
		cuts := []int{m[0], m[1]}
		for j := 2; j+1 < len(m); j += 2 {
			if m[j] >= 0 {
				cuts = append(cuts, m[j], m[j+1])
			}
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		for k := 0; k+1 < len(cuts); k++ {
			a, z := cuts[k], cuts[k+1]
			if a < m[0] || z > m[1] || a == z {
				continue
			}
			style := ansiMatchA
			if i%2 == 1 {
				style = ansiMatchB
			}
			if g := innermostGroup(m, a); g > 0 {
				style = groupColours[(g-1)%len(groupColours)]
			}
			b.WriteString(style + line[a:z])
		}
		b.WriteString(ansiReset)
		pos = m[1]
	}
	b.WriteString(line[pos:])
	return b.String()
}

// partialCommand reports whether name is a prefix of some command name,
// so a command being typed is not shown as an error.
func partialCommand(name string) bool {
	for _, c := range commands {
		if strings.HasPrefix(c.name, name) {
			return true
		}
	}
	return false
}

// errorColour marks what does not parse.
const errorColour = ansiRed + ansiBold

// tokenColour returns the colour of a kind of token, or "" for plain text.
func tokenColour(k lexer.Kind) string {
	switch k {
	case lexer.Error:
		return errorColour
	case lexer.Escape, lexer.QuoteStart, lexer.QuoteEnd:
		return ansiYellow
	case lexer.PerlClass, lexer.UnicodeClass, lexer.Dot:
		return ansiGreen
	case lexer.ClassOpen, lexer.ClassClose, lexer.ClassRange, lexer.RangeDash, lexer.PosixClass:
		return ansiGreen
	case lexer.Caret, lexer.Dollar, lexer.BeginText, lexer.EndText, lexer.WordBoundary, lexer.NoWordBoundary:
		return ansiCyan
	case lexer.GroupOpen, lexer.NonCapture, lexer.NamedGroup, lexer.FlagSet, lexer.FlagGroup, lexer.GroupClose, lexer.Alternate:
		return ansiBlue + ansiBold
	case lexer.Star, lexer.Plus, lexer.Quest, lexer.Repeat:
		return ansiMagenta
	}
	return ""
}

// paintPattern colours pattern by the tokens the parser reads, lexed with
// the syntax of mode m, and paints red the piece a parse error points at
// (an unclosed group, say), which no single token shows.
func paintPattern(pattern string, m mode) string {
	colours := make([]string, len(pattern))
	opts := lexer.Options{PerlX: !m.posix, UnicodeGroups: !m.posix}
	for _, t := range lexer.Tokens(pattern, opts) {
		// The lexer's tokens lie in the input, but clamp anyway: a
		// painter that slices out of range would take the line editor
		// down.
		c := tokenColour(t.Kind)
		for i := max(t.Pos, 0); i < min(t.End, len(pattern)); i++ {
			colours[i] = c
		}
	}
	var serr *syntax.Error
	if _, err := syntax.Parse(pattern, m.parseFlags()); errors.As(err, &serr) {
		for i := max(serr.Span.Start, 0); i < min(serr.Span.End, len(pattern)); i++ {
			colours[i] = errorColour
		}
	}
	var b strings.Builder
	for i := 0; i < len(pattern); {
		j := i + 1
		for j < len(pattern) && colours[j] == colours[i] {
			j++
		}
		if colours[i] == "" {
			b.WriteString(pattern[i:j])
		} else {
			b.WriteString(colours[i] + pattern[i:j] + ansiReset)
		}
		i = j
	}
	return b.String()
}
