package bench

import (
	"io"
	"reflect"
	std "regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/regexp"
)

// The short suite: the calls most Go programs make. They validate one
// field, route one URL, parse one header or one log line, split or
// rewrite a short string, and often compile a pattern to use it a few
// times. On such calls the per-call work (choosing an engine, preparing
// scratch memory, building the result) outweighs the scan itself, so
// they are measured apart from the megabyte searches of search_test.go.

// shortRegex is the part of the API the short workloads call; both
// *std.Regexp and ours satisfy it.
type shortRegex interface {
	MatchString(s string) bool
	FindStringIndex(s string) []int
	FindStringSubmatch(s string) []string
	FindStringSubmatchIndex(s string) []int
	FindSubmatchIndex(b []byte) []int
	FindReaderSubmatchIndex(r io.RuneReader) []int
	ReplaceAllString(src, repl string) string
	Split(s string, n int) []string
}

// shortEngines compile a pattern into a shortRegex, in the order of
// [engines]: the standard library first.
var shortEngines = []struct {
	name    string
	compile func(pattern string) (shortRegex, error)
}{
	{"std", func(p string) (shortRegex, error) {
		re, err := std.Compile(p)
		if err != nil {
			return nil, err
		}
		return re, nil
	}},
	{"rerepl", func(p string) (shortRegex, error) {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, err
		}
		return re, nil
	}},
}

// A shortCase is one short call: a pattern, the text it is called on and
// the call. Per-line cases read the lines of a haystack instead.
type shortCase struct {
	name    string
	pattern string
	text    string
	// lines, if set, is the text the call runs over line by line (text
	// is then unused); see perLine.
	lines *haystack
	op    func(re shortRegex, text string, lines [][]byte) any
}

// Sample inputs of the short cases.
const (
	apacheLine = `203.0.113.42 - frank [10/Oct/2023:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"`
	// shortReaderText is 30 bytes, one line of a Markdown document as a
	// parser reading line by line hands it over.
	shortReaderText = "## A heading of thirty bytes\n"
)

// shortCases is the short suite. Each case runs warm as
// BenchmarkShort/<name>/{std,rerepl} and compiled anew every call as
// BenchmarkShortFirstUse/<name>/{std,rerepl}.
var shortCases = []shortCase{
	// Validators: the whole field must match.
	{name: "email", pattern: `^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$`,
		text: "john.smith+news@mail.example.co.uk", op: matchString},
	{name: "semver", pattern: `^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$`,
		text: "v1.22.3-rc.1+build.5", op: findStringSubmatch},
	{name: "uuid", pattern: `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`,
		text: "123e4567-e89b-12d3-a456-426614174000", op: matchString},
	{name: "ipv4", pattern: `^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$`,
		text: "192.168.100.254", op: matchString},
	{name: "ipv4Fail", pattern: `^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$`,
		text: "192.168.100.256", op: matchString},

	// A search for something inside a short text.
	{name: "phone", pattern: `\(?\d{3}\)?[-. ]?\d{3}[-. ]?\d{4}`,
		text: "Call the front desk at (555) 123-4567 before noon.", op: findStringIndex},

	// Routing: a path with groups.
	{name: "route", pattern: `^/api/v(\d+)/users/([^/]+)/posts/(\d+)$`,
		text: "/api/v2/users/alice/posts/12345", op: findStringSubmatch},
	{name: "routeNamed", pattern: `^/(?P<year>\d{4})/(?P<month>\d{2})/(?P<slug>[\w-]+)/?$`,
		text: "/2023/10/short-searches-matter/", op: findStringSubmatchIndex},

	// A header, ignoring case, with groups.
	{name: "headerFold", pattern: `(?i)^content-type:\s*([a-z]+/[a-z0-9.+-]+)(?:;\s*charset=([a-z0-9-]+))?`,
		text: "Content-Type: text/html; charset=UTF-8", op: findStringSubmatch},

	// One Apache/nginx combined log line, nine groups.
	{name: "apacheLog", pattern: `^(\S+) (\S+) (\S+) \[([^\]]+)\] "(\S+) (\S+) (\S+)" (\d{3}) (\d+|-)`,
		text: apacheLine, op: findStringSubmatch},

	// Small rewrites.
	{name: "replaceSpaces", pattern: `\s+`,
		text: "  collapse   the runs\tof   white  space ", op: replaceWithSpace},
	{name: "splitCSV", pattern: `\s*,\s*`,
		text: "alpha, beta ,gamma,  delta,epsilon", op: splitAll},

	// A reader method on a short reader, as a Markdown parser calls it
	// per line.
	{name: "reader", pattern: `^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*\n?$`,
		text: shortReaderText, op: findReaderSubmatchIndex},

	// An anchored one-pass pattern behind a long literal prefix (the
	// standard library's OnePassLongPrefix idea, in a form of our own).
	{name: "onePassLongPrefix", pattern: `^GET /static/assets/images/(\w+)\.(png|jpg|gif)$`,
		text: "GET /static/assets/images/logo_small.png", op: findStringSubmatch},
	// An anchored literal that fails at the first byte.
	{name: "anchoredLiteralFail", pattern: `^HTTP/1\.[01] (\d{3})`,
		text: "GET /index.html HTTP/1.1", op: matchString},

	// Fields of every line of a file, one call per line: the fifteen
	// fields of UnicodeData.txt records, and the fields of log lines.
	{name: "unicodeDataLines", pattern: `^([0-9A-F]{4,6});([^;]*);([A-Z][a-z]);(\d+);([A-Z]+);([^;]*);([^;]*);([^;]*);([^;]*);([YN]);([^;]*);([^;]*);([^;]*);([^;]*);([^;]*)$`,
		lines: unicodeData, op: perLine},
	{name: "logLines", pattern: `^(\S+) +(DEBUG|INFO|WARN|ERROR) +(\S+) (\S+) (\S+) (\d+) (\d+)ms "([^"]*)"$`,
		lines: logLines, op: perLine},
}

// perLineBytes is how much of a haystack a per-line case reads: a few
// hundred lines, so that one call of the standard library stays in the
// milliseconds.
const perLineBytes = 32 << 10

func matchString(re shortRegex, s string, _ [][]byte) any        { return re.MatchString(s) }
func findStringIndex(re shortRegex, s string, _ [][]byte) any    { return re.FindStringIndex(s) }
func findStringSubmatch(re shortRegex, s string, _ [][]byte) any { return re.FindStringSubmatch(s) }
func findStringSubmatchIndex(re shortRegex, s string, _ [][]byte) any {
	return re.FindStringSubmatchIndex(s)
}
func replaceWithSpace(re shortRegex, s string, _ [][]byte) any { return re.ReplaceAllString(s, " ") }
func splitAll(re shortRegex, s string, _ [][]byte) any         { return re.Split(s, -1) }
func findReaderSubmatchIndex(re shortRegex, s string, _ [][]byte) any {
	return re.FindReaderSubmatchIndex(strings.NewReader(s))
}

// perLine calls FindSubmatchIndex on every line and digests the answers.
func perLine(re shortRegex, _ string, lines [][]byte) any {
	var d digest
	for _, line := range lines {
		d.add(re.FindSubmatchIndex(line))
	}
	return d
}

// shortLines returns the lines a per-line case reads, nil for others.
func (sc *shortCase) shortLines(tb testing.TB) [][]byte {
	if sc.lines == nil {
		return nil
	}
	return lines(truncateAtLine(prepare(tb, sc.lines).bytes, perLineBytes))
}

// call runs the case once on re.
func (sc *shortCase) call(re shortRegex, lines [][]byte) any {
	return sc.op(re, sc.text, lines)
}

// checkShort compiles the case on both engines and checks that they
// answer alike, returning the compiled patterns.
func checkShort(tb testing.TB, sc *shortCase, lines [][]byte) []shortRegex {
	tb.Helper()
	compiled := make([]shortRegex, len(shortEngines))
	for i, e := range shortEngines {
		re, err := e.compile(sc.pattern)
		if err != nil {
			tb.Fatalf("%s: Compile(%#q): %v", e.name, sc.pattern, err)
		}
		compiled[i] = re
	}
	want := sc.call(compiled[0], lines)
	for i := 1; i < len(compiled); i++ {
		if got := sc.call(compiled[i], lines); !reflect.DeepEqual(got, want) {
			tb.Fatalf("%s on %#q: %s answers %v, %s answers %v",
				sc.name, sc.pattern, shortEngines[i].name, got, shortEngines[0].name, want)
		}
	}
	return compiled
}

// TestShortAgree checks that both engines give every short case the same
// answer, so a plain go test catches a case the benchmarks would reject.
func TestShortAgree(t *testing.T) {
	for i := range shortCases {
		sc := &shortCases[i]
		t.Run(sc.name, func(t *testing.T) { checkShort(t, sc, sc.shortLines(t)) })
	}
}

// BenchmarkShort measures each short call warm: the pattern is compiled
// and called once before timing (and the answers compared), then called
// again and again. For rerepl the first calls of a pattern run without a
// strategy (the warm-up); the timed loop runs long past them.
func BenchmarkShort(b *testing.B) {
	for i := range shortCases {
		sc := &shortCases[i]
		b.Run(sc.name, func(b *testing.B) {
			lines := sc.shortLines(b)
			compiled := checkShort(b, sc, lines)
			for i, e := range shortEngines {
				re := compiled[i]
				b.Run(e.name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						sc.call(re, lines)
					}
				})
			}
		})
	}
}

// BenchmarkShortFirstUse measures Compile plus the first call of each
// short case: the whole cost for a program that compiles a pattern to
// use it once.
func BenchmarkShortFirstUse(b *testing.B) {
	for i := range shortCases {
		sc := &shortCases[i]
		b.Run(sc.name, func(b *testing.B) {
			lines := sc.shortLines(b)
			checkShort(b, sc, lines)
			for _, e := range shortEngines {
				b.Run(e.name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						re, err := e.compile(sc.pattern)
						if err != nil {
							b.Fatal(err)
						}
						sc.call(re, lines)
					}
				})
			}
		})
	}
}

// BenchmarkShortCompile measures Compile alone on each short case's
// pattern, the part of BenchmarkShortFirstUse that a program pays for a
// pattern it never uses.
func BenchmarkShortCompile(b *testing.B) {
	for i := range shortCases {
		sc := &shortCases[i]
		b.Run(sc.name, func(b *testing.B) {
			for _, e := range shortEngines {
				b.Run(e.name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, err := e.compile(sc.pattern); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// bigUnicodeCases are large counted repetitions of Unicode classes. The
// standard library's rune program has one instruction per copy of the
// class; a byte program expands every copy into UTF-8 byte states, so
// these measure what that costs at Compile, at the first search and in
// memory kept afterwards.
var bigUnicodeCases = []struct {
	name, pattern string
}{
	{"letters1000", `\pL{1000}`},
	{"foldLetters500", `(?i)\pL{500}`},
	{"letterOrDigit300", `(\pL|\pN){300}`},
	{"nested100x10", `(?:\pL{100}){10}`},
	{"anyRune1000", `[\x{0}-\x{10FFFF}]{1000}`},
}

// bigUnicodeText is what the big repetitions search: mixed-script prose
// with a run of more than a thousand letters in the middle, so that each
// pattern matches once.
var bigUnicodeText = func() string {
	var sb strings.Builder
	for sb.Len() < 2<<10 {
		sb.WriteString("Short words, 12 digits; слова и 漢字. ")
	}
	letters := []rune("abcdéfghijklмнопрстuvwxyz漢字かな")
	for i := range 1100 {
		sb.WriteRune(letters[i%len(letters)])
	}
	sb.WriteString(" and the end.")
	return sb.String()
}()

// BenchmarkBigUnicode measures each big repetition on both engines:
// compile/ is Compile alone, first/ is Compile plus one FindStringIndex,
// warm/ is FindStringIndex on a compiled and used pattern. first/ also
// reports heap-B, the heap still in use after one search, with the
// pattern kept alive, after a garbage collection (see heapKept).
func BenchmarkBigUnicode(b *testing.B) {
	for _, bc := range bigUnicodeCases {
		b.Run(bc.name, func(b *testing.B) {
			want := std.MustCompile(bc.pattern).FindStringIndex(bigUnicodeText)
			if got := regexp.MustCompile(bc.pattern).FindStringIndex(bigUnicodeText); !reflect.DeepEqual(got, want) {
				b.Fatalf("%#q: rerepl answers %v, std %v", bc.pattern, got, want)
			}
			b.Run("compile", func(b *testing.B) {
				for _, e := range shortEngines {
					b.Run(e.name, func(b *testing.B) {
						b.ReportAllocs()
						for b.Loop() {
							if _, err := e.compile(bc.pattern); err != nil {
								b.Fatal(err)
							}
						}
					})
				}
			})
			b.Run("first", func(b *testing.B) {
				for _, e := range shortEngines {
					b.Run(e.name, func(b *testing.B) {
						kept := heapKept(b, e.compile, bc.pattern)
						b.ReportAllocs()
						for b.Loop() {
							re, err := e.compile(bc.pattern)
							if err != nil {
								b.Fatal(err)
							}
							re.FindStringIndex(bigUnicodeText)
						}
						// After the loop: starting it resets the
						// metrics reported so far.
						b.ReportMetric(float64(kept), "heap-B")
					})
				}
			})
			b.Run("warm", func(b *testing.B) {
				for _, e := range shortEngines {
					b.Run(e.name, func(b *testing.B) {
						re, err := e.compile(bc.pattern)
						if err != nil {
							b.Fatal(err)
						}
						re.FindStringIndex(bigUnicodeText)
						b.ReportAllocs()
						for b.Loop() {
							re.FindStringIndex(bigUnicodeText)
						}
					})
				}
			})
		})
	}
}

// heapKept returns how many bytes of heap compiling pattern and running
// one FindStringIndex on bigUnicodeText leave in use while the compiled
// pattern is alive, after one garbage collection. Memory a pattern keeps
// in pools for its next search (both libraries do) survives one
// collection and is counted. Process-wide caches filled by an earlier
// compile of the same pattern are not: call it after the pattern has
// been compiled once.
func heapKept(tb testing.TB, compile func(string) (shortRegex, error), pattern string) uint64 {
	tb.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	re, err := compile(pattern)
	if err != nil {
		tb.Fatal(err)
	}
	re.FindStringIndex(bigUnicodeText)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(re)
	if after.HeapAlloc < before.HeapAlloc {
		return 0
	}
	return after.HeapAlloc - before.HeapAlloc
}
