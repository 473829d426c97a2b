// Float literals beyond big.Float's 32-bit exponents are malformed;
// tiny ones that underflow are zero.
package main

const a = 6e5518446744
const b = 1e+1000000000
const c = 1e-1000000000
const d = 1e-3000000000
const e = 0x1p-2147483648

var f = 1 / 1e-600000000i
var g = 1i / (1e-600000000 + 1e-600000000i)
var h = 1 / c

func main() {}
