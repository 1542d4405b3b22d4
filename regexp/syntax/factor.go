package syntax

// factor rewrites a list of alternatives so that shared prefixes are
// matched once, and returns the new list:
//
//	abc|abd|aef|bcx|bcy   becomes   a(?:b[cd]|ef)|bc[xy]
//
// It works in four passes over runs of neighbouring alternatives (it never
// reorders alternatives, which would change leftmost-first results):
// common literal prefixes, common leading single-character pieces, runs of
// single characters merged into one class, and runs of empty matches.
//
// Each pass writes its result over the front of its input: a run of
// alternatives becomes at most one entry, so the pass never writes an
// entry it has yet to read, and factoring allocates no lists of its own.
func (p *parser) factor(subs []*Regexp) []*Regexp {
	if len(subs) < 2 {
		return subs
	}
	subs = p.factorLiteralPrefixes(subs)
	subs = p.factorLeadingPieces(subs)
	subs = p.mergeClassRuns(subs)
	return dropRepeatedEmpty(subs)
}

// factorLiteralPrefixes factors the longest literal prefix shared by each
// run of alternatives.
func (p *parser) factorLiteralPrefixes(subs []*Regexp) []*Regexp {
	out := subs[:0]
	var prefix []rune
	var prefixFold Flags
	start := 0
	for i := 0; i <= len(subs); i++ {
		var lead []rune
		var leadFold Flags
		if i < len(subs) {
			lead, leadFold = leadingLiteral(subs[i])
			if leadFold == prefixFold {
				n := 0
				for n < len(prefix) && n < len(lead) && prefix[n] == lead[n] {
					n++
				}
				if n > 0 {
					prefix = prefix[:n]
					continue
				}
			}
		}
		// subs[start:i] all begin with prefix; subs[i] does not.
		switch i - start {
		case 0:
		case 1:
			out = append(out, subs[start])
		default:
			pre := p.newNode(OpLiteral, leadingSpan(subs[start]))
			pre.Flags = prefixFold
			pre.Rune = append([]rune(nil), prefix...)
			for j := start; j < i; j++ {
				subs[j] = p.removeLeadingLiteral(subs[j], len(prefix))
				p.checkLimits(subs[j])
			}
			out = append(out, p.concatPair(pre, p.collapse(subs[start:i], OpAlternate)))
		}
		start, prefix, prefixFold = i, lead, leadFold
	}
	return out
}

// concatPair returns a new concatenation of a and b.
func (p *parser) concatPair(a, b *Regexp) *Regexp {
	re := p.newNode(OpConcat, unionSpan(a.Span, b.Span))
	re.Sub = []*Regexp{a, b}
	return re
}

// leadingLiteral returns the literal runes re begins with and whether they
// fold case.
func leadingLiteral(re *Regexp) ([]rune, Flags) {
	if re.Op == OpConcat && len(re.Sub) > 0 {
		re = re.Sub[0]
	}
	if re.Op != OpLiteral {
		return nil, 0
	}
	return re.Rune, re.Flags & FoldCase
}

// leadingSpan returns the span of the first piece of re.
func leadingSpan(re *Regexp) Span {
	if re.Op == OpConcat && len(re.Sub) > 0 {
		return re.Sub[0].Span
	}
	return re.Span
}

// removeLeadingLiteral removes the first n runes of the literal re begins
// with and returns what is left of re.
func (p *parser) removeLeadingLiteral(re *Regexp, n int) *Regexp {
	if re.Op == OpConcat && len(re.Sub) > 0 {
		first := p.removeLeadingLiteral(re.Sub[0], n)
		re.Sub[0] = first
		if first.Op == OpEmptyMatch {
			p.release(first)
			return p.dropFirstSub(re)
		}
		return re
	}
	if re.Op == OpLiteral {
		re.Rune = append([]rune(nil), re.Rune[n:]...)
		if len(re.Rune) == 0 {
			re.Op, re.Rune = OpEmptyMatch, nil
			re.Span.Start = re.Span.End
		}
	}
	return re
}

// dropFirstSub removes the first sub of the concatenation re and returns
// what is left: an empty match, the only remaining sub, or re itself.
func (p *parser) dropFirstSub(re *Regexp) *Regexp {
	switch len(re.Sub) {
	case 0, 1:
		re.Op, re.Sub = OpEmptyMatch, nil
		re.Span.Start = re.Span.End
	case 2:
		rest := re.Sub[1]
		p.release(re)
		return rest
	default:
		re.Sub = re.Sub[1:]
		re.Span = subsSpan(re.Sub)
	}
	return re
}

// factorLeadingPieces factors a leading single-character piece (or a
// fixed repetition of one) shared by each run of alternatives. Other
// pieces are not factored: merging the paths through, say, a* would change
// which alternative matches.
func (p *parser) factorLeadingPieces(subs []*Regexp) []*Regexp {
	out := subs[:0]
	var first *Regexp
	start := 0
	for i := 0; i <= len(subs); i++ {
		var lead *Regexp
		if i < len(subs) {
			lead = leadingPiece(subs[i])
			if first != nil && first.Equal(lead) &&
				(isCharClass(first) || first.Op == OpRepeat && first.Min == first.Max && isCharClass(first.Sub[0])) {
				continue
			}
		}
		switch i - start {
		case 0:
		case 1:
			out = append(out, subs[start])
		default:
			for j := start; j < i; j++ {
				// The prefix node itself comes from subs[start].
				subs[j] = p.removeLeadingPiece(subs[j], j != start)
				p.checkLimits(subs[j])
			}
			out = append(out, p.concatPair(first, p.collapse(subs[start:i], OpAlternate)))
		}
		start, first = i, lead
	}
	return out
}

// leadingPiece returns the first piece of re, or nil if re is or begins
// with an empty match.
func leadingPiece(re *Regexp) *Regexp {
	if re.Op == OpEmptyMatch {
		return nil
	}
	if re.Op == OpConcat && len(re.Sub) > 0 {
		if re.Sub[0].Op == OpEmptyMatch {
			return nil
		}
		return re.Sub[0]
	}
	return re
}

// removeLeadingPiece removes the first piece of re and returns what is
// left. release says whether the removed piece leaves the tree.
func (p *parser) removeLeadingPiece(re *Regexp, release bool) *Regexp {
	if re.Op == OpConcat && len(re.Sub) > 0 {
		if release {
			p.release(re.Sub[0])
		}
		if len(re.Sub) == 1 {
			re.Op, re.Sub = OpEmptyMatch, nil
			re.Span.Start = re.Span.End
			return re
		}
		return p.dropFirstSub(re)
	}
	if release {
		p.release(re)
	}
	return p.newNode(OpEmptyMatch, Span{re.Span.End, re.Span.End})
}

// mergeClassRuns merges each run of single-character alternatives into
// one class.
func (p *parser) mergeClassRuns(subs []*Regexp) []*Regexp {
	out := subs[:0]
	start := 0
	for i := 0; i <= len(subs); i++ {
		if i < len(subs) && isCharClass(subs[i]) {
			continue
		}
		switch i - start {
		case 0:
		case 1:
			out = append(out, subs[start])
		default:
			// Merge into the most general one, so merging never has to
			// turn a class back into a literal.
			most := start
			for j := start + 1; j < i; j++ {
				if subs[most].Op < subs[j].Op || subs[most].Op == subs[j].Op && len(subs[most].Rune) < len(subs[j].Rune) {
					most = j
				}
			}
			subs[start], subs[most] = subs[most], subs[start]
			dst := subs[start]
			for j := start + 1; j < i; j++ {
				mergeCharClass(dst, subs[j])
				dst.Span = unionSpan(dst.Span, subs[j].Span)
				p.release(subs[j])
			}
			cleanAlt(dst)
			out = append(out, dst)
		}
		if i < len(subs) {
			out = append(out, subs[i])
		}
		start = i + 1
	}
	return out
}

// dropRepeatedEmpty keeps one empty match of each run of them.
func dropRepeatedEmpty(subs []*Regexp) []*Regexp {
	out := subs[:0]
	for i, sub := range subs {
		if i+1 < len(subs) && sub.Op == OpEmptyMatch && subs[i+1].Op == OpEmptyMatch {
			continue
		}
		out = append(out, sub)
	}
	return out
}
