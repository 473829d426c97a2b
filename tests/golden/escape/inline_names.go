// flags: -m=2
// An inlined call prints as its result, in parentheses where an operand
// binds tighter ((~R0)[0]); the variables of a body inlined from another
// package keep its symbols (bytes.buf).
package p

import "bytes"

var sink interface{}

func arr() *[2]int { return &[2]int{} }

func idx() int {
	return arr()[0] + 1
}

func buf(b []byte) *bytes.Buffer {
	return bytes.NewBuffer(b)
}
