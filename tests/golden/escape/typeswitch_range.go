// flags: -m -l
// Type switches and range loops.
package p

var sink *int

func ts(i interface{}) {
	switch v := i.(type) {
	case *int:
		sink = v
	case int:
		_ = v
	}
}

func rng(s []*int, a [2]*int) {
	for _, p := range s {
		sink = p
	}
	for _, q := range a {
		_ = q
	}
}
