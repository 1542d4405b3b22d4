package meta

import (
	"io"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/dfa"
	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/readsearch"
	"github.com/rerepl/rerepl/internal/stdprog"
	"github.com/rerepl/rerepl/internal/testhook"
)

// Reader returns the search that the Reader methods run
// (internal/readsearch), built on first use, or nil when the pattern's
// byte program is over the state limit (see [Regexp.ReadAll]). It reads
// the text as the standard library's program for the pattern reads it,
// so it needs that program's shape (internal/stdprog) beside a byte
// program and a lazy DFA of its own, whose cache streams across reads.
// The reader search runs byte programs only: a pattern whose engines run
// the rune-class program (see runeProgram) gets a byte program of its
// own here.
//
// Not with sync.Once: a panic while building (from the program's
// compilation) must leave it unbuilt, so that the next call panics the
// same way, as for the other lazily built parts.
func (x *Regexp) Reader() *readsearch.Searcher {
	if s := x.reader.Load(); s != nil {
		return s
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if s := x.reader.Load(); s != nil {
		return s
	}
	if x.readAll {
		return nil
	}
	prog := x.programLocked()
	if len(prog.RuneSets) > 0 {
		var err error
		prog, err = nfa.Compile(x.tree, nfa.Options{NumCap: x.numGroups + 1})
		compileStage(testhook.StageProgram)
		if err != nil {
			// Only the rune-class program fits the state limit.
			x.readAll = true
			return nil
		}
	}
	anchored, impossible, onePass := stdprog.ReaderShape(x.tree)
	s := readsearch.New(readsearch.Config{
		Prog:       prog,
		DFA:        dfa.New(prog, dfa.Config{}),
		Anchored:   anchored,
		OnePass:    onePass,
		Impossible: impossible,
	})
	x.reader.Store(s)
	return s
}

// ReadAll reads r to its end (or first error) and returns the text as
// the engines search it: a rune the reader reports as (U+FFFD, 1), a
// byte it could not decode, is stored as the invalid byte 0xFF, so that
// offsets stay those of the stream and the pattern sees U+FFFD of width
// 1, as the standard library does. It is the Reader methods' way for a
// pattern that has no reader search ([Regexp.Reader] is nil): one whose
// byte program is over the state limit, which only its rune-class
// program fits. Such a search holds the whole text.
func ReadAll(r io.RuneReader) []byte {
	var text []byte
	for {
		c, size, err := r.ReadRune()
		if err != nil {
			return text
		}
		if c == utf8.RuneError && size == 1 {
			text = append(text, 0xFF)
			continue
		}
		text = utf8.AppendRune(text, c)
	}
}
