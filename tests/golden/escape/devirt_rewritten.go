// flags: -m=2 -l
// After devirtualization gc prints the call as it rewrote it: x.(T).M()
// until escape analysis reaches the call, T.M(x.(T)) after; embedded
// fields and partial devirtualization (an embedded interface) likewise.
package p

type Namer interface{ Name() string }

type T struct{ s string }

func (t T) Name() string { return t.s }

type P struct{ s string }

func (p *P) Name() string { return p.s }

type E struct{ T }

type W struct{ p *int }

func (w W) Name() string { return "w" }

type I2 interface{ Name() string; Other() }
type F struct{ I2 }

var sink interface{}

func f1() {
	var s Namer = T{"a"}
	sink = s.Name()
}

func f2() {
	var s Namer = &P{"b"}
	sink = s.Name()
}

func f3() {
	var s Namer = E{}
	sink = s.Name()
}

func f4(x *int) {
	var s Namer = W{x}
	sink = s.Name()
}

func f5() {
	var s Namer = &E{}
	sink = s.Name()
}

func f6(i I2) {
	var s Namer = F{i}
	sink = s.Name()
}

func f7() string {
	s := Namer(T{"c"})
	return s.Name() + "x"
}
