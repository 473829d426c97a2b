rewrite_late_block.go:19:21: ... argument does not escape
rewrite_late_block.go:19:22: k escapes to heap
rewrite_late_block.go:24:20: ... argument does not escape
rewrite_late_block.go:24:75: kindName(s.kind) escapes to heap
rewrite_late_block.go:24:86: s.a escapes to heap
rewrite_late_block.go:24:91: s.b escapes to heap
rewrite_late_block.go:24:96: s.c escapes to heap
rewrite_late_block.go:24:101: s.d escapes to heap
rewrite_late_block.go:24:106: s.e escapes to heap
rewrite_late_block.go:24:111: s.f escapes to heap
rewrite_late_block.go:24:116: s.g escapes to heap
rewrite_late_block.go:24:121: s.h escapes to heap
rewrite_late_block.go:24:126: s.i escapes to heap
rewrite_late_block.go:24:131: s.j escapes to heap
rewrite_late_block.go:24:136: s.k escapes to heap
rewrite_late_block.go:24:141: s.l escapes to heap
rewrite_late_block.go:24:146: s.m escapes to heap
