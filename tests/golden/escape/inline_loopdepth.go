// flags: -m=2
// An inlined call declares the callee's parameters and results where it is:
// they live at the call's loop depth.
package p

func set(p *int) { *p = 1 }

func keep(p *int) *int { return p }

func loop1() {
	for {
		x := 0
		func(p *int) { *p = 1 }(&x)
	}
}

func loop2() *int {
	var r *int
	for i := 0; i < 3; i++ {
		y := i
		set(&y)
		r = keep(&y)
	}
	return r
}

func loop3() {
	for i := 0; i < 3; i++ {
		z := i
		q := keep(&z)
		_ = q
	}
}
