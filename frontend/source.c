// source.c - source files and the compilation context.
//
// A SourceFile is a NUL-terminated copy of the text in the arena; positions
// refer to files by their index in Compiler.files, so a Pos stays 12 bytes.
#include "frontend.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

SourceFile *source_add(Compiler *cc, const char *path, const char *text, size_t len, bool is_std) {
    SourceFile *sf = ARENA_NEW(&cc->arena, SourceFile);
    sf->path = arena_strndup(&cc->arena, path, strlen(path));
    sf->text = arena_strndup(&cc->arena, text, len);
    sf->len = len;
    sf->index = (uint32_t)cc->files.len;
    sf->is_std = is_std;
    ptrvec_push(&cc->arena, &cc->files, sf);
    return sf;
}

SourceFile *source_load(Compiler *cc, const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error(cc, (Pos){0}, "open %s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fclose(f);
            diag_error(cc, (Pos){0}, "open %s: out of memory", path);
            return NULL;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
        if (len == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        diag_error(cc, (Pos){0}, "read %s: %s", path, strerror(errno));
        return NULL;
    }
    SourceFile *sf = source_add(cc, path, buf, len, false);
    free(buf);
    return sf;
}

Compiler *compiler_new(const Options *opt) {
    Arena arena;
    arena_init(&arena);
    Compiler *cc = ARENA_NEW(&arena, Compiler);
    cc->arena = arena;
    if (opt)
        cc->opt = *opt;
    universe_init(cc);
    return cc;
}

void compiler_free(Compiler *cc) {
    if (!cc)
        return;
    free(cc->names.slots);
    free(cc->diags.items);
    Arena arena = cc->arena;    // cc itself lives in the arena
    arena_free(&arena);
}
