package syntax

import (
	"strconv"
	"strings"
	"unicode"
)

// String returns a pattern for the tree, written the way the standard
// library's regexp/syntax writes it wherever that pattern reads back as
// the same tree: [^x-z] for negated classes, (?i:ABC) around
// case-insensitive literals, (?s:.) and (?m:^) where a flag changes what
// an operator means, and no flags where none are needed.
//
// Parsing the result gives a tree [Regexp.Equal] to re. For a tree parsed
// with Perl syntax, the result is meant to be parsed with the same flags
// minus [FoldCase] and [NonGreedy], as a pattern given to regexp.Compile
// is: case-insensitive parts say (?i:...) and non-greedy operators end in
// ?, as the pattern text itself would. The meaning of ^, $ and . never
// depends on the flags it is parsed with, because every node whose reading
// depends on them says which reading it wants, as in (?-s:.) or (?-m:$).
// Without Perl syntax there are no flag groups: the result is meant to be
// parsed with exactly the flags re was parsed with.
//
// A tree returned by [Regexp.Simplify] prints as a pattern with the same
// meaning; it may parse to a different shape, since the parser merges
// what Simplify keeps apart (x{2} is two literals x, which parse as one).
func (re *Regexp) String() string {
	if re.Op == OpLiteral && re.Flags&Literal != 0 {
		// Parsed with the Literal flag: the pattern is the text itself.
		return string(re.Rune)
	}
	pr := &printer{
		perl:    anyNode(re, func(n *Regexp) bool { return n.Flags&PerlX != 0 }),
		needs:   make(map[*Regexp]flagNeed),
		closed:  make(map[string]bool),
		classes: make(map[string]string),
	}
	if !pr.perl {
		pr.global, pr.knowGlobal = globalFlags(re)
		pr.perlGroups = repeatsGroup(re)
		// Under global folding every literal with case folds; lacking
		// literals, folding is taken to be off, which pieces written for
		// it survive either way unless other branches factor with them.
		if pr.knowGlobal {
			pr.foldOff = pr.global&FoldCase == 0
		} else {
			pr.foldOff = anyNode(re, func(n *Regexp) bool { return casedLiteral(n, false) }) ||
				!anyNode(re, func(n *Regexp) bool { return casedLiteral(n, true) })
		}
	}
	return pr.top(re)
}

// anyNode reports whether f holds for some node of re.
func anyNode(re *Regexp, f func(*Regexp) bool) bool {
	if f(re) {
		return true
	}
	for _, sub := range re.Sub {
		if anyNode(sub, f) {
			return true
		}
	}
	return false
}

// repeatsGroup reports whether re repeats a concatenation, an alternation
// or an empty match, which only Perl syntax can write without a capture:
// Simplify makes a{2}* into a star of aa. Written with (?:...), the
// pattern needs PerlX to read back.
func repeatsGroup(re *Regexp) bool {
	return anyNode(re, func(n *Regexp) bool {
		switch n.Op {
		case OpStar, OpPlus, OpQuest, OpRepeat:
			op := n.Sub[0].Op
			return op == OpConcat || op == OpAlternate || op == OpEmptyMatch
		}
		return false
	})
}

// casedLiteral reports whether re is a literal with a rune that has case
// and whose folding is fold. With global folding every such literal folds.
func casedLiteral(re *Regexp, fold bool) bool {
	if re.Op != OpLiteral || (re.Flags&FoldCase != 0) != fold {
		return false
	}
	for _, r := range re.Rune {
		if unicode.SimpleFold(r) != r {
			return true
		}
	}
	return false
}

// globalFlags recovers the parse flags of a tree parsed without Perl
// syntax, where they never change, from a node that records them: not a
// literal, whose FoldCase the parser sets by the literal's own form, nor a
// class, which merging literals leaves with the first one's flags, nor a
// concatenation, alternation or empty match, which Simplify builds
// without flags.
func globalFlags(re *Regexp) (Flags, bool) {
	switch re.Op {
	case OpLiteral, OpCharClass, OpConcat, OpAlternate, OpEmptyMatch, OpNoMatch:
	default:
		return re.Flags, true
	}
	for _, sub := range re.Sub {
		if f, ok := globalFlags(sub); ok {
			return f, true
		}
	}
	return 0, false
}

// A printer holds what String learns about a tree while writing it.
type printer struct {
	perl       bool  // Perl syntax: (?:...) and flag groups are available
	global     Flags // without Perl syntax: the parse flags, if knowGlobal
	knowGlobal bool
	perlGroups bool                 // without Perl syntax: (?:...) is needed anyway
	foldOff    bool                 // without Perl syntax: folding is known not to be global
	needs      map[*Regexp]flagNeed // memo for need
	closed     map[string]bool      // memo for closedUnderFolding, by classKey
	classes    map[string]string    // memo for classText, by classKey
}

// top writes the whole pattern, inside one flag group if the tree needs a
// flag set, or m or s cleared, everywhere.
func (pr *printer) top(re *Regexp) string {
	text := pr.alternation(re)
	n := pr.need(re)
	on, off := n.must, n.cant&^flagI
	if on == 0 && off == 0 {
		return text
	}
	return flagGroup(on, off, text)
}

// Printing with Perl syntax decides where flag groups go in two steps:
// need reports which inline flags each node must have set (must) or
// cleared (cant) to read back as itself, and a concatenation or
// alternation whose parts disagree groups consecutive parts that agree
// into runs, each written inside its own (?flags:...). The flags a part
// must have cleared are left to the enclosing groups; at the top, m and s
// are cleared explicitly and i is off already.

// flagSet is a set of the inline flags i, m and s.
type flagSet uint8

const (
	flagI flagSet = 1 << iota // case-insensitive: (?i)
	flagM                     // multi-line ^ and $: (?m)
	flagS                     // dot matches newline: (?s)
)

// A flagNeed records what the flags around a node must be for it to read
// back as itself.
type flagNeed struct {
	must, cant flagSet
	split      bool // the node's parts disagree and it sets their flags itself
}

// flagGroup returns text inside a group setting on and clearing off.
func flagGroup(on, off flagSet, text string) string {
	var b strings.Builder
	b.WriteString("(?")
	writeFlagLetters(&b, on)
	if off != 0 {
		b.WriteByte('-')
		writeFlagLetters(&b, off)
	}
	b.WriteByte(':')
	b.WriteString(text)
	b.WriteByte(')')
	return b.String()
}

func writeFlagLetters(b *strings.Builder, f flagSet) {
	if f&flagI != 0 {
		b.WriteByte('i')
	}
	if f&flagM != 0 {
		b.WriteByte('m')
	}
	if f&flagS != 0 {
		b.WriteByte('s')
	}
}

// need returns the flags re needs around it. Without Perl syntax nothing
// is needed, since no flag can be set inside a pattern.
func (pr *printer) need(re *Regexp) flagNeed {
	if !pr.perl {
		return flagNeed{}
	}
	if n, ok := pr.needs[re]; ok {
		return n
	}
	var n flagNeed
	switch re.Op {
	case OpLiteral:
		// Equal compares FoldCase even on a literal with no case, such as
		// (?i)1, so every literal says whether it folds.
		if re.Flags&FoldCase != 0 {
			n.must = flagI
		} else {
			n.cant = flagI
		}
	case OpCharClass:
		// Parsing a class under (?i) marks it case-insensitive and adds
		// the fold orbits of its runes, so only a folded class that
		// already holds them may be written there. A small one is
		// written as literals that set their own flags (see
		// branchPieces).
		if pr.foldedClass(re) && !isSmallClass(re) {
			n.must = flagI
		} else {
			n.cant = flagI
		}
	case OpAnyCharNotNL:
		n.cant = flagS
	case OpAnyChar:
		n.must = flagS
	case OpBeginLine, OpEndLine:
		n.must = flagM
	case OpEndText:
		if re.Flags&WasDollar != 0 {
			n.cant = flagM
		}
	case OpCapture, OpStar, OpPlus, OpQuest, OpRepeat:
		n = pr.need(re.Sub[0])
	case OpConcat:
		n, _ = pr.runs(pr.unitNeeds(pr.units(re.Sub)))
	case OpAlternate:
		needs := make([]flagNeed, len(re.Sub))
		for i, sub := range re.Sub {
			needs[i] = pr.need(sub)
		}
		n, _ = pr.runs(needs)
	}
	pr.needs[re] = n
	return n
}

// A run is a stretch parts[start:end] of consecutive parts that agree on
// their flags; must is what they need set.
type run struct {
	start, end int
	must       flagSet
}

// runs combines the needs of consecutive parts. When they agree it
// returns their union and a single run; otherwise it splits them into runs
// that agree and returns only what they all need cleared.
func (pr *printer) runs(parts []flagNeed) (flagNeed, []run) {
	var out []run
	cur := run{}
	var curCant, allCant flagSet
	split := false
	for i, p := range parts {
		if cur.must&p.cant != 0 || p.must&curCant != 0 {
			cur.end = i
			out = append(out, cur)
			cur = run{start: i}
			curCant = 0
			split = true
		}
		cur.must |= p.must
		curCant |= p.cant
		allCant |= p.cant
	}
	cur.end = len(parts)
	out = append(out, cur)
	if !split {
		return flagNeed{must: cur.must, cant: curCant}, out
	}
	return flagNeed{cant: allCant, split: true}, out
}

// writeRuns joins the texts of parts with sep, wrapping each run that
// needs flags set in a flag group. Parts at either end of a run that need
// nothing stay outside its group. bare, if not nil, gives for each part a
// text without its own (?:...), used when the part alone fills a group.
func writeRuns(b *strings.Builder, texts, bare []string, needs []flagNeed, runs []run, split bool, sep string) {
	write := func(i int, s string) {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
	}
	if !split {
		for i, t := range texts {
			write(i, t)
		}
		return
	}
	for _, r := range runs {
		first, last := r.start, r.end-1
		for first <= last && needs[first].must == 0 {
			first++
		}
		for last >= first && needs[last].must == 0 {
			last--
		}
		for i := r.start; i < first; i++ {
			write(i, texts[i])
		}
		if first <= last {
			var inner string
			if first == last && bare != nil && bare[first] != "" {
				inner = bare[first]
			} else {
				inner = strings.Join(texts[first:last+1], sep)
			}
			if first > 0 {
				b.WriteString(sep)
			}
			b.WriteString(flagGroup(r.must, 0, inner))
		}
		for i := max(last+1, first); i < r.end; i++ {
			write(i, texts[i])
		}
	}
}

// alternation writes re where a whole alternation may stand: at the top,
// inside a group or as a branch.
func (pr *printer) alternation(re *Regexp) string {
	switch re.Op {
	case OpAlternate:
		texts := make([]string, len(re.Sub))
		needs := make([]flagNeed, len(re.Sub))
		for i, sub := range re.Sub {
			if pieces := pr.branchPieces(sub, false); pieces != nil {
				texts[i] = strings.Join(pieces, "|")
			} else {
				texts[i] = pr.alternation(sub)
			}
			needs[i] = pr.need(sub)
		}
		n, runs := pr.runs(needs)
		var b strings.Builder
		writeRuns(&b, texts, nil, needs, runs, n.split, "|")
		return b.String()
	case OpConcat:
		if len(re.Sub) == 2 && pr.mustDistribute(re.Sub[1], true) {
			// A concatenation that factoring built out of an alternation
			// and that no other syntax gives: written as the alternation.
			own := pr.unitNeed(unit{nodes: re.Sub, kind: pairUnit}).split
			return strings.Join(pr.pairAlternatives(re.Sub[0], re.Sub[1], own), "|")
		}
	case OpEmptyMatch:
		if !pr.perl {
			return ""
		}
	case OpCharClass:
		if !pr.perl && pr.foldOff && pr.foldedClass(re) {
			if pieces := pr.foldLiterals(re); pieces != nil {
				return strings.Join(pieces, "|")
			}
		}
	}
	return pr.sequence(re)
}

// Factoring turns an alternation into shapes that written plainly would
// parse differently: ab|ac becomes a followed by [bc], and a.b|a.c becomes
// a followed by the concatenation .[bc], which a pattern could only write
// as a.[bc], flattened. Such a pair of a prefix and a rest is written
// back as the alternation it came from, with the prefix in front of each
// alternative of the rest; parsing factors it into the same pair.

// mustDistribute reports whether a rest following a prefix must be
// written as alternatives. alone says whether prefix and rest are the
// whole alternative being written, where without Perl syntax an
// alternation or an empty match following a prefix can be written too.
func (pr *printer) mustDistribute(rest *Regexp, alone bool) bool {
	switch rest.Op {
	case OpConcat:
		return canSplit(rest)
	case OpCharClass:
		// Parsing turns [x] into x and [Aa] into (?i:a).
		return isFoldPair(rest)
	case OpAlternate, OpEmptyMatch:
		return alone && !pr.perl
	}
	return false
}

// branchPieces returns, for a class among the branches of an alternation
// that parsing would turn into a literal, alternatives that merge back
// into it, and nil for any other branch. Such classes come from merging
// single characters: [Aa] from A|a, case-insensitive [Aa] from (?i:A)|a,
// and [k] from k|(?s)k, two literals k whose flags differ. Written as a
// class they would become (?i:A) and k. own says whether each alternative
// must set its own flags.
func (pr *printer) branchPieces(branch *Regexp, own bool) []string {
	if branch.Op != OpCharClass {
		return nil
	}
	r := branch.Rune
	folded := pr.foldedClass(branch)
	if !pr.perl && folded && pr.foldOff {
		if pieces := pr.foldLiterals(branch); pieces != nil {
			return pieces
		}
	}
	if !isSmallClass(branch) {
		return nil
	}
	switch {
	case folded:
		// A folding and a plain literal stay apart and merge into a
		// case-insensitive class, taking the first one's flag.
		c := minFoldRune(r[0])
		fold := pr.runeText(c, true)
		if pr.perl {
			fold = flagGroup(flagI, 0, fold)
		}
		return []string{fold, pr.runeText(c, false)}
	case isFoldPair(branch):
		return pr.classPieces(r)
	case pr.perl:
		// The same literal twice would factor into one; with flags that
		// differ but change nothing, they merge into the class. (Without
		// Perl syntax flags never differ, so no such class is built.)
		text := pr.runeText(r[0], false)
		return []string{text, "(?s:" + text + ")"}
	}
	return nil
}

// isSmallClass reports whether parsing would turn the class, written as
// such, into a literal: it holds one rune, or two that fold to each other.
func isSmallClass(class *Regexp) bool {
	r := class.Rune
	return len(r) == 2 && r[0] == r[1] || isFoldPair(class)
}

// foldLiterals returns, for a small case-insensitive class without Perl
// syntax, where folding may be off, the literals that merge into it: one per
// fold orbit, a folding one first, since the merged class takes the flags
// of the first. (A|a) with \n makes [\nAa] case-insensitive so.) A class
// of more runes is left to be written as a class.
func (pr *printer) foldLiterals(class *Regexp) []string {
	var folding, plain []string
	count := 0
	for i := 0; i+1 < len(class.Rune); i += 2 {
		for r := class.Rune[i]; r <= class.Rune[i+1]; r++ {
			if count++; count > 32 {
				return nil
			}
			orbit := foldOrbit(r)
			switch {
			case len(orbit) == 1:
				plain = append(plain, pr.runeText(r, false))
			case minFoldRune(r) == r:
				folding = append(folding, pr.runeText(r, true))
			}
		}
	}
	if len(folding) == 0 || len(folding)+len(plain) < 2 {
		return nil
	}
	return append(folding, plain...)
}

// canSplit reports whether re can be written as two or more alternatives
// that factoring merges back into re.
func canSplit(re *Regexp) bool {
	switch re.Op {
	case OpAlternate, OpEmptyMatch, OpAnyChar, OpAnyCharNotNL:
		return true
	case OpConcat:
		// Two copies of one node come from Simplify (x{2} is x twice),
		// never from factoring: written one after the other they read
		// best and mean the same.
		return len(re.Sub) == 2 && re.Sub[0] != re.Sub[1] && canSplit(re.Sub[1])
	case OpCharClass:
		return len(re.Rune) > 2 || len(re.Rune) == 2 && re.Rune[0] < re.Rune[1]
	}
	return false
}

// pairAlternatives returns the alternatives that factor into prefix
// followed by rest. own says whether each must set its own flags.
func (pr *printer) pairAlternatives(prefix, rest *Regexp, own bool) []string {
	head := pr.ownText(prefix, own)
	tails := pr.alternatives(rest, own)
	// When the rest starts with a literal that would merge with the
	// prefix (A then A(?:B|[ab]) came from A(?:AB|A[ab])), each tail is
	// written in a group: one holding several parts keeps its literal
	// apart, so factoring takes only the prefix in common, as it did.
	apart := rest.Op == OpConcat && sameFoldLiterals(prefix, rest.Sub[0])
	for i := range tails {
		if apart {
			tails[i] = "(?:" + tails[i] + ")"
		}
		tails[i] = head + tails[i]
	}
	return tails
}

// ownText returns re written where a concatenation may stand, inside its
// own flag group if own says the text must set its flags itself.
func (pr *printer) ownText(re *Regexp, own bool) string {
	text := pr.sequence(re)
	if n := pr.need(re); own && !n.split && n.must != 0 {
		return flagGroup(n.must, 0, text)
	}
	return text
}

// alternatives returns patterns, none with a top-level |, whose
// alternation factors into re.
func (pr *printer) alternatives(re *Regexp, own bool) []string {
	own = own || pr.need(re).split
	switch re.Op {
	case OpAlternate:
		var out []string
		for _, branch := range re.Sub {
			if branch.Op == OpConcat && len(branch.Sub) == 2 && pr.mustDistribute(branch.Sub[1], true) {
				pairOwn := own || pr.unitNeed(unit{nodes: branch.Sub, kind: pairUnit}).split
				out = append(out, pr.pairAlternatives(branch.Sub[0], branch.Sub[1], pairOwn)...)
				continue
			}
			if pieces := pr.branchPieces(branch, own); pieces != nil {
				out = append(out, pieces...)
				continue
			}
			out = append(out, pr.ownText(branch, own))
		}
		return out
	case OpEmptyMatch:
		// Two empty alternatives: x|x factors into x and an empty match.
		return []string{"", ""}
	case OpConcat:
		if canSplit(re) {
			return pr.pairAlternatives(re.Sub[0], re.Sub[1], own)
		}
	case OpAnyChar:
		return []string{`[^\n]`, `\n`}
	case OpAnyCharNotNL:
		return []string{`[\x00-\t]`, `[\v-\x{10ffff}]`}
	case OpCharClass:
		if canSplit(re) {
			return pr.classAlternatives(re, own)
		}
	}
	return []string{pr.ownText(re, own)}
}

// classAlternatives splits a class into pieces whose alternation merges
// back into it.
func (pr *printer) classAlternatives(re *Regexp, own bool) []string {
	if pieces := pr.branchPieces(re, own); pieces != nil {
		return pieces
	}
	if pr.foldedClass(re) {
		// A case-insensitive class must keep its flag: one rune's orbit
		// and the whole class merge into the class.
		lit := &Regexp{Op: OpLiteral, Flags: re.Flags, Rune: []rune{minFoldRune(re.Rune[0])}}
		return []string{pr.ownText(lit, own), pr.ownText(re, own)}
	}
	var first, rest []rune
	if len(re.Rune) > 2 {
		first, rest = re.Rune[:2], re.Rune[2:]
	} else {
		lo, hi := re.Rune[0], re.Rune[1]
		first, rest = []rune{lo, lo}, []rune{lo + 1, hi}
	}
	pieces := append(pr.classPieces(first), pr.classPieces(rest)...)
	return pieces
}

// classPieces writes a class of a split as one piece, or as single runes
// where parsing would turn the class into a case-insensitive literal.
func (pr *printer) classPieces(runes []rune) []string {
	cls := &Regexp{Op: OpCharClass, Rune: runes}
	switch {
	case len(runes) == 2 && runes[0] == runes[1]:
		return []string{pr.runeText(runes[0], false)}
	case isFoldPair(cls):
		lo, hi := runes[0], runes[len(runes)-1]
		return []string{pr.runeText(lo, false), pr.runeText(hi, false)}
	}
	return []string{pr.classText(cls)}
}

// A unit is one or more consecutive parts of a concatenation written
// together.
type unit struct {
	nodes []*Regexp
	kind  unitKind
}

type unitKind uint8

const (
	singleUnit unitKind = iota // one part, written as itself
	pairUnit                   // a prefix and a rest, written as (?:alternatives)
	groupUnit                  // parts written inside (?:...)
)

// units divides the parts of a concatenation into units that read back
// as those same parts.
func (pr *printer) units(subs []*Regexp) []unit {
	parts := flattenConcat(subs)
	var out []unit
	for i := 0; i < len(parts); i++ {
		if pr.perl && i+1 < len(parts) && pr.mustDistribute(parts[i+1], false) {
			out = append(out, unit{nodes: parts[i : i+2], kind: pairUnit})
			i++
			continue
		}
		out = append(out, unit{nodes: parts[i : i+1]})
	}
	if !pr.perl {
		return out
	}
	// A literal after a literal that folds the same way would merge with
	// it. Written in a group with a neighbour, one of them stays apart,
	// since a group holding a concatenation adds its parts one by one.
	// (Such neighbours come from a group flattened into its surroundings,
	// as in b(?:ab|ac) or (?:a$\n)b.)
	for k := 1; k < len(out); k++ {
		prev, cur := out[k-1], out[k]
		if cur.kind != singleUnit || !sameFoldLiterals(lastNode(prev), cur.nodes[0]) || lastNode(prev) == cur.nodes[0] {
			// Copies of one literal come from Simplify (x{2}); written
			// side by side they read as one literal, with the same meaning.
			continue
		}
		switch {
		case k+1 < len(out) && !(out[k+1].kind == singleUnit && sameFoldLiterals(cur.nodes[0], out[k+1].nodes[0])):
			// The literal and what follows it.
			out = groupUnits(out, k)
		case k >= 2 && prev.kind == singleUnit && !(out[k-2].kind == singleUnit && sameFoldLiterals(out[k-2].nodes[0], prev.nodes[0])):
			// What precedes it and the literal before it.
			out = groupUnits(out, k-2)
			k--
		}
	}
	return out
}

// groupUnits returns units with out[k] and out[k+1] made one group.
func groupUnits(out []unit, k int) []unit {
	nodes := append(append([]*Regexp(nil), out[k].nodes...), out[k+1].nodes...)
	out[k] = unit{nodes: nodes, kind: groupUnit}
	return append(out[:k+1], out[k+2:]...)
}

// flattenConcat returns subs with every nested concatenation that is not
// the rest of a factored pair replaced by its parts. Those come from
// Simplify (a{2} is a concatenation of two a), and no syntax keeps them
// apart; the meaning is the same.
func flattenConcat(subs []*Regexp) []*Regexp {
	nested := false
	for i, sub := range subs {
		if sub.Op == OpConcat && (i == 0 || !canSplit(sub)) {
			nested = true
		}
	}
	if !nested {
		return subs
	}
	var out []*Regexp
	for _, sub := range subs {
		if sub.Op == OpConcat && (len(out) == 0 || !canSplit(sub)) {
			out = append(out, flattenConcat(sub.Sub)...)
			continue
		}
		out = append(out, sub)
	}
	return out
}

func lastNode(u unit) *Regexp { return u.nodes[len(u.nodes)-1] }

// sameFoldLiterals reports whether x and y are literals the parser would
// merge when written side by side.
func sameFoldLiterals(x, y *Regexp) bool {
	return x.Op == OpLiteral && y.Op == OpLiteral && x.Flags&FoldCase == y.Flags&FoldCase
}

// unitNeeds returns the flag needs of each unit.
func (pr *printer) unitNeeds(units []unit) []flagNeed {
	needs := make([]flagNeed, len(units))
	for i, u := range units {
		needs[i] = pr.unitNeed(u)
	}
	return needs
}

func (pr *printer) unitNeed(u unit) flagNeed {
	if len(u.nodes) == 1 {
		return pr.need(u.nodes[0])
	}
	needs := make([]flagNeed, len(u.nodes))
	for i, n := range u.nodes {
		needs[i] = pr.need(n)
	}
	n, _ := pr.runs(needs)
	return n
}

// sequence writes re where a concatenation may stand.
func (pr *printer) sequence(re *Regexp) string {
	switch re.Op {
	case OpConcat:
		return pr.units2text(pr.units(re.Sub))
	case OpAlternate:
		return "(?:" + pr.alternation(re) + ")"
	case OpEmptyMatch:
		if pr.perl {
			return "(?:)"
		}
		return ""
	case OpStar, OpPlus, OpQuest, OpRepeat:
		return pr.repetition(re)
	case OpLiteral:
		return pr.literalText(re)
	}
	return pr.atom(re)
}

// units2text writes units one after another, with flag groups around
// the runs that need them.
func (pr *printer) units2text(units []unit) string {
	texts := make([]string, len(units))
	bare := make([]string, len(units))
	for i, u := range units {
		texts[i], bare[i] = pr.unitText(u)
	}
	needs := pr.unitNeeds(units)
	n, runs := pr.runs(needs)
	var b strings.Builder
	writeRuns(&b, texts, bare, needs, runs, n.split, "")
	return b.String()
}

// unitText returns the text of a unit and, for a unit written inside
// (?:...), the text without that group.
func (pr *printer) unitText(u unit) (text, bare string) {
	switch u.kind {
	case pairUnit:
		own := pr.unitNeed(u).split
		bare = strings.Join(pr.pairAlternatives(u.nodes[0], u.nodes[1], own), "|")
	case groupUnit:
		bare = pr.units2text(pr.units(u.nodes))
	default:
		n := u.nodes[0]
		if n.Op == OpAlternate {
			return pr.sequence(n), pr.alternation(n)
		}
		return pr.sequence(n), ""
	}
	return "(?:" + bare + ")", bare
}

// repetition writes a star, plus, quest or counted repetition.
func (pr *printer) repetition(re *Regexp) string {
	var b strings.Builder
	b.WriteString(pr.operand(re.Sub[0]))
	switch re.Op {
	case OpStar:
		b.WriteByte('*')
	case OpPlus:
		b.WriteByte('+')
	case OpQuest:
		b.WriteByte('?')
	case OpRepeat:
		b.WriteByte('{')
		b.WriteString(strconv.Itoa(re.Min))
		if re.Max != re.Min {
			b.WriteByte(',')
			if re.Max >= 0 {
				b.WriteString(strconv.Itoa(re.Max))
			}
		}
		b.WriteByte('}')
	}
	if pr.perl && re.Flags&NonGreedy != 0 {
		b.WriteByte('?')
	}
	return b.String()
}

// operand writes re where a repetition operator follows.
func (pr *printer) operand(re *Regexp) string {
	switch re.Op {
	case OpStar, OpPlus, OpQuest, OpRepeat:
		if !pr.perl && !pr.perlGroups {
			// Without Perl syntax a** is a star of a star. (With PerlX,
			// which (?:...) elsewhere needs, a*? would be non-greedy.)
			return pr.repetition(re)
		}
	case OpConcat, OpAlternate:
	case OpLiteral:
		if len(re.Rune) == 1 {
			return pr.literalText(re)
		}
	default:
		return pr.sequence(re)
	}
	return "(?:" + pr.alternation(re) + ")"
}

// atom writes an operator that stands for one thing.
func (pr *printer) atom(re *Regexp) string {
	switch re.Op {
	case OpNoMatch:
		return `[^\x00-\x{10FFFF}]`
	case OpCharClass:
		return pr.classText(re)
	case OpAnyCharNotNL:
		if !pr.perl && pr.global&DotNL != 0 {
			return `[^\n]`
		}
		return "."
	case OpAnyChar:
		if !pr.perl && pr.global&DotNL == 0 {
			return `[\x00-\x{10FFFF}]`
		}
		return "."
	case OpBeginLine:
		return "^"
	case OpEndLine:
		return "$"
	case OpBeginText:
		if pr.perl {
			return `\A`
		}
		return "^"
	case OpEndText:
		if pr.perl && re.Flags&WasDollar == 0 {
			return `\z`
		}
		return "$"
	case OpWordBoundary:
		return `\b`
	case OpNoWordBoundary:
		return `\B`
	case OpCapture:
		var b strings.Builder
		if re.Name != "" {
			b.WriteString("(?P<" + re.Name + ">")
		} else {
			b.WriteString("(")
		}
		if re.Sub[0].Op != OpEmptyMatch {
			b.WriteString(pr.alternation(re.Sub[0]))
		}
		b.WriteString(")")
		return b.String()
	}
	return "(?:" + pr.alternation(re) + ")"
}

// literalText writes a literal's runes. With Perl syntax the enclosing
// flag groups say whether it folds; without, case folding is global.
func (pr *printer) literalText(re *Regexp) string {
	fold := re.Flags&FoldCase != 0
	var b strings.Builder
	for _, r := range re.Rune {
		if pr.perl {
			writeEscaped(&b, r, false)
		} else {
			b.WriteString(pr.runeText(r, fold))
		}
	}
	return b.String()
}

// runeText writes one rune of a literal, without Perl syntax as the
// class it must have come from when its folding differs from the global
// setting.
func (pr *printer) runeText(r rune, fold bool) string {
	var b strings.Builder
	if pr.perl {
		writeEscaped(&b, r, false)
		return b.String()
	}
	orbit := foldOrbit(r)
	asClass := false
	switch {
	case pr.knowGlobal:
		asClass = fold != (pr.global&FoldCase != 0)
	case fold:
		asClass = len(orbit) == 2 // [Aa]; larger orbits only fold globally
	default:
		asClass = len(orbit) == 1 // [1] reads the same either way
	}
	if !asClass {
		writeEscaped(&b, r, false)
		return b.String()
	}
	if !fold {
		orbit = orbit[:1]
	}
	b.WriteString("[")
	for _, f := range orbit {
		writeEscaped(&b, f, true)
	}
	b.WriteString("]")
	return b.String()
}

// foldOrbit returns r followed by the other runes of its fold orbit.
func foldOrbit(r rune) []rune {
	orbit := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		orbit = append(orbit, f)
	}
	return orbit
}

// foldedClass reports whether a class is case-insensitive and can be
// written so: it holds the whole fold orbit of each of its runes. Some
// case-insensitive Unicode classes, such as (?i)\p{LC}, do not, and no
// syntax gives their runes with the flag; they are written without it
// and read back with the same runes.
func (pr *printer) foldedClass(re *Regexp) bool {
	return re.Flags&FoldCase != 0 && pr.closedUnderFolding(re.Rune)
}

// classText writes a character class as a list of ranges, or as the
// ranges it lacks after [^ when it holds both ends of the rune range.
func (pr *printer) classText(re *Regexp) string {
	r := re.Rune
	if len(r) == 0 {
		return `[^\x00-\x{10FFFF}]`
	}
	// A tree may hold thousands of copies of one large class, as \pL{1000}
	// does; each is written once.
	key := classKey(r)
	if re.Flags&ClassNL != 0 {
		key += "n"
	}
	if text, ok := pr.classes[key]; ok {
		return text
	}
	var b strings.Builder
	b.WriteByte('[')
	if r[0] == 0 && r[len(r)-1] == unicode.MaxRune && len(r) > 2 && pr.negationKeepsNewline(re) {
		b.WriteByte('^')
		for i := 1; i+2 < len(r); i += 2 {
			writeRange(&b, r[i]+1, r[i+1]-1)
		}
	} else {
		for i := 0; i+1 < len(r); i += 2 {
			writeRange(&b, r[i], r[i+1])
		}
	}
	b.WriteByte(']')
	pr.classes[key] = b.String()
	return b.String()
}

// negationKeepsNewline reports whether the class reads back the same when
// written negated. Without the ClassNL flag, [^...] never matches a
// newline, so a class holding one is written as its ranges.
func (pr *printer) negationKeepsNewline(re *Regexp) bool {
	return re.Flags&ClassNL != 0 || !cleanClassHas(re.Rune, '\n')
}

// writeRange writes the class range lo-hi; two neighbours need no dash.
func writeRange(b *strings.Builder, lo, hi rune) {
	writeEscaped(b, lo, true)
	if hi == lo {
		return
	}
	if hi != lo+1 {
		b.WriteByte('-')
	}
	writeEscaped(b, hi, true)
}

// closedUnderFolding is the memoized [closedUnderFolding]: a tree may hold
// thousands of copies of one large class.
func (pr *printer) closedUnderFolding(class []rune) bool {
	key := classKey(class)
	if closed, ok := pr.closed[key]; ok {
		return closed
	}
	closed := closedUnderFolding(class)
	pr.closed[key] = closed
	return closed
}

// classKey returns a map key that identifies the runes of a class.
func classKey(class []rune) string {
	key := make([]byte, 0, 3*len(class))
	for _, r := range class {
		key = append(key, byte(r>>16), byte(r>>8), byte(r))
	}
	return string(key)
}

// closedUnderFolding reports whether the clean class holds the whole fold
// orbit of each of its runes.
func closedUnderFolding(class []rune) bool {
	for i := 0; i+1 < len(class); i += 2 {
		lo, hi := max(class[i], minFold), min(class[i+1], maxFold)
		for r := lo; r <= hi; r++ {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if !cleanClassHas(class, f) {
					return false
				}
			}
		}
	}
	return true
}

// cleanClassHas reports whether the sorted class contains r.
func cleanClassHas(class []rune, r rune) bool {
	lo, hi := 0, len(class)/2
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < class[2*m]:
			hi = m
		case r > class[2*m+1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// metaChars are the characters that mean something outside a class.
const metaChars = `\.+*?()|[]{}^$`

// writeEscaped writes r so that it reads back as the same rune: printable
// runes as themselves, with a backslash if they are syntax, others as
// escapes. inClass also escapes a dash.
func writeEscaped(b *strings.Builder, r rune, inClass bool) {
	if unicode.IsPrint(r) {
		if strings.ContainsRune(metaChars, r) || inClass && r == '-' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		return
	}
	switch r {
	case '\a':
		b.WriteString(`\a`)
	case '\f':
		b.WriteString(`\f`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	case '\v':
		b.WriteString(`\v`)
	default:
		hex := strconv.FormatInt(int64(r), 16)
		switch {
		case r < 0x10:
			b.WriteString(`\x0` + hex)
		case r < 0x100:
			b.WriteString(`\x` + hex)
		default:
			b.WriteString(`\x{` + hex + `}`)
		}
	}
}
