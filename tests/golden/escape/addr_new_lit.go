// flags: -m -l
// &x, new and composite literals, kept on the stack or moved to heap.
package p

type T struct{ p *int }

var g *T

func f() *int {
	x := 1
	return &x
}

func h() {
	y := 2
	t := &T{&y}
	_ = t
	n := new(int)
	*n = 3
	g = &T{}
	s := []int{1, 2, 3}
	_ = s
}
