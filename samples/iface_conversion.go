// iface_conversion.go - converting a value to an interface.
//
// An interface value holds a pointer to its data, so converting a
// non-pointer value to an interface needs a place to keep a copy of it.
// When the interface escapes (stored in the global sink), that copy is a
// heap allocation; when it does not (describe only compares it), the copy
// can live on the stack.
//
// Try: minigc -m -l samples/iface_conversion.go
package main

type point struct{ x, y int }

var sink interface{}

func keep(p point) {
	sink = p
}

func describe(v interface{}) bool {
	return v == nil
}

func main() {
	keep(point{1, 2})
	_ = describe(point{3, 4})
}
