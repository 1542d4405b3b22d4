// Package stdprog models the shape of the standard library's compiled
// program, for the one answer of package regexp that depends on it:
// LiteralPrefix.
package stdprog

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// LiteralPrefix must report exactly what the standard library reports, and
// the standard library derives its answer from the shape of its own
// compiled program, rune-level and quite different from our byte NFA:
//
//   - normally, the runes of the single-rune instructions the program
//     begins with, skipping no-ops and captures, stopping at a case-folded
//     rune or U+FFFD; complete when the next instruction is the match;
//   - but when the program is "one-pass" (it begins with \A and never
//     needs to choose between threads), the literal runes right after the
//     \A, skipping only no-ops; complete when they are followed by \z and
//     the match.
//
// So `^abc` has prefix "abc" (one-pass), `(^abc)` has "" (a capture comes
// first, so it is not one-pass, and the normal rule sees \A), and `^abc|^x`
// depends on whether its alternation is ambiguous. To give the same answer
// for every pattern, this file models that program: shapeProg lays out the
// same instructions in the same order for a simplified tree, and
// isOnePassShape applies the same one-pass test to it. Nothing here is used
// for matching.

// shapeOp is the operation of one instruction of the modelled program.
type shapeOp uint8

const (
	shapeFail shapeOp = iota
	shapeMatch
	shapeNop
	shapeCapture
	shapeEmpty   // an empty-width assertion; see beginText, endText
	shapeRune    // one rune from a set (or a case-folded single rune)
	shapeRune1   // exactly one rune, case-sensitive
	shapeRuneAny // any rune
	shapeRuneAnyNotNL
	shapeAlt // a choice between out (preferred) and arg
)

// A shapeInst is one instruction of the modelled program.
type shapeInst struct {
	op        shapeOp
	out, arg  uint32
	runes     []rune // shapeRune, shapeRune1: ranges, or one rune
	fold      bool   // a single rune matched case-insensitively
	beginText bool   // shapeEmpty: \A
	endText   bool   // shapeEmpty: \z
}

// runeLike reports whether the instruction consumes one rune, which is
// the only kind a literal prefix is made of.
func (i *shapeInst) runeLike() bool {
	switch i.op {
	case shapeRune, shapeRune1, shapeRuneAny, shapeRuneAnyNotNL:
		return true
	}
	return false
}

// literalRune reports whether the instruction matches exactly one rune,
// case-sensitively, and that rune is not U+FFFD (which also matches
// invalid bytes, so it is not literal text).
func (i *shapeInst) literalRune() bool {
	return i.runeLike() && len(i.runes) == 1 && !i.fold && i.runes[0] != utf8.RuneError
}

// A hole is an unset successor of an instruction: its arg when arg is set,
// else its out.
type hole struct {
	pc  uint32
	arg bool
}

// A shapeFrag is a compiled piece of the tree: its entry instruction (0,
// the fail instruction, for a piece that can never match), its holes, and
// whether it can match without consuming input.
type shapeFrag struct {
	start    uint32
	holes    []hole
	nullable bool
}

// shapeProg is the modelled program of one tree.
type shapeProg struct {
	inst  []shapeInst
	start uint32
}

// newShapeProg lays out the program for the simplified tree.
func newShapeProg(tree *syntax.Regexp) *shapeProg {
	p := &shapeProg{inst: []shapeInst{{op: shapeFail}}}
	f := p.compile(tree)
	match := p.add(shapeInst{op: shapeMatch})
	p.patch(f.holes, match.start)
	p.start = f.start
	return p
}

// add appends an instruction and returns the fragment of it alone, with
// its out as the only hole.
func (p *shapeProg) add(i shapeInst) shapeFrag {
	pc := uint32(len(p.inst))
	p.inst = append(p.inst, i)
	return shapeFrag{start: pc, holes: []hole{{pc: pc}}, nullable: true}
}

func (p *shapeProg) patch(holes []hole, to uint32) {
	for _, h := range holes {
		if h.arg {
			p.inst[h.pc].arg = to
		} else {
			p.inst[h.pc].out = to
		}
	}
}

func (p *shapeProg) compile(re *syntax.Regexp) shapeFrag {
	switch re.Op {
	case syntax.OpNoMatch:
		return shapeFrag{}
	case syntax.OpEmptyMatch:
		return p.add(shapeInst{op: shapeNop})
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return p.add(shapeInst{op: shapeNop})
		}
		var f shapeFrag
		for i := range re.Rune {
			r := p.runes(re.Rune[i:i+1], re.Flags)
			if i == 0 {
				f = r
			} else {
				f = p.cat(f, r)
			}
		}
		return f
	case syntax.OpCharClass:
		return p.runes(re.Rune, re.Flags)
	case syntax.OpAnyCharNotNL:
		return p.runes(anyButNewline, 0)
	case syntax.OpAnyChar:
		return p.runes(anyRune, 0)
	case syntax.OpBeginText:
		return p.add(shapeInst{op: shapeEmpty, beginText: true})
	case syntax.OpEndText:
		return p.add(shapeInst{op: shapeEmpty, endText: true})
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return p.add(shapeInst{op: shapeEmpty})
	case syntax.OpCapture:
		open := p.add(shapeInst{op: shapeCapture})
		sub := p.compile(re.Sub[0])
		closing := p.add(shapeInst{op: shapeCapture})
		return p.cat(p.cat(open, sub), closing)
	case syntax.OpStar:
		return p.star(p.compile(re.Sub[0]), re.Flags&syntax.NonGreedy != 0)
	case syntax.OpPlus:
		return p.plus(p.compile(re.Sub[0]), re.Flags&syntax.NonGreedy != 0)
	case syntax.OpQuest:
		return p.quest(p.compile(re.Sub[0]), re.Flags&syntax.NonGreedy != 0)
	case syntax.OpConcat:
		if len(re.Sub) == 0 {
			return p.add(shapeInst{op: shapeNop})
		}
		f := p.compile(re.Sub[0])
		for _, sub := range re.Sub[1:] {
			f = p.cat(f, p.compile(sub))
		}
		return f
	case syntax.OpAlternate:
		var f shapeFrag
		for _, sub := range re.Sub {
			f = p.alt(f, p.compile(sub))
		}
		return f
	}
	// OpRepeat does not survive Simplify. Should one appear, a choice
	// point is the conservative model: it ends any literal prefix.
	return p.add(shapeInst{op: shapeAlt})
}

var (
	anyRune       = []rune{0, unicode.MaxRune}
	anyButNewline = []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}
)

// runes adds the instruction matching one rune of the set r.
func (p *shapeProg) runes(r []rune, flags syntax.Flags) shapeFrag {
	i := shapeInst{op: shapeRune, runes: r}
	// Case folding only changes a single rune that has other cases; a
	// class already lists all its cases.
	i.fold = flags&syntax.FoldCase != 0 && len(r) == 1 && unicode.SimpleFold(r[0]) != r[0]
	switch {
	case !i.fold && (len(r) == 1 || len(r) == 2 && r[0] == r[1]):
		i.op = shapeRune1
	case slices.Equal(r, anyRune):
		i.op = shapeRuneAny
	case slices.Equal(r, anyButNewline):
		i.op = shapeRuneAnyNotNL
	}
	f := p.add(i)
	f.nullable = false
	return f
}

// cat joins f1 then f2. A piece that cannot match makes the whole
// concatenation unable to match.
func (p *shapeProg) cat(f1, f2 shapeFrag) shapeFrag {
	if f1.start == 0 || f2.start == 0 {
		return shapeFrag{}
	}
	p.patch(f1.holes, f2.start)
	return shapeFrag{start: f1.start, holes: f2.holes, nullable: f1.nullable && f2.nullable}
}

// alt offers f1, then f2. A side that cannot match is left out, with no
// choice instruction.
func (p *shapeProg) alt(f1, f2 shapeFrag) shapeFrag {
	if f1.start == 0 {
		return f2
	}
	if f2.start == 0 {
		return f1
	}
	f := p.add(shapeInst{op: shapeAlt, out: f1.start, arg: f2.start})
	f.holes = append(slices.Clip(f1.holes), f2.holes...)
	f.nullable = f1.nullable || f2.nullable
	return f
}

// quest makes f1 optional.
func (p *shapeProg) quest(f1 shapeFrag, nonGreedy bool) shapeFrag {
	f := p.add(shapeInst{op: shapeAlt})
	pc := f.start
	if nonGreedy {
		p.inst[pc].arg = f1.start
		f.holes = []hole{{pc: pc}}
	} else {
		p.inst[pc].out = f1.start
		f.holes = []hole{{pc: pc, arg: true}}
	}
	f.holes = append(f.holes, f1.holes...)
	return f
}

// loop adds the choice instruction that repeats f1 and leaves it.
func (p *shapeProg) loop(f1 shapeFrag, nonGreedy bool) shapeFrag {
	f := p.add(shapeInst{op: shapeAlt})
	pc := f.start
	if nonGreedy {
		p.inst[pc].arg = f1.start
		f.holes = []hole{{pc: pc}}
	} else {
		p.inst[pc].out = f1.start
		f.holes = []hole{{pc: pc, arg: true}}
	}
	p.patch(f1.holes, pc)
	return f
}

// star repeats f1 zero or more times. A body that can match empty is
// written (f1+)? so that the preferred choices come out as the standard
// library's do.
func (p *shapeProg) star(f1 shapeFrag, nonGreedy bool) shapeFrag {
	if f1.nullable {
		return p.quest(p.plus(f1, nonGreedy), nonGreedy)
	}
	return p.loop(f1, nonGreedy)
}

// plus repeats f1 one or more times: f1 first, then the loop.
func (p *shapeProg) plus(f1 shapeFrag, nonGreedy bool) shapeFrag {
	return shapeFrag{start: f1.start, holes: p.loop(f1, nonGreedy).holes, nullable: f1.nullable}
}

// skipNoops follows no-op and capture instructions from pc.
func (p *shapeProg) skipNoops(pc uint32) *shapeInst {
	i := &p.inst[pc]
	for i.op == shapeNop || i.op == shapeCapture {
		i = &p.inst[i.out]
	}
	return i
}

// LiteralPrefix returns what the standard library's
// (*regexp.Regexp).LiteralPrefix returns for a pattern whose simplified
// tree is tree.
func LiteralPrefix(tree *syntax.Regexp) (prefix string, complete bool) {
	p := newShapeProg(tree)
	if p.isOnePassShape() {
		return p.onePassPrefix()
	}
	return p.prefix()
}

// prefix is the literal prefix of a program that is not one-pass.
func (p *shapeProg) prefix() (string, bool) {
	i := p.skipNoops(p.start)
	if !i.runeLike() || len(i.runes) != 1 {
		return "", i.op == shapeMatch
	}
	var b strings.Builder
	for i.literalRune() {
		b.WriteRune(i.runes[0])
		i = p.skipNoops(i.out)
	}
	return b.String(), i.op == shapeMatch
}

// onePassPrefix is the literal prefix of a one-pass program: the literal
// runes after its leading \A. It is complete when they are followed by \z
// and the match.
func (p *shapeProg) onePassPrefix() (string, bool) {
	i := &p.inst[p.inst[p.start].out]
	for i.op == shapeNop {
		i = &p.inst[i.out]
	}
	if !i.runeLike() || len(i.runes) != 1 {
		return "", i.op == shapeMatch
	}
	var b strings.Builder
	for i.literalRune() {
		b.WriteRune(i.runes[0])
		i = &p.inst[i.out]
	}
	complete := i.op == shapeEmpty && i.endText && p.inst[i.out].op == shapeMatch
	return b.String(), complete
}

// ReaderShape returns what the standard library's program for tree tells
// about how its reader search reads: whether the program begins with \A
// (its search starts a thread at position 0 only), whether it begins with
// a failure (its search reads nothing at all), and whether the standard
// library runs it one-pass.
func ReaderShape(tree *syntax.Regexp) (anchored, impossible, onePass bool) {
	p := newShapeProg(tree)
	anchored, impossible = p.startCond()
	return anchored, impossible, p.isOnePassShape()
}

// startCond reports what the program requires at its start (the standard
// library's StartCond): whether it begins with \A, and whether it begins
// with a failure.
func (p *shapeProg) startCond() (anchored, impossible bool) {
	for pc := p.start; ; {
		i := &p.inst[pc]
		switch i.op {
		case shapeFail:
			return false, true
		case shapeEmpty:
			anchored = anchored || i.beginText
		case shapeNop, shapeCapture:
		default:
			return anchored, false
		}
		pc = i.out
	}
}
