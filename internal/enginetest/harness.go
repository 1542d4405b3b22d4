// Package enginetest is the one test harness every matching engine runs:
// the cases of testdata/cases.txt, hand-written patterns and inputs, and
// generated ones, each compared with the standard library (leftmost-first
// and leftmost-longest, submatch slots, invalid UTF-8, empty matches) or,
// for searches of a window of the text, which the standard library cannot
// run, with the Pike VM.
//
// An engine package runs [Run] (engines that report submatches) or
// [RunDFA] (a DFA, which reports match ends and starts) with an adapter
// and an explicit list of what the engine cannot do: a one-pass engine
// runs only one-pass programs and anchored searches, the backtracker only
// spans within its budget, a DFA gives no submatches and may quit on
// invalid UTF-8. Every search the harness does not run, and why, is
// counted; a reason the engine did not declare fails the test, and so
// does running less than the engine's MinShare of the searches, so an
// engine cannot pass by declining nearly everything.
//
// Only tests import this package.
package enginetest

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/pikevm"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// Reasons the harness itself gives for a search an engine does not run;
// an engine that meets one must list it in its Exclusions.
const (
	// Unanchored: the engine runs only anchored searches.
	Unanchored = "unanchored search"
	// Windows: the engine is the harness's reference for windows (the
	// Pike VM); its own tests pin its windows.
	Windows = "window compared with itself"
	// Submatches: a DFA reports no capture groups.
	Submatches = "submatches"
	// UnanchoredLongest: a DFA has no unanchored leftmost-longest mode
	// (leftmost-longest searches find the start first, then run
	// anchored).
	UnanchoredLongest = "unanchored leftmost-longest"
	// Quit: a DFA cannot read invalid UTF-8 and may quit on it.
	Quit = "quit on invalid UTF-8"
	// GaveUp: a DFA whose cache thrashes gives up.
	GaveUp = "gave up"
)

// A SearchFunc runs one search as the engines' Search methods do (see
// [pikevm.VM.Search]) and reports whether there is a match; a non-empty
// skip says why the engine does not run this search, and then matched is
// ignored.
type SearchFunc func(in *nfa.Input, longest bool, slots []int) (matched bool, skip string)

// An Engine is an engine that reports submatches, as [Run] drives it.
type Engine struct {
	Name string
	// New builds the engine and a cache for prog; it returns a skip
	// reason instead when the engine cannot run prog at all.
	New func(prog *nfa.Prog) (search SearchFunc, skip string)
	// AnchoredOnly says that every search is anchored at in.Start,
	// whatever in.Anchored says; the harness then runs only anchored
	// searches and counts the others as [Unanchored].
	AnchoredOnly bool
	// Reference says that the engine is the Pike VM, which the windows
	// are compared with; they are counted as [Windows].
	Reference bool
	// Exclusions lists every skip reason the engine may give, its own
	// and the harness's.
	Exclusions []string
	// MinShare is the least share of the searches the engine must run.
	MinShare float64
	// Options are the compiler options of the engine's programs (for
	// instance nfa.Options.RuneClasses); the windows' reference Pike VM
	// always runs the byte program.
	Options nfa.Options
}

// A tally counts the searches run and not run, by reason.
type tally struct {
	name     string
	declared []string
	ran      int
	skipped  map[string]int
}

func newTally(name string, declared []string) *tally {
	return &tally{name: name, declared: declared, skipped: map[string]int{}}
}

// skip records a search not run, failing the test for an undeclared
// reason.
func (ty *tally) skip(t *testing.T, reason, what string) {
	t.Helper()
	if ty.skipped[reason] == 0 && !slices.Contains(ty.declared, reason) {
		t.Errorf("%s: %s: not run for an undeclared reason: %s", ty.name, what, reason)
	}
	ty.skipped[reason]++
}

// check logs the counts and fails the test when too few searches ran.
func (ty *tally) check(t *testing.T, minShare float64) {
	t.Helper()
	total := ty.ran
	var reasons []string
	for r, n := range ty.skipped {
		total += n
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: ran %d of %d searches", ty.name, ty.ran, total)
	for _, r := range reasons {
		fmt.Fprintf(&b, "; %s: %d", r, ty.skipped[r])
	}
	t.Log(b.String())
	if total == 0 || float64(ty.ran) < minShare*float64(total) {
		t.Errorf("%s ran %d of %d searches, less than its minimum share %.2f", ty.name, ty.ran, total, minShare)
	}
}

// A mode is how a pattern is compiled and searched.
type mode struct {
	flags   syntax.Flags
	longest bool
}

var modes = map[string]mode{
	"perl":    {syntax.Perl, false},
	"longest": {syntax.Perl, true},
	"posix":   {syntax.POSIX, true},
}

// std returns the standard library's matcher for pattern in mode m, or
// nil when it rejects the pattern.
func (m mode) std(pattern string) *regexp.Regexp {
	var re *regexp.Regexp
	var err error
	if m.flags == syntax.POSIX {
		re, err = regexp.CompilePOSIX(pattern)
	} else {
		re, err = regexp.Compile(pattern)
	}
	if err != nil {
		return nil
	}
	if m.longest {
		re.Longest()
	}
	return re
}

func (m mode) String() string {
	switch {
	case m.flags == syntax.POSIX:
		return "posix"
	case m.longest:
		return "longest"
	}
	return "perl"
}

// A unit is one pattern in one mode and the inputs to search it on.
type unit struct {
	pattern string
	mode    mode
	inputs  []string
	// cases, when not nil, holds the case file's expectations for
	// inputs[i].
	cases []*Case
}

// units lists everything both harnesses run: the case file, every hand
// pattern on every input in both modes, the POSIX patterns, and
// generated patterns (plain and anchored at \A) on generated inputs.
func units(t *testing.T, seed uint64) []unit {
	var us []unit
	for _, c := range LoadCases(t) {
		if c.Invalid {
			continue // a parser test: the engines never see it
		}
		us = append(us, unit{pattern: c.Pattern, mode: modes[c.Mode], inputs: []string{c.Text}, cases: []*Case{&c}})
	}
	for _, p := range Patterns {
		us = append(us, unit{pattern: p, mode: modes["perl"], inputs: Inputs})
		us = append(us, unit{pattern: p, mode: modes["longest"], inputs: Inputs})
	}
	for _, p := range POSIXPatterns {
		us = append(us, unit{pattern: p, mode: modes["posix"], inputs: Inputs})
	}
	n := 2000
	if testing.Short() {
		n = 400
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	for i := range n {
		p := RandomPattern(rng, 3)
		if i%2 == 1 {
			p = `\A(?:` + p + `)`
		}
		if _, err := regexp.Compile(p); err != nil {
			continue
		}
		inputs := []string{""}
		for range 8 {
			inputs = append(inputs, RandomInput(rng))
		}
		us = append(us, unit{pattern: p, mode: modes["perl"], inputs: inputs})
		us = append(us, unit{pattern: p, mode: modes["longest"], inputs: inputs})
	}
	return us
}

// Run compares e with the standard library, and over windows with the
// Pike VM, on everything the harness holds.
func Run(t *testing.T, e Engine) {
	ty := newTally(e.Name, e.Exclusions)
	progs := map[mode]map[string]*nfa.Prog{}
	compile := func(pattern string, m mode) *nfa.Prog {
		key := mode{flags: m.flags}
		if progs[key] == nil {
			progs[key] = map[string]*nfa.Prog{}
		}
		if p := progs[key][pattern]; p != nil {
			return p
		}
		p := testutil.CompileWith(t, pattern, m.flags, e.Options)
		progs[key][pattern] = p
		return p
	}
	for _, u := range units(t, 1) {
		std := u.mode.std(u.pattern)
		if std == nil {
			t.Errorf("%#q (%v): the standard library rejects it", u.pattern, u.mode)
			continue
		}
		prog := compile(u.pattern, u.mode)
		h := &nfaHarness{t: t, e: &e, ty: ty, prog: prog, pattern: u.pattern, longest: u.mode.longest}
		h.search, h.notBuilt = e.New(prog)
		if e.AnchoredOnly && !e.Reference {
			vm := pikevm.New(prog)
			vc := vm.NewCache()
			h.ref = func(in *nfa.Input, longest bool, slots []int) bool { return vm.Search(vc, in, longest, slots) }
		}
		for i, s := range u.inputs {
			want := std.FindStringSubmatchIndex(s)
			wantAll := std.FindAllStringSubmatchIndex(s, -1)
			if u.cases != nil {
				c := u.cases[i]
				if !slices.Equal(want, c.First) || !slices.EqualFunc(wantAll, c.All, slices.Equal) {
					t.Errorf("%v: the standard library gives %v and %v, the file %v and %v", c, want, wantAll, c.First, c.All)
				}
			}
			h.input(s, want, wantAll)
		}
		if t.Failed() {
			break
		}
	}
	runWindows(t, &e, ty)
	ty.check(t, e.MinShare)
}

// An nfaHarness checks one engine on one program.
type nfaHarness struct {
	t        *testing.T
	e        *Engine
	ty       *tally
	prog     *nfa.Prog
	pattern  string
	longest  bool
	search   SearchFunc
	notBuilt string
	// ref is the Pike VM on the same program, for the searches from
	// later positions of an anchored-only engine.
	ref func(in *nfa.Input, longest bool, slots []int) bool
}

// run runs one search with nslots slots (filled with junk first) and
// returns them as FindSubmatchIndex would, nil for no match; ok is false
// when the engine did not run it.
func (h *nfaHarness) run(in *nfa.Input, nslots int, what string) (got []int, ok bool) {
	h.t.Helper()
	if h.notBuilt != "" {
		h.ty.skip(h.t, h.notBuilt, what)
		return nil, false
	}
	if !in.Anchored && h.e.AnchoredOnly {
		h.ty.skip(h.t, Unanchored, what)
		return nil, false
	}
	slots := make([]int, nslots)
	for i := range slots {
		slots[i] = -7
	}
	matched, skip := h.search(in, h.longest, slots)
	if skip != "" {
		h.ty.skip(h.t, skip, what)
		return nil, false
	}
	h.ty.ran++
	if !matched {
		return nil, true
	}
	return slots, true
}

// input checks every search of s: unanchored and anchored at 0 with all
// slots, all slots and two more (which must be set to -1), bounds only and
// no slots; the standard library's FindAll walk; and for an anchored-only
// engine, anchored searches from every later rune boundary.
func (h *nfaHarness) input(s string, want []int, wantAll [][]int) {
	t := h.t
	t.Helper()
	ncap := 2 * h.prog.NumCap
	name := fmt.Sprintf("%s: %#q longest=%v on %+q", h.e.Name, h.pattern, h.longest, s)
	var wantAnchored []int
	if want != nil && want[0] == 0 {
		// The leftmost match starts at 0 exactly when some match does.
		wantAnchored = want
	}
	for _, anchored := range []bool{false, true} {
		w := want
		if anchored {
			w = wantAnchored
		}
		in := &nfa.Input{Haystack: []byte(s), End: len(s), Anchored: anchored}
		for _, n := range []int{ncap, ncap + 2, 2, 0} {
			var wn []int
			switch {
			case w == nil:
			case n <= ncap:
				wn = w[:n]
			default:
				wn = append(slices.Clip(w), -1, -1)
			}
			got, ok := h.run(in, n, name)
			if !ok {
				continue
			}
			if n == 0 {
				if (got != nil) != (w != nil) {
					t.Errorf("%s anchored=%v: matched %v, want %v", name, anchored, got != nil, w != nil)
				}
			} else if !slices.Equal(got, wn) {
				t.Errorf("%s anchored=%v with %d slots: %v, want %v", name, anchored, n, got, wn)
			}
		}
	}
	if got, ok := h.findAll(s, ncap, name); ok && !slices.EqualFunc(got, wantAll, slices.Equal) {
		t.Errorf("%s: all matches %v, want %v", name, got, wantAll)
	}
	if h.ref == nil {
		return
	}
	for start := 1; start <= len(s); start++ {
		if start < len(s) && !utf8.RuneStart(s[start]) {
			continue
		}
		in := &nfa.Input{Haystack: []byte(s), Start: start, End: len(s), Anchored: true}
		wantAt := make([]int, ncap)
		if !h.ref(in, h.longest, wantAt) {
			wantAt = nil
		}
		if got, ok := h.run(in, ncap, name); ok && !slices.Equal(got, wantAt) {
			t.Errorf("%s anchored from %d: %v, Pike VM %v", name, start, got, wantAt)
		}
	}
}

// findAll lists successive matches as the standard library's FindAll
// methods do: after an empty match the walk moves on by one rune (an
// invalid byte is one), and an empty match that touches the end of the
// previous match is dropped. It reports false if the engine declined a
// search.
func (h *nfaHarness) findAll(s string, nslots int, name string) ([][]int, bool) {
	var all [][]int
	prevEnd := -1
	for pos := 0; pos <= len(s); {
		m, ok := h.run(&nfa.Input{Haystack: []byte(s), Start: pos, End: len(s)}, nslots, name+" (FindAll)")
		if !ok {
			return nil, false
		}
		if m == nil {
			break
		}
		if m[0] == m[1] {
			if m[0] != prevEnd {
				all = append(all, m)
			}
			if pos == len(s) {
				break
			}
			_, w := utf8.DecodeRuneInString(s[pos:])
			pos += w
		} else {
			all = append(all, m)
			pos = m[1]
		}
		prevEnd = m[1]
	}
	return all, true
}

// runWindows compares e with the Pike VM on every window of the window
// haystacks that starts at a rune boundary, in both modes, anchored and
// not.
func runWindows(t *testing.T, e *Engine, ty *tally) {
	for _, p := range WindowPatterns {
		vm := pikevm.New(testutil.Compile(t, p, syntax.Perl))
		vc := vm.NewCache()
		prog := testutil.CompileWith(t, p, syntax.Perl, e.Options)
		search, notBuilt := e.New(prog)
		for _, hay := range WindowHaystacks {
			for _, w := range windows(hay) {
				for _, longest := range []bool{false, true} {
					for _, anchored := range []bool{false, true} {
						in := &nfa.Input{Haystack: []byte(hay), Start: w[0], End: w[1], Anchored: anchored}
						what := fmt.Sprintf("%s: %#q on %+q [%d,%d) longest=%v anchored=%v", e.Name, p, hay, w[0], w[1], longest, anchored)
						h := &nfaHarness{t: t, e: e, ty: ty, prog: prog, pattern: p, longest: longest, search: search, notBuilt: notBuilt}
						if e.Reference {
							ty.skip(t, Windows, what)
							continue
						}
						got, ok := h.run(in, 2*prog.NumCap, what)
						if !ok {
							continue
						}
						want := make([]int, 2*prog.NumCap)
						if !vm.Search(vc, in, longest, want) {
							want = nil
						}
						if !slices.Equal(got, want) {
							t.Errorf("%s: %v, Pike VM %v", what, got, want)
						}
					}
				}
			}
		}
	}
}

// windows returns every [start, end] with start a rune boundary of hay
// (as the standard library decodes it) and end >= start.
func windows(hay string) [][2]int {
	var out [][2]int
	for _, start := range runeStarts([]byte(hay)) {
		for end := start; end <= len(hay); end++ {
			out = append(out, [2]int{start, end})
		}
	}
	return out
}

// runeStarts returns the positions at which the standard library starts
// a rune when decoding h, and len(h).
func runeStarts(h []byte) []int {
	var out []int
	for i := 0; i < len(h); {
		out = append(out, i)
		_, w := utf8.DecodeRune(h[i:])
		i += w
	}
	return append(out, len(h))
}
