inventory.go:21:7: leaking param content: e
inventory.go:22:20: ... argument does not escape
inventory.go:22:57: e.Item escapes to heap
inventory.go:22:65: e.Have escapes to heap
inventory.go:22:73: e.Want escapes to heap
inventory.go:33:9: &Inventory{...} escapes to heap
inventory.go:34:25: map[string]int{} escapes to heap
inventory.go:35:29: map[string]float64{} escapes to heap
inventory.go:36:25: map[string]int{} escapes to heap
inventory.go:40:7: leaking param: inv
inventory.go:40:27: leaking param: item
inventory.go:47:7: leaking param: inv
inventory.go:47:29: leaking param: item
inventory.go:52:23: ... argument does not escape
inventory.go:52:24: item escapes to heap
inventory.go:55:13: &StockError{...} escapes to heap
inventory.go:62:7: leaking param: inv
inventory.go:70:6: moved to heap: b
inventory.go:65:15: make([]string, 0, len(inv.stock)) escapes to heap
inventory.go:72:14: ... argument does not escape
inventory.go:72:19: name escapes to heap
inventory.go:72:62: inv.stock[name] escapes to heap
inventory.go:72:78: inv.sold[name] escapes to heap
inventory.go:95:11: leaking param: o
inventory.go:89:6: moved to heap: wg
inventory.go:90:6: moved to heap: mu
inventory.go:91:6: moved to heap: total
inventory.go:92:6: moved to heap: failures
inventory.go:111:7: moved to heap: se
inventory.go:88:19: []order{...} does not escape
inventory.go:95:6: func literal escapes to heap
inventory.go:117:15: ... argument does not escape
inventory.go:117:55: se.Want - se.Have escapes to heap
inventory.go:119:16: ... argument does not escape
inventory.go:119:28: "unexpected:" escapes to heap
inventory.go:122:11: ... argument does not escape
inventory.go:122:22: (*Inventory).Report(inv) escapes to heap
inventory.go:123:12: ... argument does not escape
inventory.go:123:13: total escapes to heap
inventory.go:123:13: unknown escapes to heap
inventory.go:123:13: short escapes to heap
