package repl

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rerepl/rerepl/regexp"
)

// maxProgLines is how many states :prog lists unless asked for all: a
// large Unicode class repeated a few times compiles to thousands.
const maxProgLines = 40

// captureState finds the Capture states in internal/nfa's listing, whose
// number is a slot (two per group), not a group.
var captureState = regexp.MustCompile(`\bcapture (\d+)`)

// cmdProg lists the program the regexp package compiled the pattern to,
// with its capture states labelled by slot and group, and a legend.
func cmdProg(s *Session, arg string, out io.Writer) error {
	all := false
	switch strings.TrimSpace(arg) {
	case "":
	case "all":
		all = true
	default:
		return s.errorf(out, ":prog takes nothing, or all to list every state; got %q", arg)
	}
	if !s.requirePattern(out) {
		return errFailed
	}
	r, err := s.describe(nil)
	if err != nil {
		return err
	}
	groups := r.Slots / 2
	fmt.Fprintf(out, "%s; %s, two per group for groups 0 (the whole match) to %d\n", plural(r.States, "state"), plural(r.Slots, "capture slot"), groups-1)
	lines := strings.SplitAfter(r.Program, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	ctx := s.context()
	lastShown := -1
	for i, line := range lines {
		if !all && i >= maxProgLines {
			// Past the cap, only the start states are listed.
			if strings.HasPrefix(line, "^") || strings.HasPrefix(line, "*") {
				if i > lastShown+1 {
					fmt.Fprintln(out, "  …")
				}
				fmt.Fprint(out, labelSlots(line))
				lastShown = i
			}
			if i == len(lines)-1 {
				fmt.Fprintf(out, "(%d of %s shown: :prog all lists them)\n", maxProgLines, plural(len(lines), "state"))
			}
			continue
		}
		if ctx.Err() != nil {
			fmt.Fprintf(out, ":prog: stopped after %d of %s\n", i, plural(len(lines), "state"))
			return ErrCancelled
		}
		fmt.Fprint(out, labelSlots(line))
		lastShown = i
	}
	fmt.Fprintln(out, "legend: ^ the start state; * the start of an unanchored search (any bytes, then ^);")
	fmt.Fprintln(out, "  byte A-B -> N reads a byte in A-B and goes to N; sparse reads a byte and goes where its range says;")
	fmt.Fprintln(out, "  split -> X, Y tries X first, then Y; slot N records the position; invalid reads a byte that is not UTF-8")
	return nil
}

// labelSlots writes the capture states of a line of the listing as the
// slots they fill, with their group.
func labelSlots(line string) string {
	return captureState.ReplaceAllStringFunc(line, func(m string) string {
		slot, _ := strconv.Atoi(m[len("capture "):])
		end := "start"
		if slot%2 == 1 {
			end = "end"
		}
		return fmt.Sprintf("slot %d (group %d %s)", slot, slot/2, end)
	})
}
