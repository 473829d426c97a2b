// User code instantiating a std generic type: refused, positioned, naming it.
package main

import "sync/atomic"

var p atomic.Pointer[int]

func main() {
	var q *atomic.Pointer[string]
	x := 1
	p.Store(&x)
	_ = q
}
