// Package lexer splits regular-expression syntax into tokens with byte
// spans.
//
// The parser in regexp/syntax reads these tokens, and the REPL colours
// patterns with the very same tokens, so what is highlighted is exactly what
// is parsed. The lexer accepts any byte string: malformed pieces (a bad
// escape, invalid UTF-8, an unterminated class) become [Error] tokens and
// lexing goes on, because a half-typed pattern must still be coloured.
//
// Tokens are contiguous: the first starts at 0, each starts where the one
// before it ends, and the last ends at the end of the input. Only an
// [ErrMissingBracket] token may be empty; it sits at the end of the input.
//
// The recognition rules are those of the standard library's regexp/syntax
// parser, including which piece of text its error messages quote, so the
// parser can reproduce those messages byte for byte from a token.
package lexer

import "fmt"

// Kind says what a [Token] is.
type Kind uint8

const (
	EOF            Kind = iota // end of input; zero width
	Error                      // malformed text; see Token.Err
	Literal                    // a character standing for itself
	Escape                     // an escaped character: \n \x41 \x{263a} \101 \*
	QuoteStart                 // \Q: the text up to \E is literal
	QuoteEnd                   // \E closing a \Q
	PerlClass                  // \d \D \s \S \w \W
	UnicodeClass               // \pL \p{Greek} \PN \p{^Greek}
	PosixClass                 // [:alpha:] or [:^alpha:] inside brackets
	ClassOpen                  // [ or [^
	ClassRange                 // a-z inside brackets
	RangeDash                  // the - of a range whose upper end is malformed
	ClassClose                 // ] closing a class
	Dot                        // .
	Caret                      // ^
	Dollar                     // $
	BeginText                  // \A
	EndText                    // \z
	WordBoundary               // \b
	NoWordBoundary             // \B
	GroupOpen                  // ( opening a numbered capture
	NonCapture                 // (?: opening a group that captures nothing
	NamedGroup                 // (?P<name> or (?<name>
	FlagSet                    // (?i-s) changing flags up to the end of the group
	FlagGroup                  // (?i-s: opening a group with its own flags
	GroupClose                 // )
	Alternate                  // |
	Star                       // * or *?
	Plus                       // + or +?
	Quest                      // ? or ??
	Repeat                     // {n} {n,} {n,m}, optionally followed by ?
)

var kindNames = [...]string{
	EOF:            "EOF",
	Error:          "Error",
	Literal:        "Literal",
	Escape:         "Escape",
	QuoteStart:     "QuoteStart",
	QuoteEnd:       "QuoteEnd",
	PerlClass:      "PerlClass",
	UnicodeClass:   "UnicodeClass",
	PosixClass:     "PosixClass",
	ClassOpen:      "ClassOpen",
	ClassRange:     "ClassRange",
	RangeDash:      "RangeDash",
	ClassClose:     "ClassClose",
	Dot:            "Dot",
	Caret:          "Caret",
	Dollar:         "Dollar",
	BeginText:      "BeginText",
	EndText:        "EndText",
	WordBoundary:   "WordBoundary",
	NoWordBoundary: "NoWordBoundary",
	GroupOpen:      "GroupOpen",
	NonCapture:     "NonCapture",
	NamedGroup:     "NamedGroup",
	FlagSet:        "FlagSet",
	FlagGroup:      "FlagGroup",
	GroupClose:     "GroupClose",
	Alternate:      "Alternate",
	Star:           "Star",
	Plus:           "Plus",
	Quest:          "Quest",
	Repeat:         "Repeat",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// ErrorKind says what is wrong with an [Error] token. Each kind matches one
// of the standard library's error codes; the lexer cannot name them itself
// because regexp/syntax imports this package.
type ErrorKind uint8

const (
	NoError                ErrorKind = iota
	ErrInvalidUTF8                   // a byte that does not start valid UTF-8
	ErrTrailingBackslash             // \ at the end of the pattern
	ErrInvalidEscape                 // \q, \8, \x{110000}, ...
	ErrInvalidCharRange              // z-a, [:bogus:], \p{Bogus}, or a misplaced - outside Perl mode
	ErrMissingBracket                // the input ends inside [...]
	ErrInvalidNamedCapture           // (?P<bad name> or a name without >
	ErrInvalidPerlOp                 // (?x), (?i-, (?P=name)
	ErrInvalidRepeatSize             // {1001} or {3,2}
)

var errorKindNames = [...]string{
	NoError:                "NoError",
	ErrInvalidUTF8:         "InvalidUTF8",
	ErrTrailingBackslash:   "TrailingBackslash",
	ErrInvalidEscape:       "InvalidEscape",
	ErrInvalidCharRange:    "InvalidCharRange",
	ErrMissingBracket:      "MissingBracket",
	ErrInvalidNamedCapture: "InvalidNamedCapture",
	ErrInvalidPerlOp:       "InvalidPerlOp",
	ErrInvalidRepeatSize:   "InvalidRepeatSize",
}

func (e ErrorKind) String() string {
	if int(e) < len(errorKindNames) {
		return errorKindNames[e]
	}
	return fmt.Sprintf("ErrorKind(%d)", e)
}

// A Token is one piece of a pattern: the bytes [Pos, End) of the input.
//
// Only the fields its Kind names are meaningful.
type Token struct {
	Kind     Kind
	Pos, End int

	// Rune is the character of a Literal or Escape token and the low end
	// of a ClassRange; Hi is the high end of a ClassRange.
	Rune, Hi rune

	// Min and Max are the counts of a Repeat token (Max == -1: no upper
	// bound). NonGreedy reports that a Star, Plus, Quest or Repeat token
	// ends with the ? that flips greediness (Perl syntax only).
	Min, Max  int
	NonGreedy bool

	// Negated reports a ClassOpen written [^, a PerlClass \D \S \W, a
	// UnicodeClass whose sense is inverted by \P or a leading ^ (\P{^L}
	// is not negated), or a PosixClass [:^name:].
	Negated bool

	// Name is the group name of a NamedGroup, the table name of a
	// UnicodeClass (without braces or ^), the name of a PosixClass
	// (without [: ^ :]), the letter of a PerlClass, and the flag letters
	// of a FlagSet or FlagGroup (such as "i-s").
	Name string

	// Err says what is wrong with an Error token. ExprPos and ExprEnd
	// delimit the text the standard library quotes in its message for
	// this mistake, which is not always the token itself: for invalid
	// UTF-8 it runs from the bad byte to the end of the enclosing text.
	Err              ErrorKind
	ExprPos, ExprEnd int
}

// Options select the syntax the lexer recognises. They mirror the parser
// flags of regexp/syntax that change how text is split into tokens.
type Options struct {
	// PerlX enables \d \s \w, \A \z \b \B, \Q...\E, (?...) groups and
	// flags, and the non-greedy forms *? +? ?? {n,m}?.
	PerlX bool
	// UnicodeGroups enables \pN and \p{Name}.
	UnicodeGroups bool
	// Literal makes every character a Literal token.
	Literal bool
}
