package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/chzyer/readline"
	"github.com/rerepl/rerepl/internal/repl"
)

// prompt is shown before each line typed at the terminal.
const prompt = "rerepl> "

// readlineConfig returns the line editor's configuration for session on
// the streams of env: the painter and completer come from the session, and
// history is kept by the caller (see [history]).
func readlineConfig(session *repl.Session, env stdio) *readline.Config {
	cfg := &readline.Config{
		Prompt:            prompt,
		AutoComplete:      completer{session},
		HistorySearchFold: true,
		HistoryLimit:      historyLimit,
		InterruptPrompt:   "^C",
		EOFPrompt:         "\n",
		Stdout:            env.out,
		Stderr:            env.errOut,
	}
	if rc, ok := env.in.(io.ReadCloser); ok {
		cfg.Stdin = rc
	} else {
		cfg.Stdin = io.NopCloser(env.in)
	}
	if _, noColor := env.lookupEnv("NO_COLOR"); !noColor && env.isTerminal(env.out) {
		cfg.Painter = painter{session: session, width: func() int { return cfg.FuncGetWidth() }}
	}
	if tty, ok := env.in.(*os.File); ok && env.terminal == nil {
		// The terminal may not be standard input and output (rerepl -i
		// opens /dev/tty), which the editor assumes it is: point it at
		// the terminal it reads.
		fd := int(tty.Fd())
		var state *readline.State
		outIsTerminal := env.isTerminal(env.out)
		cfg.FuncIsTerminal = func() bool { return outIsTerminal }
		cfg.FuncMakeRaw = func() (err error) {
			state, err = readline.MakeRaw(fd)
			return err
		}
		cfg.FuncExitRaw = func() error {
			if state == nil {
				return nil
			}
			return readline.Restore(fd, state)
		}
		cfg.FuncGetWidth = func() int { return terminalWidth(fd) }
	}
	if env.terminal != nil {
		// A test drives the editor through pipes: tell it they are a
		// terminal, and leave the real terminal's mode alone.
		cfg.FuncIsTerminal = func() bool { return env.terminal(env.in) }
		cfg.FuncMakeRaw = func() error { return nil }
		cfg.FuncExitRaw = func() error { return nil }
		cfg.FuncGetWidth = func() int { return 80 }
		cfg.FuncOnWidthChanged = func(func()) {}
	}
	return cfg
}

// runTerminal runs an interactive session with line editing until Ctrl-D
// or :quit. Ctrl-C discards the line being typed; while a command runs, it
// stops the command, which says how far it got, and the session goes on
// with its pattern, flags and tests as they were. A second Ctrl-C at an
// empty prompt says how to leave.
func runTerminal(session *repl.Session, env stdio) int {
	cfg := readlineConfig(session, env)
	paste := newPasteReader(cfg.Stdin)
	if tty, ok := env.in.(*os.File); ok && env.terminal == nil {
		fd := int(tty.Fd())
		paste.limit = func() int {
			cols, rows := terminalSize(fd)
			return cols*(rows-2) - len(prompt)
		}
	}
	cfg.Stdin = paste
	rl, err := readline.NewEx(cfg)
	if err != nil {
		fmt.Fprintf(env.errOut, "rerepl: %v\n", err)
		return exitFailed
	}
	defer rl.Close()
	paste.setNotify(func(msg string) { fmt.Fprint(rl.Stdout(), msg) })

	// While a command runs the terminal is not in raw mode, so Ctrl-C
	// is a SIGINT, which cancels the command instead of the process.
	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, os.Interrupt)
	defer signal.Stop(interrupts)

	hist := &history{path: historyPath(env.lookupEnv), errOut: env.errOut}
	for _, line := range hist.load() {
		rl.SaveHistory(line)
	}
	emptyInterrupts := 0
	for {
		line, err := rl.Readline()
		long, isLong := paste.take()
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			if line == "" && !isLong {
				emptyInterrupts++
				if emptyInterrupts >= 2 {
					fmt.Fprintln(env.out, "(to leave rerepl, press Ctrl-D at an empty prompt or type :quit)")
				}
			} else {
				emptyInterrupts = 0
			}
			continue
		case errors.Is(err, io.EOF):
			return exitOK
		case err != nil:
			fmt.Fprintf(env.errOut, "rerepl: %v\n", err)
			return exitFailed
		}
		emptyInterrupts = 0
		if cfg.Painter != nil {
			// Clear what a live preview left below the line.
			fmt.Fprint(env.out, "\x1b[J")
		}
		if isLong {
			line += long
			fmt.Fprintf(env.out, "(a line of %s bytes, pasted)\n", formatCount(len(line)))
		} else {
			hist.add(line)
		}
		if errors.Is(execInterruptible(session, line, env.out, interrupts), repl.ErrQuit) {
			return exitOK
		}
	}
}

// execInterruptible runs line with a context that a SIGINT on interrupts
// cancels.
func execInterruptible(session *repl.Session, line string, out io.Writer, interrupts chan os.Signal) error {
	// Drop an interrupt that came while no command ran.
	select {
	case <-interrupts:
	default:
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &afterInterrupt{w: out}
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-interrupts:
			w.pending.Store(true)
			cancel()
		case <-done:
		}
	}()
	return session.ExecContext(ctx, line, w)
}

// afterInterrupt starts a new line before the first write after a Ctrl-C,
// which the terminal echoes as ^C where the cursor was.
type afterInterrupt struct {
	w       io.Writer
	pending atomic.Bool
}

func (a *afterInterrupt) Write(b []byte) (int, error) {
	if a.pending.CompareAndSwap(true, false) {
		if _, err := io.WriteString(a.w, "\n"); err != nil {
			return 0, err
		}
	}
	return a.w.Write(b)
}

// previewRows is how many lines of a piped subject the live preview
// shows below the line being typed.
const previewRows = 8

// painter colours the line being edited with [repl.Session.Paint] and,
// for a subject piped in with -i, draws [repl.Session.Preview] below it.
type painter struct {
	session *repl.Session
	width   func() int // of the screen; nil when unknown
}

func (p painter) Paint(line []rune, _ int) []rune {
	text := string(line)
	painted := p.session.Paint(text)
	if p.width == nil || strings.HasSuffix(text, "\n") {
		// The editor paints the line once more with its newline
		// when Enter is pressed: no preview then.
		return []rune(painted)
	}
	width := p.width()
	if width <= 0 {
		width = 80
	}
	rows := p.session.Preview(text, width-1, previewRows)
	if len(rows) == 0 {
		return []rune(painted)
	}
	return []rune(painted + belowLine(rows, (len(prompt)+repl.TextWidth(text))%width))
}

// belowLine returns the terminal codes that draw rows under the line being
// edited and put the cursor back at column col of the line's last row,
// where the editor expects it. The editor clears from the cursor to the
// end of the screen before each redraw, which erases the rows again.
//
// Room is made first, with newlines that scroll the screen when the line
// is at the bottom, so that drawing the rows scrolls nothing and moving
// back up lands on the line.
func belowLine(rows []string, col int) string {
	n := len(rows)
	var b strings.Builder
	b.WriteString(strings.Repeat("\n", n))
	fmt.Fprintf(&b, "\x1b[%dA", n)
	for _, r := range rows {
		b.WriteString("\n\x1b[2K" + r + "\x1b[0m")
	}
	fmt.Fprintf(&b, "\x1b[%dA\x1b[%dG", n, col+1)
	return b.String()
}

// completer offers the completions of [repl.Session.Complete] in the form
// the line editor wants: the rest of each candidate after the word typed so
// far, and the length of that word in runes.
type completer struct{ session *repl.Session }

func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	text := string(line)
	bytePos := len(string(line[:pos]))
	candidates, wordLen := c.session.Complete(text, bytePos)
	word := text[bytePos-wordLen : bytePos]
	rest := make([][]rune, 0, len(candidates))
	for _, cand := range candidates {
		rest = append(rest, []rune(strings.TrimPrefix(cand, word)))
	}
	return rest, utf8.RuneCountInString(word)
}

// formatCount writes n with thousands separators: 100,006.
func formatCount(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
