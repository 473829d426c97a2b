// flags: -m -l
// go and defer: a go statement's arguments and literal escape; a defer at
// the top of a function does not, one in a loop does.
package p

func use(p *int) {}

func goes() {
	x := 1
	go use(&x)
	go func() { println(x) }()
}

func defers() {
	y := 1
	defer use(&y)
	defer func() { println(y) }()
	for i := 0; i < 2; i++ {
		z := i
		defer use(&z)
	}
}
