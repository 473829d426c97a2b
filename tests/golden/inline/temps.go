// flags: -m=2
// A method call on a call result, return of a multi-value call.
package p

import "unsafe"

type F struct{ a int }
type G struct{ b, c, d, e int }
type info struct {
	g *G
	x int
}

func (f *F) raw() *G { return (*G)(unsafe.Pointer(f)) }

//go:noinline
func (g *G) info() info { return info{g, 1} }

func (f *F) fi() info { return f.raw().info() }
func (f *F) fi2() *G { return f.raw() }
func (f *F) fi3() info { g := f.raw(); return g.info() }
func (f *F) fi4() info { return (*G)(unsafe.Pointer(f)).info() }
func two() (int, error) { return 1, nil }
func r2() (int, error) { return two() }
