// return_local.go - returning the address of a local variable.
//
// A local variable normally lives in its function's stack frame, which is
// gone once the function returns. newCounter returns &c, so c must outlive
// the call: escape analysis sees the address flow to a result and moves c
// to the heap. value returns a copy of its local instead, and its local
// stays on the stack.
//
// Try: minigc -m -l samples/return_local.go
package main

type counter struct {
	n int
}

func newCounter(start int) *counter {
	c := counter{n: start}
	return &c
}

func value(start int) counter {
	c := counter{n: start}
	return c
}

func main() {
	p := newCounter(1)
	v := value(2)
	p.n += v.n
}
