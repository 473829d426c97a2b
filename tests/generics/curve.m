curve.go:28:6: can inline newP1
curve.go:30:6: can inline (*p1).Bytes
curve.go:32:6: can inline (*p1).SetBytes
curve.go:34:25: inlining call to errors.New
curve.go:40:6: can inline (*p1).Add
curve.go:47:6: can inline newP2
curve.go:49:6: can inline (*p2).Bytes
curve.go:51:6: can inline (*p2).SetBytes
curve.go:59:6: can inline (*p2).Add
curve.go:94:6: can inline Sum1
curve.go:96:6: can inline Sum2
curve.go:61:6: can inline (*group[go.shape.*uint8_0]).Name
curve.go:98:6: can inline Name2
curve.go:80:6: can inline (*group[go.shape.*uint8_0]).Keep
curve.go:82:17: inlining call to (*group[go.shape.*uint8_0]).Name
curve.go:100:6: can inline Keep1
curve.go:28:27: &p1{} escapes to heap
curve.go:30:7: p does not escape
curve.go:30:44: []byte{...} escapes to heap
curve.go:32:7: leaking param: p to result ~r0 level=0
curve.go:32:23: b does not escape
curve.go:34:25: &errors.errorString{...} escapes to heap
curve.go:40:7: leaking param: p to result ~r0 level=0
curve.go:40:18: a does not escape
curve.go:40:21: b does not escape
curve.go:47:30: new(p2) escapes to heap
curve.go:49:7: leaking param: p to result ~r0 level=0
curve.go:51:7: leaking param: p to result ~r0 level=0
curve.go:51:23: b does not escape
curve.go:53:8: "p2: bad length" escapes to heap
curve.go:59:7: leaking param: p to result ~r0 level=0
curve.go:59:18: a does not escape
curve.go:59:21: b does not escape
curve.go:70:9: "group: invalid point" escapes to heap
curve.go:74:9: "group: invalid point" escapes to heap
curve.go:76:13: make([]byte, 0, 8) escapes to heap
curve.go:94:11: leaking param: a
curve.go:94:14: leaking param: b
curve.go:96:11: leaking param: a
curve.go:96:14: leaking param: b
curve.go:82:20: ~R0 + "!" escapes to heap
curve.go:100:12: leaking param: b
curve.go:106:15: leaking param: a
curve.go:106:18: leaking param: b
