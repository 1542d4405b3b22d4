package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
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
		cfg.Painter = painter{session}
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
// or :quit. Ctrl-C discards the line being typed.
func runTerminal(session *repl.Session, env stdio) int {
	rl, err := readline.NewEx(readlineConfig(session, env))
	if err != nil {
		fmt.Fprintf(env.errOut, "rerepl: %v\n", err)
		return exitFailed
	}
	defer rl.Close()

	hist := &history{path: historyPath(env.lookupEnv), errOut: env.errOut}
	for _, line := range hist.load() {
		rl.SaveHistory(line)
	}
	for {
		line, err := rl.Readline()
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			continue
		case errors.Is(err, io.EOF):
			return exitOK
		case err != nil:
			fmt.Fprintf(env.errOut, "rerepl: %v\n", err)
			return exitFailed
		}
		hist.add(line)
		if errors.Is(session.Exec(line, env.out), repl.ErrQuit) {
			return exitOK
		}
	}
}

// painter colours the line being edited with [repl.Session.Paint].
type painter struct{ session *repl.Session }

func (p painter) Paint(line []rune, _ int) []rune {
	return []rune(p.session.Paint(string(line)))
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
