// intern.c - the table of interned names.
//
// Open addressing with linear probing over a power-of-two table, grown at
// 50% load; the hash is FNV-1a. Names and their text live in the arena.
#include "frontend.h"

#include <stdlib.h>
#include <string.h>

static uint32_t hash_bytes(const char *s, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static void grow(NameTable *t) {
    uint32_t cap = t->cap ? t->cap * 2 : 1024;
    Name **slots = calloc(cap, sizeof *slots);
    if (!slots)
        abort();
    for (uint32_t i = 0; i < t->cap; i++) {
        Name *n = t->slots[i];
        if (!n)
            continue;
        uint32_t j = n->hash & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = n;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
}

Name *intern(Compiler *cc, const char *s, size_t len) {
    NameTable *t = &cc->names;
    if (2 * (t->count + 1) > t->cap)
        grow(t);
    uint32_t h = hash_bytes(s, len);
    uint32_t i = h & (t->cap - 1);
    for (Name *n; (n = t->slots[i]); i = (i + 1) & (t->cap - 1))
        if (n->hash == h && n->len == len && memcmp(n->s, s, len) == 0)
            return n;
    Name *n = ARENA_NEW(&cc->arena, Name);
    n->s = arena_strndup(&cc->arena, s, len);
    n->len = (uint32_t)len;
    n->hash = h;
    t->slots[i] = n;
    t->count++;
    return n;
}

Name *intern_cstr(Compiler *cc, const char *s) { return intern(cc, s, strlen(s)); }
