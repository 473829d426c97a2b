iface_conversion.go:17:2: p escapes to heap
iface_conversion.go:20:15: v does not escape
iface_conversion.go:26:20: point{...} does not escape
