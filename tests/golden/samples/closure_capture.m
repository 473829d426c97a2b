closure_capture.go:13:2: moved to heap: n
closure_capture.go:14:9: func literal escapes to heap
closure_capture.go:22:9: func literal does not escape
