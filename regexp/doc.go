// Package regexp searches text for regular expressions. It is a drop-in
// replacement for the standard library's regexp package: the exported names,
// their signatures and their results are the same, so switching is a change
// of import path.
//
// The pattern syntax is RE2's, the standard library's; package
// [github.com/rerepl/rerepl/regexp/syntax] describes it in full, from
// single characters to Unicode classes. Every search runs in time linear in the length of the
// input (times the size of the pattern): no pattern can make a search
// backtrack exponentially.
//
// Text is UTF-8. Where the input is not valid UTF-8, each byte at which
// decoding fails is read as one U+FFFD of width 1, as [utf8.DecodeRune]
// reads it; matches never start inside a valid multi-byte sequence.
//
// # Switching from the standard library
//
// Replacing the import path "regexp" by "github.com/rerepl/rerepl/regexp"
// changes no result: every pattern is accepted or rejected as before,
// every search returns the same matches and groups, including
// leftmost-longest ones and on invalid UTF-8, and error messages have the
// same text. What does change:
//
//   - Errors. A pattern that fails to compile gives a
//     *[github.com/rerepl/rerepl/regexp/syntax.Error]: the standard
//     library's Code and Expr, plus the Span of the offending piece, the
//     Pattern, and a Caret method that draws carets under the piece. Find it
//     with [errors.As]. errors.As into the standard library's
//     *regexp/syntax.Error also succeeds, with the same Code and Expr, so
//     code that tests e.Code == syntax.ErrMissingParen keeps working; a
//     type assertion err.(*syntax.Error) to the standard library's type
//     does not, since the error is not of that type.
//   - The syntax package. No function or method of this package takes or
//     returns a syntax type, so a program that also imports the standard
//     library's regexp/syntax, to look inside patterns itself, may keep it.
//     This module's regexp/syntax stands in for it, with the same trees,
//     flags and errors, and adds a Span to every node.
//   - Equality. [reflect.DeepEqual] of two [Regexp] values compiled from the
//     same pattern in the same way is true, whether or not they have been
//     used, as with the standard library.
//   - Readers. [Regexp.MatchReader], [Regexp.FindReaderIndex] and
//     [Regexp.FindReaderSubmatchIndex] return the same answers, but may read
//     a different amount of the [io.RuneReader] past the match than the
//     standard library does; do not rely on the reader's position after
//     the call.
//   - Cost. Searching is faster, and Compile too; the first search of a
//     freshly compiled pattern costs more, since the search machinery is
//     built then. Compile once and reuse the [Regexp].
//   - One addition. [Set] ([CompileSet]) searches for many patterns in
//     one pass and reports which of them match, each exactly as
//     [Regexp.Match] would; the standard library has nothing like it.
//
// # Method names
//
// Sixteen methods of [Regexp] find matches. Their names follow the pattern
//
//	Find(All)?(String)?(Submatch)?(Index)?
//
// All: the method returns every successive non-overlapping match, not just
// the leftmost one, as a slice of what the single-match method returns. An
// empty match that touches the end of the previous match is not reported.
// These methods take a count n: when n >= 0 at most n matches are returned.
//
// String: the input is a string rather than a []byte, and so are the
// returned texts.
//
// Submatch: the result also identifies what each parenthesized
// subexpression (capturing group) matched. Groups are numbered by the order
// of their opening parentheses, from 1; number 0 is the whole match.
//
// Index: the result gives byte offsets into the input rather than text.
// Group n is at result[2*n : 2*n+2]. A group that took no part in the match
// has offsets -1, or nil text; for the String forms an empty string stands
// for both "no match" and "matched the empty string".
//
// [Regexp.MatchReader], [Regexp.FindReaderIndex] and
// [Regexp.FindReaderSubmatchIndex] read their text from an [io.RuneReader].
//
// # Match semantics
//
// [Compile] gives leftmost-first matches: the match that starts earliest,
// and among those the one a backtracking matcher trying alternatives in
// order would find first (the semantics of Perl and Python). [CompilePOSIX]
// and [Regexp.Longest] give leftmost-longest matches instead: the earliest
// start, then the greatest length; the submatches reported for such a match
// are those a backtracking matcher would find first among the longest ones,
// not the ones POSIX prescribes.
package regexp
