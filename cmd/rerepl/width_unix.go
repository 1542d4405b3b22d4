//go:build unix

package main

import "golang.org/x/sys/unix"

// terminalWidth returns the width in columns of the terminal open as fd,
// 80 when it cannot be told.
func terminalWidth(fd int) int {
	cols, _ := terminalSize(fd)
	return cols
}

// terminalSize returns the columns and rows of the terminal open as fd,
// 80 and 24 when they cannot be told.
func terminalSize(fd int) (cols, rows int) {
	ws, err := unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ)
	if err != nil || ws.Col == 0 || ws.Row == 0 {
		return 80, 24
	}
	return int(ws.Col), int(ws.Row)
}
