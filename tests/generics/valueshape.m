valueshape.go:16:6: can inline holder[go.shape.struct { example/valueshape.a *int; example/valueshape.b *int }_0].Next
valueshape.go:37:6: can inline Next
valueshape.go:18:6: can inline (*holder[go.shape.struct { example/valueshape.a *int; example/valueshape.b *int }_0]).Leak
valueshape.go:39:6: can inline Leak
valueshape.go:20:6: can inline (*holder[go.shape.struct { example/valueshape.a *int; example/valueshape.b *int }_0]).Count
valueshape.go:41:6: can inline Count
valueshape.go:30:7: leaking param: p to result ~r0 level=0
valueshape.go:33:7: leaking param: p to result ~r0 level=0
valueshape.go:43:12: moved to heap: x
