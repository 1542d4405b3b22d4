package regexp

import (
	"errors"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/meta"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testhook"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// These tests check the crash guarantee: a panic that is not a
// *syntax.Error, raised anywhere in parsing or compilation, escapes every
// compiling function with its original value, while a *syntax.Error raised
// by a stage of compilation becomes the error Compile returns. Each test
// compares the value that escapes with the very value injected, so a
// compile that swallowed the panic (returning normally or with an error)
// or replaced it with another value fails them.

// A foreignPanic is a value no package code knows of; tests panic with a
// pointer to one, so that == compares identities.
type foreignPanic struct{ where string }

// An injection makes the hook fail in one way, and records in *hit the
// value it panicked with as it left the hook.
type injection struct {
	name   string
	inject func(hit *any)
}

var injections = []injection{
	{"index out of range", func(hit *any) {
		defer recordPanic(hit)
		var table []int
		n := len(table) + 3
		_ = table[n] // a real runtime error, raised by the runtime
	}},
	{"nil map write", func(hit *any) {
		defer recordPanic(hit)
		var m map[string]int
		m["x"]++ // a real runtime error, raised by the runtime
	}},
	{"foreign pointer", func(hit *any) {
		v := &foreignPanic{"hook"}
		*hit = v
		panic(v)
	}},
}

// recordPanic, deferred, stores the panic in flight in *hit and lets it
// continue unchanged.
func recordPanic(hit *any) {
	v := recover()
	*hit = v
	panic(v)
}

// compilers are the four exported ways to compile a pattern, the Must
// forms given the signature of the others.
var compilers = []struct {
	name    string
	compile func(expr string) (*Regexp, error)
}{
	{"Compile", Compile},
	{"CompilePOSIX", CompilePOSIX},
	{"MustCompile", func(expr string) (*Regexp, error) { return MustCompile(expr), nil }},
	{"MustCompilePOSIX", func(expr string) (*Regexp, error) { return MustCompilePOSIX(expr), nil }},
}

// anyPanic runs f and returns the value it panics with, or nil when it
// returns normally. Unlike panicValue it also catches runtime errors,
// which are what these tests inject.
func anyPanic(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

// withParseHook and withCompileHook run f with a test hook set.
func withParseHook(hook func(pos int), f func()) {
	old := testhook.Parse
	testhook.Parse = hook
	defer func() { testhook.Parse = old }()
	f()
}

func withCompileHook(hook func(stage string), f func()) {
	old := testhook.Compile
	testhook.Compile = hook
	defer func() { testhook.Compile = old }()
	f()
}

// hookPattern is valid under both Perl and POSIX syntax, has a token at
// position 3 and is small, so Compile leaves building its program to the
// first search.
const hookPattern = `ab(c|d)+e`

// hookSubject is the text the search-stage tests search: longer than a
// warm-up search (see warmUp), so that the first search builds every
// stage, the strategy included.
var hookSubject = strings.Repeat("x", meta.WarmUpMaxLen+1) + "abcde"

// largePattern returns a pattern valid under both Perl and POSIX syntax
// whose program neither nfa.StatesBound nor nfa.RuneStatesBound can rule
// out being over the state limit, so that Compile builds its program at
// once to find out; the program itself is small, since the class is a few
// dozen ASCII bytes (one state).
func largePattern(t *testing.T) string {
	var b strings.Builder
	b.WriteString("[")
	for r := rune(0x22); r < 0x7f; r += 2 {
		if r != '\\' && r != '^' {
			b.WriteRune(r)
		}
	}
	b.WriteString("]{1000}")
	expr := b.String()
	for _, flags := range []syntax.Flags{syntax.Perl, syntax.POSIX} {
		tree, err := syntax.Parse(expr, flags)
		if err != nil {
			t.Fatal(err)
		}
		tree = tree.Simplify()
		if nfa.StatesBound(tree) <= nfa.DefaultMaxStates || nfa.RuneStatesBound(tree) <= nfa.DefaultMaxStates {
			t.Fatal("the large pattern's program is now built on first search: pick a pattern with larger bounds")
		}
	}
	return expr
}

// compileStages are the stages Compile runs, each with a pattern that
// reaches it within Compile.
func compileStages(t *testing.T) []struct{ stage, pattern string } {
	return []struct{ stage, pattern string }{
		{testhook.StageSimplify, hookPattern},
		{testhook.StageProgram, largePattern(t)},
		{testhook.StageExecutor, hookPattern},
	}
}

// searchStages are the stages that run on the first search of a pattern
// as small as hookPattern.
var searchStages = []string{testhook.StageProgram, testhook.StageEngines, testhook.StageStrategy}

// checkEscapes requires that run panicked with exactly the value the hook
// injected.
func checkEscapes(t *testing.T, got, injected any) {
	t.Helper()
	switch {
	case injected == nil:
		t.Fatal("the hook never ran, so nothing was injected")
	case got == nil:
		t.Fatalf("returned normally after the hook panicked with %v", injected)
	case got != injected:
		t.Fatalf("panicked with %v (%T), want the injected %v (%T) unchanged", got, got, injected, injected)
	}
	if _, isPointer := injected.(*foreignPanic); !isPointer {
		if _, ok := got.(runtime.Error); !ok {
			t.Fatalf("panicked with %T, want the runtime.Error", got)
		}
	}
}

func TestParsePanicEscapesCompile(t *testing.T) {
	for _, inj := range injections {
		for _, c := range compilers {
			t.Run(inj.name+"/"+c.name, func(t *testing.T) {
				var injected, got any
				withParseHook(func(pos int) {
					if pos == 3 {
						inj.inject(&injected)
					}
				}, func() { got = anyPanic(func() { c.compile(hookPattern) }) })
				checkEscapes(t, got, injected)
			})
		}
	}
}

func TestCompilePanicEscapesCompile(t *testing.T) {
	for _, cs := range compileStages(t) {
		for _, inj := range injections {
			for _, c := range compilers {
				t.Run(cs.stage+"/"+inj.name+"/"+c.name, func(t *testing.T) {
					var injected, got any
					withCompileHook(func(s string) {
						if s == cs.stage {
							inj.inject(&injected)
						}
					}, func() { got = anyPanic(func() { c.compile(cs.pattern) }) })
					checkEscapes(t, got, injected)
				})
			}
		}
	}
}

// TestSearchPanicEscapesSearch covers the stages built on the first
// search: the search has no error to return, so every panic, even a
// *syntax.Error, must escape it unchanged. The search asks for groups, so
// it needs every stage, the NFA engines included (a search for bounds
// alone may not), and its text is too long to warm up on.
func TestSearchPanicEscapesSearch(t *testing.T) {
	values := append(append([]injection(nil), injections...), injection{"*syntax.Error", func(hit *any) {
		v := &syntax.Error{Code: syntax.ErrInternalError, Expr: hookPattern, Pattern: hookPattern}
		*hit = v
		panic(v)
	}})
	for _, stage := range searchStages {
		for _, inj := range values {
			for _, c := range compilers {
				t.Run(stage+"/"+inj.name+"/"+c.name, func(t *testing.T) {
					var injected, got any
					withCompileHook(func(s string) {
						if s == stage {
							inj.inject(&injected)
						}
					}, func() {
						re, err := c.compile(hookPattern)
						if err != nil {
							t.Fatal(err)
						}
						got = anyPanic(func() { re.FindStringSubmatchIndex(hookSubject) })
					})
					if _, isErr := injected.(*syntax.Error); isErr {
						if got != injected {
							t.Fatalf("MatchString panicked with %v, want the injected *syntax.Error", got)
						}
						return
					}
					checkEscapes(t, got, injected)
				})
			}
		}
	}
}

// TestSearchPanicLeavesUnprepared checks that a panic while a search
// prepares the engines does not leave them half built: the next search
// prepares again, and with the bug gone it answers.
func TestSearchPanicLeavesUnprepared(t *testing.T) {
	for _, stage := range searchStages {
		t.Run(stage, func(t *testing.T) {
			re := MustCompile(hookPattern)
			boom := &struct{ stage string }{stage}
			var got any
			withCompileHook(func(s string) {
				if s == stage {
					panic(boom)
				}
			}, func() {
				got = anyPanic(func() { re.FindStringSubmatchIndex(hookSubject) })
				if again := anyPanic(func() { re.FindStringSubmatchIndex(hookSubject) }); again != boom {
					t.Errorf("second search panicked with %v, want the same injected value", again)
				}
			})
			if got != boom {
				t.Fatalf("first search panicked with %v, want the injected value", got)
			}
			// "abcde" after the x's; the group's last iteration, "d",
			// third from its start.
			n := len(hookSubject) - len("abcde")
			if got, want := re.FindStringSubmatchIndex(hookSubject), []int{n, n + 5, n + 3, n + 4}; !slices.Equal(got, want) {
				t.Errorf("after the hook is gone, FindStringSubmatchIndex = %v, want %v", got, want)
			}
		})
	}
}

// TestCompileStageErrorIsReturned checks the other half of the guarantee:
// a *syntax.Error raised in any stage of compilation is the error Compile
// and CompilePOSIX return, and the Must forms panic with the usual message
// built from it.
func TestCompileStageErrorIsReturned(t *testing.T) {
	for _, cs := range compileStages(t) {
		t.Run(cs.stage, func(t *testing.T) {
			pattern := cs.pattern
			injected := &syntax.Error{
				Code:    syntax.ErrLarge,
				Expr:    pattern,
				Span:    syntax.Span{Start: 0, End: len(pattern)},
				Pattern: pattern,
			}
			hook := func(s string) {
				if s == cs.stage {
					panic(injected)
				}
			}
			withCompileHook(hook, func() {
				for _, compile := range []func(string) (*Regexp, error){Compile, CompilePOSIX} {
					var re *Regexp
					var err error
					if v := anyPanic(func() { re, err = compile(pattern) }); v != nil {
						t.Fatalf("compile panicked with %v, want the injected *syntax.Error returned", v)
					}
					if re != nil {
						t.Errorf("compile returned a Regexp along with the error")
					}
					var serr *syntax.Error
					if !errors.As(err, &serr) || serr != injected {
						t.Errorf("compile returned %v (%T), want the injected *syntax.Error", err, err)
					}
				}
				must := []struct {
					run  func(string) *Regexp
					want string
				}{
					{MustCompile, "regexp: Compile(" + quote(pattern) + "): " + injected.Error()},
					{MustCompilePOSIX, "regexp: CompilePOSIX(" + quote(pattern) + "): " + injected.Error()},
				}
				for _, m := range must {
					v := anyPanic(func() { m.run(pattern) })
					if msg, ok := v.(string); !ok || msg != m.want {
						t.Errorf("Must form panicked with %#v, want %q", v, m.want)
					}
				}
			})
		})
	}
}

// TestHooksUnsetCompile checks that the hook pattern compiles and matches
// once the hooks are restored, so that the tests above measured the
// injection and not a broken pattern.
func TestHooksUnsetCompile(t *testing.T) {
	if testhook.Parse != nil || testhook.Compile != nil {
		t.Fatal("a test hook was left set")
	}
	re := MustCompile(hookPattern)
	if !re.MatchString("abcdce") {
		t.Errorf("%s does not match abcdce", hookPattern)
	}
	MustCompilePOSIX(hookPattern)
}
