// flags: -m -l
// Closures: captured by value or by reference, called in place, escaping.
package p

func byValue() func() int {
	x := 1
	return func() int { return x }
}

func byRef() func() int {
	x := 1
	return func() int { x++; return x }
}

func called() int {
	y := 1
	func() { y++ }()
	return y
}

func calledReturnsAddr() {
	var u int
	*(func() *int { return &u }()) = 42
}
