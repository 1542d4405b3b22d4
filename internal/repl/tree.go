package repl

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/rerepl/rerepl/regexp/syntax"
)

func cmdAST(s *Session, _ string, out io.Writer) error {
	if !s.requirePattern(out) {
		return errFailed
	}
	tree, err := s.parse()
	if err != nil {
		s.errorf(out, "%v", err)
		return errFailed
	}
	writeTree(out, tree, s.pattern)
	return nil
}

func cmdSimplify(s *Session, _ string, out io.Writer) error {
	if !s.requirePattern(out) {
		return errFailed
	}
	tree, err := s.parse()
	if err != nil {
		s.errorf(out, "%v", err)
		return errFailed
	}
	simple := tree.Simplify()
	fmt.Fprintf(out, "parsed      %s\n", displayPattern(tree.String()))
	fmt.Fprintf(out, "simplified  %s\n", displayPattern(simple.String()))
	writeTree(out, simple, s.pattern)
	return nil
}

// writeTree writes the tree rooted at re, one node per line, indented by
// depth: the operator and its details, the node's span and the text of the
// pattern the span covers.
func writeTree(out io.Writer, re *syntax.Regexp, pattern string) {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	var walk func(re *syntax.Regexp, depth int)
	walk = func(re *syntax.Regexp, depth int) {
		fmt.Fprintf(tw, "%s%s\t[%d,%d)\t%s\n", strings.Repeat("  ", depth), nodeSummary(re), re.Span.Start, re.Span.End, spanText(pattern, re.Span))
		for _, sub := range re.Sub {
			walk(sub, depth+1)
		}
	}
	walk(re, 0)
	tw.Flush()
}

// spanText returns the text of pattern under span, drawn as [visible]
// draws it, "(empty)" for an empty span, or "?" for a span that does not
// lie in the pattern (which would be a parser bug, and must not crash the
// workbench).
func spanText(pattern string, span syntax.Span) string {
	switch {
	case span.Start < 0 || span.Start > span.End || span.End > len(pattern):
		return "?"
	case span.Start == span.End:
		return "(empty)"
	}
	return visible(pattern[span.Start:span.End])
}

// opNames are the operator names the tree dump shows.
var opNames = map[syntax.Op]string{
	syntax.OpNoMatch:        "no-match",
	syntax.OpEmptyMatch:     "empty",
	syntax.OpLiteral:        "literal",
	syntax.OpCharClass:      "class",
	syntax.OpAnyCharNotNL:   "any-not-nl",
	syntax.OpAnyChar:        "any",
	syntax.OpBeginLine:      "begin-line",
	syntax.OpEndLine:        "end-line",
	syntax.OpBeginText:      "begin-text",
	syntax.OpEndText:        "end-text",
	syntax.OpWordBoundary:   "word-boundary",
	syntax.OpNoWordBoundary: "no-word-boundary",
	syntax.OpCapture:        "capture",
	syntax.OpStar:           "star",
	syntax.OpPlus:           "plus",
	syntax.OpQuest:          "quest",
	syntax.OpRepeat:         "repeat",
	syntax.OpConcat:         "concat",
	syntax.OpAlternate:      "alternate",
}

// nodeSummary returns the operator of re with what distinguishes it: the
// runes of a literal, the ranges of a class, the counts of a repeat, the
// number and name of a group, and the flags that change its meaning.
func nodeSummary(re *syntax.Regexp) string {
	name, ok := opNames[re.Op]
	if !ok {
		name = fmt.Sprintf("op(%d)", re.Op)
	}
	var b strings.Builder
	b.WriteString(name)
	switch re.Op {
	case syntax.OpLiteral:
		b.WriteString(" " + strconv.Quote(string(re.Rune)))
		if re.Flags&syntax.FoldCase != 0 {
			b.WriteString(" fold")
		}
	case syntax.OpCharClass:
		b.WriteString(" " + classRanges(re.Rune, 6))
	case syntax.OpCapture:
		fmt.Fprintf(&b, " %d", re.Cap)
		if re.Name != "" {
			fmt.Fprintf(&b, " <%s>", re.Name)
		}
	case syntax.OpRepeat:
		if re.Max < 0 {
			fmt.Fprintf(&b, " {%d,}", re.Min)
		} else {
			fmt.Fprintf(&b, " {%d,%d}", re.Min, re.Max)
		}
	}
	switch re.Op {
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		if re.Flags&syntax.NonGreedy != 0 {
			b.WriteString(" non-greedy")
		}
	}
	return b.String()
}

// classRanges writes up to max ranges of a class, as lo-hi pairs of rune
// literals.
func classRanges(r []rune, max int) string {
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i+1 < len(r); i += 2 {
		if i/2 == max {
			fmt.Fprintf(&b, " ...%d more", (len(r)-i)/2)
			break
		}
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(runeName(r[i]))
		if r[i+1] != r[i] {
			b.WriteString("-" + runeName(r[i+1]))
		}
	}
	b.WriteString("]")
	return b.String()
}

// runeName writes r as a Go rune literal, escaped when not printable.
func runeName(r rune) string {
	return strconv.QuoteRune(r)
}
