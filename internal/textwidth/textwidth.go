// Package textwidth says how many terminal columns text takes and how text
// is drawn so that every byte of it is visible. It is the one place that
// decides columns for the project: (*syntax.Error).Caret places its carets
// with it and the REPL draws subjects, patterns and match markers with it,
// so a caret and a match marker under the same text land in the same
// columns.
//
// # Widths
//
// [Rune] answers from a table generated (by gen.go, from the Unicode
// Character Database of the Unicode version of Go's unicode package) with
// these rules, the first that applies deciding:
//
//   - Control characters (category Cc: U+0000..U+001F, U+007F..U+009F)
//     take 0 columns: a terminal draws no glyph for them. [Next] never
//     draws them raw; it draws an escape, whose width is its length.
//   - U+00AD SOFT HYPHEN takes 1 column, although it is a format
//     character: terminals and fonts draw it as a hyphen, as they did in
//     Latin-1.
//   - The prepended concatenation marks (property
//     Prepended_Concatenation_Mark, such as U+0600 ARABIC NUMBER SIGN)
//     take 1 column, although they are format characters: they are
//     visible signs written before the digits they span.
//   - Nonspacing and enclosing marks (Mn, Me) and the other format
//     characters (Cf, among them U+200B ZERO WIDTH SPACE, U+200D ZERO
//     WIDTH JOINER, U+2060 WORD JOINER and U+FEFF) take 0 columns.
//   - The Hangul Jamo medial vowels and final consonants
//     (Hangul_Syllable_Type V and T: U+1160..U+11FF, U+D7B0..U+D7C6,
//     U+D7CB..U+D7FB) take 0 columns: they join the initial consonant
//     before them into one syllable block.
//   - East Asian Wide (W) and Fullwidth (F) characters take 2 columns,
//     including the unassigned code points that EastAsianWidth.txt
//     defaults to W (the CJK ideograph blocks and planes 2 and 3). Since
//     Unicode 9 the emoji that are drawn as pictures by default are W.
//   - Everything else takes 1 column, including East Asian Ambiguous (A)
//     characters, which terminals outside CJK locales draw narrow, and
//     unassigned code points.
//
// The marks come before the wide rule because a few are both (U+302A..
// U+302D, U+3099, U+309A): a combining mark never advances the cursor.
//
// # Drawing
//
// [Next] cuts text into cells. A printable rune (unicode.IsPrint) is drawn
// as itself and takes [Rune] columns. Everything else is drawn as the Go
// escape for it, all ASCII, one column per byte of the escape: tab,
// newline and carriage return as \t, \n, \r; each byte where UTF-8
// decoding fails as \xff (lowercase hex); other control characters as
// strconv.QuoteRuneToASCII writes them (\x00, \a, \b, \f, \v, \x7f,
// \u0085); and the other non-printable runes (format characters, spaces
// other than U+0020, private use, unassigned) as \u200b or \U000e0001.
// The decoding is the standard library's: each byte where decoding fails
// is a cell of its own.
package textwidth

//go:generate go run gen.go -ucd /usr/share/unicode

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// A span is a range lo..hi of code points, both included.
type span struct{ lo, hi rune }

// Rune returns the number of columns a terminal gives r when it prints it:
// 0, 1 or 2, by the rules in the package documentation. A value that is
// not a code point (negative, above U+10FFFF) is printed as U+FFFD and
// takes 1 column.
func Rune(r rune) int {
	switch {
	case 0x20 <= r && r < 0x7F:
		return 1
	case r < 0 || r > unicode.MaxRune:
		return 1
	case in(zeroWidth, r):
		return 0
	case in(doubleWidth, r):
		return 2
	}
	return 1
}

// in reports whether r lies in one of the sorted, disjoint spans.
func in(spans []span, r rune) bool {
	lo, hi := 0, len(spans)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < spans[m].lo:
			hi = m
		case r > spans[m].hi:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// A Cell is one piece of text as it is drawn: the first Size bytes of the
// text, drawn as Text, taking Width columns.
type Cell struct {
	Text  string
	Size  int
	Width int
}

// Next returns the first cell of s, drawn as the package documentation
// describes. It returns the zero Cell for an empty s.
func Next(s string) Cell {
	if s == "" {
		return Cell{}
	}
	r, size := utf8.DecodeRuneInString(s)
	var text string
	switch {
	case r == utf8.RuneError && size == 1:
		const hex = "0123456789abcdef"
		text = `\x` + string(hex[s[0]>>4]) + string(hex[s[0]&0xF])
	case r == '\t':
		text = `\t`
	case r == '\n':
		text = `\n`
	case r == '\r':
		text = `\r`
	case !unicode.IsPrint(r):
		q := strconv.QuoteRuneToASCII(r)
		text = q[1 : len(q)-1]
	default:
		return Cell{Text: s[:size], Size: size, Width: Rune(r)}
	}
	return Cell{Text: text, Size: size, Width: len(text)}
}

// Draw returns s drawn cell by cell as [Next] draws it, and the number of
// columns it takes.
func Draw(s string) (text string, width int) {
	out := make([]byte, 0, len(s))
	for s != "" {
		c := Next(s)
		out = append(out, c.Text...)
		width += c.Width
		s = s[c.Size:]
	}
	return string(out), width
}
