// flags: -m -l
// var _ T = v converts v to T, as a named variable would.
package p

type H struct{ a, b int }
type E struct{}

func f(x int) {
	var _ interface{} = H{}
	var _ interface{} = E{}
	var _ interface{} = x
	var _ interface{} = struct{ _ [1]int8 }{}
	_ = interface{}(H{})
	var _, _ interface{} = x, H{}
	var y interface{} = H{}
	_ = y
}
