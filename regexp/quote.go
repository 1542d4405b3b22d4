package regexp

// QuoteMeta returns s with every regular-expression metacharacter escaped
// by a backslash, so that the result is a pattern matching exactly the text
// s. For example, QuoteMeta(`[a]+`) is `\[a\]\+`.
func QuoteMeta(s string) string {
	// Every metacharacter is ASCII and no byte of a multi-byte UTF-8
	// sequence is ASCII, so a walk over bytes escapes nothing by mistake.
	first := -1
	for i := 0; i < len(s); i++ {
		if isMeta(s[i]) {
			first = i
			break
		}
	}
	if first < 0 {
		return s
	}
	out := make([]byte, first, 2*len(s)-first)
	copy(out, s[:first])
	for i := first; i < len(s); i++ {
		if isMeta(s[i]) {
			out = append(out, '\\')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// metaChars lists the bytes QuoteMeta escapes: those the parser gives a
// meaning to outside a class (plus ] and }, whose escaping is harmless and
// is what the standard library does).
const metaChars = `\.+*?()|[]{}^$`

// metaSet has bit c set for each byte c of metaChars.
var metaSet = func() (set [4]uint64) {
	for i := 0; i < len(metaChars); i++ {
		c := metaChars[i]
		set[c/64] |= 1 << (c % 64)
	}
	return set
}()

// isMeta reports whether QuoteMeta escapes c.
func isMeta(c byte) bool {
	return metaSet[c/64]&(1<<(c%64)) != 0
}
