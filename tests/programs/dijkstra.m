dijkstra.go:22:7: q does not escape
dijkstra.go:23:7: q does not escape
dijkstra.go:24:50: queue.Swap ignoring self-assignment in q[i], q[j] = q[j], q[i]
dijkstra.go:24:50: queue.Swap ignoring self-assignment in q[i], q[j] = q[j], q[i]
dijkstra.go:24:7: q does not escape
dijkstra.go:25:7: leaking param content: q
dijkstra.go:25:22: x does not escape
dijkstra.go:26:7: leaking param content: q
dijkstra.go:31:9: it escapes to heap
dijkstra.go:34:15: graph does not escape
dijkstra.go:35:14: make([]float64, len(graph)) escapes to heap
dijkstra.go:40:7: &queue{...} escapes to heap
dijkstra.go:40:13: queue{...} escapes to heap
dijkstra.go:50:22: item{...} escapes to heap
dijkstra.go:58:19: [][]edge{...} does not escape
dijkstra.go:59:3: []edge{...} does not escape
dijkstra.go:60:3: []edge{...} does not escape
dijkstra.go:61:3: []edge{...} does not escape
dijkstra.go:62:3: []edge{} does not escape
dijkstra.go:65:13: ... argument does not escape
dijkstra.go:65:14: node escapes to heap
dijkstra.go:65:14: d escapes to heap
