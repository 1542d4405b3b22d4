package regexp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Expand appends template to dst, with each variable in it replaced by the
// text of src it refers to, and returns the result. match gives the
// locations of a match in src, as returned by [Regexp.FindSubmatchIndex].
//
// A variable is $name or ${name}, where name is a non-empty run of letters,
// digits and underscores. A name made only of digits (without a leading
// zero) is a group number; any other name is the name of a group, as in
// (?P<name>...), and refers to the leftmost group with that name. A
// variable whose group does not exist or took no part in the match expands
// to nothing.
//
// In the $name form the name is as long as possible: $1x means ${1x}, not
// ${1}x, and $10 means ${10}, not ${1}0. Write $$ for a literal $. A $ that
// starts no valid variable (such as "${1" or "$!") is copied as it is.
func (re *Regexp) Expand(dst []byte, template []byte, src []byte, match []int) []byte {
	return re.expand(dst, string(template), src, match)
}

// ExpandString is like [Regexp.Expand] with a string template and source.
// It still appends to a []byte, so the caller controls allocation.
func (re *Regexp) ExpandString(dst []byte, template string, src string, match []int) []byte {
	return re.expand(dst, template, stringBytes(src), match)
}

// expand is Expand on any source, read as bytes.
func (re *Regexp) expand(dst []byte, template string, src []byte, match []int) []byte {
	for {
		i := strings.IndexByte(template, '$')
		if i < 0 {
			break
		}
		dst = append(dst, template[:i]...)
		template = template[i+1:]
		if strings.HasPrefix(template, "$") {
			dst = append(dst, '$')
			template = template[1:]
			continue
		}
		v, rest, ok := parseVariable(template)
		if !ok {
			dst = append(dst, '$')
			continue
		}
		template = rest
		group := v.num
		if group < 0 {
			// A name may belong to several groups; Expand takes the
			// leftmost one that the match slice covers and that matched.
			group = re.firstMatchedNamed(v.name, match)
		}
		if group >= 0 && 2*group+1 < len(match) && match[2*group] >= 0 {
			dst = append(dst, src[match[2*group]:match[2*group+1]]...)
		}
	}
	return append(dst, template...)
}

// firstMatchedNamed returns the leftmost group named name that took part in
// match, or -1.
func (re *Regexp) firstMatchedNamed(name string, match []int) int {
	for i, n := range re.subexpNames {
		if n == name && 2*i+1 < len(match) && match[2*i] >= 0 {
			return i
		}
	}
	return -1
}

// A variable is a reference to a group in a template: by number when num
// is not negative, else by name.
type variable struct {
	name string
	num  int
}

// maxGroupNumber bounds the group numbers a template can name; longer
// digit runs are read as names (which never match), as the standard
// library does, so that no number overflows.
const maxGroupNumber = 1e8

// parseVariable reads the variable at the start of s, which follows a $:
// a name or a {name}. It returns the variable, the text after it, and
// whether there was a well-formed variable.
func parseVariable(s string) (v variable, rest string, ok bool) {
	braced := strings.HasPrefix(s, "{")
	if braced {
		s = s[1:]
	}
	n := 0
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		n += w
	}
	if n == 0 {
		return variable{}, "", false
	}
	v.name = s[:n]
	rest = s[n:]
	if braced {
		if !strings.HasPrefix(rest, "}") {
			return variable{}, "", false
		}
		rest = rest[1:]
	}
	v.num = groupNumber(v.name)
	return v, rest, true
}

// groupNumber returns the group number name spells, or -1 if name is not
// a plain decimal number: other characters, a leading zero (other than
// "0" itself), or a value too large to be a group.
func groupNumber(name string) int {
	if len(name) > 1 && name[0] == '0' {
		return -1
	}
	num := 0
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c < '0' || c > '9' || num >= maxGroupNumber {
			return -1
		}
		num = num*10 + int(c-'0')
	}
	return num
}
