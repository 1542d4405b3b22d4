package syntax

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Prog is a compiled regular expression program: the rune-level
// instruction list the standard library's regexp/syntax builds for the
// same tree, instruction for instruction.
//
// The matchers of package regexp do not run it; they compile the tree
// into their own byte-level program. Prog is here for tools that inspect
// programs, and [Prog.String] lists it exactly as the standard library
// does.
type Prog struct {
	Inst   []Inst
	Start  int // index of the first instruction run
	NumCap int // number of capture slots: two per group, group 0 included
}

// An InstOp is an instruction opcode.
type InstOp uint8

const (
	InstAlt          InstOp = iota // try Out first, then Arg
	InstAltMatch                   // as InstAlt, where one branch leads straight to a match
	InstCapture                    // record the position in capture slot Arg, go on to Out
	InstEmptyWidth                 // go on to Out if the assertions in Arg (an EmptyOp) hold
	InstMatch                      // the match is complete
	InstFail                       // the thread dies
	InstNop                        // go on to Out
	InstRune                       // consume a rune listed in Rune, go on to Out
	InstRune1                      // consume the one rune Rune[0], go on to Out
	InstRuneAny                    // consume any rune, go on to Out
	InstRuneAnyNotNL               // consume any rune but newline, go on to Out
)

var instOpNames = [...]string{
	InstAlt:          "InstAlt",
	InstAltMatch:     "InstAltMatch",
	InstCapture:      "InstCapture",
	InstEmptyWidth:   "InstEmptyWidth",
	InstMatch:        "InstMatch",
	InstFail:         "InstFail",
	InstNop:          "InstNop",
	InstRune:         "InstRune",
	InstRune1:        "InstRune1",
	InstRuneAny:      "InstRuneAny",
	InstRuneAnyNotNL: "InstRuneAnyNotNL",
}

// String returns the name of the opcode, such as "InstRune1", or "" for
// a value that names no opcode.
func (op InstOp) String() string {
	if int(op) < len(instOpNames) {
		return instOpNames[op]
	}
	return ""
}

// An EmptyOp is a set of zero-width assertions, one bit each.
type EmptyOp uint8

const (
	EmptyBeginLine      EmptyOp = 1 << iota // ^ in multi-line mode: at the start or after \n
	EmptyEndLine                            // $ in multi-line mode: at the end or before \n
	EmptyBeginText                          // \A: at the start of the text
	EmptyEndText                            // \z: at the end of the text
	EmptyWordBoundary                       // \b: between a word character and a non-word one
	EmptyNoWordBoundary                     // \B: not at a word boundary
)

// EmptyOpContext returns the set of assertions that hold at the position
// between the runes r1 and r2. An r1 of -1 stands for the start of the
// text and an r2 of -1 for its end.
func EmptyOpContext(r1, r2 rune) EmptyOp {
	var ops EmptyOp
	switch {
	case r1 < 0:
		ops |= EmptyBeginText | EmptyBeginLine
	case r1 == '\n':
		ops |= EmptyBeginLine
	}
	switch {
	case r2 < 0:
		ops |= EmptyEndText | EmptyEndLine
	case r2 == '\n':
		ops |= EmptyEndLine
	}
	if IsWordChar(r1) != IsWordChar(r2) {
		ops |= EmptyWordBoundary
	} else {
		ops |= EmptyNoWordBoundary
	}
	return ops
}

// IsWordChar reports whether r is a word character for \b and \B, which
// look at ASCII only: the word characters are [0-9A-Za-z_].
func IsWordChar(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
}

// An Inst is one instruction of a [Prog].
type Inst struct {
	Op   InstOp
	Out  uint32 // the next instruction, for every opcode but InstMatch and InstFail
	Arg  uint32 // InstAlt, InstAltMatch: the other branch; InstCapture: the slot; InstEmptyWidth: the EmptyOp
	Rune []rune // InstRune: sorted lo-hi pairs, or a single literal rune (folding if Arg holds FoldCase)
}

// MatchRune reports whether the instruction consumes r. It is meant for
// instructions whose Op is [InstRune] (or one of its special cases).
func (i *Inst) MatchRune(r rune) bool {
	return i.MatchRunePos(r) >= 0
}

// MatchRunePos reports which entry of Rune matches r: the index of the
// lo-hi pair holding it, or 0 when Rune is a single literal rune that
// equals r (or folds to it, under FoldCase). It returns -1 when nothing
// matches. It is meant for instructions whose Op is [InstRune].
func (i *Inst) MatchRunePos(r rune) int {
	runes := i.Rune
	n := len(runes)
	switch {
	case n == 0:
		return -1
	case n == 1:
		// One rune is a literal, not a range.
		lit := runes[0]
		if r == lit {
			return 0
		}
		if Flags(i.Arg)&FoldCase != 0 {
			for f := unicode.SimpleFold(lit); f != lit; f = unicode.SimpleFold(f) {
				if f == r {
					return 0
				}
			}
		}
		return -1
	case n == 2:
		if runes[0] <= r && r <= runes[1] {
			return 0
		}
		return -1
	case n == 4 || n == 6 || n == 8:
		// A few pairs: scan them in order, stopping at the first that
		// starts above r.
		for k := 0; k < n; k += 2 {
			if r < runes[k] {
				return -1
			}
			if r <= runes[k+1] {
				return k / 2
			}
		}
		return -1
	}
	// Many pairs: bisect. With an odd length the last rune is ignored.
	lo, hi := 0, n/2
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch {
		case r < runes[2*mid]:
			hi = mid
		case r <= runes[2*mid+1]:
			return mid
		default:
			lo = mid + 1
		}
	}
	return -1
}

// MatchEmptyWidth reports whether the instruction's assertion holds
// between the runes before and after (-1 for either end of the text). It
// is meant for instructions whose Op is [InstEmptyWidth] and whose Arg is
// a single [EmptyOp]; any other Arg makes it panic.
func (i *Inst) MatchEmptyWidth(before rune, after rune) bool {
	switch EmptyOp(i.Arg) {
	case EmptyBeginLine:
		return before == '\n' || before == -1
	case EmptyEndLine:
		return after == '\n' || after == -1
	case EmptyBeginText:
		return before == -1
	case EmptyEndText:
		return after == -1
	case EmptyWordBoundary:
		return IsWordChar(before) != IsWordChar(after)
	case EmptyNoWordBoundary:
		return IsWordChar(before) == IsWordChar(after)
	}
	panic("unknown empty width arg")
}

// String describes the instruction as a line of [Prog.String] does, such
// as `rune1 "a" -> 3` or `alt -> 1, 4`.
func (i *Inst) String() string {
	var b strings.Builder
	i.write(&b)
	return b.String()
}

// String lists the program, one instruction a line: its index, right
// aligned in three columns and marked * when it is Start, a tab, and the
// instruction as [Inst.String] writes it.
func (p *Prog) String() string {
	var b strings.Builder
	for pc := range p.Inst {
		num := strconv.Itoa(pc)
		b.WriteString(strings.Repeat(" ", max(0, 3-len(num))))
		b.WriteString(num)
		if pc == p.Start {
			b.WriteByte('*')
		}
		b.WriteByte('\t')
		p.Inst[pc].write(&b)
		b.WriteByte('\n')
	}
	return b.String()
}

func (i *Inst) write(b *strings.Builder) {
	out := strconv.FormatUint(uint64(i.Out), 10)
	arg := strconv.FormatUint(uint64(i.Arg), 10)
	switch i.Op {
	case InstAlt:
		b.WriteString("alt -> " + out + ", " + arg)
	case InstAltMatch:
		b.WriteString("altmatch -> " + out + ", " + arg)
	case InstCapture:
		b.WriteString("cap " + arg + " -> " + out)
	case InstEmptyWidth:
		b.WriteString("empty " + arg + " -> " + out)
	case InstMatch:
		b.WriteString("match")
	case InstFail:
		b.WriteString("fail")
	case InstNop:
		b.WriteString("nop -> " + out)
	case InstRune:
		if i.Rune == nil {
			// Never compiled so; written the way the standard library
			// writes it, which is followed by the usual line.
			b.WriteString("rune <nil>")
		}
		b.WriteString("rune " + strconv.QuoteToASCII(string(i.Rune)))
		if Flags(i.Arg)&FoldCase != 0 {
			b.WriteString("/i")
		}
		b.WriteString(" -> " + out)
	case InstRune1:
		b.WriteString("rune1 " + strconv.QuoteToASCII(string(i.Rune)) + " -> " + out)
	case InstRuneAny:
		b.WriteString("any -> " + out)
	case InstRuneAnyNotNL:
		b.WriteString("anynotnl -> " + out)
	}
}

// consumes reports whether op is InstRune or one of its special cases.
func (op InstOp) consumes() bool {
	return op == InstRune || op == InstRune1 || op == InstRuneAny || op == InstRuneAnyNotNL
}

// follow returns the first instruction from pc on that is neither a Nop
// nor a Capture.
func (p *Prog) follow(pc uint32) *Inst {
	i := &p.Inst[pc]
	for i.Op == InstNop || i.Op == InstCapture {
		i = &p.Inst[i.Out]
	}
	return i
}

// Prefix returns the literal text every match begins with, read from the
// chain of single-rune instructions at the start of the program, and
// whether that text is a whole match. A case-folding rune or U+FFFD ends
// the text.
func (p *Prog) Prefix() (prefix string, complete bool) {
	i := p.follow(uint32(p.Start))
	if !i.Op.consumes() || len(i.Rune) != 1 {
		return "", i.Op == InstMatch
	}
	var b strings.Builder
	for i.Op.consumes() && len(i.Rune) == 1 && Flags(i.Arg)&FoldCase == 0 && i.Rune[0] != utf8.RuneError {
		b.WriteRune(i.Rune[0])
		i = p.follow(i.Out)
	}
	return b.String(), i.Op == InstMatch
}

// StartCond returns the assertions every match must satisfy where it
// begins, collected from the empty-width instructions the program starts
// with, or ^EmptyOp(0) when no match is possible.
func (p *Prog) StartCond() EmptyOp {
	var cond EmptyOp
	for i := &p.Inst[p.Start]; ; i = &p.Inst[i.Out] {
		switch i.Op {
		case InstEmptyWidth:
			cond |= EmptyOp(i.Arg)
		case InstFail:
			return ^EmptyOp(0)
		case InstCapture, InstNop:
		default:
			return cond
		}
	}
}
