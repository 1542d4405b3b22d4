package repl

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

func cmdGo(s *Session, _ string, out io.Writer) error {
	if !s.requirePattern(out) {
		return errFailed
	}
	fmt.Fprint(out, s.goProgram())
	return nil
}

// goProgram returns a complete Go program that compiles the current
// pattern in the current mode and prints its matches on the subject.
func (s *Session) goProgram() string {
	compile := "MustCompile"
	if s.mode.posix {
		compile = "MustCompilePOSIX"
	}
	subject := "the text to search"
	if s.hasSubject {
		subject = s.subject
	}
	var b strings.Builder
	b.WriteString("package main\n\n")
	b.WriteString("import (\n\t\"fmt\"\n\t\"regexp\" // or \"github.com/rerepl/rerepl/regexp\": the same API\n)\n\n")
	b.WriteString("func main() {\n")
	fmt.Fprintf(&b, "\tre := regexp.%s(%s)\n", compile, goStringLiteral(s.mode.expr(s.pattern)))
	if s.mode.longest {
		b.WriteString("\tre.Longest()\n")
	}
	fmt.Fprintf(&b, "\tfor _, m := range re.FindAllStringSubmatch(%s, -1) {\n", goStringLiteral(subject))
	b.WriteString("\t\tfmt.Printf(\"%q\\n\", m)\n")
	b.WriteString("\t}\n}\n")
	return b.String()
}

// goStringLiteral returns s as a Go string literal: a raw string when that
// shows s exactly as it is (which keeps a pattern's backslashes readable),
// an interpreted one otherwise.
//
// A raw string cannot hold a backquote, drops carriage returns, and must be
// valid UTF-8 without NUL or a byte order mark (the compiler rejects those
// in source); control and format characters are legal but invisible, so
// they are escaped too.
func goStringLiteral(s string) string {
	if !utf8.ValidString(s) {
		return strconv.Quote(s)
	}
	for _, r := range s {
		if r == '`' || r == '\uFEFF' || !strconv.IsPrint(r) {
			return strconv.Quote(s)
		}
	}
	return "`" + s + "`"
}
