// build.c - the build pass: typed AST to SSA for every function.
//
// Requires a checked program (types, objects, FuncInfos, captured variables,
// addr_taken/reassigned flags); makes prog->funcs, one Func per FuncInfo of
// every package in Compiler.packages (the models first, then the main
// package), in source order, func literals included.
//
// Each function is built in three phases:
//   1. the entry block: InitMem, SP, SB; for a literal GetClosurePtr and one
//      ClosureVar per captured variable (its value, or its address when
//      captured by reference); one Arg per receiver and parameter (stored to
//      its slot if it lives in memory); the zero values of named results;
//   2. the body, statement by statement (build_stmt.c, build_expr.c), with
//      SSA variables made on the fly (build_var.c); falling off the end
//      returns;
//   3. clean-up: label blocks are sealed, trivial Phis removed, unreachable
//      blocks and unused values dropped (func_remove_dead), and once more
//      for the Phis that the removed edges made trivial.
// A function without a body (assembly, //go:linkname) gets the entry block
// and a Ret of MakeResult with memory only.
#include "passes/build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Pos func_pos(FuncInfo *fi) {
    if (fi->decl)
        return fi->decl->pos;
    return fi->obj ? fi->obj->pos : (Pos){0};
}

static void closure_entry(Builder *b, Block *entry) {
    FuncInfo *fi = b->info;
    Pos pos = func_pos(fi);
    b->closure_ptr = value_new(entry, OpGetClosurePtr, type_basic(b->cc, TY_UNSAFE_POINTER), pos);
    for (int i = 0; i < fi->captured.len; i++) {
        Obj *v = fi->captured.items[i];
        bool by_value = bb_capture_by_value(b->cc, v);
        Type *t = by_value ? v->type : type_pointer(b->cc, v->type);
        Value *cv = value_new1(entry, OpClosureVar, t, pos, b->closure_ptr);
        cv->auxint = i;
        cv->var = v;
        uint32_t var = bv_index(b, v);
        VarInfo *vi = bv_info(b, var);
        if (by_value) {
            vi->cls = VC_REG;
            bv_write(b, var, entry, cv);
        } else {
            vi->cls = VC_CAPT_REF;
            vi->addr = cv;
        }
    }
}

static void param_entry(Builder *b, Obj *p, int index, Type *t, Pos pos) {
    Value *a = value_new(b->cur, OpArg, p ? p->type : t, p ? p->pos : pos);
    a->aux = (Aux){.kind = AUX_VAR, .u.var = p};
    a->auxint = index;
    a->var = p;
    if (!p || name_is(p->name, "_"))
        return;
    uint32_t var = bv_index(b, p);
    VarInfo *vi = bv_info(b, var);
    if (vi->cls == VC_REG)
        bv_write(b, var, b->cur, a);
    else
        be_store(b, be_var_addr(b, var, p->pos), a, p->type, p->pos, p);
}

static bool result_named(Obj *r) { return r && r->name && r->name->s[0] != '~' && r->name->s[0] != '.'; }

static void entry_block(Builder *b) {
    Func *f = b->f;
    FuncInfo *fi = b->info;
    Pos pos = func_pos(fi);
    Block *entry = bb_block(b, BlockPlain, pos);
    entry->sealed = true;
    b->cur = entry;
    Type *uintptr_t_ = type_basic(b->cc, TY_UINTPTR);
    f->initmem = value_new(entry, OpInitMem, NULL, (Pos){0});
    f->sp = value_new(entry, OpSP, uintptr_t_, (Pos){0});
    f->sb = value_new(entry, OpSB, uintptr_t_, (Pos){0});
    bv_write(b, 0, entry, f->initmem);
    if (fi->decl && fi->decl->kind == N_FUNCLIT)
        closure_entry(b, entry);
    Type *sig = fi->sig ? type_underlying(fi->sig) : NULL;
    int index = 0;
    if (fi->recv)
        param_entry(b, fi->recv, index++, NULL, pos);
    for (int i = 0; i < fi->nparams; i++) {
        Type *t = sig && sig->kind == TY_FUNC && i < sig->u.func.nparams ? sig->u.func.params[i] : NULL;
        param_entry(b, fi->params[i], index++, t, pos);
    }
    for (int i = 0; i < fi->nresults; i++)
        if (result_named(fi->results[i]))
            be_declare_var(b, fi->results[i], NULL, fi->results[i]->pos);
}

// The return at the closing brace of a function that can fall off its end.
static void implicit_return(Builder *b, Pos pos) {
    FuncInfo *fi = b->info;
    Value **vals = SC_ARRAY(b, Value *, fi->nresults > 0 ? fi->nresults : 1);
    int n = 0;
    for (int i = 0; i < fi->nresults; i++)
        vals[n++] = bs_result_value(b, fi->results[i], pos);
    bs_return_values(b, vals, n, pos);
}

static Pos closing_brace(Node *body) {
    if (body && body->kind == N_BLOCK && pos_known(body->u.block.rbrace))
        return body->u.block.rbrace;
    return body ? body->pos : (Pos){0};
}

// A block left open at the end (the code after a function's last return)
// has nowhere to go: it becomes an Exit with its memory, a valid shape
// whether or not unreachable blocks are removed afterwards.
static void close_open_blocks(Builder *b) {
    for (int i = 0; i < b->f->nblocks; i++) {
        Block *blk = b->f->blocks[i];
        if (blk->kind != BlockPlain || blk->nsuccs != 0)
            continue;
        blk->kind = BlockExit;
        block_set_control(blk, bv_read(b, 0, blk));
    }
}

static void seal_everything(Builder *b) {
    for (LabelBlock *l = b->labels; l; l = l->next)
        bb_seal(b, l->block);
    for (int i = 0; i < b->f->nblocks; i++)
        bb_seal(b, b->f->blocks[i]);
}

typedef struct PassState {
    Program *prog;
    TypeCache types;
    Scratch scratch;
    PtrVec out;
} PassState;

static Func *build_func(PassState *ps, FuncInfo *fi) {
    Compiler *cc = ps->prog->cc;
    scratch_rewind(&ps->scratch);
    Builder bld = {.cc = cc, .prog = ps->prog, .info = fi, .types = &ps->types, .scratch = &ps->scratch,
                   .loop_depth = 1};
    Builder *b = &bld;
    Arena *parent = ps->prog->ssa_arena ? ps->prog->ssa_arena : &cc->arena;
    b->f = func_new_in(cc, parent, fi, fi->gc_name ? fi->gc_name : "?");
    bv_temp(b, NULL);   // variable 0: memory
    entry_block(b);
    Node *body = func_body(fi);
    if (body) {
        bs_stmt(b, body);
        if (b->cur)
            implicit_return(b, closing_brace(body));
    } else {
        bs_return_values(b, NULL, 0, func_pos(fi));
    }
    seal_everything(b);
    close_open_blocks(b);
    if (b->nphis)
        bb_finish_phis(b);
    int *npreds = b->nphis ? SC_ARRAY(b, int, b->f->next_block_id) : NULL;
    for (int i = 0; npreds && i < b->f->nblocks; i++)
        npreds[b->f->blocks[i]->id] = b->f->blocks[i]->npreds;
    func_remove_dead(b->f);
    // Edges cut from unreachable blocks can leave Phis trivial.
    bool cut = false;
    for (int i = 0; npreds && i < b->f->nblocks && !cut; i++)
        cut = npreds[b->f->blocks[i]->id] != b->f->blocks[i]->npreds;
    if (cut) {
        bb_finish_phis(b);
        func_remove_dead(b->f);
    }
    for (int i = 0; i < b->f->nblocks; i++)
        b->f->blocks[i]->build_data = NULL;
    bi_finish(b->f);
    return b->f;
}

static bool has_package(Compiler *cc, Package *p) {
    for (int i = 0; i < cc->packages.len; i++)
        if (cc->packages.items[i] == p)
            return true;
    return false;
}

// The copies of func literals that inlining put into fi (and into those
// copies, in turn): new functions, each built after the one it is in.
static void build_literal_copies(PassState *ps, FuncInfo *fi, int depth) {
    if (!ps->prog->inlined || depth > 100)
        return;
    for (const InlinedCall *ic = inlined_calls_of(ps->prog, fi); ic; ic = ic->next_in_caller)
        for (int k = 0; ic->spliced && k < ic->nlits; k++) {
            FuncInfo *lit = ic->lits[k];
            if (!lit || !func_body(lit))
                continue;
            ptrvec_push(&ps->prog->cc->arena, &ps->out, build_func(ps, lit));
            build_literal_copies(ps, lit, depth + 1);
        }
}

static void build_package(PassState *ps, Package *pkg) {
    for (int i = 0; i < pkg->funcs.len; i++) {
        FuncInfo *fi = pkg->funcs.items[i];
        if (!fi)
            continue;
        ptrvec_push(&ps->prog->cc->arena, &ps->out, build_func(ps, fi));
        build_literal_copies(ps, fi, 0);
    }
}

void pass_build(Program *prog) {
    if (prog->defer_build || prog->stream)
        return;     // built once, after inline (build_inlined), or per batch (build_function)
    Compiler *cc = prog->cc;
    Arena type_arena;
    arena_init(&type_arena);
    // Derived types outlive the pass (values point at them): they go to the
    // compiler's arena; only the cache's table lives in type_arena.
    PassState ps = {.prog = prog, .types = {.arena = &type_arena}};
    for (int i = 0; i < cc->packages.len; i++)
        build_package(&ps, cc->packages.items[i]);
    if (prog->main_pkg && !has_package(cc, prog->main_pkg))
        build_package(&ps, prog->main_pkg);
    scratch_free(&ps.scratch);
    arena_free(&type_arena);
    prog->funcs = (Func **)ps.out.items;
    prog->nfuncs = ps.out.len;
    const char *check = getenv("MINIGC_CHECK");
    if (check && strcmp(check, "1") == 0)
        build_check_all(prog);
}

// After the inline pass: the functions it spliced calls into are built
// again, from their AST and the inlined bodies (build_inline.c), in place.
void build_inlined(Program *prog) {
    if (prog->stream)
        return;
    if (prog->defer_build) {
        prog->defer_build = false;
        pass_build(prog);
        return;
    }
    if (!prog->inlined)
        return;
    Arena type_arena;
    arena_init(&type_arena);
    PassState ps = {.prog = prog, .types = {.arena = &type_arena}};
    // Functions keep their index (the driver's snapshots are by index); the
    // literal copies, new, come after all of them.
    for (int i = 0; i < prog->nfuncs; i++)
        ptrvec_push(&prog->cc->arena, &ps.out, prog->funcs[i]);
    int n = prog->nfuncs;
    for (int i = 0; i < n; i++) {
        Func *old = ps.out.items[i];
        FuncInfo *fi = old->info;
        if (!fi || !bi_any(prog, fi))
            continue;
        ps.out.items[i] = build_func(&ps, fi);
        func_free(old);
        build_literal_copies(&ps, fi, 0);
    }
    prog->funcs = (Func **)ps.out.items;
    prog->nfuncs = ps.out.len;
    scratch_free(&ps.scratch);
    arena_free(&type_arena);
}

// The builder's state between calls: its type cache and its scratch memory,
// kept for the whole run (freed by program_free through build_release).
typedef struct StreamBuilder {
    PassState ps;
    Arena type_arena;
} StreamBuilder;

Func *build_function(Program *prog, FuncInfo *fi) {
    StreamBuilder *sb = prog->builder;
    if (!sb) {
        sb = calloc(1, sizeof *sb);
        if (!sb)
            abort();
        arena_init(&sb->type_arena);
        sb->ps.prog = prog;
        sb->ps.types.arena = &sb->type_arena;
        prog->builder = sb;
    }
    Func *f = build_func(&sb->ps, fi);
    if (prog->check)
        check_func_after(f, "build");
    return f;
}

void build_release(Program *prog) {
    StreamBuilder *sb = prog->builder;
    if (!sb)
        return;
    scratch_free(&sb->ps.scratch);
    arena_free(&sb->type_arena);
    free(sb);
    prog->builder = NULL;
}

void check_func_after(Func *f, const char *after) {
    const char *err = func_check(f);
    if (err) {
        fprintf(stderr, "minigc: internal error after %s: %s\n", after, err);
        exit(3);
    }
}

void build_check_all(Program *prog) {
    for (int i = 0; i < prog->nfuncs; i++) {
        const char *err = func_check(prog->funcs[i]);
        if (err) {
            fprintf(stderr, "minigc: internal error after build: %s\n", err);
            exit(3);
        }
    }
}
