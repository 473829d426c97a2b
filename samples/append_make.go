// append_make.go - make with a non-constant size, and append.
//
// The compiler can place a slice's backing array on the stack only if it
// knows its size at compile time and the slice does not escape. fixed makes
// a slice of constant length and keeps it: stack. sized uses a length known
// only at run time, so the array goes to the heap even though the slice
// never leaves the function. grow appends to a slice it returns: append
// may reallocate, and the result flows back to the caller.
//
// Try: minigc -m -l samples/append_make.go
package main

func fixed() int {
	buf := make([]int, 8)
	buf[0] = 1
	return buf[0]
}

func sized(n int) int {
	buf := make([]int, n)
	return len(buf)
}

func grow(xs []int, v int) []int {
	return append(xs, v)
}

func main() {
	_ = fixed()
	_ = sized(16)
	_ = grow(nil, 3)
}
