// Inlined bodies as gc walks them: a method inlined inside a loop keeps its
// receiver at the loop's depth (the &scanner stays on the stack), and an
// index that needs no bounds check is reported at each call site it was
// inlined into.
package main

import (
	"fmt"
	"unicode"
)

var class [256]uint8

type scanner struct {
	src string
	pos int
}

func (s *scanner) peek() byte {
	for s.pos < len(s.src) && s.src[s.pos] == ' ' {
		s.pos++
	}
	if s.pos < len(s.src) {
		return s.src[s.pos]
	}
	return 0
}

func kind(b byte) uint8 { return class[b] }

func main() {
	lines := []string{"  a", "b ", " 9"}
	n := 0
	for _, l := range lines {
		s := &scanner{src: l}
		if c := s.peek(); unicode.IsLetter(rune(c)) || kind(c) != 0 {
			n++
		}
	}
	fmt.Println(n)
}
