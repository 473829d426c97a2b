csvsum.go:19:7: s does not escape
csvsum.go:33:20: ... argument does not escape
csvsum.go:33:61: s.count escapes to heap
csvsum.go:33:70: s.sum escapes to heap
csvsum.go:33:81: s.sum / float64(s.count) escapes to heap
csvsum.go:33:101: s.min escapes to heap
csvsum.go:33:108: s.max escapes to heap
csvsum.go:36:18: leaking param content: sc
csvsum.go:49:35: ... argument does not escape
csvsum.go:49:36: line escapes to heap
csvsum.go:65:14: ... argument does not escape
csvsum.go:65:15: "column" escapes to heap
csvsum.go:65:15: i escapes to heap
csvsum.go:65:15: c escapes to heap
csvsum.go:68:15: ... argument does not escape
