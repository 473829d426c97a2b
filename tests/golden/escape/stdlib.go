// flags: -m -l
// Calls into the standard library use its parameter tags.
package p

import (
	"fmt"
	"reflect"
)

func printf(x int, p *int) {
	fmt.Printf("%d %v\n", x, p)
}

func value(p *int) reflect.Value {
	return reflect.ValueOf(p)
}

func sprint(s string) string {
	return fmt.Sprint(s)
}
