package regexp

import (
	"bytes"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/literal"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// A strategy is a way of finding where the leftmost match lies, picked
// once per pattern at compile time (see plan.build for the order of
// preference and why). Every strategy finds the match bounds; when the
// caller asks for submatches, an NFA engine then runs anchored on exactly
// those bounds, which is where engines are cheapest.
type strategy uint8

const (
	// strategyNFA runs the whole search on an NFA engine: one-pass for
	// patterns anchored at the start, the backtracker on short texts,
	// the Pike VM otherwise. It is the fallback of every other strategy.
	strategyNFA strategy = iota
	// strategyLiteral answers patterns that are a literal or an
	// alternation of literals with a literal searcher alone.
	strategyLiteral
	// strategyPrefilter searches for the literals every match starts
	// with and confirms each candidate with an automaton.
	strategyPrefilter
	// strategyDFA runs the forward lazy DFA for the end of the match and
	// the reverse DFA back from it for the start.
	strategyDFA
	// strategyReverseSuffix searches for the literal every match ends
	// with and runs the reverse DFA back from it.
	strategyReverseSuffix
	// strategyReverseInner searches for a literal every match contains
	// and runs a reverse DFA for the part of the pattern before it.
	strategyReverseInner
	// strategyReverseAnchored runs the reverse DFA from the end of the
	// text, for patterns whose matches all end there.
	strategyReverseAnchored

	numStrategies
)

var strategyNames = [numStrategies]string{
	strategyNFA:             "nfa",
	strategyLiteral:         "literal",
	strategyPrefilter:       "prefilter",
	strategyDFA:             "dfa",
	strategyReverseSuffix:   "reverse-suffix",
	strategyReverseInner:    "reverse-inner",
	strategyReverseAnchored: "reverse-anchored",
}

func (s strategy) String() string {
	if s < numStrategies {
		return strategyNames[s]
	}
	return "strategy(?)"
}

// A plan is the strategy chosen for a pattern and everything it needs:
// literal searchers, and the automata built for them. It is read-only
// after build except for parts built on first use under a sync.Once.
type plan struct {
	kind strategy
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

	// anchoredEnd reports that every match ends at the end of the text.
	anchoredEnd bool

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

// build picks the strategy for the simplified tree. prog returns its
// program and onePass reports whether the program is one-pass; both are
// called only when the choice depends on them, as building them is most
// of the cost of a pattern's first search.
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
func (p *plan) build(tree *syntax.Regexp, prog func() *nfa.Prog, onePass func() bool) {
	p.tree = tree
	p.maxLen = maxMatchLen(tree)
	if literalCandidate(tree) {
		p.matcher = literal.NewMatcher(tree, false)
	}
	if p.matcher != nil {
		// Nothing else is needed to find matches: no program, no
		// automaton and no second extraction of the literals.
		p.kind, p.why = strategyLiteral, "the pattern is a literal or an alternation of literals"
		return
	}
	info := literal.ExtractEnds(tree)
	if !info.AnchoredStart {
		p.prefilter = literal.NewPrefilter(info.Prefix)
	}
	lineStart := !info.AnchoredStart && beginsWithLine(tree)
	p.anchoredEnd = info.AnchoredEnd && !info.AnchoredStart
	p.dfa = newDFASet(tree, prog())
	prefixQuality := literalQuality(info.Prefix)
	revQuality := 0
	if p.dfa != nil && !info.AnchoredStart && !p.anchoredEnd && prefixQuality < goodQuality {
		revQuality = p.buildReverseLiteral(tree, info)
	}
	switch {
	case info.AnchoredStart && (p.dfa == nil || !p.dfa.fast || onePass()):
		p.kind, p.why = strategyNFA, "every match starts at the start of the text"
	case info.AnchoredStart:
		p.kind, p.why = strategyDFA, "every match starts at the start of the text"
	case p.anchoredEnd && p.dfa != nil:
		p.kind, p.why = strategyReverseAnchored, "every match ends at the end of the text"
	case p.prefilter != nil && prefixQuality >= goodQuality:
		p.kind, p.why = strategyPrefilter, "every match starts with one of the literals "+info.Prefix.String()
	case lineStart:
		p.prefilter = lineStarts{}
		p.kind, p.why = strategyPrefilter, "every match starts at the start of a line"
	case p.revLit != nil && p.revLit.suffix && revQuality > prefixQuality:
		p.kind, p.why = strategyReverseSuffix, "every match ends with "+p.revLit.text
	case p.revLit != nil && revQuality > prefixQuality:
		p.kind, p.why = strategyReverseInner, "every match contains one of "+p.revLit.text
	case p.prefilter != nil:
		p.kind, p.why = strategyPrefilter, "every match starts with one of the literals "+info.Prefix.String()
	case p.dfa != nil && p.dfa.fast:
		p.kind, p.why = strategyDFA, "no literal to search for"
	default:
		p.kind, p.why = strategyNFA, "no literal to search for, and no fast DFA"
	}
	if (p.kind == strategyNFA || p.kind == strategyDFA) && !info.AnchoredStart {
		if set, ok := firstByteSet(prog()); ok {
			p.prefilter, p.firstBytes = set, true
			p.kind, p.why = strategyPrefilter, "no literal, but a match can start with only some bytes"
		}
	}
}

// literalCandidate reports whether tree may be a pure literal pattern,
// one literal.NewMatcher answers: it is a literal, its language is small
// enough to list, or it is case-insensitive ASCII that literal searches
// folding case.
func literalCandidate(tree *syntax.Regexp) bool {
	return isLiteral(tree) || languageSize(tree, maxPureLiterals) <= maxPureLiterals || literal.FoldCandidate(tree)
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

// literalMatcher returns the pure literal searcher for the search mode.
func (p *plan) literalMatcher(longest bool) literal.Searcher {
	if !longest {
		return p.matcher
	}
	p.longestOnce.Do(func() { p.longestMatcher = literal.NewMatcher(p.tree, true) })
	return p.longestMatcher
}

// strategyName returns the name of the strategy the pattern searches
// with, and why it was chosen.
func (re *Regexp) strategyName() string {
	re.exec.prepare()
	return re.exec.plan.kind.String() + ": " + re.exec.plan.why
}

// strategyRuns counts, for tests, how often each forced strategy ran and
// how often it could not and fell back, so that a test can check that
// forcing a strategy exercised it. Only searches with a forced strategy
// are counted, so normal searches pay nothing.
var strategyRuns struct {
	ran, fellBack [numStrategies]atomic.Int64
	// nfaFallbacks counts forced searches a DFA could not finish (it
	// quit or gave up) and the NFA engines answered; guardFallbacks
	// counts reverse-literal searches whose failed candidates read too
	// much and that went on with a forward scan.
	nfaFallbacks, guardFallbacks atomic.Int64
}

// A callState is what the strategy learns about the text during one API
// call, kept across the matches of an All method so that per-text work is
// done once per call, not once per match.
type callState struct {
	// prefilterMisses and prefilterSkipped measure how far the
	// prefilter skips per candidate that does not start a match, to stop
	// using it when it finds one at nearly every position (a set of
	// common bytes): an automaton then walks the text faster on its own.
	prefilterMisses, prefilterSkipped int
	prefilterOff                      bool

	// forced is set when a test forces a strategy: the DFAs then run
	// even while they are only simulated.
	forced bool

	// readsAll says the call reads the whole text whatever it finds
	// (allMatches). The first DFA scan of such a call checks once
	// whether the text is valid UTF-8 (utf8 is then known), so that the
	// scans need not check what they read.
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

// forcedStrategy maps the values of engine that force a strategy to
// that strategy.
var forcedStrategy = map[engine]strategy{
	engineLiteral:         strategyLiteral,
	enginePrefilter:       strategyPrefilter,
	engineDFA:             strategyDFA,
	engineDFAGiveUp:       strategyDFA,
	engineReverseSuffix:   strategyReverseSuffix,
	engineReverseInner:    strategyReverseInner,
	engineReverseAnchored: strategyReverseAnchored,
}

// canRun reports whether the pattern has what strategy s needs.
func (p *plan) canRun(s strategy) bool {
	switch s {
	case strategyNFA:
		return true
	case strategyLiteral:
		return p.matcher != nil
	case strategyPrefilter:
		return p.prefilter != nil
	case strategyDFA:
		return p.dfa != nil || p.matcher != nil
	case strategyReverseAnchored:
		return p.dfa != nil && p.anchoredEnd
	case strategyReverseSuffix:
		return p.revLit != nil && p.revLit.suffix
	case strategyReverseInner:
		return p.revLit != nil && !p.revLit.suffix
	}
	return false
}

// chooseStrategy returns the strategy a search runs: the plan's, or the
// one a test forces when the pattern allows it. Forced searches are
// counted in strategyRuns.
func (x *executor) chooseStrategy(force engine) strategy {
	if force == engineAuto {
		return x.plan.kind
	}
	s, ok := forcedStrategy[force]
	if !ok {
		return x.plan.kind
	}
	if !x.plan.canRun(s) {
		strategyRuns.fellBack[s].Add(1)
		return x.plan.kind
	}
	strategyRuns.ran[s].Add(1)
	return s
}

// search finds the leftmost match in c.in.Haystack at or after pos and,
// when there is one, fills slots (0, 2 or all of c.slots) with its
// submatches.
func (x *executor) search(c *searchCache, pos int, longest bool, force engine, slots []int) bool {
	h := c.in.Haystack
	if force.forcesEngine() {
		c.in = nfa.Input{Haystack: h, Start: pos, End: len(h)}
		return x.runEngine(c, longest, force, slots)
	}
	if x.anchoredStart && pos > 0 {
		// Every match starts at the start of the text.
		return false
	}
	if !x.prepared.Load() {
		if force == engineAuto {
			// A short text searched while the pattern warms up
			// (see warmUp): the engines run the whole search.
			c.in = nfa.Input{Haystack: h, Start: pos, End: len(h)}
			return x.runEngine(c, longest, engineAuto, slots)
		}
		x.prepare()
	}
	d := x.plan.dfa
	switch force {
	case engineDFA, enginePrefilter:
		d = x.forcedDFA()
	case engineDFAGiveUp:
		d = x.tinyDFA()
	}
	if c.call.dfaGaveUp {
		// The DFA's cache thrashed on this text: the searches that
		// follow would rebuild states only to give up again.
		d = nil
	}
	c.call.forced = force != engineAuto && force != engineStrategy
	kind := x.chooseStrategy(force)
	if d == nil && kind != strategyLiteral && kind != strategyPrefilter {
		// A forced DFA strategy on a pattern whose reverse program
		// could not be built.
		kind = strategyNFA
	}
	var found, decided bool
	switch kind {
	case strategyLiteral:
		s, e, ok := x.plan.literalMatcher(longest).Find(h, pos)
		if !ok {
			return false
		}
		return x.submatches(c, s, e, longest, slots)
	case strategyPrefilter:
		found, decided = x.searchPrefilter(c, d, pos, longest, slots)
	case strategyDFA:
		found, decided = x.searchDFA(c, d, pos, longest, slots)
	case strategyReverseAnchored:
		found, decided = x.searchReverseAnchored(c, d, pos, longest, slots)
	case strategyReverseSuffix, strategyReverseInner:
		found, decided = x.searchReverseLiteral(c, d, x.plan.revLit, pos, longest, slots)
	}
	if decided {
		return found
	}
	if c.call.forced {
		strategyRuns.nfaFallbacks.Add(1)
	}
	return x.nfaFrom(c, pos, longest, slots)
}

// prefilterStart returns the first candidate position at or after pos
// where a match may start, or false when no match can start there.
func (x *executor) prefilterStart(c *searchCache, pos int) (int, bool) {
	start, _, ok := x.plan.prefilter.Find(c.in.Haystack, pos)
	if !ok {
		return 0, false
	}
	c.call.prefilterSkipped += start - pos
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

// submatches completes a search whose match bounds [s, e] a strategy has
// found: it fills slots with the bounds or, when the caller wants the
// groups, runs an NFA engine anchored on exactly those bounds. The engine
// finds the same match: it starts at s, and the preferred (or longest)
// match from s ends at e, so cutting the text at e removes only matches
// that lose to it. Assertions still see the whole text.
func (x *executor) submatches(c *searchCache, s, e int, longest bool, slots []int) bool {
	switch len(slots) {
	case 0:
		return true
	case 2:
		slots[0], slots[1] = s, e
		return true
	}
	c.in = nfa.Input{Haystack: c.in.Haystack, Start: s, End: e, Anchored: true}
	if !x.runEngine(c, longest, engineAuto, slots) || slots[0] != s || slots[1] != e {
		panic("regexp: internal error: the engines disagree with the strategy on a match")
	}
	return true
}

// beginsWithLine reports whether every match of the tree must start at
// the beginning of a line (or of the text), because the tree begins with
// (?m)^ or \A on every path.
func beginsWithLine(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpBeginText:
		return true
	case syntax.OpCapture, syntax.OpPlus:
		return beginsWithLine(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min > 0 && beginsWithLine(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && beginsWithLine(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !beginsWithLine(sub) {
				return false
			}
		}
		return len(re.Sub) > 0
	}
	return false
}

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

// maxPureLiterals is the most strings a pattern may match for the
// literal-only strategy to be tried: literal.NewMatcher gives up above
// that count (its limit), but only after doing the cross products, which
// for a pattern such as \d{4}-\d{2}-\d{2} takes far longer than
// compiling the rest.
const maxPureLiterals = 1 << 14

// isLiteral reports whether re is a literal inside any captures: a long
// case-insensitive literal has too many spellings to count, but
// literal.NewMatcher searches it in one piece.
func isLiteral(re *syntax.Regexp) bool {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	return re.Op == syntax.OpLiteral
}

// languageSize returns an upper bound on the number of strings re matches,
// or a number above limit when that is more than limit or unbounded
// (repetitions, assertions, classes holding invalid bytes).
func languageSize(re *syntax.Regexp, limit int) int {
	over := limit + 1
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpNoMatch:
		return 1
	case syntax.OpLiteral:
		n := 1
		for _, r := range re.Rune {
			k := 1
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					k++
				}
			}
			if n *= k; n > limit {
				return over
			}
		}
		return n
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if n += int(re.Rune[i+1]-re.Rune[i]) + 1; n > limit {
				return over
			}
		}
		return n
	case syntax.OpCapture:
		return languageSize(re.Sub[0], limit)
	case syntax.OpQuest:
		return min(languageSize(re.Sub[0], limit)+1, over)
	case syntax.OpRepeat:
		if re.Max < 0 {
			return over
		}
		n, one := 1, languageSize(re.Sub[0], limit)
		for range re.Max {
			if n *= one; n > limit {
				return over
			}
		}
		return n + 1
	case syntax.OpConcat:
		n := 1
		for _, sub := range re.Sub {
			if n *= languageSize(sub, limit); n > limit {
				return over
			}
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, sub := range re.Sub {
			if n += languageSize(sub, limit); n > limit {
				return over
			}
		}
		return n
	}
	return over
}
