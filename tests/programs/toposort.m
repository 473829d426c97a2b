toposort.go:26:7: e does not escape
toposort.go:27:19: "cycle: " + strings.Join(e.Path, " -> ") escapes to heap
toposort.go:31:9: &Graph{...} escapes to heap
toposort.go:31:41: map[string][]string{} escapes to heap
toposort.go:31:71: map[string][]string{} escapes to heap
toposort.go:31:97: map[string]bool{} escapes to heap
toposort.go:34:7: g does not escape
toposort.go:34:25: leaking param: target
toposort.go:34:40: leaking param content: deps
toposort.go:43:7: g does not escape
toposort.go:44:15: make([]string, 0, len(g.nodes)) escapes to heap
toposort.go:82:7: g does not escape
toposort.go:82:27: pending does not escape
toposort.go:83:24: map[string]int{} does not escape
toposort.go:52:7: g does not escape
toposort.go:53:17: make(map[string]int, len(g.nodes)) does not escape
toposort.go:58:18: n escapes to heap
toposort.go:70:19: u escapes to heap
toposort.go:75:27: CycleError{...} escapes to heap
toposort.go:124:6: moved to heap: cyc
toposort.go:117:16: ... argument does not escape
toposort.go:117:28: lineNo escapes to heap
toposort.go:126:15: ... argument does not escape
toposort.go:127:14: ... argument does not escape
toposort.go:127:61: len(order) escapes to heap
toposort.go:127:73: len(g.nodes) escapes to heap
toposort.go:132:14: ... argument does not escape
toposort.go:132:31: i + 1 escapes to heap
toposort.go:132:31: n escapes to heap
