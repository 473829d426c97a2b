// arena.c - bump allocation for everything the compiler makes.
//
// Memory comes in chunks that double in size, from 4 KiB up to 64 MiB, so
// a small arena stays small and a big one (the AST of a 268,000-line file)
// takes few chunks. Chunks of 1 MiB and more are mapped straight from the
// kernel: that memory is already zero, so handing it out costs no memset,
// and transparent huge pages cut the page faults of first touch. Nothing is
// freed one by one: arena_free releases every chunk, arena_reset keeps one
// chunk for the next round of a pass that throws its memory away often.
//
// Allocations are rounded to 8 bytes, not to max_align_t's 32: nothing the
// compiler stores needs more than pointer alignment, and on a big file the
// coarser rounding cost a tenth of the memory.
//
// A mapped chunk is handed out one 2 MiB window at a time (a->end is the
// window's end, not the chunk's): opening a window asks prefault.c to fault
// in the one after it on another core, so the kernel clears those pages
// while the compiler works rather than when it first touches them.
//
// A child arena (arena_init_child) has no chunks: it allocates from its
// parent and only counts what it took. One Func's SSA is such a child;
// per-function chunks of their own left most of each chunk unused.
#define _DEFAULT_SOURCE
#include "frontend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
// ast.c poisons the part of a node its kind does not use: memory going
// back to the kernel or handed out again must not stay poisoned.
#define ARENA_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define ARENA_UNPOISON(p, n) ((void)0)
#endif

struct ArenaChunk {
    ArenaChunk *next;
    size_t size;        // of the whole chunk, header included
    bool mapped;
    max_align_t data[];
};

enum {
    ARENA_FIRST_CHUNK = 4 << 10,
    ARENA_MAX_CHUNK = 64 << 20,
    ARENA_MAP_AT = 1 << 20,
    ARENA_ALIGN = 8,
    ARENA_WINDOW = 2 << 20,     // a huge page
    ARENA_AHEAD = 1,            // windows asked for beyond the open one (2: no faster, 4 MB more)
};

void arena_init(Arena *a) { memset(a, 0, sizeof *a); }

void arena_init_child(Arena *a, Arena *parent) {
    memset(a, 0, sizeof *a);
    a->parent = parent;
}

typedef struct ArenaBlock {
    struct ArenaBlock *prev, *next;
    size_t size;
    max_align_t data[];
} ArenaBlock;

static void blocks_release(Arena *a) {
    for (ArenaBlock *b = a->blocks; b;) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->blocks = NULL;
}

void *arena_alloc_block(Arena *a, size_t size) {
    if (a->parent)
        return arena_alloc_block(a->parent, size);
    ArenaBlock *b = calloc(1, sizeof *b + size);
    if (!b) {
        fputs("minigc: out of memory\n", stderr);
        exit(2);
    }
    b->size = size;
    b->next = a->blocks;
    if (a->blocks)
        a->blocks->prev = b;
    a->blocks = b;
    a->total += size;
    return b->data;
}

void arena_free_block(Arena *a, void *p) {
    if (a->parent) {
        arena_free_block(a->parent, p);
        return;
    }
    ArenaBlock *b = (ArenaBlock *)((char *)p - offsetof(ArenaBlock, data));
    if (b->prev)
        b->prev->next = b->next;
    else
        a->blocks = b->next;
    if (b->next)
        b->next->prev = b->prev;
    a->total -= b->size;
    free(b);
}

static void chunk_release(ArenaChunk *c) {
    ARENA_UNPOISON(c, c->size);
    if (c->mapped) {
        prefault_forget(c, c->size);
        munmap(c, c->size);
    } else {
        free(c);
    }
}

void arena_free(Arena *a) {
    Arena *parent = a->parent;
    if (!parent)
        blocks_release(a);
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *next = c->next;
        chunk_release(c);
        c = next;
    }
    memset(a, 0, sizeof *a);
    a->parent = parent;
}

// Keeps the newest (largest) chunk, zeroing what of it was handed out, and
// releases the others; a child arena has nothing to keep.
void arena_reset(Arena *a) {
    if (!a->parent)
        blocks_release(a);
    ArenaChunk *keep = a->parent ? NULL : a->head;
    if (!keep) {
        arena_free(a);
        return;
    }
    for (ArenaChunk *c = keep->next; c;) {
        ArenaChunk *next = c->next;
        chunk_release(c);
        c = next;
    }
    keep->next = NULL;
    ARENA_UNPOISON(keep->data, (size_t)(a->cur - (char *)keep->data));
    memset(keep->data, 0, (size_t)(a->cur - (char *)keep->data));
    a->cur = (char *)keep->data;
    // What was handed out before is faulted in: no window needed.
    a->end = (char *)keep + keep->size;
    a->ready = a->end;
    a->total = 0;
}

static ArenaChunk *chunk_new(size_t size) {
    ArenaChunk *c;
    bool mapped = size >= ARENA_MAP_AT;
    if (mapped) {
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        c = p == MAP_FAILED ? NULL : p;
#ifdef MADV_HUGEPAGE
        if (c)
            madvise(c, size, MADV_HUGEPAGE);
#endif
    } else {
        c = calloc(1, size);
    }
    if (!c) {
        fputs("minigc: out of memory\n", stderr);
        exit(2);
    }
    c->size = size;
    c->mapped = mapped;
    return c;
}

// Opens the window of the newest chunk (ending at `limit`) that holds
// a->cur + size, and asks for the ones after it to be faulted in.
static void window_open(Arena *a, size_t size, char *limit) {
    uintptr_t need = (uintptr_t)a->cur + size;
    uintptr_t end = (need + ARENA_WINDOW - 1) & ~(uintptr_t)(ARENA_WINDOW - 1);
    a->end = end < (uintptr_t)limit ? (char *)end : limit;
    uintptr_t ahead = (uintptr_t)(limit - a->end) < (size_t)ARENA_AHEAD * ARENA_WINDOW
                          ? (uintptr_t)limit
                          : (uintptr_t)a->end + (size_t)ARENA_AHEAD * ARENA_WINDOW;
    char *from = a->ready > a->end ? a->ready : a->end;
    if ((uintptr_t)from < ahead)
        prefault_request(from, (size_t)(ahead - (uintptr_t)from));
    a->ready = (char *)ahead;
}

void *arena_alloc_slow(Arena *a, size_t size) {
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    if (a->parent) {
        a->total += size;
        return arena_alloc(a->parent, size);
    }
    char *limit = a->head ? (char *)a->head + a->head->size : NULL;
    if ((size_t)(a->end - a->cur) < size && a->head && a->head->mapped && (size_t)(limit - a->cur) >= size) {
        window_open(a, size, limit);
    } else if ((size_t)(a->end - a->cur) < size) {
        size_t chunk = a->head ? a->head->size * 2 : ARENA_FIRST_CHUNK;
        if (chunk > ARENA_MAX_CHUNK)
            chunk = ARENA_MAX_CHUNK;
        while (chunk - sizeof(ArenaChunk) < size)
            chunk *= 2;
        ArenaChunk *c = chunk_new(chunk);
        c->next = a->head;
        a->head = c;
        a->cur = (char *)c->data;
        a->end = (char *)c + chunk;
        a->ready = (char *)c->data;
        if (c->mapped)
            window_open(a, size, a->end);
    }
    // Chunks start zeroed and arena_reset zeroes what it hands out again,
    // so what is handed out is zero.
    void *p = a->cur;
    a->cur += size;
    a->total += size;
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
        // Most vectors stay short (a function's locals, a scope's names):
        // starting at 2 keeps the many short ones small.
        int cap = v->cap ? v->cap * 2 : 2;
        void **items = ARENA_ARRAY(a, void *, cap);
        if (v->len)
            memcpy(items, v->items, sizeof(void *) * (size_t)v->len);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = p;
}
