// Float constants: exact rationals while they fit, then 512-bit floats;
// only a typed value must fit float32 or float64.
package main

const maxFloat64 = 0x1p1023 * (1 + (1 - 0x1p-52))
const huge = 1e1000

var a float64 = huge
var b = maxFloat64 * 2
var c float32 = 1e40
var d = int(1e100)
var e = float32(maxFloat64)
var f = huge / 1e999
var g = 1e100 >> 1000
var h = complex64(1e40i)
var i int8 = huge * huge
var j int8 = -1.23456789e-10000

func main() {}
