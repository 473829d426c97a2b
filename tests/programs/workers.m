workers.go:26:7: leaking param: c
workers.go:40:13: jobs does not escape
workers.go:40:30: leaking param: c
workers.go:40:44: leaking param: wg
workers.go:52:6: moved to heap: wg
workers.go:51:7: &collector{} escapes to heap
workers.go:66:13: ... argument does not escape
workers.go:66:17: len(c.results) escapes to heap
workers.go:66:30: "results, total" escapes to heap
workers.go:66:30: total escapes to heap
