package repl

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// maxFileLines is how many matching lines :file shows.
const maxFileLines = 5

// fileBlock is about how much of a file :file searches at a time, when the
// pattern allows the file to be searched in blocks of whole lines: between
// blocks it checks for Ctrl-C, and memory stays bounded whatever the size
// of the file.
const fileBlock = 1 << 20

// binaryProbe is how much of the start of a file is looked at for a NUL
// byte, which marks it as binary, as grep does.
const binaryProbe = 32 << 10

func cmdFile(s *Session, arg string, out io.Writer) error {
	path, err := filePath(arg)
	if err != nil {
		return s.errorf(out, "%v", err)
	}
	if path == "" {
		return s.errorf(out, ":file needs a path, as in :file /var/log/syslog")
	}
	if !s.requirePattern(out) {
		return errFailed
	}
	f, err := os.Open(path)
	if err != nil {
		return s.errorf(out, "%v", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return s.errorf(out, "%s is a directory", path)
	}
	fs := &fileSearch{s: s, out: out, lineNo: 1}
	start := time.Now()
	tree, perr := s.parse()
	oneText := perr != nil || !lineLocal(tree)
	if !oneText {
		err = fs.blocks(f)
	} else {
		if perr == nil && hasTextAnchor(tree) {
			fmt.Fprintln(out, "note: ^ and $ (or \\A and \\z) are the start and end of the whole file here; for each line, use (?m) or :flags m")
		}
		err = fs.whole(f)
	}
	elapsed := time.Since(start)
	switch {
	case errors.Is(err, ErrCancelled) && oneText && fs.wholeText == 0:
		fmt.Fprintf(out, ":file: stopped after reading %s, before the search (this pattern searches the file as one text); the pattern and the subject are kept\n", formatBytes(fs.readOnly))
		return err
	case errors.Is(err, ErrCancelled) && fs.wholeText > 0:
		fmt.Fprintf(out, ":file: stopped before the search of %s finished (this pattern searches the file as one text); the pattern and the subject are kept\n", formatBytes(fs.wholeText))
		return err
	case errors.Is(err, ErrCancelled):
		fmt.Fprintf(out, ":file: stopped after %s, %s so far; the pattern and the subject are kept\n", formatBytes(fs.searched), plural(fs.matches, "match"))
		return err
	case err != nil:
		return s.errorf(out, "%v", err)
	}
	if fs.binary {
		fmt.Fprintf(out, "binary file (it holds a NUL byte): %s in %d bytes; lines not shown\n", plural(fs.matches, "match"), fs.searched)
		if fs.matches > 0 {
			fmt.Fprintf(out, "first matches at byte offsets %s\n", strings.Join(fs.offsets, ", "))
		}
		return nil
	}
	fmt.Fprintf(out, "%s in %d bytes (%s)\n", plural(fs.matches, "match"), fs.searched, s.formatThroughput(fs.searched, elapsed))
	out.Write(fs.shown.Bytes())
	if fs.matches > 0 && fs.lines == maxFileLines {
		fmt.Fprintf(out, "(first %d matching lines shown)\n", maxFileLines)
	}
	return nil
}

// filePath returns the path an argument of :file names: a Go string
// literal ("..." or `...`) or a shell-like quoted '...' is unquoted, and a
// leading ~ or ~/ stands for the home directory.
func filePath(arg string) (string, error) {
	p := strings.TrimSpace(arg)
	if len(p) >= 2 {
		switch q := p[0]; {
		case q == '\'' && p[len(p)-1] == '\'':
			p = p[1 : len(p)-1]
		case (q == '"' || q == '`') && p[len(p)-1] == q:
			u, err := strconv.Unquote(p)
			if err != nil {
				return "", fmt.Errorf("%s is not a valid quoted path", p)
			}
			p = u
		}
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		p = filepath.Join(home, p[1:])
	}
	return p, nil
}

// lineLocal reports whether every match of re lies within one line and
// its empty-width assertions read a newline as they read the start or end
// of the text: no \A, no \z (^ and $ without the m flag), and nothing that
// matches a newline. Such a pattern finds exactly the same matches in a
// file searched as blocks of whole lines, with the newline between two
// blocks left out, as in the whole file at once.
func lineLocal(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText, syntax.OpEndText, syntax.OpAnyChar:
		return false
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if r == '\n' {
				return false
			}
		}
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= '\n' && '\n' <= re.Rune[i+1] {
				return false
			}
		}
	}
	for _, sub := range re.Sub {
		if !lineLocal(sub) {
			return false
		}
	}
	return true
}

// hasTextAnchor reports whether re holds \A or \z (^ or $ without the m
// flag).
func hasTextAnchor(re *syntax.Regexp) bool {
	if re.Op == syntax.OpBeginText || re.Op == syntax.OpEndText {
		return true
	}
	for _, sub := range re.Sub {
		if hasTextAnchor(sub) {
			return true
		}
	}
	return false
}

// A fileSearch is the state of one :file.
type fileSearch struct {
	s   *Session
	out io.Writer

	searched  int // bytes searched to the end
	wholeText int // the size of a file searched as one text, once read
	readOnly  int // of such a file, what was read when a stop came first
	matches   int
	binary    bool
	offsets   []string // of the first matches, for a binary file

	maxLines int // matching lines to show; 0 for maxFileLines

	lineNo int          // the number of the line the next block starts
	lines  int          // matching lines shown
	shown  bytes.Buffer // the matching lines shown, written after the count
}

// blocks searches the file as blocks of whole lines, checking for Ctrl-C
// between them.
func (fs *fileSearch) blocks(f io.Reader) error {
	r := bufio.NewReaderSize(f, fileBlock+4096)
	ctx := fs.s.context()
	first := true
	var carry []byte
	for {
		if ctx.Err() != nil {
			return ErrCancelled
		}
		chunk := make([]byte, fileBlock)
		n, err := io.ReadFull(r, chunk)
		chunk = append(carry, chunk[:n]...)
		carry = nil
		atEOF := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !atEOF {
			return err
		}
		if first {
			fs.binary = bytes.IndexByte(chunk[:min(len(chunk), binaryProbe)], 0) >= 0
			first = false
		}
		if !atEOF {
			// Keep the last, unfinished line for the next block.
			nl := bytes.LastIndexByte(chunk, '\n')
			if nl < 0 {
				carry = chunk
				continue
			}
			carry = append([]byte(nil), chunk[nl+1:]...)
			fs.block(chunk[:nl])
			fs.searched++ // the newline
			continue
		}
		if len(chunk) > 0 {
			fs.block(chunk)
		}
		return nil
	}
}

// block searches one block of whole lines and shows its first matching
// lines.
func (fs *fileSearch) block(data []byte) {
	found := fs.s.re.FindAllIndex(data, -1)
	fs.record(data, found, fs.searched)
	fs.lineNo += bytes.Count(data, []byte{'\n'}) + 1
	fs.searched += len(data)
}

// whole searches the file as one text, for a pattern that can match
// across lines; the search runs on a goroutine so that Ctrl-C can leave
// it.
func (fs *fileSearch) whole(f io.Reader) error {
	var data []byte
	ctx := fs.s.context()
	for {
		if ctx.Err() != nil {
			fs.readOnly = len(data)
			return ErrCancelled
		}
		data = slices.Grow(data, fileBlock)
		n, err := io.ReadAtLeast(f, data[len(data):cap(data)], 1)
		data = data[:len(data)+n]
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return err
		}
	}
	fs.binary = bytes.IndexByte(data[:min(len(data), binaryProbe)], 0) >= 0
	fs.wholeText = len(data)
	if fs.s.context().Err() != nil {
		return ErrCancelled
	}
	re := fs.s.re
	done := make(chan [][]int, 1)
	go func() { done <- re.FindAllIndex(data, -1) }()
	select {
	case found := <-done:
		fs.record(data, found, 0)
		fs.searched = len(data)
		return nil
	case <-fs.s.context().Done():
		return ErrCancelled
	}
}

// record counts the matches found in data, which starts at offset base
// of the file and at line fs.lineNo, and draws the first matching lines.
func (fs *fileSearch) record(data []byte, found [][]int, base int) {
	fs.matches += len(found)
	limit := fs.maxLines
	if limit == 0 {
		limit = maxFileLines
	}
	if fs.binary {
		for _, m := range found {
			if len(fs.offsets) == maxFileLines {
				break
			}
			fs.offsets = append(fs.offsets, strconv.Itoa(base+m[0]))
		}
		return
	}
	lineNo, lineStart := fs.lineNo, 0 // the line holding position lineStart
	for i := 0; i < len(found) && fs.lines < limit; {
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
		var ms [][]int
		for ; i < len(found) && found[i][0] <= lineEnd; i++ {
			sp := [2]int{found[i][0] - lineStart, min(found[i][1], lineEnd) - lineStart}
			spans = append(spans, sp)
			ms = append(ms, sp[:])
		}
		line := string(data[lineStart:lineEnd])
		prefix := fmt.Sprintf("%d: ", lineNo)
		pad := strings.Repeat(" ", len(prefix))
		cells := layout(line, spans)
		if fs.s.opts.Color {
			fmt.Fprintf(&fs.shown, "%s%s\n", prefix, highlightCells(cells, ms, false, true))
		} else {
			fmt.Fprintf(&fs.shown, "%s%s\n%s%s\n", prefix, drawText(cells), pad, markCells(cells, len(line), spans))
		}
		fs.lines++
	}
}

// formatBytes writes a size in bytes, with a rounded figure in KB or MB
// beside it when it is large.
func formatBytes(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%s bytes (%.1f MB)", formatCount(n), float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%s bytes (%.1f KB)", formatCount(n), float64(n)/(1<<10))
	}
	return plural(n, "byte")
}
