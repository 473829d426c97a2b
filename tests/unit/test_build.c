// test_build.c - the build pass: Go source in, SSA shape out.
//
// Each test parses and checks a small program, runs pass_build, and looks at
// the SSA of one function: where Phis are (at merges of variables that
// differ, nowhere else), where memory is (address-taken variables behind
// LocalAddr/Store/Load), how calls, closures and returns look. Every
// function built in every test must pass the invariant checker. The last
// test builds Go's own escape*.go and inline*.go tests when they are
// installed.
#include "testutil.h"

#include <dirent.h>

#include "passes/passes.h"

typedef struct Built {
    Compiler *cc;
    Program prog;
} Built;

// Checks every function of prog; fails the test with the checker's message.
static void check_all(Program *prog) {
    for (int i = 0; i < prog->nfuncs; i++) {
        const char *err = func_check(prog->funcs[i]);
        if (err) {
            func_print(stderr, prog->funcs[i]);
            fail_msg("%s", err);
        }
    }
}

static Built *build_files(const char **names, const char **texts, int n) {
    Built *bt = calloc(1, sizeof *bt);
    bt->cc = test_compiler();
    File **files = calloc((size_t)n, sizeof *files);
    for (int i = 0; i < n; i++) {
        const SourceFile *src = source_add(bt->cc, names[i], texts[i], strlen(texts[i]), false);
        files[i] = parse_file(bt->cc, src);
    }
    Package *p = check_package(bt->cc, "main", files, n);
    free(files);
    if (diag_error_count(bt->cc)) {
        char *msg = test_flush_diags(bt->cc);
        fail_msg("unexpected errors:\n%s", msg);
    }
    bt->prog = (Program){.cc = bt->cc, .main_pkg = p};
    pass_build(&bt->prog);
    check_all(&bt->prog);
    return bt;
}

static Built *build(const char *text) {
    const char *name = "x.go";
    return build_files(&name, &text, 1);
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

static int count_op(Func *f, Op op) {
    int n = 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++)
            n += f->blocks[i]->values[j]->op == op;
    return n;
}

static Value *find_op(Func *f, Op op) {
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++)
            if (f->blocks[i]->values[j]->op == op)
                return f->blocks[i]->values[j];
    return NULL;
}

// Phis defining the source variable `name` (NULL: memory Phis).
static int count_phis(Func *f, const char *name) {
    int n = 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++) {
            Value *v = f->blocks[i]->values[j];
            if (v->op != OpPhi)
                continue;
            if (name ? v->var && name_is(v->var->name, name) : v->is_mem)
                n++;
        }
    return n;
}

static int count_kind(Func *f, BlockKind k) {
    int n = 0;
    for (int i = 0; i < f->nblocks; i++)
        n += f->blocks[i]->kind == k;
    return n;
}

static bool has_var_op(Func *f, Op op, const char *name) {
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++) {
            Value *v = f->blocks[i]->values[j];
            if (v->op == op && v->aux.kind == AUX_VAR && v->aux.u.var && name_is(v->aux.u.var->name, name))
                return true;
        }
    return false;
}

// ---------------------------------------------------------------------------

static void test_straight_line(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func add(a, b int) int {\n"
                      "\tc := a + b\n"
                      "\treturn c * 2\n"
                      "}\n");
    Func *f = fn(bt, "add");
    assert_int_equal(f->nblocks, 1);
    assert_int_equal(count_op(f, OpPhi), 0);
    assert_int_equal(count_op(f, OpArg), 2);
    assert_int_equal(count_op(f, OpAdd64), 1);
    assert_int_equal(count_op(f, OpMul64), 1);
    assert_int_equal(f->entry->kind, BlockRet);
    Value *mr = f->entry->control;
    assert_non_null(mr);
    assert_int_equal(mr->op, OpMakeResult);
    assert_int_equal(mr->nargs, 2);
    assert_ptr_equal(mr->args[1], f->initmem);
    Value *arg = find_op(f, OpArg);
    assert_int_equal(arg->auxint, 0);
    assert_string_equal(arg->aux.u.var->name->s, "a");
    done(bt);
}

static void test_if_merge_phi(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func f(c bool, y int) int {\n"
                      "\tx := 1\n"
                      "\tz := 5\n"
                      "\tif c {\n"
                      "\t\tx = 2\n"
                      "\t} else {\n"
                      "\t\tx = y\n"
                      "\t}\n"
                      "\treturn x + z\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_phis(f, "x"), 1);
    assert_int_equal(count_phis(f, "z"), 0);    // not changed on either arm
    assert_int_equal(count_phis(f, NULL), 0);   // no memory operation anywhere
    assert_int_equal(count_op(f, OpPhi), 1);
    assert_int_equal(count_kind(f, BlockIf), 1);
    done(bt);
}

static void test_if_without_change_has_no_phi(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func f(c bool) int {\n"
                      "\tx := 1\n"
                      "\tif c {\n"
                      "\t\tprintln(x)\n"
                      "\t}\n"
                      "\treturn x\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_phis(f, "x"), 0);
    assert_int_equal(count_phis(f, NULL), 1);   // print changed memory on one arm
    done(bt);
}

static void test_loop_phis(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func sum(n int) int {\n"
                      "\ts := 0\n"
                      "\tk := 3\n"
                      "\tfor i := 0; i < n; i++ {\n"
                      "\t\ts += i * k\n"
                      "\t}\n"
                      "\treturn s\n"
                      "}\n");
    Func *f = fn(bt, "sum");
    assert_int_equal(count_phis(f, "s"), 1);
    assert_int_equal(count_phis(f, "i"), 1);
    assert_int_equal(count_phis(f, "k"), 0);
    assert_int_equal(count_phis(f, NULL), 0);
    // Each loop Phi merges the entry value and the back edge.
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++)
            if (f->blocks[i]->values[j]->op == OpPhi)
                assert_int_equal(f->blocks[i]->values[j]->nargs, 2);
    done(bt);
}

static void test_address_taken_in_memory(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func f(c bool) *int {\n"
                      "\tx := 1\n"
                      "\tp := &x\n"
                      "\tif c {\n"
                      "\t\tx = 2\n"
                      "\t}\n"
                      "\t*p = 3\n"
                      "\treturn p\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_phis(f, "x"), 0);
    assert_true(has_var_op(f, OpLocalAddr, "x"));
    assert_true(has_var_op(f, OpVarDef, "x"));
    assert_true(count_op(f, OpStore) >= 3);
    assert_int_equal(count_phis(f, NULL), 1);   // the store on one arm
    // The Store into x's slot names x.
    bool named = false;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++) {
            Value *v = f->blocks[i]->values[j];
            if (v->op == OpStore && v->var && name_is(v->var->name, "x"))
                named = true;
        }
    assert_true(named);
    done(bt);
}

static void test_big_aggregates_in_memory(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "type Big struct{ a, b, c, d, e int }\n"
                      "type Small struct{ a, b int }\n"
                      "func f(c bool) int {\n"
                      "\tvar arr [4]int\n"
                      "\tvar big Big\n"
                      "\ts := Small{1, 2}\n"
                      "\tif c {\n"
                      "\t\tarr[1] = 5\n"
                      "\t\tbig.a = 7\n"
                      "\t\ts.b = 3\n"
                      "\t}\n"
                      "\treturn arr[1] + big.a + s.b\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_true(has_var_op(f, OpLocalAddr, "arr"));
    assert_true(has_var_op(f, OpLocalAddr, "big"));
    assert_false(has_var_op(f, OpLocalAddr, "s"));
    assert_int_equal(count_phis(f, "s"), 1);
    assert_int_equal(count_phis(f, "arr"), 0);
    assert_int_equal(count_phis(f, "big"), 0);
    assert_true(count_op(f, OpStructMake) >= 2);
    done(bt);
}

static void test_calls_and_results(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func two(x int) (int, error) { return x, nil }\n"
                      "func g() int {\n"
                      "\ta, err := two(1)\n"
                      "\tif err != nil {\n"
                      "\t\treturn 0\n"
                      "\t}\n"
                      "\treturn a\n"
                      "}\n");
    Func *g = fn(bt, "g");
    Value *call = find_op(g, OpStaticLECall);
    assert_non_null(call);
    assert_int_equal(call->aux.kind, AUX_FUNC);
    assert_string_equal(call->aux.u.fn->gc_name, "two");
    assert_true(call->is_mem);
    assert_int_equal(call->type->kind, TY_TUPLE);
    assert_int_equal(count_op(g, OpSelectN), 3);  // a, err and the memory
    assert_int_equal(count_kind(g, BlockRet), 2);
    Func *two = fn(bt, "two");
    Value *mr = two->entry->control;
    assert_int_equal(mr->op, OpMakeResult);
    assert_int_equal(mr->nargs, 3);
    assert_int_equal(mr->args[1]->op, OpConstInterface);
    done(bt);
}

// The inline pass, then the functions it inlined into built again with the
// bodies in place of the calls (build_inlined).
static void inline_and_rebuild(Built *bt) {
    bt->prog.inlining = true;
    pass_inline(&bt->prog);
    build_inlined(&bt->prog);
    check_all(&bt->prog);
}

static int count_calls_to(Func *f, const char *callee) {
    int n = 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++) {
            Value *v = f->blocks[i]->values[j];
            n += v->op == OpStaticLECall && v->aux.kind == AUX_FUNC && v->aux.u.fn &&
                 strcmp(v->aux.u.fn->gc_name, callee) == 0;
        }
    return n;
}

static void test_inlined_bodies(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func add(x, y int) int {\n"
                      "\treturn x + y\n"
                      "}\n"
                      "func pick(x int) (r int) {\n"
                      "\tif x > 0 {\n"
                      "\t\tr = 1\n"
                      "\t\treturn\n"
                      "\t}\n"
                      "\tr = 2\n"
                      "\treturn\n"
                      "}\n"
                      "func count(n int) int {\n"
                      "\ti := 0\n"
                      "again:\n"
                      "\tif i < n {\n"
                      "\t\ti++\n"
                      "\t\tgoto again\n"
                      "\t}\n"
                      "\treturn i\n"
                      "}\n"
                      "func g(a int) int {\n"
                      "\tn := 0\n"
                      "again:\n"
                      "\tn += add(a, 1) + pick(a) + count(a)\n"
                      "\tif n < 100 {\n"
                      "\t\tgoto again\n"
                      "\t}\n"
                      "\treturn n\n"
                      "}\n");
    Func *g = fn(bt, "g");
    assert_int_equal(count_calls_to(g, "add"), 1);
    assert_int_equal(count_op(g, OpInlMark), 0);
    inline_and_rebuild(bt);
    g = fn(bt, "g");
    assert_int_equal(count_calls_to(g, "add") + count_calls_to(g, "pick") + count_calls_to(g, "count"), 0);
    assert_int_equal(count_op(g, OpInlMark), 3);
    assert_int_equal(g->ninl, 3);
    assert_string_equal(g->inl[0].callee->gc_name, "add");
    assert_int_equal(g->inl[0].site.line, 25);
    // add's body: the Add at the call site, showing add's own line.
    Value *add = find_op(g, OpAdd64);
    assert_non_null(add);
    assert_int_equal(add->inl, 1);
    assert_int_equal(add->src.line, 3);
    assert_int_equal(add->pos.line, 25);
    // pick's bare returns each leave its body: r is 1 or 2 where they meet.
    assert_int_equal(count_phis(g, "r"), 1);
    // count's label is its own, not g's: both loops remain.
    assert_true(count_phis(g, "i") >= 1);
    assert_true(count_phis(g, "n") >= 1);
    done(bt);
}

static void test_named_results(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func f(c bool) (n int, s string) {\n"
                      "\tif c {\n"
                      "\t\tn = 1\n"
                      "\t\treturn\n"
                      "\t}\n"
                      "\treturn 2, \"x\"\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_kind(f, BlockRet), 2);
    assert_int_equal(count_op(f, OpMakeResult), 2);
    done(bt);
}

static void test_closure(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func counter(k int) func() int {\n"
                      "\tn := 0\n"
                      "\treturn func() int {\n"
                      "\t\tn += k\n"
                      "\t\treturn n\n"
                      "\t}\n"
                      "}\n");
    Func *outer = fn(bt, "counter");
    Value *mc = find_op(outer, OpMakeClosure);
    assert_non_null(mc);
    assert_int_equal(mc->aux.kind, AUX_FUNC);
    assert_string_equal(mc->aux.u.fn->gc_name, "counter.func1");
    assert_int_equal(mc->nargs, 3);                 // n (by reference), k (by value), mem
    assert_true(has_var_op(outer, OpLocalAddr, "n")); // n is reassigned in the closure
    assert_non_null(mc->expr);
    Func *lit = fn(bt, "counter.func1");
    assert_int_equal(count_op(lit, OpGetClosurePtr), 1);
    assert_int_equal(count_op(lit, OpClosureVar), 2);
    for (int i = 0; i < lit->entry->nvalues; i++) {
        Value *v = lit->entry->values[i];
        if (v->op != OpClosureVar)
            continue;
        if (name_is(v->var->name, "n"))
            assert_int_equal(v->type->kind, TY_POINTER);
        else
            assert_int_equal(v->type->kind, TY_INT);
    }
    done(bt);
}

static void test_memory_phi_in_loop(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "var sink *int\n"
                      "func f(n int) {\n"
                      "\tfor i := 0; i < n; i++ {\n"
                      "\t\tsink = new(int)\n"
                      "\t}\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_phis(f, NULL), 1);
    Value *no = find_op(f, OpNewObject);
    assert_non_null(no);
    assert_non_null(no->expr);
    assert_true(has_var_op(f, OpAddr, "sink"));
    done(bt);
}

static void test_short_circuit(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func f(a, b bool, x int) int {\n"
                      "\tif a && (b || x > 2) {\n"
                      "\t\treturn 1\n"
                      "\t}\n"
                      "\tc := a || b\n"
                      "\tif c {\n"
                      "\t\treturn 2\n"
                      "\t}\n"
                      "\treturn 3\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_true(count_kind(f, BlockIf) >= 4);
    assert_int_equal(count_op(f, OpOrB), 0);
    assert_int_equal(count_op(f, OpAndB), 0);
    assert_int_equal(count_op(f, OpPhi), 1);        // c's value merges the two outcomes
    done(bt);
}

static void test_interfaces(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "type S interface{ String() string }\n"
                      "type T struct{ a, b int }\n"
                      "func (t T) String() string { return \"T\" }\n"
                      "type P struct{ n int }\n"
                      "func (p *P) String() string { return \"P\" }\n"
                      "var sink interface{}\n"
                      "func f(s S) string {\n"
                      "\tsink = T{1, 2}\n"
                      "\tsink = &P{}\n"
                      "\tvar e interface{} = 5\n"
                      "\t_ = e\n"
                      "\tm := s.String\n"
                      "\t_ = m\n"
                      "\treturn s.String()\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_op(f, OpConvIface), 2);  // T{1, 2} and 5
    assert_int_equal(count_op(f, OpIMake), 1);      // &P{} is pointer-shaped
    assert_int_equal(count_op(f, OpInterLECall), 1);
    assert_int_equal(count_op(f, OpMethodValue), 1);
    Value *ci = find_op(f, OpConvIface);
    assert_non_null(ci->expr);
    assert_non_null(ci->node);
    done(bt);
}

static void test_methods(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "type C struct{ n int }\n"
                      "func (c *C) Inc() { c.n++ }\n"
                      "func (c C) Get() int { return c.n }\n"
                      "type W struct{ C }\n"
                      "func f() int {\n"
                      "\tvar c C\n"
                      "\tc.Inc()\n"
                      "\tvar w W\n"
                      "\tw.Inc()\n"
                      "\tp := &w\n"
                      "\treturn c.Get() + p.Get()\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_op(f, OpStaticLECall), 4);
    assert_true(has_var_op(f, OpLocalAddr, "c"));   // c.Inc() takes c's address
    assert_true(has_var_op(f, OpLocalAddr, "w"));
    Func *inc = fn(bt, "(*C).Inc");
    assert_true(count_op(inc, OpStore) >= 1);
    done(bt);
}

static void test_defer_panic_recover(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func g() {}\n"
                      "func f(x int) (err error) {\n"
                      "\tdefer g()\n"
                      "\tdefer func() {\n"
                      "\t\tif r := recover(); r != nil {\n"
                      "\t\t\terr = nil\n"
                      "\t\t}\n"
                      "\t}()\n"
                      "\tif x < 0 {\n"
                      "\t\tpanic(\"negative\")\n"
                      "\t}\n"
                      "\tgo g()\n"
                      "\treturn nil\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_op(f, OpDeferCall), 2);
    assert_int_equal(count_op(f, OpGoCall), 1);
    assert_int_equal(count_op(f, OpPanic), 1);
    assert_int_equal(count_kind(f, BlockExit), 1);
    assert_true(has_var_op(f, OpLocalAddr, "err"));     // assigned in the closure: by reference
    Func *lit = fn(bt, "f.func1");
    assert_int_equal(count_op(lit, OpRecover), 1);
    done(bt);
}

static void test_switches(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func f(x int, v interface{}) int {\n"
                      "\tr := 0\n"
                      "\tswitch x {\n"
                      "\tcase 1, 2:\n"
                      "\t\tr = 10\n"
                      "\t\tfallthrough\n"
                      "\tcase 3:\n"
                      "\t\tr++\n"
                      "\tdefault:\n"
                      "\t\tr = -1\n"
                      "\t}\n"
                      "\tswitch t := v.(type) {\n"
                      "\tcase int:\n"
                      "\t\tr += t\n"
                      "\tcase string, nil:\n"
                      "\t\t_ = t\n"
                      "\t}\n"
                      "\tswitch {\n"
                      "\tcase r > 5 && x < 2:\n"
                      "\t\tr = 0\n"
                      "\t}\n"
                      "\treturn r\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_true(count_op(f, OpTypeSwitchCase) >= 2);
    assert_int_equal(count_op(f, OpTypeAssert), 1);
    assert_true(count_phis(f, "r") >= 2);
    done(bt);
}

static void test_ranges(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func f(s []int, m map[string]int, str string, c chan int, a [3]int) int {\n"
                      "\tt := 0\n"
                      "\tfor i, v := range s {\n"
                      "\t\tt += i + v\n"
                      "\t}\n"
                      "\tfor k, v := range m {\n"
                      "\t\tt += len(k) + v\n"
                      "\t}\n"
                      "\tfor _, r := range str {\n"
                      "\t\tt += int(r)\n"
                      "\t}\n"
                      "\tfor v := range c {\n"
                      "\t\tt += v\n"
                      "\t}\n"
                      "\tfor i := range a {\n"
                      "\t\tt += a[i]\n"
                      "\t}\n"
                      "outer:\n"
                      "\tfor i := 0; i < 3; i++ {\n"
                      "\t\tfor j := 0; j < 3; j++ {\n"
                      "\t\t\tif j == 1 {\n"
                      "\t\t\t\tcontinue outer\n"
                      "\t\t\t}\n"
                      "\t\t\tif j == 2 {\n"
                      "\t\t\t\tbreak outer\n"
                      "\t\t\t}\n"
                      "\t\t}\n"
                      "\t}\n"
                      "\treturn t\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_op(f, OpMapIterInit), 1);
    assert_int_equal(count_op(f, OpMapIterNext), 1);
    assert_int_equal(count_op(f, OpStringIterNext), 1);
    assert_int_equal(count_op(f, OpChanRecv), 1);
    assert_true(count_phis(f, "t") >= 5);
    done(bt);
}

static void test_goto(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func f(n int) int {\n"
                      "\ti := 0\n"
                      "loop:\n"
                      "\tif i < n {\n"
                      "\t\ti++\n"
                      "\t\tgoto loop\n"
                      "\t}\n"
                      "\treturn i\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_phis(f, "i"), 1);
    done(bt);
}

static void test_allocations(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "type T struct{ p *int }\n"
                      "func f(n int, b []byte) (string, int) {\n"
                      "\ts := make([]int, n)\n"
                      "\ts = append(s, 1, 2)\n"
                      "\tm := map[string]int{\"a\": 1}\n"
                      "\tm[\"b\"] = 2\n"
                      "\tdelete(m, \"a\")\n"
                      "\tc := make(chan int, 1)\n"
                      "\tc <- 1\n"
                      "\tl := []int{1, 2, 3}\n"
                      "\tcopy(l, s)\n"
                      "\tx := 5\n"
                      "\tt := &T{&x}\n"
                      "\tstr := string(b) + \"!\" + string(rune(n))\n"
                      "\tbs := []byte(str)\n"
                      "\tv, ok := m[\"b\"]\n"
                      "\t_, _ = v, ok\n"
                      "\treturn str, len(bs) +  *t.p * 0 + cap(c)\n"
                      "}\n");
    (void)bt;
    done(bt);
}

static void test_select(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func f(a, b chan int, q chan string) int {\n"
                      "\tx := 0\n"
                      "\tselect {\n"
                      "\tcase v := <-a:\n"
                      "\t\tx = v\n"
                      "\tcase s, ok := <-q:\n"
                      "\t\t_, _ = s, ok\n"
                      "\tcase b <- 3:\n"
                      "\t\tx = 3\n"
                      "\tdefault:\n"
                      "\t}\n"
                      "\treturn x\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_op(f, OpSelectGo), 1);
    assert_int_equal(count_kind(f, BlockSelect), 1);
    assert_int_equal(count_phis(f, "x"), 1);
    done(bt);
}

static void test_variadic(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func v(xs ...interface{}) int { return len(xs) }\n"
                      "func f(s []interface{}) int {\n"
                      "\treturn v(1, \"a\") + v() + v(s...)\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_op(f, OpNewObject), 1);  // the ... argument of v(1, "a")
    Value *no = find_op(f, OpNewObject);
    assert_string_equal(no->expr, "... argument");
    assert_int_equal(count_op(f, OpConvIface), 2);
    done(bt);
}

static void test_unreachable_code_removed(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func f() int {\n"
                      "\treturn 1\n"
                      "\tx := 2\n"
                      "\treturn x\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(f->nblocks, 1);
    assert_int_equal(count_kind(f, BlockRet), 1);
    done(bt);
}

// The n-th value with op `op`, in block order.
static Value *nth_op(Func *f, Op op, int nth) {
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++)
            if (f->blocks[i]->values[j]->op == op && nth-- == 0)
                return f->blocks[i]->values[j];
    return NULL;
}

// gc reports an implicit conversion to an interface where its noder stood:
// the operand for arguments and elements (a key's colon when keyed), the
// assigned variable for x = v, the last value for var and return lists.
static void test_conversion_positions(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "var sink interface{}\n"
                      "type S struct{ f interface{} }\n"
                      "func g(xs ...interface{}) {}\n"
                      "func f(n, m int, s *S) (interface{}, interface{}) {\n"
                      "\tsink = n\n"
                      "\ts.f = m\n"
                      "\tvar x, y interface{} = n, m\n"
                      "\t_ = S{f: n}\n"
                      "\tg(x, y, n)\n"
                      "\tsink = interface{}(m)\n"
                      "\treturn n, m\n"
                      "}\n");
    Func *f = fn(bt, "f");
    static const struct { uint32_t line, col; const char *expr; } want[] = {
        {6, 2, "n"}, {7, 2, "m"}, {8, 28, "n"}, {8, 28, "m"}, {9, 9, "n"}, {10, 3, "n"},
        {11, 20, "(interface {})(m)"}, {12, 12, "n"}, {12, 12, "m"},
    };
    for (int k = 0; k < (int)(sizeof want / sizeof want[0]); k++) {
        Value *c = nth_op(f, OpConvIface, k);
        assert_non_null(c);
        assert_int_equal(c->pos.line, want[k].line);
        assert_int_equal(c->pos.col, want[k].col);
        assert_non_null(c->node);
    }
    assert_null(nth_op(f, OpConvIface, 9));
    done(bt);
}

// Comparing an interface with a concrete value boxes nothing (gc neither).
static void test_compare_without_boxing(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func f(e interface{}, n int) bool {\n"
                      "\tswitch e {\n"
                      "\tcase 5:\n"
                      "\t\treturn true\n"
                      "\t}\n"
                      "\treturn e == n || e != nil\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_op(f, OpConvIface), 0);
    assert_int_equal(count_op(f, OpEqInter), 2);
    assert_int_equal(count_op(f, OpNeqInter), 1);
    done(bt);
}

// append(f()), copy(f()), complex(f()), delete(f()) take f's results.
static void test_spread_builtins(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func two() ([]int, int) { return nil, 1 }\n"
                      "func parts() (float64, float64) { return 1, 2 }\n"
                      "func pair() ([]int, []int) { return nil, nil }\n"
                      "func mk() (map[int]int, int) { return nil, 0 }\n"
                      "func f() (int, complex128) {\n"
                      "\ts := append(two())\n"
                      "\tn := copy(pair())\n"
                      "\tdelete(mk())\n"
                      "\treturn len(s) + n, complex(parts())\n"
                      "}\n");
    Func *f = fn(bt, "f");
    assert_int_equal(count_op(f, OpUnknown), 0);
    assert_int_equal(nth_op(f, OpAppend, 0)->nargs, 3);
    assert_int_equal(count_op(f, OpSliceCopy), 1);
    assert_int_equal(count_op(f, OpMapDelete), 1);
    assert_int_equal(count_op(f, OpComplexMake), 1);
    done(bt);
}

static void test_blank_labels(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "func main() {\n"
                      "_:\n"
                      "_:\n"
                      "}\n");
    assert_int_equal(count_kind(fn(bt, "main"), BlockRet), 1);
    done(bt);
}

// The loop depth gc's escape analysis gives each allocation: per block.
static int depth_of_nth(Func *f, Op op, int nth) {
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++)
            if (f->blocks[i]->values[j]->op == op && nth-- == 0)
                return f->blocks[i]->loop_depth;
    return -1;
}

static void test_loop_depth(void **state) {
    (void)state;
    Built *bt = build("package main\n"
                      "var sink *int\n"
                      "func f(s []int) {\n"
                      "\tsink = new(int)\n"
                      "\tfor i := 0; i < 2; i++ {\n"
                      "\t\tsink = new(int)\n"
                      "\t\tfor range s {\n"
                      "\t\t\tsink = new(int)\n"
                      "\t\t}\n"
                      "\t}\n"
                      "\tsink = new(int)\n"
                      "\tn := 0\n"
                      "again:\n"
                      "\tsink = new(int)\n"
                      "\tn++\n"
                      "\tif n < 3 {\n"
                      "\t\tgoto again\n"
                      "\t}\n"
                      "}\n");
    Func *f = fn(bt, "f");
    // Values are listed by block; blocks come in creation order.
    int depths[5];
    for (int k = 0; k < 5; k++)
        depths[k] = depth_of_nth(f, OpNewObject, k);
    int ones = 0, twos = 0, threes = 0;
    for (int k = 0; k < 5; k++) {
        ones += depths[k] == 1;
        twos += depths[k] == 2;
        threes += depths[k] == 3;
    }
    assert_int_equal(ones, 2);      // before and after the loops
    assert_int_equal(twos, 2);      // in the for, and after the looping label
    assert_int_equal(threes, 1);    // in the range inside the for
    assert_int_equal(f->entry->loop_depth, 1);
    done(bt);
}

// Builds every function of one Go test file; the file may need stdlib models
// the program does not have yet, in which case it is skipped with a note.
static int build_go_test(const char *path) {
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return 0;
    fseek(fp, 0, SEEK_END);
    long len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *text = malloc((size_t)len + 1);
    size_t got = fread(text, 1, (size_t)len, fp);
    text[got] = 0;
    fclose(fp);
    Compiler *cc = test_compiler();
    const SourceFile *src = source_add(cc, path, text, got, false);
    File *file = parse_file(cc, src);
    Package *p = check_package(cc, "main", &file, 1);
    int built = 0;
    if (diag_error_count(cc) == 0) {
        Program prog = {.cc = cc, .main_pkg = p};
        pass_build(&prog);
        check_all(&prog);
        built = prog.nfuncs;
        program_free(&prog);
    } else {
        char *first = test_first_diag(cc);
        print_message("skipped %s: %s\n", path, first);
        free(first);
    }
    compiler_free(cc);
    free(text);
    return built;
}

static int name_order(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void test_go_test_files(void **state) {
    (void)state;
    const char *dir = "/usr/share/go-1.19/test";
    DIR *d = opendir(dir);
    if (!d)
        skip();
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256) {
        size_t l = strlen(e->d_name);
        if (l > 3 && strcmp(e->d_name + l - 3, ".go") == 0 &&
            (strncmp(e->d_name, "escape", 6) == 0 || strncmp(e->d_name, "inline", 6) == 0))
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], name_order);
    int total = 0;
    for (int i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        total += build_go_test(path);
        free(names[i]);
    }
    assert_true(total > 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_straight_line),
        cmocka_unit_test(test_if_merge_phi),
        cmocka_unit_test(test_if_without_change_has_no_phi),
        cmocka_unit_test(test_loop_phis),
        cmocka_unit_test(test_address_taken_in_memory),
        cmocka_unit_test(test_big_aggregates_in_memory),
        cmocka_unit_test(test_calls_and_results),
        cmocka_unit_test(test_inlined_bodies),
        cmocka_unit_test(test_named_results),
        cmocka_unit_test(test_closure),
        cmocka_unit_test(test_memory_phi_in_loop),
        cmocka_unit_test(test_short_circuit),
        cmocka_unit_test(test_interfaces),
        cmocka_unit_test(test_methods),
        cmocka_unit_test(test_defer_panic_recover),
        cmocka_unit_test(test_switches),
        cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_goto),
        cmocka_unit_test(test_allocations),
        cmocka_unit_test(test_select),
        cmocka_unit_test(test_variadic),
        cmocka_unit_test(test_unreachable_code_removed),
        cmocka_unit_test(test_loop_depth),
        cmocka_unit_test(test_conversion_positions),
        cmocka_unit_test(test_compare_without_boxing),
        cmocka_unit_test(test_spread_builtins),
        cmocka_unit_test(test_blank_labels),
        cmocka_unit_test(test_go_test_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
