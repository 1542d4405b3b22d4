package repl

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeSession runs the session README.md shows (every fenced block
// made of "rerepl> " lines and their output, in order, as one session) and
// compares it with what the workbench prints, so that the README cannot
// drift from the program. The README shows plain output, as in script
// mode; on failure the test prints what to paste.
func TestReadmeSession(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const prompt = "rerepl> "
	var want []string
	inBlock := false
	var block []string
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			if inBlock && len(block) > 0 && strings.HasPrefix(block[0], prompt) {
				want = append(want, block...)
			}
			inBlock, block = !inBlock, nil
		case inBlock:
			block = append(block, line)
		}
	}
	if len(want) == 0 {
		t.Fatal("README.md shows no session")
	}
	s := New(Options{})
	var got strings.Builder
	for _, line := range want {
		input, ok := strings.CutPrefix(line, prompt)
		if !ok {
			continue
		}
		got.WriteString(prompt + input + "\n")
		s.Exec(input, &got) // a failing line is part of the session
	}
	if w := strings.Join(want, "\n") + "\n"; got.String() != w {
		t.Errorf("README.md's session differs from what rerepl prints:\n%s\nrerepl prints:\n%s", lineDiff(w, got.String()), got.String())
	}
}
