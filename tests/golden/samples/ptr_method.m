ptr_method.go:18:7: t does not escape
ptr_method.go:22:7: leaking param: t
ptr_method.go:29:6: moved to heap: w
