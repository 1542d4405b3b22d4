package meta

import (
	"github.com/rerepl/rerepl/internal/nfa"
)

// This file holds the strategies built on the lazy DFAs. Each search
// returns (found, decided): decided is false when a DFA quit or gave up,
// and the caller then runs the search on the NFA engines, which answer
// everything.

// maxAnchoredTries is the number of prefilter candidates a search checks
// one by one with an anchored engine run whose reading it cannot measure
// (the NFA engines, one-pass) before it hands the rest of the text to one
// unanchored scan. Each anchored run may read as far as an unanchored
// scan from the same candidate would, so the cap keeps a search within a
// constant factor of one scan however many candidates fail. Anchored DFA
// scans are bounded by the bytes they read instead (anchoredScanFactor).
const maxAnchoredTries = 8

// anchoredScanFactor and anchoredScanSlack bound the bytes that the
// anchored DFA scans of failed prefilter candidates may read, as a
// multiple of the distance from the search start to the current
// candidate plus a constant, before the rest of the text goes to one
// unanchored scan: the search then reads at most about nine times the
// text. A fixed number of tries (eight) instead gave up on the prefilter
// at the ninth occurrence of a common prefix: Match of Sherlock\d+ or
// Project\d+ on a megabyte of English, where neither matches, then took
// 1.0-1.9 ms against the standard library's 55-140 us (which skips from
// literal to literal); with the budget, 36-50 us.
const (
	anchoredScanFactor = 8
	anchoredScanSlack  = 1024
)

// maxBoundedLen is the longest bounded match length for which a search
// may check any number of candidates: each check reads at most that many
// bytes (and one more for assertions), so the checks of a search read at
// most that many times the text.
const maxBoundedLen = 256

// dfaStrategy finds the leftmost match with the forward DFA (its end) and
// the reverse DFA (its start).
type dfaStrategy struct{ d *dfaSet }

func (dfaStrategy) kind() Strategy { return StrategyDFA }

func (s dfaStrategy) search(x *Regexp, c *cache, in input, slots []int) (found, decided bool) {
	return x.searchDFA(c, s.d, in, slots)
}

// searchDFA finds the leftmost match at or after in.pos with the forward
// DFA (its end) and the reverse DFA (its start). A caller that wants no
// slots only needs to know whether a match exists, and the earliest mode
// stops at the first position where one is known.
func (x *Regexp) searchDFA(c *cache, d *dfaSet, in input, slots []int) (found, decided bool) {
	if !d.fast && !x.forcedStrategy() {
		// A slow DFA scans no faster than the Pike VM, and needs the
		// engines again for the groups.
		return x.nfaFrom(c, in, slots), true
	}
	// A pattern that begins with \A can only match where the search
	// starts (pos is 0 here, see search): an anchored scan stops as
	// soon as that fails instead of reading the whole text.
	fin := nfa.Input{Haystack: in.h, Start: in.pos, End: len(in.h), Anchored: x.facts.AnchoredStart}
	if len(slots) == 0 {
		_, r := d.forward(c, &fin, dfaEarliest)
		return r == dfaMatch, r != dfaFail
	}
	e, r := d.forward(c, &fin, dfaLeftmostFirst)
	if r != dfaMatch {
		return false, r == dfaNoMatch
	}
	if fin.Anchored {
		// The match starts where the search does: a reverse scan would
		// only find in.pos again.
		return x.finishFromStart(c, d, in, in.pos, e, slots)
	}
	return x.finishFromEnd(c, d, in, e, slots)
}

// finishFromEnd completes a search whose leftmost match (among those
// starting at or after in.pos) ends at e, leftmost-first: the reverse DFA
// run back from e finds the smallest start of a match ending at e, which
// is that match's start, since no match starts between in.pos and it.
func (x *Regexp) finishFromEnd(c *cache, d *dfaSet, in input, e int, slots []int) (found, decided bool) {
	rin := nfa.Input{Haystack: in.h, Start: in.pos, End: e, Anchored: true}
	s, r, _ := d.reverse(c, dfaReverse, &rin)
	if r != dfaMatch {
		// No match is impossible here: the forward scan saw one. Let
		// the engines answer rather than trust either scan.
		return false, false
	}
	return x.finishFromStart(c, d, in, s, e, slots)
}

// finishFromStart completes a search whose leftmost match starts at s and,
// leftmost-first, ends at e. Leftmost-longest semantics wants the longest
// match from s instead, which the forward DFA finds anchored at s.
func (x *Regexp) finishFromStart(c *cache, d *dfaSet, in input, s, e int, slots []int) (found, decided bool) {
	if !d.fast && len(slots) > 0 {
		// A slow DFA is no faster than the engines, which find the end
		// and the groups in one anchored run.
		return x.anchoredAt(c, in, s, slots), true
	}
	if in.longest && len(slots) > 0 {
		fin := nfa.Input{Haystack: in.h, Start: s, End: len(in.h), Anchored: true}
		var r dfaResult
		e, r = d.forward(c, &fin, dfaAnchoredLongest)
		if r != dfaMatch {
			return false, false
		}
	}
	return x.submatches(c, in, s, e, slots), true
}

// prefilterStrategy skips to the candidates of the prefix prefilter: no
// match starts before the first one, so an anchored scan that matches
// there has found the leftmost match without any reverse scan. After
// failed candidates have cost too much (anchoredScanFactor,
// maxAnchoredTries), or when the prefilter turns out
// to find a candidate at nearly every position, one unanchored scan takes
// over from the last candidate. d is nil when the pattern has no DFA (or
// it gave up on the text): the NFA engines then check the candidates.
type prefilterStrategy struct {
	p *plan
	d *dfaSet
}

func (*prefilterStrategy) kind() Strategy { return StrategyPrefilter }

func (s *prefilterStrategy) search(x *Regexp, c *cache, in input, slots []int) (found, decided bool) {
	p, d, h := s.p, s.d, in.h
	pos := in.pos
	bounded := p.maxLen >= 0 && p.maxLen <= maxBoundedLen
	spent := 0 // bytes read by the anchored DFA scans of failed candidates
	for tries := 0; ; tries++ {
		if c.call.prefilterOff {
			if d == nil {
				return x.nfaFrom(c, in.at(pos), slots), true
			}
			return x.searchDFA(c, d, in.at(pos), slots)
		}
		cand, ok := c.call.prefilterStart(p.prefilter, h, pos)
		if !ok {
			return false, true
		}
		if d == nil || !d.fast {
			if tries >= maxAnchoredTries && !bounded {
				return x.nfaFrom(c, in.at(cand), slots), true
			}
			// Without a fast DFA the NFA engines try the candidate
			// anchored, computing the groups at the same time
			// (one-pass when the program allows). A bounded match
			// ends within maxLen bytes, and a span that short lets
			// the backtracker run and clear only what it needs.
			end := len(h)
			if bounded {
				end = min(end, cand+p.maxLen)
			}
			if x.runEngine(c, &nfa.Input{Haystack: h, Start: cand, End: end, Anchored: true}, in.longest, ForceAuto, slots) {
				return true, true
			}
		} else if spent > anchoredScanFactor*(cand-in.pos)+anchoredScanSlack {
			return x.searchDFA(c, d, in.at(cand), slots)
		} else if len(slots) > 2 && x.onePass() {
			if tries >= maxAnchoredTries {
				return x.searchDFA(c, d, in.at(cand), slots)
			}
			// The groups are wanted and the program is one-pass: one
			// anchored one-pass run finds the match and its groups,
			// where the DFA would find the bounds and the one-pass
			// engine then read them again.
			if x.runEngine(c, &nfa.Input{Haystack: h, Start: cand, End: len(h), Anchored: true}, in.longest, ForceAuto, slots) {
				return true, true
			}
		} else {
			fin := nfa.Input{Haystack: h, Start: cand, End: len(h), Anchored: true}
			mode := dfaLeftmostFirst
			if len(slots) == 0 {
				mode = dfaEarliest
			}
			e, r, _, hi := d.scan(c, 0, d.fwd, &fin, false, mode)
			switch r {
			case dfaMatch:
				return x.finishFromStart(c, d, in, cand, e, slots)
			case dfaFail:
				return x.nfaFrom(c, in.at(cand), slots), true
			}
			spent += hi - cand
		}
		c.call.prefilterMissed(p)
		if cand >= len(h) {
			return false, true
		}
		// Candidates start at rune boundaries (literals are valid
		// UTF-8, line starts follow a newline), so the next one is a
		// whole rune further on.
		pos = cand + charLen(h[cand:])
	}
}

// reverseAnchoredStrategy serves patterns whose matches all end at the
// end of the text: the reverse DFA run back from there finds the smallest
// start, which is the leftmost match's, and its end is the end of the
// text in both semantics.
type reverseAnchoredStrategy struct{ d *dfaSet }

func (reverseAnchoredStrategy) kind() Strategy { return StrategyReverseAnchored }

func (s reverseAnchoredStrategy) search(x *Regexp, c *cache, in input, slots []int) (found, decided bool) {
	rin := nfa.Input{Haystack: in.h, Start: in.pos, End: len(in.h), Anchored: true}
	start, r, _ := s.d.reverse(c, dfaReverse, &rin)
	switch r {
	case dfaNoMatch:
		return false, true
	case dfaFail:
		return false, false
	}
	return x.submatches(c, in, start, len(in.h), slots), true
}

// reverseLiteralStrategy runs the reverse-suffix and reverse-inner
// strategies (k says which). Candidates are the occurrences of a literal,
// taken left to right: every match ends with the suffix literal, or splits
// into a part matched by the pattern's pieces before the inner literal
// (Before) and a part starting with one of the inner literals (Rest). At
// each candidate:
//
//   - reverse inner first checks that Rest matches from the candidate,
//     anchored, with the forward DFA of Rest (earliest mode: any match);
//   - a reverse DFA for the part before the anchor (Before, or the whole
//     pattern for a suffix) runs back from it to the search start and
//     finds the smallest start s of such a part, if any.
//
// A candidate that fails either test is where no match can be split (or
// end), whatever its start. At the first that passes both, [s, ...) is a
// match, but that does not prove the leftmost match starts at s: a match
// that starts earlier may run across this candidate to a later one (`.bb|b`
// on "zabb" first finds "b"). Such a match begins with a prefix of a match
// that ends at the candidate, so a second reverse scan, of the pattern's
// prefix language, from the same anchor gives a bound lb that no match
// starts before (the candidates before this one admit no match at all;
// see prefixLanguage). When lb is s, s is the leftmost start and an
// anchored forward scan from it gives the end; otherwise one unanchored
// forward scan from lb settles it.
//
// The scans of failed candidates may each read far (back to the search
// start, or ahead to the end), so many failures could read the same bytes
// again and again. The strategy counts the bytes they read, and once that
// exceeds a constant times the distance covered it hands the search to
// the plain forward DFA, which keeps the search linear.
type reverseLiteralStrategy struct {
	k  Strategy
	d  *dfaSet
	rl *reverseLiteral
}

func (s *reverseLiteralStrategy) kind() Strategy { return s.k }

func (st *reverseLiteralStrategy) search(x *Regexp, c *cache, in input, slots []int) (found, decided bool) {
	d, rl, h, pos := st.d, st.rl, in.h, in.pos
	from := pos
	spent := 0
	for {
		ls, le, ok := rl.finder.Find(h, from)
		if !ok {
			return false, true
		}
		from = ls + 1
		anchor := ls
		if rl.suffix {
			anchor = le
		} else {
			fin := nfa.Input{Haystack: h, Start: ls, End: len(h), Anchored: true}
			r, high := d.forwardRest(c, &fin)
			if r == dfaFail {
				return false, false
			}
			if r == dfaNoMatch {
				spent += high - ls
				if spent > reverseScanFactor*(ls-pos)+reverseScanSlack {
					return x.guardFallback(c, d, in, slots)
				}
				continue
			}
		}
		rin := nfa.Input{Haystack: h, Start: pos, End: anchor, Anchored: true}
		s, r, low := d.reverse(c, dfaBefore, &rin)
		if r == dfaFail {
			return false, false
		}
		if r == dfaNoMatch {
			spent += anchor - low
			if spent > reverseScanFactor*(anchor-pos)+reverseScanSlack {
				return x.guardFallback(c, d, in, slots)
			}
			continue
		}
		if len(slots) == 0 {
			// A match starts at s.
			return true, true
		}
		rin = nfa.Input{Haystack: h, Start: pos, End: anchor, Anchored: true}
		lb, r, _ := d.reverse(c, dfaPrefixes, &rin)
		if r == dfaFail {
			return false, false
		}
		if r != dfaMatch || lb > s {
			// The prefix language holds the empty string and every
			// prefix of a match, so this cannot happen; s is then
			// the bound.
			lb = s
		}
		if lb == s && !d.fast {
			return x.finishFromStart(c, d, in, s, -1, slots)
		}
		if lb == s {
			fin := nfa.Input{Haystack: h, Start: s, End: len(h), Anchored: true}
			e, r := d.forward(c, &fin, dfaLeftmostFirst)
			switch r {
			case dfaMatch:
				return x.finishFromStart(c, d, in, s, e, slots)
			case dfaFail:
				return false, false
			}
		}
		return x.searchDFA(c, d, in.at(lb), slots)
	}
}

// guardFallback ends a reverse-literal search whose failed candidates
// read too much: the forward scan from the search start reads each byte
// once more at most.
func (x *Regexp) guardFallback(c *cache, d *dfaSet, in input, slots []int) (found, decided bool) {
	if x.forcedStrategy() {
		forcedRuns.guardFallbacks.Add(1)
	}
	return x.searchDFA(c, d, in, slots)
}

const (
	// reverseScanFactor and reverseScanSlack bound the bytes the
	// reverse scans of failed candidates may read, as a multiple of the
	// distance from the search start to the current candidate plus a
	// constant, before the search falls back to the forward DFA.
	reverseScanFactor = 8
	reverseScanSlack  = 1024
)
