// flags: -m=2
// gc inlines the method (and the calls in it) into the wrappers it makes:
// not an interface's, not a tail call, not a method holding literals.
package p

import "sync"

type T struct{ a int }

func (T) meth(int, int) {}

func (t T) get() *int { x := t.a; return &x }

func (t T) str() interface{} { return t.a }

func (t T) callsGet() *int { return t.get() }

type I interface {
	meth(int, int)
	get() *int
	str() interface{}
	callsGet() *int
}

var _ I = &T{}

type U struct {
	T
	sync.Mutex
}

type L interface{ Lock() }

var _ L = &U{}
var _ I = U{}

type V struct{ *T }

var _ I = V{}

func (t T) withLit() int { f := func() int { return t.a }; return f() }

type J interface{ withLit() int }

var _ J = &T{}
