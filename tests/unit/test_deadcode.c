// test_deadcode.c - both dead-code passes.
//
// Early deadcode: each program calls live() where code must stay and
// dead() where gc's IR deadcode removes it; after the pass the SSA of the
// function may call dead() nowhere and must still call live() as often as
// the source says. Func literals in removed code must be gone from the
// program. Late deadcode: hand-made and built SSA with unreachable blocks,
// Copies and unused values comes out without them, and checked.
#include "testutil.h"

#include "passes/passes.h"

typedef struct Built {
    Compiler *cc;
    Program prog;
} Built;

static void check_all(Program *prog) {
    for (int i = 0; i < prog->nfuncs; i++) {
        const char *err = func_check(prog->funcs[i]);
        if (err) {
            func_print(stderr, prog->funcs[i]);
            fail_msg("%s", err);
        }
    }
}

// Parses, checks, runs early deadcode (unless `raw`), builds.
static Built *build(const char *text, bool raw) {
    Built *bt = calloc(1, sizeof *bt);
    bt->cc = test_compiler();
    const SourceFile *src = test_source(bt->cc, text);
    File *file = parse_file(bt->cc, src);
    Package *p = check_package(bt->cc, "main", &file, 1);
    if (diag_error_count(bt->cc))
        fail_msg("unexpected errors:\n%s", test_flush_diags(bt->cc));
    bt->prog = (Program){.cc = bt->cc, .main_pkg = p};
    if (!raw)
        pass_deadcode_early(&bt->prog);
    pass_build(&bt->prog);
    check_all(&bt->prog);
    return bt;
}

static void done(Built *bt) {
    program_free(&bt->prog);
    compiler_free(bt->cc);
    free(bt);
}

static Func *fn(Built *bt, const char *name) {
    Func *f = program_find(&bt->prog, name);
    if (!f)
        fail_msg("no function %s", name);
    return f;
}

static int calls_to(Func *f, const char *callee) {
    int n = 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++) {
            Value *v = f->blocks[i]->values[j];
            n += v->op == OpStaticLECall && v->aux.kind == AUX_FUNC && v->aux.u.fn &&
                 strcmp(v->aux.u.fn->gc_name, callee) == 0;
        }
    return n;
}

static int count_op(Func *f, Op op) {
    int n = 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++)
            n += f->blocks[i]->values[j]->op == op;
    return n;
}

#define PRELUDE "package main\nfunc live() {}\nfunc dead() {}\nvar sink *int\n"

// Runs `body` as function f with and without the pass: without it, every
// dead() call is there (so the test can fail); with it, none is, and
// exactly `nlive` live() calls remain.
static void expect(const char *src, int nlive) {
    Built *raw = build(src, true);
    assert_true(calls_to(fn(raw, "f"), "dead") > 0);
    done(raw);
    Built *bt = build(src, false);
    Func *f = fn(bt, "f");
    if (calls_to(f, "dead") != 0 || calls_to(f, "live") != nlive) {
        func_print(stderr, f);
        fail_msg("dead() %d times, live() %d times (want 0, %d)", calls_to(f, "dead"), calls_to(f, "live"), nlive);
    }
    done(bt);
}

static void test_if_false(void **state) {
    (void)state;
    expect(PRELUDE "func f() { if false { dead() } else { live() }; live() }\n", 2);
}

static void test_if_true_else(void **state) {
    (void)state;
    expect(PRELUDE "const debug = true\nfunc f() { if debug { live() } else { dead() } }\n", 1);
}

static void test_else_if_chain(void **state) {
    (void)state;
    expect(PRELUDE "func f(x int) { if true { live() } else if x > 0 { dead() } else { dead() } }\n", 1);
}

static void test_cut_after_return(void **state) {
    (void)state;
    expect(PRELUDE "func f(a int) { live(); if b := 1; true { _ = b; live(); return }; dead(); sink = &a }\n", 2);
}

static void test_cut_after_panic(void **state) {
    (void)state;
    expect(PRELUDE "func f() { if false || true { panic(1) }; dead() }\n", 0);
}

static void test_and_and_folded(void **state) {
    (void)state;
    expect(PRELUDE "func f(x int) { if false && x > 0 { dead() }; if true && x > 0 { live() } }\n", 1);
}

static void test_const_switch(void **state) {
    (void)state;
    expect(PRELUDE "func f() { switch 3 { case 1: dead(); case 2, 3: live(); default: dead() }\n"
                   "switch { case false: dead(); default: live() }\n"
                   "switch 5 { case 1: dead() } }\n",
           2);
}

static void test_for_false_body(void **state) {
    (void)state;
    // The whole body is nothing but for false / if CONST {}: it goes.
    expect(PRELUDE "func f() { for false { dead(); defer func() { _ = recover() }() } }\n", 0);
}

static void test_closure_in_dead_code_is_gone(void **state) {
    (void)state;
    const char *src = PRELUDE "func f(x int) { if false { g := func() { dead() }; g() }; live() }\n";
    Built *raw = build(src, true);
    assert_non_null(program_find(&raw->prog, "f.func1"));
    done(raw);
    Built *bt = build(src, false);
    assert_null(program_find(&bt->prog, "f.func1"));
    assert_int_equal(calls_to(fn(bt, "f"), "live"), 1);
    done(bt);
}

// Live code stays: non-constant conditions, code after a label a goto may
// reach, switches with a fallthrough or a non-constant case.
static void test_live_code_kept(void **state) {
    (void)state;
    const char *src = PRELUDE
        "func f(x int) {\n"
        "    if x > 0 { live() } else { live() }\n"
        "    if true { live(); return }\n"
        "L:\n"
        "    live()\n"
        "    if x > 1 { goto L }\n"
        "}\n"
        "func g(x int) { switch 1 { case 1: live(); fallthrough; case 2: live() }; switch 1 { case x: live(); case 1: live() } }\n"
        "func h() { for false { live() }; live() }\n";
    Built *bt = build(src, false);
    assert_int_equal(calls_to(fn(bt, "f"), "live"), 4);
    assert_int_equal(calls_to(fn(bt, "g"), "live"), 4);
    assert_int_equal(calls_to(fn(bt, "h"), "live"), 2);
    done(bt);
}

// Late deadcode on a built function: the escape rewrite's Copies and
// what nothing uses go; the result stays valid.
static void test_late_removes_copies_and_unused(void **state) {
    (void)state;
    Built *bt = build("package main\nvar sink *int\nfunc f(n int) int { x := 1; p := &x; _ = p; y := n * 2; _ = y; return n }\n",
                      false);
    Func *f = fn(bt, "f");
    // An unused pure value and a Copy of a parameter, as passes leave them.
    Block *entry = f->entry;
    Value *arg = NULL;
    for (int j = 0; j < entry->nvalues; j++)
        if (entry->values[j]->op == OpArg)
            arg = entry->values[j];
    assert_non_null(arg);
    Value *unused = value_new2(entry, OpAdd64, arg->type, arg->pos, arg, arg);
    (void)unused;
    Block *ret = NULL;
    for (int i = 0; i < f->nblocks; i++)
        if (f->blocks[i]->kind == BlockRet)
            ret = f->blocks[i];
    assert_non_null(ret);
    Value *mr = ret->control;
    assert_int_equal(mr->op, OpMakeResult);
    Value *copy = value_new1(entry, OpCopy, arg->type, arg->pos, arg);
    // Right after the Arg, so it is defined before any use.
    for (int j = entry->nvalues - 1; j > 0 && entry->values[j - 1] != arg; j--) {
        entry->values[j] = entry->values[j - 1];
        entry->values[j - 1] = copy;
    }
    value_set_arg(mr, 0, copy);
    const char *err = func_check(f);
    if (err) {
        func_print(stderr, f);
        fail_msg("%s", err);
    }
    assert_int_equal(count_op(f, OpCopy), 1);
    int adds = count_op(f, OpAdd64);
    deadcode_late_func(f);
    assert_null(func_check(f));
    assert_int_equal(count_op(f, OpCopy), 0);
    assert_int_equal(count_op(f, OpAdd64), adds - 1);
    assert_ptr_equal(mr->args[0], arg);
    done(bt);
}

// A block nothing jumps to any more goes, and the Phi of the block it
// jumped into loses the matching arg.
static void test_late_removes_unreachable_block(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Type *tint = type_basic(cc, TY_INT);
    Pos p = {0, 3, 1};
    Func *f = func_new(cc, NULL, "f");
    Block *b1 = block_new(f, BlockPlain, p), *b2 = block_new(f, BlockPlain, p), *b3 = block_new(f, BlockRet, p);
    f->entry = b1;
    Value *mem = value_new0(b1, OpInitMem, NULL, p);
    mem->is_mem = true;
    f->initmem = mem;
    f->sp = value_new0(b1, OpSP, type_basic(cc, TY_UINTPTR), p);
    f->sb = value_new0(b1, OpSB, type_basic(cc, TY_UINTPTR), p);
    Value *one = value_new0(b1, OpConst64, tint, p);
    one->auxint = 1;
    Value *two = value_new0(b2, OpConst64, tint, p);
    two->auxint = 2;
    block_add_edge(b1, b3);
    block_add_edge(b2, b3);   // b2: no predecessor, unreachable
    Value *phi = value_new2(b3, OpPhi, tint, p, one, two);
    Value *mr = value_new2(b3, OpMakeResult, NULL, p, phi, mem);
    mr->is_mem = true;
    block_set_control(b3, mr);
    assert_int_equal(f->nblocks, 3);
    deadcode_late_func(f);
    assert_int_equal(f->nblocks, 2);
    assert_int_equal(b3->npreds, 1);
    assert_int_equal(phi->nargs, 1);
    assert_ptr_equal(phi->args[0], one);
    func_free(f);
    compiler_free(cc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_if_false),
        cmocka_unit_test(test_if_true_else),
        cmocka_unit_test(test_else_if_chain),
        cmocka_unit_test(test_cut_after_return),
        cmocka_unit_test(test_cut_after_panic),
        cmocka_unit_test(test_and_and_folded),
        cmocka_unit_test(test_const_switch),
        cmocka_unit_test(test_for_false_body),
        cmocka_unit_test(test_closure_in_dead_code_is_gone),
        cmocka_unit_test(test_live_code_kept),
        cmocka_unit_test(test_late_removes_copies_and_unused),
        cmocka_unit_test(test_late_removes_unreachable_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
