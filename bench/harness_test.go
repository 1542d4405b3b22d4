package bench

import (
	"fmt"
	"reflect"
	std "regexp"
	"sync"
	"testing"

	"github.com/rerepl/rerepl/regexp"
)

// regex is the part of the regexp API the workloads call. Both the
// standard library's *Regexp and ours satisfy it, so one workload body
// runs unchanged on either; the interface call costs nothing next to a
// search.
type regex interface {
	Match(b []byte) bool
	FindIndex(b []byte) []int
	FindSubmatchIndex(b []byte) []int
	FindAllIndex(b []byte, n int) [][]int
	FindAllSubmatchIndex(b []byte, n int) [][]int
	FindAllStringSubmatch(s string, n int) [][]string
	ReplaceAll(src, repl []byte) []byte
}

// An engine is one implementation under measurement.
type engine struct {
	name    string
	compile func(pattern string) (regex, error)
}

// engines are measured in this order, so each pair of lines in the output
// reads reference first.
var engines = []engine{
	{"std", func(p string) (regex, error) {
		re, err := std.Compile(p)
		if err != nil {
			return nil, err // not a typed nil inside the interface
		}
		return re, nil
	}},
	{"rerepl", func(p string) (regex, error) {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, err
		}
		return re, nil
	}},
}

// A workload is one realistic use of a regex: a pattern, the text it is
// run on, and the operation timed.
type workload struct {
	name    string // the sub-benchmark name under its Benchmark function
	pattern string
	// makePattern, if set, builds the pattern from the texts instead.
	makePattern func(tb testing.TB) string
	text        *haystack
	// op runs the measured operation and returns its whole answer, which
	// must be the same on both engines. text is what the haystack
	// prepares for op; SetBytes reports len(text.bytes).
	op func(re regex, text input) any
}

// resolvePattern returns the workload's pattern, building it if needed.
func (w *workload) resolvePattern(tb testing.TB) string {
	if w.makePattern != nil {
		return w.makePattern(tb)
	}
	return w.pattern
}

// input is a haystack as an operation consumes it: the whole text, and
// the same as a string, and the text cut into lines for workloads that
// match line by line. All are made before timing starts.
type input struct {
	bytes []byte
	str   string
	lines [][]byte
}

// inputs caches the prepared form of each haystack.
var inputs sync.Map // *haystack -> input

func prepare(tb testing.TB, h *haystack) input {
	tb.Helper()
	if in, ok := inputs.Load(h); ok {
		return in.(input)
	}
	data := h.load(tb)
	in := input{bytes: data, str: string(data), lines: lines(data)}
	inputs.Store(h, in)
	return in
}

// verified records the workloads whose answers already agreed, so that
// -count=N checks each one once rather than N times.
var verified sync.Map // workload name -> true

// run measures w on every engine as the sub-benchmarks std and rerepl.
// Patterns are compiled, and the engines' answers compared, before any
// timing starts: a fast wrong answer is worth nothing.
func run(b *testing.B, name string, w workload) {
	in := prepare(b, w.text)
	compiled := make([]regex, len(engines))
	for i, e := range engines {
		re, err := e.compile(w.pattern)
		if err != nil {
			b.Fatalf("%s: Compile(%q): %v", e.name, w.pattern, err)
		}
		compiled[i] = re
	}
	if _, done := verified.Load(name); !done {
		if err := agree(w, compiled, in); err != nil {
			b.Fatal(err)
		}
		verified.Store(name, true)
	}
	for i, e := range engines {
		re := compiled[i]
		b.Run(e.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.bytes)))
			b.ReportAllocs()
			for b.Loop() {
				w.op(re, in)
			}
		})
	}
}

// agree runs w once on every engine and reports the first engine whose
// answer differs from the standard library's.
func agree(w workload, compiled []regex, in input) error {
	want := w.op(compiled[0], in)
	for i := 1; i < len(engines); i++ {
		if got := w.op(compiled[i], in); !reflect.DeepEqual(got, want) {
			return fmt.Errorf("%s on %q: %s answers %s, %s answers %s",
				w.name, w.pattern, engines[i].name, summarize(got), engines[0].name, summarize(want))
		}
	}
	return nil
}

// summarize describes an answer briefly enough for a failure message.
func summarize(answer any) string {
	switch a := answer.(type) {
	case [][]int:
		if len(a) > 3 {
			return fmt.Sprintf("%d matches, first %v", len(a), a[:3])
		}
		return fmt.Sprintf("%d matches %v", len(a), a)
	case [][]string:
		if len(a) > 2 {
			return fmt.Sprintf("%d matches, first %q", len(a), a[:2])
		}
		return fmt.Sprintf("%d matches %q", len(a), a)
	case []byte:
		return fmt.Sprintf("%d bytes", len(a))
	}
	return fmt.Sprint(answer)
}

// The operations the workloads time.

// findAll finds every match: the most common use, counting occurrences.
func findAll(re regex, in input) any { return re.FindAllIndex(in.bytes, -1) }

// findAllSubmatch finds every match with the position of every group.
func findAllSubmatch(re regex, in input) any { return re.FindAllSubmatchIndex(in.bytes, -1) }

// findAllStringSubmatch extracts every match's groups as strings, as a
// log parser does.
func findAllStringSubmatch(re regex, in input) any {
	return re.FindAllStringSubmatch(in.str, -1)
}

// eachLineSubmatch matches every line on its own, as a program reading a
// file line by line does, and returns a digest of every group's position.
func eachLineSubmatch(re regex, in input) any {
	var d digest
	for _, line := range in.lines {
		d.add(re.FindSubmatchIndex(line))
	}
	return d
}

// replaceAllEmpty deletes every match, as regex-redux does with its
// headers and line breaks.
func replaceAllEmpty(re regex, in input) any { return re.ReplaceAll(in.bytes, nil) }

// A digest folds match positions into two numbers: a count and an
// order-sensitive hash. It lets a per-line workload be checked without
// keeping every answer, which would time the bookkeeping too.
type digest struct {
	matches int
	hash    uint64
}

func (d *digest) add(loc []int) {
	if loc == nil {
		d.hash = d.hash*1099511628211 + 1
		return
	}
	d.matches++
	for _, x := range loc {
		d.hash = d.hash*1099511628211 + uint64(x+2)
	}
}
