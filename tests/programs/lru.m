lru.go:22:9: &LRU{...} escapes to heap
lru.go:22:59: make(map[string]*list.Element) escapes to heap
lru.go:25:7: leaking param content: c
lru.go:25:19: key does not escape
lru.go:34:7: leaking param content: c
lru.go:34:19: leaking param: key
lru.go:40:26: &entry{...} escapes to heap
lru.go:49:7: leaking param content: c
lru.go:50:14: make([]string, 0, (*list.List).Len(c.order)) escapes to heap
lru.go:60:12: "k" + strconv.Itoa(i) escapes to heap
lru.go:63:14: ... argument does not escape
lru.go:63:15: "k3 =" escapes to heap
lru.go:63:15: v escapes to heap
lru.go:66:13: ... argument does not escape
lru.go:66:20: (*LRU).Keys(c) escapes to heap
