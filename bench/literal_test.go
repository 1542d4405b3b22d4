package bench

import (
	"strings"
	"testing"
)

// The literal-search workloads of issue 13: one name in three scripts, the
// same ignoring case, and alternations of 5, 20 and 64 literals. They run as
// BenchmarkLiterals/<name>/std and .../rerepl, and since they join the
// suite's workloads, TestWorkloadsAgree and TestStrategies cover them too.
func init() {
	for _, w := range literalWorkloads {
		workloads = append(workloads, struct {
			group string
			workload
		}{"Literals", w})
	}
}

// englishNames, chineseNames: five characters of the stories, as a reader
// would look for them.
const (
	englishNames = `Sherlock Holmes|John Watson|Irene Adler|Inspector Lestrade|Professor Moriarty`
	chineseNames = `夏洛克·福尔摩斯|约翰华生|阿德勒|雷斯垂德|莫里亚蒂教授`
)

// englishWords are 64 words of subtitle English from common to rare, for
// alternations of 20 and 64 literals that match often.
var englishWords = strings.Fields(`Sherlock Holmes Watson doctor Baker Street London
murder police inspector nothing something everything because before after
always never tomorrow yesterday morning evening tonight husband brother sister
mother father children friend really believe remember understand important
trouble problem question answer letter window money business beautiful
wonderful terrible listen please thank sorry welcome goodbye darling captain
sergeant detective evidence mystery killer weapon poison blood station
hospital`)

var literalWorkloads = []workload{
	{name: "en", pattern: `Sherlock Holmes`, text: subtitlesEN, op: findAll},
	{name: "ru", pattern: `Шерлок Холмс`, text: subtitlesRU, op: findAll},
	{name: "zh", pattern: `夏洛克·福尔摩斯`, text: subtitlesZH, op: findAll},
	{name: "foldEN", pattern: `(?i)Sherlock Holmes`, text: subtitlesEN, op: findAll},
	{name: "names5EN", pattern: englishNames, text: subtitlesEN, op: findAll},
	{name: "names5ZH", pattern: chineseNames, text: subtitlesZH, op: findAll},
	{name: "names5FoldEN", pattern: `(?i)` + englishNames, text: subtitlesEN, op: findAll},
	{name: "words20", pattern: strings.Join(englishWords[:20], "|"), text: subtitlesEN, op: findAll},
	{name: "words64", pattern: strings.Join(englishWords, "|"), text: subtitlesEN, op: findAll},
}

func BenchmarkLiterals(b *testing.B) { runGroup(b, "Literals") }
