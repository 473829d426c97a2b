// flags: -m -l
// Conversions to interfaces: boxing allocates unless the value is
// pointer-shaped; what a conversion holds flows with it.
package p

type T struct{ a, b int }

var sink interface{}

func box(t T) {
	sink = t
}

func noBox(p *T) {
	sink = p
}

func local(t T) int {
	var i interface{} = t
	return i.(T).a
}

func constant() {
	sink = 42
}
