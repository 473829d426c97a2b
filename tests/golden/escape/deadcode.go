// flags: -m -l
// gc's IR deadcode runs before escape analysis: what it removes is never
// analysed (Go's test/escape2.go issue12397, fixedbugs/issue47712.go).
package p

var sink *int

func afterConstReturn(a int) {
	if b := 1; true {
		_ = b
		return
	}
	sink = &a
}

func foldedOr(a int) {
	if false || true {
		panic(1)
	}
	sink = &a
}

func constSwitch(a, b int) {
	switch 3 {
	case 1:
		sink = &a
	case 3:
		sink = &b
	}
}

func labelKeepsTail(a int) {
L:
	if true {
		return
	}
	sink = &a
	goto L
}

func forFalse() {
	for false {
		defer func() {
			_ = recover()
		}()
	}
}

func onlyConstIfs(a int) {
	if false {
		sink = &a
	}
	for false {
		sink = &a
	}
}

func forFalseThenCode(a int) {
	for false {
		sink = &a
	}
	sink = new(int)
}

func deadClosure(a int) {
	if false {
		f := func() { sink = &a }
		f()
	}
}
