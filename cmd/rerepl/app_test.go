package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/repl")

// env returns a stdio reading input, with the given variables, and never a
// terminal: the script mode.
func testEnv(input string, vars map[string]string, out, errOut *bytes.Buffer) stdio {
	return stdio{
		in:     strings.NewReader(input),
		out:    out,
		errOut: errOut,
		lookupEnv: func(key string) (string, bool) {
			v, ok := vars[key]
			return v, ok
		},
		terminal: func(any) bool { return false },
	}
}

func TestRunScriptMode(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "script.txt")
	if err := os.WriteFile(script, []byte(":re b+\nabba\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		input      string
		status     int
		wantOut    string
		outPrefix  bool   // wantOut is only the start of the output
		wantErrOut string // a substring of the error output
	}{
		{
			name:    "pattern from -e",
			args:    []string{"-e", "a+"},
			input:   "xaay\n",
			status:  0,
			wantOut: "pattern /a+/  (Perl syntax, leftmost-first; no groups)\nxaay\n ^~\n1 match\nmatch  group  name  span   text\n0      0            [1,3)  \"aa\"\n",
		},
		{
			name:    "echo",
			args:    []string{"-echo"},
			input:   ":flags\n",
			status:  0,
			wantOut: "> :flags\nflags: none (toggle with :flags i, m, s or U)\n",
		},
		{
			name:      "bad pattern from -e fails the run",
			args:      []string{"-e", "a("},
			input:     "",
			status:    1,
			wantOut:   "error parsing regexp: missing closing ): `a(`\n",
			outPrefix: true,
		},
		{
			name:    "a failing line fails the run but the rest still runs",
			input:   ":nope\n:re x\nx\n",
			status:  1,
			wantOut: "error: unknown command :nope; :help lists the commands\npattern /x/  (Perl syntax, leftmost-first; no groups)\nx\n^\n1 match\nmatch  group  name  span   text\n0      0            [0,1)  \"x\"\n",
		},
		{
			name:    "quit stops reading",
			input:   ":quit\n:nope\n",
			status:  0,
			wantOut: "",
		},
		{
			name:    "script file, input ignored",
			args:    []string{"-f", script},
			input:   ":nope\n",
			status:  0,
			wantOut: "pattern /b+/  (Perl syntax, leftmost-first; no groups)\nabba\n ^~\n1 match\nmatch  group  name  span   text\n0      0            [1,3)  \"bb\"\n",
		},
		{
			name:       "missing script file",
			args:       []string{"-f", filepath.Join(dir, "missing.txt")},
			status:     1,
			wantErrOut: "missing.txt: no such file or directory",
		},
		{
			name:       "unknown flag",
			args:       []string{"-z"},
			status:     2,
			wantErrOut: "flag provided but not defined: -z",
		},
		{
			name:       "stray argument",
			args:       []string{"a+"},
			status:     2,
			wantErrOut: `unexpected argument "a+"`,
		},
		{
			name:       "help",
			args:       []string{"-h"},
			status:     0,
			wantErrOut: "usage: rerepl [-e PATTERN] [-f FILE] [-echo]",
		},
		{
			name:    "CRLF lines",
			input:   ":re a\r\na\r\n",
			status:  0,
			wantOut: "pattern /a/  (Perl syntax, leftmost-first; no groups)\na\n^\n1 match\nmatch  group  name  span   text\n0      0            [0,1)  \"a\"\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := run(tt.args, testEnv(tt.input, nil, &out, &errOut))
			if status != tt.status {
				t.Errorf("status %d, want %d (stderr %q)", status, tt.status, errOut.String())
			}
			if got := out.String(); got != tt.wantOut && !(tt.outPrefix && strings.HasPrefix(got, tt.wantOut)) {
				t.Errorf("output:\n%s\nwant:\n%s", out.String(), tt.wantOut)
			}
			if !strings.Contains(errOut.String(), tt.wantErrOut) {
				t.Errorf("error output %q does not contain %q", errOut.String(), tt.wantErrOut)
			}
		})
	}
}

// TestUsageGolden keeps the -h text, which README.md quotes, in a file
// that shows changes in review.
func TestUsageGolden(t *testing.T) {
	var out, errOut bytes.Buffer
	if status := run([]string{"-h"}, testEnv("", nil, &out, &errOut)); status != 0 {
		t.Fatalf("status %d", status)
	}
	golden := "../../testdata/repl/usage.golden"
	if *update {
		if err := os.WriteFile(golden, errOut.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if errOut.String() != string(want) {
		t.Errorf("usage differs from %s (run with -update to accept):\n%s", golden, errOut.String())
	}
}

func TestStableNumbers(t *testing.T) {
	var out, errOut bytes.Buffer
	env := testEnv(":re a\naaa\n:bench\n", map[string]string{"REREPL_STABLE": "1"}, &out, &errOut)
	if status := run(nil, env); status != 0 {
		t.Fatalf("status %d: %s", status, errOut.String())
	}
	want := "            rerepl  <time/op>  <MB/s>\n  standard library  <time/op>  <MB/s>\n"
	if !strings.HasSuffix(out.String(), want) {
		t.Errorf(":bench with REREPL_STABLE=1 printed\n%s\nwant it to end with\n%s", out.String(), want)
	}
}
