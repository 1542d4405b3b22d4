package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// historyLimit is how many lines of history are kept: loaded at start and
// left in the file when it is trimmed.
const historyLimit = 1000

// historyPath returns where history is kept: $REREPL_HISTORY when set (set
// but empty turns history off), else $XDG_STATE_HOME/rerepl/history, else
// ~/.local/state/rerepl/history. It returns "" when history is off or no
// home directory is known.
func historyPath(lookupEnv func(string) (string, bool)) string {
	if p, ok := lookupEnv("REREPL_HISTORY"); ok {
		return p
	}
	if state, ok := lookupEnv("XDG_STATE_HOME"); ok && filepath.IsAbs(state) {
		return filepath.Join(state, "rerepl", "history")
	}
	if home, ok := lookupEnv("HOME"); ok && home != "" {
		return filepath.Join(home, ".local", "state", "rerepl", "history")
	}
	return ""
}

// A history keeps the lines entered at the prompt in a file, one a line.
//
// The line editor is not given the file, because it ignores every error
// writing it; history does the writing, and reports the first failure on
// errOut, once, so that a user learns their history is not being kept
// without being told again at every line.
type history struct {
	path     string
	errOut   io.Writer
	reported bool
}

// load returns the last historyLimit lines of the file. A missing file is
// an empty history; other errors are reported.
func (h *history) load() []string {
	if h.path == "" {
		return nil
	}
	data, err := os.ReadFile(h.path)
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			h.report(err)
		}
		return nil
	}
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if sc.Text() != "" {
			lines = append(lines, sc.Text())
		}
	}
	if len(lines) > historyLimit {
		// Trim the file only when it has grown well past the limit,
		// so it is not rewritten at every start.
		overgrown := len(lines) > 2*historyLimit
		lines = lines[len(lines)-historyLimit:]
		if overgrown {
			h.rewrite(lines)
		}
	}
	return lines
}

// add appends line to the file, creating its directory when needed.
func (h *history) add(line string) {
	if h.path == "" || line == "" || strings.ContainsAny(line, "\n") {
		return
	}
	if err := os.MkdirAll(filepath.Dir(h.path), 0o755); err != nil {
		h.report(err)
		return
	}
	f, err := os.OpenFile(h.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		h.report(err)
		return
	}
	_, err = f.WriteString(line + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		h.report(err)
	}
}

// rewrite replaces the file with lines, through a temporary file so that a
// failure leaves the old history in place.
func (h *history) rewrite(lines []string) {
	tmp := h.path + ".tmp"
	err := os.WriteFile(tmp, []byte(strings.Join(lines, "\n")+"\n"), 0o600)
	if err == nil {
		err = os.Rename(tmp, h.path)
	}
	if err != nil {
		os.Remove(tmp)
		h.report(err)
	}
}

// report tells the user, the first time only, that history is not saved.
func (h *history) report(err error) {
	if h.reported {
		return
	}
	h.reported = true
	fmt.Fprintf(h.errOut, "rerepl: history is not saved: %v\n", err)
}
