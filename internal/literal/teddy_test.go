package literal

import (
	"math/rand/v2"
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
