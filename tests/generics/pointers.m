$GOROOT/src/sync/atomic/type.go:53:22: can inline atomic.(*Pointer[go.shape.int_0]).Store
$GOROOT/src/sync/atomic/type.go:50:22: can inline atomic.(*Pointer[go.shape.int_0]).Load
pointers.go:32:6: can inline Get
$GOROOT/src/sync/atomic/type.go:56:22: can inline atomic.(*Pointer[go.shape.struct { example/pointers.name string; example/pointers.next *example/pointers.node }_0]).Swap
$GOROOT/src/sync/atomic/type.go:59:22: can inline atomic.(*Pointer[go.shape.*uint8_0]).CompareAndSwap
pointers.go:45:6: can inline Files
pointers.go:46:25: inlining call to token.NewFileSet
$GOROOT/src/sync/atomic/type.go:56:22: can inline atomic.(*Pointer[go.shape.int_0]).Swap
$GOROOT/src/sync/atomic/type.go:59:22: can inline atomic.(*Pointer[go.shape.int_0]).CompareAndSwap
$GOROOT/src/sync/atomic/type.go:50:22: can inline atomic.(*Pointer[go.shape.struct { example/pointers.name string; example/pointers.next *example/pointers.node }_0]).Load
$GOROOT/src/sync/atomic/type.go:53:22: can inline atomic.(*Pointer[go.shape.struct { example/pointers.name string; example/pointers.next *example/pointers.node }_0]).Store
$GOROOT/src/sync/atomic/type.go:59:22: can inline atomic.(*Pointer[go.shape.struct { example/pointers.name string; example/pointers.next *example/pointers.node }_0]).CompareAndSwap
$GOROOT/src/sync/atomic/type.go:50:22: can inline atomic.(*Pointer[go.shape.*uint8_0]).Load
$GOROOT/src/sync/atomic/type.go:53:22: can inline atomic.(*Pointer[go.shape.*uint8_0]).Store
$GOROOT/src/sync/atomic/type.go:56:22: can inline atomic.(*Pointer[go.shape.*uint8_0]).Swap
$GOROOT/src/sync/atomic/type.go:50:22: can inline atomic.(*Pointer[go.shape.struct { go/token.name string; go/token.base int; go/token.size int; go/token.mutex sync.Mutex; go/token.lines []int; go/token.infos []go/token.lineInfo }_0]).Load
$GOROOT/src/sync/atomic/type.go:53:22: can inline atomic.(*Pointer[go.shape.struct { go/token.name string; go/token.base int; go/token.size int; go/token.mutex sync.Mutex; go/token.lines []int; go/token.infos []go/token.lineInfo }_0]).Store
$GOROOT/src/sync/atomic/type.go:56:22: can inline atomic.(*Pointer[go.shape.struct { go/token.name string; go/token.base int; go/token.size int; go/token.mutex sync.Mutex; go/token.lines []int; go/token.infos []go/token.lineInfo }_0]).Swap
$GOROOT/src/sync/atomic/type.go:59:22: can inline atomic.(*Pointer[go.shape.struct { go/token.name string; go/token.base int; go/token.size int; go/token.mutex sync.Mutex; go/token.lines []int; go/token.infos []go/token.lineInfo }_0]).CompareAndSwap
pointers.go:26:10: moved to heap: x
pointers.go:28:2: moved to heap: m
pointers.go:39:11: leaking param: n
pointers.go:40:2: moved to heap: old
pointers.go:46:25: &token.FileSet{...} escapes to heap
