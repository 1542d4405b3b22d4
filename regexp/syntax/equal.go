package syntax

import "slices"

// Equal reports whether x and y have the same structure: the same ops,
// runes, counts, capture numbers and names, and the same values of the
// flags that change what a node matches (FoldCase on literals and classes,
// NonGreedy on repetitions, WasDollar on OpEndText). Spans are ignored, so
// a tree equals the tree parsed from its String.
func (x *Regexp) Equal(y *Regexp) bool {
	if x == nil || y == nil {
		return x == y
	}
	if x.Op != y.Op {
		return false
	}
	switch x.Op {
	case OpEndText:
		return x.Flags&WasDollar == y.Flags&WasDollar
	case OpLiteral, OpCharClass:
		return x.Flags&FoldCase == y.Flags&FoldCase && slices.Equal(x.Rune, y.Rune)
	case OpConcat, OpAlternate:
		return slices.EqualFunc(x.Sub, y.Sub, (*Regexp).Equal)
	case OpStar, OpPlus, OpQuest:
		return x.Flags&NonGreedy == y.Flags&NonGreedy && x.Sub[0].Equal(y.Sub[0])
	case OpRepeat:
		return x.Flags&NonGreedy == y.Flags&NonGreedy && x.Min == y.Min && x.Max == y.Max &&
			x.Sub[0].Equal(y.Sub[0])
	case OpCapture:
		return x.Cap == y.Cap && x.Name == y.Name && x.Sub[0].Equal(y.Sub[0])
	}
	return true
}
