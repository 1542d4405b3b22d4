package repl

import (
	"fmt"
	"time"
)

// benchTarget is how long :bench runs each implementation, long enough for
// a stable figure and short enough to wait for at a prompt.
const benchTarget = 200 * time.Millisecond

// measureContext is [measure] that gives up, reporting false, when the
// line's context is done.
func measureContext(s *Session, f func(), target time.Duration) (time.Duration, bool) {
	if s.opts.Stable {
		f()
		return 0, true
	}
	ctx := s.context()
	for n := 1; ; n *= 2 {
		if ctx.Err() != nil {
			return 0, false
		}
		start := time.Now()
		for range n {
			f()
		}
		elapsed := time.Since(start)
		if elapsed >= target || n >= 1<<30 {
			return elapsed / time.Duration(n), true
		}
	}
}

// formatTime formats a duration, or its placeholder in stable mode.
func (s *Session) formatTime(d time.Duration) string {
	if s.opts.Stable {
		return "<time>"
	}
	switch {
	case d < time.Microsecond:
		return fmt.Sprintf("%d ns", d.Nanoseconds())
	case d < time.Millisecond:
		return fmt.Sprintf("%.2f µs", float64(d.Nanoseconds())/1e3)
	}
	return fmt.Sprintf("%.2f ms", float64(d.Nanoseconds())/1e6)
}

// formatDuration formats a time per operation, or its placeholder in
// stable mode.
func (s *Session) formatDuration(d time.Duration) string {
	if s.opts.Stable {
		return "<time/op>"
	}
	switch {
	case d < time.Microsecond:
		return fmt.Sprintf("%d ns/op", d.Nanoseconds())
	case d < time.Millisecond:
		return fmt.Sprintf("%.2f µs/op", float64(d.Nanoseconds())/1e3)
	default:
		return fmt.Sprintf("%.2f ms/op", float64(d.Nanoseconds())/1e6)
	}
}

// formatThroughput formats how fast n bytes went by in d, or its
// placeholder in stable mode.
func (s *Session) formatThroughput(n int, d time.Duration) string {
	if s.opts.Stable {
		return "<MB/s>"
	}
	if d <= 0 {
		return "- MB/s"
	}
	return fmt.Sprintf("%.1f MB/s", float64(n)/d.Seconds()/1e6)
}
