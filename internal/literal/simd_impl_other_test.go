//go:build !amd64 || purego

package literal

// simdImpls returns the routines the build dispatches to: without
// assembly, the pure-Go twins compare with themselves and the naive
// references.
func simdImpls() []simdImpl {
	return []simdImpl{{"go", indexPair, indexAny3, teddyIndex}}
}
