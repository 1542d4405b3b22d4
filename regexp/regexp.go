package regexp

import (
	"strconv"

	"github.com/rerepl/rerepl/internal/meta"
	"github.com/rerepl/rerepl/internal/testhook"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// Regexp is a compiled regular expression. Its methods are safe for
// concurrent use by many goroutines, except [Regexp.Longest], which changes
// the value.
type Regexp struct {
	expr        string   // the pattern as given to Compile
	numSubexp   int      // number of capturing groups, as written
	subexpNames []string // names by group number; [0] is always ""
	longest     bool     // leftmost-longest rather than leftmost-first
	posix       bool     // compiled by CompilePOSIX

	// state holds, as its one element beyond its length, the strategy
	// layer's compiled pattern, which runs the searches and builds the
	// program, the engines and the strategy on first use (see exec). It
	// is shared by copies made with Copy, which differ only in longest.
	//
	// An empty slice keeps reflect.DeepEqual true for two Regexps
	// compiled from the same pattern in the same mode, used or not, as
	// it is for the standard library's: DeepEqual compares slices up to
	// their length, so it never looks at the lazily built parts, which
	// differ between a used Regexp and an unused one. The parts that
	// tell patterns apart (expr, groups, longest, posix) are fields of
	// their own.
	state []meta.Regexp
}

// exec returns the strategy layer's compiled pattern.
func (re *Regexp) exec() *meta.Regexp {
	return &re.state[:1][0]
}

// Compile parses a regular expression and, if it is valid, returns a
// [Regexp] that finds it in text.
//
// Matches are leftmost-first: a search returns the match that starts
// earliest in the text and, among those, the one a backtracking matcher
// that tries alternatives and repetitions in the order written would reach
// first, as in Perl and Python. No backtracking is actually done. See
// [CompilePOSIX] for leftmost-longest matching.
func Compile(expr string) (*Regexp, error) {
	return compile(expr, syntax.Perl, false)
}

// CompilePOSIX is like [Compile] but accepts only POSIX ERE (egrep)
// syntax and makes matches leftmost-longest: a search returns the match
// that starts earliest and, among those, the longest one.
//
// Several submatch choices can give the same longest match. POSIX asks for
// the one that makes the first group as long as possible, then the second,
// and so on; this package instead reports the choice a backtracking matcher
// would reach first, like the standard library, because the POSIX rule is
// costly to compute and ambiguous (https://swtch.com/~rsc/regexp/regexp2.html#posix).
func CompilePOSIX(expr string) (*Regexp, error) {
	return compile(expr, syntax.POSIX, true)
}

// MustCompile is like [Compile] but panics if the pattern does not parse.
// It is meant for initializing global variables from pattern literals.
func MustCompile(str string) *Regexp {
	re, err := Compile(str)
	if err != nil {
		panic(`regexp: Compile(` + quote(str) + `): ` + err.Error())
	}
	return re
}

// MustCompilePOSIX is like [CompilePOSIX] but panics if the pattern does
// not parse. It is meant for initializing global variables from pattern
// literals.
func MustCompilePOSIX(str string) *Regexp {
	re, err := CompilePOSIX(str)
	if err != nil {
		panic(`regexp: CompilePOSIX(` + quote(str) + `): ` + err.Error())
	}
	return re
}

// quote writes s as a Go string literal for panic messages, preferring the
// raw form because patterns are full of backslashes.
func quote(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// compile turns expr into a Regexp: parse under flags, record the groups
// as written, simplify (counted repetitions lose groups such as (a){0},
// which is why the groups are recorded first), then set up the pattern
// of the strategy layer, internal/meta, which builds the program, the
// engines and the strategy when searches first need them.
//
// A stage after parsing may reject the pattern by panicking with a
// [*syntax.Error], as the parser does internally; compile returns that
// error. Any other panic is a bug and keeps unwinding with its original
// value, so that it crashes loudly (and is a crash under -fuzz) rather
// than becoming an error that hides it.
func compile(expr string, flags syntax.Flags, longest bool) (*Regexp, error) {
	return compileConfig(expr, flags, longest, meta.Config{})
}

// compileConfig is compile with a configuration of the strategy layer:
// tests force engines and strategies through it.
func compileConfig(expr string, flags syntax.Flags, longest bool, cfg meta.Config) (_ *Regexp, err error) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		serr, ok := v.(*syntax.Error)
		if !ok {
			panic(v)
		}
		err = serr
	}()
	tree, err := syntax.Parse(expr, flags)
	if err != nil {
		return nil, err
	}
	// One allocation holds the Regexp and its compiled pattern; copies
	// made by Copy point to the same one.
	c := &struct {
		re Regexp
		x  [1]meta.Regexp
	}{re: Regexp{
		expr:        expr,
		numSubexp:   tree.MaxCap(),
		subexpNames: tree.CapNames(),
		longest:     longest,
		posix:       flags == syntax.POSIX,
	}}
	re := &c.re
	tree = tree.Simplify()
	compileStage(testhook.StageSimplify)
	if err := c.x[0].Init(tree, re.numSubexp, cfg); err != nil {
		return nil, err
	}
	re.state = c.x[:0]
	compileStage(testhook.StageExecutor)
	return re, nil
}

// compileStage marks the end of a stage of compilation in compile, for the
// tests that inject failures there (see package testhook); internal/meta
// marks the stages of its lazy preparation.
func compileStage(stage string) {
	if testhook.Compile != nil {
		testhook.Compile(stage)
	}
}

// String returns the pattern the [Regexp] was compiled from.
func (re *Regexp) String() string {
	return re.expr
}

// Copy returns a new [Regexp] with the same pattern and settings as re.
// Calling [Regexp.Longest] on one copy leaves the others unchanged.
//
// Deprecated: a [Regexp] can be shared by goroutines without copying; Copy
// is only useful to get two values with different [Regexp.Longest] settings.
func (re *Regexp) Copy() *Regexp {
	c := *re
	return &c
}

// Longest makes later searches with re return leftmost-longest matches:
// the match that starts earliest and, among those, the longest one.
// Longest changes re, so it must not be called while other goroutines use re.
func (re *Regexp) Longest() {
	re.longest = true
}

// NumSubexp returns the number of capturing groups in the pattern.
func (re *Regexp) NumSubexp() int {
	return re.numSubexp
}

// SubexpNames returns the names of the capturing groups, indexed by group
// number: names[i] names the group whose match is at index i of a Submatch
// result. names[0] stands for the whole match and is always "", as is the
// name of an unnamed group. The caller must not modify the slice.
func (re *Regexp) SubexpNames() []string {
	return re.subexpNames
}

// SubexpIndex returns the number of the first (leftmost) capturing group
// named name, or -1 if no group has that name. A name may be used by several
// groups, as in (?P<x>a)(?P<x>b); the empty name matches no group.
func (re *Regexp) SubexpIndex(name string) int {
	if name == "" {
		return -1
	}
	for i, n := range re.subexpNames {
		if n == name {
			return i
		}
	}
	return -1
}

// LiteralPrefix returns a string that every match of re begins with, and
// whether that string is the whole of what re matches (in which case the
// pattern has no metacharacters that matter). The prefix is the same one
// the standard library reports for the pattern.
func (re *Regexp) LiteralPrefix() (prefix string, complete bool) {
	return re.exec().LiteralPrefix()
}

// MatchString reports whether s contains a match of re.
func (re *Regexp) MatchString(s string) bool {
	return re.matchString(s)
}

// Match reports whether b contains a match of re.
func (re *Regexp) Match(b []byte) bool {
	return re.match(b)
}

// MatchString reports whether s contains a match of pattern. It compiles
// pattern on every call; compile once with [Compile] to search repeatedly.
func MatchString(pattern string, s string) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchString(s), nil
}

// Match reports whether b contains a match of pattern. It compiles pattern
// on every call; compile once with [Compile] to search repeatedly.
func Match(pattern string, b []byte) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.Match(b), nil
}
