tasks.go:35:11: leaking param: path
tasks.go:43:6: moved to heap: s
tasks.go:45:7: moved to heap: se
tasks.go:38:10: &Store{...} escapes to heap
tasks.go:47:26: ... argument does not escape
tasks.go:47:27: path escapes to heap
tasks.go:47:66: se.Offset escapes to heap
tasks.go:54:7: leaking param: s
tasks.go:54:22: leaking param: path
tasks.go:59:14: path + ".tmp" escapes to heap
tasks.go:66:7: leaking param content: s
tasks.go:66:21: leaking param: title
tasks.go:67:7: &Task{...} escapes to heap
tasks.go:73:7: leaking param: s to result ~r0 level=2
tasks.go:82:7: leaking param content: s
tasks.go:83:14: make([]*Task, 0, len(s.Tasks)) escapes to heap
tasks.go:89:18: open escapes to heap
tasks.go:89:25: func literal does not escape
tasks.go:96:14: ... argument does not escape
tasks.go:96:26: "usage: tasks add TITLE [PRIORITY] | done ID | list" escapes to heap
tasks.go:132:3: moved to heap: now
tasks.go:106:15: ... argument does not escape
tasks.go:121:13: ... argument does not escape
tasks.go:121:30: t.ID escapes to heap
tasks.go:129:15: ... argument does not escape
tasks.go:129:27: id escapes to heap
tasks.go:137:14: ... argument does not escape
tasks.go:137:40: t.ID escapes to heap
tasks.go:137:46: t.Priority escapes to heap
tasks.go:137:58: t.Title escapes to heap
tasks.go:137:58: age escapes to heap
tasks.go:144:15: ... argument does not escape
