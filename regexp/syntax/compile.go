package syntax

import "unicode"

// Compile compiles the tree into a [Prog], the rune-level program the
// standard library's regexp/syntax.Compile builds for the same tree: the
// same instructions in the same order, so tools reading either program
// see the same thing. re should be simplified first ([Regexp.Simplify]);
// an [OpRepeat] node makes Compile panic, as it does in the standard
// library. The error is always nil.
//
// Package regexp does not use this program: its engines run a byte-level
// program of their own (see docs/ARCHITECTURE.md).
func Compile(re *Regexp) (*Prog, error) {
	c := progCompiler{p: &Prog{NumCap: 2}} // slots 0 and 1 are group 0
	// Instruction 0 is a Fail, so that 0 can mean "no fragment" and "no
	// hole": no fragment starts there and nothing ever continues from it.
	c.emit(Inst{Op: InstFail})
	f := c.compile(re)
	match := c.emit(Inst{Op: InstMatch})
	f.holes.fill(c.p, match)
	c.p.Start = int(f.start)
	return c.p, nil
}

// A fragment is the compiled form of a subtree: the instruction it starts
// at and the holes, the Out or Arg fields still to be pointed at whatever
// follows it. The fragment that never matches has start 0.
type fragment struct {
	start    uint32
	holes    holeList
	nullable bool // it can match the empty string
}

// A holeList lists unfilled Out or Arg fields. Until it is filled, each
// field of the list holds the name of the next one, so the list costs no
// memory of its own. A field is named by its instruction's index shifted
// left once, plus 1 for Arg; 0 ends the list, which works because no
// field of instruction 0 is ever a hole.
//
// The names left in the fields of a fragment that is thrown away (a
// concatenation with a part that cannot match) stay in the program, as
// they do in the standard library's, so they show in [Prog.String] too.
type holeList struct {
	first, last uint32
}

func outHole(pc uint32) holeList { return holeList{pc << 1, pc << 1} }
func argHole(pc uint32) holeList { return holeList{pc<<1 | 1, pc<<1 | 1} }

// field returns the Out or Arg field that name refers to.
func field(p *Prog, name uint32) *uint32 {
	if name&1 == 0 {
		return &p.Inst[name>>1].Out
	}
	return &p.Inst[name>>1].Arg
}

// fill points every field of the list at pc.
func (l holeList) fill(p *Prog, pc uint32) {
	for name := l.first; name != 0; {
		f := field(p, name)
		name, *f = *f, pc
	}
}

// join returns the list of the holes of l followed by those of m.
func (l holeList) join(p *Prog, m holeList) holeList {
	switch {
	case l.first == 0:
		return m
	case m.first == 0:
		return l
	}
	*field(p, l.last) = m.first
	return holeList{l.first, m.last}
}

// progCompiler builds a Prog from a tree, fragment by fragment.
type progCompiler struct {
	p *Prog
}

// emit appends an instruction and returns its index.
func (c *progCompiler) emit(i Inst) uint32 {
	c.p.Inst = append(c.p.Inst, i)
	return uint32(len(c.p.Inst) - 1)
}

// single emits an instruction whose Out is the fragment's one hole; such
// a fragment matches the empty string unless it consumes a rune.
func (c *progCompiler) single(i Inst) fragment {
	pc := c.emit(i)
	return fragment{start: pc, holes: outHole(pc), nullable: !i.Op.consumes()}
}

// The runes of . without and with the s flag.
var (
	anyRuneButNewline = []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}
	anyRuneAtAll      = []rune{0, unicode.MaxRune}
)

func (c *progCompiler) compile(re *Regexp) fragment {
	switch re.Op {
	case OpNoMatch:
		return fragment{}
	case OpEmptyMatch:
		return c.single(Inst{Op: InstNop})
	case OpLiteral:
		if len(re.Rune) == 0 {
			return c.single(Inst{Op: InstNop})
		}
		f := c.runes(re.Rune[:1], re.Flags)
		for k := 1; k < len(re.Rune); k++ {
			f = c.concat(f, c.runes(re.Rune[k:k+1], re.Flags))
		}
		return f
	case OpCharClass:
		return c.runes(re.Rune, re.Flags)
	case OpAnyCharNotNL:
		return c.runes(anyRuneButNewline, 0)
	case OpAnyChar:
		return c.runes(anyRuneAtAll, 0)
	case OpBeginLine:
		return c.assert(EmptyBeginLine)
	case OpEndLine:
		return c.assert(EmptyEndLine)
	case OpBeginText:
		return c.assert(EmptyBeginText)
	case OpEndText:
		return c.assert(EmptyEndText)
	case OpWordBoundary:
		return c.assert(EmptyWordBoundary)
	case OpNoWordBoundary:
		return c.assert(EmptyNoWordBoundary)
	case OpCapture:
		open := c.capture(uint32(re.Cap << 1))
		body := c.compile(re.Sub[0])
		closing := c.capture(uint32(re.Cap<<1 | 1))
		return c.concat(c.concat(open, body), closing)
	case OpStar:
		return c.star(c.compile(re.Sub[0]), re.Flags&NonGreedy != 0)
	case OpPlus:
		return c.plus(c.compile(re.Sub[0]), re.Flags&NonGreedy != 0)
	case OpQuest:
		return c.quest(c.compile(re.Sub[0]), re.Flags&NonGreedy != 0)
	case OpConcat:
		if len(re.Sub) == 0 {
			return c.single(Inst{Op: InstNop})
		}
		f := c.compile(re.Sub[0])
		for _, sub := range re.Sub[1:] {
			f = c.concat(f, c.compile(sub))
		}
		return f
	case OpAlternate:
		var f fragment
		for _, sub := range re.Sub {
			f = c.alternate(f, c.compile(sub))
		}
		return f
	}
	// OpRepeat (an unsimplified tree) and anything else; the standard
	// library panics with the same message.
	panic("regexp: unhandled case in compile")
}

// runes compiles one rune instruction for a class or a literal rune. Only
// a single rune with other case forms keeps the FoldCase flag, and the
// common shapes get their special opcodes.
func (c *progCompiler) runes(r []rune, flags Flags) fragment {
	flags &= FoldCase
	if len(r) != 1 || unicode.SimpleFold(r[0]) == r[0] {
		flags = 0
	}
	op := InstRune
	switch {
	case flags == 0 && (len(r) == 1 || len(r) == 2 && r[0] == r[1]):
		op = InstRune1
	case len(r) == 2 && r[0] == 0 && r[1] == unicode.MaxRune:
		op = InstRuneAny
	case len(r) == 4 && r[0] == 0 && r[1] == '\n'-1 && r[2] == '\n'+1 && r[3] == unicode.MaxRune:
		op = InstRuneAnyNotNL
	}
	return c.single(Inst{Op: op, Rune: r, Arg: uint32(flags)})
}

func (c *progCompiler) assert(op EmptyOp) fragment {
	return c.single(Inst{Op: InstEmptyWidth, Arg: uint32(op)})
}

func (c *progCompiler) capture(slot uint32) fragment {
	c.p.NumCap = max(c.p.NumCap, int(slot)+1)
	return c.single(Inst{Op: InstCapture, Arg: slot})
}

// concat joins two fragments; if either never matches, neither does the
// result (and the other's holes stay unfilled).
func (c *progCompiler) concat(f, g fragment) fragment {
	if f.start == 0 || g.start == 0 {
		return fragment{}
	}
	f.holes.fill(c.p, g.start)
	return fragment{start: f.start, holes: g.holes, nullable: f.nullable && g.nullable}
}

// alternate prefers f to g; a fragment that never matches drops out.
func (c *progCompiler) alternate(f, g fragment) fragment {
	switch {
	case f.start == 0:
		return g
	case g.start == 0:
		return f
	}
	pc := c.emit(Inst{Op: InstAlt, Out: f.start, Arg: g.start})
	return fragment{start: pc, holes: f.holes.join(c.p, g.holes), nullable: f.nullable || g.nullable}
}

// branch emits an Alt whose preferred side (Out, or Arg when non-greedy)
// enters f, and returns it with its other side as its only hole.
func (c *progCompiler) branch(f fragment, nonGreedy bool) fragment {
	if nonGreedy {
		pc := c.emit(Inst{Op: InstAlt, Arg: f.start})
		return fragment{start: pc, holes: outHole(pc), nullable: true}
	}
	pc := c.emit(Inst{Op: InstAlt, Out: f.start})
	return fragment{start: pc, holes: argHole(pc), nullable: true}
}

func (c *progCompiler) quest(f fragment, nonGreedy bool) fragment {
	q := c.branch(f, nonGreedy)
	q.holes = q.holes.join(c.p, f.holes)
	return q
}

// loop emits the Alt that ends each pass through f and decides whether
// to go round again.
func (c *progCompiler) loop(f fragment, nonGreedy bool) fragment {
	l := c.branch(f, nonGreedy)
	f.holes.fill(c.p, l.start)
	return l
}

func (c *progCompiler) plus(f fragment, nonGreedy bool) fragment {
	return fragment{start: f.start, holes: c.loop(f, nonGreedy).holes, nullable: f.nullable}
}

// star is a loop entered at its Alt, except that a body that can match
// empty is compiled as (f+)?, so that the preferred empty pass comes from
// the body rather than from skipping it (golang.org/issue/46123).
func (c *progCompiler) star(f fragment, nonGreedy bool) fragment {
	if f.nullable {
		return c.quest(c.plus(f, nonGreedy), nonGreedy)
	}
	return c.loop(f, nonGreedy)
}
