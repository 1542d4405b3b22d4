package repl

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/lexer"
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
	explainNode(tw, tree, s.pattern, s.mode, 0)
	tw.Flush()
	return nil
}

// explainNode writes one line for re: the piece of the pattern it was
// parsed from and what it matches, then the lines of its parts, indented.
// A repetition or group of a single leaf is told on one line.
func explainNode(w io.Writer, re *syntax.Regexp, pattern string, m mode, depth int) {
	indent := strings.Repeat("  ", depth)
	source := spanText(pattern, re.Span)
	desc, subs := describeWritten(re, pattern, m)
	if len(subs) == 1 && len(subs[0].Sub) == 0 && re.Op != syntax.OpCapture {
		leaf, _ := describeWritten(subs[0], pattern, m)
		desc += " " + leaf
		subs = nil
	}
	fmt.Fprintf(w, "%s%s\t%s%s\n", indent, source, indent, desc)
	for _, sub := range subs {
		explainNode(w, sub, pattern, m, depth+1)
	}
}

// describeWritten is [describeNode], except that a class is read out as
// it was written (\p{L}: any letter) rather than by its expanded ranges,
// and a case-folded literal or class names the characters outside ASCII
// that it matches too ((?i)k also matches U+212A KELVIN SIGN).
func describeWritten(re *syntax.Regexp, pattern string, m mode) (string, []*syntax.Regexp) {
	desc, subs := describeNode(re)
	fold := re.Flags&syntax.FoldCase != 0
	switch re.Op {
	case syntax.OpCharClass:
		if re.Span.Start >= 0 && re.Span.Start < re.Span.End && re.Span.End <= len(pattern) {
			if written, ok := describeClassSource(pattern[re.Span.Start:re.Span.End], m); ok {
				desc = written
			}
		}
		if fold {
			desc += ", in any case" + foldNote(re.Rune, true)
		}
	case syntax.OpLiteral:
		if fold {
			var ranges []rune
			for _, r := range re.Rune {
				ranges = append(ranges, r, r)
			}
			desc += foldNote(ranges, false)
		}
	}
	return desc, subs
}

// describeClassSource reads out a class from its source: a Perl or
// Unicode class, or brackets holding characters, ranges and classes. It
// reports false for anything else, such as [Kk] written for a literal.
func describeClassSource(src string, m mode) (string, bool) {
	toks := lexer.Tokens(src, lexer.Options{PerlX: !m.posix, UnicodeGroups: !m.posix})
	if len(toks) == 1 {
		return describeClassToken(toks[0])
	}
	if len(toks) < 2 || toks[0].Kind != lexer.ClassOpen || toks[len(toks)-1].Kind != lexer.ClassClose {
		return "", false
	}
	var items []string
	for _, t := range toks[1 : len(toks)-1] {
		switch t.Kind {
		case lexer.Literal, lexer.Escape:
			items = append(items, strconv.QuoteRune(t.Rune))
		case lexer.ClassRange:
			items = append(items, strconv.QuoteRune(t.Rune)+" to "+strconv.QuoteRune(t.Hi))
		default:
			d, ok := describeClassToken(t)
			if !ok {
				return "", false
			}
			items = append(items, d)
		}
	}
	if toks[0].Negated {
		return "any character except " + strings.Join(items, ", "), true
	}
	if len(items) == 1 && toks[1].Kind != lexer.ClassRange {
		return items[0], true
	}
	return "one of " + strings.Join(items, ", "), true
}

// describeClassToken reads out a Perl, Unicode or POSIX class token.
func describeClassToken(t lexer.Token) (string, bool) {
	var what string
	switch t.Kind {
	case lexer.PerlClass:
		switch strings.ToLower(t.Name) {
		case "d":
			what = "an ASCII digit, [0-9]"
		case "s":
			what = `ASCII white space, [\t\n\f\r ]`
		case "w":
			what = "an ASCII word character, [0-9A-Za-z_]"
		default:
			return "", false
		}
	case lexer.UnicodeClass:
		what = describeUnicodeName(t.Name)
	case lexer.PosixClass:
		what = "an ASCII character of class [:" + t.Name + ":]"
		if d, ok := posixNames[t.Name]; ok {
			what = d
		}
	default:
		return "", false
	}
	if t.Negated {
		return "any character but " + what, true
	}
	return what, true
}

// describeUnicodeName reads out the table name of \p{Name}.
func describeUnicodeName(name string) string {
	if name == "Any" {
		return "any character (Unicode class Any)"
	}
	if d, ok := unicodeCategoryNames[name]; ok {
		return d + " (Unicode category " + name + ")"
	}
	if _, ok := unicode.Scripts[name]; ok {
		return "a character of the " + name + " script (Unicode)"
	}
	return "a character of Unicode class " + name
}

// unicodeCategoryNames are the general categories, as Unicode names them.
var unicodeCategoryNames = map[string]string{
	"L": "any letter", "Lu": "an uppercase letter", "Ll": "a lowercase letter",
	"Lt": "a titlecase letter", "Lm": "a modifier letter", "Lo": "another letter (no case)",
	"M": "a mark", "Mn": "a nonspacing mark", "Mc": "a spacing mark", "Me": "an enclosing mark",
	"N": "any number", "Nd": "a decimal digit", "Nl": "a letter number", "No": "another number",
	"P": "any punctuation", "Pc": "connector punctuation", "Pd": "a dash", "Ps": "opening punctuation",
	"Pe": "closing punctuation", "Pi": "an initial quote", "Pf": "a final quote", "Po": "other punctuation",
	"S": "any symbol", "Sm": "a math symbol", "Sc": "a currency symbol", "Sk": "a modifier symbol", "So": "another symbol",
	"Z": "any separator", "Zs": "a space separator", "Zl": "a line separator", "Zp": "a paragraph separator",
	"C": "a control, format, surrogate, private-use or unassigned code point", "Cc": "a control character",
	"Cf": "a format character", "Co": "a private-use character", "Cs": "a surrogate",
}

// posixNames read out the POSIX classes, which are ASCII only in Go.
var posixNames = map[string]string{
	"alnum": "an ASCII letter or digit, [0-9A-Za-z]", "alpha": "an ASCII letter, [A-Za-z]",
	"ascii": "an ASCII character, [\\x00-\\x7F]", "blank": "a space or tab, [\\t ]",
	"cntrl": "an ASCII control character", "digit": "an ASCII digit, [0-9]",
	"graph": "a visible ASCII character, [!-~]", "lower": "an ASCII lowercase letter, [a-z]",
	"print": "a printable ASCII character, [ -~]", "punct": "ASCII punctuation",
	"space": "ASCII white space, [\\t\\n\\v\\f\\r ]", "upper": "an ASCII uppercase letter, [A-Z]",
	"word": "an ASCII word character, [0-9A-Za-z_]", "xdigit": "a hex digit, [0-9A-Fa-f]",
}

// foldNames names the characters outside ASCII that case folding joins
// to ASCII letters, and a few other surprising members of fold orbits.
var foldNames = map[rune]string{
	0x212A: "KELVIN SIGN", 0x017F: "LATIN SMALL LETTER LONG S", 0x212B: "ANGSTROM SIGN",
	0x00B5: "MICRO SIGN", 0x1E9E: "LATIN CAPITAL LETTER SHARP S", 0x2126: "OHM SIGN",
	0x03C2: "GREEK SMALL LETTER FINAL SIGMA", 0x1FBE: "GREEK PROSGEGRAMMENI",
}

// foldNote names the characters of a case-folded class or literal (given
// as lo-hi ranges) that lie outside ASCII while a character they fold to
// is in ASCII, as ", also matching U+212A KELVIN SIGN" (for a literal: by
// folding its characters first). It is "" when there are none.
func foldNote(ranges []rune, folded bool) string {
	seen := map[rune]bool{}
	var extra []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1] && r-ranges[i] < 256; r++ {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				inASCII := r < utf8.RuneSelf
				if folded {
					inASCII = f < utf8.RuneSelf
				}
				cand := f
				if folded {
					cand = r
				}
				if !inASCII || cand < utf8.RuneSelf || seen[cand] {
					continue
				}
				seen[cand] = true
				name := fmt.Sprintf("U+%04X", cand)
				if n, ok := foldNames[cand]; ok {
					name += " " + n
				}
				extra = append(extra, name+" "+strconv.QuoteRune(cand))
			}
		}
	}
	if len(extra) == 0 {
		return ""
	}
	sort.Strings(extra)
	return ", also matching " + strings.Join(extra, " and ")
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
