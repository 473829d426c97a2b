logstats.go:37:16: leaking param: line
logstats.go:41:23: ... argument does not escape
logstats.go:41:24: line escapes to heap
logstats.go:49:23: ... argument does not escape
logstats.go:49:51: fields[3] escapes to heap
logstats.go:59:17: sorted does not escape
logstats.go:70:11: xs does not escape
logstats.go:78:14: leaking param: in
logstats.go:79:15: make(map[string]*pathStats) escapes to heap
logstats.go:96:8: &pathStats{...} escapes to heap
logstats.go:113:16: ... argument does not escape
logstats.go:121:15: ... argument does not escape
logstats.go:121:27: "logstats:" escapes to heap
logstats.go:124:14: make([]*pathStats, 0, len(stats)) escapes to heap
logstats.go:129:12: list escapes to heap
logstats.go:129:19: func literal does not escape
logstats.go:137:13: ... argument does not escape
logstats.go:137:44: "path" escapes to heap
logstats.go:137:52: "count" escapes to heap
logstats.go:137:61: "err%" escapes to heap
logstats.go:137:69: "mean" escapes to heap
logstats.go:137:77: "p95" escapes to heap
logstats.go:140:14: ... argument does not escape
logstats.go:140:54: s.path escapes to heap
logstats.go:140:62: s.count escapes to heap
logstats.go:140:62: rate escapes to heap
logstats.go:140:80: mean(s.latencies) escapes to heap
logstats.go:140:105: percentile(s.latencies, 95) escapes to heap
logstats.go:143:14: ... argument does not escape
logstats.go:143:18: bad escapes to heap
