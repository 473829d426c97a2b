// flags: -m=2
// gc's type checker computes a callee or a method's receiver that calls
// something into a temporary before inlining (RewriteNonNameCall): the
// costs count it, bodies print it, escape flows through it.
package p

type E struct{ p *int }

func (e *E) Get() *int { return e.p }

type T struct{ E }

//go:noinline
func mkT() *T { return nil }

//go:noinline
func idx() int { return 0 }

var ts []*T

func a() *int                 { return mkT().Get() }
func b() *int                 { return ts[idx()].Get() }
func c() *int                 { return mkT().E.Get() }
func d(ch chan *T) *int       { return (<-ch).Get() }
func e(fs []func() int) int   { return fs[idx()]() }

type I interface{ M() int }

//go:noinline
func mkI() I { return nil }

func k() int { return mkI().M() }

func mkE(x *int) *E { return &E{x} }

func m() *int {
	var y int
	return mkE(&y).Get()
}

func g(x *int) func() *int { return func() *int { return x } }

func n() *int {
	var z int
	return g(&z)()
}
