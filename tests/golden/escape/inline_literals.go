// flags: -m
// Inlining a body that holds func literals: each copy is a new function of
// the caller, analysed with it; its inside keeps the callee's positions, the
// literal itself is at the call. A literal called in place and inlined is gone.
package p

var sink interface{}

func apply(x int) int {
	g := func(y *int) *int { z := *y + x; return &z }
	return *g(&x)
}

func use() int {
	return apply(3)
}

func mk(n int) func() *int {
	return func() *int { n++; return &n }
}

func use2() {
	f := mk(1)
	sink = f
}

func leak(p *int) {
	func() { sink = p }()
}

func use3() {
	x := 1
	leak(&x)
}

func o() int {
	foo := func() int { return 1 }
	func(x int) {
		if x > 10 {
			foo = func() int { return 2 }
		}
	}(11)
	return foo()
}

func nest(a *int) func() func() *int {
	return func() func() *int {
		return func() *int { return a }
	}
}

func use4() *int {
	var b int
	return nest(&b)()()
}
