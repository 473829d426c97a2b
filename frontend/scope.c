// scope.c - objects and the scopes that map names to them.
//
// Most scopes are tiny (a block with two variables), so a scope starts as a
// plain array searched linearly. Once it holds more than SCOPE_LINEAR_MAX
// objects it turns into an open-addressing hash table keyed by the interned
// name's hash (names are interned, so equal names are equal pointers); a
// package scope of tens of thousands of functions stays O(1) per lookup.
// Objects are never removed, so the table needs no tombstones.
#include "frontend.h"

#include <string.h>

// Tables of this many slots and more are heap blocks of the arena, given
// back when the table is rebuilt bigger (a package scope of 36,000
// functions grows to 131,072 slots; in the arena the smaller tables stayed).
enum { SCOPE_LINEAR_MAX = 16, SCOPE_BLOCK_MIN = 1024 };

Scope *scope_new(Compiler *cc, Scope *parent) {
    Scope *s = ARENA_NEW(&cc->arena, Scope);
    s->parent = parent;
    return s;
}

Obj *obj_new(Compiler *cc, ObjKind kind, Name *name, Pos pos, Type *type) {
    Obj *o = ARENA_NEW(&cc->arena, Obj);
    o->kind = kind;
    o->name = name;
    o->pos = pos;
    o->type = type;
    return o;
}

// Slot of `name` in a hashed scope: where it is, or the empty slot where it
// would go.
// The probe reads the names beside the table (keys), not the objects: a
// package scope of 36,000 functions is too big for the cache, and each
// object looked at was a miss of its own.
static int hash_slot(const Scope *s, const Name *name) {
    uint32_t mask = (uint32_t)s->cap - 1;
    uint32_t i = name->hash & mask;
    while (s->keys[i] && s->keys[i] != name)
        i = (i + 1) & mask;
    return (int)i;
}

static inline Obj *lookup_local(const Scope *s, const Name *name) {
    if (s->hashed)
        return s->entries[hash_slot(s, name)];
    for (int i = 0; i < s->len; i++)
        if (s->entries[i]->name == name)
            return s->entries[i];
    return NULL;
}

Obj *scope_lookup_local(Scope *s, Name *name) {
    if (!s || !name)
        return NULL;
    return lookup_local(s, name);
}

Obj *scope_lookup(Scope *s, Name *name) {
    if (!name)
        return NULL;
    for (; s; s = s->parent) {
        Obj *o = lookup_local(s, name);
        if (o)
            return o;
    }
    return NULL;
}

// Re-inserts every object into a table of `cap` slots (a power of two).
static void rehash(Compiler *cc, Scope *s, int cap) {
    Obj **old = s->entries;
    Name **oldkeys = s->keys;
    int oldcap = s->cap, oldlen = s->len;
    bool was_hashed = s->hashed;
    // One block: the objects, then their names.
    size_t size = 2 * sizeof(Obj *) * (size_t)cap;
    s->entries = cap >= SCOPE_BLOCK_MIN ? arena_alloc_block(&cc->arena, size) : arena_alloc(&cc->arena, size);
    s->keys = (Name **)(s->entries + cap);
    s->cap = cap;
    s->hashed = true;
    int n = was_hashed ? oldcap : oldlen;
    for (int i = 0; i < n; i++) {
        if (old[i]) {
            Name *name = was_hashed ? oldkeys[i] : old[i]->name;
            int j = hash_slot(s, name);
            s->entries[j] = old[i];
            s->keys[j] = name;
        }
    }
    if (was_hashed && oldcap >= SCOPE_BLOCK_MIN)
        arena_free_block(&cc->arena, old);
}

void scope_reserve(Compiler *cc, Scope *s, int n) {
    if (s->hashed || s->len > 0 || n <= SCOPE_LINEAR_MAX)
        return;
    int cap = 64;
    while (cap < 2 * n + 2)
        cap *= 2;
    rehash(cc, s, cap);
}

Obj *scope_insert(Compiler *cc, Scope *s, Obj *obj) {
    // The blank identifier declares nothing: any number of `_` may coexist.
    if (obj->name && !name_is(obj->name, "_")) {
        Obj *prev = scope_lookup_local(s, obj->name);
        if (prev)
            return prev;
    }
    if (!obj->scope)
        obj->scope = s;
    if (!s->hashed && s->len >= SCOPE_LINEAR_MAX && obj->name)
        rehash(cc, s, 64);
    if (s->hashed) {
        if (!obj->name || name_is(obj->name, "_"))
            return NULL;    // nothing can look it up
        if (2 * (s->len + 1) > s->cap)
            rehash(cc, s, s->cap * 2);
        int j = hash_slot(s, obj->name);
        s->entries[j] = obj;
        s->keys[j] = obj->name;
        s->len++;
        return NULL;
    }
    if (s->len == s->cap) {
        int cap = s->cap ? s->cap * 2 : 4;
        Obj **e = ARENA_ARRAY(&cc->arena, Obj *, cap);
        if (s->len)
            memcpy(e, s->entries, sizeof(Obj *) * (size_t)s->len);
        s->entries = e;
        s->cap = cap;
    }
    s->entries[s->len++] = obj;
    return NULL;
}
