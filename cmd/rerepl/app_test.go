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
	badScript := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(badScript, []byte(":re b+\n:bogus\n"), 0o644); err != nil {
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
			name:    "subject mode: -e with piped input tests every line",
			args:    []string{"-e", "a+"},
			input:   "xaay\n",
			status:  0,
			wantOut: "xaay\n ^~\n1 match\nmatch  group  name  span   text\n0      0            [1,3)  \"aa\"\n",
		},
		{
			name:   "subject mode: lines that look like commands are subjects",
			args:   []string{"-e", "log"},
			input:  "/var/log/\n::1 localhost\nlog here\n:quit\n",
			status: 0,
			wantOut: "/var/log/\n     ^~~\n1 match\nmatch  group  name  span   text\n0      0            [5,8)  \"log\"\n" +
				"::1 localhost\nno match\n" +
				"log here\n^~~\n1 match\nmatch  group  name  span   text\n0      0            [0,3)  \"log\"\n" +
				":quit\nno match\n",
		},
		{
			name:    "subject mode: no line matches, status 1",
			args:    []string{"-e", "zz"},
			input:   "abc\n\n",
			status:  1,
			wantOut: "abc\nno match\n\nno match\n",
		},
		{
			name:       "subject mode: a bad pattern is status 2, on stderr",
			args:       []string{"-e", "a("},
			input:      "a\n",
			status:     2,
			wantOut:    "",
			wantErrOut: "rerepl: -e: error parsing regexp: missing closing ): `a(`",
		},
		{
			name:       "script mode: errors go to stderr with the line number",
			input:      ":nope\n:re x\nx\n",
			status:     1,
			wantOut:    "pattern /x/  (Perl syntax, leftmost-first; no groups)\nx\n^\n1 match\nmatch  group  name  span   text\n0      0            [0,1)  \"x\"\n",
			wantErrOut: "stdin:1: error: unknown command :nope; :help lists the commands\n",
		},
		{
			name:       "script mode: a bad pattern's caret lines are prefixed too",
			input:      "\n:re a(b\n",
			status:     1,
			wantErrOut: "stdin:2: error parsing regexp: missing closing ): `a(b`\nstdin:2:   a(b\nstdin:2:    ^\n",
		},
		{
			name:    "quit stops reading",
			input:   ":quit\n:nope\n",
			status:  0,
			wantOut: "",
		},
		{
			name:    "-e with -f keeps script mode",
			args:    []string{"-e", "x", "-f", script},
			status:  0,
			wantOut: "pattern /x/  (Perl syntax, leftmost-first; no groups)\npattern /b+/  (Perl syntax, leftmost-first; no groups)\nabba\n ^~\n1 match\nmatch  group  name  span   text\n0      0            [1,3)  \"bb\"\n",
		},
		{
			name:       "script file errors name the file and line",
			args:       []string{"-f", badScript},
			status:     1,
			wantOut:    "pattern /b+/  (Perl syntax, leftmost-first; no groups)\n",
			wantErrOut: badScript + ":2: error: unknown command :bogus",
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
			wantErrOut: "usage: rerepl [-e PATTERN] [-f FILE] [-i] [-echo]",
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
	want := "            rerepl   <time>     <time>    <time/op>     <range>      <MB/s>\n" +
		"  standard library   <time>     <time>    <time/op>     <range>      <MB/s>\n" +
		"compile: Compile alone; first use: the first search, which builds the lazy parts; warm: each search after\n"
	if !strings.HasSuffix(out.String(), want) {
		t.Errorf(":bench with REREPL_STABLE=1 printed\n%s\nwant it to end with\n%s", out.String(), want)
	}
}
