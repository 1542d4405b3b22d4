package syntax

import (
	"fmt"
	"strings"
)

// dump renders a tree in a compact, unambiguous form for test messages:
// op names with flags, runes and subtrees.
func dump(re *Regexp) string {
	var b strings.Builder
	dumpTo(&b, re)
	return b.String()
}

func dumpTo(b *strings.Builder, re *Regexp) {
	b.WriteString(re.Op.String())
	if re.Flags&FoldCase != 0 && (re.Op == OpLiteral || re.Op == OpCharClass) {
		b.WriteString("/i")
	}
	if re.Flags&NonGreedy != 0 && re.Op >= OpStar && re.Op <= OpRepeat {
		b.WriteString("/U")
	}
	if re.Op == OpEndText && re.Flags&WasDollar != 0 {
		b.WriteString("/$")
	}
	b.WriteString("{")
	switch re.Op {
	case OpLiteral:
		fmt.Fprintf(b, "%q", string(re.Rune))
	case OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if i > 0 {
				b.WriteString(" ")
			}
			fmt.Fprintf(b, "%#x-%#x", re.Rune[i], re.Rune[i+1])
		}
	case OpRepeat:
		fmt.Fprintf(b, "%d,%d ", re.Min, re.Max)
	case OpCapture:
		fmt.Fprintf(b, "%d%q ", re.Cap, re.Name)
	}
	for i, sub := range re.Sub {
		if i > 0 {
			b.WriteString(" ")
		}
		dumpTo(b, sub)
	}
	b.WriteString("}")
}
