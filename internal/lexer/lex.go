package lexer

import (
	"strings"
	"unicode/utf8"
)

// A stateFn lexes from l.pos, queues at least one token unless the input
// is exhausted, and returns the state to run next (nil once EOF is queued).
type stateFn func(*Lexer) stateFn

// A Lexer turns a pattern into tokens, one [Lexer.Next] call at a time. It
// runs synchronously: Next drives the state functions until a token is
// ready, so no goroutine outlives an abandoned lexer.
type Lexer struct {
	input string
	opts  Options
	pos   int // where the next token starts
	state stateFn
	// queue[head:] are the tokens lexed but not yet returned. The
	// queue is emptied in place, so lexing a pattern reuses one small
	// array instead of allocating as it goes.
	queue []Token
	head  int
	// buf is the queue's first array, enough for most states' tokens.
	buf [2]Token

	// Inside brackets: where the class began (for the missing ] error,
	// which quotes the whole class) and whether the next member is the
	// first, where ] and - are ordinary characters.
	classStart int
	classFirst bool

	// Inside \Q...\E: where the quoted text ends (the \E or the input end).
	quoteEnd int
}

// New returns a lexer for input.
func New(input string, opts Options) *Lexer {
	l := new(Lexer)
	l.Init(input, opts)
	return l
}

// Init makes l a lexer for input, as [New] does, so that a caller can
// keep the lexer inside a value of its own instead of allocating it.
func (l *Lexer) Init(input string, opts Options) {
	*l = Lexer{input: input, opts: opts, state: lexText}
	l.queue = l.buf[:0]
	if opts.Literal {
		l.state = lexLiteralText
	}
}

// Next returns the next token. After the last token it returns EOF
// tokens at the end of the input forever.
func (l *Lexer) Next() Token {
	for l.head == len(l.queue) {
		l.queue, l.head = l.queue[:0], 0
		if l.state == nil {
			return Token{Kind: EOF, Pos: len(l.input), End: len(l.input)}
		}
		l.state = l.state(l)
	}
	l.head++
	return l.queue[l.head-1]
}

// Tokens returns every token of input, without the final EOF.
func Tokens(input string, opts Options) []Token {
	l := New(input, opts)
	var toks []Token
	for {
		t := l.Next()
		if t.Kind == EOF {
			return toks
		}
		toks = append(toks, t)
	}
}

// emit queues t, which must start at l.pos, and moves past it.
func (l *Lexer) emit(t Token) {
	l.queue = append(l.queue, t)
	l.pos = t.End
}

// emitKind queues a plain token of kind k covering [l.pos, end).
func (l *Lexer) emitKind(k Kind, end int) {
	l.emit(Token{Kind: k, Pos: l.pos, End: end})
}

// emitError queues an error token covering [l.pos, end) that quotes
// input[exprPos:exprEnd].
func (l *Lexer) emitError(kind ErrorKind, end, exprPos, exprEnd int) {
	l.emit(Token{Kind: Error, Pos: l.pos, End: end, Err: kind, ExprPos: exprPos, ExprEnd: exprEnd})
}

// badUTF8 reports the first byte in input[from:to] that does not start a
// valid UTF-8 sequence, or -1.
func (l *Lexer) badUTF8(from, to int) int {
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(l.input[i:to])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// lexText lexes outside brackets.
func lexText(l *Lexer) stateFn {
	s := l.input
	i := l.pos
	if i >= len(s) {
		return nil // Next synthesises the EOF token
	}
	switch c := s[i]; c {
	case '(':
		if l.opts.PerlX && i+1 < len(s) && s[i+1] == '?' {
			return lexPerlGroup
		}
		l.emitKind(GroupOpen, i+1)
	case ')':
		l.emitKind(GroupClose, i+1)
	case '|':
		l.emitKind(Alternate, i+1)
	case '^':
		l.emitKind(Caret, i+1)
	case '$':
		l.emitKind(Dollar, i+1)
	case '.':
		l.emitKind(Dot, i+1)
	case '[':
		l.classStart = i
		l.classFirst = true
		t := Token{Kind: ClassOpen, Pos: i, End: i + 1}
		if i+1 < len(s) && s[i+1] == '^' {
			t.End++
			t.Negated = true
		}
		l.emit(t)
		return lexClass
	case '*':
		l.emitRepeat(Token{Kind: Star, Pos: i, End: i + 1})
	case '+':
		l.emitRepeat(Token{Kind: Plus, Pos: i, End: i + 1})
	case '?':
		l.emitRepeat(Token{Kind: Quest, Pos: i, End: i + 1})
	case '{':
		min, max, end, ok := scanRepeat(s, i)
		switch {
		case !ok:
			// Not a counted repetition: the brace is itself.
			l.emit(Token{Kind: Literal, Pos: i, End: i + 1, Rune: '{'})
		case min < 0 || min > 1000 || max > 1000 || max >= 0 && min > max:
			l.emitError(ErrInvalidRepeatSize, end, i, end)
		default:
			l.emitRepeat(Token{Kind: Repeat, Pos: i, End: end, Min: min, Max: max})
		}
	case '\\':
		lexTextBackslash(l)
	default:
		l.lexPlainChar(len(s))
	}
	return lexText
}

// emitRepeat queues a repetition operator, absorbing the ? that makes it
// non-greedy when Perl syntax is on.
func (l *Lexer) emitRepeat(t Token) {
	if l.opts.PerlX && t.End < len(l.input) && l.input[t.End] == '?' {
		t.End++
		t.NonGreedy = true
	}
	l.emit(t)
}

// lexPlainChar queues the character at l.pos as a Literal, or an invalid
// UTF-8 error quoting the text from the bad byte up to limit.
func (l *Lexer) lexPlainChar(limit int) {
	r, size := utf8.DecodeRuneInString(l.input[l.pos:])
	if r == utf8.RuneError && size == 1 {
		l.emitError(ErrInvalidUTF8, l.pos+1, l.pos, limit)
		return
	}
	l.emit(Token{Kind: Literal, Pos: l.pos, End: l.pos + size, Rune: r})
}

// lexLiteralText lexes a pattern parsed with the Literal flag.
func lexLiteralText(l *Lexer) stateFn {
	if l.pos >= len(l.input) {
		return nil
	}
	l.lexPlainChar(len(l.input))
	return lexLiteralText
}

// scanRepeat reads {n}, {n,} or {n,m} at s[i]. ok is false when the text
// is not of that form (the brace is then a literal); a count too large to
// represent comes back as -1 with ok true.
func scanRepeat(s string, i int) (min, max, end int, ok bool) {
	j := i + 1
	min, j, ok = scanCount(s, j)
	if !ok || j >= len(s) {
		return 0, 0, 0, false
	}
	max = min
	if s[j] == ',' {
		j++
		if j >= len(s) {
			return 0, 0, 0, false
		}
		if s[j] == '}' {
			max = -1
		} else {
			max, j, ok = scanCount(s, j)
			if !ok {
				return 0, 0, 0, false
			}
			if max < 0 {
				min = -1
			}
		}
	}
	if j >= len(s) || s[j] != '}' {
		return 0, 0, 0, false
	}
	return min, max, j + 1, true
}

// scanCount reads a decimal count without leading zeros at s[i]. Counts of
// 10^8 and more come back as -1: they are far beyond any valid repeat and
// must not overflow.
func scanCount(s string, i int) (n, end int, ok bool) {
	if i >= len(s) || !isDigit(s[i]) {
		return 0, i, false
	}
	if s[i] == '0' && i+1 < len(s) && isDigit(s[i+1]) {
		return 0, i, false
	}
	j := i
	for j < len(s) && isDigit(s[j]) {
		if n >= 0 {
			if n >= 1e8 {
				n = -1
			} else {
				n = n*10 + int(s[j]-'0')
			}
		}
		j++
	}
	return n, j, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isAlnum(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}

// lexTextBackslash lexes an escape outside brackets.
func lexTextBackslash(l *Lexer) {
	s, i := l.input, l.pos
	if l.opts.PerlX && i+1 < len(s) {
		switch s[i+1] {
		case 'A':
			l.emitKind(BeginText, i+2)
			return
		case 'z':
			l.emitKind(EndText, i+2)
			return
		case 'b':
			l.emitKind(WordBoundary, i+2)
			return
		case 'B':
			l.emitKind(NoWordBoundary, i+2)
			return
		case 'C':
			// \C (any byte) would break UTF-8 handling; unsupported.
			l.emitError(ErrInvalidEscape, i+2, i, i+2)
			return
		case 'Q':
			l.emitKind(QuoteStart, i+2)
			l.quoteEnd = len(s)
			if k := strings.Index(s[i+2:], `\E`); k >= 0 {
				l.quoteEnd = i + 2 + k
			}
			l.lexQuoted()
			return
		}
	}
	if l.lexClassEscape() {
		return
	}
	l.lexEscape()
}

// lexQuoted queues the characters of \Q...\E and the closing \E.
func (l *Lexer) lexQuoted() {
	for l.pos < l.quoteEnd {
		l.lexPlainChar(l.quoteEnd)
	}
	if l.pos < len(l.input) {
		l.emitKind(QuoteEnd, l.pos+2)
	}
}

// lexClassEscape queues \p, \P or a Perl class escape at l.pos if there
// is one and the options enable it, and reports whether it did.
func (l *Lexer) lexClassEscape() bool {
	s, i := l.input, l.pos
	if i+1 >= len(s) {
		return false
	}
	switch c := s[i+1]; {
	case (c == 'p' || c == 'P') && l.opts.UnicodeGroups:
		l.lexUnicodeClass()
		return true
	case strings.IndexByte("dDsSwW", c) >= 0 && l.opts.PerlX:
		l.emit(Token{Kind: PerlClass, Pos: i, End: i + 2, Name: perlClassName(c), Negated: c < 'a'})
		return true
	}
	return false
}

// perlClassName returns the lower-case letter of the Perl class \d, \D,
// \s, \S, \w or \W as a constant string, so that lexing it allocates
// nothing.
func perlClassName(c byte) string {
	switch c | 0x20 {
	case 'd':
		return "d"
	case 's':
		return "s"
	}
	return "w"
}

// lexUnicodeClass lexes \pN, \p{Name} or \p{^Name} (or \P) at l.pos.
func (l *Lexer) lexUnicodeClass() {
	s, i := l.input, l.pos
	negated := s[i+1] == 'P'
	j := i + 2
	r, size := utf8.DecodeRuneInString(s[j:])
	if r == utf8.RuneError && size == 1 {
		l.emitError(ErrInvalidUTF8, j+1, j, len(s))
		return
	}
	var name string
	end := j + size
	if r != '{' {
		name = s[j:end]
	} else {
		k := strings.IndexByte(s[i:], '}')
		if k < 0 {
			if bad := l.badUTF8(i, len(s)); bad >= 0 {
				l.emitError(ErrInvalidUTF8, len(s), bad, len(s))
			} else {
				l.emitError(ErrInvalidCharRange, len(s), i, len(s))
			}
			return
		}
		end = i + k + 1
		name = s[i+3 : end-1]
		if bad := l.badUTF8(i+3, end-1); bad >= 0 {
			l.emitError(ErrInvalidUTF8, end, bad, end-1)
			return
		}
	}
	if name != "" && name[0] == '^' {
		negated = !negated
		name = name[1:]
	}
	if _, _, _, ok := UnicodeTable(name); !ok {
		l.emitError(ErrInvalidCharRange, end, i, end)
		return
	}
	l.emit(Token{Kind: UnicodeClass, Pos: i, End: end, Name: name, Negated: negated})
}

// lexEscape lexes a single-character escape at l.pos.
func (l *Lexer) lexEscape() {
	r, end, err, exprPos, exprEnd := scanEscape(l.input, l.pos)
	if err != NoError {
		l.emitError(err, end, exprPos, exprEnd)
		return
	}
	l.emit(Token{Kind: Escape, Pos: l.pos, End: end, Rune: r})
}

// scanEscape reads the single-character escape starting with the
// backslash at s[i]. On failure end is where the error token ends and
// s[exprPos:exprEnd] is the text the standard library's message quotes.
func scanEscape(s string, i int) (r rune, end int, err ErrorKind, exprPos, exprEnd int) {
	j := i + 1
	if j >= len(s) {
		return 0, j, ErrTrailingBackslash, j, j
	}
	// next decodes the character at j and advances past it; a bad byte
	// is an invalid UTF-8 error quoting the rest of the pattern.
	bad := -1
	next := func() rune {
		c, size := utf8.DecodeRuneInString(s[j:])
		if c == utf8.RuneError && size == 1 {
			bad = j
		}
		j += size
		return c
	}
	invalid := func() (rune, int, ErrorKind, int, int) {
		return 0, j, ErrInvalidEscape, i, j
	}
	c := next()
	if bad >= 0 {
		return 0, bad + 1, ErrInvalidUTF8, bad, len(s)
	}
	switch {
	case c < utf8.RuneSelf && !isAlnum(c):
		// Escaped punctuation always stands for itself.
		return c, j, NoError, 0, 0
	case c >= '1' && c <= '7' && (j >= len(s) || s[j] < '0' || s[j] > '7'):
		// \1 alone would be a backreference, which is unsupported.
		return invalid()
	case c >= '0' && c <= '7':
		r = c - '0'
		for n := 1; n < 3 && j < len(s) && s[j] >= '0' && s[j] <= '7'; n++ {
			r = r*8 + rune(s[j]-'0')
			j++
		}
		return r, j, NoError, 0, 0
	case c == 'x':
		if j >= len(s) {
			return invalid()
		}
		c = next()
		if bad >= 0 {
			return 0, bad + 1, ErrInvalidUTF8, bad, len(s)
		}
		if c == '{' {
			digits := 0
			for {
				if j >= len(s) {
					return invalid()
				}
				c = next()
				if bad >= 0 {
					return 0, bad + 1, ErrInvalidUTF8, bad, len(s)
				}
				if c == '}' {
					break
				}
				v := hexValue(c)
				if v < 0 {
					return invalid()
				}
				r = r*16 + v
				if r > utf8.MaxRune {
					return invalid()
				}
				digits++
			}
			if digits == 0 {
				return invalid()
			}
			return r, j, NoError, 0, 0
		}
		hi := hexValue(c)
		var lo rune = -1
		if j < len(s) {
			c = next()
			if bad >= 0 {
				return 0, bad + 1, ErrInvalidUTF8, bad, len(s)
			}
			lo = hexValue(c)
		}
		if hi < 0 || lo < 0 {
			return invalid()
		}
		return hi*16 + lo, j, NoError, 0, 0
	}
	// There is deliberately no \b for backspace: outside brackets Perl
	// reads it as a word boundary, and one meaning is less confusing.
	if k := strings.IndexRune("afnrtv", c); k >= 0 {
		return []rune{'\a', '\f', '\n', '\r', '\t', '\v'}[k], j, NoError, 0, 0
	}
	return invalid()
}

func hexValue(c rune) rune {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10
	}
	return -1
}

// lexClass lexes one member of a bracketed class, or its closing ].
func lexClass(l *Lexer) stateFn {
	s, i := l.input, l.pos
	first := l.classFirst
	l.classFirst = false
	if i >= len(s) {
		l.emitError(ErrMissingBracket, i, l.classStart, len(s))
		return lexText
	}
	if s[i] == ']' && !first {
		l.emitKind(ClassClose, i+1)
		return lexText
	}
	// POSIX allows an unescaped - only first or last in the class.
	if s[i] == '-' && !l.opts.PerlX && !first && (i+1 == len(s) || s[i+1] != ']') {
		_, size := utf8.DecodeRuneInString(s[i+1:])
		l.emitError(ErrInvalidCharRange, i+1, i, i+1+size)
		return lexClass
	}
	if strings.HasPrefix(s[i:], "[:") && len(s)-i > 2 {
		if k := strings.Index(s[i+2:], ":]"); k >= 0 {
			end := i + 2 + k + 2
			name, negated := s[i+2:end-2], false
			if strings.HasPrefix(name, "^") {
				name, negated = name[1:], true
			}
			if PosixClassRanges(name) == nil {
				l.emitError(ErrInvalidCharRange, end, i, end)
			} else {
				l.emit(Token{Kind: PosixClass, Pos: i, End: end, Name: name, Negated: negated})
			}
			return lexClass
		}
	}
	if s[i] == '\\' && l.lexClassEscape() {
		return lexClass
	}
	lo, loEnd, ok := l.lexClassChar(i)
	if !ok {
		return lexClass
	}
	// [a-] is a and -, so a range needs something other than ] after -.
	if loEnd+1 < len(s) && s[loEnd] == '-' && s[loEnd+1] != ']' {
		l.queue = l.queue[:len(l.queue)-1] // the range replaces lo's token
		l.pos = i
		hi, hiEnd, ok := l.peekClassChar(loEnd + 1)
		switch {
		case !ok:
			l.lexClassChar(i)
			l.emitKind(RangeDash, loEnd+1)
			l.lexClassChar(loEnd + 1)
		case hi < lo:
			l.emitError(ErrInvalidCharRange, hiEnd, i, hiEnd)
		default:
			l.emit(Token{Kind: ClassRange, Pos: i, End: hiEnd, Rune: lo, Hi: hi})
		}
	}
	return lexClass
}

// lexClassChar queues the single class character at i (an escape or a
// plain character) and returns it, or queues an error and reports !ok.
func (l *Lexer) lexClassChar(i int) (r rune, end int, ok bool) {
	l.pos = i
	before := len(l.queue)
	if l.input[i] == '\\' {
		l.lexEscape()
	} else {
		l.lexPlainChar(len(l.input))
	}
	t := l.queue[before]
	return t.Rune, t.End, t.Kind != Error
}

// peekClassChar reads the class character at i without queueing it.
func (l *Lexer) peekClassChar(i int) (r rune, end int, ok bool) {
	if l.input[i] == '\\' {
		r, end, err, _, _ := scanEscape(l.input, i)
		return r, end, err == NoError
	}
	r, size := utf8.DecodeRuneInString(l.input[i:])
	return r, i + size, !(r == utf8.RuneError && size == 1)
}

// lexPerlGroup lexes a group opener beginning with (? at l.pos.
func lexPerlGroup(l *Lexer) stateFn {
	s, i := l.input, l.pos
	rest := len(s) - i
	named := rest > 4 && s[i+2] == 'P' && s[i+3] == '<' || rest > 3 && s[i+2] == '<'
	if named {
		nameStart := i + 3
		if s[i+2] == 'P' {
			nameStart = i + 4
		}
		k := strings.IndexByte(s[i:], '>')
		if k < 0 {
			// The message quotes everything from the group on, but the
			// token covers only the opener so the rest is still coloured.
			if bad := l.badUTF8(i, len(s)); bad >= 0 {
				l.emitError(ErrInvalidUTF8, nameStart, bad, len(s))
			} else {
				l.emitError(ErrInvalidNamedCapture, nameStart, i, len(s))
			}
			return lexText
		}
		end := i + k + 1
		name := s[nameStart : end-1]
		if bad := l.badUTF8(nameStart, end-1); bad >= 0 {
			l.emitError(ErrInvalidUTF8, end, bad, end-1)
			return lexText
		}
		if !validCaptureName(name) {
			l.emitError(ErrInvalidNamedCapture, end, i, end)
			return lexText
		}
		l.emit(Token{Kind: NamedGroup, Pos: i, End: end, Name: name})
		return lexText
	}

	j := i + 2
	negative, sawFlag := false, false
	for j < len(s) {
		c, size := utf8.DecodeRuneInString(s[j:])
		if c == utf8.RuneError && size == 1 {
			l.emitError(ErrInvalidUTF8, j+1, j, len(s))
			return lexText
		}
		j += size
		switch c {
		case 'i', 'm', 's', 'U':
			sawFlag = true
			continue
		case '-':
			if !negative {
				negative, sawFlag = true, false
				continue
			}
		case ':', ')':
			if negative && !sawFlag {
				break // (?-) and (?i-:) turn nothing off
			}
			kind := FlagSet
			if c == ':' {
				kind = FlagGroup
				if j == i+3 {
					kind = NonCapture
				}
			}
			l.emit(Token{Kind: kind, Pos: i, End: j, Name: s[i+2 : j-1]})
			return lexText
		}
		l.emitError(ErrInvalidPerlOp, j, i, j)
		return lexText
	}
	l.emitError(ErrInvalidPerlOp, j, i, j)
	return lexText
}

// validCaptureName reports whether name is a non-empty run of ASCII
// letters, digits and underscores.
func validCaptureName(name string) bool {
	for _, c := range name {
		if c != '_' && !isAlnum(c) {
			return false
		}
	}
	return name != ""
}
