package regexp

import (
	"strconv"

	"github.com/rerepl/rerepl/internal/meta"
)

// A Set is a set of regular expressions searched for together: it reports
// which of them match a text, reading the text once however many patterns
// there are. Log classifiers, secret scanners and content filters, which
// check text against hundreds of rules, are what it is for.
//
// Pattern i of a set matches a text exactly when MustCompile(exprs[i])
// matches it, with the same Perl syntax, the same reading of invalid
// UTF-8, case folding, anchors and empty matches. A set is safe for
// concurrent use by many goroutines, like a [Regexp].
//
// The patterns are compiled into one automaton, which the lazy DFA runs
// with every pattern's matches tracked to the end of the text (or until
// all patterns have matched). Its cache holds at most 10 MiB per
// concurrent search, what the DFA caches of a single [Regexp] may hold
// together. Where the DFA cannot answer alone, the patterns not yet found
// are asked one by one, each in time linear in the text: after its cache
// filled up too often, and on text with invalid UTF-8 for the patterns
// that can match an invalid byte (those with `.`, a negated class, or
// another class holding U+FFFD); the others are still answered in one
// pass.
//
// A Set says which patterns match, not where: it has no Find methods.
// Leftmost matches that name their pattern (a lexer's need) are left
// out, because a set's automaton keeps every pattern's threads alive and
// so does not carry the leftmost-first priorities a match position needs.
type Set struct {
	exprs []string
	x     *meta.Set
}

// CompileSet parses each of exprs as [Compile] does and, if all are valid,
// returns a [Set] that searches for them together.
//
// When a pattern does not parse, the error names its index and wraps the
// [*syntax.Error] that [Compile] returns for it, so [errors.As] finds that;
// its message is "regexp: pattern " followed by the index, ": " and
// Compile's message, for example
//
//	regexp: pattern 3: error parsing regexp: missing closing ): `(a`
//
// When the patterns are valid but together exceed the program-size limit,
// the error is a [*syntax.Error] of code [syntax.ErrLarge] with an empty
// Expr.
func CompileSet(exprs []string) (*Set, error) {
	res := make([]*meta.Regexp, len(exprs))
	for i, expr := range exprs {
		re, err := Compile(expr)
		if err != nil {
			return nil, &setError{index: i, err: err}
		}
		res[i] = re.exec()
	}
	x, err := meta.NewSet(res, meta.SetConfig{})
	if err != nil {
		return nil, err
	}
	return &Set{exprs: append([]string(nil), exprs...), x: x}, nil
}

// MustCompileSet is like [CompileSet] but panics if a pattern does not
// parse or the set is too large.
func MustCompileSet(exprs []string) *Set {
	s, err := CompileSet(exprs)
	if err != nil {
		panic(`regexp: CompileSet: ` + err.Error())
	}
	return s
}

// setError is the error of a pattern of a set that does not parse.
type setError struct {
	index int
	err   error
}

func (e *setError) Error() string {
	return "regexp: pattern " + strconv.Itoa(e.index) + ": " + e.err.Error()
}

// Unwrap returns the pattern's own error, a [*syntax.Error].
func (e *setError) Unwrap() error { return e.err }

// Len returns the number of patterns in the set.
func (s *Set) Len() int { return len(s.exprs) }

// Match reports whether b contains a match of any pattern of the set. It
// stops reading at the first match it is sure of.
func (s *Set) Match(b []byte) bool {
	return s.x.Match(b)
}

// MatchString reports whether str contains a match of any pattern of the
// set.
func (s *Set) MatchString(str string) bool {
	return s.x.Match(stringBytes(str))
}

// Matches returns the indices of the patterns that match b, in ascending
// order, or nil when none does.
func (s *Set) Matches(b []byte) []int {
	return s.x.Matches(b, nil)
}

// MatchesString returns the indices of the patterns that match str, in
// ascending order, or nil when none does.
func (s *Set) MatchesString(str string) []int {
	return s.x.Matches(stringBytes(str), nil)
}
