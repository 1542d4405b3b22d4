package regexp

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The standard library's own tests of regexp and regexp/syntax, run
// against our packages: TestStandardLibraryTests copies
// $GOROOT/src/regexp/*_test.go and $GOROOT/src/regexp/syntax/*_test.go
// into a temporary module that requires this checkout (by a replace
// directive), points their imports at our packages, and runs go test
// there. Nothing is committed; the files are read from the Go that runs
// the test, so a new Go release brings its new tests.
//
// The copied files of package regexp (and syntax) test the package from
// inside, naming its identifiers without a qualifier, so each copy gets a
// generated file that declares every exported name of ours under the same
// name (type aliases, constants, functions). Tests of unexported
// internals cannot compile against that and are left out by name, each
// with its reason, in stdTestExclusions (and docs/DROPIN.md).

// A stdTestExclusion is a declaration of a standard library test file
// that is not copied.
type stdTestExclusion struct {
	pkg, file, decl string // decl "" means the whole file
	why             string
}

// stdTestExclusions are the standard library's tests that cannot run
// against our packages: they call unexported code of the standard
// library's implementation, which ours does not have (ours has other
// engines). Everything else must pass.
var stdTestExclusions = []stdTestExclusion{
	{"regexp", "all_test.go", "TestOnePassCutoff", "calls compileOnePass, the standard library's one-pass analysis"},
	{"regexp", "all_test.go", "TestSwitchBacktrack", "needs maxBacktrackVector, the standard library's backtracker budget"},
	{"regexp", "all_test.go", "TestMinInputLen", "calls minInputLen, an unexported helper of the standard library"},
	{"regexp", "all_test.go", "BenchmarkQuoteMetaAll", "calls special, an unexported helper of QuoteMeta (a benchmark)"},
	{"regexp", "exec_test.go", "TestFowler", "compiles through the unexported compile(expr, syntax.POSIX|syntax.ClassNL, true), a mode no exported function offers"},
	{"regexp", "exec_test.go", "testFowler", "the body of TestFowler"},
	{"regexp", "exec_test.go", "BenchmarkMatch_onepass_regex", "reads the unexported field onepass (a benchmark)"},
	{"regexp", "onepass_test.go", "TestMergeRuneSet", "tests mergeRuneSets, part of the standard library's one-pass engine"},
	{"regexp", "onepass_test.go", "runeMergeTests", "the table of TestMergeRuneSet, which names the unexported mergeFailed"},
	{"regexp", "onepass_test.go", "TestCompileOnePass", "calls compileOnePass, the standard library's one-pass analysis"},
	{"regexp", "onepass_test.go", "TestRunOnePass", "reads the unexported field onepass"},
	{"regexp/syntax", "parse_test.go", "TestFoldConstants", "reads minFold and maxFold, unexported constants"},
	{"regexp/syntax", "parse_test.go", "TestAppendRangeCollapse", "calls appendRange, an unexported helper of the parser"},
}

// stdTestKnownFailures are standard library tests that compile and fail
// against our packages today: real incompatibilities, each with the work
// that fixes it. They run separately and must still fail; once one
// passes, TestStandardLibraryTests asks for it to be taken off this list,
// so the list cannot go stale.
var stdTestKnownFailures = []struct{ pkg, test, why string }{}

// stdTestPackages are the packages whose tests are copied: the path
// under $GOROOT/src, which is also the import path the tests use, and
// ours.
var stdTestPackages = []struct{ std, ours, dir string }{
	{"regexp", "github.com/rerepl/rerepl/regexp", "."},
	{"regexp/syntax", "github.com/rerepl/rerepl/regexp/syntax", "syntax"},
}

func TestStandardLibraryTests(t *testing.T) {
	goCmd, goroot := goTool(t)
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod above regexp: %v", err)
	}
	mod := t.TempDir()
	if dir := os.Getenv("REREPL_STDTESTS_DIR"); dir != "" {
		// To look at the copies: a fresh directory, kept afterwards.
		mod = dir
	}
	writeStdTestModule(t, mod, root)
	for _, pkg := range stdTestPackages {
		dst := filepath.Join(mod, filepath.FromSlash(pkg.std))
		copyStdTests(t, filepath.Join(goroot, "src", filepath.FromSlash(pkg.std)), dst, pkg.std)
		writeFile(t, filepath.Join(dst, "names.go"), namesFile(t, pkg.dir, filepath.Base(pkg.std), pkg.ours))
	}

	var skip []string
	for _, k := range stdTestKnownFailures {
		skip = append(skip, "^"+k.test+"$")
	}
	base := []string{"test", "-count=1"}
	if testing.Short() {
		base = append(base, "-short")
	}
	timeout := 9 * time.Minute
	if d, ok := t.Deadline(); ok {
		timeout = time.Until(d) - 30*time.Second
	}
	base = append(base, "-timeout="+timeout.String())
	args := append(slices.Clone(base), "./...")
	if len(skip) > 0 {
		args = append(slices.Clone(base), "-skip="+strings.Join(skip, "|"), "./...")
	}
	if out, err := runGo(t, goCmd, mod, timeout, args); err != nil {
		t.Errorf("the standard library's tests fail against our packages: %v\n%s", err, out)
	}
	for _, k := range stdTestKnownFailures {
		args := append(slices.Clone(base), "-run=^"+k.test+"$", "./"+k.pkg)
		out, err := runGo(t, goCmd, mod, timeout, args)
		switch {
		case err == nil:
			t.Errorf("%s %s now passes: take it off stdTestKnownFailures\n%s", k.pkg, k.test, out)
		case !strings.Contains(out, "--- FAIL: "+k.test+" "):
			t.Errorf("%s %s does not fail as a test: %v\n%s", k.pkg, k.test, err, out)
		default:
			t.Logf("known failure, as listed: %s %s: %s", k.pkg, k.test, k.why)
		}
	}
}

// runGo runs the go command with args in the temporary module and
// returns its output.
func runGo(t *testing.T, goCmd, mod string, timeout time.Duration, args []string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout+20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Dir = mod
	cmd.Env = stdTestEnv(t, goCmd)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("go %s (%v):\n%s", strings.Join(args, " "), time.Since(start).Round(time.Millisecond), out)
	return string(out), err
}

// TestDropInDocListsStdTests checks that docs/DROPIN.md lists every
// excluded declaration and every known failure.
func TestDropInDocListsStdTests(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "DROPIN.md"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for line := range strings.Lines(string(doc)) {
		if strings.HasPrefix(line, "| regexp") {
			rows = append(rows, line)
		}
	}
	listed := func(pkg, file, decl string) bool {
		return slices.ContainsFunc(rows, func(row string) bool {
			cells := strings.Split(row, "|")
			if len(cells) < 4 || strings.TrimSpace(cells[1]) != pkg {
				return false
			}
			names := cells[2]
			if file != "" {
				if strings.TrimSpace(cells[2]) != file || len(cells) < 5 {
					return false
				}
				names = cells[3]
			}
			return slices.Contains(strings.Split(strings.ReplaceAll(names, " ", ""), ","), decl)
		})
	}
	for _, e := range stdTestExclusions {
		if !listed(e.pkg, e.file, e.decl) {
			t.Errorf("docs/DROPIN.md does not list %s %s %s", e.pkg, e.file, e.decl)
		}
	}
	for _, k := range stdTestKnownFailures {
		if !listed(k.pkg, "", k.test) {
			t.Errorf("docs/DROPIN.md does not list the known failure %s %s", k.pkg, k.test)
		}
	}
}

// goTool returns the go command of the Go that runs the test, and its
// GOROOT, whose tests are the ones copied.
func goTool(t *testing.T) (goCmd, goroot string) {
	t.Helper()
	goroot = runtime.GOROOT()
	goCmd = filepath.Join(goroot, "bin", "go")
	if _, err := os.Stat(goCmd); err != nil || goroot == "" {
		if goCmd, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command to run the standard library's tests with")
		}
		out, err := exec.Command(goCmd, "env", "GOROOT").Output()
		if err != nil {
			t.Fatalf("go env GOROOT: %v", err)
		}
		goroot = strings.TrimSpace(string(out))
	}
	return goCmd, goroot
}

// stdTestEnv is the environment of the child go command: offline (every
// module it needs is this checkout or already in the module cache, as the
// parent build needed them too), outside any workspace, with the parent's
// GOFLAGS (from the environment or go env -w) plus -mod=mod, so that the
// temporary module may complete its go.sum from the module cache.
func stdTestEnv(t *testing.T, goCmd string) []string {
	t.Helper()
	flags, err := exec.Command(goCmd, "env", "GOFLAGS").Output()
	if err != nil {
		t.Fatalf("go env GOFLAGS: %v", err)
	}
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "GOWORK" && k != "GOPROXY" && k != "GOFLAGS" {
			env = append(env, kv)
		}
	}
	var goflags []string
	for _, f := range strings.Fields(string(flags)) {
		if !strings.HasPrefix(f, "-mod=") {
			goflags = append(goflags, f)
		}
	}
	goflags = append(goflags, "-mod=mod")
	return append(env, "GOWORK=off", "GOPROXY=off", "GOFLAGS="+strings.Join(goflags, " "))
}

// writeStdTestModule writes the temporary module's go.mod and go.sum, and
// a stand-in for the standard library's internal/testenv, which test
// files outside the standard library cannot import.
func writeStdTestModule(t *testing.T, mod, root string) {
	t.Helper()
	ourMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goLine := "go 1.26"
	for line := range strings.Lines(string(ourMod)) {
		if strings.HasPrefix(line, "go ") {
			goLine = strings.TrimSpace(line)
		}
	}
	gomod := fmt.Sprintf("module stdtests\n\n%s\n\nrequire github.com/rerepl/rerepl v0.0.0\n\nreplace github.com/rerepl/rerepl => %s\n",
		goLine, strconv.Quote(root))
	writeFile(t, filepath.Join(mod, "go.mod"), gomod)
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		writeFile(t, filepath.Join(mod, "go.sum"), string(sum))
	}
	writeFile(t, filepath.Join(mod, "internal", "testenv", "testenv.go"), `// Package testenv stands in for the standard library's internal/testenv.
package testenv

import "os"

// Builder returns the name of the Go builder running the tests, or "".
func Builder() string { return os.Getenv("GO_BUILDER_NAME") }
`)
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyStdTests copies the test files of the standard library package in
// src (import path pkg) into dst, rewritten for our packages, and links
// its testdata, which the tests open by relative path.
func copyStdTests(t *testing.T, src, dst, pkg string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(src, "*_test.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files in %s: %v", src, err)
	}
	for _, file := range files {
		base := filepath.Base(file)
		if excludedFile(pkg, base) {
			continue
		}
		text, err := rewriteStdTest(file, pkg)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dst, base), text)
	}
	if _, err := os.Stat(filepath.Join(src, "testdata")); err == nil {
		if err := os.Symlink(filepath.Join(src, "testdata"), filepath.Join(dst, "testdata")); err != nil {
			t.Fatal(err)
		}
	}
}

func excludedFile(pkg, file string) bool {
	return slices.ContainsFunc(stdTestExclusions, func(e stdTestExclusion) bool {
		return e.pkg == pkg && e.file == file && e.decl == ""
	})
}

func excludedDecl(pkg, file, decl string) bool {
	return slices.ContainsFunc(stdTestExclusions, func(e stdTestExclusion) bool {
		return e.pkg == pkg && e.file == file && e.decl == decl
	})
}

// rewriteStdTest returns the text of a standard library test file of
// package pkg with its imports of regexp and regexp/syntax (and
// internal/testenv) pointing at ours (and the stand-in), and the excluded
// declarations and the imports only they used removed.
func rewriteStdTest(file, pkg string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
	if err != nil {
		return "", err
	}
	base := filepath.Base(file)
	var decls []ast.Decl
	for _, d := range f.Decls {
		if excludedDecl(pkg, base, declName(d)) {
			continue
		}
		decls = append(decls, d)
	}
	f.Decls = decls
	rewriteLongest(f)
	dropUnusedImports(f)
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		switch path {
		case "internal/testenv":
			path = "stdtests/internal/testenv"
		default:
			for _, p := range stdTestPackages {
				if p.std == path {
					path = p.ours
				}
			}
		}
		imp.Path.Value = strconv.Quote(path)
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return "", err
	}
	return b.String(), nil
}

// rewriteLongest replaces the assignments re.longest = true and
// re.longest = false, with which exec_test.go switches a Regexp from
// Compile between leftmost-first and leftmost-longest matching (for
// TestRE2Search and TestRE2Exhaustive), by re = rereplLongest(re, true)
// and so on: the unexported field has no exported equivalent but
// Longest, which cannot be undone. See namesFile.
func rewriteLongest(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Tok != token.ASSIGN {
			return true
		}
		sel, ok := as.Lhs[0].(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "longest" {
			return true
		}
		as.Lhs[0] = sel.X
		as.Rhs[0] = &ast.CallExpr{Fun: ast.NewIdent("rereplLongest"), Args: []ast.Expr{sel.X, as.Rhs[0]}}
		return true
	})
}

// declName names a top-level declaration: a function or method by its
// name (Type.Method for a method), a var, const or type declaration by
// its first name.
func declName(d ast.Decl) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) > 0 {
			typ := d.Recv.List[0].Type
			if star, ok := typ.(*ast.StarExpr); ok {
				typ = star.X
			}
			if id, ok := typ.(*ast.Ident); ok {
				return id.Name + "." + d.Name.Name
			}
		}
		return d.Name.Name
	case *ast.GenDecl:
		if len(d.Specs) == 0 {
			return ""
		}
		switch s := d.Specs[0].(type) {
		case *ast.ValueSpec:
			return s.Names[0].Name
		case *ast.TypeSpec:
			return s.Name.Name
		}
	}
	return ""
}

// dropUnusedImports removes the imports of f that no remaining
// declaration uses.
func dropUnusedImports(f *ast.File) {
	used := make(map[string]bool)
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	keep := func(imp *ast.ImportSpec) bool {
		if imp.Name != nil && (imp.Name.Name == "_" || imp.Name.Name == ".") {
			return true
		}
		name := ""
		if imp.Name != nil {
			name = imp.Name.Name
		} else {
			path, _ := strconv.Unquote(imp.Path.Value)
			name = path[strings.LastIndex(path, "/")+1:]
		}
		return used[name]
	}
	var imports []*ast.ImportSpec
	for _, imp := range f.Imports {
		if keep(imp) {
			imports = append(imports, imp)
		}
	}
	f.Imports = imports
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		var specs []ast.Spec
		for _, s := range gd.Specs {
			if keep(s.(*ast.ImportSpec)) {
				specs = append(specs, s)
			}
		}
		gd.Specs = specs
	}
	var decls []ast.Decl
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && len(gd.Specs) == 0 {
			continue
		}
		decls = append(decls, d)
	}
	f.Decls = decls
}

// longestHelper stands in for assignments to the unexported field
// longest (see rewriteLongest): rereplLongest(re, true) returns a
// leftmost-longest copy of re, made once for the last few re and then
// reused, as the standard library's test reuses re; rereplLongest(re,
// false) returns the leftmost-first original a copy was made from, or re
// itself, which the tests only pass straight from Compile.
const longestHelper = `
// rereplLongest stands in for assignments to the unexported field longest.
func rereplLongest(re *Regexp, longest bool) *Regexp {
	rereplTwinsMu.Lock()
	defer rereplTwinsMu.Unlock()
	for _, tw := range rereplTwins {
		if tw[0] == re || tw[1] == re {
			if longest {
				return tw[1]
			}
			return tw[0]
		}
	}
	if !longest {
		return re
	}
	twin := re.Copy()
	twin.Longest()
	rereplTwins = append(rereplTwins, [2]*Regexp{re, twin})
	if len(rereplTwins) > 4 {
		rereplTwins = rereplTwins[1:]
	}
	return twin
}

var (
	rereplTwinsMu sync.Mutex
	rereplTwins   [][2]*Regexp
)
`

// namesFile returns a Go file of package pkgName that declares each
// exported name of our package in dir (import path ours) under the same
// name, so that test files written inside the standard library's package
// see ours.
func namesFile(t *testing.T, dir, pkgName, ours string) string {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var types, consts, funcs []string
	for _, pkg := range pkgs {
		for _, file := range pkg.Files {
			for _, decl := range file.Decls {
				switch d := decl.(type) {
				case *ast.FuncDecl:
					if d.Recv == nil && d.Name.IsExported() {
						funcs = append(funcs, d.Name.Name)
					}
				case *ast.GenDecl:
					for _, spec := range d.Specs {
						switch s := spec.(type) {
						case *ast.TypeSpec:
							if s.Name.IsExported() {
								types = append(types, s.Name.Name)
							}
						case *ast.ValueSpec:
							for _, name := range s.Names {
								if !name.IsExported() {
									continue
								}
								if d.Tok == token.VAR {
									t.Fatalf("%s exports the variable %s, which cannot be re-declared", ours, name.Name)
								}
								consts = append(consts, name.Name)
							}
						}
					}
				}
			}
		}
	}
	for _, list := range [][]string{types, consts, funcs} {
		slices.Sort(list)
	}
	var b strings.Builder
	imports := fmt.Sprintf("ours %q", ours)
	if pkgName == "regexp" {
		imports = "\n\t" + imports + "\n\t\"sync\"\n"
	}
	fmt.Fprintf(&b, "// Code generated by TestStandardLibraryTests. DO NOT EDIT.\n\npackage %s\n\nimport (%s)\n\n", pkgName, imports)
	for _, name := range types {
		fmt.Fprintf(&b, "type %s = ours.%s\n", name, name)
	}
	for _, name := range consts {
		fmt.Fprintf(&b, "const %s = ours.%s\n", name, name)
	}
	for _, name := range funcs {
		fmt.Fprintf(&b, "var %s = ours.%s\n", name, name)
	}
	if pkgName == "regexp" {
		b.WriteString(longestHelper)
	}
	return b.String()
}
