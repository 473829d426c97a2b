// flags: -m=2 -l
// a, b = f() where a target's type is not f's result type: gc assigns the
// results to temporaries first, then each (converted) to its target.
package p

var sink interface{}
var sinkp *int

func param1(p1, p2 *int) (*int, *int) { return p1, p2 }

type S struct{ f interface{} }

func c1() {
	i, j := 0, 0
	_, sink = param1(&i, &j)
}

func c2() {
	i, j := 0, 0
	sink, sinkp = param1(&i, &j)
}

func c3() {
	i, j := 0, 0
	var s S
	var t [2]interface{}
	s.f, t[1] = param1(&i, &j)
	sink = s
	sink = t
}

func c4() {
	i, j := 0, 0
	var a, b interface{} = param1(&i, &j)
	sink = a
	_ = b
}

func c5() {
	i, j := 0, 0
	for k := 0; k < 2; k++ {
		var a interface{}
		a, sinkp = param1(&i, &j)
		sink = a
	}
}
func g() (int, string) { return 1, "a" }

func d1() {
	sink, _ = g()
}

func d2() {
	var a, b interface{}
	a, b = g()
	_, _ = a, b
}
func e1() {
	i, j := 0, 0
	var a interface{}
	a, b := param1(&i, &j)
	c := 1
	sink = a
	_, _ = b, c
}

func e2() {
	i, j := 0, 0
	var a, _ interface{} = param1(&i, &j)
	sink = a
}

// A callee that itself calls goes into a temporary first; the call is
// printed with it from then on.
type U struct{ sp *string }
type V struct{ u U }

func (u *U) SP() *string { return u.sp }
func (v *V) UP() *U      { return &v.u }

func (v *V) UPSP() *string {
	return v.UP().SP()
}
