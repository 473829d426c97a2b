// testutil.h - what every cmocka test of minigc needs: a compiler, a source
// string turned into a file, and output captured into a string.
#ifndef MINIGC_TESTUTIL_H
#define MINIGC_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "frontend.h"

// A fresh compiler with default options.
static inline Compiler *test_compiler(void) {
    Options opt = {0};
    return compiler_new(&opt);
}

static inline const SourceFile *test_source(Compiler *cc, const char *text) {
    return source_add(cc, "x.go", text, strlen(text), false);
}

// Everything diag_flush would print, as one string (caller frees).
static inline char *test_flush_diags(Compiler *cc) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_flush(cc, f);
    fclose(f);
    return buf;
}

// The first line diag_flush would print, or "" if none (caller frees).
static inline char *test_first_diag(Compiler *cc) {
    char *all = test_flush_diags(cc);
    all[strcspn(all, "\n")] = 0;
    return all;
}

#endif
