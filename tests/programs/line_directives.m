foo.go:100: moved to heap: x
bar.go:200:12: moved to heap: y
baz.go:300:17: moved to heap: z
:50: moved to heap: w
