package repl

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// unicodeClassNames are the names \p{...} accepts: the Unicode general
// categories and scripts, and Any.
var unicodeClassNames = func() []string {
	names := []string{"Any"}
	for name := range unicode.Categories {
		names = append(names, name)
	}
	for name := range unicode.Scripts {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}()

// Complete returns the completions of the text before byte offset pos of
// line: each candidate replaces the last wordLen bytes before pos. It
// completes command names after ':', Unicode class names after \p{ or \P{,
// and paths after :file.
func (s *Session) Complete(line string, pos int) (candidates []string, wordLen int) {
	if pos < 0 || pos > len(line) {
		return nil, 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	before := line[:pos]
	if i := max(strings.LastIndex(before, `\p{`), strings.LastIndex(before, `\P{`)); i >= 0 {
		word := before[i+3:]
		if !strings.Contains(word, "}") {
			name := strings.TrimPrefix(word, "^")
			for _, n := range unicodeClassNames {
				if strings.HasPrefix(n, name) {
					candidates = append(candidates, n+"}")
				}
			}
			return candidates, len(name)
		}
	}
	if !strings.HasPrefix(before, ":") {
		return nil, 0
	}
	name, arg, hasArg := strings.Cut(before[1:], " ")
	if !hasArg {
		for _, c := range commands {
			if strings.HasPrefix(c.name, name) {
				candidates = append(candidates, c.name+" ")
			}
		}
		return candidates, len(name)
	}
	if cmd, _ := lookupCommand(name); cmd != nil && cmd.name == "file" {
		_, base := filepath.Split(arg)
		return completePath(arg), len(base)
	}
	return nil, 0
}

// completePath returns the entries of the directory part of partial whose
// names start with its last element; directories end in a slash.
func completePath(partial string) []string {
	dir, base := filepath.Split(partial)
	read := dir
	if read == "" {
		read = "."
	}
	entries, err := os.ReadDir(read)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), base) || (base == "" && strings.HasPrefix(e.Name(), ".")) {
			continue
		}
		if e.IsDir() {
			names = append(names, e.Name()+"/")
		} else {
			names = append(names, e.Name())
		}
	}
	return names
}
