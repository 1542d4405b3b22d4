package repl

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

func cmdSubject(s *Session, arg string, out io.Writer) error {
	arg = strings.TrimSpace(arg)
	if arg == "" {
		if !s.hasSubject {
			fmt.Fprintln(out, "no subject yet")
			return nil
		}
		fmt.Fprintf(out, "subject %s\n", strconv.Quote(s.subject))
		return nil
	}
	subject, err := strconv.Unquote(arg)
	if err != nil || arg[0] == '\'' {
		s.errorf(out, "%s is not a Go string literal: write it as \"...\" or `...`", arg)
		return errFailed
	}
	return s.testSubject(subject, out)
}

func cmdSub(s *Session, template string, out io.Writer) error {
	if template == "" {
		fmt.Fprintln(out, "usage: :sub TEMPLATE previews ReplaceAllString(subject, TEMPLATE): $1 or ${1} is group 1, ${name} a named group, $$ a dollar sign.")
		fmt.Fprintln(out, "To delete every match, give an empty Go string: :sub \"\"")
		return nil
	}
	if template == `""` || template == "``" {
		template = ""
	}
	if !s.requirePattern(out) || !s.requireSubject(out) {
		return errFailed
	}
	s.checkTemplate(template, out)
	fmt.Fprintf(out, "subject  %s\n", strconv.Quote(s.subject))
	fmt.Fprintf(out, "result   %s\n", strconv.Quote(s.re.ReplaceAllString(s.subject, template)))
	return nil
}

func cmdSplit(s *Session, arg string, out io.Writer) error {
	n := -1
	if arg = strings.TrimSpace(arg); arg != "" {
		var err error
		if n, err = strconv.Atoi(arg); err != nil {
			s.errorf(out, ":split takes a count, as in :split 2; got %q", arg)
			return errFailed
		}
	}
	if !s.requirePattern(out) || !s.requireSubject(out) {
		return errFailed
	}
	pieces := s.re.Split(s.subject, n)
	switch len(pieces) {
	case 0:
		fmt.Fprintln(out, "no pieces (Split returns nil)")
	case 1:
		fmt.Fprintln(out, "1 piece")
	default:
		fmt.Fprintf(out, "%d pieces\n", len(pieces))
	}
	for i, p := range pieces {
		fmt.Fprintf(out, "%d  %s\n", i, strconv.Quote(p))
	}
	return nil
}

// checkTemplate notes each $name or ${name} of a replacement template that
// names no group of the pattern, which Go replaces by nothing: $1x is the
// group named "1x", not group 1 and an x.
func (s *Session) checkTemplate(template string, out io.Writer) {
	names := s.re.SubexpNames()
	exists := func(name string) bool {
		if n, err := strconv.Atoi(name); err == nil {
			return n >= 0 && n < len(names)
		}
		for _, have := range names[1:] {
			if have == name {
				return true
			}
		}
		return false
	}
	isNameByte := func(c byte) bool {
		return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	for i := 0; i < len(template); i++ {
		if template[i] != '$' || i+1 == len(template) {
			continue
		}
		var name, ref string
		switch j := i + 1; {
		case template[j] == '$':
			i++
			continue
		case template[j] == '{':
			end := strings.IndexByte(template[j:], '}')
			if end < 0 {
				continue
			}
			name, ref = template[j+1:j+end], template[i:j+end+1]
		default:
			for j < len(template) && isNameByte(template[j]) {
				j++
			}
			name, ref = template[i+1:j], template[i:j]
		}
		if name == "" || exists(name) {
			continue
		}
		digits := len(name) - len(strings.TrimLeft(name, "0123456789"))
		if digits > 0 && digits < len(name) && !strings.HasPrefix(ref, "${") && exists(name[:digits]) {
			fmt.Fprintf(out, "note: %s is the group named %q, which does not exist, so it becomes nothing; for group %s followed by %s, write ${%s}%s\n", ref, name, name[:digits], name[digits:], name[:digits], name[digits:])
		} else {
			fmt.Fprintf(out, "note: %s names no group of the pattern, so it becomes nothing\n", ref)
		}
	}
}
