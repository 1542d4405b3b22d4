package fuzz

import (
	"bufio"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/testutil"
)

// maxReaderSubject bounds FuzzReader's subjects, which the standard
// library reads at NFA speed three times per reader kind.
const maxReaderSubject = 512

// chunkReader returns its text in pieces whose sizes (1 to 8 bytes)
// come from a seed, so that runes are cut across reads wherever the
// fuzzer likes.
type chunkReader struct {
	s    string
	seed uint64
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.s) == 0 {
		return 0, io.EOF
	}
	n := int(c.seed&7) + 1
	c.seed = c.seed>>3 | c.seed<<61
	n = min(n, len(p), len(c.s))
	copy(p, c.s[:n])
	c.s = c.s[n:]
	return n, nil
}

// runeCounter hides a bufio.Reader's type, so that the search reads it
// one ReadRune call at a time, and counts the calls.
type runeCounter struct {
	r     *bufio.Reader
	calls int
}

func (r *runeCounter) ReadRune() (rune, int, error) {
	r.calls++
	return r.r.ReadRune()
}

// A fuzzReader makes a reader over a subject and describes, after a
// search, what the search left of it.
type fuzzReader struct {
	name  string
	make  func(s string, seed uint64) io.RuneReader
	state func(r io.RuneReader) string
}

var fuzzReaders = []fuzzReader{
	{"bufio", func(s string, seed uint64) io.RuneReader {
		return bufio.NewReaderSize(&chunkReader{s, seed}, 16)
	}, func(r io.RuneReader) string {
		b := r.(*bufio.Reader)
		err := b.UnreadRune()
		rest, _ := io.ReadAll(b)
		return fmt.Sprintf("unread %v, rest %q", err == nil, rest)
	}},
	{"runes", func(s string, seed uint64) io.RuneReader {
		return &runeCounter{r: bufio.NewReaderSize(&chunkReader{s, seed}, 16)}
	}, func(r io.RuneReader) string {
		c := r.(*runeCounter)
		rest, _ := io.ReadAll(c.r)
		return fmt.Sprintf("%d calls, rest %q", c.calls, rest)
	}},
	{"strings", func(s string, seed uint64) io.RuneReader {
		r := strings.NewReader("é" + s)
		if seed&1 != 0 {
			r.ReadRune()
		}
		return r
	}, func(r io.RuneReader) string {
		sr := r.(*strings.Reader)
		n := sr.Len()
		err := sr.UnreadRune()
		return fmt.Sprintf("%d left, unread %v, then %d left", n, err == nil, sr.Len())
	}},
}

// FuzzReader checks MatchReader, FindReaderIndex and
// FindReaderSubmatchIndex against the standard library on readers that
// deliver the subject in random pieces (through a bufio.Reader, read
// ahead with Peek; the same hidden behind a plain RuneReader, read one
// rune at a time; and a strings.Reader, read ahead with ReadAt): the same
// answers, and the same consumption (ReadRune calls, text left in the
// reader, whether UnreadRune works after the call).
func FuzzReader(f *testing.F) {
	for _, seed := range []struct {
		pattern, subject string
		mode             uint8
		chunks           uint64
	}{
		{`Sherlock`, "xx Sherlock yy", 0, 0},
		{`(a|ab)(c|bcd)(d*)`, "abcd abcd", modeLongest, 0x123456789},
		{`(\w+)\s+(\w+)$`, "日本語 a_b \xff cd", 0, 0xfedcba987},
		{`^$`, "ab", 0, 1},
		{`\b`, "é\xe2\x82 k", 0, 7},
		{`(?m)^b|a\B`, "a\nb a", modePOSIX, 3},
		{`x*`, "", 0, 0},
		{`[^a]{2}^|`, "\xf4\x90\x80\x80", modeLongest, 5},
		{`(?:(((?i)k|b)*))`, "\xe2\x82A", 0, 2},
		{`\x{FFFD}+`, "\xef\xbf\xbd\xff\xfe", 0, 9},
	} {
		f.Add(seed.pattern, seed.subject, seed.mode, seed.chunks)
	}
	f.Fuzz(func(t *testing.T, pattern, subject string, mode uint8, chunks uint64) {
		if len(pattern) > maxMatchPattern || len(subject) > maxReaderSubject {
			return
		}
		if testutil.ProgramCost(pattern) > maxMatchCost {
			return
		}
		got, want, ok := compileMode(t, pattern, mode)
		if !ok {
			return
		}
		for _, k := range fuzzReaders {
			same := func(method string, ours, theirs func(io.RuneReader) any) {
				r1, r2 := k.make(subject, chunks), k.make(subject, chunks)
				g, w := ours(r1), theirs(r2)
				gs, ws := k.state(r1), k.state(r2)
				if !reflect.DeepEqual(g, w) || gs != ws {
					t.Fatalf("%q (mode %d) %s %s(%q, chunks %#x) = %v (%s), standard library %v (%s)",
						pattern, mode, k.name, method, subject, chunks, g, gs, w, ws)
				}
			}
			same("MatchReader", func(r io.RuneReader) any { return got.MatchReader(r) },
				func(r io.RuneReader) any { return want.MatchReader(r) })
			same("FindReaderIndex", func(r io.RuneReader) any { return got.FindReaderIndex(r) },
				func(r io.RuneReader) any { return want.FindReaderIndex(r) })
			same("FindReaderSubmatchIndex", func(r io.RuneReader) any { return got.FindReaderSubmatchIndex(r) },
				func(r io.RuneReader) any { return want.FindReaderSubmatchIndex(r) })
		}
	})
}
