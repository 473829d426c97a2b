// flags: -m=2
// Which calls gc resolves to a function after inlining: a literal returned
// by an inlined call, a function passed as an argument; not a local of the
// inlined body.
package p

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func useCounter() int {
	next := counter()
	return next()
}

func apply(f func(int) int, x int) int { return f(x) }

func double(x int) int { return x * 2 }

func useApply() int { return apply(double, 3) }

func local(k int) int {
	add := func(x int) int { return x + k }
	return add(1)
}

func useLocal() int { return local(2) }

func named() (f func() int) {
	f = func() int { return 1 }
	return
}

func useNamed() int { g := named(); return g() }
