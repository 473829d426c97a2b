// Model of package runtime for minigc: frames and function names
// (src/runtime/symtab.go). Frames.Next, FuncForPC and the Func methods are
// the real code without the parts for inlined frames and cgo; the symbol
// table keeps its real layout, with a simpler encoding of pc-value tables.
// See extern.go.

package runtime

import (
	"internal/bytealg"
	"unsafe"
)

// Frames may be used to get function/file/line information for a
// slice of PC values returned by Callers.
type Frames struct {
	// callers is a slice of PCs that have not yet been expanded to frames.
	callers []uintptr

	// frames is a slice of Frames that have yet to be returned.
	frames     []Frame
	frameStore [2]Frame
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
	funcInfo funcInfo
}

// gc: can inline with cost 18; leaking param: callers
func CallersFrames(callers []uintptr) *Frames {
	f := &Frames{callers: callers}
	f.frames = f.frameStore[:0]
	return f
}

// gc: cannot inline: too complex (cost 726); leaking param: ci
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.frames) < 2 {
		// Find the next frame.
		// We need to look for 2 frames so we know what
		// to return for the "more" result.
		if len(ci.callers) == 0 {
			break
		}
		pc := ci.callers[0]
		ci.callers = ci.callers[1:]
		funcInfo := findfunc(pc)
		if !funcInfo.valid() {
			continue
		}
		f := funcInfo._Func()
		entry := f.Entry()
		if pc > entry {
			pc--
		}
		name := funcname(funcInfo)
		ci.frames = append(ci.frames, Frame{
			PC:       pc,
			Func:     f,
			Function: name,
			Entry:    entry,
			funcInfo: funcInfo,
		})
	}

	// Pop one frame from the frame list. Keep the rest.
	// Avoid allocation in the common case, which is 1 or 2 frames.
	switch len(ci.frames) {
	case 0: // In the rare case when there are no frames at all, we return Frame{}.
		return
	case 1:
		frame = ci.frames[0]
		ci.frames = ci.frameStore[:0]
	case 2:
		frame = ci.frames[0]
		ci.frameStore[0] = ci.frames[1]
		ci.frames = ci.frameStore[:1]
	default:
		frame = ci.frames[0]
		ci.frames = ci.frames[1:]
	}
	more = len(ci.frames) > 0
	if frame.funcInfo.valid() {
		// Compute file/line just before we need to return it,
		// as it can be expensive. This avoids computing file/line
		// for the Frame we find but don't return. See issue 32093.
		file, line := funcline1(frame.funcInfo, frame.PC, false)
		frame.File, frame.Line = file, int(line)
	}
	return
}

// A Func represents a Go function in the running binary.
type Func struct {
	opaque struct{} // unexported field to disallow conversions
}

// gc: can inline with cost 2; leaking param: f to result ~r0 level=0
func (f *Func) raw() *_func {
	return (*_func)(unsafe.Pointer(f))
}

// gc: can inline with cost 73; leaking param: f to result ~r0 level=0
func (f *Func) funcInfo() funcInfo {
	return f.raw().funcInfo()
}

// funcinl describes a function that was inlined; FuncForPC returns one in
// place of a *Func for a PC inside inlined code.
type funcinl struct {
	ones  uint32  // set to ^0 to distinguish from _func
	entry uintptr // entry of the real (the "outermost") frame
	name  string
	file  string
	line  int
}

// gc: cannot inline: too complex (cost 483)
func FuncForPC(pc uintptr) *Func {
	f := findfunc(pc)
	if !f.valid() {
		return nil
	}
	return f._Func()
}

// gc: cannot inline: too complex (cost 168); leaking param: f to result ~r0 level=1
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	fn := f.raw()
	if fn.isInlined() { // inlined version
		fi := (*funcinl)(unsafe.Pointer(fn))
		return fi.name
	}
	return funcname(f.funcInfo())
}

// gc: cannot inline: too complex (cost 162); f does not escape
func (f *Func) Entry() uintptr {
	fn := f.raw()
	if fn.isInlined() { // inlined version
		fi := (*funcinl)(unsafe.Pointer(fn))
		return fi.entry
	}
	return fn.funcInfo().entry()
}

// gc: cannot inline: too complex (cost 174); leaking param content: f
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	fn := f.raw()
	if fn.isInlined() { // inlined version
		fi := (*funcinl)(unsafe.Pointer(fn))
		return fi.file, fi.line
	}
	// Pass strict=false here, because anyone can call this function,
	// and they might just be wrong about targetpc belonging to f.
	file, line32 := funcline1(f.funcInfo(), pc, false)
	return file, int(line32)
}

// The symbol table, reduced: the real layout of the function table and its
// lookup, with a simplified pc-value encoding (pairs of value delta and pc
// delta).
type _func struct {
	entryoff uint32 // start pc, as offset from moduledata.text/pcHeader.textStart
	nameoff  int32  // function name, as index into moduledata.funcnametab.
	pcfile   uint32
	pcln     uint32
	cuOffset uint32 // runtime.cutab offset of this function's CU
}

type functab struct {
	entryoff uint32 // relative to runtime.text
	funcoff  uint32
}

type textsect struct {
	vaddr    uintptr // prelinked section vaddr
	end      uintptr // vaddr + section length
	baseaddr uintptr // relocated section address
}

type findfuncbucket struct {
	idx        uint32
	subbuckets [16]byte
}

const minfunc = 16                 // minimum function size
const pcbucketsize = 256 * minfunc // size of bucket in the pc->func lookup table

type moduledata struct {
	funcnametab []byte
	cutab       []uint32
	filetab     []byte
	pctab       []byte
	pclntable   []byte
	ftab        []functab
	findfunctab uintptr
	minpc       uintptr
	maxpc       uintptr
	text        uintptr
	etext       uintptr
	textsectmap []textsect
	next        *moduledata
}

var firstmoduledata moduledata

type funcInfo struct {
	*_func
	datap *moduledata
}

// gc: can inline with cost 5; f does not escape
func (f funcInfo) valid() bool {
	return f._func != nil
}

// gc: can inline with cost 3; leaking param: f to result ~r0 level=0
func (f funcInfo) _Func() *Func {
	return (*Func)(unsafe.Pointer(f._func))
}

// gc: can inline with cost 5; f does not escape
func (f *_func) isInlined() bool {
	return f.entryoff == ^uint32(0) // see comment for funcinl.ones
}

// gc: can inline with cost 65; f does not escape
func (f funcInfo) entry() uintptr {
	return f.datap.textAddr(f.entryoff)
}

// gc: cannot inline: too complex (cost 163); md does not escape
func (md *moduledata) textAddr(off32 uint32) uintptr {
	off := uintptr(off32)
	res := md.text + off
	if len(md.textsectmap) > 1 {
		for i, sect := range md.textsectmap {
			// For the last section, include the end address (etext), as it is included in the functab.
			if off >= sect.vaddr && off < sect.end || (i == len(md.textsectmap)-1 && off == sect.end) {
				res = sect.baseaddr + off - sect.vaddr
				break
			}
		}
		if res > md.etext && GOARCH != "wasm" { // on wasm, functions do not live in the same address space as the linear memory
			println("runtime: textAddr", res, "out of range", md.text, "-", md.etext)
			throw("runtime: text offset out of range")
		}
	}
	return res
}

// gc: can inline with cost 71; md does not escape
func (md *moduledata) textOff(pc uintptr) (uint32, bool) {
	res := uint32(pc - md.text)
	if len(md.textsectmap) > 1 {
		for i, sect := range md.textsectmap {
			if sect.baseaddr > pc {
				// pc is not in any section.
				return 0, false
			}
			end := sect.baseaddr + (sect.end - sect.vaddr)
			// For the last section, include the end address (etext), as it is included in the functab.
			if i == len(md.textsectmap) {
				end++
			}
			if pc < end {
				res = uint32(pc - sect.baseaddr + sect.vaddr)
				break
			}
		}
	}
	return res, true
}

// gc: can inline with cost 28
func findmoduledatap(pc uintptr) *moduledata {
	for datap := &firstmoduledata; datap != nil; datap = datap.next {
		if datap.minpc <= pc && pc < datap.maxpc {
			return datap
		}
	}
	return nil
}

// gc: cannot inline: too complex (cost 215)
func findfunc(pc uintptr) funcInfo {
	datap := findmoduledatap(pc)
	if datap == nil {
		return funcInfo{}
	}
	const nsub = uintptr(len(findfuncbucket{}.subbuckets))

	pcOff, ok := datap.textOff(pc)
	if !ok {
		return funcInfo{}
	}

	x := uintptr(pcOff) + datap.text - datap.minpc
	b := x / pcbucketsize
	i := x % pcbucketsize / (pcbucketsize / nsub)

	ffb := (*findfuncbucket)(add(unsafe.Pointer(datap.findfunctab), b*unsafe.Sizeof(findfuncbucket{})))
	idx := ffb.idx + uint32(ffb.subbuckets[i])

	// Find the ftab entry.
	for datap.ftab[idx+1].entryoff <= pcOff {
		idx++
	}

	funcoff := datap.ftab[idx].funcoff
	return funcInfo{(*_func)(unsafe.Pointer(&datap.pclntable[funcoff])), datap}
}

// gc: can inline with cost 62; leaking param: f to result ~r0 level=0
func (f *_func) funcInfo() funcInfo {
	// Find the module containing fn. fn is located in the pclntable.
	// The unsafe.Pointer to uintptr conversions and arithmetic
	// are safe because we are working with module addresses.
	ptr := uintptr(unsafe.Pointer(f))
	var mod *moduledata
	for datap := &firstmoduledata; datap != nil; datap = datap.next {
		if len(datap.pclntable) == 0 {
			continue
		}
		base := uintptr(unsafe.Pointer(&datap.pclntable[0]))
		if base <= ptr && ptr < base+uintptr(len(datap.pclntable)) {
			mod = datap
			break
		}
	}
	return funcInfo{f, mod}
}

// gc: can inline with cost 27; leaking param: f to result ~r0 level=1
func cfuncname(f funcInfo) *byte {
	if !f.valid() || f.nameoff == 0 {
		return nil
	}
	return &f.datap.funcnametab[f.nameoff]
}

// gc: cannot inline: too complex (cost 109); leaking param: f to result ~r0 level=1
func funcname(f funcInfo) string {
	return gostringnocopy(cfuncname(f))
}

// gc: cannot inline: too complex (cost 121); leaking param: f to result ~r0 level=1
func funcfile(f funcInfo, fileno int32) string {
	datap := f.datap
	if !f.valid() {
		return "?"
	}
	// Make sure the cu index and file offset are valid
	if fileoff := datap.cutab[f.cuOffset+uint32(fileno)]; fileoff != ^uint32(0) {
		return gostringnocopy(&datap.filetab[fileoff])
	}
	// pcln section is corrupt.
	return "?"
}

// gc: cannot inline: too complex (cost 241); leaking param content: f
func funcline1(f funcInfo, targetpc uintptr, strict bool) (file string, line int32) {
	datap := f.datap
	if !f.valid() {
		return "?", 0
	}
	fileno := pcvalue(f, f.pcfile, targetpc, strict)
	line = pcvalue(f, f.pcln, targetpc, strict)
	if fileno == -1 || line == -1 || int(fileno) >= len(datap.filetab) {
		// print("looking for ", hex(targetpc), " in ", funcname(f), " got file=", fileno, " line=", lineno, "\n")
		return "?", 0
	}
	file = funcfile(f, fileno)
	return
}

// gc: can inline with cost 72; leaking param content: f
func funcline(f funcInfo, targetpc uintptr) (file string, line int32) {
	return funcline1(f, targetpc, true)
}

// badTableFunc names the function whose pc-value table was found corrupt.
// The real runtime reports that through its traceback machinery, and the
// effect on escape analysis is the same: the content of f leaks.
var badTableFunc string

func pcvalue(f funcInfo, off uint32, targetpc uintptr, strict bool) int32 {
	if off == 0 {
		return -1
	}
	p := f.datap.pctab[off:]
	pc := f.entry()
	val := int32(-1)
	for len(p) >= 2 {
		val += int32(int8(p[0]))
		pc += uintptr(p[1])
		p = p[2:]
		if targetpc < pc {
			return val
		}
	}
	if strict {
		badTableFunc = funcname(f)
		throw("invalid runtime symbol table")
	}
	return -1
}

type stringStruct struct {
	str unsafe.Pointer
	len int
}

// gc: can inline with cost 76; leaking param: str to result ~r0 level=0
func gostringnocopy(str *byte) string {
	ss := stringStruct{str: unsafe.Pointer(str), len: findnull(str)}
	s := *(*string)(unsafe.Pointer(&ss))
	return s
}

// gc: cannot inline: too complex (cost 123); s does not escape
func findnull(s *byte) int {
	if s == nil {
		return 0
	}

	// pageSize is the unit we scan at a time looking for NULL.
	// It must be the minimum page size for any architecture Go
	// runs on. It's okay (just a minor performance loss) if the
	// actual system page size is larger than this value.
	const pageSize = 4096

	offset := 0
	ptr := unsafe.Pointer(s)
	// IndexByteString uses wide reads, so we need to be careful
	// with page boundaries. Call IndexByteString on
	// [ptr, endOfPage) interval.
	safeLen := int(pageSize - uintptr(ptr)%pageSize)

	for {
		t := *(*string)(unsafe.Pointer(&stringStruct{ptr, safeLen}))
		// Check one page at a time.
		if i := bytealg.IndexByteString(t, 0); i != -1 {
			return offset + i
		}
		// Move to next page
		ptr = unsafe.Pointer(uintptr(ptr) + uintptr(safeLen))
		offset += safeLen
		safeLen = pageSize
	}
}
