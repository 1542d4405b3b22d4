package syntax

import (
	"sync"
	"unicode"

	"github.com/rerepl/rerepl/internal/lexer"
	"github.com/rerepl/rerepl/internal/testhook"
)

// Pseudo-operators the parser keeps on its stack between real nodes.
const (
	opLeftParen   = opPseudo + iota // an open group; Cap > 0 when it captures
	opVerticalBar                   // a | whose right side is still being read
)

// The limits below are the standard library's, so that the same patterns
// are rejected: a tree deeper than maxHeight, a program estimated at more
// than maxSize instructions, or more than maxRunes runes stored in nodes.
const (
	maxHeight = 1000
	maxSize   = 128 << 20 / 40 // 128 MB of 40-byte instructions
	maxRunes  = 128 << 20 / 4  // 128 MB of runes
	maxRepeat = 1000           // the largest count in x{n,m}
)

// A parser holds the state of one Parse call.
//
// The tree is built on a stack, as the standard library does: operands are
// pushed, | and ( push markers, and ) or the end of the pattern collapse
// the stack down to the nearest marker. Adjacent literals are merged as
// they are pushed, and alternations are factored when they are collapsed.
// Keeping the same shapes as the standard library is not cosmetic: its
// size limit is computed on the tree, and reproducing its accept/reject
// decisions needs the same tree.
type parser struct {
	pattern string
	flags   Flags
	lex     *lexer.Lexer
	lexer   lexer.Lexer // what lex points to, allocated with the parser
	stack   []*Regexp
	numCap  int

	// lastRepeat is the start of the previous token when that token was a
	// repetition operator, else -1: Perl syntax rejects a** and a*+.
	lastRepeat int

	// Bookkeeping for the limits. allocated and free count the nodes the
	// standard library would allocate and keep for reuse, because its
	// decision to start measuring the tree depends on that count.
	allocated, free int
	numRunes        int
	repeats         int64
	sizes           map[*Regexp]int64
	heights         map[*Regexp]int

	// spare is a node that left the tree with nothing pointing to it,
	// for newNode to reuse; slab holds nodes allocated but not yet used.
	spare    *Regexp
	slab     []Regexp
	slabSize int
}

// Parse parses pattern under flags and returns its syntax tree. Every node
// carries the Span of the text it came from.
//
// Parse accepts exactly the patterns the standard library's
// regexp/syntax.Parse accepts, and on failure returns an [*Error] whose
// Error() text is identical to the standard library's.
func Parse(pattern string, flags Flags) (re *Regexp, err error) {
	p := newParser(pattern, flags)
	defer func() {
		v := recover()
		if v == nil {
			p.recycle()
			return
		}
		// Only a parse error raised by fail is turned into a return
		// value; anything else is a bug and keeps unwinding unchanged,
		// leaving the parser to the garbage collector.
		perr, ok := v.(*Error)
		if !ok {
			panic(v)
		}
		p.recycle()
		re, err = nil, perr
	}()
	p.lexer.Init(pattern, lexer.Options{
		PerlX:         flags&PerlX != 0,
		UnicodeGroups: flags&UnicodeGroups != 0,
		Literal:       flags&Literal != 0,
	})
	p.lex = &p.lexer
	if flags&Literal != 0 {
		return p.parseLiteral(), nil
	}
	return p.parse(), nil
}

// parsers keeps idle parsers. A parser is a few hundred bytes (the lexer
// and its token queue are inside it), and for a short pattern allocating
// and clearing one was a large part of the cost of Parse. A recycled
// parser also keeps its stack and the unused tail of its last node slab.
var parsers = sync.Pool{New: func() any { return new(parser) }}

// newParser returns a parser, new or recycled, ready to parse pattern.
func newParser(pattern string, flags Flags) *parser {
	p := parsers.Get().(*parser)
	*p = parser{
		pattern:    pattern,
		flags:      flags,
		lastRepeat: -1,
		stack:      p.stack[:0],
		spare:      p.spare,
		slab:       p.slab,
		slabSize:   p.slabSize,
	}
	if p.stack == nil {
		p.stack = make([]*Regexp, 0, 8)
	}
	return p
}

// recycle returns p to the pool once its parse is over. The nodes left in
// the slab and the spare node are not part of any tree, so a later parse
// may hand them out; everything that points into the finished tree is
// dropped so that the pool keeps no tree alive through p.
func (p *parser) recycle() {
	clear(p.stack[:cap(p.stack)])
	if cap(p.stack) > maxPooledStack {
		p.stack = nil
	}
	*p = parser{
		stack:    p.stack[:0],
		spare:    p.spare,
		slab:     p.slab,
		slabSize: p.slabSize,
	}
	parsers.Put(p)
}

// maxPooledStack is the largest stack a recycled parser keeps.
const maxPooledStack = 64

// fail aborts the parse with an error of the given code, pointing at span
// and quoting pattern[exprStart:exprEnd] as the standard library does.
func (p *parser) fail(code ErrorCode, span Span, exprStart, exprEnd int) {
	panic(&Error{
		Code:    code,
		Expr:    p.pattern[exprStart:exprEnd],
		Span:    span,
		Pattern: p.pattern,
	})
}

// failWhole aborts the parse with an error that quotes the whole pattern.
func (p *parser) failWhole(code ErrorCode, span Span) {
	p.fail(code, span, 0, len(p.pattern))
}

// lexerCodes maps the lexer's error kinds to error codes.
var lexerCodes = [...]ErrorCode{
	lexer.ErrInvalidUTF8:         ErrInvalidUTF8,
	lexer.ErrTrailingBackslash:   ErrTrailingBackslash,
	lexer.ErrInvalidEscape:       ErrInvalidEscape,
	lexer.ErrInvalidCharRange:    ErrInvalidCharRange,
	lexer.ErrMissingBracket:      ErrMissingBracket,
	lexer.ErrInvalidNamedCapture: ErrInvalidNamedCapture,
	lexer.ErrInvalidPerlOp:       ErrInvalidPerlOp,
	lexer.ErrInvalidRepeatSize:   ErrInvalidRepeatSize,
}

// failToken aborts the parse with the error an Error token describes. The
// span is the token's, except that a missing ] points at the [ that opened
// the class (the token itself is empty, at the end of the pattern).
func (p *parser) failToken(t lexer.Token, classOpen Span) {
	code := ErrInternalError
	if int(t.Err) < len(lexerCodes) && lexerCodes[t.Err] != "" {
		code = lexerCodes[t.Err]
	}
	span := tokenSpan(t)
	if t.Err == lexer.ErrMissingBracket {
		span = classOpen
	}
	p.fail(code, span, t.ExprPos, t.ExprEnd)
}

func tokenSpan(t lexer.Token) Span { return Span{t.Pos, t.End} }

// next returns the next token.
func (p *parser) next() lexer.Token {
	t := p.lex.Next()
	// Tests inject failures in the middle of a parse here.
	if testhook.Parse != nil {
		testhook.Parse(t.Pos)
	}
	return t
}

// parseLiteral parses a pattern under the Literal flag: one literal node
// holding every rune, after checking that the pattern is valid UTF-8.
func (p *parser) parseLiteral() *Regexp {
	for t := p.next(); t.Kind != lexer.EOF; t = p.next() {
		if t.Kind == lexer.Error {
			p.failToken(t, Span{})
		}
	}
	re := &Regexp{Op: OpLiteral, Flags: p.flags, Span: Span{0, len(p.pattern)}}
	re.Rune = []rune(p.pattern)
	return re
}

// parse reads every token and returns the tree.
func (p *parser) parse() *Regexp {
	for {
		t := p.next()
		if t.Kind == lexer.EOF {
			break
		}
		afterRepeat := p.lastRepeat
		p.lastRepeat = -1
		span := tokenSpan(t)
		switch t.Kind {
		case lexer.Error:
			p.failToken(t, Span{})
		case lexer.Literal:
			p.literal(t.Rune, span)
		case lexer.Escape:
			// The standard library sets aside a class node for every
			// escape before learning it is a single character; count it.
			p.countNew()
			p.countFree()
			p.literal(t.Rune, span)
		case lexer.QuoteStart, lexer.QuoteEnd:
			// Only the quoted characters matter.
		case lexer.PerlClass, lexer.UnicodeClass:
			re := p.newNode(OpCharClass, span)
			re.Rune = p.appendNamedClass(make([]rune, 0, 8), t)
			p.push(re)
		case lexer.ClassOpen:
			p.parseClass(t)
		case lexer.Dot:
			if p.flags&DotNL != 0 {
				p.op(OpAnyChar, span)
			} else {
				p.op(OpAnyCharNotNL, span)
			}
		case lexer.Caret:
			if p.flags&OneLine != 0 {
				p.op(OpBeginText, span)
			} else {
				p.op(OpBeginLine, span)
			}
		case lexer.Dollar:
			if p.flags&OneLine != 0 {
				p.op(OpEndText, span).Flags |= WasDollar
			} else {
				p.op(OpEndLine, span)
			}
		case lexer.BeginText:
			p.op(OpBeginText, span)
		case lexer.EndText:
			p.op(OpEndText, span)
		case lexer.WordBoundary:
			p.op(OpWordBoundary, span)
		case lexer.NoWordBoundary:
			p.op(OpNoWordBoundary, span)
		case lexer.GroupOpen, lexer.NamedGroup:
			p.numCap++
			re := p.op(opLeftParen, span)
			re.Cap = p.numCap
			re.Name = t.Name
		case lexer.NonCapture:
			p.op(opLeftParen, span)
		case lexer.FlagGroup:
			// The marker keeps the flags to restore at the ).
			p.op(opLeftParen, span)
			p.flags = applyFlagLetters(p.flags, t.Name)
		case lexer.FlagSet:
			p.flags = applyFlagLetters(p.flags, t.Name)
		case lexer.GroupClose:
			p.parseRightParen(t)
		case lexer.Alternate:
			p.parseVerticalBar(t.Pos)
		case lexer.Star:
			p.repeat(OpStar, 0, 0, t, afterRepeat)
		case lexer.Plus:
			p.repeat(OpPlus, 0, 0, t, afterRepeat)
		case lexer.Quest:
			p.repeat(OpQuest, 0, 0, t, afterRepeat)
		case lexer.Repeat:
			p.repeat(OpRepeat, t.Min, t.Max, t, afterRepeat)
		default:
			p.fail(ErrInternalError, span, t.Pos, t.End)
		}
	}

	end := len(p.pattern)
	p.concat(end)
	if p.swapVerticalBar() {
		p.stack = p.stack[:len(p.stack)-1] // drop the marker
	}
	p.alternate(end)
	if len(p.stack) != 1 {
		// Point at the innermost group still open.
		for i := len(p.stack) - 1; i >= 0; i-- {
			if p.stack[i].Op == opLeftParen {
				p.failWhole(ErrMissingParen, p.stack[i].Span)
			}
		}
		p.failWhole(ErrMissingParen, Span{end, end})
	}
	return p.stack[0]
}

// applyFlagLetters returns flags changed by the letters of (?flags) or
// (?flags:, such as "i-sU": letters before - turn a flag on, after it off.
// m is inverted because it turns OneLine off.
func applyFlagLetters(flags Flags, letters string) Flags {
	on := true
	for _, c := range letters {
		var bit Flags
		switch c {
		case '-':
			on = false
			continue
		case 'i':
			bit = FoldCase
		case 'm':
			bit = OneLine
		case 's':
			bit = DotNL
		case 'U':
			bit = NonGreedy
		}
		if on != (c == 'm') {
			flags |= bit
		} else {
			flags &^= bit
		}
	}
	return flags
}

// countNew and countFree keep the standard library's allocation count (see
// [parser]); newNode and release call them.
func (p *parser) countNew() {
	if p.free > 0 {
		p.free--
	} else {
		p.allocated++
	}
}

func (p *parser) countFree() { p.free++ }

// newNode returns a new node with the current flags.
func (p *parser) newNode(op Op, span Span) *Regexp {
	p.countNew()
	if re := p.spare; re != nil {
		p.spare = nil
		*re = Regexp{Op: op, Flags: p.flags, Span: span}
		return re
	}
	if len(p.slab) == 0 {
		// Nodes come from arrays that double from four to 64: a
		// pattern needs several, and one allocation for each was most
		// of the parse's cost.
		p.slabSize = min(max(2*p.slabSize, 4), maxNodeSlab)
		p.slab = make([]Regexp, p.slabSize)
	}
	re := &p.slab[0]
	p.slab = p.slab[1:]
	*re = Regexp{Op: op, Flags: p.flags, Span: span}
	return re
}

// maxNodeSlab is the most nodes newNode allocates at once.
const maxNodeSlab = 64

// release records that re has left the tree.
func (p *parser) release(re *Regexp) {
	if p.heights != nil {
		delete(p.heights, re)
	}
	p.countFree()
}

// op pushes a node of the given op and returns it.
func (p *parser) op(op Op, span Span) *Regexp {
	return p.push(p.newNode(op, span))
}

// literal pushes the single rune r. Under FoldCase the node stores the
// smallest rune of r's fold orbit and matches the whole orbit.
func (p *parser) literal(r rune, span Span) {
	re := p.newNode(OpLiteral, span)
	if p.flags&FoldCase != 0 {
		r = minFoldRune(r)
	}
	re.Rune0[0] = r
	re.Rune = re.Rune0[:1]
	p.push(re)
}

// push pushes re and returns it, or returns nil when re was a one-rune
// class absorbed into a literal already on the stack.
func (p *parser) push(re *Regexp) *Regexp {
	p.numRunes += len(re.Rune)
	switch {
	case re.Op == OpCharClass && len(re.Rune) == 2 && re.Rune[0] == re.Rune[1]:
		// [x] is the literal x.
		if p.mergeLiterals(re.Rune[0], p.flags&^FoldCase, re.Span) {
			return nil
		}
		re.Op = OpLiteral
		re.Rune = re.Rune[:1]
		re.Flags = p.flags &^ FoldCase
	case isFoldPair(re):
		// [Aa] is a case-insensitive A.
		if p.mergeLiterals(re.Rune[0], p.flags|FoldCase, re.Span) {
			return nil
		}
		re.Op = OpLiteral
		re.Rune = re.Rune[:1]
		re.Flags = p.flags | FoldCase
	default:
		p.mergeLiterals(-1, 0, Span{})
	}
	p.stack = append(p.stack, re)
	p.checkLimits(re)
	return re
}

// isFoldPair reports whether re is a class of exactly two runes that fold
// to each other and nothing else, such as [Aa] or [Δδ].
func isFoldPair(re *Regexp) bool {
	if re.Op != OpCharClass {
		return false
	}
	r := re.Rune
	var a, b rune
	switch {
	case len(r) == 4 && r[0] == r[1] && r[2] == r[3]:
		a, b = r[0], r[2]
	case len(r) == 2 && r[0]+1 == r[1]:
		a, b = r[0], r[1]
	default:
		return false
	}
	return unicode.SimpleFold(a) == b && unicode.SimpleFold(b) == a
}

// mergeLiterals merges the top two stack entries into one literal when
// both are literals with the same case folding. It runs before every push,
// so a literal is merged only once nothing can apply to it alone any more
// (in ab* the b must stay separate until the * has been seen).
//
// When r >= 0 and a merge freed the top entry, that entry is reused for
// the literal r with the given flags and span, and mergeLiterals reports
// true: r has been pushed.
func (p *parser) mergeLiterals(r rune, flags Flags, span Span) bool {
	n := len(p.stack)
	if n < 2 {
		return false
	}
	top, below := p.stack[n-1], p.stack[n-2]
	if top.Op != OpLiteral || below.Op != OpLiteral || top.Flags&FoldCase != below.Flags&FoldCase {
		return false
	}
	below.Rune = append(below.Rune, top.Rune...)
	below.Span.End = top.Span.End
	if r >= 0 {
		top.Rune0[0] = r
		top.Rune = top.Rune0[:1]
		top.Flags = flags
		top.Span = span
		return true
	}
	p.stack = p.stack[:n-1]
	p.release(top)
	// Nothing else points to top: the next literal reuses it, so a run
	// of literals allocates one node rather than one per rune.
	p.spare = top
	return false
}

// repeat applies a repetition operator token t to the top of the stack.
// prevRepeat is the start of the previous token if it was also a
// repetition operator, else -1.
func (p *parser) repeat(op Op, min, max int, t lexer.Token, prevRepeat int) {
	flags := p.flags
	if t.NonGreedy {
		flags ^= NonGreedy
	}
	if p.flags&PerlX != 0 && prevRepeat >= 0 {
		// Perl rejects a** rather than reading it as (a*)*, and a*+ is a
		// possessive operator, which is not supported.
		p.fail(ErrInvalidRepeatOp, Span{prevRepeat, t.End}, prevRepeat, t.End)
	}
	span := tokenSpan(t)
	n := len(p.stack)
	if n == 0 || p.stack[n-1].Op >= opPseudo {
		p.fail(ErrMissingRepeatArgument, span, t.Pos, t.End)
	}
	sub := p.stack[n-1]
	re := p.newNode(op, Span{sub.Span.Start, t.End})
	re.Flags = flags
	re.Min, re.Max = min, max
	re.Sub0[0] = sub
	re.Sub = re.Sub0[:1]
	p.stack[n-1] = re
	p.checkLimits(re)
	if op == OpRepeat && (min >= 2 || max >= 2) && !repeatWithin(re, maxRepeat) {
		p.fail(ErrInvalidRepeatSize, span, t.Pos, t.End)
	}
	p.lastRepeat = t.Pos
}

// repeatWithin reports whether the counted repetitions nested in re make
// at most n copies of anything: (a{10}){100} is 1000 copies of a, and
// ((a{10}){10}){11} is too many.
//
// It is called only for counts of at least 2, so within valid trees such
// repetitions nest at most ten deep, and each subtree is walked a bounded
// number of times.
func repeatWithin(re *Regexp, n int) bool {
	if re.Op == OpRepeat {
		m := re.Max
		if m == 0 {
			return true
		}
		if m < 0 {
			m = re.Min
		}
		if m > n {
			return false
		}
		if m > 0 {
			n /= m
		}
	}
	for _, sub := range re.Sub {
		if !repeatWithin(sub, n) {
			return false
		}
	}
	return true
}

// parseVerticalBar handles a | at pos.
func (p *parser) parseVerticalBar(pos int) {
	p.concat(pos)
	// The concatenation just built becomes an alternative: move it below
	// the marker of an earlier |, or push the first marker.
	if !p.swapVerticalBar() {
		p.op(opVerticalBar, Span{pos, pos + 1})
	}
}

// swapVerticalBar moves the top entry below a | marker right under it and
// reports whether there was one. Two single characters or classes on
// either side of the marker are merged into one class instead.
func (p *parser) swapVerticalBar() bool {
	n := len(p.stack)
	if n >= 3 && p.stack[n-2].Op == opVerticalBar && isCharClass(p.stack[n-1]) && isCharClass(p.stack[n-3]) {
		simple, complex := p.stack[n-1], p.stack[n-3]
		if simple.Op > complex.Op {
			simple, complex = complex, simple
			p.stack[n-3] = complex
		}
		mergeCharClass(complex, simple)
		complex.Span = unionSpan(complex.Span, simple.Span)
		p.release(simple)
		p.stack = p.stack[:n-1]
		return true
	}
	if n >= 2 && p.stack[n-2].Op == opVerticalBar {
		if n >= 3 {
			// The alternative below the marker is complete.
			cleanAlt(p.stack[n-3])
		}
		p.stack[n-2], p.stack[n-1] = p.stack[n-1], p.stack[n-2]
		return true
	}
	return false
}

// parseRightParen handles the ) token t.
func (p *parser) parseRightParen(t lexer.Token) {
	p.concat(t.Pos)
	if p.swapVerticalBar() {
		p.stack = p.stack[:len(p.stack)-1] // drop the marker
	}
	p.alternate(t.Pos)
	n := len(p.stack)
	if n < 2 || p.stack[n-2].Op != opLeftParen {
		p.failWhole(ErrUnexpectedParen, tokenSpan(t))
	}
	body, open := p.stack[n-1], p.stack[n-2]
	p.stack = p.stack[:n-2]
	p.flags = open.Flags // flags set inside the group end with it
	if open.Cap == 0 {
		// A group that captures nothing leaves only its body, which now
		// stands for the text with the parentheses.
		body.Span = Span{open.Span.Start, t.End}
		p.push(body)
		return
	}
	open.Op = OpCapture
	open.Sub0[0] = body
	open.Sub = open.Sub0[:1]
	open.Span.End = t.End
	p.push(open)
}

// concat replaces the entries above the topmost marker with their
// concatenation; an empty one is an empty match at pos.
func (p *parser) concat(pos int) *Regexp {
	p.mergeLiterals(-1, 0, Span{})
	subs := p.popToMarker()
	if len(subs) == 0 {
		return p.push(p.newNode(OpEmptyMatch, Span{pos, pos}))
	}
	return p.push(p.collapse(subs, OpConcat))
}

// alternate replaces the entries above the topmost ( with their
// alternation. Only alternatives remain there once swapVerticalBar has run.
func (p *parser) alternate(pos int) *Regexp {
	subs := p.popToMarker()
	if len(subs) == 0 {
		return p.push(p.newNode(OpNoMatch, Span{pos, pos}))
	}
	cleanAlt(subs[len(subs)-1])
	return p.push(p.collapse(subs, OpAlternate))
}

// popToMarker pops and returns the entries above the topmost marker. The
// result is a view of the stack's old top, valid until the next push:
// collapse copies it when it keeps it.
func (p *parser) popToMarker() []*Regexp {
	i := len(p.stack)
	for i > 0 && p.stack[i-1].Op < opPseudo {
		i--
	}
	subs := p.stack[i:]
	p.stack = p.stack[:i]
	return subs
}

// collapse returns the op node over subs, flattening subs that are
// themselves op nodes, so no concatenation directly holds another (and
// likewise for alternations). Alternatives are also factored. The node's
// list is always a fresh copy: subs may be a view of the parser's stack.
func (p *parser) collapse(subs []*Regexp, op Op) *Regexp {
	if len(subs) == 1 {
		return subs[0]
	}
	re := p.newNode(op, Span{})
	n := 0
	for _, sub := range subs {
		if sub.Op == op {
			n += len(sub.Sub)
		} else {
			n++
		}
	}
	re.Sub = make([]*Regexp, 0, n)
	for _, sub := range subs {
		if sub.Op == op {
			re.Sub = append(re.Sub, sub.Sub...)
			p.release(sub)
		} else {
			re.Sub = append(re.Sub, sub)
		}
	}
	if op == OpAlternate {
		re.Sub = p.factor(re.Sub)
		if len(re.Sub) == 1 {
			only := re.Sub[0]
			p.release(re)
			return only
		}
	}
	re.Span = subsSpan(re.Sub)
	return re
}

// subsSpan returns the smallest span covering every sub's span.
func subsSpan(subs []*Regexp) Span {
	s := subs[0].Span
	for _, sub := range subs[1:] {
		s = unionSpan(s, sub.Span)
	}
	return s
}

func unionSpan(a, b Span) Span {
	return Span{min(a.Start, b.Start), max(a.End, b.End)}
}

// cleanAlt tidies a finished alternative: its class is sorted, and a class
// of everything (or everything but newline) becomes the equivalent op.
func cleanAlt(re *Regexp) {
	if re.Op != OpCharClass {
		return
	}
	re.Rune = cleanClass(re.Rune)
	r := re.Rune
	switch {
	case len(r) == 2 && r[0] == 0 && r[1] == unicode.MaxRune:
		re.Op, re.Rune = OpAnyChar, nil
	case len(r) == 4 && r[0] == 0 && r[1] == '\n'-1 && r[2] == '\n'+1 && r[3] == unicode.MaxRune:
		re.Op, re.Rune = OpAnyCharNotNL, nil
	}
}

// isCharClass reports whether re matches exactly one character from a
// set: a one-rune literal, a class, or a dot.
func isCharClass(re *Regexp) bool {
	return re.Op == OpLiteral && len(re.Rune) == 1 ||
		re.Op == OpCharClass || re.Op == OpAnyCharNotNL || re.Op == OpAnyChar
}

// mergeCharClass makes dst match every character src matches too. dst must
// be at least as general as src (by Op order), so src is a literal or a
// class whenever dst is a class.
func mergeCharClass(dst, src *Regexp) {
	switch dst.Op {
	case OpAnyCharNotNL:
		if matchesRune(src, '\n') {
			dst.Op = OpAnyChar
		}
	case OpCharClass:
		if src.Op == OpLiteral {
			dst.Rune = appendLiteral(dst.Rune, src.Rune[0], src.Flags)
		} else {
			dst.Rune = appendClass(dst.Rune, src.Rune)
		}
	case OpLiteral:
		if src.Rune[0] == dst.Rune[0] && src.Flags == dst.Flags {
			return
		}
		first := dst.Rune[0]
		dst.Op = OpCharClass
		dst.Rune = appendLiteral(nil, first, dst.Flags)
		dst.Rune = appendLiteral(dst.Rune, src.Rune[0], src.Flags)
	}
}

// matchesRune reports whether the single-character node re matches r.
func matchesRune(re *Regexp, r rune) bool {
	switch re.Op {
	case OpLiteral:
		return len(re.Rune) == 1 && re.Rune[0] == r
	case OpCharClass:
		return classHas(re.Rune, r)
	case OpAnyCharNotNL:
		return r != '\n'
	case OpAnyChar:
		return true
	}
	return false
}
