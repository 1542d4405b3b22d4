package meta

import (
	"bytes"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/literal"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// A strategy is a way of finding where the leftmost match lies, one type
// per strategy, picked once per pattern (see plan.build for the order of
// preference and why).
//
// search finds the leftmost match in in.h at or after in.pos and fills
// slots. How much it is asked for is the length of slots: 0 asks only
// whether there is a match (the DFAs' earliest mode, the is-match search),
// 2 asks for the bounds (the half of a search the DFAs can do), and more
// asks for the groups too, which an NFA engine then computes anchored on
// exactly the bounds (submatches), where engines are cheapest. It reports
// decided false when a DFA could not answer (it quit on invalid UTF-8 or
// gave up); the search then runs on the NFA engines, which answer
// everything. A strategy keeps nothing between searches: its scratch
// memory is the cache, its input an argument.
type strategy interface {
	kind() Strategy
	search(x *Regexp, c *cache, in input, slots []int) (found, decided bool)
}

// A Strategy names one of the strategies.
type Strategy uint8

const (
	// StrategyNFA runs the whole search on an NFA engine: one-pass for
	// patterns anchored at the start, the backtracker on short texts,
	// the Pike VM otherwise. It is the fallback of every other strategy.
	StrategyNFA Strategy = iota
	// StrategyLiteral answers patterns that are a literal or an
	// alternation of literals with a literal searcher alone.
	StrategyLiteral
	// StrategyPrefilter searches for the literals every match starts
	// with and confirms each candidate with an automaton.
	StrategyPrefilter
	// StrategyDFA runs the forward lazy DFA for the end of the match and
	// the reverse DFA back from it for the start.
	StrategyDFA
	// StrategyReverseSuffix searches for the literal every match ends
	// with and runs the reverse DFA back from it.
	StrategyReverseSuffix
	// StrategyReverseInner searches for a literal every match contains
	// and runs a reverse DFA for the part of the pattern before it.
	StrategyReverseInner
	// StrategyReverseAnchored runs the reverse DFA from the end of the
	// text, for patterns whose matches all end there.
	StrategyReverseAnchored
	// StrategyDirect is no pattern's strategy but a path of single
	// searches (see direct): a search whose match can only start where
	// it starts and that wants the groups of a short text runs on the
	// NFA engines at once, whatever the strategy. It is named so that
	// ForceDirect can be forced and counted as the strategies are.
	StrategyDirect

	numStrategies
)

var strategyNames = [numStrategies]string{
	StrategyNFA:             "nfa",
	StrategyLiteral:         "literal",
	StrategyPrefilter:       "prefilter",
	StrategyDFA:             "dfa",
	StrategyReverseSuffix:   "reverse-suffix",
	StrategyReverseInner:    "reverse-inner",
	StrategyReverseAnchored: "reverse-anchored",
	StrategyDirect:          "direct",
}

func (s Strategy) String() string {
	if s < numStrategies {
		return strategyNames[s]
	}
	return "strategy(?)"
}

// A plan is what the strategies of a pattern are made from: the kind
// chosen and why, literal searchers, and the automata built for them. It
// is read-only after build except for parts built on first use under a
// sync.Once.
type plan struct {
	kind Strategy
	// why says in a few words why kind was chosen, for the REPL.
	why string

	// tree is the simplified pattern, kept to build the leftmost-longest
	// literal matcher on first use.
	tree *syntax.Regexp

	// matcher answers a pure literal pattern leftmost-first;
	// longestMatcher, built by longestOnce, answers it leftmost-longest.
	matcher        literal.Searcher
	longestOnce    sync.Once
	longestMatcher literal.Searcher

	// prefilter finds candidate starts: every match starts with one of
	// the pattern's prefix literals. Nil when there are none.
	prefilter literal.Searcher

	// anchoredStart reports that every match starts at the start of the
	// text; anchoredEnd that every match ends at its end, for a pattern
	// not anchored at the start.
	anchoredStart, anchoredEnd bool
	// startBytes, for a pattern anchored at the start, is the set of
	// bytes a match can start with (firstByteSet), nil when it is no
	// use: a text that starts with another byte has no match, which
	// costs one look instead of an engine run (a validator or a
	// protocol line handed the wrong text fails at its first byte).
	startBytes *byteSetSearcher

	// firstBytes reports that prefilter is the set of bytes a match can
	// start with (firstByteSet), used when the pattern has no literal.
	// Like any prefilter it turns itself off when its candidates keep
	// failing close together (\p{L}{8,13} on Cyrillic text, where every
	// letter is a candidate and most words are short).
	firstBytes bool
	// maxLen is the most bytes a match can span, -1 for no bound. An
	// anchored check at a candidate reads no further than that, so
	// bounded patterns may check any number of candidates.
	maxLen int

	// dfa holds the lazy DFAs; nil when they cannot be built.
	dfa *dfaSet
	// revLit is the literal of the reverse-suffix or reverse-inner
	// strategy, when the pattern has one (dfa then has its DFAs).
	revLit *reverseLiteral
}

// build picks the strategy for the simplified tree, whose facts are f.
// prog returns its program and onePass reports whether the program is
// one-pass; both are called only when the choice depends on them, as
// building them is most of the cost of a pattern's first search.
//
// The order of preference, and why:
//
//  1. A pure literal pattern (literal.NewMatcher) needs no automaton at
//     all: a byte search gives the match bounds.
//  2. A pattern anchored at the start can only match at one position:
//     the one-pass engine runs it directly when the program allows, the
//     DFA otherwise.
//  3. A pattern anchored at the end is scanned backwards from the end of
//     the text, where its matches must end.
//  4. When every match starts with one of a few literals of two bytes or
//     more, a literal search skips the text that cannot start a match,
//     far faster than any automaton walks it. A pattern whose matches
//     all start at (?m)^ has its candidates at line starts.
//  5. Failing that, a literal at the end of every match (reverse suffix)
//     or inside it (reverse inner) is searched for, and reverse scans
//     find where the match starts.
//  6. A prefix set of single bytes is still worth a try: the prefilter
//     turns itself off when it finds candidates too often.
//  7. When a match can start with only some bytes (`\w+`, `[A-Z]{20}`),
//     the search skips to those and checks each candidate anchored (the
//     forward DFA, or the engines), which needs no reverse scan: measured
//     faster than the forward-then-reverse DFA scans on word-like
//     patterns with many short matches.
//  8. Otherwise the forward and reverse DFAs do the whole search, and
//     when there is no fast DFA, the NFA engines.
func (p *plan) build(tree *syntax.Regexp, f *Facts, prog func() *nfa.Prog, onePass func() bool) {
	p.tree = tree
	p.maxLen = f.MaxLen
	// A literal, a language small enough to list, or case-insensitive
	// ASCII that literal searches folding case (literal.FoldCandidate).
	if f.Literal || f.LanguageSize <= maxPureLiterals || literal.FoldCandidate(tree) {
		p.matcher = literal.NewMatcher(tree, false)
	}
	if p.matcher != nil {
		// Nothing else is needed to find matches: no program, no
		// automaton and no second extraction of the literals.
		p.kind, p.why = StrategyLiteral, "the pattern is a literal or an alternation of literals"
		return
	}
	info := literal.ExtractEnds(tree)
	anchoredStart := f.AnchoredStart
	if !anchoredStart {
		p.prefilter = literal.NewPrefilter(info.Prefix)
	}
	lineStart := !anchoredStart && f.LineStart
	p.anchoredStart = anchoredStart
	p.anchoredEnd = f.AnchoredEnd && !anchoredStart
	p.dfa = newDFASet(tree, prog())
	prefixQuality := literalQuality(info.Prefix)
	revQuality := 0
	if p.dfa != nil && !anchoredStart && !p.anchoredEnd && prefixQuality < goodQuality {
		revQuality = p.buildReverseLiteral(tree, info)
	}
	if anchoredStart {
		p.startBytes, _ = firstByteSet(prog())
	}
	switch {
	case anchoredStart && (p.dfa == nil || !p.dfa.fast || onePass()):
		p.kind, p.why = StrategyNFA, "every match starts at the start of the text"
	case anchoredStart:
		p.kind, p.why = StrategyDFA, "every match starts at the start of the text"
	case p.anchoredEnd && p.dfa != nil:
		p.kind, p.why = StrategyReverseAnchored, "every match ends at the end of the text"
	case p.prefilter != nil && prefixQuality >= goodQuality:
		p.kind, p.why = StrategyPrefilter, "every match starts with one of the literals "+info.Prefix.String()
	case lineStart:
		p.prefilter = lineStarts{}
		p.kind, p.why = StrategyPrefilter, "every match starts at the start of a line"
	case p.revLit != nil && p.revLit.suffix && revQuality > prefixQuality:
		p.kind, p.why = StrategyReverseSuffix, "every match ends with "+p.revLit.text
	case p.revLit != nil && revQuality > prefixQuality:
		p.kind, p.why = StrategyReverseInner, "every match contains one of "+p.revLit.text
	case p.prefilter != nil:
		p.kind, p.why = StrategyPrefilter, "every match starts with one of the literals "+info.Prefix.String()
	case p.dfa != nil && p.dfa.fast:
		p.kind, p.why = StrategyDFA, "no literal to search for"
	default:
		p.kind, p.why = StrategyNFA, "no literal to search for, and no fast DFA"
	}
	if (p.kind == StrategyNFA || p.kind == StrategyDFA) && !anchoredStart {
		if set, ok := firstByteSet(prog()); ok {
			p.prefilter, p.firstBytes = set, true
			p.kind, p.why = StrategyPrefilter, "no literal, but a match can start with only some bytes"
		}
	}
}

// strategiesLocked sets the strategy searches run under x.cfg.Force, and
// the one they run once a DFA gave up on the text of a call; the caller
// holds x.mu. A forced strategy the pattern cannot run (it has no literal
// of that kind, say) gives the plan's choice. The DFAs a forced strategy
// needs and the plan did not build (for a pure literal pattern) are built
// here.
func (x *Regexp) strategiesLocked() {
	p, force := x.plan, x.cfg.Force
	d := p.dfa
	switch force {
	case ForceDFA, ForcePrefilter:
		d = p.forcedDFA(x.programLocked)
	case ForceDFAGiveUp:
		d = p.forcedDFA(x.programLocked).giveUpCopy()
	}
	kind := p.kind
	if s, ok := force.Strategy(); ok {
		x.forced, x.forcing, x.forcedOK = s, true, p.canRun(s)
		if x.forcedOK {
			kind = s
		}
	}
	x.strat, x.noDFA = p.strategy(kind, d), p.strategy(kind, nil)
}

// forcedDFA returns the plan's DFAs, building them for a pure literal
// pattern, whose strategy needs none, when a test forces a strategy that
// does.
func (p *plan) forcedDFA(prog func() *nfa.Prog) *dfaSet {
	if p.dfa != nil {
		return p.dfa
	}
	return newDFASet(p.tree, prog())
}

// canRun reports whether the pattern has what strategy s needs.
func (p *plan) canRun(s Strategy) bool {
	switch s {
	case StrategyNFA:
		return true
	case StrategyLiteral:
		return p.matcher != nil
	case StrategyPrefilter:
		return p.prefilter != nil
	case StrategyDFA:
		return p.dfa != nil || p.matcher != nil
	case StrategyReverseAnchored:
		return p.dfa != nil && p.anchoredEnd
	case StrategyReverseSuffix:
		return p.revLit != nil && p.revLit.suffix
	case StrategyReverseInner:
		return p.revLit != nil && !p.revLit.suffix
	case StrategyDirect:
		return p.anchoredStart
	}
	return false
}

// strategy returns the strategy of the given kind over the DFAs d. The
// literal and prefilter strategies run without DFAs; the others, given
// none (a forced DFA strategy on a pattern whose reverse program could not
// be built, or once a DFA gave up on the text), are the NFA strategy.
func (p *plan) strategy(kind Strategy, d *dfaSet) strategy {
	switch kind {
	case StrategyLiteral:
		return literalStrategy{p}
	case StrategyPrefilter:
		return &prefilterStrategy{p: p, d: d}
	}
	if d == nil {
		return nfaStrategy{}
	}
	switch kind {
	case StrategyDFA:
		return dfaStrategy{d}
	case StrategyReverseAnchored:
		return reverseAnchoredStrategy{d}
	case StrategyReverseSuffix, StrategyReverseInner:
		return &reverseLiteralStrategy{k: kind, d: d, rl: p.revLit}
	}
	return nfaStrategy{}
}

// search finds the leftmost match in in.h at or after in.pos and, when
// there is one, fills slots (0, 2 or all of c.slots) with its submatches.
func (x *Regexp) search(c *cache, in input, slots []int) bool {
	if x.cfg.Force.engine() {
		return x.runEngine(c, &nfa.Input{Haystack: in.h, Start: in.pos, End: len(in.h)}, in.longest, x.cfg.Force, slots)
	}
	if x.facts.AnchoredStart && in.pos > 0 {
		// Every match starts at the start of the text.
		return false
	}
	if !x.prepared.Load() {
		// A short text searched while the pattern warms up (see
		// warmUp): the engines run the whole search.
		return x.nfaFrom(c, in, slots)
	}
	if sb := x.plan.startBytes; sb != nil && !x.forcedStrategy() && (in.pos == len(in.h) || !sb[in.h[in.pos]]) {
		// The match would start here, with one of these bytes.
		return false
	}
	if x.direct(in, len(slots)) {
		if x.cfg.Force == ForceDirect {
			forcedRuns.ran[StrategyDirect].Add(1)
		}
		return x.nfaFrom(c, in, slots)
	}
	st := x.strat
	if c.call.dfaGaveUp {
		// The DFA's cache thrashed on this text: the searches that
		// follow would rebuild states only to give up again.
		st = x.noDFA
	}
	if x.forcing {
		if x.forcedOK {
			forcedRuns.ran[x.forced].Add(1)
		} else {
			forcedRuns.fellBack[x.forced].Add(1)
		}
	}
	found, decided := st.search(x, c, in, slots)
	if decided {
		return found
	}
	if x.forcedStrategy() {
		forcedRuns.nfaFallbacks.Add(1)
	}
	return x.nfaFrom(c, in, slots)
}

// forcedStrategy reports whether a test forces a strategy: the DFAs then
// run even where the plan counts them as slow, and fallbacks are counted.
func (x *Regexp) forcedStrategy() bool {
	return x.cfg.Force != ForceAuto && x.cfg.Force != ForceStrategy
}

// nfaStrategy runs the whole search on the NFA engines.
type nfaStrategy struct{}

func (nfaStrategy) kind() Strategy { return StrategyNFA }

func (nfaStrategy) search(x *Regexp, c *cache, in input, slots []int) (found, decided bool) {
	return x.nfaFrom(c, in, slots), true
}

// literalStrategy answers a pure literal pattern with the literal
// searcher for the search mode; the engines run only for the groups.
type literalStrategy struct{ p *plan }

func (literalStrategy) kind() Strategy { return StrategyLiteral }

func (l literalStrategy) search(x *Regexp, c *cache, in input, slots []int) (found, decided bool) {
	s, e, ok := l.p.literalMatcher(in.longest).Find(in.h, in.pos)
	if !ok {
		return false, true
	}
	return x.submatches(c, in, s, e, slots), true
}

// literalMatcher returns the pure literal searcher for the search mode.
func (p *plan) literalMatcher(longest bool) literal.Searcher {
	if !longest {
		return p.matcher
	}
	p.longestOnce.Do(func() { p.longestMatcher = literal.NewMatcher(p.tree, true) })
	return p.longestMatcher
}

// goodQuality is the literalQuality from which a literal set is searched
// for without looking further: literals of two bytes or more.
const goodQuality = 2000

// literalQuality rates a set of literals for searching: longer literals
// give fewer false candidates and fewer literals search faster. Zero
// means useless (no set, or an empty literal).
func literalQuality(s literal.Seq) int {
	if !s.IsFinite() || s.Len() == 0 || s.MinLen() <= 0 {
		return 0
	}
	return min(s.MinLen(), 8)*1000 - s.Len()
}

// buildReverseLiteral prepares the reverse-suffix strategy when every
// match ends with one literal, else the reverse-inner strategy when every
// match contains one of a set of literals, and returns the quality of the
// literal chosen (0 for none). Reverse suffix is preferred: it needs no
// reverse program of its own, and its candidates are exact ends.
func (p *plan) buildReverseLiteral(tree *syntax.Regexp, info literal.Info) int {
	pref := prefixLanguage(tree, prefixLanguageBudget)
	if pref == nil {
		return 0
	}
	if suffix := commonSuffix(info.Suffix); len(suffix) >= 2 {
		if err := p.dfa.addReverse(dfaPrefixes, pref); err == nil {
			p.revLit = &reverseLiteral{
				finder: literal.NewPrefilter(literal.NewSeq(literal.Literal{Bytes: suffix})),
				suffix: true,
				text:   strconv.Quote(suffix),
			}
			p.dfa.before = dfaReverse
			return literalQuality(literal.NewSeq(literal.Literal{Bytes: suffix}))
		}
		return 0
	}
	inner, ok := literal.FindInner(tree)
	if !ok {
		return 0
	}
	finder := literal.NewPrefilter(inner.Seq)
	if finder == nil {
		return 0
	}
	rest := &syntax.Regexp{Op: syntax.OpConcat, Flags: inner.Concat.Flags, Sub: inner.Concat.Sub[inner.Index:]}
	if p.dfa.addReverse(dfaPrefixes, pref) != nil || p.dfa.addReverse(dfaBefore, inner.Before()) != nil || p.dfa.addRest(rest) != nil {
		return 0
	}
	p.revLit = &reverseLiteral{finder: finder, text: inner.Seq.String()}
	p.dfa.before = dfaBefore
	return literalQuality(inner.Seq)
}

// prefixLanguageBudget caps the size of the prefix language built for the
// reverse strategies, in tree nodes; a pattern needing more does without.
const prefixLanguageBudget = 4096

// commonSuffix returns the longest byte string every literal of s ends
// with, cut so that it starts at a rune boundary (an occurrence then ends
// at a rune boundary too), or "" when s is infinite or empty.
func commonSuffix(s literal.Seq) string {
	lits := s.Literals()
	if !s.IsFinite() || len(lits) == 0 {
		return ""
	}
	suffix := lits[0].Bytes
	for _, l := range lits[1:] {
		n := 0
		for n < len(suffix) && n < len(l.Bytes) && suffix[len(suffix)-1-n] == l.Bytes[len(l.Bytes)-1-n] {
			n++
		}
		suffix = suffix[len(suffix)-n:]
	}
	for len(suffix) > 0 && !utf8.RuneStart(suffix[0]) {
		suffix = suffix[1:]
	}
	return suffix
}

// maxPureLiterals is the most strings a pattern may match for the
// literal-only strategy to be tried: literal.NewMatcher gives up above
// that count (its limit), but only after doing the cross products, which
// for a pattern such as \d{4}-\d{2}-\d{2} takes far longer than
// compiling the rest.
const maxPureLiterals = 1 << 14

// A callState is what the strategy learns about the text during one API
// call, kept across the matches of an All method so that per-text work is
// done once per call, not once per match. It is reset by getCache.
type callState struct {
	// prefilterMisses and prefilterSkipped measure how far the
	// prefilter skips per candidate that does not start a match, to stop
	// using it when it finds one at nearly every position (a set of
	// common bytes): an automaton then walks the text faster on its own.
	prefilterMisses, prefilterSkipped int
	prefilterOff                      bool

	// readsAll says the call reads the whole text whatever it finds
	// (All). The first DFA scan of such a call checks once whether the
	// text is valid UTF-8 (utf8 is then known), so that the scans need
	// not check what they read.
	readsAll bool
	utf8     utf8State

	// dfaGaveUp is set once a DFA scan gave up (its cache thrashed):
	// the rest of the call runs on the NFA engines.
	dfaGaveUp bool
}

// utf8State is what a call knows about its text's UTF-8 validity.
type utf8State uint8

const (
	utf8Unknown utf8State = iota
	utf8Valid
	utf8Invalid
)

// validUTF8 reports whether the whole text h of the call is known to be
// valid UTF-8, checking it on first use when the call reads all of it.
func (cs *callState) validUTF8(h []byte) bool {
	if cs.utf8 == utf8Unknown && cs.readsAll {
		cs.utf8 = utf8Invalid
		if utf8.Valid(h) {
			cs.utf8 = utf8Valid
		}
	}
	return cs.utf8 == utf8Valid
}

// prefilterStart returns the first candidate position at or after pos
// where a match may start, or false when no match can start there.
func (cs *callState) prefilterStart(pf literal.Searcher, h []byte, pos int) (int, bool) {
	start, _, ok := pf.Find(h, pos)
	if !ok {
		return 0, false
	}
	cs.prefilterSkipped += start - pos
	return start, true
}

// prefilterMissed records a candidate that did not start a match, and
// turns the prefilter off for the rest of the call when such misses come
// too often: stopping at a candidate costs more than the bytes skipped to
// reach it (a set of common bytes such as whitespace). Candidates that
// start a match never count against it, so a prefilter that finds every
// match of a FindAll right where the previous one ended stays on.
func (cs *callState) prefilterMissed(p *plan) {
	cs.prefilterMisses++
	minSkip := minPrefilterSkip
	if p.firstBytes {
		// The first-byte set is scanned a byte at a time, no faster
		// than the DFA reads, so stopping at a candidate that fails
		// pays only when it saves a long scan.
		minSkip = minFirstByteSkip
	}
	if cs.prefilterMisses >= prefilterProbation && cs.prefilterSkipped < minSkip*cs.prefilterMisses {
		cs.prefilterOff = true
	}
}

const (
	// prefilterProbation is the number of missed candidates a prefilter
	// is judged on before it may be turned off for the rest of a call.
	prefilterProbation = 32
	// minPrefilterSkip is the average number of bytes a prefilter must
	// skip per missed candidate to stay on; minFirstByteSkip is that
	// for a first-byte set.
	minPrefilterSkip = 16
	minFirstByteSkip = 128
)

// lineStarts is the prefilter of patterns whose matches all start at the
// beginning of a line: it finds the next line start.
type lineStarts struct{}

func (lineStarts) Find(h []byte, from int) (start, end int, ok bool) {
	if from == 0 || from <= len(h) && h[from-1] == '\n' {
		return from, from, true
	}
	if from >= len(h) {
		return 0, 0, false
	}
	i := bytes.IndexByte(h[from:], '\n')
	if i < 0 {
		return 0, 0, false
	}
	return from + i + 1, from + i + 1, true
}

// charLen returns the length of the character h starts with: a valid
// UTF-8 sequence, or one byte that does not start one.
func charLen(h []byte) int {
	_, w := utf8.DecodeRune(h)
	return w
}
