// source.c - source files and the compilation context.
//
// A SourceFile is a NUL-terminated copy of the text in the arena; positions
// refer to files by their index in Compiler.files, so a Pos stays 12 bytes.
#include "frontend.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

// text is already the arena's NUL-terminated copy.
static SourceFile *add_owned(Compiler *cc, const char *path, const char *text, size_t len, bool is_std) {
    SourceFile *sf = ARENA_NEW(&cc->arena, SourceFile);
    sf->path = arena_strndup(&cc->arena, path, strlen(path));
    sf->text = text;
    sf->len = len;
    sf->index = (uint32_t)cc->files.len;
    sf->is_std = is_std;
    sf->std_rules = is_std;
    ptrvec_push(&cc->arena, &cc->files, sf);
    return sf;
}

SourceFile *source_add(Compiler *cc, const char *path, const char *text, size_t len, bool is_std) {
    return add_owned(cc, path, arena_strndup(&cc->arena, text, len), len, is_std);
}

// Reports a failed file operation with the errno text spelled as Go spells
// it, in lower case ("open x.go: no such file or directory"), as gc prints it.
static void report_io_error(Compiler *cc, const char *op, const char *path, int err) {
    char text[128];
    snprintf(text, sizeof text, "%s", strerror(err));
    text[0] = (char)tolower((unsigned char)text[0]);
    diag_error(cc, (Pos){0}, "%s %s: %s", op, path, text);
}

SourceFile *source_load(Compiler *cc, const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        report_io_error(cc, "open", path, errno);
        return NULL;
    }
    // A regular file is read straight into the arena (a big file copied
    // there from a heap buffer cost its size twice in fresh pages).
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0) {
        size_t size = (size_t)st.st_size;
        char *text = arena_alloc(&cc->arena, size + 1);
        size_t n = fread(text, 1, size, f);
        // A file that grew meanwhile is read again the general way.
        if (n == size && !ferror(f) && getc(f) == EOF && !ferror(f)) {
            fclose(f);
            text[size] = 0;
            return add_owned(cc, path, text, size, false);
        }
        if (ferror(f)) {
            int err = errno;
            fclose(f);
            report_io_error(cc, "read", path, err);
            return NULL;
        }
        rewind(f);
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
        report_io_error(cc, "read", path, errno);
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
