// sync/atomic's Pointer[T] instantiated in a std-mode package: instances
// whose type arguments share a GC shape (int and a defined int; *T types
// share *uint8) are stenciled once, in the order gc stencils them, and
// calls from ordinary code are not inlined into the shape methods.
package pointers

import (
	"go/token"
	"sync/atomic"
)

type myint int

type node struct {
	name string
	next *node
}

var (
	a atomic.Pointer[int]
	b atomic.Pointer[myint]
	c atomic.Pointer[node]
	d atomic.Pointer[*node]
)

func Set(x int) {
	a.Store(&x)
	m := myint(x)
	b.Store(&m)
}

func Get() int {
	if p := a.Load(); p != nil {
		return *p
	}
	return int(*b.Load())
}

func Swap(n *node) *node {
	old := c.Swap(n)
	d.CompareAndSwap(nil, &old)
	return old
}

func Files() *token.FileSet {
	return token.NewFileSet()
}
