package syntax

// Simplify returns a regular expression equivalent to re that has no
// [OpRepeat] nodes: each counted repetition is rewritten into copies of
// its operand joined with [OpConcat], [OpQuest], [OpStar] and [OpPlus].
// A few other rewrites that keep the meaning are applied on the way, such
// as turning (?:a+)+ into a+ and x{0} into the empty match.
//
// The result is meant for compilation, not for printing: a capturing group
// inside a counted repetition is copied, and every copy keeps the group's
// index, so (x){1,2} becomes (x)(x)? and both copies report as group 1,
// which is exactly what a match of the original reports.
//
// Each rewritten node carries the [Span] of the node it replaces, so
// positions still point into the pattern. The result may share nodes
// with re, or be re itself; re is never modified.
func (re *Regexp) Simplify() *Regexp {
	if re == nil {
		return nil
	}
	switch re.Op {
	case OpCapture, OpConcat, OpAlternate:
		return re.simplifySubs()
	case OpStar, OpPlus, OpQuest:
		return simplifyUnary(re.Op, re.Flags, re.Sub[0].Simplify(), re, re.Span)
	case OpRepeat:
		return re.simplifyRepeat()
	}
	return re
}

// simplifySubs simplifies the operands of a capture, concatenation or
// alternation. It copies re only when some operand changed, so trees
// without counted repetition come back untouched.
func (re *Regexp) simplifySubs() *Regexp {
	var out *Regexp
	for i, sub := range re.Sub {
		nsub := sub.Simplify()
		if out == nil && nsub != sub {
			out = new(Regexp)
			*out = *re
			out.Rune = nil
			out.Sub = append(out.Sub0[:0], re.Sub[:i]...)
		}
		if out != nil {
			out.Sub = append(out.Sub, nsub)
		}
	}
	if out == nil {
		return re
	}
	return out
}

// simplifyRepeat rewrites x{n,m}, x{n,} and x{n} using only unary
// operators and concatenation.
//
// The optional copies of x{n,m} are nested rather than listed, as in
// x{2,5} = xx(?:x(?:x(?:x)?)?)?: once one optional copy fails to match,
// the machine need not try the ones after it, so it keeps fewer threads.
func (re *Regexp) simplifyRepeat() *Regexp {
	span := re.Span
	// x{0} (and x{0,0}) match only the empty string; x is never tried,
	// so it does not even need to be simplified.
	if re.Min == 0 && re.Max == 0 {
		return &Regexp{Op: OpEmptyMatch, Span: span}
	}
	sub := re.Sub[0].Simplify()

	if re.Max == -1 {
		switch re.Min {
		case 0:
			return simplifyUnary(OpStar, re.Flags, sub, nil, span)
		case 1:
			return simplifyUnary(OpPlus, re.Flags, sub, nil, span)
		}
		// x{n,} is n-1 copies of x followed by x+.
		cat := &Regexp{Op: OpConcat, Span: span}
		cat.Sub = cat.Sub0[:0]
		for range re.Min - 1 {
			cat.Sub = append(cat.Sub, sub)
		}
		cat.Sub = append(cat.Sub, simplifyUnary(OpPlus, re.Flags, sub, nil, span))
		return cat
	}

	if re.Min == 1 && re.Max == 1 {
		return sub
	}

	// The required copies first.
	var prefix *Regexp
	if re.Min > 0 {
		prefix = &Regexp{Op: OpConcat, Span: span}
		prefix.Sub = prefix.Sub0[:0]
		for range re.Min {
			prefix.Sub = append(prefix.Sub, sub)
		}
	}

	// Then the optional ones, built from the innermost outwards.
	if re.Max > re.Min {
		suffix := simplifyUnary(OpQuest, re.Flags, sub, nil, span)
		for range re.Max - re.Min - 1 {
			cat := &Regexp{Op: OpConcat, Span: span}
			cat.Sub = append(cat.Sub0[:0], sub, suffix)
			suffix = simplifyUnary(OpQuest, re.Flags, cat, nil, span)
		}
		if prefix == nil {
			return suffix
		}
		prefix.Sub = append(prefix.Sub, suffix)
	}
	if prefix != nil {
		return prefix
	}

	// Only counts the parser rejects get here, such as Min > Max;
	// such a repetition can match nothing.
	return &Regexp{Op: OpNoMatch, Span: span}
}

// simplifyUnary returns the simplest tree equivalent to the unary
// operator op (OpStar, OpPlus or OpQuest) with flags applied to the
// already simplified sub, spanning span. When orig is that very
// operator over that very sub, orig itself is returned so unchanged
// trees are not copied.
func simplifyUnary(op Op, flags Flags, sub, orig *Regexp, span Span) *Regexp {
	// However often the empty string is repeated, it stays the empty
	// string.
	if sub.Op == OpEmptyMatch {
		return sub
	}
	// (?:x*)*, (?:x+)+ and (?:x?)? mean x*, x+ and x? when both operators
	// are equally greedy.
	if sub.Op == op && sub.Flags&NonGreedy == flags&NonGreedy {
		return sub
	}
	if orig != nil && orig.Op == op && orig.Flags&NonGreedy == flags&NonGreedy && orig.Sub[0] == sub {
		return orig
	}
	re := &Regexp{Op: op, Flags: flags, Span: span}
	re.Sub = append(re.Sub0[:0], sub)
	return re
}
