package bench

import (
	"testing"

	"github.com/rerepl/rerepl/internal/introspect"
	"github.com/rerepl/rerepl/regexp"
)

// TestStrategies reports the search strategy each workload runs, as
// docs/PERFORMANCE.md lists it (go test ./bench -run Strategies -v), and
// checks that every workload's pattern gets one.
func TestStrategies(t *testing.T) {
	for _, w := range workloads {
		pattern := w.resolvePattern(t)
		re := regexp.MustCompile(pattern)
		r := introspect.Describe(re, nil)
		if r.Strategy == "" {
			t.Errorf("%s/%s: no strategy reported", w.group, w.name)
		}
		t.Logf("%s/%s: %s (%s)", w.group, w.name, r.Strategy, r.Why)
	}
}
