// ptr_method.go - a method with a pointer receiver.
//
// Calling a pointer-receiver method on an addressable value passes its
// address (v.inc() is (&v).inc()). Whether v must move to the heap depends
// on what the method does with the receiver: inc only writes through it, so
// the receiver does not escape and v stays on the stack; register stores the
// receiver in a global, so its receiver leaks and w moves to the heap.
//
// Try: minigc -m -l samples/ptr_method.go
package main

type tally struct {
	count int
}

var registry []*tally

func (t *tally) inc() {
	t.count++
}

func (t *tally) register() {
	registry = append(registry, t)
}

func main() {
	var v tally
	v.inc()
	var w tally
	w.register()
}
