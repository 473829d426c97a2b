// deadcode_late.c - dead blocks and values of the SSA, after escape.
//
// Requires valid SSA; keeps it valid (uses counts, Phis in step with their
// preds). What it removes is what the earlier passes leave behind: blocks
// no longer reachable, Copies (the escape rewrite turns values into copies
// of others), and values nothing uses that have no effect. gc's SSA runs
// the same clean-up under the name "late deadcode"; it is not a required
// pass there, so -N turns it off, as here.
//
//   1. copy elimination: every use of a Copy (args and block controls)
//      goes to what it copies, following chains of Copies, and the Copies
//      go;
//   2. unreachable blocks and unused pure values (func_remove_dead).
#include "passes/passes.h"

static Value *copy_source(Value *v) {
    // Bounded: a cycle of Copies can only exist in unreachable code.
    for (int n = 0; v->op == OpCopy && v->nargs == 1 && n < 1000; n++)
        v = v->args[0];
    return v;
}

static void copy_elim(Func *f) {
    bool any = false;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            any |= v->op == OpCopy;
            for (int k = 0; k < v->nargs; k++) {
                Value *a = v->args[k];
                if (a->op == OpCopy) {
                    Value *src = copy_source(a);
                    // A Copy that names a source variable keeps its name
                    // on what it copied, as gc moves the name.
                    if (!src->var && a->var)
                        src->var = a->var;
                    value_set_arg(v, k, src);
                }
            }
        }
        if (b->control && b->control->op == OpCopy)
            block_set_control(b, copy_source(b->control));
    }
    // Now unused, memory Copies too (func_remove_dead keeps every memory
    // value, and a stale one would end the block's memory chain).
    if (!any)
        return;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        int n = 0;
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            if (v->op == OpCopy && v->uses == 0) {
                value_reset_args(v);
                continue;
            }
            b->values[n++] = v;
        }
        b->nvalues = n;
    }
}

void deadcode_late_func(Func *f) {
    copy_elim(f);
    func_remove_dead(f);
}

void pass_deadcode_late(Program *prog) {
    for (int i = 0; i < prog->nfuncs; i++)
        deadcode_late_func(prog->funcs[i]);
}
