// flags: -m
// A program whose imports hold function literals early deadcode drops
// (in runtime and os): the inliner walks every package's functions and must
// skip the dropped ones.
package main

import (
	"fmt"
	"math"
)

func main() { fmt.Println(math.Sqrt(2), math.MaxFloat64, 1<<62) }
