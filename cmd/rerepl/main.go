// Command rerepl is an interactive workbench for regular expressions in
// Go's syntax, run by this module's regexp package.
//
// Usage:
//
//	rerepl [-e PATTERN] [-f SCRIPT] [-i] [-echo]
//
// On a terminal it edits lines with history (Ctrl-R searches it), colours
// patterns as they are typed and completes commands and \p{...} names with
// Tab; Ctrl-C stops a running command and keeps the session. With -e and
// input that is not a terminal, every input line is a subject and the exit
// status is grep's (0 a line matched, 1 none did, 2 an error). Otherwise,
// input that is not a terminal, or -f, runs as a script: no prompt, no
// colour, errors on stderr as SCRIPT:LINE:, exit status 0 when every line
// succeeded and 1 when one failed. With -i, piped input is the subject and
// the workbench runs on /dev/tty. Type :help for the commands; see
// README.md.
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
