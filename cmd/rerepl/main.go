// Command rerepl is an interactive workbench for regular expressions in
// Go's syntax, run by this module's regexp package.
//
// Usage:
//
//	rerepl [-e PATTERN] [-f SCRIPT] [-echo]
//
// On a terminal it edits lines with history (Ctrl-R searches it), colours
// patterns as they are typed and completes commands and \p{...} names with
// Tab. When its input is not a terminal, or with -f, it runs the lines as a
// script: no prompt, no colour, exit status 0 when every line succeeded and
// 1 when one failed. Type :help for the commands; see README.md.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], stdio{
		in:        os.Stdin,
		out:       os.Stdout,
		errOut:    os.Stderr,
		lookupEnv: os.LookupEnv,
	}))
}
