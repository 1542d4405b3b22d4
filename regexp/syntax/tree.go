package syntax

// A Span is a half-open range [Start, End) of byte offsets into the
// pattern text. Every node of the syntax tree and every [Error] carries
// one, so tools can point at the piece of the pattern they talk about.
type Span struct {
	Start, End int
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether t lies inside s.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// A Regexp is a node in a regular expression syntax tree.
//
// The fields mirror those of the standard library's regexp/syntax.Regexp,
// so code written against that type reads the same here; Span is new.
type Regexp struct {
	Op       Op         // operator
	Flags    Flags      // flags in effect when the node was parsed
	Sub      []*Regexp  // subexpressions, if any
	Sub0     [1]*Regexp // storage for short Sub
	Rune     []rune     // matched runes, for OpLiteral, OpCharClass
	Rune0    [2]rune    // storage for short Rune
	Min, Max int        // min, max for OpRepeat
	Cap      int        // capturing index, for OpCapture
	Name     string     // capturing name, for OpCapture
	Span     Span       // the pattern text this node was parsed from
}

//go:generate stringer -type Op -trimprefix Op

// An Op is a single regular expression operator.
//
// Operators are listed from the tightest binding to the weakest, and the
// character operators from the simplest to the most general.
type Op uint8

const (
	OpNoMatch        Op = 1 + iota // matches no strings
	OpEmptyMatch                   // matches the empty string
	OpLiteral                      // matches the Rune sequence
	OpCharClass                    // matches one rune in Rune, read as sorted lo-hi pairs
	OpAnyCharNotNL                 // matches any rune except newline
	OpAnyChar                      // matches any rune
	OpBeginLine                    // empty, at the beginning of a line
	OpEndLine                      // empty, at the end of a line
	OpBeginText                    // empty, at the beginning of the text
	OpEndText                      // empty, at the end of the text
	OpWordBoundary                 // empty, at an ASCII word boundary \b
	OpNoWordBoundary               // empty, not at an ASCII word boundary \B
	OpCapture                      // capturing group Cap, with optional Name, around Sub[0]
	OpStar                         // Sub[0] zero or more times
	OpPlus                         // Sub[0] one or more times
	OpQuest                        // Sub[0] zero or one time
	OpRepeat                       // Sub[0] from Min to Max times (Max == -1: no limit)
	OpConcat                       // the Subs one after another
	OpAlternate                    // one of the Subs, preferring earlier ones
)

// opPseudo is where the parser's private stack markers start.
const opPseudo Op = 128

// Flags control the parser and record the context a node was parsed in.
type Flags uint16

const (
	FoldCase      Flags = 1 << iota // case-insensitive match
	Literal                         // the whole pattern is a literal string
	ClassNL                         // classes like [^a-z] and [[:space:]] may match newline
	DotNL                           // . matches newline
	OneLine                         // ^ and $ match only at the beginning and end of the text
	NonGreedy                       // repetitions are non-greedy unless marked with ?
	PerlX                           // Perl extensions: \d, (?:...), non-greedy operators, ...
	UnicodeGroups                   // \p{Han} and \P{Han} are allowed
	WasDollar                       // this OpEndText came from $, not \z
	Simple                          // this subtree has no counted repetition

	MatchNL = ClassNL | DotNL

	Perl        = ClassNL | OneLine | PerlX | UnicodeGroups // as close to Perl as possible
	POSIX Flags = 0                                         // POSIX ERE syntax
)
