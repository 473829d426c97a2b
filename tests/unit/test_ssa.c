// test_ssa.c - the IR on its own: the invariant checker, the text dump and
// dead-code removal, on Funcs built by hand with ssa.h's constructors.
//
// Each checker test starts from a well-formed function, breaks exactly one
// invariant, and expects func_check to name the value or block at fault.
#include "testutil.h"

#include "ssa/ssa.h"

typedef struct Fixture {
    Compiler *cc;
    Type *tint, *tbool, *tuintptr, *tptr;
    Obj *x;
} Fixture;

static Pos line(uint32_t n) { return (Pos){0, n, 1}; }
static const Pos noline = {0, 0, 0};

static int setup(void **state) {
    Fixture *fx = calloc(1, sizeof *fx);
    fx->cc = test_compiler();
    fx->tint = type_basic(fx->cc, TY_INT);
    fx->tbool = type_basic(fx->cc, TY_BOOL);
    fx->tuintptr = type_basic(fx->cc, TY_UINTPTR);
    fx->tptr = type_pointer(fx->cc, fx->tint);
    fx->x = obj_new(fx->cc, OBJ_VAR, intern_cstr(fx->cc, "x"), line(6), fx->tint);
    *state = fx;
    return 0;
}

static int teardown(void **state) {
    Fixture *fx = *state;
    compiler_free(fx->cc);
    free(fx);
    return 0;
}

static Value *const_int(Block *b, Fixture *fx, int64_t n, uint32_t ln) {
    Value *v = value_new0(b, OpConst64, fx->tint, line(ln));
    v->auxint = n;
    return v;
}

// A memory Phi is a Phi whose is_mem the builder sets.
static Value *mem_phi(Block *b, Value *a, Value *c) {
    Value *v = value_new2(b, OpPhi, NULL, noline, a, c);
    v->is_mem = true;
    return v;
}

// The shape most tests break:
//   b1: mem, sp, x's address, a store, a condition; If -> b2 b3
//   b2: another store; Plain -> b4        b3: Plain -> b4
//   b4: a memory Phi, a load, the result; Ret
typedef struct Diamond {
    Func *f;
    Block *b1, *b2, *b3, *b4;
    Value *mem, *sp, *one, *addr, *store1, *cond, *store2, *phi, *load, *result;
} Diamond;

static Diamond diamond(Fixture *fx) {
    Diamond d;
    d.f = func_new(fx->cc, NULL, "f");
    d.b1 = block_new(d.f, BlockIf, line(8));
    d.b2 = block_new(d.f, BlockPlain, line(9));
    d.b3 = block_new(d.f, BlockPlain, line(10));
    d.b4 = block_new(d.f, BlockRet, line(12));
    d.mem = value_new0(d.b1, OpInitMem, NULL, noline);
    d.sp = value_new0(d.b1, OpSP, fx->tuintptr, noline);
    d.one = const_int(d.b1, fx, 1, 7);
    d.addr = value_new2(d.b1, OpLocalAddr, fx->tptr, line(7), d.sp, d.mem);
    d.addr->aux = (Aux){.kind = AUX_VAR, .u.var = fx->x};
    d.store1 = value_new3(d.b1, OpStore, NULL, line(7), d.addr, d.one, d.mem);
    d.store1->aux = (Aux){.kind = AUX_TYPE, .u.type = fx->tint};
    d.cond = value_new0(d.b1, OpConstBool, fx->tbool, line(8));
    d.cond->auxint = 1;
    block_set_control(d.b1, d.cond);
    d.store2 = value_new3(d.b2, OpStore, NULL, line(9), d.addr, d.one, d.store1);
    d.store2->aux = (Aux){.kind = AUX_TYPE, .u.type = fx->tint};
    block_add_edge(d.b1, d.b2);
    block_add_edge(d.b1, d.b3);
    block_add_edge(d.b2, d.b4);
    block_add_edge(d.b3, d.b4);
    d.phi = mem_phi(d.b4, d.store2, d.store1);
    d.load = value_new2(d.b4, OpLoad, fx->tint, line(12), d.addr, d.phi);
    d.result = value_new2(d.b4, OpMakeResult, NULL, line(12), d.load, d.phi);
    block_set_control(d.b4, d.result);
    return d;
}

// func_check's message contains every fragment given (NULL-terminated).
static void expect_check_error(Func *f, ...) {
    const char *msg = func_check(f);
    assert_non_null(msg);
    assert_true(strncmp(msg, "f: ", 3) == 0);
    va_list ap;
    va_start(ap, f);
    for (const char *want; (want = va_arg(ap, const char *));) {
        if (!strstr(msg, want))
            fail_msg("message \"%s\" lacks \"%s\"", msg, want);
    }
    va_end(ap);
}

// ---------------------------------------------------------------------------
// The checker

static void test_check_accepts_diamond(void **state) {
    Diamond d = diamond(*state);
    const char *msg = func_check(d.f);
    if (msg)
        fail_msg("%s", msg);
    func_free(d.f);
}

static void test_check_accepts_loop(void **state) {
    Fixture *fx = *state;
    Func *f = func_new(fx->cc, NULL, "f");
    Block *entry = block_new(f, BlockPlain, line(3));
    Block *head = block_new(f, BlockIf, line(4));
    Block *body = block_new(f, BlockPlain, line(5));
    Block *exit = block_new(f, BlockRet, line(7));
    Value *mem = value_new0(entry, OpInitMem, NULL, noline);
    Value *zero = const_int(entry, fx, 0, 3);
    block_add_edge(entry, head);
    block_add_edge(head, body);
    block_add_edge(head, exit);
    block_add_edge(body, head);
    Value *i = value_new1(head, OpPhi, fx->tint, line(4), zero);
    Value *ten = const_int(head, fx, 10, 4);
    Value *less = value_new2(head, OpLess64, fx->tbool, line(4), i, ten);
    block_set_control(head, less);
    Value *next = value_new2(body, OpAdd64, fx->tint, line(5), i, ten);
    value_add_arg(i, next);     // the back edge's arg, known once the body is built
    Value *res = value_new2(exit, OpMakeResult, NULL, line(7), i, mem);
    block_set_control(exit, res);
    const char *msg = func_check(f);
    if (msg)
        fail_msg("%s", msg);
    func_free(f);
}

// A loop that stores to x: with a memory Phi in its header it is well
// formed; without one, the back edge hands the header other memory.
static Func *storing_loop(Fixture *fx, bool with_phi) {
    Func *f = func_new(fx->cc, NULL, "f");
    Block *entry = block_new(f, BlockPlain, line(3));
    Block *head = block_new(f, BlockIf, line(4));
    Block *body = block_new(f, BlockPlain, line(5));
    Block *exit = block_new(f, BlockRet, line(7));
    Value *mem = value_new0(entry, OpInitMem, NULL, noline);
    Value *sp = value_new0(entry, OpSP, fx->tuintptr, noline);
    Value *addr = value_new2(entry, OpLocalAddr, fx->tptr, line(3), sp, mem);
    addr->aux = (Aux){.kind = AUX_VAR, .u.var = fx->x};
    Value *one = const_int(entry, fx, 1, 3);
    block_add_edge(entry, head);
    block_add_edge(head, body);
    block_add_edge(head, exit);
    block_add_edge(body, head);
    Value *hmem = mem;
    if (with_phi) {
        hmem = value_new1(head, OpPhi, NULL, noline, mem);
        hmem->is_mem = true;
    }
    block_set_control(head, value_new0(head, OpConstBool, fx->tbool, line(4)));
    Value *store = value_new3(body, OpStore, NULL, line(5), addr, one, hmem);
    store->aux = (Aux){.kind = AUX_TYPE, .u.type = fx->tint};
    if (with_phi)
        value_add_arg(hmem, store);
    block_set_control(exit, value_new2(exit, OpMakeResult, NULL, line(7), one, hmem));
    return f;
}

static void test_check_loop_memory_phi(void **state) {
    Func *f = storing_loop(*state, true);
    const char *msg = func_check(f);
    if (msg)
        fail_msg("%s", msg);
    func_free(f);
}

static void test_check_loop_memory_without_phi(void **state) {
    Func *f = storing_loop(*state, false);
    expect_check_error(f, "b2: predecessors hand it different memory (v1, v6) without a memory Phi", NULL);
    func_free(f);
}

static void test_check_succ_without_pred(void **state) {
    Diamond d = diamond(*state);
    d.b1->succs[1].i = 1;   // b3 has one pred: index 1 is nowhere
    expect_check_error(d.f, "b1", "successor 1 (b3)", NULL);
    func_free(d.f);
}

static void test_check_pred_without_succ(void **state) {
    Diamond d = diamond(*state);
    // A third pred claiming an edge b1 does not have (b4 has room for it).
    assert_true(d.b4->cappreds > 2);
    d.b4->preds[2] = (Edge){d.b1, 5};
    d.b4->npreds = 3;
    expect_check_error(d.f, "b4: predecessor 2 (b1) does not list it as a successor", NULL);
    func_free(d.f);
}

static void test_check_successor_count(void **state) {
    Diamond d = diamond(*state);
    block_add_edge(d.b2, d.b3);     // a Plain block with two successors
    expect_check_error(d.f, "b2: Plain block has 2 successors, want 1", NULL);
    func_free(d.f);
}

static void test_check_if_without_control(void **state) {
    Diamond d = diamond(*state);
    block_set_control(d.b1, NULL);
    expect_check_error(d.f, "b1: If block has no control value", NULL);
    func_free(d.f);
}

static void test_check_if_control_not_bool(void **state) {
    Diamond d = diamond(*state);
    block_set_control(d.b1, d.one);
    expect_check_error(d.f, "b1", "v3", "not a bool", NULL);
    func_free(d.f);
}

static void test_check_ret_control_not_memory(void **state) {
    Diamond d = diamond(*state);
    block_set_control(d.b4, d.load);
    expect_check_error(d.f, "b4", "control v", "is not memory", NULL);
    func_free(d.f);
}

static void test_check_arity(void **state) {
    Fixture *fx = *state;
    Diamond d = diamond(fx);
    Value *add = value_new1(d.b1, OpAdd64, fx->tint, line(7), d.one);
    expect_check_error(d.f, "v11: Add64 has 1 args, want 2", NULL);
    (void)add;
    func_free(d.f);
}

static void test_check_call_without_memory(void **state) {
    Fixture *fx = *state;
    Diamond d = diamond(fx);
    value_new0(d.b2, OpStaticLECall, NULL, line(9));  // any number of args, but memory last
    expect_check_error(d.f, "v11: StaticLECall has no memory arg", NULL);
    func_free(d.f);
}

static void test_check_arg_from_other_func(void **state) {
    Fixture *fx = *state;
    Diamond d = diamond(fx);
    Func *g = func_new(fx->cc, NULL, "g");
    Block *gb = block_new(g, BlockPlain, noline);
    for (int i = 0; i < 20; i++)
        const_int(gb, fx, i, 1);    // ids beyond f's
    value_new2(d.b1, OpAdd64, fx->tint, line(7), d.one, gb->values[19]);
    expect_check_error(d.f, "v11: arg v20 is not in the function", NULL);
    func_free(g);
    func_free(d.f);
}

static void test_check_memory_arg_missing(void **state) {
    Fixture *fx = *state;
    Diamond d = diamond(fx);
    value_set_arg(d.load, 1, d.one);    // a Load whose memory is an int
    expect_check_error(d.f, "v9", "arg 1 (v3) is not memory", NULL);
    func_free(d.f);
}

static void test_check_memory_arg_misplaced(void **state) {
    Fixture *fx = *state;
    Diamond d = diamond(fx);
    value_new2(d.b1, OpAdd64, fx->tint, line(7), d.mem, d.one);
    expect_check_error(d.f, "v11", "arg 0 (v1) is memory", NULL);
    func_free(d.f);
}

static void test_check_stale_memory(void **state) {
    Diamond d = diamond(*state);
    value_set_arg(d.store2, 2, d.mem);  // skips store1: two chains from b1 on
    expect_check_error(d.f, "v7 uses memory v1, but the current memory is v5", NULL);
    func_free(d.f);
}

static void test_check_arg_not_dominating(void **state) {
    Fixture *fx = *state;
    Diamond d = diamond(fx);
    Value *two = const_int(d.b2, fx, 2, 9);
    value_new2(d.b3, OpAdd64, fx->tint, line(10), two, d.one);  // b2 does not dominate b3
    expect_check_error(d.f, "v12: arg v11 (b2) does not dominate its use in b3", NULL);
    func_free(d.f);
}

static void test_check_use_before_def(void **state) {
    Fixture *fx = *state;
    Diamond d = diamond(fx);
    Value *add = value_new2(d.b1, OpAdd64, fx->tint, line(7), d.one, d.one);
    value_set_arg(d.addr, 0, add);  // v4 now uses v11, defined after it
    expect_check_error(d.f, "v4: arg v11 is used before it is defined", NULL);
    func_free(d.f);
}

static void test_check_phi_arg_count(void **state) {
    Diamond d = diamond(*state);
    value_add_arg(d.phi, d.store1);
    expect_check_error(d.f, "v8: Phi has 3 args but b4 has 2 preds", NULL);
    func_free(d.f);
}

static void test_check_phi_arg_not_dominating_pred(void **state) {
    Diamond d = diamond(*state);
    // The Phi's second arg comes in through b3, which store2 (in b2) does not dominate.
    value_set_arg(d.phi, 1, d.store2);
    value_set_arg(d.phi, 0, d.store1);
    expect_check_error(d.f, "v8", "Phi arg v7 (b2) does not dominate predecessor b3", NULL);
    func_free(d.f);
}

static void test_check_memory_merge_without_phi(void **state) {
    Fixture *fx = *state;
    Diamond d = diamond(fx);
    // Rebuild b4 without its memory Phi: store2 (from b2) and store1 (from
    // b3) meet there, whichever memory b4 goes on with.
    d.b4->nvalues = 0;
    value_reset_args(d.phi);
    value_reset_args(d.load);
    block_set_control(d.b4, NULL);
    value_reset_args(d.result);
    Value *res = value_new2(d.b4, OpMakeResult, NULL, line(12), d.one, d.store1);
    block_set_control(d.b4, res);
    expect_check_error(d.f, "b4: predecessors hand it different memory", "v7", "v5", "without a memory Phi", NULL);
    func_free(d.f);
}

static void test_check_value_in_wrong_block(void **state) {
    Diamond d = diamond(*state);
    d.store2->block = d.b3;
    expect_check_error(d.f, "v7 is listed in b2 but belongs to b3", NULL);
    func_free(d.f);
}

// ---------------------------------------------------------------------------
// The printer

static char *print_to_string(const Func *f) {
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    func_print(out, f);
    fclose(out);
    return buf;
}

static void test_print_diamond(void **state) {
    Diamond d = diamond(*state);
    char *text = print_to_string(d.f);
    assert_string_equal(text,
                        "f func()\n"
                        "  b1:\n"
                        "    (?) v1 = InitMem <mem>\n"
                        "    (?) v2 = SP <uintptr>\n"
                        "    (7) v3 = Const64 <int> [1]\n"
                        "    (7) v4 = LocalAddr <*int> {x} v2 v1\n"
                        "    (7) v5 = Store <mem> {int} v4 v3 v1\n"
                        "    (8) v6 = ConstBool <bool> [true]\n"
                        "    If v6 -> b2 b3\n"
                        "  b2: <- b1\n"
                        "    (9) v7 = Store <mem> {int} v4 v3 v5\n"
                        "    Plain -> b4\n"
                        "  b3: <- b1\n"
                        "    Plain -> b4\n"
                        "  b4: <- b2 b3\n"
                        "    (?) v8 = Phi <mem> v7 v5\n"
                        "    (12) v9 = Load <int> v4 v8\n"
                        "    (12) v10 = MakeResult <mem> v9 v8\n"
                        "    Ret v10\n");
    free(text);
    func_free(d.f);
}

static void test_value_format_details(void **state) {
    Fixture *fx = *state;
    Func *f = func_new(fx->cc, NULL, "g");
    Block *b = block_new(f, BlockPlain, noline);
    char buf[256];

    Value *s = value_new0(b, OpConstString, type_basic(fx->cc, TY_STRING), line(3));
    s->aux = (Aux){.kind = AUX_STRING, .u.str = {"a\"b\\\n", 5}};
    value_format(buf, sizeof buf, s);
    assert_string_equal(buf, "(3) v1 = ConstString <string> {\"a\\\"b\\\\\\x0a\"}");

    Value *f0 = value_new0(b, OpConstBool, fx->tbool, line(4));
    value_format(buf, sizeof buf, f0);
    assert_string_equal(buf, "(4) v2 = ConstBool <bool> [false]");

    Value *n = value_new0(b, OpConstNil, fx->tptr, line(5));
    value_format(buf, sizeof buf, n);
    assert_string_equal(buf, "(5) v3 = ConstNil <*int>");

    Value *c = value_new1(b, OpCopy, fx->tint, line(6), f0);
    c->var = fx->x;
    value_format(buf, sizeof buf, c);
    assert_string_equal(buf, "(6) v4 = Copy <int> v2 (x[int])");

    Value *off = value_new1(b, OpOffPtr, fx->tptr, line(7), n);
    value_format(buf, sizeof buf, off);
    assert_string_equal(buf, "(7) v5 = OffPtr <*int> [0] v3");

    // A tiny buffer truncates instead of overrunning.
    char small[8];
    int len = value_format(small, sizeof small, s);
    assert_true(len >= (int)sizeof small);
    assert_int_equal(strlen(small), sizeof small - 1);
    func_free(f);
}

// A snapshot after a change marks what the change did: a new value +, one
// rewritten in place ~, one gone -, the rest unmarked; an unchanged
// function is not "changed".
static void test_snapshot_marks(void **state) {
    Fixture *fx = *state;
    Diamond d = diamond(fx);
    Arena a;
    arena_init(&a);
    Snapshot *s1 = snapshot_take(&a, d.f, NULL);
    assert_true(s1->changed);
    Snapshot *same = snapshot_take(&a, d.f, s1);
    assert_false(same->changed);
    // Rewrite the load in place, drop the second store, add a constant.
    d.load->op = OpCopy;
    value_reset_args(d.load);
    value_add_arg(d.load, d.one);
    d.phi->args[0]->uses--;
    d.phi->args[0] = d.store1;
    d.store1->uses++;
    d.b2->nvalues = 0;
    value_reset_args(d.store2);
    Value *two = const_int(d.b3, fx, 2, 10);
    Snapshot *s2 = snapshot_take(&a, d.f, s1);
    assert_true(s2->changed);
    int add = 0, rm = 0, rw = 0;
    for (int i = 0; i < s2->nlines; i++) {
        const SnapLine *l = &s2->lines[i];
        if (l->change == CHANGE_ADDED)
            add++, assert_int_equal(l->id, two->id);
        if (l->change == CHANGE_REMOVED)
            rm++, assert_int_equal(l->id, d.store2->id);
        if (l->change == CHANGE_REWRITTEN && l->kind == SNAP_VALUE)
            rw++;
    }
    assert_int_equal(add, 1);
    assert_int_equal(rm, 1);
    assert_int_equal(rw, 2);    // the load, and the Phi whose arg changed
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    snapshot_print(out, s2, true);
    fclose(out);
    assert_non_null(strstr(buf, "\n+   (10) v11 = Const64 <int> [2]\n"));
    assert_non_null(strstr(buf, "\n-   (9) v7 = Store <mem> {int} v4 v3 v5\n"));
    assert_non_null(strstr(buf, "\n~   (12) v9 = Copy <int> v3\n"));
    assert_non_null(strstr(buf, "\n    (7) v3 = Const64 <int> [1]\n"));
    free(buf);
    arena_free(&a);
    func_free(d.f);
}

// Tuples print unbracketed and names as gc's slots, with the trailer.
static void test_print_tuple_and_names(void **state) {
    Fixture *fx = *state;
    Func *f = func_new(fx->cc, NULL, "g");
    Block *b = block_new(f, BlockRet, noline);
    Value *mem = value_new0(b, OpInitMem, NULL, noline);
    mem->is_mem = true;
    Type *tuple = type_tuple(fx->cc, (Type *[]){fx->tint}, 1);
    Value *call = value_new1(b, OpStaticLECall, tuple, line(4), mem);
    call->is_mem = true;
    Value *r = value_new1(b, OpSelectN, fx->tint, line(4), call);
    r->var = fx->x;
    Value *m = value_new1(b, OpSelectN, NULL, line(4), call);
    m->auxint = 1;
    m->is_mem = true;
    Value *res = value_new2(b, OpMakeResult, NULL, line(5), r, m);
    res->is_mem = true;
    block_set_control(b, res);
    char *text = print_to_string(f);
    assert_non_null(strstr(text, "(4) v2 = StaticLECall <int,mem> v1\n"));
    assert_non_null(strstr(text, "(4) v3 = SelectN <int> [0] v2 (x[int])\n"));
    assert_non_null(strstr(text, "    Ret v5\nname x[int]: [v3]\n"));
    free(text);
    func_free(f);
}

static void test_value_args_grow(void **state) {
    Fixture *fx = *state;
    Func *f = func_new(fx->cc, NULL, "g");
    Block *b = block_new(f, BlockPlain, noline);
    Value *one = const_int(b, fx, 1, 2);
    Value *mk = value_new0(b, OpStructMake, fx->tint, line(2));
    for (int i = 0; i < 40; i++)
        value_add_arg(mk, one);
    assert_int_equal(mk->nargs, 40);
    assert_int_equal(one->uses, 40);
    for (int i = 0; i < 40; i++)
        assert_ptr_equal(mk->args[i], one);
    value_reset_args(mk);
    assert_int_equal(one->uses, 0);
    func_free(f);
}

// ---------------------------------------------------------------------------
// func_remove_dead

static void test_remove_dead_block_and_phi(void **state) {
    Fixture *fx = *state;
    Func *f = func_new(fx->cc, NULL, "f");
    Block *b1 = block_new(f, BlockIf, line(2));
    Block *b2 = block_new(f, BlockPlain, line(3));
    Block *b3 = block_new(f, BlockPlain, line(4));
    Block *b4 = block_new(f, BlockRet, line(6));
    Value *mem = value_new0(b1, OpInitMem, NULL, noline);
    Value *cond = value_new0(b1, OpConstBool, fx->tbool, line(2));
    block_set_control(b1, cond);
    Value *a = const_int(b2, fx, 1, 3);
    Value *c = const_int(b3, fx, 3, 4);
    block_add_edge(b1, b2);
    block_add_edge(b1, b3);
    block_add_edge(b2, b4);
    // An unreachable block whose edge into b4 sits between the live ones.
    Block *dead = block_new(f, BlockPlain, line(5));
    Value *dv = const_int(dead, fx, 2, 5);
    block_add_edge(dead, b4);
    block_add_edge(b3, b4);
    Value *phi = value_new3(b4, OpPhi, fx->tint, line(6), a, dv, c);
    Value *res = value_new2(b4, OpMakeResult, NULL, line(6), phi, mem);
    block_set_control(b4, res);

    func_remove_dead(f);

    assert_int_equal(f->nblocks, 4);
    for (int i = 0; i < f->nblocks; i++)
        assert_ptr_not_equal(f->blocks[i], dead);
    assert_int_equal(b4->npreds, 2);
    assert_int_equal(phi->nargs, 2);
    // Each Phi arg still comes in along its own predecessor.
    for (int i = 0; i < 2; i++) {
        Block *p = b4->preds[i].b;
        assert_ptr_equal(phi->args[i], p == b2 ? a : c);
    }
    assert_int_equal(dv->uses, 0);
    assert_int_equal(a->uses, 1);
    assert_int_equal(c->uses, 1);
    const char *msg = func_check(f);
    if (msg)
        fail_msg("%s", msg);
    func_free(f);
}

static void test_remove_dead_values(void **state) {
    Fixture *fx = *state;
    Diamond d = diamond(fx);
    // A chain of pure values nobody uses goes, all of it.
    Value *two = const_int(d.b2, fx, 2, 9);
    Value *sum = value_new2(d.b2, OpAdd64, fx->tint, line(9), two, d.one);
    value_new2(d.b2, OpMul64, fx->tint, line(9), sum, sum);
    // A load nobody uses is pure here too; a store is not.
    value_new2(d.b2, OpLoad, fx->tint, line(9), d.addr, d.store2);
    int before = d.b2->nvalues;
    func_remove_dead(d.f);
    assert_int_equal(before, 5);
    assert_int_equal(d.b2->nvalues, 1);
    assert_ptr_equal(d.b2->values[0], d.store2);
    assert_int_equal(d.one->uses, 2);  // store1 and store2
    // Everything the live code uses stays.
    assert_int_equal(d.b1->nvalues, 6);
    assert_int_equal(d.b4->nvalues, 3);
    const char *msg = func_check(d.f);
    if (msg)
        fail_msg("%s", msg);
    func_free(d.f);
}

static void test_remove_dead_keeps_effects(void **state) {
    Fixture *fx = *state;
    Func *f = func_new(fx->cc, NULL, "f");
    Block *b = block_new(f, BlockRet, line(2));
    Value *mem = value_new0(b, OpInitMem, NULL, noline);
    Value *p = value_new0(b, OpConstNil, fx->tptr, line(2));
    Value *nc = value_new2(b, OpNilCheck, NULL, line(2), p, mem);
    Value *call = value_new0(b, OpStaticLECall, NULL, line(3));
    value_add_arg(call, mem);
    Value *res = value_new1(b, OpMakeResult, NULL, line(4), call);
    block_set_control(b, res);
    func_remove_dead(f);
    assert_int_equal(b->nvalues, 5);
    assert_ptr_equal(b->values[2], nc);
    func_free(f);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_accepts_diamond),
        cmocka_unit_test(test_check_accepts_loop),
        cmocka_unit_test(test_check_loop_memory_phi),
        cmocka_unit_test(test_check_loop_memory_without_phi),
        cmocka_unit_test(test_check_succ_without_pred),
        cmocka_unit_test(test_check_pred_without_succ),
        cmocka_unit_test(test_check_successor_count),
        cmocka_unit_test(test_check_if_without_control),
        cmocka_unit_test(test_check_if_control_not_bool),
        cmocka_unit_test(test_check_ret_control_not_memory),
        cmocka_unit_test(test_check_arity),
        cmocka_unit_test(test_check_call_without_memory),
        cmocka_unit_test(test_check_arg_from_other_func),
        cmocka_unit_test(test_check_memory_arg_missing),
        cmocka_unit_test(test_check_memory_arg_misplaced),
        cmocka_unit_test(test_check_stale_memory),
        cmocka_unit_test(test_check_arg_not_dominating),
        cmocka_unit_test(test_check_use_before_def),
        cmocka_unit_test(test_check_phi_arg_count),
        cmocka_unit_test(test_check_phi_arg_not_dominating_pred),
        cmocka_unit_test(test_check_memory_merge_without_phi),
        cmocka_unit_test(test_check_value_in_wrong_block),
        cmocka_unit_test(test_print_diamond),
        cmocka_unit_test(test_value_format_details),
        cmocka_unit_test(test_value_args_grow),
        cmocka_unit_test(test_remove_dead_block_and_phi),
        cmocka_unit_test(test_remove_dead_values),
        cmocka_unit_test(test_remove_dead_keeps_effects),
        cmocka_unit_test(test_snapshot_marks),
        cmocka_unit_test(test_print_tuple_and_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
