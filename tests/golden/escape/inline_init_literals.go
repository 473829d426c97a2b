// flags: -m=2
// Literals in the bodies inlined into package initializers are closures of
// gc's init function, analysed with it.
package p

func mk(n int) func() int {
	return func() int { n++; return n }
}

var g = mk(3)

func app(x *int) int {
	f := func() int { return *x }
	return f()
}

var y int
var h = app(&y)
