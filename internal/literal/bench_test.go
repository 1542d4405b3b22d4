package literal

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// benchText is about 1 MB of English-like words with some punctuation,
// digits and accented letters, in which the searched literals are rare.
var benchText = func() []byte {
	words := strings.Fields(`the of and to in is was that he for it with as his on be at by had
		not are but from or have an they which one you were her all she there would their we him
		been has when who will more no if out so said what up its about into than them can only
		other new some could time these two may then do first any my now such like our over man
		me even most made after also did many before must through back years where much your way
		well down should because each just those people mr how too little state good very make
		world still own see men work long get here between both life being under never day same
		another know while last might us great old year off come since against go came right used
		take three café naïve 1999 2024 x=1; f(x) {}`)
	r := rand.New(rand.NewPCG(11, 12))
	var b bytes.Buffer
	for b.Len() < 1<<20 {
		b.WriteString(words[r.IntN(len(words))])
		switch r.IntN(12) {
		case 0:
			b.WriteString(".\n")
		case 1:
			b.WriteString(", ")
		default:
			b.WriteByte(' ')
		}
	}
	b.WriteString("Sherlock Holmes")
	return b.Bytes()
}()

func benchSearcher(b *testing.B, s Searcher) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		for pos := 0; ; {
			_, end, ok := s.Find(benchText, pos)
			if !ok {
				break
			}
			pos = end
		}
	}
}

func BenchmarkMemmemRareByte(b *testing.B) { benchSearcher(b, newMemmem([]byte("Holmes"))) }

func BenchmarkBytesIndex(b *testing.B) {
	lit := []byte("Holmes")
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		bytes.Index(benchText, lit)
	}
}

func BenchmarkMemmemCommonFirstByte(b *testing.B) {
	benchSearcher(b, newMemmem([]byte("the Sherlock")))
}

func BenchmarkAhoCorasickSmallSet(b *testing.B) {
	words := [][]byte{[]byte("Sherlock"), []byte("Holmes"), []byte("Watson"), []byte("Moriarty"), []byte("Lestrade")}
	benchSearcher(b, newAhoCorasick(words, false))
}

func BenchmarkFoldLiteral(b *testing.B) {
	benchSearcher(b, NewMatcher(parse(b, `(?i)sherlock holmes`), false))
}

func BenchmarkStdFoldLiteral(b *testing.B) {
	re := regexp.MustCompile(`(?i)sherlock holmes`)
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		re.FindAllIndex(benchText, -1)
	}
}

// matcherPatterns are the patterns BenchmarkNewMatcher builds matchers for:
// case-insensitive alternations that expand to hundreds of ASCII spellings,
// their case-sensitive and class-mixed relatives, a long fold literal, small
// word sets and a dictionary.
var matcherPatterns = []struct{ name, pattern string }{
	{"FoldDNA", `(?i)agggtaaa|tttaccct`},
	{"DNA", `agggtaaa|tttaccct`},
	{"FoldLiteral", `(?i)sherlock holmes`},
	{"Names", `Sherlock|Holmes|Watson|Irene|Adler`},
	{"FoldDNAClass", `(?i)[ag]ggtaaa|tttacc[ct]`},
	{"FoldNames", `(?i)Holmes|Watson`},
	{"Dictionary", dictionaryPattern()},
}

// dictionaryPattern returns an alternation of 3000 pseudo-random words.
func dictionaryPattern() string {
	r := rand.New(rand.NewPCG(13, 14))
	words := make([]string, 3000)
	for i := range words {
		words[i] = string(randomBytes(r, []string{"a", "b", "c", "d", "e", "é", "n", "o", "r", "s", "t"}, 3+r.IntN(6)))
	}
	return strings.Join(words, "|")
}

// BenchmarkNewMatcher measures building the pure literal matcher, which a
// compiled pattern pays on its first use.
func BenchmarkNewMatcher(b *testing.B) {
	benchmarkPatterns(b, func(re *syntax.Regexp) { NewMatcher(re, false) })
}

// BenchmarkExtract measures the prefix, suffix and inner extraction that
// compiling a pattern runs besides NewMatcher.
func BenchmarkExtract(b *testing.B) {
	benchmarkPatterns(b, func(re *syntax.Regexp) { Extract(re) })
}

// benchmarkPatterns runs f on each of matcherPatterns as a sub-benchmark.
func benchmarkPatterns(b *testing.B, f func(re *syntax.Regexp)) {
	for _, p := range matcherPatterns {
		re := parse(b, p.pattern)
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f(re)
			}
		})
	}
}
