package bench

import (
	"testing"

	"github.com/rerepl/rerepl/internal/meta"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// TestStrategies reports the search strategy each workload runs, as
// docs/PERFORMANCE.md lists it (go test ./bench -run Strategies -v), and
// checks that every workload's pattern gets one.
func TestStrategies(t *testing.T) {
	for _, w := range workloads {
		pattern := w.resolvePattern(t)
		x, err := meta.Compile(pattern, syntax.Perl, meta.Config{})
		if err != nil {
			t.Fatalf("%s/%s: %v", w.group, w.name, err)
		}
		r := x.Describe(nil, false)
		if r.Strategy == "" {
			t.Errorf("%s/%s: no strategy reported", w.group, w.name)
		}
		t.Logf("%s/%s: %s (%s)", w.group, w.name, r.Strategy, r.Why)
	}
}
