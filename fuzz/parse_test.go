package fuzz

import (
	std "regexp"
	stdsyntax "regexp/syntax"
	"testing"

	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// parseFlagSets are the flag combinations FuzzParse tries every pattern
// under: the two the regexp package uses, and the others that change how
// text is read (case folding, literal mode, dot and newline, greediness,
// Perl extensions without Unicode classes and the reverse).
var parseFlagSets = []syntax.Flags{
	syntax.Perl,
	syntax.POSIX,
	syntax.Perl | syntax.FoldCase,
	syntax.Perl | syntax.Literal,
	syntax.Perl | syntax.DotNL | syntax.NonGreedy,
	syntax.POSIX | syntax.UnicodeGroups | syntax.FoldCase,
	syntax.MatchNL | syntax.PerlX,
	syntax.Perl &^ syntax.OneLine,
}

// maxParsePattern bounds the patterns FuzzParse compiles. Parsing is
// cheap at any length, but a longer pattern only repeats what a shorter one
// exercises and slows every execution.
const maxParsePattern = 1000

// FuzzParse feeds any byte string to the parser and to Compile and
// CompilePOSIX, and checks them against the standard library: never a
// panic; an error exactly when the standard library errs, with the same
// text; every error a *syntax.Error whose span lies inside the pattern;
// the same tree as the standard library's, and the same String.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, pattern string) {
		if len(pattern) > maxParsePattern {
			t.Skip("pattern too long")
		}
		for _, flags := range parseFlagSets {
			checkParse(t, pattern, flags)
		}
		if testutil.ProgramCost(pattern) <= maxCompileCost {
			checkCompile(t, "Compile", pattern, compileOurs, compileStd)
			checkCompile(t, "CompilePOSIX", pattern, compileOursPOSIX, compileStdPOSIX)
		}
	})
}

// checkParse compares syntax.Parse with the standard library's under flags.
func checkParse(t *testing.T, pattern string, flags syntax.Flags) {
	t.Helper()
	want, wantErr := stdsyntax.Parse(pattern, stdsyntax.Flags(flags))
	got, err := syntax.Parse(pattern, flags)
	if err != nil || wantErr != nil {
		if err == nil || wantErr == nil || err.Error() != wantErr.Error() {
			t.Fatalf("Parse(%q, %#x): error %v, standard library %v", pattern, flags, err, wantErr)
		}
		checkErrorSpan(t, "Parse", pattern, err)
		return
	}
	if !got.Equal(testutil.FromStd(want)) {
		t.Fatalf("Parse(%q, %#x) = %s, standard library %s", pattern, flags, got, want)
	}
	// The printed form is the standard library's, character for character.
	if text, wantText := got.String(), want.String(); text != wantText {
		t.Fatalf("Parse(%q, %#x).String() = %q, standard library %q", pattern, flags, text, wantText)
	}
}

// checkErrorSpan checks that err is a *syntax.Error about pattern whose
// span lies inside it, so a caret drawn under it points at real text.
func checkErrorSpan(t *testing.T, call, pattern string, err error) {
	t.Helper()
	serr, ok := err.(*syntax.Error)
	if !ok {
		t.Fatalf("%s(%q): error is %T, want *syntax.Error", call, pattern, err)
	}
	if serr.Pattern != pattern {
		t.Fatalf("%s(%q): error names pattern %q", call, pattern, serr.Pattern)
	}
	if s := serr.Span; s.Start < 0 || s.Start > s.End || s.End > len(pattern) {
		t.Fatalf("%s(%q): error span [%d, %d) outside the pattern of %d bytes",
			call, pattern, s.Start, s.End, len(pattern))
	}
}

// checkCompile compares one of our compile functions with the standard
// library's: both succeed, or both fail with the same message.
func checkCompile(t *testing.T, call, pattern string, ours func(string) (*regexp.Regexp, error), theirs func(string) (*std.Regexp, error)) {
	t.Helper()
	got, err := ours(pattern)
	want, wantErr := theirs(pattern)
	if err != nil || wantErr != nil {
		if err == nil || wantErr == nil || err.Error() != wantErr.Error() {
			t.Fatalf("%s(%q): error %v, standard library %v", call, pattern, err, wantErr)
		}
		checkErrorSpan(t, call, pattern, err)
		return
	}
	if got.NumSubexp() != want.NumSubexp() {
		t.Fatalf("%s(%q).NumSubexp() = %d, standard library %d", call, pattern, got.NumSubexp(), want.NumSubexp())
	}
}

func compileOurs(p string) (*regexp.Regexp, error)      { return regexp.Compile(p) }
func compileOursPOSIX(p string) (*regexp.Regexp, error) { return regexp.CompilePOSIX(p) }
func compileStd(p string) (*std.Regexp, error)          { return std.Compile(p) }
func compileStdPOSIX(p string) (*std.Regexp, error)     { return std.CompilePOSIX(p) }
