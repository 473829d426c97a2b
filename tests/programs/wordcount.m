wordcount.go:17:26: map[string]int{} does not escape
wordcount.go:28:12: es escapes to heap
wordcount.go:28:17: func literal does not escape
wordcount.go:30:14: ... argument does not escape
wordcount.go:30:16: e.word escapes to heap
wordcount.go:30:24: e.count escapes to heap
