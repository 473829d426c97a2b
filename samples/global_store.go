// global_store.go - storing a pointer into a global variable.
//
// A package-level variable lives for the whole run, so anything it points to
// must too. remember stores its parameter into a global: the parameter
// "leaks" and every caller's argument has to be a heap object, which is why
// the local x in main moves to the heap. peek only reads through its
// parameter, which therefore does not escape.
//
// Try: minigc -m -l samples/global_store.go
package main

var saved *int

func remember(p *int) {
	saved = p
}

func peek(p *int) int {
	return *p
}

func main() {
	x := 42
	remember(&x)
	y := 7
	_ = peek(&y)
}
