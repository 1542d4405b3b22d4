package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/chzyer/readline"
	"github.com/rerepl/rerepl/internal/repl"
)

// stdio is the environment the command runs in, passed in so that tests
// can run it with their own streams and variables.
type stdio struct {
	in        io.Reader
	out       io.Writer
	errOut    io.Writer
	lookupEnv func(key string) (string, bool)

	// terminal, when set, overrides the checks of whether in and out are
	// terminals.
	terminal func(f any) bool

	// openTTY, when set, replaces opening /dev/tty for -i.
	openTTY func() (io.ReadWriteCloser, error)
}

// Exit statuses of the command. In subject mode they follow grep: 0 when
// a line matched, 1 when none did, 2 for an error.
const (
	exitOK      = 0
	exitFailed  = 1 // a line of a script failed; in subject mode, no line matched
	exitBadFlag = 2 // bad flags; in subject mode, any error
)

// maxPipedSubject is the most input -i takes as its subject.
const maxPipedSubject = 64 << 20

// run runs the command with args (without the program name) and returns
// its exit status.
func run(args []string, env stdio) int {
	flags := flag.NewFlagSet("rerepl", flag.ContinueOnError)
	flags.SetOutput(env.errOut)
	pattern := flags.String("e", "", "start with `PATTERN` as the pattern; with input that is not a terminal, test every input line against it, as grep does")
	script := flags.String("f", "", "run the lines of `FILE` as a script, then exit")
	echo := flags.Bool("echo", false, "in script and subject mode, echo each line after \"> \" before its output")
	piped := flags.Bool("i", false, "take the piped input as the subject and run the workbench on the terminal (/dev/tty)")
	flags.Usage = func() {
		fmt.Fprint(env.errOut, usage)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitBadFlag
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(env.errOut, "rerepl: unexpected argument %q\n", flags.Arg(0))
		flags.Usage()
		return exitBadFlag
	}
	hasPattern := false
	flags.Visit(func(f *flag.Flag) { hasPattern = hasPattern || f.Name == "e" })

	var subject string
	hasSubject := false
	if *piped && *script != "" {
		fmt.Fprintln(env.errOut, "rerepl: -i and -f do not go together: -i reads the subject from the input")
		return exitBadFlag
	}
	if *piped && !env.isTerminal(env.in) {
		data, err := io.ReadAll(io.LimitReader(env.in, maxPipedSubject+1))
		if err != nil {
			fmt.Fprintf(env.errOut, "rerepl: reading the subject: %v\n", err)
			return exitFailed
		}
		if len(data) > maxPipedSubject {
			fmt.Fprintf(env.errOut, "rerepl: the piped subject is larger than %d MB; search a file that large with :file\n", maxPipedSubject>>20)
			return exitFailed
		}
		subject, hasSubject = strings.TrimSuffix(string(data), "\n"), true
		tty, err := env.openTerminal()
		if err != nil {
			fmt.Fprintf(env.errOut, "rerepl: -i needs a terminal to run on: %v\n", err)
			return exitFailed
		}
		defer tty.Close()
		env.in, env.out = tty, tty
	}

	interactive := *script == "" && env.isTerminal(env.in)
	_, noColor := env.lookupEnv("NO_COLOR")
	stable, _ := env.lookupEnv("REREPL_STABLE")
	session := repl.New(repl.Options{
		Color:     interactive && env.isTerminal(env.out) && !noColor,
		Stable:    stable != "" && stable != "0",
		Echo:      *echo && !interactive,
		Reference: stdReference,
		Lines:     hasSubject,
	})
	if hasSubject {
		session.SetSubject(subject)
	}

	if hasPattern && !interactive && *script == "" {
		return runSubjects(session, *pattern, env)
	}
	ok := true
	if hasPattern {
		ok = session.SetPattern(*pattern, env.out) == nil
	}
	if interactive {
		if !hasPattern {
			fmt.Fprint(env.out, repl.Banner())
			if hasSubject {
				fmt.Fprintf(env.out, "The subject is the piped text: %s in %s.\n", plural(strings.Count(subject, "\n")+1, "line"), plural(len(subject), "byte"))
			}
		}
		return runTerminal(session, env)
	}

	in, name := env.in, "stdin"
	if *script != "" {
		f, err := os.Open(*script)
		if err != nil {
			fmt.Fprintf(env.errOut, "rerepl: %v\n", err)
			return exitFailed
		}
		defer f.Close()
		in, name = f, *script
	}
	scriptOK, err := session.RunScript(context.Background(), name, in, env.out, env.errOut)
	if err != nil {
		fmt.Fprintf(env.errOut, "rerepl: reading script: %v\n", err)
		return exitFailed
	}
	if !ok || !scriptOK {
		return exitFailed
	}
	return exitOK
}

// runSubjects runs subject mode: every line of the input is tested against
// pattern, none is a command, and the exit status is grep's.
func runSubjects(session *repl.Session, pattern string, env stdio) int {
	session.SetErrorOutput(prefixed{env.errOut, "rerepl: -e: "})
	if session.SetPattern(pattern, io.Discard) != nil {
		return exitBadFlag
	}
	session.SetErrorOutput(nil)
	matched, err := session.RunSubjects(context.Background(), env.in, env.out)
	switch {
	case err != nil:
		fmt.Fprintf(env.errOut, "rerepl: reading input: %v\n", err)
		return exitBadFlag
	case !matched:
		return exitFailed
	}
	return exitOK
}

// prefixed writes prefix before each write: the explanation of a bad
// pattern, written a line or a few at a time.
type prefixed struct {
	w      io.Writer
	prefix string
}

func (p prefixed) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, p.prefix); err != nil {
		return 0, err
	}
	return p.w.Write(b)
}

// plural returns n with noun, in the plural unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

const usage = `usage: rerepl [-e PATTERN] [-f FILE] [-i] [-echo]

rerepl tests regular expressions in Go's syntax. Type a pattern as
:re PATTERN or /PATTERN/flags, then lines of text to test; :help lists the
commands.

With -e and input that is not a terminal, every input line is a subject
(never a command), and the exit status is grep's: 0 when a line matched,
1 when none did, 2 for an error. Otherwise, input that is not a terminal
(or -f FILE) runs as a script: errors go to standard error as FILE:LINE:,
and the exit status is 1 if any line failed. With -i, the piped input is
the subject and the workbench runs on the terminal.

REREPL_STABLE=1 replaces timings with placeholders, NO_COLOR disables
colour, REREPL_HISTORY names the history file ("" disables it).

`

// isTerminal reports whether f, the command's input or output, is a
// terminal.
func (env stdio) isTerminal(f any) bool {
	if env.terminal != nil {
		return env.terminal(f)
	}
	file, ok := f.(*os.File)
	return ok && readline.IsTerminal(int(file.Fd()))
}

// openTerminal opens the controlling terminal, for -i.
func (env stdio) openTerminal() (io.ReadWriteCloser, error) {
	if env.openTTY != nil {
		return env.openTTY()
	}
	return os.OpenFile("/dev/tty", os.O_RDWR, 0)
}
