package fuzz

// Bounds on testutil.ProgramCost for the targets that compile or run a
// pattern: patterns whose program would be larger are skipped, so that
// every execution stays quick (see ProgramCost for why this cannot hide
// our own slowness).
const (
	maxCompileCost = 20000
	maxMatchCost   = 2000
)
