//go:build unix

package literal

import (
	"syscall"
	"testing"
)

// guardedPage returns a page of memory followed by a page that may not
// be read (PROT_NONE), so that a routine reading past the end of a slice
// placed at the end of the first page faults instead of reading garbage.
func guardedPage(tb testing.TB) []byte {
	tb.Helper()
	size := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 2*size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		tb.Fatalf("mmap: %v", err)
	}
	if err := syscall.Mprotect(mem[size:], syscall.PROT_NONE); err != nil {
		tb.Fatalf("mprotect: %v", err)
	}
	tb.Cleanup(func() { syscall.Munmap(mem) })
	return mem[:size:size]
}
