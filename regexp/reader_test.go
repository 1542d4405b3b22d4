package regexp

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	std "regexp"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// The reader tests run the Reader methods on readers of several kinds
// next to the standard library's on identical readers, and require the
// same answers and the same consumption: as many ReadRune calls, the same
// text left to read, and the same UnreadRune outcome.

// countingReader is a RuneReader that counts its calls and is none of the
// types the search reads ahead.
type countingReader struct {
	r     *strings.Reader
	calls int
}

func (c *countingReader) ReadRune() (rune, int, error) {
	c.calls++
	return c.r.ReadRune()
}

// readerKind makes a reader over s and, after a search, describes what
// the search left of it.
type readerKind struct {
	name  string
	make  func(s string) io.RuneReader
	state func(r io.RuneReader) string
}

var readerKinds = []readerKind{
	{"runes", func(s string) io.RuneReader { return &countingReader{r: strings.NewReader(s)} },
		func(r io.RuneReader) string {
			c := r.(*countingReader)
			return fmt.Sprintf("%d calls, %d left", c.calls, c.r.Len())
		}},
	{"bytewise", func(s string) io.RuneReader {
		return bufio.NewReaderSize(iotest.OneByteReader(strings.NewReader(s)), 16)
	}, func(r io.RuneReader) string {
		b := r.(*bufio.Reader)
		err := b.UnreadRune()
		rest, _ := io.ReadAll(b)
		return fmt.Sprintf("unread %v, rest %q", err == nil, rest)
	}},
	{"strings", func(s string) io.RuneReader {
		r := strings.NewReader("zé" + s)
		r.ReadRune()
		r.ReadRune()
		return r
	}, func(r io.RuneReader) string {
		sr := r.(*strings.Reader)
		n := sr.Len()
		err := sr.UnreadRune()
		return fmt.Sprintf("%d left, unread %v, then %d left", n, err == nil, sr.Len())
	}},
	{"bytes", func(s string) io.RuneReader { return bytes.NewReader([]byte(s)) },
		func(r io.RuneReader) string {
			br := r.(*bytes.Reader)
			n := br.Len()
			err := br.UnreadRune()
			return fmt.Sprintf("%d left, unread %v, then %d left", n, err == nil, br.Len())
		}},
}

// compareReaders runs the three Reader methods of ours and theirs on s
// through every reader kind and returns a description of each
// difference.
func compareReaders(ours *Regexp, theirs *std.Regexp, s string) []string {
	var diffs []string
	for _, k := range readerKinds {
		check := func(method string, run func(r io.RuneReader) any, std func(r io.RuneReader) any) {
			r1, r2 := k.make(s), k.make(s)
			got, want := run(r1), std(r2)
			gs, ws := k.state(r1), k.state(r2)
			if fmt.Sprint(got) != fmt.Sprint(want) || gs != ws {
				diffs = append(diffs, fmt.Sprintf("%s %s(%q) = %v (%s), standard library %v (%s)", k.name, method, s, got, gs, want, ws))
			}
		}
		check("MatchReader", func(r io.RuneReader) any { return ours.MatchReader(r) },
			func(r io.RuneReader) any { return theirs.MatchReader(r) })
		check("FindReaderIndex", func(r io.RuneReader) any { return ours.FindReaderIndex(r) },
			func(r io.RuneReader) any { return theirs.FindReaderIndex(r) })
		check("FindReaderSubmatchIndex", func(r io.RuneReader) any { return ours.FindReaderSubmatchIndex(r) },
			func(r io.RuneReader) any { return theirs.FindReaderSubmatchIndex(r) })
	}
	return diffs
}

func TestReaderDifferential(t *testing.T) {
	patterns := diffPatterns(testing.Short() || raceEnabled)
	texts := append(slices.Clone(diffTexts), "ab\xffcd aab\n ab", strings.Repeat("ab ", 40)+"c")
	nfail := 0
	for _, p := range patterns {
		for _, mode := range diffModes {
			ours, err := mode.compile(p)
			theirs, _ := mode.std(p)
			if err != nil {
				continue
			}
			if mode.longest {
				ours.Longest()
				theirs.Longest()
			}
			for _, s := range texts {
				for _, d := range compareReaders(ours, theirs, s) {
					t.Errorf("%s %#q: %s", mode.name, p, d)
					nfail++
				}
			}
			if nfail > 30 {
				t.Fatal("too many differences")
			}
		}
	}
}
