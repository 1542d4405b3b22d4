//go:build linux

package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// The tests in this file run the rerepl binary on a real pseudo-terminal,
// which they create themselves (so they run in CI with no terminal
// attached): the line editor's raw mode, the terminal's own Ctrl-C
// (a SIGINT while a command runs, a key at the prompt) and pastes are
// exercised as a user meets them.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
	buildDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// rerepl returns the path of the binary, built once for the package.
func rerepl(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "rerepl-pty")
		if buildErr != nil {
			return
		}
		binPath = filepath.Join(buildDir, "rerepl")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// openPTY opens a new pseudo-terminal pair of 24 rows and 80 columns.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	fd, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatalf("open /dev/ptmx: %v", err)
	}
	master = os.NewFile(uintptr(fd), "/dev/ptmx")
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open slave: %v", err)
	}
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80}); err != nil {
		t.Fatalf("set window size: %v", err)
	}
	return master, slave
}

// A ptySession is rerepl running on a pseudo-terminal.
type ptySession struct {
	t      *testing.T
	master *os.File
	cmd    *exec.Cmd
	screen lockedBuffer
	done   chan struct{}
	mark   int // where waitFor starts looking
}

// startPTY runs rerepl with args on a new pseudo-terminal, which is its
// controlling terminal and standard output and error. Its standard input
// is the terminal too, unless stdin is given.
func startPTY(t *testing.T, stdin io.Reader, args ...string) *ptySession {
	t.Helper()
	master, slave := openPTY(t)
	cmd := exec.Command(rerepl(t), args...)
	cmd.Env = []string{"HOME=" + t.TempDir(), "REREPL_HISTORY=", "TERM=xterm", "PATH=" + os.Getenv("PATH")}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	if stdin != nil {
		cmd.Stdin = stdin
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 1}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	p := &ptySession{t: t, master: master, cmd: cmd, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		buf := make([]byte, 64<<10)
		for {
			n, err := master.Read(buf)
			p.screen.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		master.Close()
	})
	return p
}

// send types keys.
func (p *ptySession) send(keys string) {
	p.t.Helper()
	if _, err := p.master.Write([]byte(keys)); err != nil {
		p.t.Fatalf("writing keys: %v", err)
	}
}

// waitFor waits until want appears on the screen after the last thing
// waited for, and returns the screen from there to the end of want. The
// timeout only guards against a hang.
func (p *ptySession) waitFor(want string) string {
	p.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		screen := p.screen.String()
		if i := strings.Index(screen[p.mark:], want); i >= 0 {
			got := screen[p.mark : p.mark+i+len(want)]
			p.mark += i + len(want)
			return got
		}
		if time.Now().After(deadline) {
			tail := screen[p.mark:]
			if len(tail) > 2000 {
				tail = tail[len(tail)-2000:]
			}
			p.t.Fatalf("the screen never showed %q; after the last mark it shows:\n%q", want, tail)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// exit waits for the process to end and returns its exit status.
func (p *ptySession) exit() int {
	p.t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- p.cmd.Wait() }()
	select {
	case err := <-errc:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		if err != nil {
			p.t.Fatal(err)
		}
		return 0
	case <-time.After(30 * time.Second):
		p.t.Fatalf("rerepl did not exit; screen:\n%q", p.screen.String())
	}
	return -1
}

// TestPTYInterruptFile presses Ctrl-C while :file reads a file that never
// ends (a FIFO kept full): the command stops and says how far it got, the
// workbench prompts again, and the next line is tested with the same
// pattern. Two Ctrl-Cs at the empty prompt then say how to leave.
func TestPTYInterruptFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "endless")
	if err := unix.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	var written atomic.Int64
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		block := []byte(strings.Repeat("a line with log in it\n", 1<<12))
		for {
			n, err := f.Write(block)
			written.Add(int64(n))
			if err != nil {
				return // the reader closed it
			}
		}
	}()

	p := startPTY(t, nil, "-e", "log")
	p.waitFor("pattern /log/")
	p.waitFor(prompt)
	p.send(":file " + fifo + "\r")
	for written.Load() < 4<<20 {
		time.Sleep(10 * time.Millisecond)
	}
	p.send("\x03")
	stopped := p.waitFor("so far; the pattern and the subject are kept")
	if !strings.Contains(stopped, "^C\r\n:file: stopped after ") {
		t.Errorf(":file did not say where it stopped:\n%q", stopped)
	}
	p.waitFor(prompt)
	p.send("one more log\r")
	got := p.waitFor("1 match")
	if strings.Contains(got, "no pattern") {
		t.Errorf("the pattern was lost:\n%q", got)
	}
	p.waitFor(`[9,12)  "log"`)
	p.waitFor(prompt)
	p.send("\x03")
	p.waitFor(prompt)
	p.send("\x03")
	p.waitFor("(to leave rerepl, press Ctrl-D at an empty prompt or type :quit)")
	p.send("\x04")
	if status := p.exit(); status != 0 {
		t.Errorf("exit status %d after Ctrl-D, want 0", status)
	}
}

// TestPTYLongPaste pastes a line of 100 KB, in one write as a terminal
// delivers a paste: it is answered, and what the screen receives from the
// paste to the answer is a bounded window, not the line (let alone the
// line redrawn once per character).
func TestPTYLongPaste(t *testing.T) {
	p := startPTY(t, nil, "-e", "needle")
	p.waitFor(prompt)
	line := strings.Repeat("x", 50_000) + "needle" + strings.Repeat("y", 50_000)
	p.send(line + "\r")
	answer := p.waitFor("1 match")
	p.waitFor(`[50000,50006)  "needle"`)
	t.Logf("the screen got %d bytes from the paste to the answer", len(answer))
	if len(answer) > 8<<10 {
		t.Errorf("the screen got %d bytes for a pasted line of %d bytes; want a bounded window", len(answer), len(line))
	}
	for _, want := range []string{"(a line of 100,006 bytes, pasted)", "…[49,976 bytes]…", "needle"} {
		if !strings.Contains(answer, want) {
			t.Errorf("the answer lacks %q:\n%q", want, answer)
		}
	}
	p.waitFor(prompt)
	p.send("\x04")
	if status := p.exit(); status != 0 {
		t.Errorf("exit status %d, want 0", status)
	}
}

// TestPTYPipedSubject runs `printf ... | rerepl -i`: the piped text is the
// subject and the workbench runs on the terminal. While the pattern is
// typed, the lines of the text are drawn below it with the matches
// highlighted; Enter shows the matching lines and the table.
func TestPTYPipedSubject(t *testing.T) {
	p := startPTY(t, strings.NewReader("first line\nsecond log line\nthird\n"), "-i")
	p.waitFor("The subject is the piped text: 3 lines")
	p.waitFor(prompt)
	p.send("/lo")
	p.waitFor("second \x1b[30;43mlo\x1b[0mg line")
	p.send("g")
	preview := p.waitFor("second \x1b[30;43mlog\x1b[0m line")
	if !strings.Contains(preview, "first line") {
		t.Errorf("the live preview lacks the line without a match:\n%q", preview)
	}
	p.send("/\r")
	got := p.waitFor("1 match")
	if want := "2: second \x1b[30;43mlog"; !strings.Contains(got, want) {
		t.Errorf("the matching line is not drawn highlighted (%q):\n%q", want, got)
	}
	p.waitFor(prompt)
	p.send(":quit\r")
	if status := p.exit(); status != 0 {
		t.Errorf("exit status %d, want 0", status)
	}
}

// TestPTYFlagsAndTests types /abc/g, which is refused with what rerepl
// does instead, then records a test, saves it, clears it and loads it
// back.
func TestPTYFlagsAndTests(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tests.txt")
	p := startPTY(t, nil)
	p.waitFor(prompt)
	p.send("/abc/g\r")
	p.waitFor("'g' is not a flag of Go's regexp: all matches are shown already")
	p.waitFor(prompt)
	p.send(":re ^a+$\r")
	p.waitFor("pattern /^a+$/")
	p.send("aaa\r")
	p.waitFor("1 match")
	p.send(":test +\r")
	p.waitFor(`recorded: "aaa" must match (1 test)`)
	p.send(":test save " + file + "\r")
	p.waitFor("saved 1 test to " + file)
	p.send(":test clear\r")
	p.waitFor("cleared 1 test")
	p.send(":test load " + file + "\r")
	p.waitFor("loaded 1 test from " + file)
	p.send(":tests\r")
	p.waitFor("1 test passed")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\n+ \"aaa\"\n") {
		t.Errorf("the saved file holds\n%s", data)
	}
	p.send("\x04")
	if status := p.exit(); status != 0 {
		t.Errorf("exit status %d, want 0", status)
	}
}

// TestPTYLongLineInPieces sends a 20 KB line in pieces of 100 bytes, as a
// slow connection delivers a paste: once the line would fill the screen
// (24 rows of 80 columns here, less two), the rest is held aside too, so
// the editor never redraws a long line at each piece.
func TestPTYLongLineInPieces(t *testing.T) {
	p := startPTY(t, nil, "-e", "needle")
	p.waitFor(prompt)
	line := strings.Repeat("x", 10_000) + "needle" + strings.Repeat("y", 10_000)
	for i := 0; i < len(line); i += 100 {
		p.send(line[i:min(i+100, len(line))])
		time.Sleep(time.Millisecond)
	}
	p.send("\r")
	answer := p.waitFor(`[10000,10006)  "needle"`)
	// The editor draws the first 1,752 bytes as they come, redrawing the
	// line at each piece; after that nothing more of the line is drawn.
	t.Logf("the screen got %d bytes from the first piece to the answer", len(answer))
	if len(answer) > 200<<10 {
		t.Errorf("the screen got %d bytes for a line of %d bytes typed in pieces; want it bounded", len(answer), len(line))
	}
	if !strings.Contains(answer, "(a line of 20,006 bytes, pasted)") {
		t.Errorf("the answer lacks the note of the held line:\n%q", answer[max(0, len(answer)-3000):])
	}
}

// TestSubjectModeExitStatus runs the binary with piped input and -e, as a
// shell script would: data lines that look like commands are subjects, and
// the exit status is grep's.
func TestSubjectModeExitStatus(t *testing.T) {
	tests := []struct {
		args   []string
		input  string
		status int
		stdout string // a substring
		stderr string // a substring
	}{
		{[]string{"-e", "log"}, "/var/log/\n::1 localhost\n", 0, "::1 localhost\nno match\n", ""},
		{[]string{"-e", "zzz"}, ":re a\n/a/\n", 1, ":re a\nno match\n/a/\nno match\n", ""},
		{[]string{"-e", "a("}, "a\n", 2, "", "rerepl: -e: error parsing regexp: missing closing ): `a(`"},
	}
	for _, tt := range tests {
		cmd := exec.Command(rerepl(t), tt.args...)
		cmd.Stdin = strings.NewReader(tt.input)
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		status := 0
		if ee, ok := err.(*exec.ExitError); ok {
			status = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if status != tt.status || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("rerepl %q < %q: status %d, stdout\n%s\nstderr\n%s\nwant status %d, stdout with %q, stderr with %q",
				tt.args, tt.input, status, stdout.String(), stderr.String(), tt.status, tt.stdout, tt.stderr)
		}
	}
}
