// closure_capture.go - a closure capturing a variable.
//
// A func literal that refers to a variable of its enclosing function
// captures it. When the closure only runs while the function is active
// (sumTo calls it right away), the variable and the closure stay on the
// stack. makeCounter returns its closure, so the closure must be a heap
// object, and n, which the closure updates, moves to the heap with it.
//
// Try: minigc -m -l samples/closure_capture.go
package main

func makeCounter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func sumTo(k int) int {
	total := 0
	add := func(x int) { total += x }
	for i := 1; i <= k; i++ {
		add(i)
	}
	return total
}

func main() {
	next := makeCounter()
	next()
	_ = sumTo(10)
}
