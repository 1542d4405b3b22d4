package syntax

// MaxCap returns the largest capture index in the tree, which is the
// number of capturing groups because they are numbered from 1 in the order
// their ( appears.
func (re *Regexp) MaxCap() int {
	n := 0
	if re.Op == OpCapture {
		n = re.Cap
	}
	for _, sub := range re.Sub {
		n = max(n, sub.MaxCap())
	}
	return n
}

// CapNames returns the names of the capturing groups, indexed by capture
// number: element 0 (the whole match) and unnamed groups are "".
func (re *Regexp) CapNames() []string {
	names := make([]string, re.MaxCap()+1)
	re.collectCapNames(names)
	return names
}

func (re *Regexp) collectCapNames(names []string) {
	if re.Op == OpCapture {
		names[re.Cap] = re.Name
	}
	for _, sub := range re.Sub {
		sub.collectCapNames(names)
	}
}
