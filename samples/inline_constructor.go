// inline_constructor.go - a constructor whose result escapes only until it
// is inlined.
//
// newPoint returns &point{...}: compiled on its own, the pointer leaves the
// function through its result, so escape analysis must put the point on the
// heap. newPoint is small, so gc inlines it into its callers; there the
// inlined copy's &point{...} flows only into p, which never leaves main, and
// the point stays in main's stack frame. Escape analysis runs after
// inlining: the same allocation gets a different verdict in each copy.
//
// Try: minigc -compare-inline samples/inline_constructor.go
//      minigc -m samples/inline_constructor.go, then with -m -l
package main

type point struct {
	x, y int
}

func newPoint(x, y int) *point {
	return &point{x: x, y: y}
}

func (p *point) dist() int {
	return p.x*p.x + p.y*p.y
}

func main() {
	p := newPoint(3, 4)
	println(p.dist())
}
