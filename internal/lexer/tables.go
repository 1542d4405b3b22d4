package lexer

import (
	"sync"
	"unicode"
)

// The lexer must know which class names exist to tell a class from an
// error, and the parser needs their contents; both read them here so the
// two can never disagree.

// PerlClassRanges returns the sorted lo-hi rune pairs of the Perl class
// \d, \s or \w named by its lower-case letter, or nil. They are ASCII-only,
// as in the standard library; \s is [\t\n\f\r ] without \v. The slice
// is shared: callers must not modify it.
func PerlClassRanges(letter string) []rune {
	switch letter {
	case "d":
		return perlDigit
	case "s":
		return perlSpace
	case "w":
		return perlWord
	}
	return nil
}

// The Perl classes' ranges, shared: callers only read them.
var (
	perlDigit = []rune{'0', '9'}
	perlSpace = []rune{'\t', '\n', '\f', '\r', ' ', ' '}
	perlWord  = []rune{'0', '9', 'A', 'Z', '_', '_', 'a', 'z'}
)

// posixClasses holds the ASCII contents of the POSIX bracket classes.
var posixClasses = map[string][]rune{
	"alnum":  {'0', '9', 'A', 'Z', 'a', 'z'},
	"alpha":  {'A', 'Z', 'a', 'z'},
	"ascii":  {0, 0x7f},
	"blank":  {'\t', '\t', ' ', ' '},
	"cntrl":  {0, 0x1f, 0x7f, 0x7f},
	"digit":  {'0', '9'},
	"graph":  {'!', '~'},
	"lower":  {'a', 'z'},
	"print":  {' ', '~'},
	"punct":  {'!', '/', ':', '@', '[', '`', '{', '~'},
	"space":  {'\t', '\r', ' ', ' '},
	"upper":  {'A', 'Z'},
	"word":   {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'},
	"xdigit": {'0', '9', 'A', 'F', 'a', 'f'},
}

// PosixClassRanges returns the sorted lo-hi rune pairs of the POSIX class
// [:name:], or nil if there is no such class. The names are case-sensitive.
func PosixClassRanges(name string) []rune {
	return posixClasses[name]
}

var (
	anyTable = &unicode.RangeTable{
		R16: []unicode.Range16{{Lo: 0, Hi: 0xffff, Stride: 1}},
		R32: []unicode.Range32{{Lo: 0x10000, Hi: unicode.MaxRune, Stride: 1}},
	}
	asciiTable = &unicode.RangeTable{
		R16: []unicode.Range16{{Lo: 0, Hi: 0x7f, Stride: 1}},
	}
	// Under case folding ASCII also takes in the two non-ASCII runes that
	// fold to ASCII letters: ſ (to s) and the Kelvin sign K (to k).
	asciiFoldTable = &unicode.RangeTable{
		R16: []unicode.Range16{
			{Lo: 0, Hi: 0x7f, Stride: 1},
			{Lo: 0x17f, Hi: 0x17f, Stride: 1},
			{Lo: 0x212a, Hi: 0x212a, Stride: 1},
		},
	}
)

// aliases maps canonical forms of unicode.CategoryAliases keys (such as
// "Letter" for "Letter" and "Casedletter" for "Cased_Letter") to category
// names; it is built on first use.
var aliases = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, len(unicode.CategoryAliases))
	for alias, cat := range unicode.CategoryAliases {
		m[canonicalTableName(alias)] = cat
	}
	return m
})

// canonicalTableName spells a table name the way lookups compare it:
// underscores, hyphens and spaces dropped, the first letter upper case and
// the rest lower case. Most keys of the unicode package are already in
// this form ("Greek", "Lu"), and "letter", "LETTER" and "Le_tter" all
// become "Letter".
func canonicalTableName(name string) string {
	b := make([]byte, 0, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_' || c == '-' || c == ' ':
			continue
		case len(b) == 0:
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

// UnicodeTable looks up the Unicode class \p{name}: a general category
// (L, Lu, ...), a script (Greek, Han, ...), a category alias (Letter,
// Uppercase_Letter, ...), or one of Any, Assigned and ASCII, compared after
// canonicalTableName. It returns the table, the table of extra runes that
// fold into it (nil if none), and whether the class is the complement of
// tab (true only for Assigned, which is everything but Cn).
func UnicodeTable(name string) (tab, fold *unicode.RangeTable, invert, ok bool) {
	name = canonicalTableName(name)
	switch name {
	case "Any":
		return anyTable, anyTable, false, true
	case "Assigned":
		return unicode.Cn, unicode.Cn, true, true
	case "Ascii":
		return asciiTable, asciiFoldTable, false, true
	case "Lc":
		// The one category key that is not in canonical form.
		return unicode.Categories["LC"], unicode.FoldCategory["LC"], false, true
	}
	if t := unicode.Categories[name]; t != nil {
		return t, unicode.FoldCategory[name], false, true
	}
	if t := unicode.Scripts[name]; t != nil {
		return t, unicode.FoldScript[name], false, true
	}
	if cat := aliases()[name]; cat != "" {
		return unicode.Categories[cat], unicode.FoldCategory[cat], false, true
	}
	return nil, nil, false, false
}
