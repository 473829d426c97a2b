// flags: -m -l
// A pointer to a variable of a deeper loop stored into a shallower one
// moves it to heap; so does a label that a backward goto reaches.
package p

func loop() *int {
	var p *int
	for i := 0; i < 3; i++ {
		x := i
		p = &x
	}
	_ = p
	return nil
}

func sameDepth() int {
	var p *int
	x := 1
	p = &x
	return *p
}

func gotoLoop() {
	var p *int
loop:
	x := 0
	p = &x
	if *p < 3 {
		goto loop
	}
}
