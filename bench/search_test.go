package bench

import (
	std "regexp"
	"slices"
	"strings"
	"testing"
)

// The workloads, grouped by the Benchmark function that runs them. A
// workload with a name runs as BenchmarkGroup/name/std and .../rerepl; one
// without runs as BenchmarkGroup/std and BenchmarkGroup/rerepl.
var workloads = []struct {
	group string
	workload
}{
	// Finding a name in a novel: a literal, the same ignoring case, and
	// a handful of names at once.
	{"Literal", workload{pattern: `Sherlock Holmes`, text: sherlock, op: findAll}},
	{"LiteralFold", workload{pattern: `(?i)Sherlock Holmes`, text: sherlock, op: findAll}},
	{"Names", workload{pattern: `Sherlock|Holmes|Watson|Irene|Adler`, text: sherlock, op: findAll}},

	// A word list, as a spam filter or a highlighter builds one: a few
	// thousand words taken from the text itself (see dictionaryPattern).
	{"Dictionary", workload{makePattern: dictionaryPattern, text: sherlock, op: findAll}},

	// Word counting.
	{"Words", workload{pattern: `\w+`, text: sherlock, op: findAll}},

	// Non-ASCII text: long Cyrillic words, a Cyrillic name ignoring case
	// (folding is not ASCII-only), and runs of Chinese characters.
	{"Russian", workload{name: "longWords", pattern: `\p{L}{8,13}`, text: subtitlesRU, op: findAll}},
	{"Russian", workload{name: "nameFold", pattern: `(?i)Шерлок Холмс`, text: subtitlesRU, op: findAll}},
	{"Han", workload{pattern: `\p{Han}+`, text: subtitlesZH, op: findAll}},

	// A literal inside classes on both sides, where a literal search
	// finds the candidates but the match starts before the literal.
	{"HolmesContext", workload{name: "before", pattern: `\w+\s+Holmes`, text: sherlock, op: findAll}},
	{"HolmesContext", workload{name: "around", pattern: `\w+\s+Holmes\s+\w+`, text: sherlock, op: findAll}},

	// Dates in three formats scattered through prose.
	{"Dates", workload{
		pattern: `\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}, \d{4}`,
		text:    datedProse,
		op:      findAll,
	}},

	// Extracting fields: five groups from every log line; all fifteen
	// fields of every UnicodeData.txt record; the first three words of
	// every line of a book, matched one line at a time.
	{"LogFields", workload{
		pattern: `(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) +(DEBUG|INFO|WARN|ERROR) +(api-\d+) (GET|POST|PUT|DELETE) (\S+)`,
		text:    logLines,
		op:      findAllStringSubmatch,
	}},
	{"UnicodeDataFields", workload{
		pattern: `(?m)^` + strings.Repeat(`([^;\n]*);`, 14) + `([^;\n]*)$`,
		text:    unicodeData,
		op:      findAllSubmatch,
	}},
	{"LineWords", workload{pattern: `^ *(\w+) +(\w+) +(\w+)`, text: sherlock, op: eachLineSubmatch}},

	// Forms that make backtracking engines take polynomial or exponential
	// time. The last is quadratic for every engine when all matches are
	// wanted: each one-byte match is found only after the longer branch
	// has read the rest of the text.
	{"Hostile", workload{name: "dotStars", pattern: `.*.*=.*`, text: logLines, op: findAll}},
	{"Hostile", workload{name: "altStar", pattern: `(a|aa)*b`, text: runOfa, op: findAll}},
	{"Hostile", workload{name: "allOnRun", pattern: `.*[^A-Z]|[A-Z]`, text: runOfA, op: findAll}},

	// regex-redux from the benchmarks game: strip headers and line breaks,
	// then count the variants of a DNA motif and its reverse complement,
	// ignoring case.
	{"DNA", workload{name: "strip", pattern: `>.*\n|\n`, text: fasta, op: replaceAllEmpty}},
	{"DNA", workload{name: "variant1", pattern: `(?i)agggtaaa|tttaccct`, text: fastaStripped, op: findAll}},
	{"DNA", workload{name: "variant2", pattern: `(?i)[cgt]gggtaaa|tttaccc[acg]`, text: fastaStripped, op: findAll}},
	{"DNA", workload{name: "variant3", pattern: `(?i)a[act]ggtaaa|tttacc[agt]t`, text: fastaStripped, op: findAll}},
	{"DNA", workload{name: "variant4", pattern: `(?i)ag[act]gtaaa|tttac[agt]ct`, text: fastaStripped, op: findAll}},
	{"DNA", workload{name: "variant5", pattern: `(?i)agg[act]taaa|ttta[agt]cct`, text: fastaStripped, op: findAll}},
	{"DNA", workload{name: "variant6", pattern: `(?i)aggg[acg]aaa|ttt[cgt]ccct`, text: fastaStripped, op: findAll}},
	{"DNA", workload{name: "variant7", pattern: `(?i)agggt[cgt]aa|tt[acg]accct`, text: fastaStripped, op: findAll}},
	{"DNA", workload{name: "variant8", pattern: `(?i)agggta[cgt]a|t[acg]taccct`, text: fastaStripped, op: findAll}},
	{"DNA", workload{name: "variant9", pattern: `(?i)agggtaa[cgt]|[acg]ttaccct`, text: fastaStripped, op: findAll}},

	// Scanning a megabyte for something that is not there: the cost of
	// the search loop itself.
	{"NoMatch", workload{name: "literal", pattern: `zqzqzq`, text: prose1MB, op: findAll}},
	{"NoMatch", workload{name: "upper20", pattern: `[A-Z]{20}`, text: prose1MB, op: findAll}},
}

// fastaStripped is the regex-redux input with its header lines and line
// breaks removed, as the variant counts see it. The reference engine does
// the stripping once, before any timing.
var fastaStripped = &haystack{
	file:     fasta.file,
	generate: fasta.generate,
	derive: func(b []byte) ([]byte, error) {
		return std.MustCompile(`>.*\n|\n`).ReplaceAll(b, nil), nil
	},
}

// dictionarySize is how many words the dictionary alternation holds.
const dictionarySize = 3000

// dictionaryPattern returns an alternation of the first dictionarySize
// distinct words of three or more letters in the novel, sorted, as a word
// list file would hold them. Sorting also lets the parser factor common
// prefixes into a trie; in order of appearance the standard library
// would follow thousands of threads per byte and take minutes per search.
func dictionaryPattern(tb testing.TB) string {
	text := prepare(tb, sherlock).str
	seen := make(map[string]bool)
	var words []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
	}) {
		if len(w) >= 3 && !seen[w] {
			seen[w] = true
			words = append(words, w)
			if len(words) == dictionarySize {
				break
			}
		}
	}
	slices.Sort(words)
	return strings.Join(words, "|")
}

// runGroup runs every workload of the group as sub-benchmarks of b.
func runGroup(b *testing.B, group string) {
	found := false
	for _, w := range workloads {
		if w.group != group {
			continue
		}
		found = true
		key := group + "/" + w.name
		w.workload.pattern = w.resolvePattern(b)
		if w.name == "" {
			run(b, key, w.workload)
			continue
		}
		b.Run(w.name, func(b *testing.B) { run(b, key, w.workload) })
	}
	if !found {
		b.Fatalf("no workloads in group %s", group)
	}
}

func BenchmarkLiteral(b *testing.B)           { runGroup(b, "Literal") }
func BenchmarkLiteralFold(b *testing.B)       { runGroup(b, "LiteralFold") }
func BenchmarkNames(b *testing.B)             { runGroup(b, "Names") }
func BenchmarkDictionary(b *testing.B)        { runGroup(b, "Dictionary") }
func BenchmarkWords(b *testing.B)             { runGroup(b, "Words") }
func BenchmarkRussian(b *testing.B)           { runGroup(b, "Russian") }
func BenchmarkHan(b *testing.B)               { runGroup(b, "Han") }
func BenchmarkHolmesContext(b *testing.B)     { runGroup(b, "HolmesContext") }
func BenchmarkDates(b *testing.B)             { runGroup(b, "Dates") }
func BenchmarkLogFields(b *testing.B)         { runGroup(b, "LogFields") }
func BenchmarkUnicodeDataFields(b *testing.B) { runGroup(b, "UnicodeDataFields") }
func BenchmarkLineWords(b *testing.B)         { runGroup(b, "LineWords") }
func BenchmarkHostile(b *testing.B)           { runGroup(b, "Hostile") }
func BenchmarkDNA(b *testing.B)               { runGroup(b, "DNA") }
func BenchmarkNoMatch(b *testing.B)           { runGroup(b, "NoMatch") }
