package meta

import "github.com/rerepl/rerepl/internal/nfa"

// This file is the layer between the strategies and the NFA engines: it
// owns whether an engine is built and whether it can run a search. The
// one-pass engine runs only anchored searches (or those of a pattern that
// begins with \A) of a one-pass program, the backtracker only spans within
// its bitset budget, and the Pike VM everything; the engines are built on
// first use. (The DFAs' side of the same question, whether they were built
// and whether they gave up on the text, is settled in search, which then
// runs the strategy's noDFA form.)

// choose returns the engine to run the search in on (or, for a test, the
// engine force demands when it can run it): one-pass when it can, else the
// backtracker when the span fits its budget, else the Pike VM.
//
// The one-pass analysis costs more than a short search (18% of the time
// of Compile plus the first call over the short suite, in a profile of
// BenchmarkShortFirstUse), so it waits until the pattern has proved it
// is used: while it warms up, a search takes one-pass only if something
// else built it.
func (x *Regexp) choose(force Force, in *nfa.Input) Force {
	x.engines()
	canOnePass := (in.Anchored || x.facts.AnchoredStart) && (x.prepared.Load() || x.onePassBuilt.Load()) && x.onePass()
	canBacktrack := x.back.MaxLen() >= in.End-in.Start
	switch force {
	case ForcePikeVM, ForceRunePikeVM:
		return ForcePikeVM
	case ForceOnePass:
		if canOnePass {
			return ForceOnePass
		}
		return ForcePikeVM
	case ForceBacktrack, ForceRuneBacktrack:
		if canBacktrack {
			return ForceBacktrack
		}
		return ForcePikeVM
	}
	switch {
	case canOnePass:
		return ForceOnePass
	case canBacktrack:
		return ForceBacktrack
	}
	return ForcePikeVM
}

// runEngine runs the search in on an NFA engine (see choose) and, when
// there is a match, fills slots (which must be c.slots or a prefix of it)
// with the submatches. Every engine writes all of slots on a match (-1
// for a group that took no part), so they are not cleared here: a
// prefilter that tries many candidates of a pattern with many groups (a
// wide alternation) would clear them all once per candidate.
func (x *Regexp) runEngine(c *cache, in *nfa.Input, longest bool, force Force, slots []int) bool {
	switch x.choose(force, in) {
	case ForceOnePass:
		if c.one == nil {
			c.one = x.one.NewCache()
		}
		return x.one.Search(c.one, in, longest, slots)
	case ForceBacktrack:
		if c.back == nil {
			c.back = x.back.NewCache()
		}
		return x.back.Search(c.back, in, longest, slots)
	default:
		if c.pike == nil {
			c.pike = x.pike.NewCache()
		}
		return x.pike.Search(c.pike, in, longest, slots)
	}
}

// nfaFrom runs the search in, from in.pos to the end of the text, on the
// NFA engines.
func (x *Regexp) nfaFrom(c *cache, in input, slots []int) bool {
	return x.runEngine(c, &nfa.Input{Haystack: in.h, Start: in.pos, End: len(in.h)}, in.longest, ForceAuto, slots)
}

// anchoredAt runs the search anchored at s, the known start of the
// leftmost match, on the NFA engines.
func (x *Regexp) anchoredAt(c *cache, in input, s int, slots []int) bool {
	if !x.runEngine(c, &nfa.Input{Haystack: in.h, Start: s, End: len(in.h), Anchored: true}, in.longest, ForceAuto, slots) {
		panic("regexp: internal error: no match where the strategy found one")
	}
	return true
}

// submatches completes a search whose match bounds [s, e] a strategy has
// found: it fills slots with the bounds or, when the caller wants the
// groups, runs an NFA engine anchored on exactly those bounds. The engine
// finds the same match: it starts at s, and the preferred (or longest)
// match from s ends at e, so cutting the text at e removes only matches
// that lose to it. Assertions still see the whole text.
func (x *Regexp) submatches(c *cache, in input, s, e int, slots []int) bool {
	switch len(slots) {
	case 0:
		return true
	case 2:
		slots[0], slots[1] = s, e
		return true
	}
	if !x.runEngine(c, &nfa.Input{Haystack: in.h, Start: s, End: e, Anchored: true}, in.longest, ForceAuto, slots) || slots[0] != s || slots[1] != e {
		panic("regexp: internal error: the engines disagree with the strategy on a match")
	}
	return true
}

// directMaxLen is the longest text, from the search start, that direct
// hands to the NFA engines at once: the warm-up's bound (WarmUpMaxLen),
// up to which the engines already answer every search of a new pattern.
// On such a text the forward DFA scan costs about as much as the
// anchored engine run that must follow it for the groups.
const directMaxLen = WarmUpMaxLen

// direct reports whether a search goes straight to the NFA engines,
// skipping the strategy, because no DFA scan can pay for itself: every
// match starts at the search start (the pattern begins with \A), the
// caller wants the groups, which only an engine computes, and the text is
// short enough for the backtracker. A DFA would only find the end of the
// match the engine is about to find again. (A one-pass pattern anchored
// at the start has the NFA strategy anyway.) ForceDirect takes the path on every
// search of such a pattern, whatever it wants and however long the text.
func (x *Regexp) direct(in input, nslots int) bool {
	if !x.facts.AnchoredStart || !x.prepared.Load() {
		return false
	}
	switch x.cfg.Force {
	case ForceDirect:
		return true
	case ForceAuto, ForceStrategy:
	default:
		// Another forced strategy runs every search it can.
		return false
	}
	if n := len(in.h) - in.pos; nslots <= 2 || n > directMaxLen {
		return false
	}
	x.engines()
	return len(in.h)-in.pos <= x.back.MaxLen()
}
