// Package fuzz holds the module's fuzz targets, which check the public
// packages against the standard library's regexp and regexp/syntax on
// inputs the fuzzer makes up.
//
// The targets are in the test files: FuzzParse (regexp/syntax.Parse,
// Compile and CompilePOSIX), FuzzMatch (every matching method of regexp)
// and FuzzLexer (internal/lexer). Their seed corpora are under
// testdata/fuzz/<Target>/, and a plain go test runs every seed. See
// docs/FUZZING.md for what each target checks and how to run a campaign.
package fuzz
