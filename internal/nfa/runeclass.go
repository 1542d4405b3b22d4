package nfa

import (
	"encoding/binary"
	"unicode/utf8"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// A RuneSet is the class of a [RuneClass] state: sorted, disjoint rune
// ranges, with the ASCII members also in a bitmap so that the common
// one-byte case costs one test.
type RuneSet struct {
	// Ranges holds lo-hi pairs, sorted and apart.
	Ranges []rune
	// Invalid says the class holds U+FFFD, so it also matches a byte at
	// which UTF-8 decoding fails (one U+FFFD of width 1).
	Invalid bool
	ascii   [2]uint64
}

func newRuneSet(ranges []rune) RuneSet {
	s := RuneSet{Ranges: ranges, Invalid: containsRune(ranges, utf8.RuneError)}
	for i := 0; i+1 < len(ranges) && ranges[i] < utf8.RuneSelf; i += 2 {
		for r := ranges[i]; r <= min(ranges[i+1], utf8.RuneSelf-1); r++ {
			s.ascii[r/64] |= 1 << (r % 64)
		}
	}
	return s
}

// Contains reports whether r is in the class.
func (s *RuneSet) Contains(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && s.ascii[r/64]&(1<<(r%64)) != 0
	}
	lo, hi := 0, len(s.Ranges)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < s.Ranges[2*m]:
			hi = m
		case r > s.Ranges[2*m+1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// Matches reports whether the character r of width w, decoded as the
// standard library decodes (r is utf8.RuneError and w is 1 for an
// invalid byte), is in the class.
func (s *RuneSet) Matches(r rune, w int) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && s.ascii[r/64]&(1<<(r%64)) != 0
	}
	if r == utf8.RuneError && w == 1 {
		return s.Invalid
	}
	return s.Contains(r)
}

// RuneWidth returns how many bytes the [RuneClass] state s of p consumes
// at position pos of hay, a search whose matches end by end: the width of
// the character there, decoded as the standard library decodes (an
// invalid byte is U+FFFD of width 1), when it is in the class and ends by
// end; 0 when the state does not step.
func (p *Prog) RuneWidth(s *State, hay []byte, pos, end int) int {
	if pos >= end {
		return 0
	}
	set := &p.RuneSets[s.TransStart]
	if c := hay[pos]; c < utf8.RuneSelf {
		if set.ascii[c/64]&(1<<(c%64)) != 0 {
			return 1
		}
		return 0
	}
	r, w := utf8.DecodeRune(hay[pos:])
	if pos+w > end {
		return 0
	}
	if r == utf8.RuneError && w == 1 {
		if set.Invalid {
			return 1
		}
		return 0
	}
	if set.Contains(r) {
		return w
	}
	return 0
}

// runeClassState returns a RuneClass state for the class ranges leading
// to next. The class is stored once per distinct content, whatever the
// number of copies.
func (c *compiler) runeClassState(ranges []rune, next StateID) StateID {
	key := classKey{&ranges[0], len(ranges)}
	i, ok := c.runeSetIDs[key]
	if !ok {
		buf := make([]byte, 4*len(ranges))
		for j, r := range ranges {
			binary.LittleEndian.PutUint32(buf[4*j:], uint32(r))
		}
		if i, ok = c.runeSetsByContent[string(buf)]; !ok {
			i = uint32(len(c.runeSets))
			c.runeSets = append(c.runeSets, newRuneSet(ranges))
			c.runeSetsByContent[string(buf)] = i
		}
		c.runeSetIDs[key] = i
	}
	set := &c.runeSets[i]
	lo, hi := leadSpan(set)
	return c.emit(State{Kind: RuneClass, Lo: lo, Hi: hi, TransStart: i, Next: next})
}

// leadSpan returns the smallest range of bytes holding the first byte of
// every character the class matches (invalid bytes included).
func leadSpan(set *RuneSet) (lo, hi byte) {
	r := set.Ranges
	var buf [utf8.UTFMax]byte
	utf8.EncodeRune(buf[:], r[0])
	lo = buf[0]
	utf8.EncodeRune(buf[:], r[len(r)-1])
	hi = buf[0]
	if set.Invalid {
		lo, hi = min(lo, 0x80), 0xFF
	}
	return lo, hi
}

// wantsRuneClass reports whether the class ranges is compiled as one
// RuneClass state in a program with [Options.RuneClasses]: it must reach
// past ASCII (an ASCII class is one byte state anyway).
func wantsRuneClass(ranges []rune) bool {
	return len(ranges) > 0 && ranges[len(ranges)-1] >= utf8.RuneSelf
}

// EstimateByteProgram returns an upper bound on the number of states the
// byte program of re (simplified, forward, as [Compile] without
// [Options.RuneClasses] builds it) has, tighter than [StatesBound], and
// the number of copies of classes reaching past ASCII in it (the ones
// RuneClasses makes RuneClass states; the unanchored loop's not
// counted). Each such class counts the states of its trie, built (once
// per process and class, see fwdClassCache) to find out. It lets a caller
// choose between the programs before compiling either.
func EstimateByteProgram(re *syntax.Regexp) (states, copies int) {
	e := estimator{sizes: make(map[classKey]int)}
	loop := e.class(anyRune)
	e.copies = 0
	return saturate(5 + loop + e.bound(re)), e.copies
}

type estimator struct {
	sizes  map[classKey]int
	copies int
}

func (e *estimator) class(ranges []rune) int {
	if !wantsRuneClass(ranges) {
		// An ASCII class is one state (one trie node).
		return min(len(ranges), 1)
	}
	e.copies = saturate(e.copies + 1)
	key := classKey{&ranges[0], len(ranges)}
	n, ok := e.sizes[key]
	if !ok {
		n = statesPerClass + len(cachedClass(&fwdClassCache, ranges, newFwdClass).states)
		e.sizes[key] = n
	}
	return n
}

func (e *estimator) bound(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpCharClass:
		return e.class(re.Rune)
	case syntax.OpAnyCharNotNL:
		return e.class(anyRuneNotNL)
	case syntax.OpAnyChar:
		return e.class(anyRune)
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest:
		return saturate(2 + e.bound(re.Sub[0]))
	case syntax.OpConcat, syntax.OpAlternate:
		n := len(re.Sub)
		for _, sub := range re.Sub {
			n = saturate(n + e.bound(sub))
		}
		return n
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			break
		}
		n := 0
		for _, r := range re.Rune {
			if w := utf8.RuneLen(r); r != utf8.RuneError && w > 0 {
				n += w
			} else {
				// U+FFFD is a class; an invalid rune, none.
				n += 3 + statesPerClass
			}
		}
		return n
	case syntax.OpRepeat:
		return e.bound(re.Simplify())
	}
	return bound(re, false)
}
