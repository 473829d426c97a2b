// arena.c - bump allocation for everything the compiler makes.
//
// Memory comes from chunks of at least 1 MiB; an object larger than a chunk
// gets a chunk of its own. Nothing is freed one by one: arena_free releases
// every chunk at once, which is how a compilation ends.
#include "frontend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ArenaChunk {
    ArenaChunk *next;
    size_t size;
    max_align_t data[];
};

enum { ARENA_CHUNK = 1 << 20 };

void arena_init(Arena *a) { memset(a, 0, sizeof *a); }

void arena_free(Arena *a) {
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *next = c->next;
        free(c);
        c = next;
    }
    memset(a, 0, sizeof *a);
}

void *arena_alloc(Arena *a, size_t size) {
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    if ((size_t)(a->end - a->cur) < size) {
        size_t want = size > ARENA_CHUNK / 4 ? size : ARENA_CHUNK;
        ArenaChunk *c = malloc(sizeof(ArenaChunk) + want);
        if (!c) {
            fputs("minigc: out of memory\n", stderr);
            exit(2);
        }
        c->size = want;
        if (want != ARENA_CHUNK && a->head) {
            // A big object: keep the current chunk's free tail for later.
            c->next = a->head->next;
            a->head->next = c;
            a->total += size;
            memset(c->data, 0, size);
            return c->data;
        }
        c->next = a->head;
        a->head = c;
        a->cur = (char *)c->data;
        a->end = a->cur + want;
    }
    void *p = a->cur;
    a->cur += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t len) {
    char *p = arena_alloc(a, len + 1);
    memcpy(p, s, len);
    p[len] = 0;
    return p;
}

char *arena_sprintf(Arena *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return arena_strndup(a, "", 0);
    char *p = arena_alloc(a, (size_t)n + 1);
    if ((size_t)n < sizeof small) {
        memcpy(p, small, (size_t)n + 1);
    } else {
        va_start(ap, fmt);
        vsnprintf(p, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return p;
}

void ptrvec_push(Arena *a, PtrVec *v, void *p) {
    if (v->len == v->cap) {
        int cap = v->cap ? v->cap * 2 : 8;
        void **items = ARENA_ARRAY(a, void *, cap);
        if (v->len)
            memcpy(items, v->items, sizeof(void *) * (size_t)v->len);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = p;
}
