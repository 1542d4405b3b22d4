//go:build !unix

package main

// terminalWidth returns 80: only Unix terminals are asked their width.
func terminalWidth(int) int { return 80 }

// terminalSize returns 80 columns and 24 rows: only Unix terminals are
// asked their size.
func terminalSize(int) (cols, rows int) { return 80, 24 }
