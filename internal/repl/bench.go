package repl

import (
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"
)

// benchRuns is how many times :bench measures each figure; it reports the
// median, and the range of the warm search, because one figure on a busy
// machine swings by several times from one run to the next.
const benchRuns = 5

// A benchSide is what :bench measures of one implementation.
type benchSide struct {
	name    string
	compile func() (Searcher, error)
	err     error
	// Each holds one figure per run.
	compiles, firsts, warms []time.Duration
}

func cmdBench(s *Session, _ string, out io.Writer) error {
	if !s.requirePattern(out) || !s.requireSubject(out) {
		return errFailed
	}
	subject := s.subject
	sides := []*benchSide{{
		name:    "rerepl",
		compile: func() (Searcher, error) { return s.mode.compile(s.pattern) },
	}}
	if s.opts.Reference != nil {
		sides = append(sides, &benchSide{
			name: "standard library",
			compile: func() (Searcher, error) {
				return s.opts.Reference(s.mode.expr(s.pattern), s.mode.posix, s.mode.longest)
			},
		})
	}
	fmt.Fprintf(out, "FindAllStringSubmatchIndex on the subject (%s): medians of %d runs\n", plural(len(subject), "byte"), benchRuns)
	ctx := s.context()
	// The runs of the two sides alternate, so that a busy spell of the
	// machine falls on both alike.
	for run := 0; run < benchRuns; run++ {
		for _, side := range sides {
			if side.err != nil {
				continue
			}
			if ctx.Err() != nil {
				fmt.Fprintf(out, ":bench: stopped after %d of %d runs; no figures\n", run, benchRuns)
				return ErrCancelled
			}
			start := time.Now()
			re, err := side.compile()
			compiled := time.Since(start)
			if err != nil {
				side.err = err
				continue
			}
			start = time.Now()
			re.FindAllStringSubmatchIndex(subject, -1)
			first := time.Since(start)
			warm, ok := measureContext(s, func() { re.FindAllStringSubmatchIndex(subject, -1) }, benchTarget/benchRuns)
			if !ok {
				fmt.Fprintf(out, ":bench: stopped after %d of %d runs; no figures\n", run, benchRuns)
				return ErrCancelled
			}
			side.compiles = append(side.compiles, compiled)
			side.firsts = append(side.firsts, first)
			side.warms = append(side.warms, warm)
		}
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\tcompile\tfirst use\twarm search\twarm range\tthroughput\t\n")
	for _, side := range sides {
		if side.err != nil {
			fmt.Fprintf(tw, "%s\trejects the pattern: %v\t\t\t\t\t\n", side.name, side.err)
			continue
		}
		warm := median(side.warms)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", side.name,
			s.formatTime(median(side.compiles)), s.formatTime(median(side.firsts)),
			s.formatDuration(warm), s.formatRange(side.warms), s.formatThroughput(len(subject), warm))
	}
	if len(sides) == 1 {
		fmt.Fprintf(tw, "standard library\tnot linked in\t\t\t\t\t\n")
	}
	tw.Flush()
	fmt.Fprintln(out, "compile: Compile alone; first use: the first search, which builds the lazy parts; warm: each search after")
	if len(sides) == 2 && sides[0].err == nil && sides[1].err == nil && !s.opts.Stable {
		var ratios []float64
		for i := range sides[0].warms {
			ratios = append(ratios, float64(sides[0].warms[i])/float64(max(sides[1].warms[i], 1)))
		}
		slices.Sort(ratios)
		fmt.Fprintf(out, "rerepl takes %.2fx the time of the standard library on a warm search (%.2fx to %.2fx across the runs; the machine's load moves these)\n",
			float64(median(sides[0].warms))/float64(max(median(sides[1].warms), 1)), ratios[0], ratios[len(ratios)-1])
	}
	return nil
}

// median returns the median of ds, which it sorts.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// formatRange writes the lowest and highest of ds per operation, or a
// placeholder in stable mode.
func (s *Session) formatRange(ds []time.Duration) string {
	if s.opts.Stable {
		return "<range>"
	}
	lo, hi := slices.Min(ds), slices.Max(ds)
	return s.formatTime(lo) + "–" + s.formatTime(hi)
}
