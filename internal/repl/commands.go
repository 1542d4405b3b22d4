package repl

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// A command is one of the colon commands. Its handler gets the text after
// the command name, with the one separating space removed.
type command struct {
	name  string
	args  string // argument synopsis for :help
	help  string // one line for :help
	run   func(s *Session, arg string, out io.Writer) error
	noArg bool // the command takes no argument
}

// commands lists every command, in the order :help shows them. It is
// filled in by init to break the reference cycle through cmdHelp.
var commands []command

func init() {
	commands = []command{
		{name: "help", help: "list the commands", run: cmdHelp, noArg: true},
		{name: "re", args: "PATTERN", help: "set the pattern (also /PATTERN/flags); without PATTERN, show it", run: cmdRe},
		{name: "flags", args: "[imsU]", help: "toggle inline flags i m s U; without letters, show them", run: cmdFlags},
		{name: "posix", help: "toggle POSIX ERE syntax with leftmost-longest matching (CompilePOSIX)", run: cmdPosix, noArg: true},
		{name: "longest", help: "toggle leftmost-longest matching with Perl syntax (Longest)", run: cmdLongest, noArg: true},
		{name: "all", help: "show every match of a subject (the default)", run: cmdAll, noArg: true},
		{name: "first", help: "show only the first match of a subject", run: cmdFirst, noArg: true},
		{name: "subject", args: `"GO STRING"`, help: "test a subject written as a Go string literal (for \\xff, \\t, \"\"); without it, show the subject", run: cmdSubject},
		{name: "show", args: "[N]", help: "show match N of the subject in full, with its groups; without N, the whole subject", run: cmdShow},
		{name: "ast", help: "show the syntax tree with the span of each node", run: cmdAST, noArg: true},
		{name: "simplify", help: "show the simplified pattern and its tree", run: cmdSimplify, noArg: true},
		{name: "prog", args: "[all]", help: "show the compiled byte program (the first 40 states; all of them with all)", run: cmdProg},
		{name: "engine", help: "show how the regexp package searches: strategy, literals, engines, and why", run: cmdEngine, noArg: true},
		{name: "explain", help: "read the pattern out in plain English", run: cmdExplain, noArg: true},
		{name: "sub", args: "TEMPLATE", help: "preview ReplaceAllString on the subject ($1, ${name})", run: cmdSub},
		{name: "split", args: "[N]", help: "preview Split on the subject (N as in Split; default -1)", run: cmdSplit},
		{name: "test", args: "+|-|...", help: "record the subject as one that must match (+) or not (-); del N, clear, save FILE, load FILE; alone, list the tests", run: cmdTest},
		{name: "tests", help: "run the recorded tests against the pattern", run: cmdTests, noArg: true},
		{name: "file", args: "PATH", help: "search a file: match count, first matching lines, throughput", run: cmdFile},
		{name: "bench", help: "time the pattern on the subject, this package beside the standard library", run: cmdBench, noArg: true},
		{name: "set", args: "add RE|clear", help: "add RE to a Set of patterns (or clear it); each subject then says which of them match; alone, list them", run: cmdSet},
		{name: "go", help: "print Go code that uses the pattern", run: cmdGo, noArg: true},
		{name: "quit", help: "leave (Ctrl-D does too)", run: cmdQuit, noArg: true},
	}
}

// CommandNames returns the names of the commands, for completion.
func CommandNames() []string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return names
}

// lookupCommand finds the command called name or, failing that, the only
// command whose name starts with name. It returns the candidates when the
// prefix is ambiguous.
func lookupCommand(name string) (cmd *command, candidates []string) {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i], nil
		}
	}
	for i := range commands {
		if strings.HasPrefix(commands[i].name, name) {
			cmd = &commands[i]
			candidates = append(candidates, commands[i].name)
		}
	}
	if len(candidates) != 1 {
		return nil, candidates
	}
	return cmd, nil
}

// command runs the command line (without its leading ':').
func (s *Session) command(line string, out io.Writer) error {
	name, arg, hasArg := strings.Cut(line, " ")
	if name == "" {
		s.errorf(out, "missing command name after ':'; :help lists the commands")
		return errFailed
	}
	cmd, candidates := lookupCommand(name)
	if cmd == nil {
		if len(candidates) == 0 {
			s.errorf(out, "unknown command :%s; :help lists the commands", name)
		} else {
			sort.Strings(candidates)
			s.errorf(out, ":%s is ambiguous: :%s", name, strings.Join(candidates, " :"))
		}
		return errFailed
	}
	if cmd.noArg && hasArg && strings.TrimSpace(arg) != "" {
		s.errorf(out, ":%s takes no argument", cmd.name)
		return errFailed
	}
	return cmd.run(s, arg, out)
}

func cmdHelp(s *Session, _ string, out io.Writer) error {
	fmt.Fprintln(out, "Type a line of text to test it against the pattern, or a command:")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	for _, c := range commands {
		fmt.Fprintf(tw, "  :%s %s\t%s\n", c.name, c.args, c.help)
	}
	tw.Flush()
	fmt.Fprintln(out, "Commands may be shortened to any unique prefix (:si for :simplify).")
	return nil
}

func cmdRe(s *Session, arg string, out io.Writer) error {
	if arg == "" {
		if s.re == nil {
			fmt.Fprintf(out, "no pattern yet (mode %s)\n", s.mode)
			return nil
		}
		fmt.Fprintf(out, "pattern %s\n", s.describePattern())
		return nil
	}
	if pattern, flags, bad, ok := splitSlashPattern(arg); ok && len(arg) > 2 {
		// A habit from other tools: :re /pat/i. It is read as the
		// slash form; the note says how to mean the slashes.
		if bad != 0 {
			return s.errorf(out, "%s: %q is not a flag of Go's regexp: %s; the flags are i m s U (for a pattern with slashes, write :re %s)", arg, bad, foreignFlag(bad), escapeSlashes(arg))
		}
		fmt.Fprintf(out, "note: read as /%s/%s; for a pattern with slashes in it, write :re %s\n", visible(pattern), flags, escapeSlashes(arg))
		m := s.mode
		m.flags = flags
		return s.setPattern(pattern, m, out)
	}
	return s.setPattern(arg, s.mode, out)
}

func cmdFlags(s *Session, arg string, out io.Writer) error {
	arg = strings.TrimSpace(arg)
	if arg == "" {
		if s.mode.flags == "" {
			fmt.Fprintln(out, "flags: none (toggle with :flags i, m, s or U)")
		} else {
			fmt.Fprintf(out, "flags: %s\n", s.mode.flags)
		}
		return nil
	}
	if strings.Trim(arg, flagLetters) != "" {
		s.errorf(out, "unknown flag in %q: the flags are i (case-insensitive), m (multi-line ^ $), s (. matches \\n), U (ungreedy)", arg)
		return errFailed
	}
	m := s.mode
	for _, c := range arg {
		if strings.ContainsRune(m.flags, c) {
			m.flags = strings.ReplaceAll(m.flags, string(c), "")
		} else {
			m.flags += string(c)
		}
	}
	m.flags = normalizeFlags(m.flags)
	return s.setMode(m, out)
}

func cmdPosix(s *Session, _ string, out io.Writer) error {
	m := s.mode
	m.posix, m.longest = !m.posix, false
	if m.posix && m.flags != "" {
		fmt.Fprintf(out, "clearing flags %s: POSIX syntax has none\n", m.flags)
		m.flags = ""
	}
	return s.setMode(m, out)
}

func cmdLongest(s *Session, _ string, out io.Writer) error {
	m := s.mode
	m.longest, m.posix = !m.longest, false
	return s.setMode(m, out)
}

func cmdAll(s *Session, _ string, out io.Writer) error {
	s.firstOnly = false
	fmt.Fprintln(out, "showing all matches")
	return nil
}

func cmdFirst(s *Session, _ string, out io.Writer) error {
	s.firstOnly = true
	fmt.Fprintln(out, "showing the first match only")
	return nil
}

func cmdQuit(*Session, string, io.Writer) error {
	return ErrQuit
}

// escapeSlashes writes every slash of a pattern as \/, which matches a
// slash and cannot be read as the slash form.
func escapeSlashes(p string) string {
	return strings.ReplaceAll(p, "/", `\/`)
}
