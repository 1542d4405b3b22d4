package repl

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestComplete(t *testing.T) {
	tests := []struct {
		line    string
		want    []string
		wordLen int
	}{
		{":he", []string{"help "}, 2},
		{":te", []string{"test ", "tests "}, 2},
		{":q", []string{"quit "}, 1},
		{":re \\p{Gree", []string{"Greek}"}, 4},
		{":re \\P{^Han", []string{"Han}", "Hangul}", "Hanifi_Rohingya}", "Hanunoo}"}, 3},
		{`x\p{Lu} \p{Zs`, []string{"Zs}"}, 2},
		{"hello", nil, 0},
		{":re abc", nil, 0},
	}
	s := New(Options{})
	for _, tt := range tests {
		got, n := s.Complete(tt.line, len(tt.line))
		if !reflect.DeepEqual(got, tt.want) || n != tt.wordLen {
			t.Errorf("Complete(%q) = %q, %d; want %q, %d", tt.line, got, n, tt.want, tt.wordLen)
		}
	}
}

func TestLookupCommand(t *testing.T) {
	tests := []struct {
		name       string
		want       string
		candidates []string
	}{
		{"re", "re", nil},
		{"test", "test", nil},
		{"tests", "tests", nil},
		{"q", "quit", nil},
		{"si", "simplify", nil},
		{"sp", "split", nil},
		{"s", "", []string{"subject", "show", "simplify", "sub", "split", "set"}},
		{"se", "set", nil},
		{"nope", "", nil},
	}
	for _, tt := range tests {
		cmd, candidates := lookupCommand(tt.name)
		got := ""
		if cmd != nil {
			got = cmd.name
		}
		if got != tt.want || !reflect.DeepEqual(candidates, tt.candidates) {
			t.Errorf("lookupCommand(%q) = %q, %q; want %q, %q", tt.name, got, candidates, tt.want, tt.candidates)
		}
	}
}

// TestCompleteFilePath checks that :file completes paths: entries of the
// directory typed so far whose names start with the last element,
// directories with a slash, and hidden entries only when asked for.
func TestCompleteFilePath(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"alpha.txt", "alps.log", ".hidden"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "alpine"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line    string
		want    []string
		wordLen int
	}{
		{":file " + dir + "/alp", []string{"alpha.txt", "alpine/", "alps.log"}, 3},
		{":file " + dir + "/alph", []string{"alpha.txt"}, 4},
		{":file " + dir + "/", []string{"alpha.txt", "alpine/", "alps.log"}, 0},
		{":file " + dir + "/.h", []string{".hidden"}, 2},
		{":fil " + dir + "/alpi", []string{"alpine/"}, 4},
		{":file " + dir + "/zz", nil, 2},
	}
	s := New(Options{})
	for _, tt := range tests {
		got, n := s.Complete(tt.line, len(tt.line))
		if !reflect.DeepEqual(got, tt.want) || n != tt.wordLen {
			t.Errorf("Complete(%q) = %q, %d; want %q, %d", tt.line, got, n, tt.want, tt.wordLen)
		}
	}
}
