// Package repl holds the logic of rerepl, the interactive regex workbench:
// a [Session] reads one line at a time, either a command (":re a+", ":ast")
// or a subject to test against the current pattern, and writes what the
// user should see.
//
// The terminal front end (line editing, history, key bindings) lives in
// cmd/rerepl. This package depends only on the standard library and the
// module's own packages, so tests drive it directly through [Session.Exec]
// and [Run], and the same code serves the terminal and scripts piped in.
package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/rerepl/rerepl/regexp"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// Options configure a [Session].
type Options struct {
	// Color writes ANSI colour codes: matches are highlighted instead of
	// being marked on a line of their own.
	Color bool

	// Stable replaces every measured number (timings, throughput,
	// iteration counts) with a placeholder such as <ns/op>, so that
	// transcripts are the same on every run. Golden tests set it; users
	// get it with REREPL_STABLE=1.
	Stable bool

	// Echo writes each input line, after "> ", before its output, so that
	// the output of a script reads as a transcript.
	Echo bool

	// Reference, when set, compiles a pattern with another implementation
	// (the standard library's regexp) for :bench to time side by side.
	// It is injected because only the command may import the standard
	// library's regexp outside tests.
	Reference Reference

	// Lines draws a subject that holds newlines line by line, as :file
	// draws the lines of a file, instead of as one line with \n escapes,
	// and keeps the subject when a line of text is typed: that line is
	// tested on its own. It is for a text piped in with rerepl -i, which
	// stays the subject of :sub, :split, :bench and :test until :subject
	// changes it.
	Lines bool
}

// A Searcher is the part of a compiled regular expression that :bench
// times. Both this module's *regexp.Regexp and the standard library's
// satisfy it.
type Searcher interface {
	FindAllStringSubmatchIndex(s string, n int) [][]int
}

// A Reference compiles expr the way the session's current mode does: with
// POSIX syntax and leftmost-longest matching when posix is set, and with
// leftmost-longest matching after Perl syntax when longest is set.
type Reference func(expr string, posix, longest bool) (Searcher, error)

// ErrQuit is returned by [Session.Exec] for :quit.
var ErrQuit = errors.New("quit")

// ErrCancelled is returned by [Session.ExecContext] when its context was
// done before the line finished.
var ErrCancelled = errors.New("cancelled")

// errFailed marks a line whose failure has already been explained in the
// output; it only tells [Run] that the script did not fully succeed.
var errFailed = errors.New("line failed")

// A Session is the state of one workbench: the current pattern and its
// mode, the last subject and the recorded tests.
type Session struct {
	// mu serializes Exec with Paint and Complete, which the line editor
	// calls from its own goroutine while the user types ahead.
	mu sync.Mutex

	opts Options

	pattern string // as the user typed it, without flags
	mode    mode
	re      *regexp.Regexp

	subject    string
	hasSubject bool
	firstOnly  bool // show only the first match of a subject

	tests []recordedTest

	set patternSet // the patterns of :set

	notedOnce bool // testOnce has explained itself

	// ctx is the context of the line being run: Ctrl-C cancels it, and
	// the commands that can run long check it. errw, when set, receives
	// the explanation of a failed line instead of the line's output (in
	// script mode, standard error with the script's name and line).
	ctx  context.Context
	errw io.Writer
}

// A mode is how a pattern is compiled.
type mode struct {
	flags   string // inline flags in effect, a subset of "imsU" in that order
	posix   bool   // POSIX ERE syntax and leftmost-longest (CompilePOSIX)
	longest bool   // Perl syntax, leftmost-longest (Longest)
}

// A recordedTest is a subject the pattern must match (want) or must not.
type recordedTest struct {
	subject string
	want    bool
}

// New returns a session with no pattern.
func New(opts Options) *Session {
	return &Session{opts: opts}
}

// Exec runs one input line and writes its output to out. Lines that start
// with ':' are commands; a line of the form /PATTERN/flags sets the
// pattern; an empty line does nothing; any other line is a subject tested
// against the current pattern.
//
// Exec returns nil when the line did what it asked, [ErrQuit] for :quit,
// and a non-nil error when it failed (a bad pattern, an unknown command,
// failing tests, an unreadable file); the failure has then already been
// explained in out.
func (s *Session) Exec(line string, out io.Writer) error {
	return s.ExecContext(context.Background(), line, out)
}

// ExecContext is [Session.Exec] under ctx: the commands that can run long
// (:file, :bench, :prog, a search of a large subject) stop when ctx is
// done, say how far they got and return [ErrCancelled], leaving the
// session as it was before the line.
func (s *Session) ExecContext(ctx context.Context, line string, out io.Writer) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ctx = ctx
	defer func() { s.ctx = nil }()
	s.echo(line, out)
	switch {
	case line == "":
		return nil
	case strings.HasPrefix(line, ":"):
		return s.command(line[1:], out)
	}
	if pattern, flags, bad, ok := splitSlashPattern(line); ok {
		if bad != 0 {
			return s.errorf(out, "%s: %q is not a flag of Go's regexp: %s; the flags are i m s U (to test this line as text, write :subject %s)", line, bad, foreignFlag(bad), strconv.Quote(line))
		}
		m := s.mode
		m.flags = flags
		return s.setPattern(pattern, m, out)
	}
	if s.opts.Lines && s.hasSubject {
		return s.testOnce(line, out)
	}
	if s.set.set != nil && s.re == nil {
		s.subject, s.hasSubject = line, true
		s.showSetMatches(line, out)
		return nil
	}
	err := s.testSubject(line, out)
	s.showSetMatches(line, out)
	return err
}

// splitSlashPattern splits a line of the form /PATTERN/flags into its
// pattern and flags. The flags are letters used as regex flags somewhere
// (JavaScript, PCRE, sed: "g", "x", ...), a few at most, so that a path
// such as /var/log/syslog stays a subject; bad names the first that Go
// does not have, which the caller reports.
func splitSlashPattern(line string) (pattern, flags string, bad rune, ok bool) {
	if len(line) < 2 || line[0] != '/' {
		return "", "", 0, false
	}
	end := strings.LastIndexByte(line, '/')
	if end == 0 {
		return "", "", 0, false
	}
	flags = line[end+1:]
	if len(flags) > 6 || strings.Trim(flags, flagLetters+otherFlagLetters) != "" {
		return "", "", 0, false
	}
	for _, c := range flags {
		if !strings.ContainsRune(flagLetters, c) {
			return line[1:end], flags, c, true
		}
	}
	return line[1:end], normalizeFlags(flags), 0, true
}

// otherFlagLetters are flags of other regex dialects, which a line of the
// form /PATTERN/flags may carry by habit.
const otherFlagLetters = "gxuydvnAJXDeIp"

// foreignFlag explains what rerepl does instead of flag c, which Go does
// not have.
func foreignFlag(c rune) string {
	switch c {
	case 'g':
		return "all matches are shown already (:first shows only the first)"
	case 'x':
		return "Go has no extended mode: leave the spaces and comments out, or write a space as \\x20 or [ ]"
	case 'u', 'v':
		return "Go's patterns are always Unicode"
	case 'y':
		return "for a match at the start only, begin the pattern with ^ or \\A"
	case 'd':
		return "the span of every match and group is shown already"
	case 'n':
		return "write groups that should not capture as (?:...)"
	case 'I':
		return "case-insensitive matching is the flag i"
	}
	return "Go's flags are i, m, s and U"
}

// flagLetters are the inline flags :flags toggles, in the order they are
// written.
const flagLetters = "imsU"

// normalizeFlags returns the letters of flagLetters that occur in flags, in
// canonical order and once each.
func normalizeFlags(flags string) string {
	var b strings.Builder
	for _, c := range flagLetters {
		if strings.ContainsRune(flags, c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// expr returns the expression compiled for pattern in mode m: Go's inline
// flag syntax in front of the pattern.
func (m mode) expr(pattern string) string {
	if m.flags == "" {
		return pattern
	}
	return "(?" + m.flags + ")" + pattern
}

// compile compiles pattern in mode m.
func (m mode) compile(pattern string) (*regexp.Regexp, error) {
	if m.posix {
		return regexp.CompilePOSIX(pattern)
	}
	re, err := regexp.Compile(m.expr(pattern))
	if err != nil {
		return nil, err
	}
	if m.longest {
		re.Longest()
	}
	return re, nil
}

// parseFlags returns the parser flags mode m compiles with, so that
// syntax-level commands see the tree the matcher runs.
func (m mode) parseFlags() syntax.Flags {
	if m.posix {
		return syntax.POSIX
	}
	f := syntax.Perl
	for _, c := range m.flags {
		switch c {
		case 'i':
			f |= syntax.FoldCase
		case 'm':
			f &^= syntax.OneLine
		case 's':
			f |= syntax.DotNL
		case 'U':
			f |= syntax.NonGreedy
		}
	}
	return f
}

// parse parses the current pattern as the matcher does.
func (s *Session) parse() (*syntax.Regexp, error) {
	return syntax.Parse(s.pattern, s.mode.parseFlags())
}

// setPattern makes pattern the current one, compiled in mode m, and reruns
// the current subject with it. A pattern that does not compile is reported
// and leaves the session as it was.
func (s *Session) setPattern(pattern string, m mode, out io.Writer) error {
	if m.posix && m.flags != "" {
		s.errorf(out, "POSIX syntax has no inline flags; leave :posix first (or use :longest)")
		return errFailed
	}
	re, err := m.compile(pattern)
	if err != nil {
		s.reportCompileError(pattern, m, err, out)
		if s.re != nil {
			fmt.Fprintf(s.errOut(out), "pattern unchanged: %s\n", s.describePattern())
		}
		return errFailed
	}
	s.pattern, s.mode, s.re = pattern, m, re
	fmt.Fprintf(out, "pattern %s\n", s.describePattern())
	lintPattern(pattern, m, out)
	if s.hasSubject {
		if _, err := s.showMatches(s.subject, out); err != nil {
			return err
		}
	}
	return nil
}

// setMode switches to mode m, recompiling the current pattern. When the
// pattern is not valid in m, the session stays as it was.
func (s *Session) setMode(m mode, out io.Writer) error {
	if s.re == nil {
		s.mode = m
		fmt.Fprintf(out, "mode %s\n", s.mode)
		return nil
	}
	return s.setPattern(s.pattern, m, out)
}

// describePattern returns the pattern with its mode and groups, for the
// line that confirms a change.
func (s *Session) describePattern() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  (%s", displayPattern(s.pattern), s.mode)
	switch n := s.re.NumSubexp(); n {
	case 0:
		b.WriteString("; no groups")
	case 1:
		b.WriteString("; 1 group")
	default:
		fmt.Fprintf(&b, "; %d groups", n)
	}
	b.WriteString(")")
	return b.String()
}

// String names the syntax, matching rule and flags of m.
func (m mode) String() string {
	var desc string
	switch {
	case m.posix:
		desc = "POSIX syntax, leftmost-longest"
	case m.longest:
		desc = "Perl syntax, leftmost-longest"
	default:
		desc = "Perl syntax, leftmost-first"
	}
	if m.flags != "" {
		desc += "; flags " + m.flags
	}
	return desc
}

// displayPattern shows a pattern between slashes, escaping what would not
// be visible.
func displayPattern(p string) string {
	return "/" + visible(p) + "/"
}

// requirePattern reports, when there is no pattern yet, how to set one.
func (s *Session) requirePattern(out io.Writer) bool {
	if s.re == nil {
		s.errorf(out, "no pattern yet: set one with :re PATTERN or /PATTERN/")
		return false
	}
	return true
}

// requireSubject reports, when no subject has been tested yet, how to give
// one.
func (s *Session) requireSubject(out io.Writer) bool {
	if !s.hasSubject {
		s.errorf(out, "no subject yet: type a line of text (or :subject \"Go string\") first")
		return false
	}
	return true
}

// SetPattern makes pattern the current pattern, as :re does.
func (s *Session) SetPattern(pattern string, out io.Writer) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.setPattern(pattern, s.mode, out)
}

// context returns the context of the line being run.
func (s *Session) context() context.Context {
	if s.ctx == nil {
		return context.Background()
	}
	return s.ctx
}

// errOut returns where the explanation of a failure goes: the error
// writer when one is set, else out.
func (s *Session) errOut(out io.Writer) io.Writer {
	if s.errw != nil {
		return s.errw
	}
	return out
}

// errorf writes "error: " and the formatted message as a line to the
// error output, and returns errFailed.
func (s *Session) errorf(out io.Writer, format string, args ...any) error {
	fmt.Fprintf(s.errOut(out), "error: "+format+"\n", args...)
	return errFailed
}

// SetErrorOutput makes w receive the explanation of every failed line
// instead of the line's output; nil puts it back in the output.
func (s *Session) SetErrorOutput(w io.Writer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errw = w
}

// SetSubject makes text the current subject without testing it: the
// subject is shown with its matches when the pattern is set.
func (s *Session) SetSubject(text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.subject, s.hasSubject = text, true
}

// echo writes line after "> " in echo mode; a long line is shortened to its
// start, so that a transcript stays readable.
func (s *Session) echo(line string, out io.Writer) {
	if !s.opts.Echo {
		return
	}
	if len(line) > windowWidth {
		cut := runeStart(line, windowWidth/2)
		fmt.Fprintf(out, "> %s…[%s bytes]…\n", line[:cut], formatCount(len(line)-cut))
		return
	}
	fmt.Fprintf(out, "> %s\n", line)
}
