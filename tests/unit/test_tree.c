// test_tree.c - the tree helpers of frontend/tree.c: unparen, the visitor,
// deep copy with fresh objects, StaticValue, the call graph bottom up.
#include "testutil.h"

static Package *check(Compiler *cc, const char *text) {
    File *f = parse_file(cc, test_source(cc, text));
    Package *pkg = check_package(cc, "p", &f, 1);
    assert_int_equal(diag_error_count(cc), 0);
    return pkg;
}

static FuncInfo *find(Package *pkg, const char *name) {
    for (int i = 0; i < pkg->funcs.len; i++) {
        FuncInfo *fi = pkg->funcs.items[i];
        if (strcmp(fi->gc_name, name) == 0)
            return fi;
    }
    fail_msg("no function %s", name);
    return NULL;
}

static bool count_idents(Node *n, void *ctx) {
    if (n->kind == N_IDENT)
        ++*(int *)ctx;
    return true;
}

// The first return statement's first result.
static Node *first_result(FuncInfo *fi) {
    NodeList *l = &func_body(fi)->u.block.stmts;
    for (int i = 0; i < l->len; i++)
        if (l->items[i]->kind == N_RETURN)
            return l->items[i]->u.ret.results.items[0];
    return NULL;
}

static void test_unparen_visit(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Package *pkg = check(cc, "package p\nfunc f(a, b int) int { return ((a)) + (b) }\n");
    FuncInfo *f = find(pkg, "f");
    Node *r = first_result(f);
    assert_int_equal(r->kind, N_BINARY);
    assert_int_equal(unparen(r->u.binary.x)->kind, N_IDENT);
    int n = 0;
    tree_visit(func_body(f), count_idents, &n);
    assert_int_equal(n, 2);
    compiler_free(cc);
}

static void test_copy_fresh(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Package *pkg = check(cc, "package p\nvar g int\nfunc f(a int) int { x := a + g; return x }\n");
    FuncInfo *f = find(pkg, "f");
    TreeObjMap map = {0};
    Node *body = func_body(f);
    Node *c = tree_copy(cc, body, f, &map, NULL);
    assert_ptr_not_equal(c, body);
    Node *as = c->u.block.stmts.items[0], *orig = body->u.block.stmts.items[0];
    Obj *x0 = orig->u.assign.lhs.items[0]->u.ident.obj, *x1 = as->u.assign.lhs.items[0]->u.ident.obj;
    assert_ptr_not_equal(x0, x1);                     // a fresh x
    assert_ptr_equal(tree_objmap_get(&map, x0), x1);
    Node *ret = c->u.block.stmts.items[1];
    assert_ptr_equal(ret->u.ret.results.items[0]->u.ident.obj, x1);   // the same fresh x at each use
    Node *sum = as->u.assign.rhs.items[0];
    assert_ptr_not_equal(sum->u.binary.x->u.ident.obj, f->params[0]);  // a fresh param
    assert_ptr_equal(sum->u.binary.y->u.ident.obj, orig->u.assign.rhs.items[0]->u.binary.y->u.ident.obj);  // g shared
    compiler_free(cc);
}

// tree_copy_facts: the copy's returns outside literals, in source order,
// and whether it holds a literal.
static void test_copy_facts(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Package *pkg = check(cc,
                         "package p\n"
                         "func f(a int) int { if a > 0 { return 1 }; g := func() int { return 2 }; return g() }\n"
                         "func h(a int) int { for { if a > 1 { return a } }; return 0 }\n");
    FuncInfo *f = find(pkg, "f");
    TreeObjMap map = {0};
    TreeCopyFacts facts = {0};
    Node *c = tree_copy_facts(cc, func_body(f), f, &map, NULL, &facts);
    assert_true(facts.literals);
    assert_int_equal(facts.returns.len, 2);
    Node *r0 = facts.returns.items[0], *r1 = facts.returns.items[1];
    assert_int_equal(r0->kind, N_RETURN);
    assert_int_equal(r0->u.ret.results.items[0]->kind, N_BASICLIT);
    assert_ptr_equal(r1, c->u.block.stmts.items[c->u.block.stmts.len - 1]);  // the copy's, not the original's
    FuncInfo *h = find(pkg, "h");
    TreeObjMap map2 = {0};
    TreeCopyFacts facts2 = {0};
    tree_copy_facts(cc, func_body(h), h, &map2, NULL, &facts2);
    assert_false(facts2.literals);
    assert_int_equal(facts2.returns.len, 2);
    assert_int_equal(((Node *)facts2.returns.items[0])->u.ret.results.items[0]->kind, N_IDENT);
    compiler_free(cc);
}

static void test_static_value(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Package *pkg = check(cc,
                         "package p\nfunc h() {}\n"
                         "func a() func() { x := h; y := x; return y }\n"
                         "func b() func() { x := h; x = h; return x }\n"
                         "func c() func() { x := h; _ = &x; return x }\n"
                         "func d() int { x := 1; x += 1; return x }\n"
                         "type I interface{ M() }\ntype T struct{}\nfunc (T) M() {}\n"
                         "func e() I { var i I = T{}; return i }\n"
                         "func g() I { var i I = T{}; func() { i = nil }(); return i }\n"
                         "func k() I { i, j := I(T{}), 1; i, j2 := I(nil), j; _ = j2; return i }\n");
    Node *v = static_value(first_result(find(pkg, "a")));
    assert_int_equal(v->kind, N_IDENT);
    assert_string_equal(v->u.ident.name->s, "h");
    assert_string_equal(static_value(first_result(find(pkg, "b")))->u.ident.name->s, "x");
    assert_string_equal(static_value(first_result(find(pkg, "c")))->u.ident.name->s, "x");
    // gc's reassigned does not count x += 1
    assert_int_equal(static_value(first_result(find(pkg, "d")))->kind, N_BASICLIT);
    // interface values: defined once, assigned in a literal, redeclared by :=
    assert_int_equal(static_value(first_result(find(pkg, "e")))->kind, N_COMPOSITE);
    assert_string_equal(static_value(first_result(find(pkg, "g")))->u.ident.name->s, "i");
    assert_string_equal(static_value(first_result(find(pkg, "k")))->u.ident.name->s, "i");
    compiler_free(cc);
}

typedef struct Order {
    char buf[256];
} Order;

static void record(FuncInfo **fns, int n, bool recursive, void *ctx) {
    Order *o = ctx;
    strcat(o->buf, "[");
    for (int i = 0; i < n; i++) {
        if (i)
            strcat(o->buf, " ");
        strcat(o->buf, fns[i]->gc_name);
    }
    strcat(o->buf, recursive ? "]r " : "] ");
}

static void test_bottom_up(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Package *pkg = check(cc,
                         "package p\nfunc a() { b(); c() }\nfunc b() { c() }\nfunc c() {}\n"
                         "func d() { e() }\nfunc e() { d() }\nfunc r() { func() { r() }() }\n");
    Order o = {{0}};
    funcs_bottom_up(cc, (FuncInfo **)pkg->funcs.items, pkg->funcs.len, record, &o);
    assert_string_equal(o.buf, "[c] [b] [a] [d e]r [r]r ");
    compiler_free(cc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unparen_visit),
        cmocka_unit_test(test_copy_fresh),
        cmocka_unit_test(test_copy_facts),
        cmocka_unit_test(test_static_value),
        cmocka_unit_test(test_bottom_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
