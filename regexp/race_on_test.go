//go:build race

package regexp

const raceEnabled = true
