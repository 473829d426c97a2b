// Constant operations: truncation, division by zero, shift counts, and a
// result beyond big.Float's exponents.
package main

const a = 1e600000000

var b = a * a
var c int = 1.5
var d int64 = 1e-1000
var e = 1 / 0
var f = 1.0 / 0.0
var g = 1 << 1075
var h = 1 << 1074 >> 1074
var i = 2.0 << 3
var j = 3.0 % 2
var k uint8 = ^uint8(0) + 1

func main() {}
