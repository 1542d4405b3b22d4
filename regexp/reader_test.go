package regexp

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand"
	std "regexp"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"

	"github.com/rerepl/rerepl/internal/dfa"
	"github.com/rerepl/rerepl/internal/readsearch"
	"github.com/rerepl/rerepl/internal/testhook"
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

// A readerPath runs the Reader methods of a Regexp one way.
type readerPath struct {
	name   string
	search func(re *Regexp) *readsearch.Searcher // nil: the methods themselves
}

// readerPaths are the ways the tests run the Reader methods: as they
// are, and with searchers that take the other paths of internal/readsearch
// on every text: the Pike VM alone, a DFA whose cache gives up at once,
// and a DFA that hands over to the Pike VM after 3 bytes of a match in
// progress.
var readerPaths = []readerPath{
	{"auto", nil},
	{"pikevm", func(re *Regexp) *readsearch.Searcher {
		cfg := re.exec().Reader().Config()
		cfg.DFA = nil
		return readsearch.New(cfg)
	}},
	{"giveup", func(re *Regexp) *readsearch.Searcher {
		cfg := re.exec().Reader().Config()
		cfg.DFA = dfa.New(cfg.Prog, dfa.Config{CacheCapacity: 1, MaxClears: 1})
		return readsearch.New(cfg)
	}},
	{"thrash", func(re *Regexp) *readsearch.Searcher {
		cfg := re.exec().Reader().Config()
		cfg.DFA = dfa.New(cfg.Prog, dfa.Config{CacheCapacity: 16 << 10, MaxClears: 1, MinBytesPerState: -1})
		return readsearch.New(cfg)
	}},
	{"hold", func(re *Regexp) *readsearch.Searcher {
		cfg := re.exec().Reader().Config()
		cfg.MaxHold = 3
		return readsearch.New(cfg)
	}},
}

// readerMethods returns the three Reader methods of re, run by s (or
// the methods themselves when s is nil).
func readerMethods(re *Regexp, s *readsearch.Searcher) (match func(io.RuneReader) bool, index, submatch func(io.RuneReader) []int) {
	if s == nil {
		return re.MatchReader, re.FindReaderIndex, re.FindReaderSubmatchIndex
	}
	return func(r io.RuneReader) bool { return s.Search(r, re.longest, 0, nil) != nil },
		func(r io.RuneReader) []int { return s.Search(r, re.longest, 2, nil) },
		func(r io.RuneReader) []int { return re.pad(s.Search(r, re.longest, re.exec().NumSlots(), nil)) }
}

// readerMethodNames name the three Reader methods in the order
// readerOutcomes runs them.
var readerMethodNames = [3]string{"MatchReader", "FindReaderIndex", "FindReaderSubmatchIndex"}

// readerOutcomes runs the three Reader methods on s through every reader
// kind and returns, for each kind and method, the answer and what the
// call left of the reader.
func readerOutcomes(match func(io.RuneReader) bool, index, submatch func(io.RuneReader) []int, s string) []string {
	var out []string
	for _, k := range readerKinds {
		for m := range readerMethodNames {
			r := k.make(s)
			var answer any
			switch m {
			case 0:
				answer = match(r)
			case 1:
				answer = index(r)
			case 2:
				answer = submatch(r)
			}
			out = append(out, fmt.Sprintf("%v (%s)", answer, k.state(r)))
		}
	}
	return out
}

// stdOutcomes is readerOutcomes for the standard library's re.
func stdOutcomes(re *std.Regexp, s string) []string {
	return readerOutcomes(re.MatchReader, re.FindReaderIndex, re.FindReaderSubmatchIndex, s)
}

// diffOutcomes describes where got and want, from readerOutcomes on s,
// differ.
func diffOutcomes(got, want []string, s string) []string {
	var diffs []string
	for i := range got {
		if got[i] != want[i] {
			k, m := readerKinds[i/3].name, readerMethodNames[i%3]
			diffs = append(diffs, fmt.Sprintf("%s %s(%q) = %s, standard library %s", k, m, s, got[i], want[i]))
		}
	}
	return diffs
}

// compareReaders runs the three Reader methods of ours (by srch, nil for
// the methods themselves) and theirs on s through every reader kind and
// returns a description of each difference.
func compareReaders(ours *Regexp, srch *readsearch.Searcher, theirs *std.Regexp, s string) []string {
	match, index, submatch := readerMethods(ours, srch)
	return diffOutcomes(readerOutcomes(match, index, submatch, s), stdOutcomes(theirs, s), s)
}

// forReaderPaths runs f once per reader path, in subtests.
func forReaderPaths(t *testing.T, f func(t *testing.T, path func(re *Regexp) *readsearch.Searcher)) {
	for _, p := range readerPaths {
		t.Run(p.name, func(t *testing.T) {
			f(t, func(re *Regexp) *readsearch.Searcher {
				if p.search == nil {
					return nil
				}
				return p.search(re)
			})
		})
	}
}

// readerPatterns are patterns for the reader's own corners: a program
// that cannot match (the standard library reads nothing when its program
// starts with a failure), patterns anchored at \A (one-pass or not, which
// stop the standard library at different points), and empty matches.
var readerPatterns = []string{
	`[^\x00-\x{10FFFF}]`, `a[^\x00-\x{10FFFF}]`, `(?:[^\x00-\x{10FFFF}])*`, `\A[^\x00-\x{10FFFF}]`, `^$`, `^a$`,
	`^ab`, `(^ab)`, `^a\b`, `^a+`, `^(?:a|b)+$`, `\A(a)|b`, `^`, `$`, `(?m)^`, `\b`, `a*?`, `(a|ab)(c|bcd)(d*)`,
	`\x{FFFD}`, `[^a]{2}^|`, `(?:(((?i)k|b)*))`,
}

func TestReaderDifferential(t *testing.T) {
	patterns := append(slices.Clone(readerPatterns), diffPatterns(testing.Short() || raceEnabled)...)
	texts := append(slices.Clone(diffTexts), "ab\xffcd aab\n ab", strings.Repeat("ab ", 40)+"c")
	forReaderPaths(t, func(t *testing.T, path func(re *Regexp) *readsearch.Searcher) {
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
				srch := path(ours)
				for _, s := range texts {
					for _, d := range compareReaders(ours, srch, theirs, s) {
						t.Errorf("%s %#q: %s", mode.name, p, d)
						nfail++
					}
				}
				if nfail > 30 {
					t.Fatal("too many differences")
				}
			}
		}
	})
}

// TestReaderCaseFiles runs the cases of testdata/cases.txt and Go's
// re2-search.txt through the reader paths and kinds, next to the
// standard library.
func TestReaderCaseFiles(t *testing.T) {
	type pc struct{ mode, pattern string }
	texts := map[pc][]string{}
	var order []pc
	add := func(mode, pattern, text string) {
		k := pc{mode, pattern}
		if _, ok := texts[k]; !ok {
			order = append(order, k)
		}
		texts[k] = append(texts[k], text)
	}
	for _, c := range loadCases(t) {
		if !c.Invalid {
			add(c.Mode, c.Pattern, c.Text)
		}
	}
	err := readRE2(openTestdata(t, "re2-search.txt"), func(c re2Case) error {
		for _, mode := range []string{"perl", "longest"} {
			add(mode, c.pattern, c.text)
			add(mode, `\A(?:`+c.pattern+`)\z`, c.text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	forReaderPaths(t, func(t *testing.T, path func(re *Regexp) *readsearch.Searcher) {
		nfail, ncase := 0, 0
		for _, k := range order {
			var mode diffMode
			found := false
			for _, m := range diffModes {
				if m.name == k.mode {
					mode, found = m, true
				}
			}
			if !found {
				mode = diffModes[0]
			}
			ours, err := mode.compile(k.pattern)
			theirs, stdErr := mode.std(k.pattern)
			if err != nil || stdErr != nil {
				continue
			}
			if mode.longest {
				ours.Longest()
				theirs.Longest()
			}
			srch := path(ours)
			for _, s := range texts[k] {
				ncase++
				for _, d := range compareReaders(ours, srch, theirs, s) {
					t.Errorf("%s %#q: %s", mode.name, k.pattern, d)
					nfail++
				}
			}
			if nfail > 30 {
				t.Fatal("too many differences")
			}
		}
		t.Logf("%d cases", ncase)
	})
}

// longTexts are texts longer than the search's window (64 KiB), with
// runes and invalid bytes across window edges, and matches near the end.
func longTexts() []string {
	rng := rand.New(rand.NewSource(14))
	pieces := []string{"a", "b", " ", "\n", "é", "日本", "\xff", "\xe2\x82", "ab", "foo", "Sherlock", "_", "x"}
	var texts []string
	for _, n := range []int{70 << 10, 140 << 10} {
		var b strings.Builder
		for b.Len() < n {
			if rng.Intn(4) == 0 {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			} else {
				b.WriteByte("abcdefghij klmnopqrstuvwxyz"[rng.Intn(27)])
			}
		}
		texts = append(texts, b.String())
	}
	// A window edge (64 KiB) inside a rune, and inside an invalid run.
	edge := 64 << 10
	texts = append(texts,
		strings.Repeat("a", edge-1)+"日本語 Sherlock",
		strings.Repeat("a", edge-2)+"\xe2\x82\xe2\x82 xyzzy",
		strings.Repeat("ab ", 50000)+"Holmes",
		strings.Repeat("a", maxHoldTest)+"b",
	)
	return texts
}

// maxHoldTest is longer than the text a match in progress may hold
// before the Pike VM takes over.
const maxHoldTest = 1<<20 + 100

// bigPatterns are the patterns run on the longest text.
var bigPatterns = map[string]bool{`a.*b`: true, `a[^b]*b`: true, `^(a+)b`: true, `.{5}$`: true, `b\z`: true}

var longPatterns = []string{
	`Sherlock`, `Holmes`, `\bfoo\w*`, `(?m)^x$`, `(?m)^[a-j]+$`, `a.*b`, `a[^b]*b`, `[a-z]+ing`, `é+`, `\xff`, `\x{FFFD}`,
	`日本語`, `(\w+)\s+(\w+)$`, `xyzzy`, `b\z`, `^a+`, `^(a+)b`, `(a|ab)(c|bcd)(d*)`, `[^a]{3}`, `.{5}$`,
}

func TestReaderLongTexts(t *testing.T) {
	texts := longTexts()
	patterns := longPatterns
	if testing.Short() || raceEnabled {
		texts = texts[2:3]
		patterns = patterns[:6]
	}
	// Over long texts only the two ways of reading differ: rune by rune
	// and read ahead.
	kinds := readerKinds
	readerKinds = []readerKind{kinds[0], kinds[2]}
	defer func() { readerKinds = kinds }()
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
			for i, s := range texts {
				if len(s) > 200<<10 && !bigPatterns[p] {
					continue
				}
				want := stdOutcomes(theirs, s)
				for j, path := range readerPaths {
					// The automatic path runs on every text; the others,
					// slower, on the first random text and the two with
					// a window edge inside a rune.
					if j > 0 && !testing.Short() && (i == 1 || i >= 4) {
						continue
					}
					var srch *readsearch.Searcher
					if path.search != nil {
						srch = path.search(ours)
					}
					match, index, submatch := readerMethods(ours, srch)
					for _, d := range diffOutcomes(readerOutcomes(match, index, submatch, s), want, s) {
						if len(d) > 300 {
							d = d[:150] + "..." + d[len(d)-150:]
						}
						t.Errorf("%s %s %#q text %d: %s", path.name, mode.name, p, i, d)
						nfail++
					}
				}
			}
			if nfail > 10 {
				t.Fatal("too many differences")
			}
		}
	}
}

// endlessReader is "Sherlock" followed by letters without end; it counts
// the runes read.
type endlessReader struct {
	n int
}

func (e *endlessReader) ReadRune() (rune, int, error) {
	e.n++
	if e.n <= len("Sherlock") {
		return rune("Sherlock"[e.n-1]), 1, nil
	}
	return rune('a' + e.n%26), 1, nil
}

// endlessBytes is the byte version of endlessReader's letters.
type endlessBytes struct{ n int }

func (e *endlessBytes) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte('a' + (e.n+i)%26)
	}
	e.n += len(p)
	return len(p), nil
}

// TestReaderEndless checks that a reader that never ends, whose first
// bytes match, makes each Reader method return, reading exactly what the
// standard library reads.
func TestReaderEndless(t *testing.T) {
	for _, p := range []string{`Sherlock`, `(Sher)(lock)`, `S\w{3}lock`, `^Sherlock`, `lock|Sher`} {
		for _, mode := range diffModes {
			ours, err := mode.compile(p)
			if err != nil {
				continue // \w in POSIX syntax
			}
			theirs, _ := mode.std(p)
			if mode.longest {
				ours.Longest()
				theirs.Longest()
			}
			methods := []struct {
				name      string
				ours, std func(io.RuneReader) any
			}{
				{"MatchReader", func(r io.RuneReader) any { return ours.MatchReader(r) }, func(r io.RuneReader) any { return theirs.MatchReader(r) }},
				{"FindReaderIndex", func(r io.RuneReader) any { return ours.FindReaderIndex(r) }, func(r io.RuneReader) any { return theirs.FindReaderIndex(r) }},
				{"FindReaderSubmatchIndex", func(r io.RuneReader) any { return ours.FindReaderSubmatchIndex(r) }, func(r io.RuneReader) any { return theirs.FindReaderSubmatchIndex(r) }},
			}
			for _, m := range methods {
				r1, r2 := &endlessReader{}, &endlessReader{}
				got, want := m.ours(r1), m.std(r2)
				if fmt.Sprint(got) != fmt.Sprint(want) || r1.n != r2.n {
					t.Errorf("%s %#q %s = %v after %d runes, standard library %v after %d", mode.name, p, m.name, got, r1.n, want, r2.n)
				}
				// The reader: a bufio.Reader over the endless text.
				b := bufio.NewReader(io.MultiReader(strings.NewReader("Sherlock"), &endlessBytes{}))
				if got := m.ours(b); fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s %#q %s on bufio = %v, want %v", mode.name, p, m.name, got, want)
				}
			}
		}
	}
}

// peakHeap runs f while sampling the heap, and returns the most heap
// memory in use above what was in use before f began, as runtime/metrics
// reports it (live and not yet swept objects).
func peakHeap(f func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	runtime.GC()
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	f()
	close(done)
	<-stopped
	if v := read(); v > peak.Load() {
		peak.Store(v)
	}
	if peak.Load() < base {
		return 0
	}
	return peak.Load() - base
}

// proseReader is n bytes of repeated prose with no match of the
// patterns below, read through an io.Reader so that nothing holds it.
type proseReader struct{ left int }

const prose = "It was the best of times, it was the worst of times, it was the age of wisdom 1859.\n"

func (p *proseReader) Read(b []byte) (int, error) {
	if p.left == 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(b) && p.left > 0 {
		k := copy(b[n:min(len(b), n+p.left)], prose[(512<<20-p.left)%len(prose):])
		n += k
		p.left -= k
	}
	return n, nil
}

var heapSink []byte

// TestReaderMemory searches a 512 MiB reader with no match and requires
// less than 16 MiB of peak heap. The first pattern reads the full 512
// MiB (16 MiB with -short or the race detector), the others 16 MiB, to
// keep the package's tests within go test's ten minutes.
func TestReaderMemory(t *testing.T) {
	full := 512 << 20
	if testing.Short() || raceEnabled {
		full = 16 << 20
	}
	// The measure must see memory the search would hold. The allocation
	// is held for a few sampling periods, and the check gets three tries:
	// memory that other goroutines free while peakHeap samples can lower
	// a reading (a CI run once read 7.3 of the 8 MiB). A search's own
	// reading can be lowered the same way, by about that much, which is
	// small beside the 16 MiB bound it is held to.
	var seen uint64
	for range 3 {
		seen = max(seen, peakHeap(func() {
			heapSink = make([]byte, 8<<20)
			time.Sleep(5 * time.Millisecond)
			heapSink = nil
		}))
		if seen >= 8<<20 {
			break
		}
	}
	if seen < 8<<20 {
		t.Fatalf("peakHeap missed an 8 MiB allocation: %d bytes", seen)
	}
	for i, p := range []string{`\b[a-z]+ing\b`, `Sherlock Holmes`, `(?m)^worst.*$`, `(\w+)@(\w+)\.com`} {
		size := full
		if i > 0 {
			size = 16 << 20
		}
		re := MustCompile(p)
		var loc []int
		peak := peakHeap(func() {
			loc = re.FindReaderSubmatchIndex(bufio.NewReader(&proseReader{left: size}))
		})
		t.Logf("%#q over %d MiB: peak heap %.3f MiB", p, size>>20, float64(peak)/(1<<20))
		if loc != nil {
			t.Errorf("%#q: match %v, want none", p, loc)
		}
		if peak >= 16<<20 {
			t.Errorf("%#q over %d MiB: peak heap %d bytes, want less than 16 MiB", p, size>>20, peak)
		}
	}
}

// TestReaderAllocs requires the Reader methods to allocate no more than
// the standard library's on short readers.
func TestReaderAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates (and drops pooled caches)")
	}
	text := "contact: sherlock@baker.com now"
	for _, p := range []string{`(\w+)@(\w+)\.com`, `sherlock`, `^contact`, `now$`, `x|y|z`, `(a|b)+c`} {
		for _, longest := range []bool{false, true} {
			ours, theirs := MustCompile(p), std.MustCompile(p)
			if longest {
				ours.Longest()
				theirs.Longest()
			}
			for _, k := range readerKinds {
				check := func(name string, o, s func(io.RuneReader)) {
					got := testing.AllocsPerRun(50, func() { o(k.make(text)) })
					want := testing.AllocsPerRun(50, func() { s(k.make(text)) })
					if got > want {
						t.Errorf("%#q longest=%v %s %s: %v allocations, standard library %v", p, longest, k.name, name, got, want)
					}
				}
				check("MatchReader", func(r io.RuneReader) { ours.MatchReader(r) }, func(r io.RuneReader) { theirs.MatchReader(r) })
				check("FindReaderIndex", func(r io.RuneReader) { ours.FindReaderIndex(r) }, func(r io.RuneReader) { theirs.FindReaderIndex(r) })
				check("FindReaderSubmatchIndex", func(r io.RuneReader) { ours.FindReaderSubmatchIndex(r) }, func(r io.RuneReader) { theirs.FindReaderSubmatchIndex(r) })
			}
		}
	}
}

// TestReaderPanicLeavesUnbuilt checks that a panic while the Reader
// methods build what they need (the program, on the first search) escapes
// with its value and leaves nothing half built: the next call panics the
// same way, and once the fault is gone the methods answer.
func TestReaderPanicLeavesUnbuilt(t *testing.T) {
	re := MustCompile(hookPattern)
	boom := &struct{ stage string }{testhook.StageProgram}
	withCompileHook(func(s string) {
		if s == testhook.StageProgram {
			panic(boom)
		}
	}, func() {
		for i := range 2 {
			if got := anyPanic(func() { re.FindReaderIndex(strings.NewReader(hookSubject)) }); got != boom {
				t.Fatalf("call %d panicked with %v, want the injected value", i+1, got)
			}
		}
	})
	n := len(hookSubject) - len("abcde")
	if got, want := re.FindReaderSubmatchIndex(strings.NewReader(hookSubject)), []int{n, n + 5, n + 3, n + 4}; !slices.Equal(got, want) {
		t.Errorf("after the hook is gone, FindReaderSubmatchIndex = %v, want %v", got, want)
	}
}

// TestReaderRuneClassPatterns runs the Reader methods on patterns whose
// engines run the rune-class program (internal/meta's runeProgram): the
// reader search builds a byte program of its own for them, and answers as
// the standard library does.
func TestReaderRuneClassPatterns(t *testing.T) {
	text := strings.Repeat("é", 40) + " " + strings.Repeat("ж", 1200) + "x\xff" + strings.Repeat("日", 30)
	for _, p := range []string{`\pL{1000}`, `(\pL|\pN){300}`, `(?i)\pL{500}x`, `[\x{0}-\x{10FFFF}]{1000}`} {
		ours, theirs := MustCompile(p), std.MustCompile(p)
		if ours.exec().Reader() == nil {
			t.Errorf("%#q: no reader search", p)
		}
		for _, s := range []string{text, text[:600], "abc"} {
			if got, want := ours.FindReaderSubmatchIndex(strings.NewReader(s)), theirs.FindReaderSubmatchIndex(strings.NewReader(s)); !slices.Equal(got, want) {
				t.Errorf("%#q FindReaderSubmatchIndex on %d bytes = %v, want %v", p, len(s), got, want)
			}
			if got, want := ours.MatchReader(strings.NewReader(s)), theirs.MatchReader(strings.NewReader(s)); got != want {
				t.Errorf("%#q MatchReader on %d bytes = %v, want %v", p, len(s), got, want)
			}
		}
	}
}
