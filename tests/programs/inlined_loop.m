inlined_loop.go:19:7: s does not escape
inlined_loop.go:32:19: []string{...} does not escape
inlined_loop.go:35:8: &scanner{...} does not escape
inlined_loop.go:40:13: ... argument does not escape
inlined_loop.go:40:13: n escapes to heap
inlined_loop.go:29:39: index bounds check elided
