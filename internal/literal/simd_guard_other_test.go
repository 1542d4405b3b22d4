//go:build !unix

package literal

import "testing"

// guardedPage returns an ordinary page where no guard page can be made:
// the routines are still compared, only a read past the end goes unseen.
func guardedPage(tb testing.TB) []byte { return make([]byte, 4096) }
