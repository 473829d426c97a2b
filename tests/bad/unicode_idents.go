package main

var Ⅻx = 1
var xⅫ = 2
var 𒐀 = 3
var ꟀA = 4
var a١ = 5
var é = 6
var 𞸀 = 7

func main() {}
