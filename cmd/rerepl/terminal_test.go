package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer is a buffer the line editor's goroutine and the session can
// write to at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestTerminalSession drives the interactive path, line editor included,
// through pipes that claim to be a terminal: keys go in as a user types
// them (Enter is \r, Ctrl-C is \x03, Ctrl-D is \x04), and the screen output
// is checked for what the user must see.
func TestTerminalSession(t *testing.T) {
	histFile := filepath.Join(t.TempDir(), "state", "history")
	keys := strings.Join([]string{
		":re a+\r",
		"xaay\r",
		"zzz\x03",  // typed, then discarded with Ctrl-C
		":fla\t\r", // Tab completes :flags
		"\x04",     // Ctrl-D on an empty line leaves
	}, "")
	stdinReader, stdinWriter := io.Pipe()
	go func() {
		stdinWriter.Write([]byte(keys))
		// Keep the pipe open: the editor must leave on Ctrl-D, not on
		// end of input.
	}()
	defer stdinWriter.Close()

	var out, errOut lockedBuffer
	env := stdio{
		in:     stdinReader,
		out:    &out,
		errOut: &errOut,
		lookupEnv: func(key string) (string, bool) {
			if key == "REREPL_HISTORY" {
				return histFile, true
			}
			return "", false
		},
		terminal: func(any) bool { return true },
	}
	if status := run(nil, env); status != exitOK {
		t.Fatalf("status %d; stderr %q", status, errOut.String())
	}
	screen := out.String()
	for _, want := range []string{
		"rerepl: set a pattern", // the banner
		prompt,                  // the prompt
		"\x1b[35m+\x1b[0m",      // the pattern's + painted as it was typed
		"pattern /a+/",          // :re ran
		"[1,3)  \"aa\"",         // the match table of xaay
		"^C",                    // Ctrl-C was echoed
		"flags: none",           // the completed :flags ran
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("the screen lacks %q:\n%q", want, screen)
		}
	}
	if strings.Contains(screen, "no match") {
		t.Errorf("the discarded line zzz was run:\n%q", screen)
	}
	data, err := os.ReadFile(histFile)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(data), ":re a+\nxaay\n:flags \n"; got != want {
		t.Errorf("history file holds %q, want %q", got, want)
	}
	if errOut.String() != "" {
		t.Errorf("unexpected error output %q", errOut.String())
	}
}
