package repl

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCancelledCommands runs each command that can run long under a
// context that is already done: each says that it stopped, returns
// ErrCancelled, and leaves the pattern, flags, subject and tests as they
// were, so the next line runs as if nothing had happened.
func TestCancelledCommands(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.log")
	if err := os.WriteFile(big, []byte(strings.Repeat("a line with log in it\n", 1<<17)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line string
		want string
	}{
		{":file " + big, ":file: stopped after 0 bytes, 0 matches so far; the pattern and the subject are kept\n"},
		{":bench", ":bench: stopped after 0 of 5 runs; no figures\n"},
		{":prog", ":prog: stopped after 0 of"},
		{":subject " + `"` + strings.Repeat("x", searchInBackground) + `"`, "stopped: the search of the subject (65,536 bytes) was interrupted"},
	}
	for _, tt := range tests {
		s := New(Options{Stable: true})
		var out strings.Builder
		for _, line := range []string{"/log/i", "one log", ":test +"} {
			if err := s.Exec(line, &out); err != nil {
				t.Fatalf("%s: %v\n%s", line, err, out.String())
			}
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		out.Reset()
		err := s.ExecContext(ctx, tt.line, &out)
		if !errors.Is(err, ErrCancelled) {
			t.Errorf("%.20s: error %v, want ErrCancelled", tt.line, err)
		}
		if !strings.Contains(out.String(), tt.want) {
			t.Errorf("%.20s: printed\n%q\nwant it to contain\n%q", tt.line, out.String(), tt.want)
		}
		out.Reset()
		if err := s.Exec("LOG again", &out); err != nil || !strings.Contains(out.String(), "1 match") {
			t.Errorf("%.20s: the next line, with the same pattern and flags, printed\n%s(err %v)", tt.line, out.String(), err)
		}
		out.Reset()
		if err := s.Exec(":tests", &out); err != nil || !strings.Contains(out.String(), "1 test passed") {
			t.Errorf("%.20s: the recorded test was lost:\n%s", tt.line, out.String())
		}
	}
}

// TestPipedSubjectKept checks the subject of rerepl -i: drawn line by
// line, kept when a line of text is typed, and previewed as a pattern is
// typed.
func TestPipedSubjectKept(t *testing.T) {
	s := New(Options{Lines: true})
	s.SetSubject("first line\nsecond log line\nthird")
	var out strings.Builder
	if err := s.Exec("/log/", &out); err != nil {
		t.Fatal(err)
	}
	want := "pattern /log/  (Perl syntax, leftmost-first; no groups)\n2: second log line\n          ^~~\n1 match\n"
	if !strings.HasPrefix(out.String(), want) {
		t.Errorf("setting the pattern printed\n%s\nwant it to start with\n%s", out.String(), want)
	}
	out.Reset()
	if err := s.Exec("a log", &out); err != nil || !strings.Contains(out.String(), "the piped text stays the subject") {
		t.Errorf("a typed line printed\n%s(err %v)", out.String(), err)
	}
	out.Reset()
	s.Exec(":subject", &out)
	if want := "subject \"first line\\nsecond log line\\nthird\"\n"; out.String() != want {
		t.Errorf(":subject printed %q, want %q", out.String(), want)
	}
	rows := s.Preview("/ir", 40, 8)
	if len(rows) != 3 || stripANSI(rows[0]) != "first line" || !strings.Contains(rows[2], ansiMatchA+"ir") {
		t.Errorf("Preview = %q", rows)
	}
	if rows := s.Preview("plain text", 40, 8); rows != nil {
		t.Errorf("Preview of a subject line = %q, want nil", rows)
	}
}

// TestCancelledWholeFile stops :file with a pattern that can match a
// newline, which reads the file and searches it as one text: a stop comes
// while it reads (here, before), and it says so.
func TestCancelledWholeFile(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.log")
	if err := os.WriteFile(big, []byte(strings.Repeat("a line with log in it\n", 1<<17)), 0o644); err != nil {
		t.Fatal(err)
	}
	s := New(Options{})
	if err := s.Exec(`:re it\na`, io.Discard); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out strings.Builder
	if err := s.ExecContext(ctx, ":file "+big, &out); !errors.Is(err, ErrCancelled) {
		t.Errorf("error %v, want ErrCancelled", err)
	}
	want := ":file: stopped after reading 0 bytes, before the search (this pattern searches the file as one text); the pattern and the subject are kept\n"
	if out.String() != want {
		t.Errorf("printed %q, want %q", out.String(), want)
	}
}
