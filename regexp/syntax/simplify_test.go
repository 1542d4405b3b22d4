package syntax_test

import (
	"fmt"
	stdsyntax "regexp/syntax"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// dump writes re as a compact prefix form: lit{ab}, cat{...}, star{...},
// with a trailing ? on the operator name when it is non-greedy and the
// group index on captures, so the shape of a simplified tree can be
// compared at a glance.
func dump(re *syntax.Regexp) string {
	var b strings.Builder
	dumpTo(&b, re)
	return b.String()
}

var opNames = map[syntax.Op]string{
	syntax.OpNoMatch: "no", syntax.OpEmptyMatch: "emp", syntax.OpLiteral: "lit",
	syntax.OpCharClass: "cc", syntax.OpAnyCharNotNL: "dnl", syntax.OpAnyChar: "dot",
	syntax.OpBeginLine: "bol", syntax.OpEndLine: "eol", syntax.OpBeginText: "bot",
	syntax.OpEndText: "eot", syntax.OpWordBoundary: "wb", syntax.OpNoWordBoundary: "nwb",
	syntax.OpCapture: "cap", syntax.OpStar: "star", syntax.OpPlus: "plus",
	syntax.OpQuest: "que", syntax.OpRepeat: "rep", syntax.OpConcat: "cat",
	syntax.OpAlternate: "alt",
}

func dumpTo(b *strings.Builder, re *syntax.Regexp) {
	b.WriteString(opNames[re.Op])
	switch re.Op {
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		if re.Flags&syntax.NonGreedy != 0 {
			b.WriteByte('?')
		}
	}
	switch re.Op {
	case syntax.OpCapture:
		fmt.Fprintf(b, "%d", re.Cap)
	case syntax.OpRepeat:
		fmt.Fprintf(b, "%d,%d", re.Min, re.Max)
	}
	b.WriteByte('{')
	switch re.Op {
	case syntax.OpLiteral:
		b.WriteString(string(re.Rune))
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			fmt.Fprintf(b, "%c-%c", re.Rune[i], re.Rune[i+1])
		}
	}
	for i, sub := range re.Sub {
		if i > 0 {
			b.WriteByte(' ')
		}
		dumpTo(b, sub)
	}
	b.WriteByte('}')
}

func TestSimplify(t *testing.T) {
	tests := []struct {
		pattern string
		want    string
	}{
		// Counted repetition.
		{`a{0}`, `emp{}`},
		{`a{0,0}b`, `cat{emp{} lit{b}}`},
		{`a{1}`, `lit{a}`},
		{`a{0,}`, `star{lit{a}}`},
		{`a{1,}`, `plus{lit{a}}`},
		{`a{3,}`, `cat{lit{a} lit{a} plus{lit{a}}}`},
		{`a{0,1}`, `que{lit{a}}`},
		{`a{2}`, `cat{lit{a} lit{a}}`},
		{`a{2,5}`, `cat{lit{a} lit{a} que{cat{lit{a} que{cat{lit{a} que{lit{a}}}}}}}`},
		{`a{0,3}`, `que{cat{lit{a} que{cat{lit{a} que{lit{a}}}}}}`},
		{`a{2,3}?`, `cat{lit{a} lit{a} que?{lit{a}}}`},
		{`(?U)a{2,}`, `cat{lit{a} plus?{lit{a}}}`},
		// Copies of a group keep its index.
		{`(a){1,2}`, `cat{cap1{lit{a}} que{cap1{lit{a}}}}`},
		{`(?:(a)b){2}`, `cat{cat{cap1{lit{a}} lit{b}} cat{cap1{lit{a}} lit{b}}}`},
		// Repetition inside repetition.
		{`(?:a{2}){2}`, `cat{cat{lit{a} lit{a}} cat{lit{a} lit{a}}}`},
		{`(?:a*){2,}`, `cat{star{lit{a}} plus{star{lit{a}}}}`},
		// Idempotent operators collapse when equally greedy.
		{`(?:a+)+`, `plus{lit{a}}`},
		{`(?:a*)*`, `star{lit{a}}`},
		{`(?:a?)?`, `que{lit{a}}`},
		{`(?:a+?)+`, `plus{plus?{lit{a}}}`},
		{`(?:a*)+`, `plus{star{lit{a}}}`},
		{`(?:a+){1,}`, `plus{lit{a}}`},
		// The empty string repeated is the empty string.
		{`(?:)*`, `emp{}`},
		{`(?:){0,2}`, `que{cat{emp{} emp{}}}`},
		// Trees without repetition come back as they were.
		{`ab|c(d)`, `alt{lit{ab} cat{lit{c} cap1{lit{d}}}}`},
	}
	for _, tt := range tests {
		re := testutil.Parse(t, tt.pattern, syntax.Perl)
		before := dump(re)
		if got := dump(re.Simplify()); got != tt.want {
			t.Errorf("Simplify(%#q) = %s, want %s", tt.pattern, got, tt.want)
		}
		if after := dump(re); after != before {
			t.Errorf("Simplify(%#q) changed its input to %s", tt.pattern, after)
		}
	}
}

// TestSimplifyUnchangedIsSame checks that a tree without counted
// repetition is returned as is, not copied.
func TestSimplifyUnchangedIsSame(t *testing.T) {
	for _, p := range []string{`a`, `ab|cd`, `(a+)*?x`, `[a-z]\b$`} {
		re := testutil.Parse(t, p, syntax.Perl)
		if re.Simplify() != re {
			t.Errorf("Simplify(%#q) copied a tree it did not change", p)
		}
	}
	var nilRe *syntax.Regexp
	if nilRe.Simplify() != nil {
		t.Error("Simplify(nil) != nil")
	}
}

// TestSimplifySpans checks that nodes made by rewriting carry the span of
// the repetition they replace, and untouched nodes keep theirs.
func TestSimplifySpans(t *testing.T) {
	// x{2,3} at [0,6) over x at [0,1), concatenated with y at [6,7).
	x := &syntax.Regexp{Op: syntax.OpLiteral, Rune: []rune{'x'}, Span: syntax.Span{Start: 0, End: 1}}
	rep := &syntax.Regexp{Op: syntax.OpRepeat, Min: 2, Max: 3, Sub: []*syntax.Regexp{x}, Span: syntax.Span{Start: 0, End: 6}}
	y := &syntax.Regexp{Op: syntax.OpLiteral, Rune: []rune{'y'}, Span: syntax.Span{Start: 6, End: 7}}
	cat := &syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{rep, y}, Span: syntax.Span{Start: 0, End: 7}}

	s := cat.Simplify()
	var lines []string
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		lines = append(lines, fmt.Sprintf("%s %d-%d", opNames[re.Op], re.Span.Start, re.Span.End))
		for _, sub := range re.Sub {
			walk(sub)
		}
	}
	walk(s)
	want := []string{
		"cat 0-7",
		"cat 0-6", "lit 0-1", "lit 0-1", "que 0-6", "lit 0-1",
		"lit 6-7",
	}
	if got := strings.Join(lines, ", "); got != strings.Join(want, ", ") {
		t.Errorf("spans after Simplify:\n%s\nwant\n%s", got, strings.Join(want, ", "))
	}

	zero := &syntax.Regexp{Op: syntax.OpRepeat, Min: 0, Max: 0, Sub: []*syntax.Regexp{x}, Span: syntax.Span{Start: 3, End: 7}}
	if got := zero.Simplify(); got.Op != syntax.OpEmptyMatch || got.Span != zero.Span {
		t.Errorf("x{0} simplifies to %s at %v, want emp{} at %v", dump(got), got.Span, zero.Span)
	}
}

// TestSimplifyNoRepeatLeft checks on many patterns that no OpRepeat
// survives.
func TestSimplifyNoRepeatLeft(t *testing.T) {
	for _, p := range []string{`(a{2}|b{3,}){1,4}`, `((a{0,2}){2}){0,3}`, `(?i)[a-c]{5}x{0}`, `(?:(?:a{2}){3}){4}`} {
		var find func(re *syntax.Regexp) bool
		find = func(re *syntax.Regexp) bool {
			if re.Op == syntax.OpRepeat {
				return true
			}
			for _, sub := range re.Sub {
				if find(sub) {
					return true
				}
			}
			return false
		}
		if find(testutil.Parse(t, p, syntax.Perl).Simplify()) {
			t.Errorf("Simplify(%#q) left an OpRepeat", p)
		}
	}
}

// TestSimplifyLikeStd checks that our Simplify builds the same tree as the
// standard library's, which is what makes compiled programs choose the
// same submatches.
func TestSimplifyLikeStd(t *testing.T) {
	patterns := []string{
		`a{2,5}`, `(a){1,3}?`, `(?:a*){2,}`, `(?:){3,7}`, `(?:a+){1,}`, `((a{0,2}){2}){0,3}`,
		`(a|b{2}){3,}?`, `(?U)a{2,4}b{0,}c{1,}`, `x{0}|y{1}`, `(?:a?){2}`, `[a-c]{3}\b{2}`,
		`(?i)k{2,3}`, `(?s).{0,2}`, `(?:(?:a{2}){3}){4}`,
	}
	for _, p := range patterns {
		std, err := stdsyntax.Parse(p, stdsyntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		want := dump(testutil.FromStd(std.Simplify()))
		if got := dump(testutil.FromStd(std).Simplify()); got != want {
			t.Errorf("Simplify(%#q) = %s, want %s", p, got, want)
		}
	}
}
