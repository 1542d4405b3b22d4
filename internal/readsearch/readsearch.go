// Package readsearch searches the text of an [io.RuneReader] while it
// reads it, for the Reader methods of package regexp: it answers exactly
// as the standard library does, reads (where the caller can tell) exactly
// as far as the standard library reads, and keeps a bounded amount of the
// text whatever the reader's length.
//
// # How
//
// The lazy DFA runs over the text as it arrives, its state carried from
// one piece to the next ([dfa.Stream]). While it is in an unanchored start
// state no match is in progress, so the text before the last such
// position (but the rune before it, for the assertions) is dropped. The
// DFA decides when the answer is near: for Match, at the first match end,
// which is the answer; otherwise when no thread is left after a match (or
// the text ends). A streaming Pike VM (vm) then runs from the last start
// state position over the kept text, and on as more is read, for the
// match, its groups, and where the standard library stops reading. The
// Pike VM keeps no text behind it, only its threads.
//
// The same Pike VM takes over when the DFA cannot go on: at a byte that
// is not valid UTF-8 (the DFA cannot read those), when its cache thrashes,
// or when a match in progress has held more than maxHold bytes of text
// (`.*` over a reader without newlines). It hands back to the DFA when no
// thread is alive and no match was seen. So memory is bounded by a window
// plus maxHold plus the engines' state, for every pattern and text, and
// time is linear: each byte is read by the DFA at most once and by the
// Pike VM at most once more.
//
// # What is consumed
//
// The standard library reads rune by rune with one rune of look-ahead: a
// search that stops at position q has read the rune at q and the one
// after it (or found the end of the text). Where it stops depends on its
// machine: its Pike VM stops at the first match end when no slot is
// asked for, and otherwise once no thread is left after a match (or, for
// a pattern anchored at \A, once no thread is left at all); its one-pass
// machine, which it uses for anchored patterns its analysis accepts,
// stops where its one thread matches or fails. [Config] says which; the
// Pike VM here reproduces both stopping points, and the search reads up
// to exactly there. A reader that can be read ahead without the caller
// noticing, *strings.Reader and *bytes.Reader, is read a window at a time
// with ReadAt and then positioned (with Seek and one ReadRune, so that
// UnreadRune works as it would) where the standard library leaves it;
// any other reader is read one rune per ReadRune call, no further.
package readsearch

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rerepl/rerepl/internal/dfa"
	"github.com/rerepl/rerepl/internal/nfa"
)

// window is how many bytes a reader that allows it is read at a time,
// once the first reads (from 4 KiB up, doubling) found nothing.
const window = 64 << 10

// maxHold is how much text a match in progress may hold, while the DFA
// runs, before the Pike VM (which holds none) takes over. A match that is
// longer than this is scanned at Pike VM speed, which is the standard
// library's speed.
const maxHold = 1 << 20

// giveUpPause is how far the Pike VM runs after the DFA gave up before
// the DFA may start again (with a fresh series of cache clears).
const giveUpPause = 1 << 20

// Config describes a pattern to [New]. Anchored, OnePass and Impossible
// describe the standard library's program for the pattern, which decides
// how far it reads.
type Config struct {
	// Prog is the forward program.
	Prog *nfa.Prog
	// DFA is a lazy DFA of Prog, or nil to run the Pike VM only.
	DFA *dfa.DFA
	// Anchored is set when the standard library's program begins with
	// \A (its StartCond): it then starts a thread at position 0 only.
	Anchored bool
	// OnePass is set when the standard library runs its one-pass
	// machine for the pattern.
	OnePass bool
	// Impossible is set when the standard library's program begins
	// with a failure: it then reads nothing.
	Impossible bool
	// MaxHold is how much text a match in progress may hold before the
	// Pike VM takes over; zero means maxHold. Tests make it small.
	MaxHold int
}

// A Searcher searches readers for one pattern. It is safe for concurrent
// use.
type Searcher struct {
	cfg   Config
	calls sync.Pool
}

// New returns a Searcher for cfg.
func New(cfg Config) *Searcher {
	if cfg.MaxHold <= 0 {
		cfg.MaxHold = maxHold
	}
	return &Searcher{cfg: cfg}
}

// Config returns the configuration of s, for tests that vary it.
func (s *Searcher) Config() Config { return s.cfg }

// noInts backs the empty, non-nil result of a match with no slots.
var noInts [0]int

// Search finds the leftmost match (leftmost-longest with longest) in the
// text of r and appends its first nslots capture slots to dst, as stream
// offsets; slots past the program's groups are -1. It returns nil when
// there is no match and a non-nil slice (empty for nslots 0) otherwise.
// With nslots 0 it stops at the first match end, as the standard
// library's MatchReader does.
func (s *Searcher) Search(r io.RuneReader, longest bool, nslots int, dst []int) []int {
	c, _ := s.calls.Get().(*call)
	if c == nil {
		c = &call{s: s}
		if s.cfg.DFA != nil {
			c.dc = s.cfg.DFA.NewCache()
		}
	}
	c.begin(r)
	stride := min(nslots, 2*s.cfg.Prog.NumCap)
	matched := c.search(longest, stride, nslots == 0)
	if matched {
		if dst == nil {
			dst = noInts[:0:0]
		}
		dst = append(dst, c.m.best[:stride]...)
		for range nslots - stride {
			dst = append(dst, -1)
		}
	} else {
		dst = nil
	}
	c.end()
	s.calls.Put(c)
	return dst
}

// A call is the memory of one search: the reader, the text kept, the DFA
// scan and the Pike VM.
type call struct {
	s *Searcher

	// The reader: sr or br when it can be read ahead (from the offset
	// it was at, start), else rr, one rune at a time.
	rr    io.RuneReader
	sr    *strings.Reader
	br    *bytes.Reader
	start int64
	// bf is a bufio.Reader, whose buffer is read with Peek; bfPos is
	// the stream offset of its read position (what was Discarded), and
	// safe is the offset up to which the standard library surely reads,
	// which may be discarded.
	bf          *bufio.Reader
	bfPos, safe int

	// buf holds the text from stream offset base to off, the bytes read
	// so far; eof is set once the reader has reported its end (or an
	// error, which ends the text as it does for the standard library).
	buf       []byte
	base, off int
	eof       bool
	// validTo is where the valid UTF-8 from validFrom, known so far,
	// ends; sawInvalid is set once a rune reader reported an invalid
	// byte (before that, validEnd has nothing to check).
	validFrom, validTo int
	sawInvalid         bool
	// win is the size of the next read of a reader read ahead: small
	// at first, for a match near the start, then doubling.
	win int

	dc *dfa.Cache
	ds dfa.Stream
	m  vm
}

func (c *call) begin(r io.RuneReader) {
	c.rr, c.sr, c.br, c.bf = nil, nil, nil, nil
	c.bfPos, c.safe = 0, 0
	switch v := r.(type) {
	case *bufio.Reader:
		c.bf = v
	case *strings.Reader:
		c.sr, c.start = v, v.Size()-int64(v.Len())
	case *bytes.Reader:
		c.br, c.start = v, v.Size()-int64(v.Len())
	default:
		c.rr = r
	}
	c.buf = c.buf[:0]
	c.base, c.off, c.eof = 0, 0, false
	c.validFrom, c.validTo, c.sawInvalid = 0, 0, false
	c.win = 4 << 10
}

func (c *call) end() {
	c.rr, c.sr, c.br, c.bf = nil, nil, nil, nil
	if cap(c.buf) > 4*maxHold {
		c.buf = nil
	}
}

// How a DFA scan ended.
type scanResult uint8

const (
	scanMatchEnd scanResult = iota // earliest: a match ends at the position returned
	scanNoMatch                    // the text ended without a match
	scanDecide                     // the Pike VM must decide, from the kept text
	scanInvalid                    // invalid UTF-8 at the position returned
	scanHold                       // a match in progress holds too much text
	scanGaveUp                     // the DFA's cache thrashed
)

// search runs the search and reads what the standard library would read.
// It reports whether there is a match, whose slots are then in c.m.best.
func (c *call) search(longest bool, stride int, noSlots bool) bool {
	cfg := &c.s.cfg
	if cfg.Impossible {
		return false
	}
	earliest := noSlots && !cfg.OnePass
	// The standard library's one-pass machine has no leftmost-longest
	// mode: a one-pass program has one path, so both modes agree on the
	// match, and leftmost-first gives its stopping point.
	longest = longest && !cfg.OnePass
	useDFA := cfg.DFA != nil
	from := 0 // no match in progress started before from
	for {
		resume := -1
		if useDFA {
			res, at := c.scan(&from, earliest)
			switch res {
			case scanMatchEnd:
				c.consume(at)
				return true
			case scanNoMatch:
				c.consume(c.off)
				return false
			case scanDecide:
				resume = -1
			case scanInvalid:
				resume = at + 1
			case scanHold:
				resume = c.off
			case scanGaveUp:
				resume = c.off + giveUpPause
			}
		}
		c.m.reset(cfg.Prog, from, stride, longest, earliest, cfg.Anchored)
		if resume < 0 {
			resume = int(^uint(0) >> 1)
		}
		for {
			st := c.m.run(c.buf, c.base, c.eof, resume)
			if st == vmMore {
				c.safe = max(c.safe, c.m.pos-2*utf8.UTFMax)
				c.fill(c.m.pos - utf8.UTFMax)
				continue
			}
			if st == vmIdle {
				from = c.m.pos
				break
			}
			q := c.m.stopAt
			if cfg.OnePass {
				q = c.m.stopOnePass
			}
			c.consume(q)
			return c.m.matched
		}
	}
}

// scan runs the DFA from *from, the rune boundary at which no match can
// be in progress, moving *from on as the DFA passes through start states,
// until something is decided or the DFA cannot go on.
func (c *call) scan(from *int, earliest bool) (scanResult, int) {
	cfg := &c.s.cfg
	before := -1
	if *from > 0 {
		before = int(c.buf[*from-1-c.base])
	}
	if !c.ds.Start(cfg.DFA, c.dc, before, cfg.Anchored, earliest) {
		return scanGaveUp, *from
	}
	at := *from
	for {
		c.safe = max(c.safe, at-2*utf8.UTFMax)
		if at == c.off {
			if !c.eof {
				c.fill(max(c.base, *from-utf8.UTFMax))
				continue
			}
			matched, ok := c.ds.End()
			switch {
			case !ok:
				return scanGaveUp, at
			case !matched:
				return scanNoMatch, at
			case earliest:
				return scanMatchEnd, at
			}
			return scanDecide, at
		}
		end := c.validEnd(at)
		if end == at {
			return scanInvalid, at
		}
		n, last, ev := c.ds.Feed(c.buf[at-c.base : end-c.base])
		if last >= 0 {
			*from = at + last
		}
		at += n
		switch ev {
		case dfa.MatchEnd:
			return scanMatchEnd, at
		case dfa.Dead:
			return scanDecide, at
		case dfa.StreamGaveUp:
			return scanGaveUp, at
		}
		if at-*from > cfg.MaxHold {
			return scanHold, at
		}
	}
}

// validEnd returns the end of the valid UTF-8 that starts at offset from
// in the text read so far.
func (c *call) validEnd(from int) int {
	if c.rr != nil && !c.sawInvalid {
		// Read rune by rune and every rune was valid: nothing to check.
		return c.off
	}
	if from < c.validFrom || from > c.validTo {
		c.validFrom, c.validTo = from, from
	}
	b := c.buf[c.validTo-c.base : c.off-c.base]
	if utf8.Valid(b) {
		c.validTo = c.off
		return c.off
	}
	i := 0
	for i < len(b) {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && w == 1 {
			break
		}
		i += w
	}
	c.validTo += i
	return c.validTo
}

// fill reads more of the text (one rune, or a window from a reader that
// can be read ahead), first dropping the text before keep when that
// frees enough to be worth the copy.
func (c *call) fill(keep int) {
	if k := keep - c.base; k >= 4096 && 2*k >= len(c.buf) {
		n := copy(c.buf, c.buf[k:])
		c.buf = c.buf[:n]
		c.base = keep
	}
	if c.rr != nil {
		r, size, err := c.rr.ReadRune()
		if err != nil {
			c.eof = true
			return
		}
		if r == utf8.RuneError && size == 1 {
			// A byte the reader could not decode: store one byte
			// that is invalid whatever follows, so that offsets stay
			// the stream's and the pattern sees U+FFFD of width 1.
			c.buf = append(c.buf, 0xFF)
			c.sawInvalid = true
		} else {
			c.buf = utf8.AppendRune(c.buf, r)
		}
		c.off = c.base + len(c.buf)
		return
	}
	if c.bf != nil {
		c.fillBufio()
		return
	}
	n0 := len(c.buf)
	c.buf = append(c.buf, make([]byte, c.win)...)[:n0]
	p := c.buf[n0 : n0+c.win]
	c.win = min(2*c.win, window)
	var n int
	var err error
	if c.sr != nil {
		n, err = c.sr.ReadAt(p, c.start+int64(c.off))
	} else {
		n, err = c.br.ReadAt(p, c.start+int64(c.off))
	}
	if err != nil {
		c.eof = true
	} else {
		// Keep a rune cut at the end of the window for the next
		// read: the engines see whole runes only.
		n = n - incompleteTail(p[:n])
	}
	c.buf = c.buf[:n0+n]
	c.off = c.base + len(c.buf)
}

// fillBufio copies more of a bufio.Reader's buffer, reading into it
// (with Peek, which blocks as ReadRune would) only when all of it has
// been copied, after discarding what the standard library surely reads.
// The bytes copied stay in the bufio.Reader's buffer until then, so that
// consume can leave it exactly where the standard library would.
func (c *call) fillBufio() {
	for {
		have := c.off - c.bfPos // copied, not discarded
		b, _ := c.bf.Peek(c.bf.Buffered())
		fresh := b[have:]
		if n := len(fresh) - incompleteTail(fresh); n > 0 {
			c.buf = append(c.buf, fresh[:n]...)
			c.off = c.base + len(c.buf)
			return
		}
		if d := min(c.safe, c.off) - c.bfPos; d > 0 {
			c.bf.Discard(d)
			c.bfPos += d
		}
		more, err := c.bf.Peek(c.off - c.bfPos + len(fresh) + 1)
		if err == bufio.ErrBufferFull {
			// What must stay fills the buffer, which the engines'
			// positions never let happen with a buffer of 16 bytes
			// or more; should it happen, go on, reading on past what
			// the standard library would.
			c.bf.Discard(c.off - c.bfPos)
			c.bfPos = c.off
			continue
		}
		if err != nil && len(more) <= c.off-c.bfPos+len(fresh) {
			// The end of the text (or an error, which ends it as it
			// does for the standard library): a cut rune left is
			// invalid bytes.
			c.buf = append(c.buf, more[c.off-c.bfPos:]...)
			c.off = c.base + len(c.buf)
			c.eof = true
			return
		}
	}
}

// incompleteTail returns the length of the start of a multi-byte rune at
// the end of p that the next bytes might complete.
func incompleteTail(p []byte) int {
	for k := 1; k < utf8.UTFMax && k <= len(p); k++ {
		c := p[len(p)-k]
		if utf8.RuneStart(c) {
			if c >= utf8.RuneSelf && !utf8.FullRune(p[len(p)-k:]) {
				return k
			}
			return 0
		}
	}
	return 0
}

// consume reads what the standard library has read when it stops at
// position q: the rune at q and, if there is one, the rune after it.
func (c *call) consume(q int) {
	c.attempt(q)
	last := 0 // the width of the last rune read; 0 if that read failed
	end := q
	if q < c.off {
		last = runeWidth(c.buf, q-c.base)
		end = q + last
		c.attempt(end)
		if end < c.off {
			last = runeWidth(c.buf, end-c.base)
			end += last
		} else {
			last = 0
		}
	}
	if c.rr != nil {
		return
	}
	if c.bf != nil {
		if d := end - last - c.bfPos; d > 0 {
			c.bf.Discard(d)
		}
		if last > 0 {
			c.bf.ReadRune()
		}
		return
	}
	// Leave the reader where the standard library would, with the
	// last rune read by ReadRune so that UnreadRune can undo it.
	pos := c.start + int64(end-last)
	if c.sr != nil {
		c.sr.Seek(pos, io.SeekStart)
		if last > 0 {
			c.sr.ReadRune()
		}
	} else {
		c.br.Seek(pos, io.SeekStart)
		if last > 0 {
			c.br.ReadRune()
		}
	}
}

// attempt reads until the text at p has been read (or the text ended).
func (c *call) attempt(p int) {
	c.safe = max(c.safe, p)
	for !c.eof && c.off <= p {
		c.fill(max(c.base, p-2*utf8.UTFMax))
	}
}
