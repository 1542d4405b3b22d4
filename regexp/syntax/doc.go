// Package syntax turns the text of a regular expression into a syntax
// tree, and describes the syntax that package
// [github.com/rerepl/rerepl/regexp] accepts. It stands in for the standard
// library's regexp/syntax: the names and the meaning of [Parse], [Regexp],
// [Op], [Flags], [Error] and [ErrorCode] are the same, the trees have the
// same shape, and errors have the same text. Most programs never import
// it: package regexp parses patterns itself. It is for tools that look
// inside patterns (linters, highlighters, other engines, the rerepl
// workbench).
//
// # What this package adds
//
// Every node of a tree carries a [Span]: the byte offsets of the pattern
// text it was parsed from, so a tool can point at the part of the pattern
// it talks about. [Regexp.Simplify] keeps spans on the nodes it rewrites.
//
// Parse errors are values of type *[Error], with the standard library's
// Code and Expr and, in addition, the Span of the offending piece and the
// whole Pattern. [Error.Caret] draws the pattern with carets under that
// piece, ready for a terminal:
//
//	_, err := syntax.Parse(`a(b|c`, syntax.Perl)
//	var e *syntax.Error
//	if errors.As(err, &e) {
//		fmt.Println(e.Caret())
//	}
//
// prints
//
//	a(b|c
//	 ^
//	missing closing )
//
// The same works for the errors of regexp.Compile and
// regexp.CompilePOSIX, which are *Error values. Code written for the
// standard library keeps working too: errors.As into the standard
// library's *regexp/syntax.Error succeeds, with the same Code and Expr
// (see [Error.As]); only the span and the caret need this package's type.
//
// # The syntax
//
// The syntax is that of the standard library's regexp, which is RE2's. A
// pattern is UTF-8 text and matches UTF-8 text; it is read one character
// (code point) at a time. What follows describes the syntax under the
// [Perl] flags, which is what regexp.Compile uses; the last section says
// what is different under [POSIX], what regexp.CompilePOSIX uses. In the
// examples, x and y stand for any pattern, n and m for decimal numbers.
//
// # Characters
//
// Most characters stand for themselves: the pattern hello matches the text
// hello. These have a special meaning:
//
//	\ . + * ? ( ) | [ { ^ $
//
// and a backslash before one of them matches it literally: \. matches a
// dot. The closing ] and } are ordinary characters outside a class, and so
// is a { that does not start a count, as in a{x} (see Repetition); they
// may be escaped all the same. A few characters stand for one of a set of
// characters:
//
//   - . (a dot) matches any character except a newline; with the s flag,
//     a newline too.
//   - [...] matches one character of a class, and [^...] one character
//     not in it; see Classes.
//   - \d, \s, \w and their capitals are the Perl classes; see Perl classes.
//   - \pL, \p{Greek} and \PL, \P{Greek} are Unicode classes; see Unicode
//     classes.
//
// # Sequences and alternatives
//
// Writing patterns one after another matches what the first matches
// followed by what the second matches: xy. A vertical bar separates
// alternatives: x|y matches what either matches. When both could match at
// the same place, x is preferred, so a|ab finds a in abc (leftmost-first
// matching; regexp.CompilePOSIX and Regexp.Longest prefer the longest
// match instead). An alternative may be empty: a(|b) matches a and ab.
//
// Repetition binds tightest, then sequence, then alternation: ab*|c is
// (a(b*))|c. Parentheses group a part of a pattern to change that.
//
// # Repetition
//
// An operator after a pattern repeats it:
//
//   - x* matches x any number of times, including none.
//   - x+ matches x one or more times.
//   - x? matches x or nothing.
//   - x{n} matches x exactly n times.
//   - x{n,} matches x n or more times.
//   - x{n,m} matches x at least n and at most m times.
//
// These prefer to repeat as often as they can (they are greedy); followed
// by ?, as in x*?, x+?, x??, x{n}?, x{n,}? and x{n,m}?, they prefer to
// repeat as few times as they can. The U flag swaps the two meanings.
//
// A count must be at most 1000, and so must the product of the counts of
// counted repetitions nested inside one another: x{1000} and (x{10}){100}
// are accepted, x{1001} and (x{2}){501} are not. The forms *, + and ?
// have no limit. In x{n,m}, n must not be greater than m. A brace that does
// not start one of the three count forms is an ordinary character, so
// a{,5} matches the text a{,5}.
//
// An operator needs something to repeat: * alone, (*) and a|* are errors.
// Two operators in a row, such as a** or a*+, are also rejected (Perl
// would read a*+ as a possessive repetition, which RE2 does not have);
// write (?:a*)* to repeat a repetition.
//
// # Groups
//
//   - (x) groups x and captures what it matched. Capturing groups are
//     numbered from 1 in the order of their opening parentheses; group 0
//     is the whole match.
//   - (?P<name>x) and (?<name>x) capture as (x) does and also name the
//     group. A name is one or more ASCII letters, digits and underscores;
//     two groups may have the same name.
//   - (?:x) groups x without capturing.
//   - (?flags) sets or clears flags from there to the end of the enclosing
//     group (or of the pattern).
//   - (?flags:x) sets or clears flags for x alone, and groups x without
//     capturing.
//
// The flags are letters:
//
//   - i: letters match regardless of case, using Unicode simple case
//     folding, so k also matches K and U+212A KELVIN SIGN.
//   - m: multi-line mode: ^ and $ also match at the start and the end of
//     every line, not only of the text.
//   - s: . also matches a newline.
//   - U: ungreedy: x* prefers fewer repetitions and x*? more, and likewise
//     for the other operators.
//
// All four are off at the start of a pattern. Letters before a minus sign
// are set and letters after it cleared: (?i) sets i, (?-i) clears it,
// (?im-s:x) sets i and m and clears s for x. A minus with no letter after
// it, as in (?i-), is an error.
//
// # Assertions
//
// These match the empty string, at certain places only:
//
//   - ^ matches at the start of the text; with the m flag, also just after
//     each newline.
//   - $ matches at the end of the text; with the m flag, also just before
//     each newline. Without m it does not match before a final newline,
//     as Perl's $ does: use \n?$ for that.
//   - \A matches at the start of the text, whatever the flags.
//   - \z matches at the end of the text, whatever the flags.
//   - \b matches at an ASCII word boundary: between a character of \w and
//     a character that is not in \w, or between a character of \w and the
//     start or the end of the text.
//   - \B matches wherever \b does not.
//
// Word boundaries are ASCII only: \bé does not match in " é".
//
// # Escapes
//
// A backslash followed by any ASCII character that is neither a letter nor
// a digit stands for that character: \. matches a dot, \\ a backslash,
// \$ a dollar sign, and a backslash before a space matches a space.
// Letters and digits after a backslash have the meanings below; any other,
// and any non-ASCII character after a backslash, is an error:
//
//   - \a, \f, \t, \n, \r and \v stand for bell (U+0007), form feed
//     (U+000C), tab, newline, carriage return and vertical tab (U+000B).
//   - \x41 is the character with the hexadecimal code 41 (exactly two
//     digits), and \x{10FFFF} the character with the code in braces (one
//     or more digits, up to 10FFFF).
//   - \0, \07, \012, \123: a backslash and up to three octal digits give
//     the character with that code. A single digit other than 0, such as
//     \1, is an error (it would be a back-reference in Perl).
//   - \Q starts literal text, which ends at \E or at the end of the
//     pattern: \Q1+1=2\E matches the text 1+1=2. An operator after \E
//     repeats only the last character of the text.
//   - \d, \D, \s, \S, \w, \W are the Perl classes, \p and \P the Unicode
//     classes, \A, \z, \b, \B the assertions above.
//
// # Classes
//
// A class in brackets matches one character. Inside the brackets are, in
// any order and any number:
//
//   - a character, such as a, or an escape for one, such as \n, \x{263A},
//     \] or \-;
//   - a range of characters, such as a-z or \x00-\x1F, from the first to
//     the last inclusive (the first must not come after the last);
//   - a Perl class, such as \d, or a Unicode class, such as \p{Greek} or
//     \PL;
//   - an ASCII class, such as [:alpha:], or its complement, such as
//     [:^alpha:].
//
// [^...] matches any character the class without the ^ does not match,
// including a newline. A ] right after the opening [ or [^ is an ordinary
// character, as is a - at the start or the end: []a] matches ] or a,
// and [a-] matches a or -. With the i flag, a class also matches the other
// cases of its letters. An ASCII class name is only special inside a
// class: the pattern [:alpha:] is a class of the characters :, a, l, p
// and h.
//
// # Perl classes
//
// These are ASCII only, as in RE2 and Go:
//
//   - \d: a digit, 0 to 9; \D: any other character.
//   - \s: a space, tab (\t), newline (\n), form feed (\f) or carriage
//     return (\r); \S: any other character. (\v is not in \s, though it is
//     in [[:space:]].)
//   - \w: an ASCII letter, a digit or an underscore; \W: any other
//     character.
//
// In a class they add their characters: [\d.] matches a digit or a dot,
// and [\D] is the same as \D.
//
// # ASCII classes
//
// These are written inside a class, as in [[:digit:]], and match only
// ASCII characters. By group:
//
//   - letters and digits: alpha (A-Z and a-z), upper (A-Z), lower (a-z),
//     digit (0-9), xdigit (0-9, A-F and a-f), alnum (letters and digits),
//     word (letters, digits and _, the same as \w).
//   - spacing: blank (space and tab), space (space, \t, \n, \v, \f, \r).
//   - visible characters: graph (every character from ! to ~), print
//     (graph and the space), punct (graph without letters and digits).
//   - the rest: cntrl (U+0000 to U+001F and U+007F, the control
//     characters), ascii (every character from U+0000 to U+007F).
//
// [:^name:] matches the ASCII and non-ASCII characters not in the class:
// [[:^digit:]] is the same as \D.
//
// # Unicode classes
//
// \pX, for a single letter X, matches a character of the Unicode general
// category X, such as \pL (letters) or \pN (numbers). \p{Name} matches a
// character of the category or script Name:
//
//   - a general category by its short name, one or two letters, such as
//     L, Lu, Nd or Zs, or by its long name, such as Letter,
//     Uppercase_Letter or Decimal_Number;
//   - a script, such as Greek, Latin, Han or Cyrillic;
//   - Any (every character), ASCII (U+0000 to U+007F), Cn (the code
//     points Unicode has not assigned), Assigned (all the others) and LC
//     (the cased letters: Lu, Ll and Lt together).
//
// Names are looked up without regard to case, spaces, underscores or
// hyphens, so \p{greek} and \p{uppercase letter} are accepted. \PX,
// \P{Name} and \p{^Name} match every character that \p{Name} does not.
// The tables are those of the Go toolchain's unicode package
// ([unicode.Version]), as in the standard library.
//
// # Not supported
//
// RE2 leaves out what cannot run in time linear in the text, and some
// Perl and PCRE syntax besides. These are errors: back-references (\1),
// look-ahead and look-behind ((?=x), (?!x), (?<=x), (?<!x)), possessive
// and atomic forms (x*+, (?>x)), comments ((?#...)), the x flag, \C (one
// byte), \Z, \G, \e, \cX, \N{...}, \o{...} and \uXXXX. The parser points
// at the piece it rejects (see [Error.Span]).
//
// A pattern that nests groups or repetitions more than 1000 deep fails
// with [ErrNestingDepth], and one whose compiled form would be too large
// with [ErrLarge], for the same patterns as the standard library.
//
// # POSIX syntax
//
// Under [POSIX] (regexp.CompilePOSIX), none of the Perl additions exist:
// no \d, \s, \w or their capitals, no \A, \z, \b, \B, no \Q...\E, no \p
// or \P, no group starting with (? (so no flags and no named or
// non-capturing groups), and no ? after a repetition to make it prefer
// fewer: a*? is (a*)?, and a** is accepted. ^ and $ match at the start
// and end of every line, as with the m flag; . and negated classes do not
// match a newline. Inside a class, a - right after a range, as in
// [a-b-c], is an error. The rest is as above.
//
// Flags other than [Perl] and [POSIX] mix these behaviours one by one;
// see [Flags].
//
// # Trees
//
// [Parse] returns the tree of a pattern, with literals merged (abc is one
// [OpLiteral]) and common prefixes of alternatives factored out (abc|abd
// is ab[cd]), exactly as the standard library's parser does.
// [Regexp.Simplify] rewrites counted repetitions into the other operators,
// and [Regexp.String] writes a tree back as a pattern.
package syntax
