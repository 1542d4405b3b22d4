package repl

import (
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestGoStringLiteral(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`a(b+)\d`, "`a(b+)\\d`"},
		{"a`b", "\"a`b\""},
		{"tab\there", `"tab\there"`},
		{"\xff", `"\xff"`},
		{"cr\r", `"cr\r"`},
		{"\ufeff", `"\ufeff"`},
		{"\u200b", `"\u200b"`},
		{"世界", "`世界`"},
		{"", "``"},
	}
	for _, tt := range tests {
		got := goStringLiteral(tt.in)
		if got != tt.want {
			t.Errorf("goStringLiteral(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if back, err := strconv.Unquote(got); err != nil || back != tt.in {
			t.Errorf("strconv.Unquote(%s) = %q, %v; want %q", got, back, err, tt.in)
		}
	}
}

// TestGoProgramRuns checks that :go prints a program that compiles and
// finds what the workbench shows: it runs the program with the go command
// and compares its output with the standard library's answer.
func TestGoProgramRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command; skipped in -short mode")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	s := New(Options{})
	for _, line := range []string{":flags i", ":re a`(\\d)", "xA`1 a`2\xff", ":longest"} {
		if err := s.Exec(line, &strings.Builder{}); err != nil {
			t.Fatalf("Exec(%q): %v", line, err)
		}
	}
	src := s.goProgram()
	fset := token.NewFileSet()
	if _, err := parser.ParseFile(fset, "main.go", src, parser.AllErrors); err != nil {
		t.Fatalf("the program does not parse: %v\n%s", err, src)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "main.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goCmd, "run", file)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GO111MODULE=off", "GOFLAGS=")
	got, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s\n%s", err, got, src)
	}
	want := "[\"A`1\" \"1\"]\n[\"a`2\" \"2\"]\n"
	if string(got) != want {
		t.Errorf("the program printed %q, want %q\n%s", got, want, src)
	}
}
