package bench

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// haystackDirEnv names the environment variable holding the directory the
// real texts are read from. The texts are large and not ours to ship, so
// they are never copied into the repository.
const haystackDirEnv = "REREPL_HAYSTACKS"

// maxHaystack is the most text one benchmark operation searches: enough to
// measure throughput rather than call overhead, small enough that the slow
// reference engine keeps the whole suite to a few minutes.
const maxHaystack = 1 << 20

// A haystack is one text the workloads search. It is loaded (or generated)
// on first use and then shared by every benchmark that needs it.
type haystack struct {
	// file is the name of the real text under $REREPL_HAYSTACKS, or ""
	// for a text that is always generated.
	file string
	// generate makes the stand-in used when the real text is missing. It
	// must return the same bytes on every call.
	generate func() []byte
	// derive, if set, turns the loaded text into the one searched (for
	// example, sprinkles dates into prose). It runs after truncation.
	derive func([]byte) ([]byte, error)

	once   sync.Once
	data   []byte
	source string // the file path, or "generated", for logs
	err    error
}

// load returns the text, reading or generating it on first use.
func (h *haystack) load(tb testing.TB) []byte {
	tb.Helper()
	h.once.Do(func() {
		h.data, h.source, h.err = h.read()
		if h.err == nil && h.derive != nil {
			h.data, h.err = h.derive(h.data)
		}
	})
	if h.err != nil {
		tb.Fatal(h.err)
	}
	return h.data
}

// read returns the real text when $REREPL_HAYSTACKS is set and holds the
// file, else the generated one, cut to at most maxHaystack bytes.
func (h *haystack) read() ([]byte, string, error) {
	if dir := os.Getenv(haystackDirEnv); dir != "" && h.file != "" {
		path := filepath.Join(dir, h.file)
		data, err := os.ReadFile(path)
		if err != nil {
			// A set variable that points at nothing is a mistake to
			// report, not a reason to measure generated text silently.
			return nil, "", err
		}
		return truncateAtLine(data, maxHaystack), path, nil
	}
	return truncateAtLine(h.generate(), maxHaystack), "generated", nil
}

// truncateAtLine cuts text to at most limit bytes, at the end of a line
// when the text is longer, so that no workload sees half a line or half a
// UTF-8 sequence.
func truncateAtLine(text []byte, limit int) []byte {
	if len(text) <= limit {
		return text
	}
	if i := bytes.LastIndexByte(text[:limit], '\n'); i >= 0 {
		return text[:i+1]
	}
	return text[:limit]
}

// lines splits text into its lines, without the newlines.
func lines(text []byte) [][]byte {
	ls := bytes.Split(text, []byte("\n"))
	if n := len(ls); n > 0 && len(ls[n-1]) == 0 {
		ls = ls[:n-1]
	}
	return ls
}

// The texts. Each real one has a generated stand-in of the same character;
// see synthetic_test.go.
var (
	sherlock = &haystack{file: "sherlock.txt", generate: func() []byte { return englishText(600 << 10) }}

	subtitlesEN = &haystack{file: "opensubtitles-en-sampled.txt", generate: func() []byte { return englishText(900 << 10) }}

	subtitlesRU = &haystack{file: "opensubtitles-ru-sampled.txt", generate: func() []byte { return russianText(maxHaystack) }}

	subtitlesZH = &haystack{file: "opensubtitles-zh-sampled.txt", generate: func() []byte { return chineseText(800 << 10) }}

	fasta = &haystack{file: "imported-regex-redux-100000.fasta", generate: func() []byte { return fastaText(maxHaystack) }}

	unicodeData = &haystack{file: "wild-UnicodeData-15.0.0.txt", generate: func() []byte { return unicodeDataText(maxHaystack) }}

	// datedProse is English prose with dates in three formats scattered
	// through it, as in letters, logs pasted into mail, or reports.
	datedProse = &haystack{
		file:     "sherlock.txt",
		generate: func() []byte { return englishText(600 << 10) },
		derive:   func(b []byte) ([]byte, error) { return sprinkleDates(b), nil },
	}

	// logLines are web-service log lines; no real log ships with the
	// texts, so they are always generated.
	logLines = &haystack{generate: func() []byte { return logText(maxHaystack) }}

	// prose1MB is a megabyte of English: the novel followed by subtitles,
	// for scans where the size of the text is the point.
	prose1MB = &haystack{
		file:     "sherlock.txt",
		generate: func() []byte { return englishText(maxHaystack) },
		derive:   func(b []byte) ([]byte, error) { return appendUpTo(b, subtitlesEN, maxHaystack) },
	}

	// runOfA is 10,000 'A's: on it, every match of .*[^A-Z]|[A-Z] is one
	// byte long but each is found only after the other branch has looked
	// at the whole rest of the text.
	runOfA = &haystack{generate: func() []byte { return bytes.Repeat([]byte("A"), 10000) }}

	// runOfa is 64 KB of 'a', on which (a|aa)*b never matches while its
	// alternatives keep many overlapping threads alive.
	runOfa = &haystack{generate: func() []byte { return bytes.Repeat([]byte("a"), 64<<10) }}
)

// appendUpTo appends the start of another haystack to text until it holds
// limit bytes (cut at a line end).
func appendUpTo(text []byte, more *haystack, limit int) ([]byte, error) {
	if len(text) >= limit {
		return truncateAtLine(text, limit), nil
	}
	extra, _, err := more.read()
	if err != nil {
		return nil, err
	}
	out := append(append([]byte(nil), text...), '\n')
	out = append(out, extra...)
	return truncateAtLine(out, limit), nil
}
