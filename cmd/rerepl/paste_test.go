package main

import (
	"io"
	"strings"
	"testing"
)

// TestPasteReader feeds the reader what a terminal delivers and checks
// what the line editor gets and what the loop takes.
func TestPasteReader(t *testing.T) {
	long := strings.Repeat("x", 300)
	tests := []struct {
		name     string
		input    string
		toEditor string // everything the editor reads
		taken    string // the held text taken after the editor's Enter
		held     bool
	}{
		{"typed keys pass", "ab\r", "ab\r", "", false},
		{"a paste is held to its Enter", long + "yz\r", "\r", long + "yz", true},
		{"backspace and escapes while held", long + "\x1b[201~ab\x7f\r", "\r", long + "a", true},
		{"Ctrl-C drops a held paste", long + "\x03", "", "", false},
	}
	for _, tt := range tests {
		p := newPasteReader(strings.NewReader(tt.input))
		var got strings.Builder
		buf := make([]byte, 4096)
		for {
			n, err := p.Read(buf)
			got.Write(buf[:n])
			if strings.HasSuffix(got.String(), "\r") {
				break
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
		}
		if got.String() != tt.toEditor {
			t.Errorf("%s: the editor read %q, want %q", tt.name, got.String(), tt.toEditor)
		}
		taken, held := p.take()
		if taken != tt.taken || held != tt.held {
			t.Errorf("%s: take() = %q, %v; want %q, %v", tt.name, taken, held, tt.taken, tt.held)
		}
	}
}
