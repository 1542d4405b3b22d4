package regexp

import (
	"fmt"
	"strings"

	"github.com/rerepl/rerepl/internal/introspect"
	"github.com/rerepl/rerepl/internal/literal"
	"github.com/rerepl/rerepl/internal/nfa"
)

// This file answers introspect.Describe, for the REPL's :engine. Every
// field is read from the executor and its plan, or decided by the
// executor's own functions (choose), so the report cannot drift from what
// the searches run.

func init() {
	introspect.Describe = describe
}

// describe implements introspect.Describe.
func describe(v any, subject []byte) introspect.Report {
	re, ok := v.(*Regexp)
	if !ok {
		panic(fmt.Sprintf("introspect.Describe: %T is not a *regexp.Regexp of this module", v))
	}
	x := re.exec
	x.prepare()
	x.engines()
	x.onePass()
	p := &x.plan
	r := introspect.Report{
		Strategy:        p.kind.String(),
		Why:             p.why,
		States:          len(x.prog.States),
		Slots:           2 * x.prog.NumCap,
		Program:         x.prog.String(),
		OnePass:         x.one != nil,
		AnchoredStart:   x.anchoredStart,
		AnchoredEnd:     p.anchoredEnd,
		MaxMatchLen:     p.maxLen,
		LazyDFA:         p.dfa != nil,
		SlowDFA:         p.dfa != nil && !p.dfa.fast,
		Literal:         p.searchedLiteral(),
		BacktrackMaxLen: x.back.MaxLen(),
		Match:           re.FindIndex(subject),
	}
	if in, whole, ok := x.engineInput(re, subject, r.Match); ok {
		r.Engine = x.choose(engineAuto, &in).String()
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
// It follows the paths of search in strategy.go and strategy_dfa.go for
// a search from the start of the text whose strategy does not give up;
// TestDescribe has a case for each path, so a change to them shows there.
func (x *executor) engineInput(re *Regexp, subject []byte, match []int) (in nfa.Input, whole, ok bool) {
	if len(subject) < re.minInputLen {
		return in, false, false
	}
	p := &x.plan
	d := p.dfa
	kind := p.kind
	if d == nil && kind != strategyLiteral && kind != strategyPrefilter {
		kind = strategyNFA
	}
	if kind == strategyDFA && !d.fast {
		// A slow DFA hands the search to the engines.
		kind = strategyNFA
	}
	if kind == strategyNFA {
		return nfa.Input{Haystack: subject, Start: 0, End: len(subject)}, true, true
	}
	if match == nil {
		return in, false, false
	}
	s, e := match[0], match[1]
	switch {
	case kind == strategyPrefilter && (d == nil || !d.fast):
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
	case kind != strategyLiteral && !d.fast:
		return nfa.Input{Haystack: subject, Start: s, End: len(subject), Anchored: true}, false, true
	}
	return nfa.Input{Haystack: subject, Start: s, End: e, Anchored: true}, false, true
}

// searchedLiteral describes what the plan's strategy searches the text for
// before any automaton runs, or "" when it searches for nothing.
func (p *plan) searchedLiteral() string {
	switch p.kind {
	case strategyLiteral:
		seq := literal.Extract(p.tree).Prefix
		if seq.IsFinite() && seq.IsExact() {
			return "the pattern's strings " + listLiterals(seq)
		}
		return "the pattern as one literal"
	case strategyPrefilter:
		switch set := p.prefilter.(type) {
		case lineStarts:
			return "line starts"
		case *byteSetSearcher:
			if p.firstBytes {
				return "the bytes a match can start with " + set.String()
			}
		}
		// build makes the prefilter of this very set.
		return "the prefixes " + listLiterals(literal.Extract(p.tree).Prefix)
	case strategyReverseSuffix:
		return "the suffix " + p.revLit.text
	case strategyReverseInner:
		return "the inner literals " + p.revLit.text
	}
	return ""
}

// maxListedLiterals is the most literals listLiterals shows.
const maxListedLiterals = 8

// listLiterals lists the literals of a finite set, quoted, with "…" after
// each that is only the start of a match, and how many more there are
// beyond maxListedLiterals.
func listLiterals(seq literal.Seq) string {
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
