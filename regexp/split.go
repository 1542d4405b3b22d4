package regexp

// Split cuts s around the matches of re and returns the pieces between
// them: the parts of s that [Regexp.FindAllString] would not return. For a
// pattern with no metacharacters it gives what [strings.SplitN] gives.
//
// n bounds the number of pieces:
//   - n > 0: at most n pieces; the last one is the rest of s, unsplit;
//   - n == 0: nil;
//   - n < 0: all the pieces.
//
// For example, MustCompile("a*").Split("abaabaccadaaae", 5) returns
// ["" "b" "b" "c" "cadaaae"]. An empty match at the very start of s makes
// no empty first piece, and splitting "" by a non-empty pattern gives [""].
func (re *Regexp) Split(s string, n int) []string {
	if n == 0 {
		return nil
	}
	if s == "" && re.expr != "" {
		return []string{""}
	}
	matches := re.FindAllStringIndex(s, n)
	pieces := make([]string, 0, len(matches))
	start, end := 0, 0 // the next piece begins at start; the last cut was at end
	for _, m := range matches {
		if n > 0 && len(pieces) >= n-1 {
			break
		}
		end = m[0]
		if m[1] != 0 {
			pieces = append(pieces, s[start:end])
		}
		start = m[1]
	}
	if end != len(s) {
		pieces = append(pieces, s[start:])
	}
	return pieces
}
