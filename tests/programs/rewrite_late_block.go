package p

import "fmt"

// A block of more than 64 values whose first rewritten value comes late,
// after an earlier, smaller block (the inlined switch) was rewritten.
type counts struct {
	kind                                   int
	a, b, c, d, e, f, g, h, i, j, k, l, m uint64
}

func kindName(k int) string {
	switch k {
	case 1:
		return "one"
	case 2:
		return "two"
	default:
		return fmt.Sprintf("%d", k)
	}
}

func (s counts) String() string {
	return fmt.Sprintf("%s: %d %d %d %d %d %d %d %d %d %d %d %d %d", kindName(s.kind), s.a, s.b, s.c, s.d, s.e, s.f, s.g, s.h, s.i, s.j, s.k, s.l, s.m)
}
