inline_constructor.go:20:9: &point{...} escapes to heap
inline_constructor.go:23:7: p does not escape
