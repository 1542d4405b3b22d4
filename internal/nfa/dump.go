package nfa

import (
	"fmt"
	"strings"
)

// String returns a readable listing of the program, one state per line,
// as the REPL's :prog command shows it. The entry states are marked: ^ for
// Start and * for StartUnanchored. For example, a+ compiles to
//
//	  0: fail
//	  1: match
//	  2: capture 1 -> 1
//	  3: split -> 4, 2
//	  4: byte a -> 3
//	^ 5: capture 0 -> 4
//	  ...
//
// Bytes that are printable ASCII are written as themselves, the others in
// hexadecimal (\xe2).
func (p *Prog) String() string {
	var b strings.Builder
	width := len(fmt.Sprint(len(p.States) - 1))
	for i := range p.States {
		id := StateID(i)
		mark := "  "
		switch {
		case id == p.Start && id == p.StartUnanchored:
			mark = "^*"
		case id == p.Start:
			mark = "^ "
		case id == p.StartUnanchored:
			mark = "* "
		}
		fmt.Fprintf(&b, "%s%*d: %s\n", mark, width, i, p.stateString(&p.States[i]))
	}
	return b.String()
}

// stateString describes the state s of p in the form [Prog.String] lists
// it.
func (p *Prog) stateString(s *State) string {
	switch s.Kind {
	case Fail:
		return "fail"
	case Match:
		return "match"
	case ByteRange:
		return fmt.Sprintf("byte %s -> %d", byteRangeString(s.Lo, s.Hi), s.Next)
	case Sparse:
		var b strings.Builder
		b.WriteString("sparse")
		for _, t := range p.Transitions(s) {
			fmt.Fprintf(&b, " %s->%d", byteRangeString(t.Lo, t.Hi), t.Next)
		}
		return b.String()
	case InvalidByte:
		return fmt.Sprintf("invalid -> %d", s.Next)
	case RuneClass:
		set := &p.RuneSets[s.TransStart]
		inv := ""
		if set.Invalid {
			inv = " invalid"
		}
		return fmt.Sprintf("runes #%d (%d ranges, first bytes %s%s) -> %d", s.TransStart, len(set.Ranges)/2, byteRangeString(s.Lo, s.Hi), inv, s.Next)
	case Split:
		return fmt.Sprintf("split -> %d, %d", s.Next, s.Alt)
	case Capture:
		return fmt.Sprintf("capture %d -> %d", s.Slot, s.Next)
	case Look:
		return fmt.Sprintf("look %s -> %d", s.Look, s.Next)
	case Empty:
		return fmt.Sprintf("empty -> %d", s.Next)
	}
	return fmt.Sprintf("kind(%d)", s.Kind)
}

// String names the assertions in set the way a pattern writes them
// (multi-line ^ and $ as (?m:^) and (?m:$)), joined with |.
func (set LookSet) String() string {
	names := [...]string{
		LookBeginLine:      "(?m:^)",
		LookEndLine:        "(?m:$)",
		LookBeginText:      `\A`,
		LookEndText:        `\z`,
		LookWordBoundary:   `\b`,
		LookNoWordBoundary: `\B`,
	}
	var parts []string
	for bit := LookSet(1); bit != 0 && bit <= LookNoWordBoundary; bit <<= 1 {
		if set&bit != 0 {
			parts = append(parts, names[bit])
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "|")
}

func byteRangeString(lo, hi byte) string {
	if lo == hi {
		return byteString(lo)
	}
	return byteString(lo) + "-" + byteString(hi)
}

func byteString(c byte) string {
	if c > ' ' && c < 0x7f && c != '-' && c != '\\' {
		return string(rune(c))
	}
	return fmt.Sprintf(`\x%02x`, c)
}
