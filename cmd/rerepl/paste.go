package main

import (
	"fmt"
	"io"
	"sync"
	"time"
	"unicode/utf8"
)

// takeTimeout is how long the reader waits for the loop to take a held
// line after its Enter.
const takeTimeout = 2 * time.Second

// pasteMin is the size from which one read of the terminal counts as a
// paste: a person typing produces a byte or an escape sequence at a time.
const pasteMin = 256

// A pasteReader sits between the terminal and the line editor and holds a
// long paste aside. The line editor redraws the whole line after every
// key, which makes a pasted line cost time quadratic in its length (100 KB
// took minutes) and leaves copies of a line taller than the screen in the
// scrollback. So from a read of pasteMin bytes or more up to the next
// Enter, the input is kept here instead, with a short note on the screen;
// on Enter the line editor gets only the Enter, and [pasteReader.take]
// hands the held text to the loop, which appends it to the line the editor
// returns. Ctrl-C drops the held text; Backspace removes its last
// character; other control keys are ignored while a paste is held.
type pasteReader struct {
	in     io.Reader
	notify func(msg string) // writes a note above the prompt; may be nil
	limit  func() int       // the length of a line that fills the screen; may be nil

	mu       sync.Mutex
	holding  bool
	pending  []byte // the held text
	done     bool   // pending ended with Enter and waits for take
	taken    chan struct{}
	leftover []byte // input read but not yet looked at
	out      []byte // input for the line editor
	noted    time.Time
	escape   bool // inside an escape sequence, skipped while holding
	run      int  // printable bytes passed since the last Enter or Ctrl-C
	eof      error
}

func newPasteReader(in io.Reader) *pasteReader {
	return &pasteReader{in: in, taken: make(chan struct{}, 1)}
}

// Read gives the line editor its input.
func (p *pasteReader) Read(b []byte) (int, error) {
	for {
		p.mu.Lock()
		if len(p.out) > 0 {
			n := copy(b, p.out)
			p.out = p.out[n:]
			p.mu.Unlock()
			return n, nil
		}
		if p.done {
			// Wait until the loop has taken the line the Enter ends.
			// An editor busy with something else (a completion menu
			// takes Enter for itself) never returns that line: then the
			// held text is dropped rather than the terminal left stuck.
			p.mu.Unlock()
			select {
			case <-p.taken:
			case <-time.After(takeTimeout):
				p.mu.Lock()
				if p.done {
					p.done, p.pending = false, nil
					p.say("(the pasted text was dropped: the editor did not take the line)\n")
				}
				p.mu.Unlock()
			}
			continue
		}
		if len(p.leftover) == 0 {
			if p.eof != nil {
				p.mu.Unlock()
				return 0, p.eof
			}
			p.mu.Unlock()
			buf := make([]byte, 32<<10)
			n, err := p.in.Read(buf)
			p.mu.Lock()
			if err != nil {
				p.eof = err
				if p.holding {
					p.finish()
				}
			}
			p.leftover = buf[:n]
			if n >= pasteMin && !p.holding {
				p.holding = true
				p.pending = p.pending[:0]
				p.note(true)
			}
		}
		if !p.holding {
			p.pass()
		} else {
			p.hold()
		}
		p.mu.Unlock()
	}
}

// pass hands leftover input to the line editor, up to the point where the
// line has grown past longLine bytes since its start: a paste that
// arrives in small pieces, as over a slow connection, is held from there.
func (p *pasteReader) pass() {
	for i, c := range p.leftover {
		switch {
		case c == '\r' || c == '\n' || c == 0x03:
			p.run = 0
		case c >= 0x20 && c != 0x7f:
			p.run++
		}
		limit := longLine
		if p.limit != nil {
			limit = max(min(limit, p.limit()), pasteMin)
		}
		if p.run > limit {
			p.out = append(p.out, p.leftover[:i+1]...)
			p.leftover = p.leftover[i+1:]
			p.run = 0
			p.holding = true
			p.pending = p.pending[:0]
			p.note(true)
			return
		}
	}
	p.out, p.leftover = append(p.out, p.leftover...), nil
}

// longLine is the length from which a line typed or pasted in small pieces
// is held aside too; on a screen too small for it, the screen's size less
// two rows (see pasteReader.limit), because the editor cannot clean up a
// line taller than the screen and leaves copies of it in the scrollback.
const longLine = 2048

// hold moves leftover input into the held text, up to an Enter or Ctrl-C.
func (p *pasteReader) hold() {
	for i := 0; i < len(p.leftover); i++ {
		c := p.leftover[i]
		switch {
		case p.escape:
			// Skip an escape sequence, such as the markers of a
			// bracketed paste: ESC [ parameters, then a final byte.
			if c >= 0x40 && c <= 0x7e && c != '[' {
				p.escape = false
			}
		case c == 0x1b:
			p.escape = true
		case c == '\r' || c == '\n':
			p.leftover = p.leftover[i+1:]
			p.finish()
			return
		case c == 0x03:
			p.leftover = p.leftover[i+1:]
			p.holding, p.pending = false, nil
			p.say("(the pasted text was dropped)\n")
			return
		case c == 0x7f || c == 0x08:
			if len(p.pending) > 0 {
				_, size := utf8.DecodeLastRune(p.pending)
				p.pending = p.pending[:len(p.pending)-size]
			}
		case c < 0x20 && c != '\t':
		default:
			p.pending = append(p.pending, c)
		}
	}
	p.leftover = nil
	p.note(false)
}

// finish ends the held text at an Enter, which goes to the line editor.
func (p *pasteReader) finish() {
	p.holding, p.done = false, true
	p.out = append(p.out, '\r')
}

// note tells the user, now and then, that a paste is being held.
func (p *pasteReader) note(first bool) {
	if !first && time.Since(p.noted) < 500*time.Millisecond {
		return
	}
	p.noted = time.Now()
	if first {
		p.say("(a long paste: held aside and shown in short; Enter runs the line, Ctrl-C drops it)\n")
		return
	}
	p.say(fmt.Sprintf("(pasted %d bytes so far)\n", len(p.pending)))
}

func (p *pasteReader) say(msg string) {
	if p.notify != nil {
		// On a goroutine of its own: the editor's writer redraws the
		// line, which must not wait for the reader it is fed by.
		go p.notify(msg)
	}
}

// take returns the held text that the last Enter ended, if any.
func (p *pasteReader) take() (string, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.done {
		return "", false
	}
	text := string(p.pending)
	p.pending, p.done = nil, false
	select {
	case p.taken <- struct{}{}:
	default:
	}
	return text, true
}

// setNotify sets the function that writes notes above the prompt.
func (p *pasteReader) setNotify(f func(msg string)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.notify = f
}

// Close closes the terminal input when it can be closed.
func (p *pasteReader) Close() error {
	if c, ok := p.in.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
