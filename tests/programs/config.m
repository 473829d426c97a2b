config.go:26:12: leaking param: data
config.go:27:6: moved to heap: c
config.go:29:25: ... argument does not escape
config.go:43:26: ... argument does not escape
config.go:43:45: s.Host escapes to heap
config.go:52:16: ([]byte)(sample) escapes to heap
config.go:56:16: ... argument does not escape
config.go:63:15: ... argument does not escape
config.go:68:36: ... argument does not escape
config.go:68:47: s.Host escapes to heap
config.go:68:55: s.Port escapes to heap
config.go:70:13: ... argument does not escape
config.go:70:15: c.Name escapes to heap
config.go:70:34: strings.Join(names, ",") escapes to heap
config.go:70:56: c.Labels["env"] escapes to heap
