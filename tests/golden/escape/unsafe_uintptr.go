// flags: -m -l
// unsafe.Pointer conversions keep the flow; uintptr breaks it.
package p

import "unsafe"

func toPtr(p *int) unsafe.Pointer {
	return unsafe.Pointer(p)
}

func roundTrip(p *int) unsafe.Pointer {
	return unsafe.Pointer(uintptr(unsafe.Pointer(p)) + 8)
}

func lost(p *int) uintptr {
	return uintptr(unsafe.Pointer(p))
}
