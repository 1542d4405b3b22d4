package pikevm

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rerepl/rerepl/internal/nfa"
	"github.com/rerepl/rerepl/internal/testutil"
	"github.com/rerepl/rerepl/regexp/syntax"
)

// search runs our VM with nslots slots from start and returns the slots
// in the shape FindSubmatchIndex uses (nil for no match).
func search(vm *VM, c *Cache, s string, start int, anchored, longest bool, nslots int) []int {
	slots := make([]int, nslots)
	in := &nfa.Input{Haystack: []byte(s), Start: start, End: len(s), Anchored: anchored}
	if !vm.Search(c, in, longest, slots) {
		return nil
	}
	return slots
}

// TestDeepAlternation needs the explicit closure stack: thousands of
// words make a Split chain thousands of states deep.
func TestDeepAlternation(t *testing.T) {
	words := make([]string, 5000)
	for i := range words {
		words[i] = fmt.Sprintf("w%dx", i)
	}
	p := strings.Join(words, "|")
	prog := testutil.Compile(t, p, syntax.Perl)
	vm := New(prog)
	s := "zz w4999x w12x"
	got := search(vm, vm.NewCache(), s, 0, false, false, 2)
	want := regexp.MustCompile(p).FindStringIndex(s)
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestEnd checks that matches stay inside [Start, End) while assertions
// still see the bytes beyond End.
func TestEnd(t *testing.T) {
	tests := []struct {
		pattern string
		s       string
		start   int
		end     int
		want    []int
	}{
		{`a+`, "aaaa", 0, 2, []int{0, 2}},
		{`a+`, "xaaa", 1, 3, []int{1, 3}},
		{`a\b`, "aab", 0, 2, nil}, // after End comes b: no boundary
		{`a$`, "aa", 0, 1, nil},   // $ looks at the whole haystack
		{`\ba`, "ba", 1, 2, nil},  // before Start comes b: no boundary
		{`^a`, "aa", 1, 2, nil},   // ^ is the start of the haystack
		{`a`, "ba", 0, 1, nil},    // the only a lies past End
		{`€`, "x€", 1, 3, nil},    // a rune cut by End cannot match
		{`(?m)^a`, "\na", 1, 2, []int{1, 2}},
	}
	for _, tt := range tests {
		prog := testutil.Compile(t, tt.pattern, syntax.Perl)
		vm := New(prog)
		slots := make([]int, 2)
		in := &nfa.Input{Haystack: []byte(tt.s), Start: tt.start, End: tt.end}
		var got []int
		if vm.Search(vm.NewCache(), in, false, slots) {
			got = slots
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%#q on %+q [%d,%d): %v, want %v", tt.pattern, tt.s, tt.start, tt.end, got, tt.want)
		}
	}
}

// TestWarmCacheAllocs checks that a search with a warm cache allocates
// nothing.
func TestWarmCacheAllocs(t *testing.T) {
	prog := testutil.Compile(t, `(\pL+)\s+(\d+|x*)(?i:k)?`, syntax.Perl)
	vm := New(prog)
	c := vm.NewCache()
	in := &nfa.Input{Haystack: []byte("éé 123 wörld 42K"), End: 17}
	slots := make([]int, 2*prog.NumCap)
	vm.Search(c, in, false, slots)
	vm.Search(c, in, true, slots)
	allocs := testing.AllocsPerRun(20, func() {
		vm.Search(c, in, false, slots)
		vm.Search(c, in, true, slots)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per warm search, want 0", allocs)
	}
}
