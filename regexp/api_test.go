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
	stdsyntax "regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/regexp/syntax"
)

// exportedAPI parses the non-test Go files of the package in dir and
// returns its exported declarations, each as a line like
// "func (*Regexp) FindAll([]byte, int) [][]byte", "type Regexp struct",
// "field Inst.Out uint32" or "const InstAlt InstOp": parameter names are
// dropped, so only kinds, names and types remain.
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
		lastType := "" // the type an implicitly repeated constant spec takes
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				if s.Name.IsExported() {
					kind := types.ExprString(s.Type)
					if st, ok := s.Type.(*ast.StructType); ok {
						kind = "struct"
						out = append(out, fieldAPI(s.Name.Name, st)...)
					}
					out = append(out, "type "+s.Name.Name+" "+kind)
				}
			case *ast.ValueSpec:
				typ := ""
				switch {
				case s.Type != nil:
					typ = types.ExprString(s.Type)
				case len(s.Values) == 0:
					typ = lastType
				}
				lastType = typ
				for _, name := range s.Names {
					if name.IsExported() {
						out = append(out, strings.TrimSpace(d.Tok.String()+" "+name.Name+" "+typ))
					}
				}
			}
		}
		return out
	}
	return nil
}

// fieldAPI describes the exported fields of a struct type, as
// "field Type.Name FieldType".
func fieldAPI(typeName string, st *ast.StructType) []string {
	var out []string
	for _, f := range st.Fields.List {
		typ := types.ExprString(f.Type)
		if len(f.Names) == 0 { // embedded
			if base := strings.TrimLeft(typ, "*"); token.IsExported(base) {
				out = append(out, "field "+typeName+"."+base+" "+typ)
			}
			continue
		}
		for _, name := range f.Names {
			if name.IsExported() {
				out = append(out, "field "+typeName+"."+name.Name+" "+typ)
			}
		}
	}
	return out
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
// here, and nothing exported beyond it but the additions listed in
// setAPI.
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
		if !slices.Contains(want, g) && !slices.Contains(setAPI, g) {
			t.Errorf("not in the standard library: %s", g)
		}
	}
}

// setAPI is what package regexp adds to the standard library's names:
// Set, many patterns in one pass (issue 17).
var setAPI = []string{
	"func (*Set) Len() (int)",
	"func (*Set) Match([]byte) (bool)",
	"func (*Set) MatchString(string) (bool)",
	"func (*Set) Matches([]byte) ([]int)",
	"func (*Set) MatchesString(string) ([]int)",
	"func CompileSet([]string) (*Set, error)",
	"func MustCompileSet([]string) (*Set)",
	"type Set struct",
}

// TestSyntaxAPIMatchesStandardLibrary requires every exported declaration
// of the standard library's regexp/syntax (types, struct fields, methods,
// constants with their types, variables and functions), with its exact
// signature, to exist in ours. Ours may add names (Span, Error.Caret, the
// Span field of Regexp and Error, Error.Pattern); each addition is listed
// here, so that a new one is a decision.
func TestSyntaxAPIMatchesStandardLibrary(t *testing.T) {
	want := exportedAPI(t, filepath.Join(goTestdata(t), "..", "syntax"))
	got := exportedAPI(t, "syntax")
	if len(want) < 100 {
		t.Fatalf("read only %d declarations of the standard library: %v", len(want), want)
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing: %s", w)
		}
	}
	var extra []string
	for _, g := range got {
		if !slices.Contains(want, g) {
			extra = append(extra, g)
		}
	}
	allowed := []string{
		"field Error.Pattern string",
		"field Error.Span Span",
		"field Regexp.Span Span",
		"field Span.End int",
		"field Span.Start int",
		"func (*Error) Caret() (string)",
		"func (Span) Contains(Span) (bool)",
		"func (Span) Len() (int)",
		// For errors.As into the standard library's *syntax.Error
		// (issue 15), whichever of the two is chosen.
		"func (*Error) As(any) (bool)",
		"func (*Error) Unwrap() (error)",
		"type Span struct",
	}
	for _, e := range extra {
		if !slices.Contains(allowed, e) {
			t.Errorf("not in the standard library, and not a listed addition: %s", e)
		}
	}
}

// TestSyntaxTypesMatchStandardLibrary checks by reflection what the
// declarations compile to: each type's kind, its exported fields in
// order with their types, and its method set (value and pointer), and the
// types of the functions.
func TestSyntaxTypesMatchStandardLibrary(t *testing.T) {
	pairs := []struct{ ours, std reflect.Type }{
		{reflect.TypeFor[syntax.Regexp](), reflect.TypeFor[stdsyntax.Regexp]()},
		{reflect.TypeFor[syntax.Op](), reflect.TypeFor[stdsyntax.Op]()},
		{reflect.TypeFor[syntax.Flags](), reflect.TypeFor[stdsyntax.Flags]()},
		{reflect.TypeFor[syntax.Error](), reflect.TypeFor[stdsyntax.Error]()},
		{reflect.TypeFor[syntax.ErrorCode](), reflect.TypeFor[stdsyntax.ErrorCode]()},
		{reflect.TypeFor[syntax.Prog](), reflect.TypeFor[stdsyntax.Prog]()},
		{reflect.TypeFor[syntax.Inst](), reflect.TypeFor[stdsyntax.Inst]()},
		{reflect.TypeFor[syntax.InstOp](), reflect.TypeFor[stdsyntax.InstOp]()},
		{reflect.TypeFor[syntax.EmptyOp](), reflect.TypeFor[stdsyntax.EmptyOp]()},
	}
	for _, p := range pairs {
		name := p.std.Name()
		if p.ours.Kind() != p.std.Kind() {
			t.Errorf("%s: kind %v, standard library %v", name, p.ours.Kind(), p.std.Kind())
			continue
		}
		if p.std.Kind() == reflect.Struct {
			for i := range p.std.NumField() {
				f := p.std.Field(i)
				if !f.IsExported() {
					continue
				}
				o, ok := p.ours.FieldByName(f.Name)
				switch {
				case !ok:
					t.Errorf("%s: field %s missing", name, f.Name)
				case o.Type.String() != f.Type.String():
					t.Errorf("%s.%s: %s, standard library %s", name, f.Name, o.Type, f.Type)
				case !slices.Equal(o.Index, f.Index):
					t.Errorf("%s.%s: field %v, standard library %v", name, f.Name, o.Index, f.Index)
				}
			}
		}
		for _, typ := range []struct{ ours, std reflect.Type }{{p.ours, p.std}, {reflect.PointerTo(p.ours), reflect.PointerTo(p.std)}} {
			for i := range typ.std.NumMethod() {
				m := typ.std.Method(i)
				o, ok := typ.ours.MethodByName(m.Name)
				if !ok {
					t.Errorf("%s: method %s missing", typ.std, m.Name)
					continue
				}
				if got, want := methodSig(o.Type), methodSig(m.Type); got != want {
					t.Errorf("%s.%s: %s, standard library %s", typ.std, m.Name, got, want)
				}
			}
		}
	}
	funcs := []struct {
		name      string
		ours, std any
	}{
		{"Compile", syntax.Compile, stdsyntax.Compile},
		{"Parse", syntax.Parse, stdsyntax.Parse},
		{"EmptyOpContext", syntax.EmptyOpContext, stdsyntax.EmptyOpContext},
		{"IsWordChar", syntax.IsWordChar, stdsyntax.IsWordChar},
	}
	for _, f := range funcs {
		if got, want := reflect.TypeOf(f.ours).String(), reflect.TypeOf(f.std).String(); got != want {
			t.Errorf("func %s: %s, standard library %s", f.name, got, want)
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
