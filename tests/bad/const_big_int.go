// Integer constants are exact up to gc's 512 bits; beyond, an overflow.
package main

const big = 1 << 300
const top = 1<<511 - 1 + 1<<511 // 2^512 - 1: the largest that fits

var a int = 1 << 200
var b = big
var c = big * big
var d = -1 << 512
var e = ^(-1 << 600)
var f = uint64(1 << 64)
var g uint64 = 1<<64 - 1
var h int64 = big >> 237
var i = top + 1

func main() {}
