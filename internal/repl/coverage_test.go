package repl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenScriptsCoverEveryCommand keeps the transcripts honest as
// commands are added: each command must be run by some script.
func TestGoldenScriptsCoverEveryCommand(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join(goldenDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, script := range scripts {
		data, err := os.ReadFile(script)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := subjectModePattern(data); ok {
			continue // its lines are subjects, not commands
		}
		for _, line := range strings.Split(string(data), "\n") {
			if name, ok := strings.CutPrefix(line, ":"); ok {
				name, _, _ = strings.Cut(name, " ")
				if cmd, _ := lookupCommand(name); cmd != nil {
					used[cmd.name] = true
				}
			}
		}
	}
	for _, name := range CommandNames() {
		if !used[name] {
			t.Errorf("no script in %s runs :%s", goldenDir, name)
		}
	}
}

// TestColorResults checks the coloured form of a result: the subject with
// each match in alternating colours and nothing else added, and the mark
// line only when an empty match needs showing.
func TestColorResults(t *testing.T) {
	tests := []struct {
		lines []string
		want  string
	}{
		{
			lines: []string{":re a+", "xaaya"},
			want: "x" + ansiMatchA + "aa" + ansiReset + "y" + ansiMatchB + "a" + ansiReset + "\n" +
				"2 matches\n",
		},
		{
			lines: []string{":re a*", ":subject \"\\xffa\""},
			want: ansiUnderline + `\xff` + ansiNoUnderline + ansiMatchB + "a" + ansiReset + "\n" +
				"|   ^\n" +
				"2 matches\n",
		},
	}
	for _, tt := range tests {
		s := New(Options{Color: true})
		var out strings.Builder
		for _, line := range tt.lines {
			out.Reset()
			if err := s.Exec(line, &out); err != nil {
				t.Fatalf("Exec(%q): %v", line, err)
			}
		}
		if got := out.String(); !strings.HasPrefix(got, tt.want) {
			t.Errorf("after %q the output is\n%q\nwant it to start with\n%q", tt.lines, got, tt.want)
		}
	}
}
