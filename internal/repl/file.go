package repl

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// maxFileLines is how many matching lines :file shows.
const maxFileLines = 5

func cmdFile(s *Session, arg string, out io.Writer) error {
	path := strings.TrimSpace(arg)
	if path == "" {
		fmt.Fprintln(out, "error: :file needs a path, as in :file /var/log/syslog")
		return errFailed
	}
	if !s.requirePattern(out) {
		return errFailed
	}
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(out, "error: %v\n", err)
		return errFailed
	}
	start := time.Now()
	found := s.re.FindAllIndex(data, -1)
	elapsed := time.Since(start)
	if s.opts.Stable {
		elapsed = 0
	}
	switch len(found) {
	case 1:
		fmt.Fprintf(out, "1 match in %d bytes", len(data))
	default:
		fmt.Fprintf(out, "%d matches in %d bytes", len(found), len(data))
	}
	fmt.Fprintf(out, " (%s)\n", s.formatThroughput(len(data), elapsed))
	s.showMatchingLines(data, found, out)
	return nil
}

// showMatchingLines writes the first lines of data in which a match starts,
// each with its matches marked as for a subject.
func (s *Session) showMatchingLines(data []byte, found [][]int, out io.Writer) {
	lineNo, lineStart := 1, 0 // the line holding position lineStart
	shown := 0
	for i := 0; i < len(found) && shown < maxFileLines; {
		// Move to the line holding the start of the match; a match that
		// starts at a newline belongs to the line the newline ends.
		pos := found[i][0]
		for {
			nl := bytes.IndexByte(data[lineStart:pos], '\n')
			if nl < 0 {
				break
			}
			lineStart += nl + 1
			lineNo++
		}
		lineEnd := len(data)
		if nl := bytes.IndexByte(data[lineStart:], '\n'); nl >= 0 {
			lineEnd = lineStart + nl
		}
		// Clip the matches that start on this line to it.
		var spans [][2]int
		for ; i < len(found) && found[i][0] <= lineEnd; i++ {
			spans = append(spans, [2]int{found[i][0] - lineStart, min(found[i][1], lineEnd) - lineStart})
		}
		line := string(data[lineStart:lineEnd])
		prefix := fmt.Sprintf("%d: ", lineNo)
		pad := strings.Repeat(" ", len(prefix))
		if s.opts.Color {
			fmt.Fprintf(out, "%s%s\n", prefix, highlight(line, spans))
		} else {
			fmt.Fprintf(out, "%s%s\n%s%s\n", prefix, visible(line), pad, markLine(line, spans))
		}
		shown++
	}
	if len(found) > 0 && shown == maxFileLines {
		fmt.Fprintf(out, "(first %d matching lines shown)\n", maxFileLines)
	}
}
