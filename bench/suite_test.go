package bench

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// testPrefix is how much of each text TestWorkloadsAgree searches: enough
// to hold matches for every workload, little enough that the check stays
// quick under the race detector, where the quadratic workload is slowest.
const testPrefix = 2 << 10

// TestWorkloadsAgree runs every workload once on the start of its text and
// checks that both engines give the same answer, so a plain go test catches
// a workload the benchmarks would reject, without timing anything.
func TestWorkloadsAgree(t *testing.T) {
	for _, w := range workloads {
		name := w.group
		if w.name != "" {
			name += "/" + w.name
		}
		t.Run(name, func(t *testing.T) {
			w := w.workload
			w.pattern = w.resolvePattern(t)
			full := prepare(t, w.text)
			cut := truncateAtLine(full.bytes, testPrefix)
			in := input{bytes: cut, str: string(cut), lines: lines(cut)}
			compiled := make([]regex, len(engines))
			for i, e := range engines {
				re, err := e.compile(w.pattern)
				if err != nil {
					t.Fatalf("%s: Compile(%q): %v", e.name, w.pattern, err)
				}
				compiled[i] = re
			}
			if err := agree(w, compiled, in); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestGeneratedTexts checks the stand-ins: the same bytes on every call,
// valid UTF-8 where the real text is, and the words the workloads look
// for present, so the generated suite measures matching, not just scanning.
func TestGeneratedTexts(t *testing.T) {
	tests := []struct {
		name     string
		generate func() []byte
		contains []string
	}{
		{"english", func() []byte { return englishText(64 << 10) }, []string{"Sherlock Holmes", "Watson", "the "}},
		{"russian", func() []byte { return russianText(64 << 10) }, []string{"Шерлок Холмс", "Ватсон"}},
		{"chinese", func() []byte { return chineseText(64 << 10) }, []string{"一", "。"}},
		{"fasta", func() []byte { return fastaText(64 << 10) }, []string{">ONE Homo sapiens alu\n", ">THREE", "gggtaaa"}},
		{"unicodeData", func() []byte { return unicodeDataText(64 << 10) }, []string{"0041;CHARACTER 0041;Lu;0;L;;;;;N;;;;0061;\n"}},
		{"logs", func() []byte { return logText(64 << 10) }, []string{"Z INFO  api-", " GET /", "?q="}},
		{"dates", func() []byte { return sprinkleDates(englishText(64 << 10)) }, []string{"-0", "/1", ", 19"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, second := tt.generate(), tt.generate()
			if !bytes.Equal(first, second) {
				t.Fatal("two calls generated different text")
			}
			if !utf8.Valid(first) {
				t.Error("generated text is not valid UTF-8")
			}
			for _, s := range tt.contains {
				if !bytes.Contains(first, []byte(s)) {
					t.Errorf("generated text lacks %q", s)
				}
			}
		})
	}
}

// TestTruncateAtLine checks that texts are cut at a line end, and only
// when they are too long.
func TestTruncateAtLine(t *testing.T) {
	tests := []struct {
		text  string
		limit int
		want  string
	}{
		{"ab\ncd\nef\n", 100, "ab\ncd\nef\n"},
		{"ab\ncd\nef\n", 7, "ab\ncd\n"},
		{"ab\ncd\nef\n", 6, "ab\ncd\n"},
		{"ab\ncd\nef\n", 5, "ab\n"},
		{"abcdef", 3, "abc"}, // no line end to cut at
	}
	for _, tt := range tests {
		if got := string(truncateAtLine([]byte(tt.text), tt.limit)); got != tt.want {
			t.Errorf("truncateAtLine(%q, %d) = %q, want %q", tt.text, tt.limit, got, tt.want)
		}
	}
}
