// build.c - typed AST to SSA. (Being written: see issue 3.)
#include "passes/passes.h"

void pass_build(Program *prog) { (void)prog; }
