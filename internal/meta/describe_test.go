package meta

import (
	std "regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// engineByName maps the engine names of Report to the values that force
// them.
var engineByName = map[string]Force{
	"pikevm":    ForcePikeVM,
	"backtrack": ForceBacktrack,
	"onepass":   ForceOnePass,
}

// mustCompile compiles pattern with Perl syntax under cfg.
func mustCompile(t *testing.T, pattern string, cfg Config) *Regexp {
	t.Helper()
	x, err := Compile(pattern, syntax.Perl, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// findSubmatch returns the leftmost match of x in s with every group.
func (x *Regexp) findSubmatch(s string) []int {
	return x.Find([]byte(s), 0, false, x.nslots, nil)
}

// strategyName returns the strategy x searches with, and why it was
// chosen.
func (x *Regexp) strategyName() string {
	x.prepare()
	return x.plan.kind.String() + ": " + x.plan.why
}

// TestDescribe checks that Describe reports the strategy the
// pattern was compiled with, for a pattern of each strategy, and that the
// NFA engine it names for a subject gives the same submatches, forced on
// the whole search, as the automatic search and the standard library.
func TestDescribe(t *testing.T) {
	long := strings.Repeat("a", 60000)
	tests := []struct {
		pattern, subject string
		strategy         string
		engine           string // "" when no engine runs
		literal          string
	}{
		{`Sherlock Holmes`, "Mr Sherlock Holmes", "literal", "", `the pattern's strings "Sherlock Holmes"`},
		{`(Sher)lock|(Wat)son`, "Dr Watson", "literal", "onepass", `the pattern's strings "Sherlock" "Watson"`},
		{`foo(\w+)`, "a foobar", "prefilter", "onepass", `the prefixes "foo"…`},
		{`(\w+)`, "  word", "prefilter", "onepass", `the bytes a match can start with [0-9A-Z_a-z]`},
		{`(?m)^(\w+);(\w+)$`, "x\nab;cd", "prefilter", "onepass", "line starts"},
		{`(.*[^A-Z]|[A-Z])`, "ABc", "dfa", "backtrack", ""},
		{`(.*[^A-Z]|[A-Z])`, long, "dfa", "pikevm", ""},
		{`.*[^A-Z]|[A-Z]`, "ABc", "dfa", "", ""},
		{`^ *(\w+) +(\w+)`, "  ab cd", "nfa", "onepass", ""},
		{`(\w+)@(\w+)\.com`, "mail bob@example.com", "reverse-suffix", "onepass", `the suffix ".com"`},
		{`(\w+)\s+Holmes\s+(\w+)`, "Mr Sherlock Holmes said", "reverse-inner", "onepass", `the inner literals {"Holmes"…}`},
		{`(\w+)\z`, "ab cd", "reverse-anchored", "onepass", ""},
		{`(ab|cd)\w+`, "xxcd12", "prefilter", "onepass", `the prefixes "ab"… "cd"…`},
		{`(x+x+)+y`, "xxxxy", "reverse-suffix", "backtrack", ""},
		{`(x+x+)+y`, "zzz", "reverse-suffix", "", ""},
		{`(a){0}b(c)`, "bc", "literal", "onepass", `the pattern's strings "bc"`},
		// \pL{60} makes a program too large for the DFA to pay off.
		{`\pL{60}|(?s:.)*(a+|ab)c`, "xaabc", "nfa", "backtrack", ""},
		{`\pL{60}|(?s:.)*(a+|ab)c`, long + "c", "nfa", "pikevm", ""},
		{`^(?:\pL{60}|(a+|ab)*c)`, "aabc", "nfa", "backtrack", ""},
		// Anchored, not one-pass: a short text takes the direct path,
		// a long one the forward DFA and then the groups over the match.
		{`^(\S+)"(\d+)`, `ab"12`, "dfa", "backtrack", ""},
		{`^(\S+)"(\d+)`, strings.Repeat("a", 300) + `"12`, "dfa", "backtrack", ""},
	}
	for _, tt := range tests {
		re := mustCompile(t, tt.pattern, Config{})
		r := re.Describe([]byte(tt.subject), false)
		name, why, _ := strings.Cut(re.strategyName(), ": ")
		if r.Strategy != name || r.Why != why {
			t.Errorf("%#q: report names strategy %q (%s), compiled with %q (%s)", tt.pattern, r.Strategy, r.Why, name, why)
		}
		if r.Strategy != tt.strategy {
			t.Errorf("%#q: strategy %q, want %q", tt.pattern, r.Strategy, tt.strategy)
		}
		if r.Engine != tt.engine {
			t.Errorf("%#q on %d bytes: engine %q, want %q", tt.pattern, len(tt.subject), r.Engine, tt.engine)
		}
		if tt.literal != "" && r.Literal != tt.literal {
			t.Errorf("%#q: literal %q, want %q", tt.pattern, r.Literal, tt.literal)
		}
		if r.Slots != re.nslots || r.States != len(re.prog.States) {
			t.Errorf("%#q: %d states, %d slots; the program has %d states and the pattern %d groups", tt.pattern, r.States, r.Slots, len(re.prog.States), re.numGroups)
		}
		if r.OnePass != (re.one != nil) {
			t.Errorf("%#q: one-pass %v, program one-pass %v", tt.pattern, r.OnePass, re.one != nil)
		}
		want := std.MustCompile(tt.pattern).FindStringSubmatchIndex(tt.subject)
		if got := re.findSubmatch(tt.subject); !slices.Equal(got, want) {
			t.Errorf("%#q: FindStringSubmatchIndex = %v, standard library %v", tt.pattern, got, want)
		}
		if !slices.Equal(r.Match, want[:min(len(want), 2)]) {
			t.Errorf("%#q: report's match %v, standard library %v", tt.pattern, r.Match, want)
		}
		if r.Engine == "" {
			continue
		}
		if r.WholeSearch != (r.Strategy == "nfa" || re.direct(input{h: []byte(tt.subject)}, re.nslots)) {
			t.Errorf("%#q: whole search %v with strategy %s", tt.pattern, r.WholeSearch, r.Strategy)
		}
		force := engineByName[r.Engine]
		forced := mustCompile(t, tt.pattern, Config{Force: force})
		// The engine named can take the span the report gives it.
		forced.prepare()
		in := nfa.Input{Haystack: []byte(tt.subject), Start: r.Span[0], End: r.Span[1], Anchored: r.Anchored}
		if got := forced.choose(force, &in); got != force {
			t.Errorf("%#q: forcing %s on %v runs %s", tt.pattern, r.Engine, r.Span, got)
		}
		if got := forced.findSubmatch(tt.subject); !slices.Equal(got, want) {
			t.Errorf("%#q forced on %s: FindStringSubmatchIndex = %v, want %v", tt.pattern, r.Engine, got, want)
		}
	}
}

// TestDirect checks when a search takes the direct path: a pattern
// anchored at the start, groups wanted, a short text.
func TestDirect(t *testing.T) {
	short, long := []byte(`ab"12`), []byte(strings.Repeat("a", directMaxLen)+`"12`)
	tests := []struct {
		pattern string
		h       []byte
		pos     int
		nslots  int
		force   Force
		want    bool
	}{
		{`^(\S+)"(\d+)`, short, 0, 6, ForceAuto, true},
		{`^(\S+)"(\d+)`, short, 0, 2, ForceAuto, false},
		{`^(\S+)"(\d+)`, short, 0, 0, ForceAuto, false},
		{`^(\S+)"(\d+)`, long, 0, 6, ForceAuto, false},
		{`^(\S+)"(\d+)`, long, 10, 6, ForceAuto, true},
		{`^(\S+)"(\d+)`, short, 0, 6, ForceStrategy, true},
		{`^(\S+)"(\d+)`, short, 0, 6, ForceDFA, false},
		{`^(\S+)"(\d+)`, long, 0, 0, ForceDirect, true},
		{`(\S+)"(\d+)`, short, 0, 6, ForceAuto, false},
		{`(\S+)"(\d+)`, short, 0, 6, ForceDirect, false},
	}
	for _, tt := range tests {
		x := mustCompile(t, tt.pattern, Config{Force: tt.force})
		x.prepare()
		if got := x.direct(input{h: tt.h, pos: tt.pos}, tt.nslots); got != tt.want {
			t.Errorf("%#q under %s, %d bytes from %d, %d slots: direct %v, want %v", tt.pattern, tt.force, len(tt.h), tt.pos, tt.nslots, got, tt.want)
		}
	}
}
