package utf8ranges

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSplitExamples(t *testing.T) {
	tests := []struct {
		lo, hi rune
		want   []string
	}{
		{'a', 'z', []string{"[61-7a]"}},
		{0x400, 0x4ff, []string{"[d0-d3][80-bf]"}},
		{0x80, 0x7ff, []string{"[c2-df][80-bf]"}},
		{0x107, 0x17f, []string{"[c4][87-bf]", "[c5][80-bf]"}},
		{0x800, 0xffff, []string{
			"[e0][a0-bf][80-bf]", "[e1-ec][80-bf][80-bf]", "[ed][80-9f][80-bf]", "[ee-ef][80-bf][80-bf]",
		}},
		{0, unicode.MaxRune, []string{
			"[00-7f]", "[c2-df][80-bf]",
			"[e0][a0-bf][80-bf]", "[e1-ec][80-bf][80-bf]", "[ed][80-9f][80-bf]", "[ee-ef][80-bf][80-bf]",
			"[f0][90-bf][80-bf][80-bf]", "[f1-f3][80-bf][80-bf][80-bf]", "[f4][80-8f][80-bf][80-bf]",
		}},
		{0xd800, 0xdfff, nil}, // surrogates only: nothing
		{0xd900, 0xe000, []string{"[ee][80][80]"}},
		{0x10ffff, 0x10ffff, []string{"[f4][8f][bf][bf]"}},
	}
	for _, tt := range tests {
		var got []string
		Split(tt.lo, tt.hi, func(s Sequence) bool {
			got = append(got, s.String())
			return true
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("Split(%#x, %#x) = %q, want %q", tt.lo, tt.hi, got, tt.want)
		}
	}
}

// TestSplitExhaustive checks, for every rune, that its encoding matches
// exactly one sequence when it is in the range and a valid rune, and none
// otherwise; and that the sequences suit a trie.
func TestSplitExhaustive(t *testing.T) {
	ranges := [][2]rune{
		{0, unicode.MaxRune}, {0x61, 0x7a}, {0x7f, 0x80}, {0x7ff, 0x800}, {0x12345, 0x54321},
		{0xd7ff, 0xe000}, {0xfffd, 0xfffd}, {0x3b1, 0x3c9}, {0xffff, 0x10000}, {0x123, 0xfedc},
	}
	if testing.Short() {
		ranges = ranges[:4]
	}
	var buf [utf8.UTFMax]byte
	for _, rg := range ranges {
		seqs := All([]rune{rg[0], rg[1]})
		checkTrieOrder(t, seqs)
		for r := rune(0); r <= unicode.MaxRune; r++ {
			n := encode(buf[:], r)
			matches := 0
			for _, s := range seqs {
				if s.Matches(buf[:n]) {
					matches++
				}
			}
			want := 0
			if rg[0] <= r && r <= rg[1] && utf8.ValidRune(r) {
				want = 1
			}
			if matches != want {
				t.Fatalf("range %#x-%#x: rune %#x matches %d sequences, want %d", rg[0], rg[1], r, matches, want)
			}
		}
	}
}

// TestSequencesAreValid checks the corners of every sequence of the full
// range: each must be a valid encoding, so no sequence admits overlong
// forms, surrogates or values past U+10FFFF.
func TestSequencesAreValid(t *testing.T) {
	for _, s := range All([]rune{0, unicode.MaxRune}) {
		for corner := 0; corner < 1<<s.Len; corner++ {
			b := make([]byte, s.Len)
			for i, r := range s.Bytes() {
				if corner&(1<<i) != 0 {
					b[i] = r.Hi
				} else {
					b[i] = r.Lo
				}
			}
			if r, w := utf8.DecodeRune(b); r == utf8.RuneError && w <= 1 || w != s.Len {
				t.Errorf("sequence %v admits invalid %x", s, b)
			}
		}
	}
}

// checkTrieOrder checks that the sequences ascend and that two sequences
// agreeing up to a byte position hold equal or disjoint ranges there.
func checkTrieOrder(t *testing.T, seqs []Sequence) {
	t.Helper()
	for i := 1; i < len(seqs); i++ {
		a, b := seqs[i-1], seqs[i]
		for k := 0; k < min(a.Len, b.Len); k++ {
			ra, rb := a.Ranges[k], b.Ranges[k]
			if ra == rb {
				continue
			}
			if ra.Hi >= rb.Lo {
				t.Errorf("sequences %v and %v overlap or descend at byte %d", a, b, k)
			}
			break
		}
	}
}

func TestMerge(t *testing.T) {
	var got []rune
	Merge([]rune{'a', 'c', 'd', 'f', 'h', 'h', 'i', 'k', 'z', 'z'}, func(lo, hi rune) bool {
		got = append(got, lo, hi)
		return true
	})
	if want := []rune{'a', 'f', 'h', 'k', 'z', 'z'}; !slices.Equal(got, want) {
		t.Errorf("Merge = %q, want %q", got, want)
	}
}

// encode writes the UTF-8 form of r even for a surrogate, which
// utf8.EncodeRune would replace with U+FFFD.
func encode(b []byte, r rune) int {
	if 0xd800 <= r && r <= 0xdfff {
		b[0], b[1], b[2] = 0xe0|byte(r>>12), 0x80|byte(r>>6)&0x3f, 0x80|byte(r)&0x3f
		return 3
	}
	return utf8.EncodeRune(b, r)
}
