package stdprog

import (
	"slices"
	"unicode"
)

// maxOnePassShape is the program length from which the standard library
// does not try the one-pass analysis at all (it would cost more than it
// saves), so such programs are never one-pass.
const maxOnePassShape = 1000

// isOnePassShape reports whether the standard library would find the
// modelled program one-pass, which changes what LiteralPrefix reports.
//
// A program is one-pass when it starts with \A and, at every choice,
// the next rune of input (or the end of the text) tells which way to go.
// The standard library decides this with a particular analysis, including
// its blind spots (a choice inside a loop may be judged against a
// successor whose runes are not known yet), and LiteralPrefix must agree
// with it exactly, so the steps below follow that analysis, not the
// stricter test our own one-pass engine applies.
func (p *shapeProg) isOnePassShape() bool {
	if p.start == 0 {
		return false
	}
	if first := &p.inst[p.start]; first.op != shapeEmpty || !first.beginText {
		return false
	}
	hasAlt := slices.ContainsFunc(p.inst, func(i shapeInst) bool { return i.op == shapeAlt })
	// With choices in the program, the only way to reach the match must
	// be through \z: otherwise a match could end at several places and a
	// single pass could not know when to stop.
	for _, i := range p.inst {
		toMatch := p.inst[i.out].op == shapeMatch
		switch i.op {
		case shapeAlt:
			if toMatch || p.inst[i.arg].op == shapeMatch {
				return false
			}
		case shapeEmpty:
			if toMatch && !i.endText {
				return false
			}
		default:
			if toMatch && hasAlt {
				return false
			}
		}
	}
	if len(p.inst) >= maxOnePassShape {
		return false
	}
	inst := slices.Clone(p.inst)
	shortcutLoops(inst)
	c := onePassCheck{
		inst:     inst,
		matches:  make([]bool, len(inst)),
		runes:    make([][]rune, len(inst)),
		expanded: make([]bool, len(inst)),
		queued:   make([]bool, len(inst)),
		visited:  make([]int, len(inst)),
	}
	return c.run(p.start)
}

// shortcutLoops rewrites two idioms of compiled loops whose choices look
// ambiguous but are not, as the standard library does before its analysis.
// For a choice A with one leg to another choice B and the other leg to a
// plain instruction X:
//
//   - if B loops back to A, B's back edge is pointed at X instead;
//   - if, after that, B's leg equals X, A's leg to B is pointed past B
//     (at B's other leg), since B would only offer X again.
func shortcutLoops(inst []shapeInst) {
	for pc := range inst {
		a := &inst[pc]
		if a.op != shapeAlt {
			continue
		}
		toB, toX := &a.arg, &a.out
		if inst[*toB].op != shapeAlt {
			toB, toX = toX, toB
			if inst[*toB].op != shapeAlt {
				continue
			}
		}
		if inst[*toX].op == shapeAlt {
			continue
		}
		b := &inst[*toB]
		bOut, bArg := b.out, b.arg
		near, far := &b.out, &b.arg
		loops := true
		switch uint32(pc) {
		case bOut:
		case bArg:
			near, far = far, near
		default:
			loops = false
		}
		if loops {
			*near = *toX
		}
		if *toX == *near {
			*toB = *far
		}
	}
}

// onePassCheck is the state of the ambiguity analysis.
type onePassCheck struct {
	inst []shapeInst
	// matches[pc]: the match can be reached from pc without input.
	matches []bool
	// runes[pc]: the sorted rune ranges that can be consumed next from pc.
	runes [][]rune
	// expanded[pc]: the rune instruction at pc has had its set computed
	// and its successor queued; it is not expanded again.
	expanded []bool
	// queue lists the instructions the analysis starts from, in order;
	// queued marks those ever put on it.
	queue  []uint32
	queued []bool
	// visited[pc] == round: pc was reached in the current round.
	visited []int
	round   int
}

// run analyses the program from start and each instruction after a rune,
// and reports whether no choice was ambiguous.
func (c *onePassCheck) run(start uint32) bool {
	c.enqueue(start)
	for len(c.queue) > 0 {
		pc := c.queue[0]
		c.queue = c.queue[1:]
		c.round++
		if !c.check(pc) {
			return false
		}
	}
	return true
}

func (c *onePassCheck) enqueue(pc uint32) {
	if !c.queued[pc] {
		c.queued[pc] = true
		c.queue = append(c.queue, pc)
	}
}

// check analyses the instructions reachable from pc without input, depth
// first, and reports false on an ambiguous choice. An instruction already
// reached in this round is taken as it stands, even if its analysis is
// still in progress further up (a loop).
func (c *onePassCheck) check(pc uint32) bool {
	if c.visited[pc] == c.round {
		return true
	}
	c.visited[pc] = c.round
	i := &c.inst[pc]
	switch i.op {
	case shapeAlt:
		if !c.check(i.out) || !c.check(i.arg) {
			return false
		}
		mOut, mArg := c.matches[i.out], c.matches[i.arg]
		if mOut && mArg {
			return false // both legs can match without input
		}
		if mArg {
			i.out, i.arg = i.arg, i.out
			mOut = true
		}
		if mOut {
			// Never reset to false: a leg still being analysed in a
			// loop may have looked unmatched in an earlier round.
			c.matches[pc] = true
		}
		merged, ok := mergeDisjoint(c.runes[i.out], c.runes[i.arg])
		if !ok {
			return false // some rune could take either leg
		}
		c.runes[pc] = merged
	case shapeNop, shapeCapture, shapeEmpty:
		if !c.check(i.out) {
			return false
		}
		c.matches[pc] = c.matches[i.out]
		c.runes[pc] = c.runes[i.out]
	case shapeMatch:
		c.matches[pc] = true
	case shapeFail:
		c.matches[pc] = false
	default: // consumes a rune
		c.matches[pc] = false
		if c.expanded[pc] {
			break
		}
		c.expanded[pc] = true
		c.enqueue(i.out)
		c.runes[pc] = consumedRunes(i)
	}
	return true
}

// consumedRunes returns the sorted rune ranges a rune instruction accepts.
func consumedRunes(i *shapeInst) []rune {
	switch {
	case i.op == shapeRuneAny:
		return anyRune
	case i.op == shapeRuneAnyNotNL:
		return anyButNewline
	case len(i.runes) == 0:
		return []rune{}
	case i.fold:
		r0 := i.runes[0]
		set := []rune{r0, r0}
		for r := unicode.SimpleFold(r0); r != r0; r = unicode.SimpleFold(r) {
			set = append(set, r, r)
		}
		slices.Sort(set) // pairs of equal runes stay pairs
		return set
	case i.op == shapeRune1:
		return []rune{i.runes[0], i.runes[0]}
	}
	return i.runes
}

// mergeDisjoint returns the union of two sorted lists of disjoint rune
// ranges, sorted, or false if a range of one overlaps a range of the other.
func mergeDisjoint(a, b []rune) ([]rune, bool) {
	merged := make([]rune, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		var lo, hi rune
		if len(a) == 0 || len(b) > 0 && b[0] < a[0] {
			lo, hi, b = b[0], b[1], b[2:]
		} else {
			lo, hi, a = a[0], a[1], a[2:]
		}
		if n := len(merged); n > 0 && lo <= merged[n-1] {
			return nil, false
		}
		merged = append(merged, lo, hi)
	}
	return merged, true
}
