package syntax

import (
	"sync"
	"unicode"

	"github.com/rerepl/rerepl/internal/lexer"
)

// parseClass reads the members of the bracketed class opened by open up to
// its ] and pushes the class.
func (p *parser) parseClass(open lexer.Token) {
	re := p.newNode(OpCharClass, tokenSpan(open))
	class := make([]rune, 0, 8)
	if open.Negated && p.flags&ClassNL == 0 {
		// Put \n in the class so that negating it leaves \n out.
		class = append(class, '\n', '\n')
	}
	for {
		t := p.next()
		switch t.Kind {
		case lexer.ClassClose:
			class = cleanClass(class)
			if open.Negated {
				class = negateClass(class)
			}
			re.Rune = class
			re.Span.End = t.End
			p.push(re)
			return
		case lexer.Error, lexer.EOF:
			p.failToken(t, tokenSpan(open))
		case lexer.PosixClass, lexer.PerlClass, lexer.UnicodeClass:
			class = p.appendNamedClass(class, t)
		case lexer.Literal, lexer.Escape:
			class = p.appendRange(class, t.Rune, t.Rune)
		case lexer.ClassRange:
			class = p.appendRange(class, t.Rune, t.Hi)
		case lexer.RangeDash:
			// An error token for the malformed upper end follows.
		default:
			p.fail(ErrInternalError, tokenSpan(t), t.Pos, t.End)
		}
	}
}

// appendRange appends lo-hi to class, folding case under FoldCase.
func (p *parser) appendRange(class []rune, lo, hi rune) []rune {
	if p.flags&FoldCase != 0 {
		return appendFoldedRange(class, lo, hi)
	}
	return appendRange(class, lo, hi)
}

// appendNamedClass appends the Perl, POSIX or Unicode class named by t,
// folded under FoldCase. Negation applies after folding, so (?i)\P{Lu}
// excludes lower-case letters too.
func (p *parser) appendNamedClass(class []rune, t lexer.Token) []rune {
	negated := t.Negated
	var ranges []rune
	switch t.Kind {
	case lexer.PerlClass:
		ranges = lexer.PerlClassRanges(t.Name)
	case lexer.PosixClass:
		ranges = lexer.PosixClassRanges(t.Name)
	case lexer.UnicodeClass:
		tab, fold, invert, _ := lexer.UnicodeTable(t.Name)
		if p.flags&FoldCase == 0 {
			fold = nil
		}
		return appendClass(class, tableClass(tab, fold, negated != invert))
	}
	if p.flags&FoldCase != 0 {
		ranges = cleanClass(appendFoldedClass(nil, ranges))
	}
	if negated {
		return appendNegatedClass(class, ranges)
	}
	return appendClass(class, ranges)
}

// tableClasses caches the class of each Unicode table (with its fold
// table, and negated) by tableKey: converting \p{Han} or \pL from its
// RangeTable was most of the time of compiling a pattern that uses one.
// There are a few hundred tables, so the cache stays small.
var tableClasses sync.Map // tableKey -> []rune, never modified

type tableKey struct {
	tab, fold *unicode.RangeTable
	negated   bool
}

// tableClass returns the clean class of tab, plus fold when it is not
// nil, negated when asked. The result is shared: callers must not
// modify it.
func tableClass(tab, fold *unicode.RangeTable, negated bool) []rune {
	key := tableKey{tab, fold, negated}
	if c, ok := tableClasses.Load(key); ok {
		return c.([]rune)
	}
	var c []rune
	switch {
	case fold == nil && negated:
		c = appendNegatedTable(nil, tab)
	case fold == nil:
		c = appendTable(nil, tab)
	default:
		c = cleanClass(appendTable(appendTable(nil, tab), fold))
		if negated {
			c = appendNegatedClass(nil, c)
		}
	}
	c = cleanClass(c)
	tableClasses.Store(key, c)
	return c
}
