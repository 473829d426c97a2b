calc.go:21:7: leaking param content: e
calc.go:21:58: ... argument does not escape
calc.go:21:78: e.Pos + 1 escapes to heap
calc.go:21:83: e.Msg escapes to heap
calc.go:35:7: p does not escape
calc.go:46:7: leaking param content: p
calc.go:62:7: leaking param content: p
calc.go:82:7: leaking param content: p
calc.go:92:14: &SyntaxError{...} escapes to heap
calc.go:115:13: &SyntaxError{...} escapes to heap
calc.go:115:49: "unknown name " + strconv.Quote(name) escapes to heap
calc.go:117:12: &SyntaxError{...} escapes to heap
calc.go:134:7: moved to heap: se
calc.go:121:28: map[string]float64{...} escapes to heap
calc.go:129:8: &parser{...} does not escape
calc.go:132:10: &SyntaxError{...} escapes to heap
calc.go:137:14: ... argument does not escape
calc.go:137:15: line escapes to heap
calc.go:137:40: se.Pos escapes to heap
calc.go:137:46: "" escapes to heap
calc.go:137:52: se.Msg escapes to heap
calc.go:139:15: ... argument does not escape
calc.go:139:16: "error:" escapes to heap
calc.go:143:15: ... argument does not escape
calc.go:143:35: strconv.FormatFloat(v, 'g', 12, 64) escapes to heap
calc.go:31:45: map[string]func(float64) float64{...} escapes to heap
