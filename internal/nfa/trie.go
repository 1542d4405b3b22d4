package nfa

import "github.com/rerepl/rerepl/internal/utf8ranges"

// trie merges the sorted UTF-8 byte sequences of one rune class into a
// deterministic fragment, sharing identical subtrees as it goes.
//
// Sequences arrive in increasing order, so once a new one leaves the path
// of the previous one, the nodes below the fork can never grow again: they
// are frozen into states right away (through compiler.node, which reuses
// an identical state when one exists). Only the current path stays open.
type trie struct {
	c    *compiler
	next StateID    // where every sequence leads after its last byte
	path []trieNode // path[0] is the root; path[i+1] hangs off path[i].last
}

// A trieNode is an open node on the current path: transitions already
// frozen, plus the pending one (last) leading to the next node on the path,
// or to trie.next from the deepest node.
type trieNode struct {
	trans   []Transition
	last    utf8ranges.Range
	hasLast bool
}

func (t *trie) reset(c *compiler, next StateID) {
	t.c, t.next = c, next
	t.path = t.path[:0]
	t.push()
}

// push opens a new node at the end of the path, reusing old storage.
func (t *trie) push() *trieNode {
	if len(t.path) < cap(t.path) {
		t.path = t.path[:len(t.path)+1]
	} else {
		t.path = append(t.path, trieNode{})
	}
	n := &t.path[len(t.path)-1]
	n.trans = n.trans[:0]
	n.hasLast = false
	return n
}

// add adds a sequence greater than every sequence added before.
func (t *trie) add(s utf8ranges.Sequence) {
	rs := s.Bytes()
	// How much of the current path s shares.
	p := 0
	for p < len(rs) && p < len(t.path) && t.path[p].hasLast && t.path[p].last == rs[p] {
		p++
	}
	if p == len(rs) {
		return // already present
	}
	t.freezeBelow(p)
	t.path[p].last, t.path[p].hasLast = rs[p], true
	for _, r := range rs[p+1:] {
		n := t.push()
		n.last, n.hasLast = r, true
	}
}

// freezeBelow turns the nodes after path[p] into states and closes
// path[p]'s pending transition onto them.
func (t *trie) freezeBelow(p int) {
	target := t.next
	for i := len(t.path) - 1; i > p; i-- {
		n := &t.path[i]
		n.trans = append(n.trans, Transition{Lo: n.last.Lo, Hi: n.last.Hi, Next: target})
		target = t.c.node(n.trans)
	}
	n := &t.path[p]
	if n.hasLast {
		n.trans = append(n.trans, Transition{Lo: n.last.Lo, Hi: n.last.Hi, Next: target})
		n.hasLast = false
	}
	t.path = t.path[:p+1]
}

// finish freezes the whole trie and returns its root, or failState when
// no sequence was added.
func (t *trie) finish() StateID {
	t.freezeBelow(0)
	root := &t.path[0]
	if len(root.trans) == 0 {
		return failState
	}
	return t.c.node(root.trans)
}
