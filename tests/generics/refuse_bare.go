// A generic std type used without instantiation: gc's error.
package main

import "sync/atomic"

var p atomic.Pointer

func main() {}
