// flags: -m=2
// Inlined variadic calls (the implicit slice, nil when empty) and calls
// f(g()) of several values (the type checker's temporaries).
package p

var sink interface{}

func vsum(xs ...int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func vkeep(ps ...*int) *int { return ps[0] }

func vleak(ps ...*int) { sink = ps }

func va() int { return vsum(1, 2, 3) }

func vb() *int {
	var x, y int
	return vkeep(&x, &y)
}

func vc() {
	var z int
	vleak(&z)
}

func vd() int { return vsum() }

func ve(v []int) int { return vsum(v...) }

type T struct{}

func (T) meth(a, b *int) *int { return a }

func k(x, y *int) (T, *int, *int) { return T{}, x, y }

func two(x *int) (*int, *int) { return x, x }

func pair(a, b *int) *int { sink = b; return a }

func vsnd(ps ...*int) *int { return ps[1] }

func f3() *int {
	var x, y int
	return T.meth(k(&x, &y))
}

func f4() *int {
	var z int
	return pair(two(&z))
}

//go:noinline
func nl(x *int) (*int, *int) { return x, nil }

func f5() *int {
	var w int
	return vsnd(nl(&w))
}
