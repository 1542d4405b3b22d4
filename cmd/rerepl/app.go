package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

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
}

// Exit statuses of the command.
const (
	exitOK      = 0
	exitFailed  = 1 // a line of a script failed
	exitBadFlag = 2
)

// run runs the command with args (without the program name) and returns
// its exit status.
func run(args []string, env stdio) int {
	flags := flag.NewFlagSet("rerepl", flag.ContinueOnError)
	flags.SetOutput(env.errOut)
	pattern := flags.String("e", "", "start with `PATTERN` as the pattern")
	script := flags.String("f", "", "run the lines of `FILE` as a script, then exit")
	echo := flags.Bool("echo", false, "in script mode, echo each line after \"> \" before its output")
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

	interactive := *script == "" && env.isTerminal(env.in)
	_, noColor := env.lookupEnv("NO_COLOR")
	stable, _ := env.lookupEnv("REREPL_STABLE")
	session := repl.New(repl.Options{
		Color:     interactive && env.isTerminal(env.out) && !noColor,
		Stable:    stable != "" && stable != "0",
		Echo:      *echo && !interactive,
		Reference: stdReference,
	})

	ok := true
	if hasPattern {
		ok = session.SetPattern(*pattern, env.out) == nil
	}
	if interactive {
		if !hasPattern {
			fmt.Fprint(env.out, repl.Banner())
		}
		return runTerminal(session, env)
	}

	in := env.in
	if *script != "" {
		f, err := os.Open(*script)
		if err != nil {
			fmt.Fprintf(env.errOut, "rerepl: %v\n", err)
			return exitFailed
		}
		defer f.Close()
		in = f
	}
	scriptOK, err := session.Run(in, env.out)
	if err != nil {
		fmt.Fprintf(env.errOut, "rerepl: reading script: %v\n", err)
		return exitFailed
	}
	if !ok || !scriptOK {
		return exitFailed
	}
	return exitOK
}

const usage = `usage: rerepl [-e PATTERN] [-f FILE] [-echo]

rerepl tests regular expressions in Go's syntax. Type a pattern as
:re PATTERN or /PATTERN/flags, then lines of text to test; :help lists the
commands. When the input is not a terminal, lines are run as a script and
the exit status is 1 if any line failed. REREPL_STABLE=1 replaces timings
with placeholders, NO_COLOR disables colour, REREPL_HISTORY names the
history file ("" disables it).

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
