package repl

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// runeWidth returns the number of terminal columns r takes: 2 for East
// Asian wide and fullwidth characters and most emoji, 0 for combining marks
// and other zero-width format characters, 1 otherwise.
//
// It is an approximation of Unicode's East Asian Width property written
// with the blocks that matter in practice, because the standard library
// has no width table and the project takes no dependencies for it.
func runeWidth(r rune) int {
	switch {
	case r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF:
		return 0
	case unicode.In(r, unicode.Mn, unicode.Me):
		return 0
	case isWide(r):
		return 2
	}
	return 1
}

// wideRanges lists the blocks whose characters take two columns.
var wideRanges = [][2]rune{
	{0x1100, 0x115F},   // Hangul Jamo initial consonants
	{0x231A, 0x231B},   // watch, hourglass
	{0x2329, 0x232A},   // angle brackets
	{0x23E9, 0x23EC},   // media buttons
	{0x23F0, 0x23F0},   // alarm clock
	{0x23F3, 0x23F3},   // hourglass
	{0x25FD, 0x25FE},   // small squares
	{0x2614, 0x2615},   // umbrella, hot beverage
	{0x2648, 0x2653},   // zodiac
	{0x26A1, 0x26A1},   // high voltage
	{0x26AA, 0x26AB},   // circles
	{0x26BD, 0x26BE},   // soccer, baseball
	{0x26C4, 0x26C5},   // snowman, sun
	{0x26D4, 0x26D4},   // no entry
	{0x26EA, 0x26EA},   // church
	{0x26F2, 0x26F5},   // fountain ... sailboat
	{0x26FA, 0x26FD},   // tent ... fuel pump
	{0x2705, 0x2705},   // check mark
	{0x270A, 0x270B},   // fists
	{0x2728, 0x2728},   // sparkles
	{0x274C, 0x274C},   // cross mark
	{0x2753, 0x2755},   // question marks
	{0x2757, 0x2757},   // exclamation mark
	{0x2795, 0x2797},   // heavy plus, minus, division
	{0x27B0, 0x27B0},   // curly loop
	{0x27BF, 0x27BF},   // double curly loop
	{0x2B1B, 0x2B1C},   // large squares
	{0x2B50, 0x2B50},   // star
	{0x2B55, 0x2B55},   // circle
	{0x2E80, 0x303E},   // CJK radicals, punctuation
	{0x3041, 0x33FF},   // kana, CJK compatibility
	{0x3400, 0x4DBF},   // CJK extension A
	{0x4E00, 0x9FFF},   // CJK unified ideographs
	{0xA000, 0xA4CF},   // Yi
	{0xA960, 0xA97F},   // Hangul Jamo extended A
	{0xAC00, 0xD7A3},   // Hangul syllables
	{0xF900, 0xFAFF},   // CJK compatibility ideographs
	{0xFE10, 0xFE19},   // vertical forms
	{0xFE30, 0xFE6F},   // CJK compatibility forms, small forms
	{0xFF00, 0xFF60},   // fullwidth forms
	{0xFFE0, 0xFFE6},   // fullwidth signs
	{0x16FE0, 0x18CFF}, // Tangut and ideographic symbols
	{0x1B000, 0x1B2FF}, // kana supplement
	{0x1F004, 0x1F004}, // mahjong tile
	{0x1F0CF, 0x1F0CF}, // playing card
	{0x1F18E, 0x1F18E}, // AB button
	{0x1F191, 0x1F19A}, // squared words
	{0x1F200, 0x1F2FF}, // enclosed ideographic supplement
	{0x1F300, 0x1F64F}, // pictographs, emoticons
	{0x1F680, 0x1F6FF}, // transport and map symbols
	{0x1F7E0, 0x1F7EB}, // coloured circles and squares
	{0x1F90C, 0x1F9FF}, // supplemental symbols and pictographs
	{0x1FA70, 0x1FAFF}, // symbols and pictographs extended A
	{0x20000, 0x2FFFD}, // CJK extensions B..F
	{0x30000, 0x3FFFD}, // CJK extension G
}

func isWide(r rune) bool {
	if r < 0x1100 {
		return false
	}
	for _, w := range wideRanges {
		if r < w[0] {
			return false
		}
		if r <= w[1] {
			return true
		}
	}
	return false
}

// A cell is one piece of a subject as it is shown on screen: the bytes
// [start, end) of the subject, drawn as text, taking width columns.
type cell struct {
	start, end int
	text       string
	width      int
}

// visibleCells splits s into the cells it is drawn with. Printable runes are
// drawn as themselves; control characters and the bytes of invalid UTF-8 are
// drawn as Go escapes (\t, \x00, \xff), and so are invisible format
// characters such as U+200B (\u200b), so that every byte of a subject is
// visible and columns stay predictable. The decoding is the standard
// library's: each byte where decoding fails is a cell of its own.
func visibleCells(s string) []cell {
	cells := make([]cell, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var text string
		switch {
		case r == utf8.RuneError && size == 1:
			text = `\x` + strconv.FormatUint(uint64(s[i])|0x100, 16)[1:]
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
			text = s[i : i+size]
		}
		w := 0
		for _, tr := range text {
			w += runeWidth(tr)
		}
		cells = append(cells, cell{start: i, end: i + size, text: text, width: w})
		i += size
	}
	return cells
}

// stringWidth returns the number of columns s takes when drawn with
// [visibleCells].
func stringWidth(s string) int {
	w := 0
	for _, c := range visibleCells(s) {
		w += c.width
	}
	return w
}

// visible returns s as [visibleCells] draws it.
func visible(s string) string {
	var b strings.Builder
	for _, c := range visibleCells(s) {
		b.WriteString(c.text)
	}
	return b.String()
}
