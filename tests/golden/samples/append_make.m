append_make.go:14:13: make([]int, 8) does not escape
append_make.go:20:13: make([]int, n) escapes to heap
append_make.go:24:11: leaking param: xs to result ~r0 level=0
