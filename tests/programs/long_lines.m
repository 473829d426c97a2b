long_lines.go:6:8: moved to heap: x
long_lines.go:7: []int{...} escapes to heap
long_lines.go:7: []int{...} escapes to heap
long_lines.go:10: new(int) escapes to heap
