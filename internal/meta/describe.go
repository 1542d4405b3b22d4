package meta

import (
	"fmt"
	"strings"

	"github.com/rerepl/rerepl/internal/literal"
	"github.com/rerepl/rerepl/internal/nfa"
)

// This file answers Describe, for the REPL's :engine. Every field is read
// from the Regexp and its plan, or decided by the Regexp's own functions
// (choose), so the report cannot drift from what the searches run.

// A Report says how the regexp package searches one compiled pattern, and
// how it searches one subject with it.
type Report struct {
	// Strategy names the strategy that finds the bounds of a match:
	// "nfa", "literal", "prefilter", "dfa", "reverse-suffix",
	// "reverse-inner" or "reverse-anchored". Why says, in a few words,
	// why it was chosen.
	Strategy string
	Why      string

	// States is the number of states of the compiled program, and Slots
	// the number of submatch slots it fills (two per group, counting
	// group 0, the whole match). Program lists the program, a state a
	// line, as internal/nfa writes it.
	States  int
	Slots   int
	Program string

	// OnePass reports whether the program is one-pass: the one-pass
	// engine then computes the groups of every anchored search.
	OnePass bool
	// AnchoredStart reports that every match starts at the start of the
	// text. AnchoredEnd reports that every match ends at the end of it,
	// for a pattern not anchored at the start: only then does the plan
	// make use of the end anchor.
	AnchoredStart bool
	AnchoredEnd   bool
	// MaxMatchLen is the most bytes a match can span, -1 for no bound.
	MaxMatchLen int

	// LazyDFA reports that the forward and reverse lazy DFAs were built
	// for the pattern. SlowDFA reports that the strategies count them as
	// no faster than the NFA engines (the program is too large for DFA
	// states to pay off), so that the engines check candidates and
	// compute the end of matches instead.
	LazyDFA bool
	SlowDFA bool

	// Literal describes what the strategy searches the text for before
	// any automaton runs, "" when it searches for nothing: the pure
	// literal matcher's strings, the prefilter's literals, bytes or line
	// starts, or the literal of the reverse strategies.
	Literal string

	// BacktrackMaxLen is the longest span, in bytes, the backtracker
	// takes for this program; longer spans go to the Pike VM.
	BacktrackMaxLen int

	// Prefixes, Suffixes and Inner list what literal extraction finds
	// in the pattern (every match starts with one of Prefixes, ends with
	// one of Suffixes, contains one of Inner), whether or not the
	// strategy uses it; Inner is "" when there is no inner literal.
	Prefixes, Suffixes, Inner string

	// The fields below are about the subject passed to Describe.

	// Match holds the bounds of the subject's first match, nil when it
	// has none.
	Match []int
	// Engine is the NFA engine the search of the subject runs for the
	// first match: "onepass", "backtrack" or "pikevm"; "" when none runs
	// (the strategy alone finds that there is no match). WholeSearch
	// reports that the engine runs the whole search, rather than only
	// computing the groups of a match the strategy found. Span is the
	// part of the subject the engine runs on, and Anchored whether the
	// engine's match must start at Span[0].
	Engine      string
	WholeSearch bool
	Span        [2]int
	Anchored    bool
}

// Describe reports how x searches, and how it searches subject, for the
// first match (leftmost-longest when longest is set), as a submatch call
// such as FindSubmatchIndex runs it. It builds every part of x first.
func (x *Regexp) Describe(subject []byte, longest bool) Report {
	x.prepare()
	x.engines()
	x.onePass()
	p := x.plan
	info := literal.Extract(x.tree)
	r := Report{
		Strategy:        p.kind.String(),
		Why:             p.why,
		States:          len(x.prog.States),
		Slots:           2 * x.prog.NumCap,
		Program:         x.prog.String(),
		OnePass:         x.one != nil,
		AnchoredStart:   x.facts.AnchoredStart,
		AnchoredEnd:     p.anchoredEnd,
		MaxMatchLen:     p.maxLen,
		LazyDFA:         p.dfa != nil,
		SlowDFA:         p.dfa != nil && !p.dfa.fast,
		Literal:         p.searchedLiteral(),
		BacktrackMaxLen: x.back.MaxLen(),
		Prefixes:        describeSeq(info.Prefix),
		Suffixes:        describeSeq(info.Suffix),
		Match:           x.Find(subject, 0, longest, 2, nil),
	}
	if info.Inner != nil {
		r.Inner = describeSeq(info.Inner.Seq)
	}
	if in, whole, ok := x.engineInput(subject, r.Match); ok {
		r.Engine = x.choose(ForceAuto, &in).String()
		r.WholeSearch = whole
		r.Span = [2]int{in.Start, in.End}
		r.Anchored = in.Anchored
	}
	return r
}

// engineInput returns the search an NFA engine runs for the first match
// of subject with a submatch call (FindSubmatchIndex), and whether that
// search is the whole search rather than the groups of a match whose
// bounds the strategy found (match, nil when there is none). It reports
// false when no engine runs: the strategy alone finds that there is no
// match, or the pattern has no groups and the bounds are the answer.
//
// It follows the paths of search in strategy.go, strategy_dfa.go and
// wrappers.go for a search from the start of the text whose strategy does
// not give up; TestDescribe has a case for each path, so a change to them
// shows there.
func (x *Regexp) engineInput(subject []byte, match []int) (in nfa.Input, whole, ok bool) {
	if len(subject) < x.facts.MinLen {
		return in, false, false
	}
	p := x.plan
	d := p.dfa
	kind := p.kind
	if d == nil && kind != StrategyLiteral && kind != StrategyPrefilter {
		kind = StrategyNFA
	}
	if kind == StrategyDFA && !d.fast {
		// A slow DFA hands the search to the engines.
		kind = StrategyNFA
	}
	if kind == StrategyNFA || x.direct(input{h: subject}, x.nslots) {
		return nfa.Input{Haystack: subject, Start: 0, End: len(subject)}, true, true
	}
	if match == nil {
		return in, false, false
	}
	s, e := match[0], match[1]
	switch {
	case kind == StrategyPrefilter && (d == nil || !d.fast):
		// The engines check the candidate anchored, finding the end
		// and the groups in one run.
		end := len(subject)
		if p.maxLen >= 0 && p.maxLen <= maxBoundedLen {
			end = min(end, s+p.maxLen)
		}
		return nfa.Input{Haystack: subject, Start: s, End: end, Anchored: true}, false, true
	case x.nslots == 2:
		// No groups: the bounds are the whole answer.
		return in, false, false
	case kind != StrategyLiteral && !d.fast:
		return nfa.Input{Haystack: subject, Start: s, End: len(subject), Anchored: true}, false, true
	}
	return nfa.Input{Haystack: subject, Start: s, End: e, Anchored: true}, false, true
}

// searchedLiteral describes what the plan's strategy searches the text for
// before any automaton runs, or "" when it searches for nothing.
func (p *plan) searchedLiteral() string {
	switch p.kind {
	case StrategyLiteral:
		seq := literal.Extract(p.tree).Prefix
		if seq.IsFinite() && seq.IsExact() {
			return "the pattern's strings " + describeSeq(seq)
		}
		return "the pattern as one literal"
	case StrategyPrefilter:
		switch set := p.prefilter.(type) {
		case lineStarts:
			return "line starts"
		case *byteSetSearcher:
			if p.firstBytes {
				return "the bytes a match can start with " + set.String()
			}
		}
		// build makes the prefilter of this very set.
		return "the prefixes " + describeSeq(literal.Extract(p.tree).Prefix)
	case StrategyReverseSuffix:
		return "the suffix " + p.revLit.text
	case StrategyReverseInner:
		return "the inner literals " + p.revLit.text
	}
	return ""
}

// maxListedLiterals is the most literals describeSeq shows.
const maxListedLiterals = 8

// describeSeq lists the literals of a set as internal/literal writes them
// (quoted, with "…" after one that is only the start of a match), and how
// many more there are beyond maxListedLiterals, or says that nothing is
// known.
func describeSeq(seq literal.Seq) string {
	switch {
	case !seq.IsFinite():
		return "none known"
	case seq.Len() == 0:
		return "none: the pattern never matches"
	}
	lits := seq.Literals()
	var parts []string
	for i, l := range lits {
		if i == maxListedLiterals {
			parts = append(parts, fmt.Sprintf("and %d more", len(lits)-i))
			break
		}
		parts = append(parts, l.String())
	}
	return strings.Join(parts, " ")
}

// String writes the set as a bracketed class of byte ranges, printable
// ASCII as itself and every other byte as \xNN.
func (s *byteSetSearcher) String() string {
	var b strings.Builder
	b.WriteByte('[')
	for lo := 0; lo < 256; lo++ {
		if !s[lo] {
			continue
		}
		hi := lo
		for hi+1 < 256 && s[hi+1] {
			hi++
		}
		writeClassByte(&b, byte(lo))
		if hi > lo {
			if hi > lo+1 {
				b.WriteByte('-')
			}
			writeClassByte(&b, byte(hi))
		}
		lo = hi
	}
	b.WriteByte(']')
	return b.String()
}

// writeClassByte writes one byte of a class.
func writeClassByte(b *strings.Builder, c byte) {
	switch {
	case c == '\\' || c == ']' || c == '[' || c == '-' || c == '^':
		b.WriteByte('\\')
		b.WriteByte(c)
	case c > ' ' && c < 0x7f:
		b.WriteByte(c)
	default:
		fmt.Fprintf(b, `\x%02x`, c)
	}
}
