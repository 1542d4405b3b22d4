package repl

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

func cmdBench(s *Session, _ string, out io.Writer) error {
	if !s.requirePattern(out) || !s.requireSubject(out) {
		return errFailed
	}
	subject := s.subject
	fmt.Fprintf(out, "FindAllStringSubmatchIndex on the subject (%d bytes)\n", len(subject))
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	ours := measure(func() { s.re.FindAllStringSubmatchIndex(subject, -1) }, benchTarget, s.opts.Stable)
	fmt.Fprintf(tw, "rerepl\t%s\t%s\t\n", s.formatDuration(ours), s.formatThroughput(len(subject), ours))
	var theirs time.Duration
	if s.opts.Reference == nil {
		fmt.Fprintf(tw, "standard library\tnot linked in\t\t\n")
	} else {
		std, err := s.opts.Reference(s.mode.expr(s.pattern), s.mode.posix, s.mode.longest)
		if err != nil {
			fmt.Fprintf(tw, "standard library\trejects the pattern: %v\t\t\n", err)
		} else {
			theirs = measure(func() { std.FindAllStringSubmatchIndex(subject, -1) }, benchTarget, s.opts.Stable)
			fmt.Fprintf(tw, "standard library\t%s\t%s\t\n", s.formatDuration(theirs), s.formatThroughput(len(subject), theirs))
		}
	}
	tw.Flush()
	if theirs > 0 && ours > 0 && !s.opts.Stable {
		fmt.Fprintf(out, "rerepl takes %.2fx the time of the standard library\n", float64(ours)/float64(theirs))
	}
	return nil
}
