package literal

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// alphabets the random literals and haystacks are drawn from: a tiny one
// so that candidates overlap often, multi-byte runes, and invalid bytes.
var searchPieces = []string{
	"a", "b", "e", "e", " ", "ab", "ba", "é", "€", "\xe2", "\x82", "\xff", "z", "\n",
}

func randomBytes(r *rand.Rand, pieces []string, n int) []byte {
	var b []byte
	for range n {
		b = append(b, pieces[r.IntN(len(pieces))]...)
	}
	return b
}

// naiveFind is the obvious search: at each start from from on, the first
// literal (or the longest, with longest) that occurs there.
func naiveFind(lits [][]byte, longest bool, h []byte, from int) (int, int, bool) {
	for start := from; start < len(h); start++ {
		end := -1
		for _, l := range lits {
			if !bytes.HasPrefix(h[start:], l) {
				continue
			}
			if end < 0 || longest && start+len(l) > end {
				end = start + len(l)
			}
			if !longest {
				break
			}
		}
		if end >= 0 {
			return start, end, true
		}
	}
	return 0, 0, false
}

func TestSearchersAgainstNaive(t *testing.T) {
	rounds := 4000
	if testing.Short() {
		rounds = 1000
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range rounds {
		lits := make([][]byte, 1+r.IntN(6))
		if r.IntN(4) == 0 {
			lits = make([][]byte, 1+r.IntN(80))
		}
		for i := range lits {
			lits[i] = randomBytes(r, searchPieces, 1+r.IntN(4))
		}
		h := randomBytes(r, searchPieces, r.IntN(200))
		from := 0
		if len(h) > 0 && r.IntN(3) == 0 {
			from = r.IntN(len(h) + 1)
		}
		for _, longest := range []bool{false, true} {
			var s Searcher
			if len(lits) == 1 {
				s = newSingle(lits[0])
			} else {
				s = newAhoCorasick(lits, longest)
			}
			gs, ge, gok := s.Find(h, from)
			ws, we, wok := naiveFind(lits, longest, h, from)
			if gs != ws || ge != we || gok != wok {
				t.Fatalf("%T%q (longest %v).Find(%q, %d) = %d, %d, %v; want %d, %d, %v",
					s, lits, longest, h, from, gs, ge, gok, ws, we, wok)
			}
		}
		// A prefilter only promises the leftmost start.
		seq := Seq{finite: true}
		for _, l := range lits {
			seq.lits = append(seq.lits, Literal{Bytes: string(l)})
		}
		seq.dedup()
		gs, _, gok := NewPrefilter(seq).Find(h, from)
		ws, _, wok := naiveFind(lits, false, h, from)
		if gs != ws || gok != wok {
			t.Fatalf("NewPrefilter(%v).Find(%q, %d) = %d, %v; want %d, %v", seq, h, from, gs, gok, ws, wok)
		}
	}
}

// TestMemmemAdapts feeds a literal whose table-chosen pair occurs all
// over a text that never holds the literal until its end, so that Find
// must choose another pair from the text, and checks the answers and that
// the choice is kept for the next call.
func TestMemmemAdapts(t *testing.T) {
	lit := []byte("Шерлок Холмс")
	m := newMemmem(lit)
	first := unpackPair(m.pair.Load())
	// Text made of the literal's bytes with the table's pair at its
	// distance everywhere.
	unit := make([]byte, first.o2-first.o1+1)
	for i := range unit {
		unit[i] = ' '
	}
	unit[0], unit[len(unit)-1] = first.b1, first.b2
	h := append(bytes.Repeat(unit, 4000), lit...)
	want := len(h) - len(lit)
	if s, e, ok := m.Find(h, 0); !ok || s != want || e != len(h) {
		t.Fatalf("Find = %d, %d, %v; want %d, %d, true", s, e, ok, want, len(h))
	}
	if got := unpackPair(m.pair.Load()); got == first {
		t.Errorf("pair %+v kept on a text where it is everywhere", got)
	}
	if _, _, ok := m.Find(h, want+1); ok {
		t.Errorf("Find from %d found a match", want+1)
	}
}

// TestMemmemPeriodic compares memmem with bytes.Index on long periodic
// texts over two or three letters, where every pair of the literal keeps
// occurring and Find ends up in bytes.Index.
func TestMemmemPeriodic(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for range 300 {
		period := randomBytes(r, []string{"a", "b", "c"}[:2+r.IntN(2)], 1+r.IntN(6))
		h := bytes.Repeat(period, 1+r.IntN(3000/len(period)))
		lit := randomBytes(r, []string{"a", "b", "c"}, 2+r.IntN(14))
		if r.IntN(2) == 0 {
			// A literal that nearly occurs: the period with one
			// byte changed.
			lit = append(bytes.Repeat(period, 1+r.IntN(4)), 'c')
		}
		if r.IntN(3) == 0 {
			h = append(h, lit...)
		}
		m := newMemmem(lit)
		for from := 0; from <= len(h); from += 1 + r.IntN(500) {
			want := bytes.Index(h[from:], lit)
			s, e, ok := m.Find(h, from)
			if want < 0 {
				if ok {
					t.Fatalf("newMemmem(%q).Find(%d bytes of %q..., %d) = %d; want none", lit, len(h), period, from, s)
				}
				continue
			}
			if !ok || s != from+want || e != s+len(lit) {
				t.Fatalf("newMemmem(%q).Find(%d bytes of %q..., %d) = %d, %d, %v; want %d", lit, len(h), period, from, s, e, ok, from+want)
			}
		}
	}
}

func TestByteSetIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	// Common and rare members, so sets take both the table loop and
	// the IndexByte path.
	pieces := []string{"a", "b", "c", "x", "\xff", "Q", "Z", "J", "W", "@"}
	for range 3000 {
		members := randomBytes(r, pieces, 1+r.IntN(9))
		set := newByteSet(members)
		// Long runs without members exercise the growing window.
		h := randomBytes(r, append([]string{"d", "d", "d", strings.Repeat("d", 40)}, pieces...), r.IntN(300))
		from := r.IntN(len(h) + 1)
		want := -1
		for i := from; i < len(h); i++ {
			if bytes.IndexByte(members, h[i]) >= 0 {
				want = i
				break
			}
		}
		if got := set.index(h, from); got != want {
			t.Fatalf("newByteSet(%q).index(%q, %d) = %d, want %d", members, h, from, got, want)
		}
	}
}

// foldPieces are runes with interesting simple-fold orbits: the Kelvin
// sign, the long s, three sigmas, the three-member orbit of DŽ, ß with its
// capital, the dotless i that folds to nothing, and plain letters.
var foldPieces = []string{
	"k", "K", "\u212a", "s", "S", "ſ", "σ", "ς", "Σ", "Ǆ", "ǅ", "ǆ", "ß", "ẞ",
	"ı", "i", "I", "a", "A", "é", "É", "1", " ",
}

// TestFoldMatcher compares case-insensitive literals with the standard
// library on inputs built from every spelling, plus invalid bytes.
func TestFoldMatcher(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	inputPieces := append(append([]string(nil), foldPieces...), "\xff", "\xe2\x84")
	for range 3000 {
		lit := string(randomBytes(r, foldPieces, 1+r.IntN(4)))
		pattern := `(?i)` + regexp.QuoteMeta(lit)
		std := regexp.MustCompile(pattern)
		m := NewMatcher(parse(t, pattern), false)
		if m == nil {
			t.Fatalf("NewMatcher(%#q) = nil", pattern)
		}
		for range 10 {
			h := randomBytes(r, inputPieces, r.IntN(30))
			compareAll(t, pattern, "fold", h, m, std)
		}
	}
}

// TestSkipTableAgainstNaive checks the Wu-Manber skip in front of
// Aho-Corasick on small sets of long literals, plain and as every ASCII
// case variant of a few bases (searched folded), on texts over a small
// alphabet where prefixes of the literals are everywhere.
func TestSkipTableAgainstNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"a", "c", "g", "t", "A", "C", "G", "T", "\n"}
	rounds := 2000
	if testing.Short() {
		rounds = 300
	}
	for round := range rounds {
		var lits [][]byte
		bases := 1 + r.IntN(4)
		fold := round%2 == 0
		for range bases {
			base := randomBytes(r, alphabet[:4], 6+r.IntN(5))
			if !fold {
				lits = append(lits, randomBytes(r, alphabet[:8], 6+r.IntN(5)))
				continue
			}
			// Every case variant of base, variants of one base
			// together, as (?i) expansion lists them.
			for mask := range 1 << len(base) {
				v := []byte(string(base))
				for k := range v {
					if mask&(1<<k) != 0 {
						v[k] -= 'a' - 'A'
					}
				}
				lits = append(lits, v)
			}
		}
		if round%4 == 2 {
			// Variants of different bases interleaved, as (?i)[cg]x
			// lists them (C.., G.., c.., g..).
			r.Shuffle(len(lits), func(i, j int) { lits[i], lits[j] = lits[j], lits[i] })
		}
		h := randomBytes(r, alphabet, r.IntN(400))
		from := 0
		if len(h) > 0 && r.IntN(3) == 0 {
			from = r.IntN(len(h) + 1)
		}
		for _, longest := range []bool{false, true} {
			a := newAhoCorasick(lits, longest)
			if a.skip == nil && len(lits) <= maxSkipLiterals {
				t.Fatalf("%q: no skip table", lits)
			}
			gs, ge, gok := a.Find(h, from)
			ws, we, wok := naiveFind(lits, longest, h, from)
			if gs != ws || ge != we || gok != wok {
				t.Fatalf("%q (longest %v).Find(%q, %d) = %d, %d, %v; want %d, %d, %v",
					lits, longest, h, from, gs, ge, gok, ws, we, wok)
			}
		}
	}
}
