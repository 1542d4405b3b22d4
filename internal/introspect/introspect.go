// Package introspect lets tools ask the regexp package how it searches a
// pattern: the strategy chosen at compile time and why, the literals it
// searches for, and which NFA engine runs on a given subject.
//
// The regexp package keeps Go's exported API and nothing more, so it cannot
// export such a report itself. Instead it sets [Describe] when it is
// initialised, and a tool that imports both packages (the REPL) calls it.
// The report is read from the compiled pattern's own plan, so it describes
// what the searches run, not a second opinion about it.
package introspect

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
	// no faster than the NFA engines (they are simulated, or the program
	// is too large for DFA states to pay off), so that the engines check
	// candidates and compute the end of matches instead.
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

// Describe reports how re, a *regexp.Regexp of this module, searches and
// how it searches subject. The regexp package sets it when initialised; it
// panics when re is anything else.
var Describe func(re any, subject []byte) Report
