// flags: -m -l
// go/defer panic(CONST): the constant is converted at the call, also in
// code after a panic (which has no SSA to ask).
package p

func F() {
	panic(0)
	go panic(0)
	defer panic(0)
}

func G() {
	go panic(0)
	defer panic(0)
}
