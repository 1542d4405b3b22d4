package syntax

import (
	"strconv"
	"strings"
	"unicode"
)

// String returns a pattern for the tree: parsing it with the flags re was
// parsed under gives a tree [Regexp.Equal] to re.
//
// With Perl syntax the pattern starts with (?-imsU), so that flags given to
// Parse cannot change its reading, and every node that depends on a flag
// says so itself: (?i:k), (?s:.), (?m:^). Without Perl syntax there are no
// flag groups; the flags are the same everywhere in the tree, and String
// writes case-insensitive single characters as classes where needed.
func (re *Regexp) String() string {
	if re.Op == OpLiteral && re.Flags&Literal != 0 {
		// Parsed with the Literal flag: the pattern is the text itself.
		return string(re.Rune)
	}
	pr := printer{
		perl:   anyNode(re, func(n *Regexp) bool { return n.Flags&PerlX != 0 }),
		closed: make(map[string]bool),
	}
	if !pr.perl {
		pr.global, pr.knowGlobal = globalFlags(re)
	} else {
		pr.b.WriteString("(?-imsU)")
	}
	pr.alternative(re)
	return pr.b.String()
}

// anyNode reports whether f holds for some node of re.
func anyNode(re *Regexp, f func(*Regexp) bool) bool {
	if f(re) {
		return true
	}
	for _, sub := range re.Sub {
		if anyNode(sub, f) {
			return true
		}
	}
	return false
}

// globalFlags recovers the parse flags of a tree parsed without Perl
// syntax, where they never change, from a node whose flags are exactly
// them: any node but a literal.
func globalFlags(re *Regexp) (Flags, bool) {
	if re.Op != OpLiteral {
		return re.Flags, true
	}
	for _, sub := range re.Sub {
		if f, ok := globalFlags(sub); ok {
			return f, true
		}
	}
	return 0, false
}

type printer struct {
	b          strings.Builder
	perl       bool  // Perl syntax: (?:...) and flag groups are available
	global     Flags // without Perl syntax: the parse flags, if knowGlobal
	knowGlobal bool
	closed     map[string]bool // memo for closedUnderFolding
}

// alternative writes re where a whole alternation may stand.
func (pr *printer) alternative(re *Regexp) {
	if !pr.perl && re.Op == OpConcat && len(re.Sub) >= 2 {
		// Without (?:...), the concatenations factoring builds out of an
		// alternation (ab|ac is a followed by [bc]) are written as an
		// alternation again; parsing factors it the same way.
		last := re.Sub[len(re.Sub)-1]
		head := &Regexp{Op: OpConcat, Flags: re.Flags, Sub: re.Sub[:len(re.Sub)-1]}
		if len(head.Sub) == 1 {
			head = head.Sub[0]
		}
		switch last.Op {
		case OpAlternate:
			for i, branch := range last.Sub {
				if i > 0 {
					pr.b.WriteByte('|')
				}
				pr.alternative(&Regexp{Op: OpConcat, Flags: re.Flags, Sub: []*Regexp{head, branch}})
			}
			return
		case OpEmptyMatch, OpConcat:
			pr.refactorable(re)
			return
		}
	}
	if re.Op == OpAlternate {
		for i, sub := range re.Sub {
			if i > 0 {
				pr.b.WriteByte('|')
			}
			pr.alternative(sub)
		}
		return
	}
	pr.concatenation(re)
}

// refactorable writes a concatenation that factoring built, and that
// parsing would otherwise flatten, as two alternatives that factor back
// into it: the last single-character piece is split in two (a then .[bc]
// is written a.b|a.c), and a final empty match comes from two equal
// alternatives (a then b and an empty match is ab|ab).
func (pr *printer) refactorable(re *Regexp) {
	left, right := pr.halves(re)
	pr.b.WriteString(left + "|" + right)
}

// halves returns two patterns whose alternation factors into re.
func (pr *printer) halves(re *Regexp) (string, string) {
	sub := printer{perl: pr.perl, global: pr.global, knowGlobal: pr.knowGlobal, closed: pr.closed}
	switch re.Op {
	case OpConcat:
		for _, s := range re.Sub[:len(re.Sub)-1] {
			if s.Op == OpConcat {
				l, _ := sub.halves(s)
				sub.b.WriteString(l)
				continue
			}
			sub.concatenation(s)
		}
		l, r := sub.halves(re.Sub[len(re.Sub)-1])
		head := sub.b.String()
		return head + l, head + r
	case OpEmptyMatch:
		return "", ""
	case OpAnyChar:
		return pr.perlString("(?-s:.)", "."), `\n`
	case OpAnyCharNotNL:
		return `[\x00-\t]`, `[\x0b-\x{10FFFF}]`
	case OpCharClass:
		if re.Flags&FoldCase != 0 && len(re.Rune) > 0 {
			// Halves of a case-folded class must be closed under folding:
			// take the first rune's orbit and the whole class.
			a := printer{perl: pr.perl, global: pr.global, knowGlobal: pr.knowGlobal, closed: pr.closed}
			a.literal(&Regexp{Op: OpLiteral, Flags: re.Flags, Rune: []rune{minFoldRune(re.Rune[0])}})
			sub.class(re)
			return a.b.String(), sub.b.String()
		}
		if n := len(re.Rune); n >= 4 || n == 2 && re.Rune[0] < re.Rune[1] {
			var lo, hi []rune
			if n >= 4 {
				lo, hi = re.Rune[:n/4*2], re.Rune[n/4*2:]
			} else {
				lo = []rune{re.Rune[0], re.Rune[0]}
				hi = []rune{re.Rune[0] + 1, re.Rune[1]}
			}
			a := printer{perl: pr.perl, global: pr.global, knowGlobal: pr.knowGlobal, closed: pr.closed}
			a.class(&Regexp{Op: OpCharClass, Flags: re.Flags, Rune: lo})
			b := printer{perl: pr.perl, global: pr.global, knowGlobal: pr.knowGlobal, closed: pr.closed}
			b.class(&Regexp{Op: OpCharClass, Flags: re.Flags, Rune: hi})
			return a.b.String(), b.b.String()
		}
	}
	sub.concatenation(re)
	return sub.b.String(), sub.b.String()
}

// perlString returns perl with Perl syntax and plain otherwise.
func (pr *printer) perlString(perl, plain string) string {
	if pr.perl {
		return perl
	}
	return plain
}

// concatenation writes re where a concatenation may stand.
func (pr *printer) concatenation(re *Regexp) {
	switch re.Op {
	case OpConcat:
		for i := 0; i < len(re.Sub); i++ {
			if pr.perl && i+1 < len(re.Sub) && re.Sub[i+1].Op == OpConcat {
				// Factoring pairs a prefix with a concatenation (a.b|a.c
				// is a then .[bc]), which parsing would flatten if written
				// inline; written twice as alternatives it factors again.
				pr.b.WriteString("(?:")
				pr.refactorable(&Regexp{Op: OpConcat, Sub: re.Sub[i : i+2]})
				pr.b.WriteString(")")
				i++
				continue
			}
			pr.concatenation(sub(re, i))
		}
	case OpStar, OpPlus, OpQuest, OpRepeat:
		pr.repetition(re)
	case OpAlternate:
		pr.group(re)
	case OpEmptyMatch:
		if pr.perl {
			pr.b.WriteString("(?:)")
		}
	case OpLiteral:
		pr.literal(re)
	default:
		pr.atom(re)
	}
}

func sub(re *Regexp, i int) *Regexp { return re.Sub[i] }

// group writes re inside a group that captures nothing.
func (pr *printer) group(re *Regexp) {
	pr.b.WriteString("(?:")
	pr.alternative(re)
	pr.b.WriteString(")")
}

// atom writes re where a repetition operator may follow.
func (pr *printer) atom(re *Regexp) {
	switch re.Op {
	case OpNoMatch:
		pr.b.WriteString(`[^\x00-\x{10FFFF}]`)
	case OpEmptyMatch:
		pr.group(re)
	case OpLiteral:
		if len(re.Rune) == 1 {
			pr.literal(re)
		} else {
			pr.group(re)
		}
	case OpCharClass:
		pr.class(re)
	case OpAnyCharNotNL:
		switch {
		case pr.perl:
			pr.b.WriteString(".")
		case pr.global&DotNL != 0:
			pr.b.WriteString(`[^\n]`)
		default:
			pr.b.WriteString(".")
		}
	case OpAnyChar:
		switch {
		case pr.perl:
			pr.b.WriteString("(?s:.)")
		case pr.global&DotNL != 0:
			pr.b.WriteString(".")
		default:
			pr.b.WriteString(`[\x00-\x{10FFFF}]`)
		}
	case OpBeginLine:
		pr.perlOr("(?m:^)", "^")
	case OpEndLine:
		pr.perlOr("(?m:$)", "$")
	case OpBeginText:
		pr.perlOr(`\A`, "^")
	case OpEndText:
		if re.Flags&WasDollar != 0 {
			pr.b.WriteString("$")
		} else {
			pr.perlOr(`\z`, "$")
		}
	case OpWordBoundary:
		pr.b.WriteString(`\b`)
	case OpNoWordBoundary:
		pr.b.WriteString(`\B`)
	case OpCapture:
		switch {
		case re.Name != "":
			pr.b.WriteString("(?P<" + re.Name + ">")
		default:
			pr.b.WriteString("(")
		}
		pr.alternative(re.Sub[0])
		pr.b.WriteString(")")
	case OpStar, OpPlus, OpQuest, OpRepeat:
		if pr.perl {
			// Perl syntax rejects a** instead of reading (?:a*)*.
			pr.b.WriteString("(?:")
			pr.repetition(re)
			pr.b.WriteString(")")
		} else {
			pr.repetition(re)
		}
	case OpConcat, OpAlternate:
		pr.group(re)
	default:
		pr.b.WriteString(`[^\x00-\x{10FFFF}]`)
	}
}

// perlOr writes perl with Perl syntax and plain otherwise.
func (pr *printer) perlOr(perl, plain string) {
	if pr.perl {
		pr.b.WriteString(perl)
	} else {
		pr.b.WriteString(plain)
	}
}

// repetition writes a star, plus, quest or counted repetition.
func (pr *printer) repetition(re *Regexp) {
	pr.atom(re.Sub[0])
	switch re.Op {
	case OpStar:
		pr.b.WriteString("*")
	case OpPlus:
		pr.b.WriteString("+")
	case OpQuest:
		pr.b.WriteString("?")
	case OpRepeat:
		pr.b.WriteString("{" + strconv.Itoa(re.Min))
		switch {
		case re.Max == -1:
			pr.b.WriteString(",")
		case re.Max != re.Min:
			pr.b.WriteString("," + strconv.Itoa(re.Max))
		}
		pr.b.WriteString("}")
	}
	if pr.perl && re.Flags&NonGreedy != 0 {
		pr.b.WriteString("?")
	}
}

// literal writes a literal's runes.
func (pr *printer) literal(re *Regexp) {
	fold := re.Flags&FoldCase != 0
	if pr.perl {
		if fold {
			pr.b.WriteString("(?i)")
		}
		for _, r := range re.Rune {
			writeEscaped(&pr.b, r, false)
		}
		if fold {
			pr.b.WriteString("(?-i)")
		}
		return
	}
	for _, r := range re.Rune {
		pr.plainLiteralRune(r, fold)
	}
}

// plainLiteralRune writes one literal rune without Perl syntax, where
// case folding is global: a rune whose folding differs from the global
// setting is written as the class it must have come from.
func (pr *printer) plainLiteralRune(r rune, fold bool) {
	orbit := foldOrbit(r)
	asClass := false
	switch {
	case pr.knowGlobal:
		asClass = fold != (pr.global&FoldCase != 0)
	case fold:
		asClass = len(orbit) == 2 // [Aa]; larger orbits only fold globally
	default:
		asClass = len(orbit) == 1 // [1] reads the same either way
	}
	if !asClass {
		writeEscaped(&pr.b, r, false)
		return
	}
	if !fold {
		orbit = orbit[:1]
	}
	pr.b.WriteString("[")
	for _, f := range orbit {
		writeEscaped(&pr.b, f, true)
	}
	pr.b.WriteString("]")
}

// foldOrbit returns r followed by the other runes of its fold orbit.
func foldOrbit(r rune) []rune {
	orbit := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		orbit = append(orbit, f)
	}
	return orbit
}

// class writes a character class as a list of ranges.
func (pr *printer) class(re *Regexp) {
	// A class already holds its fold orbits, so (?i:) changes nothing
	// but the flag, which Equal compares. Some case-insensitive Unicode
	// classes are not closed under folding, and no syntax gives their
	// runes with the flag; they are written without it.
	//
	// The flag is switched with (?i) and (?-i) rather than a (?i:...)
	// group, because the parser counts the runes of a class again when a
	// group closes, and a pattern near the rune limit would not read back.
	fold := pr.perl && re.Flags&FoldCase != 0 && pr.closedUnderFolding(re.Rune)
	if fold {
		pr.b.WriteString("(?i)")
	}
	defer func() {
		if fold {
			pr.b.WriteString("(?-i)")
		}
	}()
	if len(re.Rune) == 0 {
		pr.b.WriteString(`[^\x00-\x{10FFFF}]`)
		return
	}
	pr.b.WriteString("[")
	for i := 0; i+1 < len(re.Rune); i += 2 {
		lo, hi := re.Rune[i], re.Rune[i+1]
		writeEscaped(&pr.b, lo, true)
		if hi != lo {
			pr.b.WriteString("-")
			writeEscaped(&pr.b, hi, true)
		}
	}
	pr.b.WriteString("]")
}

// closedUnderFolding is the memoized [closedUnderFolding]: a tree may hold
// thousands of copies of one large class.
func (pr *printer) closedUnderFolding(class []rune) bool {
	key := make([]byte, 0, 4*len(class))
	for _, r := range class {
		key = append(key, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
	}
	if closed, ok := pr.closed[string(key)]; ok {
		return closed
	}
	closed := closedUnderFolding(class)
	pr.closed[string(key)] = closed
	return closed
}

// closedUnderFolding reports whether the clean class holds the whole fold
// orbit of each of its runes.
func closedUnderFolding(class []rune) bool {
	for i := 0; i+1 < len(class); i += 2 {
		lo, hi := max(class[i], minFold), min(class[i+1], maxFold)
		for r := lo; r <= hi; r++ {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if !cleanClassHas(class, f) {
					return false
				}
			}
		}
	}
	return true
}

// cleanClassHas reports whether the sorted class contains r.
func cleanClassHas(class []rune, r rune) bool {
	lo, hi := 0, len(class)/2
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < class[2*m]:
			hi = m
		case r > class[2*m+1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// writeEscaped writes r so that it reads back as the same rune: printable
// runes as themselves (with a backslash if they are syntax), others as
// escapes. inClass also escapes the characters special in brackets.
func writeEscaped(b *strings.Builder, r rune, inClass bool) {
	if unicode.IsPrint(r) && r != utf8RuneError {
		if strings.ContainsRune(`\.+*?()|[]{}^$`, r) || inClass && r == '-' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		return
	}
	switch r {
	case '\t':
		b.WriteString(`\t`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\f':
		b.WriteString(`\f`)
	case '\v':
		b.WriteString(`\v`)
	case '\a':
		b.WriteString(`\a`)
	default:
		b.WriteString(`\x{` + strconv.FormatInt(int64(r), 16) + `}`)
	}
}

// utf8RuneError is U+FFFD, written as an escape so the output stays
// readable next to real decoding errors.
const utf8RuneError = '\uFFFD'
