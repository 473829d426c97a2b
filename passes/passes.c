// passes.c - the pass table, in the order the driver runs it.
//
// Each entry names a pass, its entry point and the flags that turn it off,
// as gc's ssa/compile.go lists its passes, in gc's order: inlining first,
// since what it exposes (concrete types) is what devirtualize needs.
#include "passes/passes.h"

#include <string.h>

// gc inlines on its IR before SSA exists; here the SSA of every function
// that got inlined code is built again from it, so the dump after inline
// and the passes after it see the spliced bodies.
static void inline_and_rebuild(Program *prog) {
    pass_inline(prog);
    build_inlined(prog);
}

const Pass pass_table[] = {
    {"early deadcode", pass_deadcode_early, false, false, "gc's IR deadcode: constant ifs and switches, code after them (always on)"},
    {"build", pass_build, false, false, "typed AST to SSA for every function (Braun et al.)"},
    {"inline", inline_and_rebuild, false, false,
     "gc's inlining decisions and costs; the SSA rebuilt with the inlined bodies (-l: in the imported packages only)"},
    {"devirtualize", pass_devirtualize, false, false, "interface calls on a value of one known type made static"},
    {"escape", pass_escape, false, false, "gc's escape analysis: heap or stack for every allocation, param tags"},
    {"bounds", pass_bounds, false, false, "gc's walk: -m's \"index bounds check elided\" (reads the AST, changes nothing)"},
    {"late deadcode", pass_deadcode_late, false, true, "unreachable blocks, copies and unused values of the SSA"},
};
const int pass_count = (int)(sizeof pass_table / sizeof pass_table[0]);

Func *program_find(Program *prog, const char *name) {
    for (int i = 0; i < prog->nfuncs; i++)
        if (strcmp(prog->funcs[i]->name, name) == 0)
            return prog->funcs[i];
    return NULL;
}

void program_free(Program *prog) {
    if (prog->cc) {
        prog->cc->call_text = NULL;
        prog->cc->call_text_ctx = NULL;
    }
    for (int i = 0; i < prog->nfuncs; i++)
        func_free(prog->funcs[i]);
    prog->nfuncs = 0;
    build_release(prog);
}
