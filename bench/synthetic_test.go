package bench

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The generators below make deterministic stand-ins for the real texts:
// the same seed gives the same bytes on every machine, and each text has
// the character that decides how fast a regex engine runs on it (the
// alphabet, the word lengths, how often the searched words occur).

// newRand returns a generator seeded for one kind of text. Separate seeds
// keep one generator's changes from shifting another's output.
func newRand(seed int64) *rand.Rand { return rand.New(rand.NewSource(seed)) }

// commonEnglish are frequent English words, with the names the workloads
// search for, so that they match about as often as in the novel.
var commonEnglish = strings.Fields(`the of and to a in that it was he I his you
with for had is not as at on be my her which by but have from this him all
she they were so said one there an or me what no would upon been we could
if their very into out some little man who then well know more do up down
when your did about them now see any time over than only before must should
like come such may think here these old other way how again made came never
hand nothing through face room eyes door house night Sherlock Holmes Watson
Irene Adler Lestrade Baker Street London matter case lady gentleman friend
letter paper window morning evening street police inspector remarked cried`)

// syllables build invented words, so the vocabulary is large and the
// word lengths vary the way English ones do.
var syllables = strings.Fields(`ba be bi bo ca ce co da de di do fa fe fi ga
ge ha he hi ho la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa
se si so ta te ti to va ve vi wa we wi an en in on ar er or st th ch sh ng ly`)

// inventWords returns n distinct invented words of two to four syllables.
func inventWords(r *rand.Rand, n int) []string {
	seen := make(map[string]bool, n)
	words := make([]string, 0, n)
	for len(words) < n {
		var b strings.Builder
		for k := 2 + r.Intn(3); k > 0; k-- {
			b.WriteString(syllables[r.Intn(len(syllables))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

// wordSource draws words with a Zipf-like skew: a few very common words,
// a long tail of rare ones, as in real prose.
type wordSource struct {
	words []string
	zipf  *rand.Zipf
}

func newWordSource(r *rand.Rand, words []string) *wordSource {
	return &wordSource{words: words, zipf: rand.NewZipf(r, 1.1, 2, uint64(len(words)-1))}
}

func (s *wordSource) next() string { return s.words[s.zipf.Uint64()] }

// wrapWriter lays words out in lines of at most width bytes, like the
// fixed-width lines of a Project Gutenberg book.
type wrapWriter struct {
	buf   bytes.Buffer
	col   int
	width int
}

func (w *wrapWriter) word(s string) {
	if w.col > 0 && w.col+1+len(s) > w.width {
		w.buf.WriteByte('\n')
		w.col = 0
	}
	if w.col > 0 {
		w.buf.WriteByte(' ')
		w.col++
	}
	w.buf.WriteString(s)
	w.col += utf8.RuneCountInString(s)
}

func (w *wrapWriter) paragraph() {
	w.buf.WriteString("\n\n")
	w.col = 0
}

// englishText returns about size bytes of English-like prose: sentences
// of common and invented words, capitalised, punctuated, wrapped at 70
// columns, in paragraphs, with "Sherlock Holmes" now and then.
func englishText(size int) []byte {
	r := newRand(1)
	vocab := append(append([]string(nil), commonEnglish...), inventWords(r, 6000)...)
	src := newWordSource(r, vocab)
	w := &wrapWriter{width: 70}
	for w.buf.Len() < size {
		n := 6 + r.Intn(18)
		for i := 0; i < n; i++ {
			word := src.next()
			if r.Intn(150) == 0 {
				word = "Sherlock Holmes"
			}
			if i == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			}
			if i == n-1 {
				word += [...]string{".", ".", ".", "?", "!"}[r.Intn(5)]
			} else if r.Intn(12) == 0 {
				word += ","
			}
			w.word(word)
		}
		if r.Intn(6) == 0 {
			w.paragraph()
		}
	}
	return w.buf.Bytes()
}

// russianWords are Cyrillic words of the kinds subtitles use, with the
// detective's name in the cases the workloads look for.
var russianWords = strings.Fields(`я ты он она мы вы они это что как так да нет
не на в с и но а к по за из от до для мне тебе его её нам вам было будет
хорошо знаю думаю может нужно сейчас здесь там всегда никогда спасибо
пожалуйста простите послушайте подождите господин доктор инспектор улица
дом дверь окно письмо деньги убийство преступление расследование
доказательство свидетель полиция Лондон Ватсон Шерлок Холмс мистер миссис`)

// russianText returns about size bytes of Cyrillic subtitle-like lines.
func russianText(size int) []byte {
	r := newRand(2)
	src := newWordSource(r, russianWords)
	var b bytes.Buffer
	for b.Len() < size {
		n := 2 + r.Intn(9)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			word := src.next()
			if r.Intn(200) == 0 {
				word = [...]string{"Шерлок Холмс", "шерлок холмс", "ШЕРЛОК ХОЛМС"}[r.Intn(3)]
			}
			if i == 0 {
				first, n := utf8.DecodeRuneInString(word)
				word = string(unicode.ToUpper(first)) + word[n:]
			}
			b.WriteString(word)
		}
		b.WriteString([...]string{".\n", "?\n", "!\n", "...\n", ",\n"}[r.Intn(5)])
	}
	return b.Bytes()
}

// chineseText returns about size bytes of CJK subtitle-like lines: runs of
// Han characters (common ones far more often) with Chinese punctuation and
// the odd ASCII number or name.
func chineseText(size int) []byte {
	r := newRand(3)
	var b bytes.Buffer
	for b.Len() < size {
		n := 3 + r.Intn(15)
		for i := 0; i < n; i++ {
			// Most text uses a few hundred characters; the rest of the
			// unified block appears rarely.
			if r.Intn(10) < 8 {
				b.WriteRune(0x4E00 + rune(r.Intn(500)))
			} else {
				b.WriteRune(0x4E00 + rune(r.Intn(0x9FA5-0x4E00)))
			}
			switch r.Intn(40) {
			case 0:
				b.WriteString("，")
			case 1:
				fmt.Fprintf(&b, " %d ", r.Intn(2000))
			case 2:
				b.WriteString(" Holmes ")
			}
		}
		b.WriteString([...]string{"。\n", "？\n", "！\n", "\n"}[r.Intn(4)])
	}
	return b.Bytes()
}

// fastaText returns about size bytes in the form of the regex-redux input:
// three sequences with '>' header lines and 60-column lines of bases,
// mixed upper and lower case, the second with IUB ambiguity codes.
func fastaText(size int) []byte {
	r := newRand(4)
	var b bytes.Buffer
	sections := []struct {
		header, alphabet string
	}{
		{">ONE Homo sapiens alu", "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCA"},
		{">TWO IUB ambiguity codes", "cttBtatcatatgctaKggNcataaaSatgtaaaDcDRtBggDtctttataattcBgtcg"},
		{">THREE Homo sapiens frequency", "aaccttaaggactttgatgggtaaatccacct"},
	}
	// Random bases alone would almost never spell the eight-base motifs
	// the variant workloads count, so now and then one is planted, across
	// line breaks like any other run of bases.
	motifs := strings.Fields(`agggtaaa tttaccct cgggtaaa tttacccg acggtaaa
tttaccat agagtaaa tttactct aggataaa tttatcct agggcaaa tttgccct agggtcaa
ttgaccct agggtaca tcgtaccct agggtaat attaccct`)
	for i, s := range sections {
		b.WriteString(s.header)
		b.WriteByte('\n')
		end := size * (i + 1) / len(sections)
		var planted string
		for col := 0; b.Len() < end; col++ {
			if col == 60 {
				b.WriteByte('\n')
				col = 0
			}
			if planted == "" && r.Intn(3000) == 0 {
				planted = motifs[r.Intn(len(motifs))]
			}
			if planted != "" {
				b.WriteByte(planted[0])
				planted = planted[1:]
				continue
			}
			b.WriteByte(s.alphabet[r.Intn(len(s.alphabet))])
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// unicodeDataText returns about size bytes of lines in the format of
// UnicodeData.txt (15 semicolon-separated fields), made from the Unicode
// tables of the running Go.
func unicodeDataText(size int) []byte {
	var b bytes.Buffer
	for c := rune(0); c <= unicode.MaxRune && b.Len() < size; c++ {
		cat := generalCategory(c)
		if cat == "" {
			continue
		}
		hex := func(r rune) string {
			if r == c {
				return ""
			}
			return fmt.Sprintf("%04X", r)
		}
		digit := ""
		if unicode.IsDigit(c) {
			digit = fmt.Sprint(c % 10)
		}
		fmt.Fprintf(&b, "%04X;CHARACTER %04X;%s;0;L;;%s;%s;%s;N;;;%s;%s;%s\n",
			c, c, cat, digit, digit, digit,
			hex(unicode.ToUpper(c)), hex(unicode.ToLower(c)), hex(unicode.ToTitle(c)))
	}
	return b.Bytes()
}

// generalCategory returns the two-letter category of c, or "" for an
// unassigned code point.
func generalCategory(c rune) string {
	for _, name := range []string{"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me",
		"Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
		"Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Co"} {
		if unicode.Is(unicode.Categories[name], c) {
			return name
		}
	}
	return ""
}

// monthNames are the months as the date workload spells them.
var monthNames = strings.Fields(`January February March April May June July
August September October November December`)

// sprinkleDates returns prose with a date inserted after about one word in
// forty, in one of the three formats the date workload recognises.
func sprinkleDates(prose []byte) []byte {
	r := newRand(5)
	words := bytes.SplitAfter(prose, []byte(" "))
	var b bytes.Buffer
	b.Grow(len(prose) + len(prose)/10)
	for _, w := range words {
		b.Write(w)
		if r.Intn(40) != 0 {
			continue
		}
		y, m, d := 1850+r.Intn(200), 1+r.Intn(12), 1+r.Intn(28)
		switch r.Intn(3) {
		case 0:
			fmt.Fprintf(&b, "%04d-%02d-%02d ", y, m, d)
		case 1:
			fmt.Fprintf(&b, "%02d/%02d/%04d ", m, d, y)
		default:
			fmt.Fprintf(&b, "%s %d, %d ", monthNames[m-1], d, y)
		}
	}
	return b.Bytes()
}

// logText returns about size bytes of web-service log lines: timestamp,
// level, service, method, path, status, duration and user agent.
func logText(size int) []byte {
	r := newRand(6)
	levels := []string{"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"}
	methods := []string{"GET", "GET", "GET", "POST", "PUT", "DELETE"}
	paths := []string{"/api/v1/users/%d", "/api/v1/orders/%d/items", "/static/app.%d.js",
		"/healthz", "/api/v2/search?q=item%d&page=2", "/login"}
	agents := []string{"Mozilla/5.0 (X11; Linux x86_64)", "curl/8.4.0", "Go-http-client/1.1",
		"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1)"}
	var b bytes.Buffer
	for sec := 0; b.Len() < size; sec += r.Intn(3) {
		path := paths[r.Intn(len(paths))]
		if strings.Contains(path, "%d") {
			path = fmt.Sprintf(path, r.Intn(100000))
		}
		fmt.Fprintf(&b, "2024-03-%02dT%02d:%02d:%02d.%03dZ %-5s api-%d %s %s %d %dms \"%s\"\n",
			1+sec/86400%28, sec/3600%24, sec/60%60, sec%60, r.Intn(1000),
			levels[r.Intn(len(levels))], r.Intn(8), methods[r.Intn(len(methods))], path,
			[...]int{200, 200, 200, 201, 204, 301, 404, 500}[r.Intn(8)], r.Intn(900),
			agents[r.Intn(len(agents))])
	}
	return b.Bytes()
}
