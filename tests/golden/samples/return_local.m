return_local.go:17:2: moved to heap: c
