// flags: -m=2 -l
// -m=2 explains each verdict with the chain of flows behind it.
package p

var sink *int

func leak(p *int) *int {
	sink = p
	return p
}

func moved() *int {
	x := 1
	y := &x
	return y
}

func boxed(n int) interface{} {
	return n
}
