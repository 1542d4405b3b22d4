package regexp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"path/filepath"
	"reflect"
	std "regexp"
	"slices"
	"strings"
	"testing"
)

// exportedAPI parses the non-test Go files of the package in dir and
// returns its exported declarations, each as a line like
// "func (*Regexp) FindAll([]byte, int) [][]byte" or "type Regexp struct":
// parameter names are dropped, so only kinds, names and types remain.
func exportedAPI(t *testing.T, dir string) []string {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var api []string
	for _, pkg := range pkgs {
		for _, file := range pkg.Files {
			for _, decl := range file.Decls {
				api = append(api, declAPI(decl)...)
			}
		}
	}
	slices.Sort(api)
	return api
}

// declAPI describes the exported names a declaration introduces.
func declAPI(decl ast.Decl) []string {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if !d.Name.IsExported() {
			return nil
		}
		recv := ""
		if d.Recv != nil {
			base := strings.TrimLeft(fieldTypes(d.Recv), "*")
			if !token.IsExported(base) {
				return nil // a method of an unexported type
			}
			recv = "(" + fieldTypes(d.Recv) + ") "
		}
		sig := "func " + recv + d.Name.Name + "(" + fieldTypes(d.Type.Params) + ")"
		if res := fieldTypes(d.Type.Results); res != "" {
			sig += " (" + res + ")"
		}
		return []string{sig}
	case *ast.GenDecl:
		var out []string
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				if s.Name.IsExported() {
					kind := types.ExprString(s.Type)
					if _, ok := s.Type.(*ast.StructType); ok {
						kind = "struct" // fields are unexported on both sides
					}
					out = append(out, "type "+s.Name.Name+" "+kind)
				}
			case *ast.ValueSpec:
				for _, name := range s.Names {
					if name.IsExported() {
						out = append(out, d.Tok.String()+" "+name.Name)
					}
				}
			}
		}
		return out
	}
	return nil
}

// fieldTypes lists the types of a parameter or result list, one per
// parameter, ignoring names.
func fieldTypes(fl *ast.FieldList) string {
	if fl == nil {
		return ""
	}
	var types_ []string
	for _, f := range fl.List {
		n := max(len(f.Names), 1)
		for range n {
			types_ = append(types_, types.ExprString(f.Type))
		}
	}
	return strings.Join(types_, ", ")
}

// TestAPIMatchesStandardLibrary requires every exported declaration of the
// standard library's regexp package, with its exact signature, to exist
// here, and nothing exported beyond it.
func TestAPIMatchesStandardLibrary(t *testing.T) {
	want := exportedAPI(t, filepath.Join(goTestdata(t), ".."))
	got := exportedAPI(t, ".")
	if len(want) < 40 {
		t.Fatalf("read only %d declarations of the standard library: %v", len(want), want)
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing: %s", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("not in the standard library: %s", g)
		}
	}
}

// TestMethodSetMatchesStandardLibrary checks the same for the compiled
// method sets, by reflection: the same methods with the same types
// (receiver aside).
func TestMethodSetMatchesStandardLibrary(t *testing.T) {
	ours, theirs := reflect.TypeFor[*Regexp](), reflect.TypeFor[*std.Regexp]()
	if ours.NumMethod() != theirs.NumMethod() {
		t.Errorf("%d methods, standard library %d", ours.NumMethod(), theirs.NumMethod())
	}
	for i := range theirs.NumMethod() {
		m := theirs.Method(i)
		o, ok := ours.MethodByName(m.Name)
		if !ok {
			t.Errorf("method %s missing", m.Name)
			continue
		}
		// Drop the receiver, whose type necessarily differs.
		if got, want := methodSig(o.Type), methodSig(m.Type); got != want {
			t.Errorf("method %s: %s, standard library %s", m.Name, got, want)
		}
	}
	funcs := []struct {
		name      string
		ours, std any
	}{
		{"Compile", Compile, std.Compile},
		{"CompilePOSIX", CompilePOSIX, std.CompilePOSIX},
		{"MustCompile", MustCompile, std.MustCompile},
		{"MustCompilePOSIX", MustCompilePOSIX, std.MustCompilePOSIX},
		{"Match", Match, std.Match},
		{"MatchString", MatchString, std.MatchString},
		{"MatchReader", MatchReader, std.MatchReader},
		{"QuoteMeta", QuoteMeta, std.QuoteMeta},
	}
	for _, f := range funcs {
		if got, want := reflect.TypeOf(f.ours).String(), reflect.TypeOf(f.std).String(); got != want {
			t.Errorf("func %s: %s, standard library %s", f.name, got, want)
		}
	}
}

// methodSig renders a method type without its receiver. Both packages are
// named regexp, so *regexp.Regexp reads the same on both sides.
func methodSig(m reflect.Type) string {
	var in, out []string
	for i := 1; i < m.NumIn(); i++ {
		in = append(in, m.In(i).String())
	}
	for i := range m.NumOut() {
		out = append(out, m.Out(i).String())
	}
	if m.IsVariadic() {
		in[len(in)-1] = "..." + strings.TrimPrefix(in[len(in)-1], "[]")
	}
	return "(" + strings.Join(in, ", ") + ") (" + strings.Join(out, ", ") + ")"
}
