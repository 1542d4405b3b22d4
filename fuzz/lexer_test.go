package fuzz

import (
	stdsyntax "regexp/syntax"
	"testing"

	"github.com/rerepl/rerepl/internal/lexer"
)

// FuzzLexer lexes any byte string under any of the lexer's options and
// checks the promises the parser and the REPL's colouring rely on: no
// panic; tokens that are contiguous and cover the input exactly; only a
// missing ] may be empty, and only at the end; every error token quotes
// text inside the input; counts and ranges are ordered; EOF repeats; and
// a pattern the standard library accepts yields no error token.
func FuzzLexer(f *testing.F) {
	f.Fuzz(func(t *testing.T, pattern string, options uint8) {
		opts := lexer.Options{
			PerlX:         options&1 != 0,
			UnicodeGroups: options&2 != 0,
			Literal:       options&4 != 0,
		}
		toks := lexer.Tokens(pattern, opts)
		pos := 0
		hasError := false
		for i, tok := range toks {
			if tok.Pos != pos {
				t.Fatalf("Tokens(%q, %+v): token %d (%v) starts at %d, the one before ended at %d",
					pattern, opts, i, tok.Kind, tok.Pos, pos)
			}
			if tok.End < tok.Pos || tok.End > len(pattern) {
				t.Fatalf("Tokens(%q, %+v): token %d (%v) ends at %d", pattern, opts, i, tok.Kind, tok.End)
			}
			if tok.End == tok.Pos && !(tok.Kind == lexer.Error && tok.Err == lexer.ErrMissingBracket && tok.End == len(pattern)) {
				t.Fatalf("Tokens(%q, %+v): token %d (%v) is empty at %d", pattern, opts, i, tok.Kind, tok.Pos)
			}
			checkToken(t, pattern, opts, i, tok)
			hasError = hasError || tok.Kind == lexer.Error
			pos = tok.End
		}
		if pos != len(pattern) {
			t.Fatalf("Tokens(%q, %+v): tokens end at %d of %d bytes", pattern, opts, pos, len(pattern))
		}

		// The incremental interface gives the same tokens, then EOF at
		// the end of the input however often it is asked.
		l := lexer.New(pattern, opts)
		for i, want := range toks {
			if got := l.Next(); got != want {
				t.Fatalf("Lexer.Next() token %d = %+v, Tokens gave %+v", i, got, want)
			}
		}
		for range 3 {
			if tok := l.Next(); tok.Kind != lexer.EOF || tok.Pos != len(pattern) || tok.End != len(pattern) {
				t.Fatalf("Lexer.Next() after the last token = %+v, want EOF at %d", tok, len(pattern))
			}
		}

		// The parser reads every token of a pattern it accepts, and fails
		// on any error token; so where the standard library accepts the
		// pattern under the same options, the lexer found nothing wrong.
		if hasError {
			flags := stdsyntax.ClassNL | stdsyntax.OneLine
			if opts.PerlX {
				flags |= stdsyntax.PerlX
			}
			if opts.UnicodeGroups {
				flags |= stdsyntax.UnicodeGroups
			}
			if opts.Literal {
				flags |= stdsyntax.Literal
			}
			if _, err := stdsyntax.Parse(pattern, flags); err == nil {
				t.Fatalf("Tokens(%q, %+v) has an error token, but the standard library accepts the pattern", pattern, opts)
			}
		}
	})
}

// checkToken checks the fields a token's kind gives meaning to.
func checkToken(t *testing.T, pattern string, opts lexer.Options, i int, tok lexer.Token) {
	t.Helper()
	switch tok.Kind {
	case lexer.Error:
		if tok.Err == lexer.NoError {
			t.Fatalf("Tokens(%q, %+v): error token %d says NoError", pattern, opts, i)
		}
		if tok.ExprPos < 0 || tok.ExprPos > tok.ExprEnd || tok.ExprEnd > len(pattern) {
			t.Fatalf("Tokens(%q, %+v): error token %d quotes [%d, %d) of %d bytes",
				pattern, opts, i, tok.ExprPos, tok.ExprEnd, len(pattern))
		}
	case lexer.Repeat:
		if tok.Min < 0 || tok.Max != -1 && tok.Max < tok.Min {
			t.Fatalf("Tokens(%q, %+v): repeat token %d has counts {%d,%d}", pattern, opts, i, tok.Min, tok.Max)
		}
	case lexer.ClassRange:
		if tok.Hi < tok.Rune {
			t.Fatalf("Tokens(%q, %+v): range token %d runs from %q down to %q", pattern, opts, i, tok.Rune, tok.Hi)
		}
	case lexer.EOF:
		t.Fatalf("Tokens(%q, %+v): EOF token %d inside the list", pattern, opts, i)
	}
	if opts.Literal && tok.Kind != lexer.Literal && tok.Kind != lexer.Error {
		t.Fatalf("Tokens(%q, %+v): token %d is %v in literal mode", pattern, opts, i, tok.Kind)
	}
}
