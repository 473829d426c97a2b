// flags: -m -l
// Func literals inside constant-valued expressions are folded away, also
// at package level: neither they nor the literals inside them are compiled.
package p

import "unsafe"

const c = unsafe.Sizeof(func() { func() int { return 1 }() })

var v = unsafe.Sizeof(func() { func() int { return 2 }() })

func f() uintptr {
	const d = unsafe.Sizeof(func() { func() int { return 3 }() })
	return d + unsafe.Sizeof(func() { func() int { return 4 }() })
}

func g() func() int { return func() int { return 5 } }
