//go:build unix

package main

import "golang.org/x/sys/unix"

// terminalWidth returns the width in columns of the terminal open as fd,
// 80 when it cannot be told.
func terminalWidth(fd int) int {
	ws, err := unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ)
	if err != nil || ws.Col == 0 {
		return 80
	}
	return int(ws.Col)
}
