package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHistoryPath(t *testing.T) {
	tests := []struct {
		name string
		vars map[string]string
		want string
	}{
		{"explicit", map[string]string{"REREPL_HISTORY": "/tmp/h", "XDG_STATE_HOME": "/state", "HOME": "/home/u"}, "/tmp/h"},
		{"set but empty turns it off", map[string]string{"REREPL_HISTORY": "", "HOME": "/home/u"}, ""},
		{"XDG state", map[string]string{"XDG_STATE_HOME": "/state", "HOME": "/home/u"}, "/state/rerepl/history"},
		{"relative XDG state is ignored", map[string]string{"XDG_STATE_HOME": "state", "HOME": "/home/u"}, "/home/u/.local/state/rerepl/history"},
		{"home", map[string]string{"HOME": "/home/u"}, "/home/u/.local/state/rerepl/history"},
		{"nothing", map[string]string{}, ""},
	}
	for _, tt := range tests {
		lookup := func(key string) (string, bool) {
			v, ok := tt.vars[key]
			return v, ok
		}
		if got := historyPath(lookup); got != tt.want {
			t.Errorf("%s: historyPath = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestHistoryRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deep", "dir", "history")
	var errOut bytes.Buffer
	h := &history{path: path, errOut: &errOut}
	if got := h.load(); len(got) != 0 {
		t.Errorf("load of a missing file = %q, want nothing", got)
	}
	for _, line := range []string{":re a+", "", "xaay"} {
		h.add(line)
	}
	again := &history{path: path, errOut: &errOut}
	got := strings.Join(again.load(), "|")
	if got != ":re a+|xaay" {
		t.Errorf("history read back as %q, want %q", got, ":re a+|xaay")
	}
	if errOut.Len() != 0 {
		t.Errorf("unexpected report: %s", errOut.String())
	}
}

// TestHistoryFailureReportedOnce checks that a history file that cannot be
// written is reported, and only once however many lines follow.
func TestHistoryFailureReportedOnce(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	// A path under a regular file can never be created.
	h := &history{path: filepath.Join(blocker, "history"), errOut: &errOut}
	for range 3 {
		h.add("line")
	}
	if n := strings.Count(errOut.String(), "history is not saved"); n != 1 {
		t.Errorf("reported %d times, want once:\n%s", n, errOut.String())
	}
}

func TestHistoryTrimmed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	var lines []string
	for i := range 3*historyLimit + 5 {
		lines = append(lines, "line"+strings.Repeat("x", i%7))
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	h := &history{path: path, errOut: &errOut}
	if got := len(h.load()); got != historyLimit {
		t.Errorf("loaded %d lines, want %d", got, historyLimit)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n"); n != historyLimit {
		t.Errorf("the file kept %d lines, want %d", n, historyLimit)
	}
}
