// flags: -m=2 -l
// //go:noescape on a body-less function; //go:uintptrescapes.
package p

import "unsafe"

//go:noescape
func noescape(p *int)

func external(p *int)

//go:uintptrescapes
func keep(u uintptr) {}

func calls() {
	x, y, z := 1, 2, 3
	noescape(&x)
	external(&y)
	keep(uintptr(unsafe.Pointer(&z)))
}
