package main

// Small functions gc inlines into main: the dump after inline shows each
// body in place of its call.

type Shape interface{ Area() int }

type Rect struct{ w, h int }

func (r Rect) Area() int { return r.w * r.h }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func newRect(w int) *Rect {
	return &Rect{w, abs(w)}
}

func area(s Shape) int { return s.Area() }

func main() {
	r := newRect(-2)
	println(r.w, area(Rect{3, 4}))
}
