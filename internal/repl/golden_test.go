package repl

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	stdregexp "regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden transcripts in testdata/repl")

// goldenDir holds the transcripts: each NAME.txt is a script, and
// NAME.golden the exact output of running it in script mode with echo and
// stable numbers, followed by the exit status the command would return.
const goldenDir = "../../testdata/repl"

// stdReference is the standard library, as cmd/rerepl injects it for
// :bench.
func stdReference(expr string, posix, longest bool) (Searcher, error) {
	compile := stdregexp.Compile
	if posix {
		compile = stdregexp.CompilePOSIX
	}
	re, err := compile(expr)
	if err != nil {
		return nil, err
	}
	if longest {
		re.Longest()
	}
	return re, nil
}

// runScript runs script the way `rerepl -echo -f name` does with
// REREPL_STABLE=1, and returns the transcript with the exit status. The
// explanations of failed lines, which the command writes to standard error
// as name:LINE:, are kept in the transcript where they occur.
func runScript(t *testing.T, name string, script []byte) string {
	t.Helper()
	s := New(Options{Stable: true, Echo: true, Reference: stdReference})
	var out bytes.Buffer
	ok, err := s.RunScript(context.Background(), name, bytes.NewReader(script), &out, &out)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	status := 0
	if !ok {
		status = 1
	}
	fmt.Fprintf(&out, "--- exit status %d\n", status)
	return out.String()
}

func TestGoldenTranscripts(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join(goldenDir, "*.txt"))
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in %s (err %v)", goldenDir, err)
	}
	// Scripts may write files (:test save) named *.tmp beside them.
	t.Cleanup(func() {
		tmps, _ := filepath.Glob(filepath.Join(goldenDir, "*.tmp"))
		for _, tmp := range tmps {
			os.Remove(tmp)
		}
	})
	for _, script := range scripts {
		name := strings.TrimSuffix(filepath.Base(script), ".txt")
		t.Run(name, func(t *testing.T) {
			input, err := os.ReadFile(script)
			if err != nil {
				t.Fatal(err)
			}
			var got string
			if pattern, ok := subjectModePattern(input); ok {
				got = runSubjects(t, pattern, input)
			} else {
				got = runScript(t, filepath.Base(script), input)
			}
			goldenPath := strings.TrimSuffix(script, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(goldenPath, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("transcript differs from %s (run with -update to accept):\n%s", goldenPath, lineDiff(string(want), got))
			}
		})
	}
}

// subjectModeHeader starts a transcript of subject mode: the rest of its
// first line is the pattern given with -e, and every line after it is a
// subject, as `rerepl -e PATTERN < file` reads it.
const subjectModeHeader = "# rerepl -e "

// subjectModePattern returns the pattern of a subject-mode transcript.
func subjectModePattern(script []byte) (string, bool) {
	first, _, _ := strings.Cut(string(script), "\n")
	return strings.CutPrefix(first, subjectModeHeader)
}

// runSubjects runs the subjects after the first line of script the way
// `rerepl -echo -e PATTERN < script` does, and returns the transcript
// with grep's exit status: 0 when a line matched, 1 when none did, 2 for
// an error.
func runSubjects(t *testing.T, pattern string, script []byte) string {
	t.Helper()
	s := New(Options{Stable: true, Echo: true})
	var out bytes.Buffer
	status := 0
	_, rest, _ := strings.Cut(string(script), "\n")
	s.SetErrorOutput(&out)
	if s.SetPattern(pattern, io.Discard) != nil {
		status = 2
	} else {
		s.SetErrorOutput(nil)
		matched, err := s.RunSubjects(context.Background(), strings.NewReader(rest), &out)
		switch {
		case err != nil:
			status = 2
		case !matched:
			status = 1
		}
	}
	fmt.Fprintf(&out, "--- exit status %d\n", status)
	return out.String()
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
