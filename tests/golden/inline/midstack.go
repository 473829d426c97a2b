// flags: -m=2
// Mid-stack inlining: calls in an inlined body are inlined at the outermost
// call site; a cycle is cut where it repeats; methods and literals.
package p

type T struct{ n int }

func (t *T) inc() int { t.n++; return t.n }
func (t T) get() int  { return t.n }

func leaf(x int) int  { return x * 2 }
func mid(x int) int   { return leaf(x) + leaf(x+1) }
func top(x int) int   { return mid(x) + 1 }
func useT(t *T) int   { return t.inc() + t.get() }
func valT(t T) int    { return t.get() }

func a(n int) int {
	if n > 100 {
		return n
	}
	return b(n + 1)
}

func b(n int) int {
	if n > 100 {
		return n
	}
	return a(n + 2)
}

func lits(z int) int {
	f := func(x int) int { return x + z }
	g := func(x int) int {
		return x + func(y int) int { return y * z }(x)
	}
	return f(1) + g(2)
}

func direct() int { return func() int { return 7 }() }

func reassigned() int {
	f := func() int { return 1 }
	x := f()
	f = func() int { return 2 }
	return x + f()
}
