ratelimit.go:21:9: &Limiter{...} escapes to heap
ratelimit.go:28:12: (*Limiter).refill ignoring self-assignment in l.tokens = l.max
ratelimit.go:24:7: l does not escape
ratelimit.go:24:26: leaking param: now
ratelimit.go:33:7: leaking param: l
ratelimit.go:44:7: leaking param: l
ratelimit.go:44:24: leaking param: ctx
ratelimit.go:65:16: ... argument does not escape
ratelimit.go:65:17: "deadline after" escapes to heap
ratelimit.go:65:17: n escapes to heap
ratelimit.go:65:38: "requests" escapes to heap
