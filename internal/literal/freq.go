package literal

// byteRank estimates how common each byte is in typical haystacks (English
// prose, source code, logs, some non-ASCII UTF-8 text): higher is more
// common. Only the order matters, to pick the bytes of a literal that give
// the fewest false candidates when scanned for, before the text itself has
// been seen (see memmem and teddy).
var byteRank = buildByteRank()

// buildByteRank fills the rank table from lists written most common first.
// The rough order of groups: space and lowercase letters dominate text;
// then punctuation of prose and code, digits and capitals; the UTF-8 bytes
// of accented Latin and common symbols; and last control bytes and bytes
// that are invalid in UTF-8.
func buildByteRank() [256]uint8 {
	var rank [256]uint8
	// Everything not listed is rare: control bytes, DEL, 0xC0, 0xC1 and
	// 0xF5-0xFF never occur in valid UTF-8.
	for i := range rank {
		rank[i] = 1
	}
	// In text of one non-Latin script the lead bytes are few and each
	// very common (Cyrillic is nearly all 0xD0 and 0xD1, CJK 0xE3-0xE9),
	// while the continuation bytes spread over 64 values: any one
	// continuation byte is the rarer.
	for b := 0x80; b <= 0xBF; b++ {
		rank[b] = 30
	}
	for b := 0xC2; b <= 0xDF; b++ {
		rank[b] = 45
	}
	for b := 0xE0; b <= 0xEF; b++ {
		rank[b] = 45
	}
	for b := 0xF0; b <= 0xF4; b++ {
		rank[b] = 10
	}
	// Accented Latin (é, ü, ñ) is mostly 0xC3, and punctuation such as
	// dashes and curly quotes is 0xE2 0x80.
	rank[0xC3], rank[0xE2], rank[0x80] = 60, 55, 55

	// From most to least common within the printable ASCII range.
	const common = " etaoinsrhldcu\nmfpgwy,.bv_k\"()=;:x'-0T1SIAECj/{}>2R<N*qDOLPMz#F\t"
	const lessCommon = "3B5U9H4W876G[]V&Y$!K|+?\\%@J\rXQZ^`~"
	next := 255
	for _, list := range []string{common, lessCommon} {
		for i := 0; i < len(list); i++ {
			rank[list[i]] = uint8(next)
			next--
		}
	}
	return rank
}

// frequency turns a byte's rank into a rough relative frequency, for adding
// up the cost of scanning for several bytes: text is dominated by a few very
// common bytes, so each 16 steps of rank count as twice as common.
func frequency(b byte) int {
	return 1 << (byteRank[b] / 16)
}
