package regexp

import (
	"io"

	"github.com/rerepl/rerepl/internal/meta"
)

// The Reader methods search while they read (internal/readsearch): they
// return as soon as the answer is decided, keep a bounded part of the
// text, and read exactly as far as the standard library reads. That is
// the rune at the position where the standard library's search stops
// and the rune after it: for MatchReader the first match end (for a
// pattern the standard library runs one-pass, the end of its match),
// for the Find methods the point after the match where no
// higher-priority alternative is left. A *strings.Reader or
// *bytes.Reader is read ahead with ReadAt and then left at that offset,
// with that last rune read by ReadRune (so UnreadRune works as it would
// with the standard library); other readers are read one rune at a time
// and no further.
//
// Offsets are those of the stream when each rune's reported size is its
// UTF-8 length, as it is for any reader that decodes UTF-8; a reader
// that cannot decode a byte reports (U+FFFD, 1), which the pattern sees
// as U+FFFD of width 1, as in the standard library.

// MatchReader reports whether the text read from r contains a match of
// re. It stops reading at the first match end (see above), so it returns
// on a reader that never ends once a match is found. Memory is bounded
// whatever the length of the text.
func (re *Regexp) MatchReader(r io.RuneReader) bool {
	return re.readerFind(r, 0) != nil
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
// It reads until the match can no longer change, as the standard library
// does (see above), and keeps only the text a match in progress may still
// need, up to about a megabyte; a longer match in progress (`.*` over a
// text without newlines) is followed without keeping its text, at the
// Pike VM's speed.
func (re *Regexp) FindReaderIndex(r io.RuneReader) (loc []int) {
	return re.readerFind(r, 2)
}

// FindReaderSubmatchIndex returns the locations of the leftmost match of re
// in the text read from r and of its capturing groups, as
// [Regexp.FindSubmatchIndex] does, or nil if there is no match. It reads as
// [Regexp.FindReaderIndex] does.
func (re *Regexp) FindReaderSubmatchIndex(r io.RuneReader) []int {
	return re.pad(re.readerFind(r, re.exec().NumSlots()))
}

// readerFind runs the reader search for the leftmost match in the text of
// r with ncap slots. A pattern whose byte program is over the state limit
// (only its rune-class program fits; see internal/meta) has no reader
// search: its text is read whole and then searched, the one case in which
// a Reader method holds the whole text and reads r to its end.
func (re *Regexp) readerFind(r io.RuneReader, ncap int) []int {
	x := re.exec()
	if s := x.Reader(); s != nil {
		return s.Search(r, re.longest, ncap, nil)
	}
	return x.Find(meta.ReadAll(r), 0, re.longest, ncap, nil)
}
