global_store.go:14:15: leaking param: p
global_store.go:18:11: p does not escape
global_store.go:23:2: moved to heap: x
