package regexp

import (
	"io"
	"unicode/utf8"
)

// The Reader methods read the whole text before searching it: the engines
// work on bytes in memory. This differs from the standard library, which
// reads runes only as far as it needs to decide the match: the results are
// the same, but here the reader is always drained to its end (or its first
// error), and a reader that never ends makes the call never return.

// MatchReader reports whether the text read from r contains a match of re.
// It reads r to its end; see [Regexp.FindReaderIndex].
func (re *Regexp) MatchReader(r io.RuneReader) bool {
	return re.execute(readText(r), 0, 0, nil) != nil
}

// MatchReader reports whether the text read from r contains a match of
// pattern. It compiles pattern on every call; compile once with [Compile]
// to search repeatedly.
func MatchReader(pattern string, r io.RuneReader) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchReader(r), nil
}

// FindReaderIndex returns the location of the leftmost match of re in the
// text read from r, as byte offsets into that text: the match is bytes
// loc[0] up to loc[1]-1 of the stream. It returns nil if there is no match.
//
// Unlike the standard library, which stops reading once the match is
// decided, it reads r to its end (or first error) before searching.
func (re *Regexp) FindReaderIndex(r io.RuneReader) (loc []int) {
	return re.execute(readText(r), 0, 2, nil)
}

// FindReaderSubmatchIndex returns the locations of the leftmost match of re
// in the text read from r and of its capturing groups, as
// [Regexp.FindSubmatchIndex] does, or nil if there is no match. It reads r
// to its end (or first error) before searching.
func (re *Regexp) FindReaderSubmatchIndex(r io.RuneReader) []int {
	return re.pad(re.execute(readText(r), 0, re.nslots(), nil))
}

// invalidByte stands in for a byte the reader could not decode. 0xFF never
// occurs in UTF-8, so it decodes as one invalid byte whatever surrounds it.
const invalidByte = 0xFF

// readText reads runes from r until an error (io.EOF or any other, which
// ends the text just as the standard library's reader input does) and
// returns them as UTF-8.
//
// A reader reports a byte it cannot decode as (U+FFFD, size 1), as
// bufio.Reader and strings.Reader do; that rune is written back as a single
// invalid byte, not as the three-byte encoding of U+FFFD, so that offsets
// stay those of the stream and the pattern sees the same U+FFFD of width 1
// the standard library sees. Offsets match the stream's as long as every
// other rune's reported size is its UTF-8 length, as it is for any reader
// that decodes UTF-8.
func readText(r io.RuneReader) []byte {
	var text []byte
	for {
		c, size, err := r.ReadRune()
		if err != nil {
			return text
		}
		if c == utf8.RuneError && size == 1 {
			text = append(text, invalidByte)
			continue
		}
		text = utf8.AppendRune(text, c)
	}
}
