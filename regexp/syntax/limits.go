package syntax

// The checks in this file keep a parse proportional to its pattern and
// reject the same patterns the standard library rejects as too large or
// too deeply nested. They follow its method closely, including when it
// starts measuring: measuring every node from the start would reject
// patterns it accepts.

// checkLimits fails the parse if adding re made the tree too big.
func (p *parser) checkLimits(re *Regexp) {
	if p.numRunes > maxRunes {
		p.failWhole(ErrLarge, re.Span)
	}
	p.checkSize(re)
	p.checkHeight(re)
}

// checkSize fails the parse if the program for re would be too large.
//
// Sizes are only computed once the number of nodes times the product of
// all repeat counts seen could exceed the budget; before that, nothing can.
func (p *parser) checkSize(re *Regexp) {
	if p.sizes == nil {
		if p.repeats == 0 {
			p.repeats = 1
		}
		if re.Op == OpRepeat {
			n := re.Max
			if n == -1 {
				n = re.Min
			}
			n = max(n, 1)
			if int64(n) > maxSize/p.repeats {
				p.repeats = maxSize
			} else {
				p.repeats *= int64(n)
			}
		}
		if int64(p.allocated) < maxSize/p.repeats {
			return
		}
		p.sizes = make(map[*Regexp]int64)
		for _, old := range p.stack {
			p.checkSize(old)
		}
	}
	if p.size(re, true) > maxSize {
		p.failWhole(ErrLarge, re.Span)
	}
}

// size estimates the number of instructions compiled from re, reusing the
// estimates of subtrees already measured unless force is set.
func (p *parser) size(re *Regexp, force bool) int64 {
	if !force {
		if n, ok := p.sizes[re]; ok {
			return n
		}
	}
	var n int64
	switch re.Op {
	case OpLiteral:
		n = int64(len(re.Rune))
	case OpCapture, OpStar:
		n = 2 + p.size(re.Sub[0], false)
	case OpPlus, OpQuest:
		n = 1 + p.size(re.Sub[0], false)
	case OpConcat, OpAlternate:
		for _, sub := range re.Sub {
			n += p.size(sub, false)
		}
		if re.Op == OpAlternate {
			n += int64(len(re.Sub)) - 1
		}
	case OpRepeat:
		sub := p.size(re.Sub[0], false)
		switch {
		case re.Max == -1 && re.Min == 0:
			n = 2 + sub
		case re.Max == -1:
			n = 1 + int64(re.Min)*sub
		default:
			// x{2,5} compiles as xx(x(x(x)?)?)?.
			n = int64(re.Max)*sub + int64(re.Max-re.Min)
		}
	}
	n = max(n, 1)
	p.sizes[re] = n
	return n
}

// checkHeight fails the parse if re is nested too deeply. Heights are only
// computed once enough nodes exist to make a deep tree.
func (p *parser) checkHeight(re *Regexp) {
	if p.allocated < maxHeight {
		return
	}
	if p.heights == nil {
		p.heights = make(map[*Regexp]int)
		for _, old := range p.stack {
			p.checkHeight(old)
		}
	}
	if p.height(re, true) > maxHeight {
		p.failWhole(ErrNestingDepth, re.Span)
	}
}

// height returns the height of re, reusing measured subtrees unless force
// is set.
func (p *parser) height(re *Regexp, force bool) int {
	if len(re.Sub) == 0 {
		// Leaves, most nodes of a big alternation, stay out of the
		// map.
		return 1
	}
	if !force {
		if h, ok := p.heights[re]; ok {
			return h
		}
	}
	h := 1
	for _, sub := range re.Sub {
		h = max(h, 1+p.height(sub, false))
	}
	p.heights[re] = h
	return h
}
