// Model of package internal/unsafeheader for minigc: Go 1.19's
// src/internal/unsafeheader/unsafeheader.go (Copyright The Go Authors;
// BSD-style license), code unchanged: the runtime layout of slices and
// strings, used by hash/maphash and reflect.

package unsafeheader

import (
	"unsafe"
)

type Slice struct {
	Data unsafe.Pointer
	Len  int
	Cap  int
}

type String struct {
	Data unsafe.Pointer
	Len  int
}
