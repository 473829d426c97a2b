// flags: -m -l
// gc devirtualizes function by function before escape analysis: a
// function's literals (innermost first) before the function itself.
package p

type Namer interface{ Name() string }

type T struct{ s string }

func (t T) Name() string { return t.s }

func f() {
	var s Namer = T{"a"}
	_ = s.Name()
	h := func() {
		var u Namer = T{"b"}
		_ = u.Name()
		k := func() {
			var v Namer = T{"c"}
			_ = v.Name()
		}
		k()
		_ = u.Name()
	}
	h2 := func() {
		var u Namer = T{"d"}
		_ = u.Name()
	}
	_ = s.Name()
	h()
	h2()
}
