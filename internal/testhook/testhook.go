// Package testhook holds the points where tests inject failures into the
// parser and the compiler, to check that an unexpected panic is never
// turned into an error. regexp/syntax, regexp and internal/meta call the
// hooks; only tests set them, and they are nil otherwise, which costs a
// load and a compare at each point.
//
// The hooks are package variables, so a test that sets one must not run in
// parallel with tests that compile patterns, and must restore it.
package testhook

// Parse, when set, is called by regexp/syntax's parser with the position
// of every token it reads.
var Parse func(pos int)

// Compile, when set, is called by package regexp and internal/meta after
// each stage of compilation that follows parsing, with the stage's name:
// one of the Stage constants.
var Compile func(stage string)

// The stages of compilation after parsing. Compile runs the first ones;
// the program, the engines and the strategy are built on the first search
// instead, except that Compile builds the program of a pattern that might
// exceed the state limit, to report the error.
const (
	// StageSimplify follows the rewriting of the parsed tree by Simplify,
	// in Compile.
	StageSimplify = "simplify"
	// StageExecutor follows the setting up of the strategy layer's
	// compiled pattern (internal/meta), the last step of Compile.
	StageExecutor = "executor"
	// StageProgram follows the building of the program: in Compile for a
	// pattern that might be too large, else on the first search.
	StageProgram = "program"
	// StageEngines follows the building of the engines for the program,
	// on the first search.
	StageEngines = "engines"
	// StageStrategy follows the choice and building of the search
	// strategy, on the first search.
	StageStrategy = "strategy"
)
