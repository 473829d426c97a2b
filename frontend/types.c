// types.c - Go types: construction, predicates, identity, amd64 layout and
// printing.
//
// Composite types are made fresh by each constructor; two types are the same
// Go type when type_identical says so (defined types are identical only to
// themselves, everything else structurally). Sizes and alignments are
// computed on first request and cached in the Type, using gc's amd64 rules;
// a type whose size is being computed is marked so that an invalid recursive
// type the checker missed cannot recurse forever.
//
// Types are printed in two dialects: type_string gives gc's own form, used in
// -m messages ("interface {}", "struct { x int }", "func(int) string"), and
// type_string_types2 gives the type checker's form used in errors
// ("interface{}", "struct{x int}", named types qualified by package when they
// come from another package than the one being checked).
#include "frontend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SIZE_UNKNOWN = -1, SIZE_IN_PROGRESS = -2 };

Type *type_new(Compiler *cc, TypeKind kind) {
    Type *t = ARENA_NEW(&cc->arena, Type);
    t->kind = kind;
    t->size = SIZE_UNKNOWN;
    t->id = ++cc->next_type_id;
    return t;
}

Type *type_basic(Compiler *cc, TypeKind kind) {
    if (kind <= TY_UNTYPED_NIL && cc->basic[kind])
        return cc->basic[kind];
    Type *t = type_new(cc, kind);
    if (kind <= TY_UNTYPED_NIL)
        cc->basic[kind] = t;
    return t;
}

Type *type_pointer(Compiler *cc, Type *elem) {
    Type *t = type_new(cc, TY_POINTER);
    t->u.ptr.elem = elem;
    return t;
}

Type *type_slice(Compiler *cc, Type *elem) {
    Type *t = type_new(cc, TY_SLICE);
    t->u.slice.elem = elem;
    return t;
}

Type *type_array(Compiler *cc, Type *elem, int64_t len) {
    Type *t = type_new(cc, TY_ARRAY);
    t->u.array.elem = elem;
    t->u.array.len = len;
    return t;
}

Type *type_map(Compiler *cc, Type *key, Type *value) {
    Type *t = type_new(cc, TY_MAP);
    t->u.map.key = key;
    t->u.map.value = value;
    return t;
}

Type *type_chan(Compiler *cc, Type *elem, int dir) {
    Type *t = type_new(cc, TY_CHAN);
    t->u.chan.elem = elem;
    t->u.chan.dir = dir;
    return t;
}

Type *type_tuple(Compiler *cc, Type **types, int n) {
    Type *t = type_new(cc, TY_TUPLE);
    t->u.tuple.types = ARENA_ARRAY(&cc->arena, Type *, n > 0 ? n : 1);
    if (n > 0)
        memcpy(t->u.tuple.types, types, sizeof(Type *) * (size_t)n);
    t->u.tuple.n = n;
    return t;
}

// ---------------------------------------------------------------------------
// Predicates

static TypeKind ukind(Type *t) {
    Type *u = type_underlying(t);
    return u ? u->kind : TY_INVALID;
}

bool type_is_integer(Type *t) {
    TypeKind k = ukind(t);
    return (k >= TY_INT && k <= TY_UINTPTR) || k == TY_UNTYPED_INT || k == TY_UNTYPED_RUNE;
}

bool type_is_unsigned(Type *t) {
    TypeKind k = ukind(t);
    return k >= TY_UINT && k <= TY_UINTPTR;
}

bool type_is_float(Type *t) {
    TypeKind k = ukind(t);
    return k == TY_FLOAT32 || k == TY_FLOAT64 || k == TY_UNTYPED_FLOAT;
}

bool type_is_complex(Type *t) {
    TypeKind k = ukind(t);
    return k == TY_COMPLEX64 || k == TY_COMPLEX128 || k == TY_UNTYPED_COMPLEX;
}

bool type_is_numeric(Type *t) {
    return type_is_integer(t) || type_is_float(t) || type_is_complex(t);
}

bool type_is_string(Type *t) {
    TypeKind k = ukind(t);
    return k == TY_STRING || k == TY_UNTYPED_STRING;
}

bool type_is_boolean(Type *t) {
    TypeKind k = ukind(t);
    return k == TY_BOOL || k == TY_UNTYPED_BOOL;
}


// The recursive properties below are remembered per type (Type.memo, three
// bits each): types that share their parts form a DAG with exponentially
// many paths (T0 struct{ a, b T1 }; T1 struct{ a, b T2 }; ... 30 deep is
// 2^30 paths), which a plain recursion walks one by one. An answer is kept
// only when every type on the way was complete (the checker may ask while
// a declaration is still being resolved); a type met again while its own
// answer is being found is an invalid recursive type, which the checker
// reports, so it counts as incomplete. There is no depth limit: the compile
// runs on a large stack (frontend/stack.c).
typedef enum { PROP_POINTERS, PROP_NOT_IN_HEAP, PROP_COMPARABLE } TypeProp;
enum { MEMO_KNOWN = 1, MEMO_TRUE = 2, MEMO_BUSY = 4 };

static unsigned memo_get(const Type *t, TypeProp p) { return (t->memo >> (3 * p)) & 7u; }

static void memo_set(Type *t, TypeProp p, unsigned bits) {
    t->memo = (uint16_t)((t->memo & ~(7u << (3 * p))) | bits << (3 * p));
}

// Starts finding property p of t: true with *r set if it is known (or t is
// being worked on: then *r is `dflt` and *incomplete is set).
static bool memo_begin(Type *t, TypeProp p, bool dflt, bool *r, bool *incomplete) {
    unsigned m = memo_get(t, p);
    if (m & MEMO_KNOWN) {
        *r = (m & MEMO_TRUE) != 0;
        return true;
    }
    if (m & MEMO_BUSY) {
        *r = dflt;
        *incomplete = true;
        return true;
    }
    memo_set(t, p, MEMO_BUSY);
    return false;
}

static bool memo_end(Type *t, TypeProp p, bool r, bool inc, bool *incomplete) {
    memo_set(t, p, inc ? 0 : MEMO_KNOWN | (r ? MEMO_TRUE : 0));
    if (inc)
        *incomplete = true;
    return r;
}

static bool not_in_heap(Type *t, bool *incomplete);

// gc's HasPointers: a pointer to a //go:notinheap type is no heap pointer.
static bool has_pointers(Type *t, bool *incomplete) {
    bool r = false, inc = false;
    Type *u = type_underlying(t);
    if (!u) {
        *incomplete = true;
        return false;
    }
    if (memo_begin(t, PROP_POINTERS, false, &r, incomplete))
        return r;
    switch (u->kind) {
    case TY_POINTER:
        r = !not_in_heap(u->u.ptr.elem, &inc);
        break;
    case TY_STRING: case TY_UNSAFE_POINTER: case TY_UNTYPED_STRING: case TY_UNTYPED_NIL:
    case TY_SLICE: case TY_FUNC: case TY_INTERFACE: case TY_MAP: case TY_CHAN:
        r = true;
        break;
    case TY_ARRAY:
        inc = u->u.array.len < 0;
        r = u->u.array.len > 0 && has_pointers(u->u.array.elem, &inc);
        break;
    case TY_STRUCT:
        for (int i = 0; i < u->u.strct.nfields && !r; i++)
            r = has_pointers(u->u.strct.fields[i].type, &inc);
        break;
    case TY_TUPLE:
        for (int i = 0; i < u->u.tuple.n && !r; i++)
            r = has_pointers(u->u.tuple.types[i], &inc);
        break;
    default:
        break;
    }
    return memo_end(t, PROP_POINTERS, r, inc, incomplete);
}

bool type_has_pointers(Type *t) {
    bool incomplete = false;
    return has_pointers(t, &incomplete);
}

// gc's NotInHeap: a type declared //go:notinheap, a defined type whose
// underlying type is one, an array of one, a struct with a field of one.
static bool not_in_heap(Type *t, bool *incomplete) {
    bool r = false, inc = false;
    if (!t)
        return false;
    if (t->kind != TY_NAMED && t->kind != TY_ARRAY && t->kind != TY_STRUCT)
        return false;
    if (memo_begin(t, PROP_NOT_IN_HEAP, false, &r, incomplete))
        return r;
    switch (t->kind) {
    case TY_NAMED: {
        Obj *o = t->u.named.obj;
        if (o && o->decl && o->decl->kind == N_TYPESPEC && o->decl->u.typespec.notinheap)
            r = true;
        else if (!t->u.named.underlying)
            inc = true;
        else
            r = not_in_heap(t->u.named.underlying, &inc);
        break;
    }
    case TY_ARRAY:
        r = not_in_heap(t->u.array.elem, &inc);
        break;
    default:
        for (int i = 0; i < t->u.strct.nfields && !r; i++)
            r = not_in_heap(t->u.strct.fields[i].type, &inc);
        break;
    }
    return memo_end(t, PROP_NOT_IN_HEAP, r, inc, incomplete);
}

static bool not_in_heap0(Type *t) {
    bool incomplete = false;
    return not_in_heap(t, &incomplete);
}

bool type_not_in_heap(Type *t) { return not_in_heap0(t); }

// gc's types.IsDirectIface. The depth guard is only for safety: a type cannot
// contain itself by value, so the recursion ends on well-typed input. A
// pointer to a //go:notinheap type is not stored directly in an interface.
static bool direct_iface(Type *t, int depth) {
    Type *u = type_underlying(t);
    if (!u || depth > 100)
        return false;
    switch (u->kind) {
    case TY_POINTER:
        return !not_in_heap0(u->u.ptr.elem);
    case TY_CHAN: case TY_MAP: case TY_FUNC: case TY_UNSAFE_POINTER:
        return true;
    case TY_ARRAY:
        return u->u.array.len == 1 && direct_iface(u->u.array.elem, depth + 1);
    case TY_STRUCT:
        return u->u.strct.nfields == 1 && direct_iface(u->u.strct.fields[0].type, depth + 1);
    default:
        return false;
    }
}

bool type_is_direct_iface(Type *t) { return direct_iface(t, 0); }

static bool comparable(Type *t, bool *incomplete) {
    bool r = true, inc = false;
    Type *u = type_underlying(t);
    if (!u) {
        *incomplete = true;
        return false;
    }
    if (memo_begin(t, PROP_COMPARABLE, true, &r, incomplete))
        return r;
    switch (u->kind) {
    case TY_INVALID: case TY_SLICE: case TY_MAP: case TY_FUNC: case TY_TUPLE:
        r = false;
        break;
    case TY_ARRAY:
        r = comparable(u->u.array.elem, &inc);
        break;
    case TY_STRUCT:
        for (int i = 0; i < u->u.strct.nfields && r; i++)
            r = comparable(u->u.strct.fields[i].type, &inc);
        break;
    default:
        break;
    }
    return memo_end(t, PROP_COMPARABLE, r, inc, incomplete);
}

bool type_comparable(Type *t) {
    bool incomplete = false;
    return comparable(t, &incomplete);
}

// ---------------------------------------------------------------------------
// Identity

// Interfaces may mention themselves through their methods' signatures
// (type I interface{ F() interface{ I } }): comparing such a pair again
// while it is being compared assumes it identical, as the spec's identity
// is co-inductive there.
typedef struct IfacePair {
    Type *a, *b;
    const struct IfacePair *prev;
} IfacePair;

typedef struct IdentCtx {
    bool ignore_tags;
    const IfacePair *pairs;
} IdentCtx;

static bool identical(Type *a, Type *b, int depth, IdentCtx *cx);

static bool identical_lists(Type **a, int na, Type **b, int nb, int depth, IdentCtx *cx) {
    if (na != nb)
        return false;
    for (int i = 0; i < na; i++)
        if (!identical(a[i], b[i], depth, cx))
            return false;
    return true;
}

static bool identical_structs(Type *a, Type *b, int depth, IdentCtx *cx) {
    if (a->u.strct.nfields != b->u.strct.nfields)
        return false;
    for (int i = 0; i < a->u.strct.nfields; i++) {
        Field *fa = &a->u.strct.fields[i], *fb = &b->u.strct.fields[i];
        if (fa->name != fb->name || fa->embedded != fb->embedded)
            return false;
        const char *ta = fa->tag ? fa->tag : "", *tb = fb->tag ? fb->tag : "";
        if (!cx->ignore_tags && strcmp(ta, tb) != 0)
            return false;
        // Unexported field names of different packages are different names.
        if (fa->obj && fb->obj && fa->name && fa->name->len &&
            !(fa->name->s[0] >= 'A' && fa->name->s[0] <= 'Z') && fa->obj->pkg != fb->obj->pkg)
            return false;
        if (!identical(fa->type, fb->type, depth, cx))
            return false;
    }
    return true;
}

static bool identical_ifaces(Type *a, Type *b, int depth, IdentCtx *cx) {
    if (a->u.iface.nmethods != b->u.iface.nmethods)
        return false;
    for (const IfacePair *p = cx->pairs; p; p = p->prev)
        if ((p->a == a && p->b == b) || (p->a == b && p->b == a))
            return true;
    IfacePair pair = {a, b, cx->pairs};
    const IfacePair *saved = cx->pairs;
    cx->pairs = &pair;
    bool ok = true;
    for (int i = 0; i < a->u.iface.nmethods && ok; i++) {
        Method *ma = &a->u.iface.methods[i], *mb = &b->u.iface.methods[i];
        if (ma->name != mb->name || !identical(ma->type, mb->type, depth, cx))
            ok = false;
    }
    cx->pairs = saved;
    return ok;
}

static bool identical(Type *a, Type *b, int depth, IdentCtx *cx) {
    if (a == b)
        return true;
    if (!a || !b || depth > 200)
        return false;
    if (a->kind == TY_NAMED || b->kind == TY_NAMED)
        return false;
    if (a->kind != b->kind)
        return false;
    depth++;
    switch (a->kind) {
    case TY_ARRAY:
        return a->u.array.len == b->u.array.len && identical(a->u.array.elem, b->u.array.elem, depth, cx);
    case TY_SLICE:
        return identical(a->u.slice.elem, b->u.slice.elem, depth, cx);
    case TY_POINTER:
        return identical(a->u.ptr.elem, b->u.ptr.elem, depth, cx);
    case TY_STRUCT:
        return identical_structs(a, b, depth, cx);
    case TY_FUNC:
        return a->u.func.variadic == b->u.func.variadic &&
               identical_lists(a->u.func.params, a->u.func.nparams, b->u.func.params, b->u.func.nparams, depth, cx) &&
               identical_lists(a->u.func.results, a->u.func.nresults, b->u.func.results, b->u.func.nresults, depth, cx);
    case TY_INTERFACE:
        return identical_ifaces(a, b, depth, cx);
    case TY_MAP:
        return identical(a->u.map.key, b->u.map.key, depth, cx) && identical(a->u.map.value, b->u.map.value, depth, cx);
    case TY_CHAN:
        return a->u.chan.dir == b->u.chan.dir && identical(a->u.chan.elem, b->u.chan.elem, depth, cx);
    case TY_TUPLE:
        return identical_lists(a->u.tuple.types, a->u.tuple.n, b->u.tuple.types, b->u.tuple.n, depth, cx);
    default:
        // Basic types (byte and uint8 are two Type objects of one kind).
        return true;
    }
}

bool type_identical(Type *a, Type *b) {
    IdentCtx cx = {false, NULL};
    return identical(a, b, 0, &cx);
}

bool type_identical_ignore_tags(Type *a, Type *b) {
    IdentCtx cx = {true, NULL};
    return identical(a, b, 0, &cx);
}

// ---------------------------------------------------------------------------
// Sizes and alignments (amd64)

// Offsets stay below TYPE_MAX_WIDTH (2^50), so rounding never overflows.
static int64_t round_up(int64_t o, int64_t a) { return a > 1 ? (o + a - 1) / a * a : o; }

// Marks t as containing a type whose layout failed, if `part` is or does.
static void inherit_size_error(Type *t, const Type *part) {
    if (part && (part->size_error & (SIZE_ERR_ARRAY | SIZE_ERR_STRUCT | SIZE_ERR_INSIDE)))
        t->size_error |= SIZE_ERR_INSIDE;
}

static void layout(Compiler *cc, Type *t);

static void layout_struct(Compiler *cc, Type *t) {
    int64_t o = 0, last_zero = -1;
    int32_t align = 1;
    // sync/atomic's align64 marker asks for 8-byte alignment of its container.
    if (t->u.strct.nfields == 0)
        align = 1;
    for (int i = 0; i < t->u.strct.nfields; i++) {
        Field *f = &t->u.strct.fields[i];
        int64_t w = type_size(cc, f->type);
        int32_t a = type_align(cc, f->type);
        inherit_size_error(t, f->type);
        if (a > align)
            align = a;
        o = round_up(o, a);
        f->offset = o;
        if (w == 0)
            last_zero = o;
        o += w;
        if (o >= TYPE_MAX_WIDTH) {
            // gc says so and goes on with a small size, as here.
            t->size_error |= SIZE_ERR_STRUCT;
            o = 8;
        }
    }
    // A non-empty struct ending in a zero-size field gets a byte of padding
    // so that the field's address never points past the object.
    if (o > 0 && o == last_zero)
        o++;
    t->size = round_up(o, align);
    t->align = align;
}

static void layout(Compiler *cc, Type *t) {
    switch (t->kind) {
    case TY_BOOL: case TY_INT8: case TY_UINT8: case TY_UNTYPED_BOOL:
        t->size = 1; t->align = 1; break;
    case TY_INT16: case TY_UINT16:
        t->size = 2; t->align = 2; break;
    case TY_INT32: case TY_UINT32: case TY_FLOAT32: case TY_UNTYPED_RUNE:
        t->size = 4; t->align = 4; break;
    case TY_COMPLEX64:
        t->size = 8; t->align = 4; break;
    case TY_COMPLEX128: case TY_UNTYPED_COMPLEX:
        t->size = 16; t->align = 8; break;
    case TY_STRING: case TY_UNTYPED_STRING: case TY_INTERFACE:
        t->size = 16; t->align = 8; break;
    case TY_SLICE:
        t->size = 24; t->align = 8; break;
    case TY_ARRAY: {
        int64_t es = type_size(cc, t->u.array.elem);
        int64_t n = t->u.array.len < 0 ? 0 : t->u.array.len;
        inherit_size_error(t, t->u.array.elem);
        if (es > 0 && n > (TYPE_MAX_WIDTH - 1) / es) {
            t->size_error |= SIZE_ERR_ARRAY;
            t->size = TYPE_MAX_WIDTH;
        } else {
            t->size = es * n;
        }
        t->align = type_align(cc, t->u.array.elem);
        break;
    }
    case TY_STRUCT:
        layout_struct(cc, t);
        break;
    case TY_NAMED: {
        Type *u = type_underlying(t);
        t->size = u ? type_size(cc, u) : 0;
        t->align = u ? type_align(cc, u) : 1;
        inherit_size_error(t, u);
        break;
    }
    case TY_TUPLE: {
        int64_t o = 0;
        int32_t align = 1;
        for (int i = 0; i < t->u.tuple.n; i++) {
            int32_t a = type_align(cc, t->u.tuple.types[i]);
            if (a > align)
                align = a;
            o = round_up(o, a) + type_size(cc, t->u.tuple.types[i]);
            inherit_size_error(t, t->u.tuple.types[i]);
            if (o >= TYPE_MAX_WIDTH) {
                t->size_error |= SIZE_ERR_STRUCT;
                o = 8;
            }
        }
        t->size = round_up(o, align);
        t->align = align;
        break;
    }
    case TY_INVALID: case TY_UNTYPED_NIL:
        t->size = 0; t->align = 1; break;
    default:
        // int, uint, uintptr, 64-bit numbers, pointers, maps, chans, funcs
        t->size = 8; t->align = 8; break;
    }
}

static void ensure_layout(Compiler *cc, Type *t) {
    if (t->size >= 0)
        return;
    if (t->size == SIZE_IN_PROGRESS) {
        // An invalid recursive type: give it a size instead of looping.
        t->size = 0;
        t->align = 1;
        return;
    }
    t->size = SIZE_IN_PROGRESS;
    t->align = 1;
    layout(cc, t);
    if (t->align < 1)
        t->align = 1;
}

// Post-order, as gc sizes a type's parts before the type. Pointers and
// slices are followed too (gc sizes their elements as well); a defined type
// is entered once, which also ends the cycles pointers make.
static void size_errors(Compiler *cc, Type *t, void (*report)(void *, const char *), void *arg) {
    if (!t)
        return;
    switch (t->kind) {
    case TY_NAMED:
        if (t->size_error & SIZE_ERR_WALKED)
            return;
        t->size_error |= SIZE_ERR_WALKED;
        size_errors(cc, type_underlying(t), report, arg);
        break;
    case TY_POINTER: size_errors(cc, t->u.ptr.elem, report, arg); return;
    case TY_SLICE: size_errors(cc, t->u.slice.elem, report, arg); return;
    case TY_ARRAY:
        ensure_layout(cc, t);
        size_errors(cc, t->u.array.elem, report, arg);
        break;
    case TY_STRUCT:
        // Unnamed types nest as the source does, so this stays linear.
        ensure_layout(cc, t);
        for (int i = 0; i < t->u.strct.nfields; i++)
            size_errors(cc, t->u.strct.fields[i].type, report, arg);
        break;
    default:
        return;
    }
    // A struct whose field is already too large is not reported again (gc
    // does not either).
    if ((t->size_error & SIZE_ERR_ARRAY || (t->size_error & SIZE_ERR_STRUCT && !(t->size_error & SIZE_ERR_INSIDE))) &&
        !(t->size_error & SIZE_ERR_REPORTED)) {
        t->size_error |= SIZE_ERR_REPORTED;
        report(arg, arena_sprintf(&cc->arena,
                                  t->size_error & SIZE_ERR_ARRAY ? "type %s larger than address space" : "type %s too large",
                                  type_string_types2(cc, t, NULL)));
    }
}

void type_size_errors(Compiler *cc, Type *t, void (*report)(void *, const char *), void *arg) {
    ensure_layout(cc, t);
    size_errors(cc, t, report, arg);
}

int64_t type_size(Compiler *cc, Type *t) {
    if (!t)
        return 0;
    ensure_layout(cc, t);
    return t->size;
}

int32_t type_align(Compiler *cc, Type *t) {
    if (!t)
        return 1;
    ensure_layout(cc, t);
    return t->align;
}

// ---------------------------------------------------------------------------
// Printing

// The text is put together in `small` (or a heap buffer for a long one)
// and copied into the arena once, at its final length. A writer is not
// zeroed whole: `seen` is read only below nseen.
typedef struct TypeWriter {
    Compiler *cc;
    char *buf;          // small, or malloc'd once the text outgrows it
    size_t len, cap;
    bool types2;        // the type checker's dialect
    Package *from;      // types2: the package being checked (its names are unqualified)
    bool link;          // gc's link names (shape names): package paths, uint8 for byte
    // The types being printed, to cut cycles: gc prints any depth (Go's
    // tests nest 250), we stop at SEEN_MAX. The first SEEN_NEAR levels are
    // scanned; deeper ones go to a hash set, so that a deep type (a
    // 1,000-star pointer) is not quadratic in its depth. Entries leave in
    // the reverse order they came, so clearing a slot keeps probing right.
    Type *seen[32];
    Type **deep;        // SEEN_SLOTS slots, allocated on first need, freed by the caller
    int nseen;
    size_t max;         // nonzero: stop after this many bytes (a prefix of the whole text)
    char small[256];
} TypeWriter;

enum { SEEN_NEAR = 32, SEEN_MAX = 1024, SEEN_SLOTS = 2048 };

static unsigned seen_slot(const Type *t) {
    return (unsigned)(((uint64_t)(uintptr_t)t * 0x9E3779B97F4A7C15u) >> 53) & (SEEN_SLOTS - 1);
}

// Whether t is being printed; if not, marks it and sets *slot to the
// deep slot taken (-1 if none).
static bool seen_enter(TypeWriter *w, Type *t, int *slot) {
    *slot = -1;
    for (int i = 0; i < w->nseen && i < SEEN_NEAR; i++)
        if (w->seen[i] == t)
            return true;
    if (w->nseen < SEEN_NEAR) {
        w->seen[w->nseen++] = t;
        return false;
    }
    if (!w->deep && !(w->deep = calloc(SEEN_SLOTS, sizeof *w->deep)))
        abort();
    unsigned i = seen_slot(t);
    for (; w->deep[i]; i = (i + 1) & (SEEN_SLOTS - 1))
        if (w->deep[i] == t)
            return true;
    w->deep[i] = t;
    w->nseen++;
    *slot = (int)i;
    return false;
}

static void seen_leave(TypeWriter *w, int slot) {
    if (slot >= 0)
        w->deep[slot] = NULL;
    w->nseen--;
}

static void put(TypeWriter *w, const char *s, size_t n) {
    if (w->max && n > w->max - w->len)
        n = w->max - w->len;
    if (w->len + n + 1 > w->cap) {
        size_t cap = w->cap * 2;
        while (cap < w->len + n + 1)
            cap *= 2;
        char *nb = malloc(cap);
        if (!nb) {
            fputs("minigc: out of memory\n", stderr);
            exit(2);
        }
        memcpy(nb, w->buf, w->len);
        if (w->buf != w->small)
            free(w->buf);
        w->buf = nb;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    w->buf[w->len] = 0;
}

static void puts_(TypeWriter *w, const char *s) { put(w, s, strlen(s)); }

static void write_type(TypeWriter *w, Type *t);

static const char *const basic_names[] = {
    [TY_INVALID] = "invalid type",
    [TY_BOOL] = "bool", [TY_INT] = "int", [TY_INT8] = "int8", [TY_INT16] = "int16",
    [TY_INT32] = "int32", [TY_INT64] = "int64", [TY_UINT] = "uint", [TY_UINT8] = "uint8",
    [TY_UINT16] = "uint16", [TY_UINT32] = "uint32", [TY_UINT64] = "uint64",
    [TY_UINTPTR] = "uintptr", [TY_FLOAT32] = "float32", [TY_FLOAT64] = "float64",
    [TY_COMPLEX64] = "complex64", [TY_COMPLEX128] = "complex128", [TY_STRING] = "string",
    [TY_UNSAFE_POINTER] = "unsafe.Pointer",
    [TY_UNTYPED_BOOL] = "untyped bool", [TY_UNTYPED_INT] = "untyped int",
    [TY_UNTYPED_RUNE] = "untyped rune", [TY_UNTYPED_FLOAT] = "untyped float",
    [TY_UNTYPED_COMPLEX] = "untyped complex", [TY_UNTYPED_STRING] = "untyped string",
    [TY_UNTYPED_NIL] = "untyped nil",
};

static bool is_exported(const Name *n) { return n && n->s[0] >= 'A' && n->s[0] <= 'Z'; }

// An instance of a generic std type prints its type arguments: Pointer[File].
static void write_targs(TypeWriter *w, Type *t) {
    if (!t->u.named.ntargs)
        return;
    puts_(w, "[");
    for (int i = 0; i < t->u.named.ntargs; i++) {
        if (i)
            puts_(w, ",");
        write_type(w, t->u.named.targs[i]);
    }
    puts_(w, "]");
}

static void write_named(TypeWriter *w, Type *t) {
    Obj *o = t->u.named.obj;
    if (!o) {
        puts_(w, "?");
        return;
    }
    if (t->u.named.shape) {
        puts_(w, o->name->s);   // go.shape.*uint8_0: never qualified
        return;
    }
    Package *p = o->pkg;
    if (w->link) {
        // gc's link names: qualified by package path.
        if (p && p->path) {
            puts_(w, p->path);
            puts_(w, ".");
        }
        puts_(w, o->name ? o->name->s : "?");
        write_targs(w, t);
        return;
    }
    // gc qualifies names of imported packages; the types2 dialect qualifies
    // whatever is not the package being checked.
    bool qualify = p && p->name && (w->types2 ? p != w->from : p->is_std);
    if (qualify) {
        puts_(w, w->types2 ? p->name->s : pkg_qualifier(p));
        puts_(w, ".");
    }
    puts_(w, o->name ? o->name->s : "?");
    write_targs(w, t);
}

// A parameter list; types2 prints parameter names where the signature has
// them, gc never does.
static void write_params(TypeWriter *w, Type **ts, Name **names, int n, bool variadic) {
    puts_(w, "(");
    for (int i = 0; i < n; i++) {
        if (i > 0)
            puts_(w, ", ");
        if (w->types2 && names && names[i]) {
            puts_(w, names[i]->s);
            puts_(w, " ");
        }
        if (variadic && i == n - 1 && ts[i] && ts[i]->kind == TY_SLICE) {
            puts_(w, "...");
            write_type(w, ts[i]->u.slice.elem);
        } else {
            write_type(w, ts[i]);
        }
    }
    puts_(w, ")");
}

static void write_signature(TypeWriter *w, Type *t) {
    write_params(w, t->u.func.params, t->u.func.param_names, t->u.func.nparams, t->u.func.variadic);
    Name **rn = w->types2 ? t->u.func.result_names : NULL;
    if (t->u.func.nresults == 1 && !(rn && rn[0])) {
        puts_(w, " ");
        write_type(w, t->u.func.results[0]);
    } else if (t->u.func.nresults > 0) {
        puts_(w, " ");
        write_params(w, t->u.func.results, rn, t->u.func.nresults, false);
    }
}

static void write_struct(TypeWriter *w, Type *t) {
    int n = t->u.strct.nfields;
    puts_(w, w->types2 ? "struct{" : "struct {");
    for (int i = 0; i < n; i++) {
        Field *f = &t->u.strct.fields[i];
        puts_(w, w->types2 ? (i ? "; " : "") : (i ? "; " : " "));
        if (!f->embedded && f->name) {
            if (w->link && !is_exported(f->name) && f->obj && f->obj->pkg && f->obj->pkg->path) {
                puts_(w, f->obj->pkg->path);
                puts_(w, ".");
            }
            puts_(w, f->name->s);
            puts_(w, " ");
        }
        write_type(w, f->type);
        if (f->tag && f->tag[0]) {
            // Tags print Go-quoted; tags in the subset are plain ASCII.
            puts_(w, " \"");
            for (const char *c = f->tag; *c; c++) {
                if (*c == '"' || *c == '\\')
                    puts_(w, "\\");
                put(w, c, 1);
            }
            puts_(w, "\"");
        }
    }
    puts_(w, w->types2 ? "}" : (n ? " }" : "}"));
}

static void write_interface(TypeWriter *w, Type *t) {
    int n = t->u.iface.nmethods;
    if (w->types2) {
        puts_(w, "interface{");
        for (int i = 0; i < n; i++) {
            if (i)
                puts_(w, "; ");
            puts_(w, t->u.iface.methods[i].name->s);
            write_signature(w, t->u.iface.methods[i].type);
        }
        puts_(w, "}");
        return;
    }
    if (n == 0) {
        puts_(w, "interface {}");
        return;
    }
    puts_(w, "interface {");
    for (int i = 0; i < n; i++) {
        Method *m = &t->u.iface.methods[i];
        puts_(w, i ? "; " : " ");
        // gc spells an unexported method with its package's prefix.
        if (!is_exported(m->name) && m->obj && m->obj->pkg && m->obj->pkg->path) {
            puts_(w, m->obj->pkg->path);
            puts_(w, ".");
        }
        puts_(w, m->name->s);
        write_signature(w, m->type);
    }
    puts_(w, " }");
}

static void write_chan(TypeWriter *w, Type *t) {
    Type *e = t->u.chan.elem;
    switch (t->u.chan.dir) {
    case CHAN_SEND: puts_(w, "chan<- "); break;
    case CHAN_RECV: puts_(w, "<-chan "); break;
    default: puts_(w, "chan "); break;
    }
    bool parens = t->u.chan.dir == CHAN_BOTH && e && e->kind == TY_CHAN && e->u.chan.dir == CHAN_RECV;
    if (parens)
        puts_(w, "(");
    write_type(w, e);
    if (parens)
        puts_(w, ")");
}

static void write_composite(TypeWriter *w, Type *t) {
    char num[32];
    switch (t->kind) {
    case TY_ARRAY:
        snprintf(num, sizeof num, "[%lld]", (long long)t->u.array.len);
        puts_(w, num);
        write_type(w, t->u.array.elem);
        break;
    case TY_SLICE:
        puts_(w, "[]");
        write_type(w, t->u.slice.elem);
        break;
    case TY_POINTER:
        puts_(w, "*");
        write_type(w, t->u.ptr.elem);
        break;
    case TY_STRUCT:
        write_struct(w, t);
        break;
    case TY_FUNC:
        puts_(w, "func");
        write_signature(w, t);
        break;
    case TY_INTERFACE:
        write_interface(w, t);
        break;
    case TY_MAP:
        puts_(w, "map[");
        write_type(w, t->u.map.key);
        puts_(w, "]");
        write_type(w, t->u.map.value);
        break;
    case TY_CHAN:
        write_chan(w, t);
        break;
    case TY_TUPLE:
        write_params(w, t->u.tuple.types, NULL, t->u.tuple.n, false);
        break;
    default:
        puts_(w, "?");
        break;
    }
}

static void write_type(TypeWriter *w, Type *t) {
    Compiler *cc = w->cc;
    if (w->max && w->len >= w->max)
        return;
    if (!t) {
        puts_(w, w->types2 ? "invalid type" : "<T>");
        return;
    }
    if ((t == cc->byte_type || t == cc->rune_type) && !w->link) {
        puts_(w, t == cc->byte_type ? "byte" : "rune");
        return;
    }
    if (t == cc->any_type && !w->link) {
        puts_(w, "any");
        return;
    }
    if (t->kind == TY_NAMED) {
        write_named(w, t);
        return;
    }
    if (t->kind <= TY_UNTYPED_NIL) {
        if (t->kind == TY_UNTYPED_NIL && !w->types2)
            puts_(w, "nil");
        else
            puts_(w, basic_names[t->kind]);
        return;
    }
    int slot;
    if (w->nseen == SEEN_MAX || seen_enter(w, t, &slot)) {
        puts_(w, "...");
        return;
    }
    write_composite(w, t);
    seen_leave(w, slot);
}

static const char *type_text(Compiler *cc, Type *t, bool types2, Package *from, bool link, size_t max) {
    TypeWriter w;
    w.cc = cc;
    w.buf = w.small;
    w.len = 0;
    w.cap = sizeof w.small;
    w.types2 = types2;
    w.from = from;
    w.link = link;
    w.deep = NULL;
    w.nseen = 0;
    w.max = max;
    write_type(&w, t);
    free(w.deep);
    const char *text = w.len ? arena_strndup(&cc->arena, w.buf, w.len) : "";
    if (w.buf != w.small)
        free(w.buf);
    return text;
}

const char *type_string(Compiler *cc, Type *t) { return type_text(cc, t, false, NULL, false, 0); }

const char *type_string_max(Compiler *cc, Type *t, size_t max) {
    return type_text(cc, t, false, NULL, false, max);
}

const char *type_link_string(Compiler *cc, Type *t) { return type_text(cc, t, false, NULL, true, 0); }

const char *type_string_types2(Compiler *cc, Type *t, Package *from) {
    return type_text(cc, t, true, from, false, 0);
}
