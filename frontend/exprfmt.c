// exprfmt.c - expressions as gc prints them in messages. (Being written.)
#include "frontend.h"

const char *expr_string(Compiler *cc, const Node *n) {
    (void)n;
    return arena_strndup(&cc->arena, "?", 1);
}
