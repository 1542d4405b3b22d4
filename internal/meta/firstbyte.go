package meta

import (
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
)

// firstByteSet returns the bytes a match of prog can start with, for
// skipping the text where no match can start when there is no literal to
// search for (`\w+`, `\p{Han}+`, `[A-Z]{20}`). It reports false when the
// set is no use: a match can be empty (it starts anywhere), every byte is
// in the set, or the set holds a UTF-8 continuation byte, which is not
// always a place a match can start (the byte may sit inside a rune).
// Every other byte starts a rune wherever it occurs, so each candidate is
// a rune boundary, as a search start must be.
//
// Assertions are passed through as if they held, which can only add
// bytes to the set.
func firstByteSet(prog *nfa.Prog) (*byteSetSearcher, bool) {
	var set byteSetSearcher
	seen := make([]bool, len(prog.States))
	stack := []nfa.StateID{prog.Start}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[id] {
			continue
		}
		seen[id] = true
		st := &prog.States[id]
		switch st.Kind {
		case nfa.Match:
			return nil, false
		case nfa.ByteRange:
			set.addRange(st.Lo, st.Hi)
		case nfa.Sparse:
			for _, t := range prog.Transitions(st) {
				set.addRange(t.Lo, t.Hi)
			}
		case nfa.InvalidByte:
			return nil, false
		case nfa.RuneClass:
			// The first bytes of a range's characters are those
			// from its first rune's to its last rune's: UTF-8
			// keeps the order of runes, and each first byte
			// starts a contiguous block of them.
			rs := &prog.RuneSets[st.TransStart]
			if rs.Invalid {
				return nil, false
			}
			var lo, hi [utf8.UTFMax]byte
			for i := 0; i+1 < len(rs.Ranges); i += 2 {
				utf8.EncodeRune(lo[:], rs.Ranges[i])
				utf8.EncodeRune(hi[:], rs.Ranges[i+1])
				set.addRange(lo[0], hi[0])
			}
		case nfa.Split:
			stack = append(stack, st.Next, st.Alt)
		case nfa.Capture, nfa.Look, nfa.Empty:
			stack = append(stack, st.Next)
		}
	}
	n := 0
	for b := range 256 {
		if set[b] {
			n++
			if !utf8.RuneStart(byte(b)) {
				return nil, false
			}
		}
	}
	if n == 0 || n == 256 {
		return nil, false
	}
	return &set, true
}

// byteSetSearcher finds the next byte of a set; it is a literal.Searcher.
type byteSetSearcher [256]bool

func (s *byteSetSearcher) addRange(lo, hi byte) {
	for b := int(lo); b <= int(hi); b++ {
		s[b] = true
	}
}

func (s *byteSetSearcher) Find(h []byte, from int) (start, end int, ok bool) {
	for i := from; i < len(h); i++ {
		if s[h[i]] {
			return i, i + 1, true
		}
	}
	return 0, 0, false
}
