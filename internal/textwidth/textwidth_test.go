package textwidth

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// readGolden reads testdata/widths.txt, the width of every code point as
// gen.go derived it from the Unicode Character Database, and returns the
// widths indexed by code point. It fails unless the runs cover every code
// point exactly once, in order.
func readGolden(t *testing.T) []int {
	t.Helper()
	f, err := os.Open("testdata/widths.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	widths := make([]int, 0, unicode.MaxRune+1)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			if n == 2 && !strings.Contains(line, "EastAsianWidth-"+unicode.Version+".txt") {
				t.Fatalf("widths.txt:%d: %q: generated for another Unicode version than Go's %s; run go generate", n, line, unicode.Version)
			}
			continue
		}
		rng, w, ok1 := strings.Cut(line, " ")
		lo, hi, ok2 := strings.Cut(rng, "..")
		l, err1 := strconv.ParseUint(lo, 16, 32)
		h, err2 := strconv.ParseUint(hi, 16, 32)
		width, err3 := strconv.Atoi(w)
		if !ok1 || !ok2 || err1 != nil || err2 != nil || err3 != nil || width < 0 || width > 2 {
			t.Fatalf("widths.txt:%d: bad line %q", n, line)
		}
		if int(l) != len(widths) || h < l {
			t.Fatalf("widths.txt:%d: run %s starts at %X, want %X", n, rng, l, len(widths))
		}
		for r := l; r <= h; r++ {
			widths = append(widths, width)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(widths) != unicode.MaxRune+1 {
		t.Fatalf("widths.txt ends at %X, want %X", len(widths)-1, unicode.MaxRune)
	}
	return widths
}

// TestEveryCodePoint pins the width of all 0x110000 code points to the
// golden file.
func TestEveryCodePoint(t *testing.T) {
	golden := readGolden(t)
	bad := 0
	for r, want := range golden {
		if got := Rune(rune(r)); got != want {
			if bad++; bad <= 20 {
				t.Errorf("Rune(%U) = %d, golden says %d", r, got, want)
			}
		}
	}
	if bad > 20 {
		t.Errorf("... %d code points differ in all", bad)
	}
}

// TestPrinciples checks the rules of the package documentation over every
// code point against Go's unicode tables, independently of the generated
// table: what must be zero, and the wide and narrow scripts that Go's
// tables name.
func TestPrinciples(t *testing.T) {
	hangulVT := []span{{0x1160, 0x11FF}, {0xD7B0, 0xD7C6}, {0xD7CB, 0xD7FB}}
	bad := 0
	check := func(r rune, want int, why string) {
		if got := Rune(r); got != want {
			if bad++; bad <= 20 {
				t.Errorf("Rune(%U) = %d, want %d: %s", r, got, want, why)
			}
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		switch {
		case unicode.Is(unicode.Cc, r):
			check(r, 0, "control character")
		case r == 0x00AD:
			check(r, 1, "soft hyphen, drawn as a hyphen")
		case unicode.Is(unicode.Prepended_Concatenation_Mark, r):
			check(r, 1, "prepended concatenation mark, a visible sign")
		case unicode.In(r, unicode.Mn, unicode.Me):
			check(r, 0, "combining mark")
		case unicode.Is(unicode.Cf, r):
			check(r, 0, "format character")
		case in(hangulVT, r):
			check(r, 0, "Hangul medial vowel or final consonant")
		case unicode.Is(unicode.Han, r) && unicode.IsLetter(r),
			unicode.In(r, unicode.Hiragana, unicode.Katakana) && unicode.IsLetter(r) && !(0xFF61 <= r && r <= 0xFF9F),
			0xAC00 <= r && r <= 0xD7A3, // Hangul syllables
			0x1100 <= r && r <= 0x115F, // Hangul initial consonants
			0xFF01 <= r && r <= 0xFF60, // fullwidth forms
			0x3000 <= r && r <= 0x303E && !unicode.Is(unicode.Mn, r),
			0x20000 <= r && r <= 0x2FFFD, 0x30000 <= r && r <= 0x3FFFD: // default W
			check(r, 2, "East Asian Wide or Fullwidth")
		case 0xFF61 <= r && r <= 0xFFDC, // halfwidth forms
			r < 0x1100 && !unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Cc),
			unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Arabic, unicode.Devanagari) && !unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) && !(0xFF00 <= r && r <= 0xFF60),
			unicode.Is(unicode.Co, r),                                    // private use is East Asian Ambiguous: narrow
			unicode.Is(unicode.Mc, r) && !(0x16FF0 <= r && r <= 0x16FF1): // spacing marks take their column (the two Vietnamese reading marks are W)
			check(r, 1, "narrow, halfwidth, ambiguous or a spacing mark")
		}
	}
	if bad > 20 {
		t.Errorf("... %d code points break a rule in all", bad)
	}
}

// TestRune spells out some answers, among them the code points on which
// the two width functions this package replaced disagreed.
func TestRune(t *testing.T) {
	tests := []struct {
		r    rune
		want int
	}{
		{'a', 1}, {'é', 1}, {'Ω', 1}, {'Ж', 1}, {'€', 1},
		{'\x00', 0}, {'\t', 0}, {'\n', 0}, {'\x7f', 0}, {'\u0085', 0},
		{'\u0301', 0}, {'\u20dd', 0}, {'\ufe0f', 0}, {'\U000e0100', 0}, // Mn, Me, variation selectors
		{'\u200b', 0}, {'\u200d', 0}, {'\u2060', 0}, {'\ufeff', 0}, {'\U000e0001', 0}, // Cf
		{'\u00ad', 1}, {'\u0600', 1}, {'\U000110bd', 1}, // Cf exceptions
		{'\u1100', 2}, {'\u1160', 0}, {'\u11a8', 0}, {'\ud7b0', 0}, {'\ud7c7', 1}, // Hangul Jamo
		{'世', 2}, {'한', 2}, {'あ', 2}, {'Ａ', 2}, {'ｱ', 1}, {'\u3000', 2}, {'\u302a', 0}, {'\u3099', 0},
		{'😀', 2}, {'\u267f', 2}, {'\u2693', 2}, {'\u26ce', 2}, {'\u231a', 2}, {'\u2600', 1}, {'\U0001f1e6', 1},
		{'\U0001f3fb', 2}, {'\U0002fffd', 2}, {'\U0003fffd', 2}, {'\u4dbf', 2}, {'\ufffd', 1},
		{'\ue000', 1}, {'\U0010ffff', 1}, {-1, 1}, {unicode.MaxRune + 1, 1},
	}
	for _, tt := range tests {
		if got := Rune(tt.r); got != tt.want {
			t.Errorf("Rune(%U) = %d, want %d", tt.r, got, tt.want)
		}
	}
}

func TestDraw(t *testing.T) {
	tests := []struct {
		in, want string
		width    int
	}{
		{"", "", 0},
		{"abc", "abc", 3},
		{"a\tb", `a\tb`, 4},
		{"a\nb\r", `a\nb\r`, 6},
		{"\x00\x01\x1f\x7f", `\x00\x01\x1f\x7f`, 16},
		{"\a\b\f\v", `\a\b\f\v`, 8},
		{"\u0085", `\u0085`, 6},
		{"\xff", `\xff`, 4},
		{"\xe2\x82A", `\xe2\x82A`, 9},        // a truncated sequence is one cell per byte
		{"\xed\xa0\x80", `\xed\xa0\x80`, 12}, // an encoded surrogate is invalid
		{"€", "€", 1},
		{"世界", "世界", 4},
		{"e\u0301", "e\u0301", 1},
		{"a\u200bb", `a\u200bb`, 8},
		{"\u00a0\u3000", `\u00a0\u3000`, 12}, // spaces other than U+0020
		{"\U000e0001", `\U000e0001`, 10},
		{"\ufffd", "\ufffd", 1}, // a real U+FFFD is printable
	}
	for _, tt := range tests {
		got, width := Draw(tt.in)
		if got != tt.want || width != tt.width {
			t.Errorf("Draw(%q) = %q, %d, want %q, %d", tt.in, got, width, tt.want, tt.width)
		}
	}
}

// TestNextCoversEveryByte checks that the cells of a string cover each of
// its bytes once, in order, whatever the bytes are.
func TestNextCoversEveryByte(t *testing.T) {
	inputs := []string{"", "a", "\xff\xfe", "é\xc3", "世\xe4\xb8", "\U0010ffff\xf4\x90\x80\x80", "\t\n\x00"}
	for _, s := range inputs {
		n := 0
		for rest := s; rest != ""; {
			c := Next(rest)
			if c.Size <= 0 || c.Size > len(rest) {
				t.Fatalf("Next(%q).Size = %d", rest, c.Size)
			}
			n += c.Size
			rest = rest[c.Size:]
		}
		if n != len(s) {
			t.Errorf("cells of %q cover %d bytes, want %d", s, n, len(s))
		}
	}
	if c := Next(""); c != (Cell{}) {
		t.Errorf("Next(\"\") = %+v, want the zero Cell", c)
	}
}
