package syntax

import (
	"strconv"
	"strings"
	"unicode"
)

// String returns a pattern for the tree in Perl syntax, written exactly
// as the standard library's regexp/syntax writes the same tree: [^x-z]
// for negated classes, (?i:ABC) around case-insensitive literals, (?s:.)
// and (?m:^) where a flag changes what an operator means, (?:) for an
// empty match, and flag groups widened over neighbours that do not care
// about the flag (0(?i:ab)1 is written (?i:0AB1)).
//
// The result is meant to be read with Perl flags, as regexp.Compile reads
// a pattern. It may parse to a tree of another shape: the parser merges
// and factors what a tree (above all a simplified one) keeps apart, and a
// class or literal that holds no letter with case does not say whether it
// was parsed case-insensitively.
func (re *Regexp) String() string {
	w := stringWriter{closed: make(map[string]bool)}
	must, cant := w.flagsOf(re)
	// At the top, the flags every part needs set are set, and m and s are
	// cleared where some part needs them off; i is off already.
	top := must | (cant&^wantI)<<negated
	if top != 0 {
		top |= closeGroup
	}
	var b strings.Builder
	w.write(&b, re, top)
	return b.String()
}

// A groupMark says which groups to open before a node and whether to
// close one after it. The low three bits are flags to set, the same bits
// shifted by [negated] flags to clear (used at the top only).
type groupMark uint8

const (
	wantI      groupMark = 1 << iota // (?i:
	wantM                            // (?m:
	wantS                            // (?s:
	closeGroup                       // ) after the node, ending a flag group opened at it or before it
	needParens                       // (?: ... ) around the node, for precedence

	negated = 5 // wantM<<negated is (?-m:
)

// flagBits are the marks that open a flag group.
const flagBits = wantI | wantM | wantS | (wantM|wantS)<<negated

// A stringWriter holds what String learns about a tree: the groups to
// open and close at its nodes, and a memo of which large classes are
// closed under case folding.
type stringWriter struct {
	marks  map[*Regexp]groupMark
	closed map[string]bool
}

// markRun puts a flag group setting f around the parts first..last of a
// concatenation or alternation: it opens at first and closes after last.
// The marks are kept by node, so a node that occurs more than once in a
// simplified tree (x{3} is x three times) carries its marks everywhere.
func (w *stringWriter) markRun(first, last *Regexp, f groupMark) {
	if w.marks == nil {
		w.marks = make(map[*Regexp]groupMark)
	}
	w.marks[first] = f
	w.marks[last] |= closeGroup
}

// flagsOf returns the flags re must have set (must) and must have clear
// (cant) to mean what it does, and marks flag groups inside re where its
// parts disagree.
func (w *stringWriter) flagsOf(re *Regexp) (must, cant groupMark) {
	switch re.Op {
	case OpLiteral:
		// Only letters with other case forms care about i.
		for _, r := range re.Rune {
			if minFold <= r && r <= maxFold && unicode.SimpleFold(r) != r {
				if re.Flags&FoldCase != 0 {
					return wantI, 0
				}
				return 0, wantI
			}
		}
	case OpCharClass:
		// A class is written with its runes listed, so it reads the same
		// without i, and with i only when it is closed under folding.
		if !w.closedUnderFolding(re.Rune) {
			return 0, wantI
		}
	case OpAnyCharNotNL:
		return 0, wantS
	case OpAnyChar:
		return wantS, 0
	case OpBeginLine, OpEndLine:
		return wantM, 0
	case OpEndText:
		if re.Flags&WasDollar != 0 {
			return 0, wantM
		}
	case OpCapture, OpStar, OpPlus, OpQuest, OpRepeat:
		return w.flagsOf(re.Sub[0])
	case OpConcat, OpAlternate:
		return w.partFlags(re.Sub)
	}
	return 0, 0
}

// partFlags combines the flags of the parts of a concatenation or an
// alternation. While the parts agree, their needs add up and are left to
// the enclosing node. At the first part that conflicts with the run
// before it, that run gets a flag group of its own (from its first part
// that needs a flag to its last) and a new run starts; the node then
// needs nothing set itself, and passes up what any part needs clear.
func (w *stringWriter) partFlags(parts []*Regexp) (must, cant groupMark) {
	var anyCant groupMark
	first, last := 0, 0
	split := false
	for k, part := range parts {
		pm, pc := w.flagsOf(part)
		if must&pc != 0 || pm&cant != 0 {
			if must != 0 {
				w.markRun(parts[first], parts[last], must)
			}
			must, cant = 0, 0
			first = k
			split = true
		}
		must |= pm
		cant |= pc
		anyCant |= pc
		if pm != 0 {
			last = k
		}
		if must == 0 && first == k {
			// Parts that need nothing set stay outside the next group.
			first++
		}
	}
	if !split {
		return must, cant
	}
	if must != 0 {
		w.markRun(parts[first], parts[last], must)
	}
	return 0, anyCant
}

// write writes re, opening and closing the groups mark asks for along
// with those String decided on for re.
func (w *stringWriter) write(b *strings.Builder, re *Regexp, mark groupMark) {
	mark |= w.marks[re]
	if mark&needParens != 0 && mark&flagBits != 0 && mark&closeGroup != 0 {
		// The flag group around the node groups it already.
		mark &^= needParens
	}
	if mark&flagBits != 0 {
		b.WriteString("(?")
		writeFlagLetters(b, mark)
		if mark&((wantM|wantS)<<negated) != 0 {
			b.WriteByte('-')
			writeFlagLetters(b, mark>>negated)
		}
		b.WriteByte(':')
	}
	if mark&needParens != 0 {
		b.WriteString("(?:")
	}
	w.writeNode(b, re)
	if mark&needParens != 0 {
		b.WriteByte(')')
	}
	if mark&closeGroup != 0 {
		b.WriteByte(')')
	}
}

func writeFlagLetters(b *strings.Builder, mark groupMark) {
	if mark&wantI != 0 {
		b.WriteByte('i')
	}
	if mark&wantM != 0 {
		b.WriteByte('m')
	}
	if mark&wantS != 0 {
		b.WriteByte('s')
	}
}

// writeNode writes the operator of re and its operands.
func (w *stringWriter) writeNode(b *strings.Builder, re *Regexp) {
	switch re.Op {
	case OpNoMatch:
		b.WriteString(`[^\x00-\x{10FFFF}]`)
	case OpEmptyMatch:
		b.WriteString(`(?:)`)
	case OpLiteral:
		for _, r := range re.Rune {
			writeEscaped(b, r, false)
		}
	case OpCharClass:
		writeClass(b, re.Rune)
	case OpAnyCharNotNL, OpAnyChar:
		b.WriteByte('.')
	case OpBeginLine:
		b.WriteByte('^')
	case OpEndLine:
		b.WriteByte('$')
	case OpBeginText:
		b.WriteString(`\A`)
	case OpEndText:
		if re.Flags&WasDollar != 0 {
			b.WriteByte('$')
		} else {
			b.WriteString(`\z`)
		}
	case OpWordBoundary:
		b.WriteString(`\b`)
	case OpNoWordBoundary:
		b.WriteString(`\B`)
	case OpCapture:
		if re.Name != "" {
			b.WriteString("(?P<" + re.Name + ">")
		} else {
			b.WriteByte('(')
		}
		if sub := re.Sub[0]; sub.Op != OpEmptyMatch {
			w.write(b, sub, 0)
		}
		b.WriteByte(')')
	case OpStar, OpPlus, OpQuest, OpRepeat:
		w.writeRepeat(b, re)
	case OpConcat:
		for _, sub := range re.Sub {
			var mark groupMark
			if sub.Op == OpAlternate {
				mark = needParens
			}
			w.write(b, sub, mark)
		}
	case OpAlternate:
		for k, sub := range re.Sub {
			if k > 0 {
				b.WriteByte('|')
			}
			w.write(b, sub, 0)
		}
	default:
		b.WriteString("<invalid op" + strconv.Itoa(int(re.Op)) + ">")
	}
}

// writeRepeat writes a star, plus, quest or counted repetition. An
// operand of more than one character, or itself an operator, is grouped.
func (w *stringWriter) writeRepeat(b *strings.Builder, re *Regexp) {
	sub := re.Sub[0]
	var mark groupMark
	if sub.Op > OpCapture || sub.Op == OpLiteral && len(sub.Rune) > 1 {
		mark = needParens
	}
	w.write(b, sub, mark)
	switch re.Op {
	case OpStar:
		b.WriteByte('*')
	case OpPlus:
		b.WriteByte('+')
	case OpQuest:
		b.WriteByte('?')
	case OpRepeat:
		b.WriteString("{" + strconv.Itoa(re.Min))
		if re.Max != re.Min {
			b.WriteByte(',')
			if re.Max >= 0 {
				b.WriteString(strconv.Itoa(re.Max))
			}
		}
		b.WriteByte('}')
	}
	if re.Flags&NonGreedy != 0 {
		b.WriteByte('?')
	}
}

// writeClass writes a class as its ranges, or, when it holds both 0 and
// the largest rune and more than one range, as [^...] of the ranges it
// lacks.
func writeClass(b *strings.Builder, runes []rune) {
	n := len(runes)
	switch {
	case n%2 != 0:
		b.WriteString(`[invalid char class]`)
		return
	case n == 0:
		b.WriteString(`[^\x00-\x{10FFFF}]`)
		return
	}
	b.WriteByte('[')
	if runes[0] == 0 && runes[n-1] == unicode.MaxRune && n > 2 {
		b.WriteByte('^')
		for k := 1; k+1 < n; k += 2 {
			writeRange(b, runes[k]+1, runes[k+1]-1)
		}
	} else {
		for k := 0; k < n; k += 2 {
			writeRange(b, runes[k], runes[k+1])
		}
	}
	b.WriteByte(']')
}

// writeRange writes the class range lo-hi; a range of two neighbours
// needs no dash, and a dash at either end is escaped.
func writeRange(b *strings.Builder, lo, hi rune) {
	writeEscaped(b, lo, lo == '-')
	if lo == hi {
		return
	}
	if hi != lo+1 {
		b.WriteByte('-')
	}
	writeEscaped(b, hi, hi == '-')
}

// closedUnderFolding is the memoized [closedUnderFolding] for classes
// spanning many foldable runes: a simplified tree may hold thousands of
// copies of one large class, and checking \pL walks 100,000 runes.
func (w *stringWriter) closedUnderFolding(class []rune) bool {
	span := 0
	for k := 0; k+1 < len(class); k += 2 {
		span += max(0, int(min(class[k+1], maxFold)-max(class[k], minFold))+1)
	}
	if span < 512 {
		return closedUnderFolding(class)
	}
	key := classKey(class)
	closed, ok := w.closed[key]
	if !ok {
		closed = closedUnderFolding(class)
		w.closed[key] = closed
	}
	return closed
}

// classKey returns a map key that identifies the runes of a class.
func classKey(class []rune) string {
	key := make([]byte, 0, 3*len(class))
	for _, r := range class {
		key = append(key, byte(r>>16), byte(r>>8), byte(r))
	}
	return string(key)
}

// closedUnderFolding reports whether the clean class holds the whole fold
// orbit of each of its runes. An odd last rune is ignored.
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

// metaChars are the characters that mean something outside a class.
const metaChars = `\.+*?()|[]{}^$`

// writeEscaped writes r so that it reads back as the same rune: printable
// runes as themselves, with a backslash if they are syntax (or if force
// says so), others as escapes.
func writeEscaped(b *strings.Builder, r rune, force bool) {
	if unicode.IsPrint(r) {
		if force || strings.ContainsRune(metaChars, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		return
	}
	switch r {
	case '\a':
		b.WriteString(`\a`)
	case '\f':
		b.WriteString(`\f`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	case '\v':
		b.WriteString(`\v`)
	default:
		hex := strconv.FormatInt(int64(r), 16)
		switch {
		case r >= 0x100:
			b.WriteString(`\x{` + hex + `}`)
		case len(hex) == 1:
			b.WriteString(`\x0` + hex)
		default:
			b.WriteString(`\x` + hex)
		}
	}
}
