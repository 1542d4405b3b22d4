package enginetest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/pikevm"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// A DFAMode is the kind of forward scan a [DFASearcher] runs.
type DFAMode int

const (
	// LeftmostFirst gives the end of the leftmost-first match.
	LeftmostFirst DFAMode = iota
	// Earliest stops at the first match end known, never after the end
	// of the leftmost-first match.
	Earliest
	// AnchoredLongest gives the end of the longest match from in.Start.
	AnchoredLongest
)

func (m DFAMode) String() string {
	return [...]string{"leftmost-first", "earliest", "anchored-longest"}[m]
}

// A DFAResult is the outcome of a DFA scan.
type DFAResult int

const (
	DFANoMatch DFAResult = iota
	DFAMatch
	DFAQuit   // the scan met invalid UTF-8 it cannot read
	DFAGaveUp // the cache thrashed
)

// A DFASearcher runs the scans of one pattern, with its caches bound in.
type DFASearcher struct {
	// Forward scans the forward program in one of the modes and
	// returns the match end.
	Forward func(in *nfa.Input, m DFAMode) (int, DFAResult)
	// Reverse scans the reversed program back from in.End and returns
	// the smallest start s >= in.Start with [s, in.End] matching.
	Reverse func(in *nfa.Input) (int, DFAResult)
}

// A DFAEngine is a DFA as [RunDFA] drives it.
type DFAEngine struct {
	Name string
	// New builds the scans of the forward program fwd and its reversal
	// rev.
	New func(fwd, rev *nfa.Prog) DFASearcher
	// Exclusions lists every reason the harness may count for a search
	// not run: [Submatches] and [UnanchoredLongest] (which no DFA does),
	// [Quit], [GaveUp]. A quit on valid UTF-8 fails the test whatever
	// the list says.
	Exclusions []string
	// MinShare is the least share of the searches the DFA must answer.
	MinShare float64
}

// RunDFA compares what a DFA answers (match ends, earliest ends, the
// anchored-longest end, the start found by a reverse scan from a match
// end) with the standard library on everything the harness holds, and
// with the Pike VM over windows of the text.
func RunDFA(t *testing.T, e DFAEngine) {
	ty := newTally(e.Name, e.Exclusions)
	for _, u := range units(t, 2) {
		std := u.mode.std(u.pattern)
		if std == nil {
			t.Errorf("%#q (%v): the standard library rejects it", u.pattern, u.mode)
			continue
		}
		fwd := testutil.Compile(t, u.pattern, u.mode.flags)
		rev := testutil.CompileWith(t, u.pattern, u.mode.flags, nfa.Options{Reverse: true})
		d := &dfaHarness{t: t, ty: ty, s: e.New(fwd, rev)}
		// The leftmost-longest matcher for the anchored-longest scan.
		longest := std
		if !u.mode.longest {
			longest = modes["longest"].std(u.pattern)
		}
		for _, s := range u.inputs {
			h := []byte(s)
			d.name = fmt.Sprintf("%s: %#q (%v) on %+q", e.Name, u.pattern, u.mode, s)
			d.valid = utf8.Valid(h)
			loc := std.FindIndex(h)
			if fwd.NumCap > 1 {
				ty.skip(t, Submatches, d.name)
			}
			in := &nfa.Input{Haystack: h, End: len(h)}
			if u.mode.longest {
				ty.skip(t, UnanchoredLongest, d.name)
			} else {
				d.expectForward(LeftmostFirst.String(), end(loc), in, LeftmostFirst)
			}
			if pos, res, ok := d.forward(in, Earliest); ok {
				switch {
				case (res == DFAMatch) != (loc != nil):
					t.Errorf("%s: earliest %v, std %v", d.name, res, loc)
				case res == DFAMatch && (pos < loc[0] || pos > loc[1]):
					t.Errorf("%s: earliest end %d outside std's match %v", d.name, pos, loc)
				}
			}
			if loc != nil {
				rin := &nfa.Input{Haystack: h, End: loc[1]}
				d.expectReverse([]int{loc[0]}, rin)
			}
			// The longest match from 0 is the leftmost-longest match when
			// that starts at 0; none otherwise.
			var want []int
			if l := longest.FindIndex(h); l != nil && l[0] == 0 {
				want = []int{l[1]}
			}
			d.expectForward(AnchoredLongest.String(), want, &nfa.Input{Haystack: h, End: len(h), Anchored: true}, AnchoredLongest)
			if u.mode.longest && loc != nil && loc[0] > 0 {
				in := &nfa.Input{Haystack: h, Start: loc[0], End: len(h), Anchored: true}
				d.expectForward("anchored-longest from the match start", []int{loc[1]}, in, AnchoredLongest)
			}
		}
		if t.Failed() {
			break
		}
	}
	dfaWindows(t, &e, ty)
	ty.check(t, e.MinShare)
}

// end returns the end of a match as a one-element slice, nil for none.
func end(loc []int) []int {
	if loc == nil {
		return nil
	}
	return []int{loc[1]}
}

// A dfaHarness checks the scans of one pattern.
type dfaHarness struct {
	t     *testing.T
	ty    *tally
	s     DFASearcher
	name  string
	valid bool // the haystack is valid UTF-8
}

// forward runs a forward scan; ok is false when the DFA did not answer.
func (d *dfaHarness) forward(in *nfa.Input, m DFAMode) (pos int, res DFAResult, ok bool) {
	pos, res = d.s.Forward(in, m)
	return pos, res, d.answered(res, m.String())
}

// reverse runs a reverse scan; ok is false when the DFA did not answer.
func (d *dfaHarness) reverse(in *nfa.Input) (pos int, res DFAResult, ok bool) {
	pos, res = d.s.Reverse(in)
	return pos, res, d.answered(res, "reverse")
}

// answered counts a scan and reports whether it gave an answer: Quit is
// allowed only on invalid UTF-8.
func (d *dfaHarness) answered(res DFAResult, what string) bool {
	d.t.Helper()
	switch res {
	case DFAQuit:
		if d.valid {
			d.t.Errorf("%s: %s quit on valid UTF-8", d.name, what)
		}
		d.ty.skip(d.t, Quit, d.name)
		return false
	case DFAGaveUp:
		d.ty.skip(d.t, GaveUp, d.name)
		return false
	}
	d.ty.ran++
	return true
}

// expectForward runs a forward scan and checks its answer against want:
// a one-element slice with the position, nil for no match.
func (d *dfaHarness) expectForward(what string, want []int, in *nfa.Input, m DFAMode) {
	d.t.Helper()
	if pos, res, ok := d.forward(in, m); ok {
		d.expect(what, want, pos, res)
	}
}

// expectReverse runs a reverse scan and checks its answer as
// expectForward does.
func (d *dfaHarness) expectReverse(want []int, in *nfa.Input) {
	d.t.Helper()
	if pos, res, ok := d.reverse(in); ok {
		d.expect("reverse start", want, pos, res)
	}
}

// expect checks an answer against want.
func (d *dfaHarness) expect(what string, want []int, pos int, res DFAResult) {
	d.t.Helper()
	switch {
	case (res == DFAMatch) != (want != nil):
		d.t.Errorf("%s: %s %v at %d, want %v", d.name, what, res, pos, want)
	case res == DFAMatch && pos != want[0]:
		d.t.Errorf("%s: %s %d, want %d", d.name, what, pos, want[0])
	}
}

func (r DFAResult) String() string {
	return [...]string{"no match", "match", "quit", "gave up"}[r]
}

// dfaWindows compares the DFA's scans of windows of the text with the
// Pike VM: the window patterns on every window of the window haystacks,
// and hand and generated patterns on random windows of random inputs.
func dfaWindows(t *testing.T, e *DFAEngine, ty *tally) {
	type window struct {
		hay        string
		start, end int
	}
	check := func(pattern string, ws []window) {
		fwd := testutil.Compile(t, pattern, syntax.Perl)
		rev := testutil.CompileWith(t, pattern, syntax.Perl, nfa.Options{Reverse: true})
		d := &dfaHarness{t: t, ty: ty, s: e.New(fwd, rev)}
		vm := pikevm.New(fwd)
		vc := vm.NewCache()
		for _, w := range ws {
			h := []byte(w.hay)
			// A window that cuts a rune holds invalid UTF-8 of its own.
			d.valid = utf8.Valid(h) && utf8.Valid(h[w.start:w.end])
			for _, anchored := range []bool{false, true} {
				d.name = fmt.Sprintf("%s: %#q on %+q [%d,%d) anchored=%v", e.Name, pattern, w.hay, w.start, w.end, anchored)
				in := &nfa.Input{Haystack: h, Start: w.start, End: w.end, Anchored: anchored}
				var slots [2]int
				var want []int
				if vm.Search(vc, in, false, slots[:]) {
					want = slots[:]
				}
				d.expectForward(LeftmostFirst.String(), end(want), in, LeftmostFirst)
				if want != nil {
					rin := &nfa.Input{Haystack: h, Start: w.start, End: want[1]}
					d.expectReverse(want[:1], rin)
				}
				if anchored {
					want = nil
					if vm.Search(vc, in, true, slots[:]) {
						want = slots[:]
					}
					d.expectForward(AnchoredLongest.String(), end(want), in, AnchoredLongest)
				}
			}
		}
	}
	for _, p := range WindowPatterns {
		var ws []window
		for _, hay := range WindowHaystacks {
			for _, w := range windows(hay) {
				ws = append(ws, window{hay, w[0], w[1]})
			}
		}
		check(p, ws)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	patterns := slices.Clone(Patterns)
	n := 600
	if testing.Short() {
		n = 150
	}
	for range n {
		if p := RandomPattern(rng, 3); validPerl(p) {
			patterns = append(patterns, p)
		}
	}
	for _, p := range patterns {
		var ws []window
		for range 12 {
			hay := RandomInput(rng)
			bounds := runeStarts([]byte(hay))
			start, end := bounds[rng.IntN(len(bounds))], bounds[rng.IntN(len(bounds))]
			if start > end {
				start, end = end, start
			}
			ws = append(ws, window{hay, start, end})
		}
		check(p, ws)
		if t.Failed() {
			return
		}
	}
}

func validPerl(p string) bool { return modes["perl"].std(p) != nil }
