// Model of package reflect for minigc, after Go 1.19's src/reflect
// (Copyright The Go Authors; BSD-style license).
//
// What Go's escape and inline tests use: ValueOf and the Value methods
// Pointer, Elem and UnsafeAddr (test/escape_unsafe.go, test/inline_literal.go),
// SliceHeader and StringHeader, plus TypeOf, Kind and the common Value
// queries. The code is the real code; the Type interface is cut down to the
// methods the model implements. ValueOf is inlinable and lets its argument
// escape on purpose (escapes(i)), so a pointer passed to it leaks:
// "leaking param: p" in escape_unsafe.go. The type descriptors have their
// real layout; the runtime functions that interpret them are declared
// without a body, as in the real package.
//
// This file: type.go, types and kinds.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 reflect); internal stand-ins that behave
// differently from the real function of the same name carry none.

package reflect

import (
	"internal/unsafeheader"
	"strconv"
	"unsafe"
)

// Type is the representation of a Go type. The model declares only the
// methods it implements; the real interface has many more.
type Type interface {
	// Size returns the number of bytes needed to store
	// a value of the given type; it is analogous to unsafe.Sizeof.
	Size() uintptr

	// Name returns the type's name within its package for a defined type.
	Name() string

	// String returns a string representation of the type.
	String() string

	// Kind returns the specific kind of this type.
	Kind() Kind

	common() *rtype
}

// A Kind represents the specific kind of type that a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

type tflag uint8

const (
	tflagUncommon      tflag = 1 << 0
	tflagExtraStar     tflag = 1 << 1
	tflagNamed         tflag = 1 << 2
	tflagRegularMemory tflag = 1 << 3
)

// rtype is the common implementation of most values.
type rtype struct {
	size       uintptr
	ptrdata    uintptr // number of bytes in the type that can contain pointers
	hash       uint32  // hash of type; avoids computation in hash tables
	tflag      tflag   // extra type information flags
	align      uint8   // alignment of variable with this type
	fieldAlign uint8   // alignment of struct field with this type
	kind       uint8   // enumeration for C
	// function for comparing objects of this type
	// (ptr to object A, ptr to object B) -> ==?
	equal     func(unsafe.Pointer, unsafe.Pointer) bool
	gcdata    *byte   // garbage collection data
	str       nameOff // string form
	ptrToThis typeOff // type for pointer to this type, may be zero
}

const (
	kindDirectIface = 1 << 5
	kindGCProg      = 1 << 6 // Type.gc points to GC program
	kindMask        = (1 << 5) - 1
)

// imethod represents a method on an interface type
type imethod struct {
	name nameOff // name of method
	typ  typeOff // .(*FuncType) underneath
}

// interfaceType represents an interface type.
type interfaceType struct {
	rtype
	pkgPath name      // import path
	methods []imethod // sorted by hash
}

// NumMethod returns the number of interface methods in the type's method set.
// gc: can inline with cost 4; t does not escape
func (t *interfaceType) NumMethod() int { return len(t.methods) }

// ptrType represents a pointer type.
type ptrType struct {
	rtype
	elem *rtype // pointer element (pointed at) type
}

// name is an encoded type name with optional extra data.
type name struct {
	bytes *byte
}

// gc: can inline with cost 12; leaking param: n to result ~r0 level=0; whySafe does not escape
func (n name) data(off int, whySafe string) *byte {
	return (*byte)(add(unsafe.Pointer(n.bytes), uintptr(off), whySafe))
}

// readVarint parses a varint as encoded by encoding/binary.
// It returns the number of encoded bytes and the encoded value.
// gc: can inline with cost 59; n does not escape
func (n name) readVarint(off int) (int, int) {
	v := 0
	for i := 0; ; i++ {
		x := *n.data(off+i, "read varint")
		v += int(x&0x7f) << (7 * i)
		if x&0x80 == 0 {
			return i + 1, v
		}
	}
}

// gc: cannot inline: too complex (cost 109); leaking param: n
func (n name) name() (s string) {
	if n.bytes == nil {
		return
	}
	i, l := n.readVarint(1)
	hdr := (*unsafeheader.String)(unsafe.Pointer(&s))
	hdr.Data = unsafe.Pointer(n.data(1+i, "non-empty string"))
	hdr.Len = l
	return
}

var kindNames = []string{
	Invalid:       "invalid",
	Bool:          "bool",
	Int:           "int",
	Int8:          "int8",
	Int16:         "int16",
	Int32:         "int32",
	Int64:         "int64",
	Uint:          "uint",
	Uint8:         "uint8",
	Uint16:        "uint16",
	Uint32:        "uint32",
	Uint64:        "uint64",
	Uintptr:       "uintptr",
	Float32:       "float32",
	Float64:       "float64",
	Complex64:     "complex64",
	Complex128:    "complex128",
	Array:         "array",
	Chan:          "chan",
	Func:          "func",
	Interface:     "interface",
	Map:           "map",
	Pointer:       "ptr",
	Slice:         "slice",
	String:        "string",
	Struct:        "struct",
	UnsafePointer: "unsafe.Pointer",
}

// String returns the name of k.
// gc: can inline with cost 79
func (k Kind) String() string {
	if uint(k) < uint(len(kindNames)) {
		return kindNames[uint(k)]
	}
	return "kind" + strconv.Itoa(int(k))
}

type nameOff int32 // offset to a name
type typeOff int32 // offset to an *rtype

// resolveNameOff resolves a name offset from a base pointer.
// The (*rtype).nameOff method is a convenience wrapper for this function.
// Implemented in the runtime package.
// gc: cannot inline: no function body; leaking param: ptrInModule
func resolveNameOff(ptrInModule unsafe.Pointer, off int32) unsafe.Pointer

// gc: can inline with cost 64; leaking param: t
func (t *rtype) nameOff(off nameOff) name {
	return name{(*byte)(resolveNameOff(unsafe.Pointer(t), int32(off)))}
}

// gc: cannot inline: too complex (cost 148); leaking param: t
func (t *rtype) String() string {
	s := t.nameOff(t.str).name()
	if t.tflag&tflagExtraStar != 0 {
		return s[1:]
	}
	return s
}

// gc: can inline with cost 3; t does not escape
func (t *rtype) Size() uintptr { return t.size }

// gc: can inline with cost 6; t does not escape
func (t *rtype) Kind() Kind { return Kind(t.kind & kindMask) }

// gc: can inline with cost 5; t does not escape
func (t *rtype) pointers() bool { return t.ptrdata != 0 }

// gc: can inline with cost 2; leaking param: t to result ~r0 level=0
func (t *rtype) common() *rtype { return t }

// gc: can inline with cost 7; t does not escape
func (t *rtype) hasName() bool {
	return t.tflag&tflagNamed != 0
}

// gc: cannot inline: too complex (cost 128); leaking param: t
func (t *rtype) Name() string {
	if !t.hasName() {
		return ""
	}
	s := t.String()
	i := len(s) - 1
	sqBrackets := 0
	for i >= 0 && (s[i] != '.' || sqBrackets != 0) {
		switch s[i] {
		case ']':
			sqBrackets++
		case '[':
			sqBrackets--
		}
		i--
	}
	return s[i+1:]
}

// gc: cannot inline: too complex (cost 87); t does not escape
func (t *rtype) NumMethod() int {
	if t.Kind() == Interface {
		tt := (*interfaceType)(unsafe.Pointer(t))
		return tt.NumMethod()
	}
	return len(t.exportedMethods())
}

func (t *rtype) exportedMethods() []method {
	ut := t.uncommon()
	if ut == nil {
		return nil
	}
	return ut.exportedMethods()
}

// uncommonType is present only for defined types or types with methods.
type uncommonType struct {
	pkgPath nameOff // import path; empty for built-in types like int, string
	mcount  uint16  // number of methods
	xcount  uint16  // number of exported methods
	moff    uint32  // offset from this uncommontype to [mcount]method
	_       uint32  // unused
}

// Method on non-interface type
type method struct {
	name nameOff // name of method
	mtyp typeOff // method type (without receiver)
	ifn  textOff // fn used in interface call (one-word receiver)
	tfn  textOff // fn used for normal method call
}

type textOff int32 // offset from top of text section

// gc: can inline with cost 24; leaking param: t to result ~r0 level=0
func (t *uncommonType) exportedMethods() []method {
	if t.xcount == 0 {
		return nil
	}
	return (*[1 << 16]method)(add(unsafe.Pointer(t), uintptr(t.moff), "t.xcount > 0"))[:t.xcount:t.xcount]
}

// uncommon finds the uncommonType that follows the type descriptor. The real
// one knows the size of each kind's descriptor; the model assumes a plain
// rtype.
func (t *rtype) uncommon() *uncommonType {
	if t.tflag&tflagUncommon == 0 {
		return nil
	}
	return (*uncommonType)(add(unsafe.Pointer(t), unsafe.Sizeof(rtype{}), "tflagUncommon"))
}

// TypeOf returns the reflection Type that represents the dynamic type of i.
// If i is a nil interface value, TypeOf returns nil.
// gc: can inline with cost 20; leaking param: i to result ~r0 level=0
func TypeOf(i any) Type {
	eface := *(*emptyInterface)(unsafe.Pointer(&i))
	return toType(eface.typ)
}

// gc: can inline with cost 9; leaking param: t to result ~r0 level=0
func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// ifaceIndir reports whether t is stored indirectly in an interface value.
// gc: can inline with cost 7; t does not escape
func ifaceIndir(t *rtype) bool {
	return t.kind&kindDirectIface == 0
}

// add returns p+x.
// gc: can inline with cost 4; leaking param: p to result ~r0 level=0; whySafe does not escape
func add(p unsafe.Pointer, x uintptr, whySafe string) unsafe.Pointer {
	return unsafe.Pointer(uintptr(p) + x)
}
