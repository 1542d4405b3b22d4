package regexp

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// replaceAll returns a copy of h in which each match of re is replaced by
// what repl appends to the buffer it is given. repl sees the match with
// ncap slots (2, or the slots of every group when the replacement needs
// them).
//
// The walk differs from (*meta.Regexp).All's on purpose, because the standard
// library's does: an empty match is replaced unless it ends no later than
// the previous match did (and is not at offset 0), so "a*" on "baaac"
// gives one replacement for "aaa" and none for the empty match right after
// it; and after each match the search moves to the match end or one
// character on from where it started, whichever is further.
func (re *Regexp) replaceAll(h []byte, ncap int, repl func(dst []byte, m []int) []byte) []byte {
	if ncap > re.nslots() {
		ncap = re.nslots()
	}
	var out []byte
	lastEnd := 0 // end of the previous match: h[lastEnd:] is not yet copied
	var a [2]int
	for pos := 0; pos <= len(h); {
		var m []int
		if ncap <= 2 {
			m = re.execute(h, pos, ncap, a[:0])
		} else {
			m = re.execute(h, pos, ncap, nil)
		}
		if m == nil {
			break
		}
		out = append(out, h[lastEnd:m[0]]...)
		if m[1] > lastEnd || m[0] == 0 {
			out = repl(out, m)
		}
		lastEnd = m[1]

		_, w := utf8.DecodeRune(h[pos:]) // 0 at the end of the text
		switch {
		case pos+w > m[1]:
			pos += w
		case pos+1 > m[1]:
			pos++
		default:
			pos = m[1]
		}
	}
	return append(out, h[lastEnd:]...)
}

// replaceSlots returns how many slots a replacement template needs: all
// of them if it may refer to a group (it has a $), else only the match
// bounds.
func (re *Regexp) replaceSlots(hasDollar bool) int {
	if hasDollar {
		return 2 * (re.numSubexp + 1)
	}
	return 2
}

// ReplaceAllString returns a copy of src in which every match of re is
// replaced by repl, after expanding the $ references in repl as
// [Regexp.Expand] does.
func (re *Regexp) ReplaceAllString(src, repl string) string {
	ncap := re.replaceSlots(strings.Contains(repl, "$"))
	out := re.replaceAll(stringBytes(src), ncap, func(dst []byte, m []int) []byte {
		return re.expand(dst, repl, stringBytes(src), m)
	})
	return string(out)
}

// ReplaceAllLiteralString returns a copy of src in which every match of re
// is replaced by repl, taken as it is: $ has no special meaning.
func (re *Regexp) ReplaceAllLiteralString(src, repl string) string {
	out := re.replaceAll(stringBytes(src), 2, func(dst []byte, m []int) []byte {
		return append(dst, repl...)
	})
	return string(out)
}

// ReplaceAllStringFunc returns a copy of src in which every match of re is
// replaced by what repl returns for the matched text, taken as it is: $
// has no special meaning.
func (re *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	out := re.replaceAll(stringBytes(src), 2, func(dst []byte, m []int) []byte {
		return append(dst, repl(src[m[0]:m[1]])...)
	})
	return string(out)
}

// ReplaceAll returns a copy of src in which every match of re is replaced
// by repl, after expanding the $ references in repl as [Regexp.Expand]
// does.
func (re *Regexp) ReplaceAll(src, repl []byte) []byte {
	ncap := re.replaceSlots(bytes.IndexByte(repl, '$') >= 0)
	template := ""
	converted := false
	return re.replaceAll(src, ncap, func(dst []byte, m []int) []byte {
		// Convert once, and only if there is a match: the template is
		// read as a string by expand.
		if !converted {
			template, converted = string(repl), true
		}
		return re.expand(dst, template, src, m)
	})
}

// ReplaceAllLiteral returns a copy of src in which every match of re is
// replaced by repl, taken as it is: $ has no special meaning.
func (re *Regexp) ReplaceAllLiteral(src, repl []byte) []byte {
	return re.replaceAll(src, 2, func(dst []byte, m []int) []byte {
		return append(dst, repl...)
	})
}

// ReplaceAllFunc returns a copy of src in which every match of re is
// replaced by what repl returns for the matched bytes, taken as they are:
// $ has no special meaning.
func (re *Regexp) ReplaceAllFunc(src []byte, repl func([]byte) []byte) []byte {
	return re.replaceAll(src, 2, func(dst []byte, m []int) []byte {
		return append(dst, repl(src[m[0]:m[1]])...)
	})
}
