// flags: -m
// An inlined call prints as its result variable, ~R0, which gc gives the
// loosest precedence: parenthesised as an operand of / or ==.
package p

import (
	"bytes"
	"strconv"
)

func half(x int) int { return x / 2 }

func f(n int) []byte {
	return make([]byte, half(n)/8)
}

func g(n int) bool {
	return half(n) == 1
}

func h(n int) string {
	return strconv.Itoa(n)
}

func k(b []byte, s string) bool {
	return bytes.Equal(b, []byte(s))
}
