package meta

import "sync/atomic"

// A Force names what [Config.Force] makes every search run on: one of the
// NFA engines, one of the strategies, or the automatic choice.
type Force uint8

const (
	// ForceAuto lets the Regexp pick the strategy chosen for the pattern
	// and, per search, the fastest engine that can answer it, after the
	// warm-up (see warmUp).
	ForceAuto Force = iota
	// ForcePikeVM runs every search on the Pike VM, which simulates the
	// NFA breadth-first: any program and input, in time O(program x
	// input), with the most overhead per byte.
	ForcePikeVM
	// ForceBacktrack runs every search on the backtracker, which explores
	// the NFA depth-first with a bitset of visited (state, position)
	// pairs; a span past its budget runs on the Pike VM.
	ForceBacktrack
	// ForceOnePass runs every search on the one-pass engine; a program
	// that is not one-pass, or an unanchored search, runs on the Pike VM.
	ForceOnePass

	// The values below force a strategy rather than an engine. A forced
	// strategy that cannot run a pattern falls back to the automatic
	// choice, and the fallback is counted (see Runs).

	// ForceLiteral forces the literal-only strategy.
	ForceLiteral
	// ForcePrefilter forces the prefix prefilter in front of the
	// forward DFA (or the NFA engines when there is no DFA).
	ForcePrefilter
	// ForceDFA forces the forward and reverse DFAs without literals.
	ForceDFA
	// ForceReverseSuffix forces the reverse-suffix strategy.
	ForceReverseSuffix
	// ForceReverseInner forces the reverse-inner strategy.
	ForceReverseInner
	// ForceReverseAnchored forces the reverse scan from the end of the
	// text for patterns anchored there.
	ForceReverseAnchored
	// ForceDFAGiveUp runs the DFA strategy with a DFA cache so small that
	// it gives up on most searches, to exercise the fallback to the NFA
	// engines after cache exhaustion.
	ForceDFAGiveUp
	// ForceStrategy is the automatic choice without the warm-up: the
	// strategy runs from the first search, as it does on a pattern once
	// warm.
	ForceStrategy
	// ForceDirect takes the direct path (see direct) on every search of
	// a pattern whose matches all start at \A, whatever the search wants
	// and however long the text: the NFA engines run it from the start,
	// without the strategy.
	ForceDirect
	// ForceRunePikeVM and ForceRuneBacktrack are ForcePikeVM and
	// ForceBacktrack on the program whose classes reaching past ASCII
	// are RuneClass states, which only patterns too large for a DFA get
	// otherwise (see runeProgram): every pattern then tests it.
	ForceRunePikeVM
	ForceRuneBacktrack

	numForces
)

// Forces lists every value of Force, the automatic choice first: the
// conformance tests and FuzzEngines run each case on each of them.
var Forces = []Force{
	ForceAuto, ForceStrategy, ForcePikeVM, ForceBacktrack, ForceOnePass,
	ForceLiteral, ForcePrefilter, ForceDFA, ForceReverseSuffix, ForceReverseInner, ForceReverseAnchored, ForceDFAGiveUp, ForceDirect,
	ForceRunePikeVM, ForceRuneBacktrack,
}

var forceNames = [numForces]string{
	ForceAuto:            "auto",
	ForcePikeVM:          "pikevm",
	ForceBacktrack:       "backtrack",
	ForceOnePass:         "onepass",
	ForceLiteral:         "literal",
	ForcePrefilter:       "prefilter",
	ForceDFA:             "dfa",
	ForceReverseSuffix:   "revsuffix",
	ForceReverseInner:    "revinner",
	ForceReverseAnchored: "revanchored",
	ForceDFAGiveUp:       "dfa-giveup",
	ForceStrategy:        "strategy",
	ForceDirect:          "direct",
	ForceRunePikeVM:      "pikevm-runes",
	ForceRuneBacktrack:   "backtrack-runes",
}

func (f Force) String() string {
	if f < numForces {
		return forceNames[f]
	}
	return "force(?)"
}

// engine reports whether f names an engine rather than a strategy (or the
// automatic choice): the whole search then runs on that engine.
func (f Force) engine() bool {
	return f == ForcePikeVM || f == ForceBacktrack || f == ForceOnePass || f.runes()
}

// runes reports whether f forces an engine on the rune-class program.
func (f Force) runes() bool {
	return f == ForceRunePikeVM || f == ForceRuneBacktrack
}

// Strategy returns the strategy f forces, and false when it forces none.
func (f Force) Strategy() (Strategy, bool) {
	switch f {
	case ForceLiteral:
		return StrategyLiteral, true
	case ForcePrefilter:
		return StrategyPrefilter, true
	case ForceDFA, ForceDFAGiveUp:
		return StrategyDFA, true
	case ForceReverseSuffix:
		return StrategyReverseSuffix, true
	case ForceReverseInner:
		return StrategyReverseInner, true
	case ForceReverseAnchored:
		return StrategyReverseAnchored, true
	case ForceDirect:
		return StrategyDirect, true
	}
	return 0, false
}

// forcedRuns counts, for tests, how often each forced strategy ran and how
// often it could not and fell back, so that a test can check that forcing
// a strategy exercised it. Only searches with a forced strategy are
// counted, so normal searches pay nothing.
var forcedRuns struct {
	ran, fellBack [numStrategies]atomic.Int64
	// nfaFallbacks counts forced searches a DFA could not finish (it
	// quit or gave up) and the NFA engines answered; guardFallbacks
	// counts reverse-literal searches whose failed candidates read too
	// much and that went on with a forward scan.
	nfaFallbacks, guardFallbacks atomic.Int64
}

// RunCounts is a snapshot of the counters of forced searches.
type RunCounts struct {
	// Ran and FellBack count, by strategy, the searches that ran a
	// forced strategy and those that could not and fell back to the
	// automatic choice.
	Ran, FellBack [numStrategies]int64
	// NFAFallbacks counts forced searches that a DFA could not finish
	// and the NFA engines answered; GuardFallbacks counts
	// reverse-literal searches whose failed candidates read too much
	// and that went on with a forward scan.
	NFAFallbacks, GuardFallbacks int64
}

// Runs returns the counters of forced searches so far, for the tests that
// prove that forcing a strategy exercised it.
func Runs() RunCounts {
	var r RunCounts
	for i := range r.Ran {
		r.Ran[i] = forcedRuns.ran[i].Load()
		r.FellBack[i] = forcedRuns.fellBack[i].Load()
	}
	r.NFAFallbacks = forcedRuns.nfaFallbacks.Load()
	r.GuardFallbacks = forcedRuns.guardFallbacks.Load()
	return r
}
