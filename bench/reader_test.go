package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"reflect"
	std "regexp"
	"testing"

	"github.com/rerepl/rerepl/regexp"
)

// The Reader methods over a megabyte of prose, through the three ways the
// search reads: a bytes.Reader (read ahead with ReadAt), a bufio.Reader
// (read through Peek) and a plain RuneReader (one ReadRune call per rune,
// as the standard library reads every reader).

// runeReader hides a bufio.Reader's type, so that the search must read
// it rune by rune.
type runeReader struct{ r *bufio.Reader }

func (r runeReader) ReadRune() (rune, int, error) { return r.r.ReadRune() }

var readerKinds = []struct {
	name string
	make func(text []byte) io.RuneReader
}{
	{"bytes", func(text []byte) io.RuneReader { return bytes.NewReader(text) }},
	{"bufio", func(text []byte) io.RuneReader { return bufio.NewReader(bytes.NewReader(text)) }},
	{"runes", func(text []byte) io.RuneReader { return runeReader{bufio.NewReader(bytes.NewReader(text))} }},
}

// readerRegex is the Reader part of the API, which both packages have.
type readerRegex interface {
	MatchReader(r io.RuneReader) bool
	FindReaderIndex(r io.RuneReader) []int
	FindReaderSubmatchIndex(r io.RuneReader) []int
}

var readerWorkloads = []struct {
	name    string
	pattern string
	op      func(re readerRegex, r io.RuneReader) any
}{
	// No match: the whole text is read and dropped as it goes.
	{"noMatch", `Sherlock Holmes of Baker Street, London`, func(re readerRegex, r io.RuneReader) any { return re.FindReaderIndex(r) }},
	{"noMatchWords", `(\w+)@(\w+)\.(?:com|org)`, func(re readerRegex, r io.RuneReader) any { return re.FindReaderSubmatchIndex(r) }},
	// A match in the first hundred bytes: both stop reading early.
	{"early", `\w+\s+Holmes`, func(re readerRegex, r io.RuneReader) any { return re.MatchReader(r) }},
}

func BenchmarkReader(b *testing.B) {
	in := prepare(b, prose1MB)
	for _, w := range readerWorkloads {
		res := []readerRegex{std.MustCompile(w.pattern), regexp.MustCompile(w.pattern)}
		for _, k := range readerKinds {
			want := w.op(res[0], k.make(in.bytes))
			if got := w.op(res[1], k.make(in.bytes)); !reflect.DeepEqual(got, want) {
				b.Fatalf("%s %s: rerepl answers %v, std %v", w.name, k.name, got, want)
			}
			for i, name := range []string{"std", "rerepl"} {
				re := res[i]
				b.Run(fmt.Sprintf("%s/%s/%s", w.name, k.name, name), func(b *testing.B) {
					if w.name != "early" {
						b.SetBytes(int64(len(in.bytes)))
					}
					b.ReportAllocs()
					for b.Loop() {
						w.op(re, k.make(in.bytes))
					}
				})
			}
		}
	}
}
