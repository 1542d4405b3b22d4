package nfa

// ByteClasses maps each byte to its equivalence class: two bytes share a
// class when nothing the class set was built from (the byte ranges of a
// program's states, and whatever ranges an engine adds) tells them apart,
// so an automaton needs one transition per class instead of one per byte.
//
// Classes are runs of consecutive bytes numbered in byte order: byte 0 is
// in class 0 and byte 255 in class Len()-1. The map is a flat array
// because engines look up the class of every input byte they read; a
// named array type indexes like one (through a pointer too) with no call.
type ByteClasses [256]uint8

// Len returns the number of classes, at least 1 and at most 256.
func (bc *ByteClasses) Len() int { return int(bc[255]) + 1 }

// Rep returns the smallest byte of class c, which stands for the whole
// class when a transition is computed.
func (bc *ByteClasses) Rep(c int) byte {
	// The classes are sorted: find the first byte whose class is c.
	lo, hi := 0, 255
	for lo < hi {
		mid := (lo + hi) / 2
		if int(bc[mid]) < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return byte(lo)
}

// A ByteClassSet collects the boundaries between byte classes; its zero
// value puts all bytes in one class. Engines add the ranges of a program
// ([ByteClassSet.AddProg]) and whatever else they must tell apart, then
// take the classes.
type ByteClassSet struct {
	// cut has bit b set when there is a boundary between byte b and
	// byte b+1.
	cut [4]uint64
}

// AddRange makes lo through hi a run of its own: no class holds both a
// byte inside it and one outside.
func (s *ByteClassSet) AddRange(lo, hi byte) {
	if lo > 0 {
		s.setCut(lo - 1)
	}
	s.setCut(hi)
}

func (s *ByteClassSet) setCut(b byte) { s.cut[b/64] |= 1 << (b % 64) }

func (s *ByteClassSet) hasCut(b byte) bool { return s.cut[b/64]&(1<<(b%64)) != 0 }

// AddProg adds the range of every ByteRange state and every transition of
// every Sparse state of p, so that no consuming state tells apart two
// bytes of one class. It reports whether p has assertions (Look states),
// whose bytes an engine that decides assertions by class must add with
// [ByteClassSet.AddLookBytes].
func (s *ByteClassSet) AddProg(p *Prog) (hasLook bool) {
	for i := range p.States {
		st := &p.States[i]
		switch st.Kind {
		case ByteRange:
			s.AddRange(st.Lo, st.Hi)
		case Sparse:
			for _, t := range p.Transitions(st) {
				s.AddRange(t.Lo, t.Hi)
			}
		case Look:
			hasLook = true
		}
	}
	return hasLook
}

// AddLookBytes gives '\n' and the ASCII word bytes ([IsWordByte]) runs of
// their own, the only bytes [LookAt] tells apart: then the class of the
// bytes around a position determines the assertions that hold there.
func (s *ByteClassSet) AddLookBytes() {
	s.AddRange('\n', '\n')
	s.AddRange('0', '9')
	s.AddRange('A', 'Z')
	s.AddRange('_', '_')
	s.AddRange('a', 'z')
}

// Classes returns the classes the boundaries collected so far define.
func (s *ByteClassSet) Classes() ByteClasses {
	var bc ByteClasses
	n := uint8(0)
	for b := range 256 {
		bc[b] = n
		if b < 255 && s.hasCut(byte(b)) {
			n++
		}
	}
	return bc
}

// SparseNext returns the state the Sparse state s of p goes to on byte b,
// or 0 (the Fail state every program begins with) when no transition
// holds b.
func (p *Prog) SparseNext(s *State, b byte) StateID {
	for _, t := range p.Trans[s.TransStart:s.TransEnd] {
		if b < t.Lo {
			break
		}
		if b <= t.Hi {
			return t.Next
		}
	}
	return 0
}

// Walk calls visit once for every state reachable from the state start,
// start first, following every transition whatever input or assertion it
// needs (Split to Next before Alt, a Sparse state's transitions in byte
// order), depth first. When visit returns false, the states after the
// one visited are not followed from it (they may still be reached another
// way). Walk uses memory proportional to the program.
func (p *Prog) Walk(start StateID, visit func(id StateID, s *State) bool) {
	seen := make([]bool, len(p.States))
	stack := []StateID{start}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[id] {
			continue
		}
		seen[id] = true
		s := &p.States[id]
		if !visit(id, s) {
			continue
		}
		switch s.Kind {
		case Split:
			stack = append(stack, s.Alt, s.Next)
		case Sparse:
			trans := p.Transitions(s)
			for i := len(trans) - 1; i >= 0; i-- {
				stack = append(stack, trans[i].Next)
			}
		case ByteRange, InvalidByte, RuneClass, Capture, Look, Empty:
			stack = append(stack, s.Next)
		}
	}
}
