// flags: -m -l
// Method expression calls: the receiver is the first argument, the other
// arguments meet the method's own parameters (an interface's too), also
// through a func value known to hold the method expression.
package p

type I interface{ m1(string) }
type S struct{ p *int }

func (S) m1(string) {}

type Outer struct{ *Inner }
type Inner struct{ s string }

func (o *Outer) M() string { return o.s }

var ret = I.m1

func f(x S, t S) {
	I.m1(x, "c")
	interface{ m1(string) }.m1(S{}, "d")
	I.m1(t, "e")
}

func g() string {
	h := (*Outer).M
	return h(&Outer{&Inner{"hello"}})
}

func k(t S) { I.m1(t, "x") }

var v = I.m1
var q S
var r = func() int { I.m1(q, "y"); return 0 }()

type B struct{ a, b int }

func (B) m1(string) {}

func h(b B, s string) { I.m1(b, s); I.m1(B{}, "z") }
