scheduler.go:22:7: q does not escape
scheduler.go:23:7: q does not escape
scheduler.go:25:13: jobQueue.Swap ignoring self-assignment in q[i], q[j] = q[j], q[i]
scheduler.go:25:13: jobQueue.Swap ignoring self-assignment in q[i], q[j] = q[j], q[i]
scheduler.go:24:7: q does not escape
scheduler.go:30:7: leaking param content: q
scheduler.go:30:25: leaking param: x
scheduler.go:36:7: leaking param content: q
scheduler.go:53:9: &Scheduler{...} escapes to heap
scheduler.go:56:7: leaking param: s
scheduler.go:56:25: leaking param: name
scheduler.go:58:22: &Job{...} escapes to heap
scheduler.go:67:7: leaking param: s
scheduler.go:67:26: leaking param: ctx
scheduler.go:92:7: leaking param: s
scheduler.go:92:25: leaking param: ctx
scheduler.go:92:59: leaking param: do
scheduler.go:93:6: moved to heap: wg
scheduler.go:94:6: moved to heap: mu
scheduler.go:95:6: moved to heap: log
scheduler.go:98:6: func literal escapes to heap
scheduler.go:111:34: ... argument does not escape
scheduler.go:111:35: id escapes to heap
scheduler.go:111:72: j.Name escapes to heap
scheduler.go:111:80: j.Tries escapes to heap
scheduler.go:128:28: leaking param content: j
scheduler.go:122:35: []time.Duration{...} does not escape
scheduler.go:123:20: ... argument does not escape
scheduler.go:123:21: i escapes to heap
scheduler.go:127:26: map[string]bool{...} escapes to heap
scheduler.go:128:23: func literal escapes to heap
scheduler.go:130:21: ... argument does not escape
scheduler.go:130:36: j.Name escapes to heap
scheduler.go:135:14: ... argument does not escape
scheduler.go:135:14: line escapes to heap
