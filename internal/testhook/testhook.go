// Package testhook holds the points where tests inject failures into the
// parser and the compiler, to check that an unexpected panic is never
// turned into an error. regexp/syntax and regexp call the hooks; only tests
// set them, and they are nil otherwise, which costs a load and a compare at
// each point.
//
// The hooks are package variables, so a test that sets one must not run in
// parallel with tests that compile patterns, and must restore it.
package testhook

// Parse, when set, is called by regexp/syntax's parser with the position
// of every token it reads.
var Parse func(pos int)

// Compile, when set, is called by regexp's compiler after each stage that
// follows parsing, with the stage's name: one of the Stage constants.
var Compile func(stage string)

// The stages of compilation after parsing, in the order they run.
const (
	// StageSimplify follows the rewriting of the parsed tree by Simplify.
	StageSimplify = "simplify"
	// StagePrefix follows the computation of the literal prefix and the
	// minimum input length from the simplified tree.
	StagePrefix = "prefix"
	// StageProgram follows the building of the program and its engines.
	StageProgram = "program"
	// StageStrategy follows the choice and building of the search
	// strategy.
	StageStrategy = "strategy"
)

// Stages lists the Stage constants in the order compilation reaches them.
var Stages = []string{StageSimplify, StagePrefix, StageProgram, StageStrategy}
