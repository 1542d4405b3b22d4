//go:build !amd64 || purego

package literal

// haveSIMD reports whether vector routines back the searchers. Without
// them, sets of literals use Aho-Corasick and not Teddy, whose scalar
// twin is slower than the automaton.
const haveSIMD = false

// haveTeddy reports whether sets of literals use Teddy.
const haveTeddy = false

func indexPair(w []byte, b1, b2, m1, m2 byte, d int) int {
	return indexPairGo(w, b1, b2, m1, m2, d)
}

func indexAny3(w []byte, a, b, c byte) int { return indexAny3Go(w, a, b, c) }

func teddyIndex(m *teddyMasks, w []byte, k int) int { return teddyIndexGo(m, w, k) }
