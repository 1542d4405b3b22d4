package meta

import (
	"github.com/rerepl/rerepl/internal/dfa"
	"github.com/rerepl/rerepl/internal/readsearch"
	"github.com/rerepl/rerepl/internal/stdprog"
)

// Reader returns the search that the Reader methods run
// (internal/readsearch), built on first use. It reads the text as the
// standard library's program for the pattern reads it, so it needs that
// program's shape (internal/stdprog) beside our own program and a lazy
// DFA of its own, whose cache streams across reads.
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
	prog := x.programLocked()
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
