package repl

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/rerepl/rerepl/regexp/syntax"
)

func cmdExplain(s *Session, _ string, out io.Writer) error {
	if !s.requirePattern(out) {
		return errFailed
	}
	tree, err := s.parse()
	if err != nil {
		s.errorf(out, "%v", err)
		return errFailed
	}
	if s.mode.posix {
		fmt.Fprintln(out, "(POSIX syntax; the leftmost match wins, and of those the longest)")
	} else if s.mode.longest {
		fmt.Fprintln(out, "(the leftmost match wins, and of those the longest)")
	}
	tw := tabwriter.NewWriter(out, 0, 0, 3, ' ', 0)
	explainNode(tw, tree, s.pattern, 0)
	tw.Flush()
	return nil
}

// explainNode writes one line for re: the piece of the pattern it was
// parsed from and what it matches, then the lines of its parts, indented.
// A repetition or group of a single leaf is told on one line.
func explainNode(w io.Writer, re *syntax.Regexp, pattern string, depth int) {
	indent := strings.Repeat("  ", depth)
	source := spanText(pattern, re.Span)
	desc, subs := describeNode(re)
	if len(subs) == 1 && len(subs[0].Sub) == 0 && re.Op != syntax.OpCapture {
		leaf, _ := describeNode(subs[0])
		desc += " " + leaf
		subs = nil
	}
	fmt.Fprintf(w, "%s%s\t%s%s\n", indent, source, indent, desc)
	for _, sub := range subs {
		explainNode(w, sub, pattern, depth+1)
	}
}

// describeNode returns a plain-English reading of re itself, and the parts
// its reading goes on with.
func describeNode(re *syntax.Regexp) (string, []*syntax.Regexp) {
	greed := func() string {
		if re.Flags&syntax.NonGreedy != 0 {
			return "as few times as possible"
		}
		return "as many times as possible"
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return "nothing: never matches", nil
	case syntax.OpEmptyMatch:
		return "the empty string", nil
	case syntax.OpLiteral:
		what := "the text " + strconv.Quote(string(re.Rune))
		if len(re.Rune) == 1 {
			what = "the character " + strconv.QuoteRune(re.Rune[0])
		}
		if re.Flags&syntax.FoldCase != 0 {
			what += ", in any case"
		}
		return what, nil
	case syntax.OpCharClass:
		return describeClass(re.Rune), nil
	case syntax.OpAnyCharNotNL:
		return "any character except a newline", nil
	case syntax.OpAnyChar:
		return "any character, newline included", nil
	case syntax.OpBeginLine:
		return "the start of a line (empty)", nil
	case syntax.OpEndLine:
		return "the end of a line (empty)", nil
	case syntax.OpBeginText:
		return "the start of the text (empty)", nil
	case syntax.OpEndText:
		return "the end of the text (empty)", nil
	case syntax.OpWordBoundary:
		return "a word boundary: an ASCII word character on one side only (empty)", nil
	case syntax.OpNoWordBoundary:
		return "not a word boundary (empty)", nil
	case syntax.OpCapture:
		if re.Name != "" {
			return fmt.Sprintf("group %d, named %q, capturing:", re.Cap, re.Name), re.Sub
		}
		return fmt.Sprintf("group %d, capturing:", re.Cap), re.Sub
	case syntax.OpStar:
		return "zero or more times, " + greed() + ":", re.Sub
	case syntax.OpPlus:
		return "one or more times, " + greed() + ":", re.Sub
	case syntax.OpQuest:
		if re.Flags&syntax.NonGreedy != 0 {
			return "optionally, preferring without:", re.Sub
		}
		return "optionally, preferring with:", re.Sub
	case syntax.OpRepeat:
		switch {
		case re.Max == re.Min:
			return fmt.Sprintf("exactly %d times:", re.Min), re.Sub
		case re.Max < 0:
			return fmt.Sprintf("at least %d times, %s:", re.Min, greed()), re.Sub
		}
		return fmt.Sprintf("%d to %d times, %s:", re.Min, re.Max, greed()), re.Sub
	case syntax.OpConcat:
		return "in sequence:", re.Sub
	case syntax.OpAlternate:
		return "the first of these alternatives that leads to a match:", re.Sub
	}
	return fmt.Sprintf("op(%d)", re.Op), re.Sub
}

// describeClass reads out a class given as sorted lo-hi pairs: by its
// members when it has few, by what it leaves out when that is shorter.
func describeClass(ranges []rune) string {
	var complement []rune
	next := rune(0)
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] > next {
			complement = append(complement, next, ranges[i]-1)
		}
		next = ranges[i+1] + 1
	}
	if next <= unicode.MaxRune {
		complement = append(complement, next, unicode.MaxRune)
	}
	switch {
	case len(complement) == 0:
		return "any character"
	case len(complement) < len(ranges):
		return "any character except " + listRanges(complement)
	}
	return "one of " + listRanges(ranges)
}

// listRanges reads out up to a few ranges.
func listRanges(ranges []rune) string {
	const max = 5
	var parts []string
	for i := 0; i+1 < len(ranges); i += 2 {
		if i/2 == max {
			parts = append(parts, fmt.Sprintf("and %d more ranges", (len(ranges)-i)/2))
			break
		}
		if ranges[i] == ranges[i+1] {
			parts = append(parts, strconv.QuoteRune(ranges[i]))
		} else {
			parts = append(parts, strconv.QuoteRune(ranges[i])+" to "+strconv.QuoteRune(ranges[i+1]))
		}
	}
	return strings.Join(parts, ", ")
}
