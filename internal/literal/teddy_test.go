package literal

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestTeddyAgainstNaive compares Teddy with the obvious search on sets of
// 2 to 64 literals over a small alphabet, on texts long enough for the
// vector loops, leftmost-first and leftmost-longest.
func TestTeddyAgainstNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	pieces := []string{"a", "b", "c", "d", "A", "B", "é", "\xff", " ", "ab", "abc", "@", "`"}
	rounds := 1500
	if testing.Short() {
		rounds = 400
	}
	for range rounds {
		lits := make([][]byte, 2+r.IntN(63))
		for i := range lits {
			lits[i] = randomBytes(r, pieces, 1+r.IntN(5))
		}
		h := randomBytes(r, append(pieces, "        "), r.IntN(600))
		for _, longest := range []bool{false, true} {
			ted := buildTeddy(lits, longest, false)
			for from := 0; from <= len(h); from += 1 + r.IntN(100) {
				gs, ge, gok := ted.Find(h, from)
				ws, we, wok := naiveFind(lits, longest, h, from)
				if gs != ws || ge != we || gok != wok {
					t.Fatalf("teddy%q (longest %v).Find(%q, %d) = %d, %d, %v; want %d, %d, %v",
						lits, longest, h, from, gs, ge, gok, ws, we, wok)
				}
			}
			// Folding ASCII case is searching lower-case literals
			// in the text lower-cased.
			lower := make([][]byte, len(lits))
			for i, l := range lits {
				lower[i] = asciiLower(l)
			}
			fold := buildTeddy(lower, longest, true)
			lh := asciiLower(h)
			for from := 0; from <= len(h); from += 1 + r.IntN(100) {
				gs, ge, gok := fold.Find(h, from)
				ws, we, wok := naiveFind(lower, longest, lh, from)
				if gs != ws || ge != we || gok != wok {
					t.Fatalf("fold teddy%q (longest %v).Find(%q, %d) = %d, %d, %v; want %d, %d, %v",
						lower, longest, h, from, gs, ge, gok, ws, we, wok)
				}
			}
		}
	}
}

// asciiLower lower-cases the ASCII letters of b only.
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// TestTeddyConcurrent runs searchers, fresh and shared, from several
// goroutines on a text full of near misses ("she", "john", "professor"),
// where calls may race to choose an offset from the text and fill in its
// tables; every call must give the same answers, and the race detector
// sees the sharing.
func TestTeddyConcurrent(t *testing.T) {
	// The folding Teddy NewMatcher builds for (?i)Sherlock Holmes|...
	// where there is SIMD, here built directly so that purego builds
	// run the test too.
	bases := [][]byte{[]byte("sherlock holmes"), []byte("john watson"), []byte("professor moriarty")}
	m := buildTeddy(bases, false, true)
	var text []byte
	for i := range 400 {
		text = append(text, "she said so, John; the professor watched holmes "...)
		if i%50 == 0 {
			text = append(text, "SHERLOCK HOLMES, John Watson. "...)
		}
	}
	want := findAll(m, text)
	if len(want) != 8*2 {
		t.Fatalf("%d matches, want 16", len(want))
	}
	done := make(chan [][]int)
	for range 4 {
		go func() {
			s := buildTeddy(bases, false, true)
			var got [][]int
			for range 3 {
				got = findAll(s, text)
			}
			done <- got
		}()
	}
	for range 4 {
		if got := <-done; !equalMatches(got, want) {
			t.Errorf("concurrent matches %v, want %v", got, want)
		}
	}
	shared := make(chan [][]int)
	for range 4 {
		go func() { shared <- findAll(m, text) }()
	}
	for range 4 {
		if got := <-shared; !equalMatches(got, want) {
			t.Errorf("shared searcher matches %v, want %v", got, want)
		}
	}
}

// TestFoldTeddyMatcher compares NewMatcher with the standard library on
// case-insensitive alternations of long words, which have too many
// spellings for a literal set: where there is SIMD they are searched by
// the folding Teddy over their bases (the long s and the Kelvin sign
// spelled out).
func TestFoldTeddyMatcher(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	// s and k (and ſ, K) double a word's bases; the other letters
	// only its spellings.
	letters := []string{"s", "k", "ſ", "\u212a", "a", "e", "h", "o", "r", "l", " ", "A", "E", "H", "O", "R", "L", "n", "t", "m", "-"}
	inputPieces := append(append([]string(nil), letters...), "A", "E", "H", "O", "R", "L", "\xff", "\xc5", "x")
	rounds := 400
	if testing.Short() {
		rounds = 100
	}
	teddies := 0
	defer func() { t.Logf("%d of %d rounds searched by Teddy", teddies, rounds) }()
	for range rounds {
		words := make([]string, 1+r.IntN(3))
		for i := range words {
			words[i] = string(randomBytes(r, letters, 14+r.IntN(4)))
		}
		pattern := `(?i)` + strings.Join(words, "|")
		for _, longest := range []bool{false, true} {
			m := NewMatcher(parse(t, pattern), longest)
			if m == nil {
				continue // not a pure literal pattern without Teddy
			}
			if _, ok := m.(*teddy); ok && !longest {
				teddies++
			}
			std := regexp.MustCompile(pattern)
			mode := "leftmost-first"
			if longest {
				std.Longest()
				mode = "leftmost-longest"
			}
			for range 10 {
				h := randomBytes(r, inputPieces, r.IntN(200))
				// Plant a spelling of some word now and then.
				if r.IntN(2) == 0 {
					w := []byte(words[r.IntN(len(words))])
					h = append(h, bytes.ToUpper(w)...)
				}
				compareAll(t, pattern, mode, h, m, std)
			}
		}
	}
}
