package syntax

import (
	"unicode"
	"unicode/utf8"
)

// wideRanges are the East Asian Wide and Fullwidth blocks (and the emoji
// blocks terminals draw two columns wide), as sorted lo-hi pairs. The list
// is deliberately coarse: it decides where a caret goes, and a caret one
// column off under a rare symbol is acceptable.
var wideRanges = []rune{
	0x1100, 0x115F, // Hangul Jamo initial consonants
	0x231A, 0x231B, // watch, hourglass
	0x2329, 0x232A, // angle brackets
	0x23E9, 0x23EC,
	0x23F0, 0x23F0,
	0x23F3, 0x23F3,
	0x25FD, 0x25FE,
	0x2614, 0x2615,
	0x2648, 0x2653,
	0x267F, 0x267F,
	0x2693, 0x2693,
	0x26A1, 0x26A1,
	0x26AA, 0x26AB,
	0x26BD, 0x26BE,
	0x26C4, 0x26C5,
	0x26CE, 0x26CE,
	0x26D4, 0x26D4,
	0x26EA, 0x26EA,
	0x26F2, 0x26F3,
	0x26F5, 0x26F5,
	0x26FA, 0x26FA,
	0x26FD, 0x26FD,
	0x2705, 0x2705,
	0x270A, 0x270B,
	0x2728, 0x2728,
	0x274C, 0x274C,
	0x274E, 0x274E,
	0x2753, 0x2755,
	0x2757, 0x2757,
	0x2795, 0x2797,
	0x27B0, 0x27B0,
	0x27BF, 0x27BF,
	0x2B1B, 0x2B1C,
	0x2B50, 0x2B50,
	0x2B55, 0x2B55,
	0x2E80, 0x303E, // CJK radicals, Kangxi, CJK symbols and punctuation
	0x3041, 0x33FF, // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
	0x3400, 0x4DBF, // CJK extension A
	0x4E00, 0x9FFF, // CJK unified ideographs
	0xA000, 0xA4CF, // Yi
	0xA960, 0xA97F, // Hangul Jamo extended A
	0xAC00, 0xD7A3, // Hangul syllables
	0xF900, 0xFAFF, // CJK compatibility ideographs
	0xFE10, 0xFE19, // vertical forms
	0xFE30, 0xFE6F, // CJK compatibility forms, small forms
	0xFF00, 0xFF60, // fullwidth forms
	0xFFE0, 0xFFE6, // fullwidth signs
	0x16FE0, 0x16FE4,
	0x17000, 0x18CFF, // Tangut
	0x1B000, 0x1B2FF, // Kana supplement and extensions
	0x1F004, 0x1F004,
	0x1F0CF, 0x1F0CF,
	0x1F18E, 0x1F18E,
	0x1F191, 0x1F19A,
	0x1F200, 0x1F251, // enclosed ideographic supplement
	0x1F300, 0x1F64F, // pictographs, emoticons
	0x1F680, 0x1F6FF, // transport and map symbols
	0x1F7E0, 0x1F7EB,
	0x1F90C, 0x1F9FF, // supplemental symbols and pictographs
	0x1FA70, 0x1FAFF, // symbols and pictographs extended A
	0x20000, 0x2FFFD, // CJK extensions B-F
	0x30000, 0x3FFFD, // CJK extension G and later
}

// runeWidth returns the number of terminal columns r takes: 2 for wide
// and fullwidth runes, 0 for combining marks and other zero-width
// characters, and 1 otherwise. Control characters count 1 because
// [displayText] shows them as U+FFFD.
func runeWidth(r rune) int {
	switch {
	case r < 0x20 || 0x7F <= r && r < 0xA0:
		return 1
	case r < 0x300:
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me) || r == 0x200B || r == 0x200C || r == 0x200D || r == 0xFEFF:
		return 0
	case cleanClassHas(wideRanges, r):
		return 2
	}
	return 1
}

// tabWidth is the distance between tab stops in displayed patterns.
const tabWidth = 4

// displayText returns s as it should be printed on one terminal line and
// its width in columns, given the column it starts at: tabs become spaces
// up to the next tab stop, and invalid bytes, newlines and other control
// characters become U+FFFD, one column each.
func displayText(s string, col int) (string, int) {
	out := make([]rune, 0, len(s))
	start := col
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\t':
			for n := tabWidth - col%tabWidth; n > 0; n-- {
				out = append(out, ' ')
				col++
			}
			continue
		case r == utf8.RuneError && size == 1, r < 0x20, 0x7F <= r && r < 0xA0:
			r = utf8.RuneError
		}
		out = append(out, r)
		col += runeWidth(r)
	}
	return string(out), col - start
}
