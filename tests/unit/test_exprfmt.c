// test_exprfmt.c - expr_string against the texts Go 1.19's gc prints.
//
// Every case is one expression and the text gc gave for it, captured by
// compiling the same program with `go tool compile -p=p -m -l`: the cases of
// one table become the statements `sink = EXPR` of one function f after a
// shared preamble, so gc reports each (converted to interface, or allocated)
// on its own line. A case with a column names a node inside the expression
// instead: the one gc reported at that column of the statement's line (an
// elided `{...}` inside a slice literal, an element converted to interface).
//
// The file-building code below is also how the table was checked: the same
// text, fed to gc, prints these messages.
#include "testutil.h"

typedef struct Case {
    const char *expr;
    const char *want;
    int col;            // 0: the whole expression; else the node gc put there
} Case;

static const char preamble[] =
    "package p\n"
    "\n"
    "import \"unsafe\"\n"
    "\n"
    "var sink interface{}\n"
    "\n"
    "type T struct {\n"
    "\tx, y int\n"
    "\tp    *int\n"
    "\tf    func(int) int\n"
    "\tarr  [4]int\n"
    "}\n"
    "\n"
    "func (t T) M() int          { return t.x }\n"
    "func (t *T) PM() int        { return t.x }\n"
    "func (t T) VM(a ...int) int { return len(a) }\n"
    "\n"
    "type E struct {\n"
    "\tT\n"
    "\tz int\n"
    "}\n"
    "type PE struct{ *T }\n"
    "type I interface{ VM(a ...int) int }\n"
    "type EI struct{ I }\n"
    "type IP []byte\n"
    "type MV int\n"
    "type Str string\n"
    "\n"
    "const C = 10\n"
    "const K int64 = 3\n"
    "\n"
    "func V(a ...int) int                       { return len(a) }\n"
    "func Vs(f string, a ...interface{}) string { return f }\n"
    "func h(a, b int) int                       { return a }\n"
    "\n"
    "func f(x int, y float64, s, t string, b []byte, r rune, p *T, tv T, e E, pe PE,\n"
    "\ti I, ei EI, ea interface{}, ch chan int, cc chan chan int, m map[string]int,\n"
    "\ta [3]int, pa *[4]int, sl []int, ps *string, bo bool, c complex128,\n"
    "\tup unsafe.Pointer, u uintptr, ms Str, mi map[int]int) {\n";

// Names, operators and the parentheses precedence calls for.
static const Case operator_cases[] = {
    {"x", "x", 0},
    {"(x)", "x", 0},
    {"x + 1", "x + 1", 0},
    {"((x + 1))", "x + 1", 0},
    {"x * (x + 1)", "x * (x + 1)", 0},
    {"(x + 1) * x", "(x + 1) * x", 0},
    {"x - (x - 1)", "x - (x - 1)", 0},
    {"x - x - 1", "x - x - 1", 0},
    {"-x * 2", "-x * 2", 0},
    {"-(x * 2)", "-(x * 2)", 0},
    {"(x | 1) ^ 2", "x | 1 ^ 2", 0},
    {"x << 2", "x << 2", 0},
    {"x &^ 1", "x &^ 1", 0},
    {"x % 3", "x % 3", 0},
    {"x != 2", "x != 2", 0},
    {"x > 1 && x < 5 || x == 3", "x > 1 && x < 5 || x == 3", 0},
    {"x == 1 || x == 2 && x == 3", "x == 1 || x == 2 && x == 3", 0},
    {"(x == 1 || x == 2) && x == 3", "(x == 1 || x == 2) && x == 3", 0},
    {"x > 0 == (y > 0)", "x > 0 == (y > 0)", 0},
    {"-x", "-x", 0},
    {"+x", "+x", 0},
    {"^x", "^x", 0},
    {"- -x", "- (-x)", 0},
    {"-(-x)", "- (-x)", 0},
    {"-(^x)", "-(^x)", 0},
    {"!(x > 1)", "!(x > 1)", 0},
    {"!!bo", "! (!bo)", 0},
    {"<-<-cc", "<- (<-cc)", 0},
    {"<-ch", "<-ch", 0},
    {"*&x", "*(&x)", 0},
    {"*p", "*p", 0},
    {"&m == nil", "&m == nil", 0},
    {"float64(x) * 2", "float64(x) * 2", 0},
    {"h(x, 1) + h(2, x)", "h(x, 1) + h(2, x)", 0},
    {"m[s] + x", "m[s] + x", 0},
    {"-len(m)", "-len(m)", 0},
};

// Constants are printed as written (gc keeps their source text).
static const Case constant_cases[] = {
    {"1", "1", 0},
    {"\"foo\"", "\"foo\"", 0},
    {"`raw`", "`raw`", 0},
    {"\"a\\tb\"", "\"a\\tb\"", 0},
    {"'a'", "'a'", 0},
    {"1.5", "1.5", 0},
    {"1.0", "1.0", 0},
    {"07", "07", 0},
    {"1_000", "1_000", 0},
    {"0x10", "0x10", 0},
    {"1e3", "1e3", 0},
    {"2i", "2i", 0},
    {"true", "true", 0},
    {"1 + 2", "1 + 2", 0},
    {"(1 + 2)", "1 + 2", 0},
    {"1 << 3", "1 << 3", 0},
    {"1<<3", "1 << 3", 0},
    {"'a' + 1", "'a' + 1", 0},
    {"\"a\" + \"b\"", "\"a\" + \"b\"", 0},
    {"\"a\" +\n\t\t\"b\"", "\"a\" + \"b\"", 0},
    {"C", "C", 0},
    {"K", "K", 0},
    {"C * 2", "C * 2", 0},
    {"(C + 1) * 2", "(C + 1) * 2", 0},
    {"-C", "-C", 0},
    {"len(\"abc\")", "len(\"abc\")", 0},
    {"int64(5)", "int64(5)", 0},
    {"MV(0)", "MV(0)", 0},
    {"unsafe.Sizeof(x)", "unsafe.Sizeof(x)", 0},
    {"x / (2 * 3)", "x / (2 * 3)", 0},
    {"x / (x * 3)", "x / (x * 3)", 0},
    {"x + (1 + 2)", "x + (1 + 2)", 0},
    {"x + 1 + 2", "x + 1 + 2", 0},
};

// String concatenations are one flat list.
static const Case concat_cases[] = {
    {"s + \"abc\"", "s + \"abc\"", 0},
    {"s + s + s", "s + s + s", 0},
    {"(s + s) + s", "s + s + s", 0},
    {"s + (s + s)", "s + s + s", 0},
    {"s + (\"a\" + \"b\")", "s + \"a\" + \"b\"", 0},
    {"s + t == \"x\"", "(s + t) == \"x\"", 0},
    {"s + t < \"a\"", "(s + t) < \"a\"", 0},
    {"(s + t)[1:]", "(s + t)[1:]", 0},
    {"len(s + t)", "len(s + t)", 0},
    {"*ps + \"a\"", "*ps + \"a\"", 0},
    {"s[1:] + \"a\"", "s[1:] + \"a\"", 0},
    {"ms + \"x\"", "ms + \"x\"", 0},
    {"string(b) + s", "string(b) + s", 0},
};

// Conversions: T(x) when T has a name, (T)(x) otherwise.
static const Case conversion_cases[] = {
    {"string(b)", "string(b)", 0},
    {"string(b[:])", "string(b[:])", 0},
    {"[]byte(s)", "([]byte)(s)", 0},
    {"[]rune(s)", "([]rune)(s)", 0},
    {"[]byte(\"abc\")", "([]byte)(\"abc\")", 0},
    {"string(r)", "string(r)", 0},
    {"string(x)", "string(x)", 0},
    {"IP(b)", "IP(b)", 0},
    {"MV(x)", "MV(x)", 0},
    {"byte(x)", "byte(x)", 0},
    {"rune(x)", "rune(x)", 0},
    {"uint8(x)", "uint8(x)", 0},
    {"int64(x)", "int64(x)", 0},
    {"Str(s)", "Str(s)", 0},
    {"interface{}(x)", "(interface {})(x)", 0},
    {"any(x)", "any(x)", 0},
    {"I(tv)", "I(tv)", 0},
    {"[]int(nil)", "([]int)(nil)", 0},
    {"(*[4]int)(nil)[x]", "(*[4]int)(nil)[x]", 0},
    {"u + uintptr(unsafe.Pointer(p))", "u + uintptr(unsafe.Pointer(p))", 0},
    {"*(*int)(unsafe.Pointer(u))", "*(*int)(unsafe.Pointer(u))", 0},
    {"*(*int)(unsafe.Add(up, 1))", "*(*int)(unsafe.Add(up, 1))", 0},
};

// Selectors: embedded fields written out, implicit & and * invisible.
static const Case selector_cases[] = {
    {"p.x", "p.x", 0},
    {"tv.x", "tv.x", 0},
    {"(*p).x", "(*p).x", 0},
    {"(&tv).x", "(&tv).x", 0},
    {"-(*p).x", "-(*p).x", 0},
    {"new(T).x", "new(T).x", 0},
    {"e.x", "e.T.x", 0},
    {"e.T.x", "e.T.x", 0},
    {"pe.x", "pe.T.x", 0},
    {"tv.M", "tv.M", 0},
    {"p.PM", "p.PM", 0},
    {"tv.PM", "tv.PM", 0},
    {"p.M", "p.M", 0},
    {"e.M", "e.T.M", 0},
    {"e.PM", "e.T.PM", 0},
    {"pe.M", "pe.T.M", 0},
    {"ei.VM", "ei.I.VM", 0},
    {"i.VM", "i.VM", 0},
    {"(&T{}).PM", "(&T{}).PM", 0},
};

// Calls: method calls as method-expression calls, variadic arguments packed.
static const Case call_cases[] = {
    {"tv.M()", "T.M(tv)", 0},
    {"p.M()", "T.M(p)", 0},
    {"tv.PM()", "(*T).PM(tv)", 0},
    {"e.M()", "T.M(e.T)", 0},
    {"pe.M()", "T.M(pe.T)", 0},
    {"e.PM()", "(*T).PM(e.T)", 0},
    {"T{}.M()", "T.M(T{})", 0},
    {"(&T{}).M()", "T.M(&T{})", 0},
    {"(&T{}).PM()", "(*T).PM(&T{})", 0},
    {"new(T).PM()", "(*T).PM(new(T))", 0},
    {"p.VM(1, 2)", "T.VM(p, ... argument...)", 0},
    {"p.VM()", "T.VM(p, nil...)", 0},
    {"p.VM(sl...)", "T.VM(p, sl...)", 0},
    {"i.VM(1)", "i.VM(... argument...)", 0},
    {"ei.VM(1)", "ei.I.VM(... argument...)", 0},
    {"ei.I.VM()", "ei.I.VM(nil...)", 0},
    {"T.M(T{})", "T.M(T{})", 0},
    {"(*T).PM(p)", "(*T).PM(p)", 0},
    {"V(1, 2)", "V(... argument...)", 0},
    {"V()", "V(nil...)", 0},
    {"V(sl...)", "V(sl...)", 0},
    {"Vs(\"x\")", "Vs(\"x\", nil...)", 0},
    {"Vs(\"x\", x, s)", "Vs(\"x\", ... argument...)", 0},
    {"func() int { return 1 }()", "(func literal)()", 0},
    {"func(a int) int { return a }(x)", "(func literal)(x)", 0},
    {"tv.f(x)", "tv.f(x)", 0},
    {"p.f(x)", "p.f(x)", 0},
};

// Literals: composite literals abbreviated, func literals named.
static const Case literal_cases[] = {
    {"func() {}", "func literal", 0},
    {"func() int { return x }", "func literal", 0},
    {"T{}", "T{}", 0},
    {"T{x: 1}", "T{...}", 0},
    {"&T{x: 1}", "&T{...}", 0},
    {"&T{}", "&T{}", 0},
    {"(&T{}).x", "(&T{}).x", 0},
    {"&T{} == p", "(&T{}) == p", 0},
    {"[]int{1}", "[]int{...}", 0},
    {"[]int{}", "[]int{}", 0},
    {"[3]int{}", "[3]int{}", 0},
    {"[...]int{1, 2}", "[2]int{...}", 0},
    {"map[string]int{\"a\": 1}", "map[string]int{...}", 0},
    {"struct{ a int }{1}", "struct { a int }{...}", 0},
    {"struct{}{}", "struct {}{}", 0},
    {"[]*T{{}, {x: 1}}", "[]*T{...}", 0},
    {"[]*T{{}, {x: 1}}", "&T{}", 14},
    {"[]*T{{}, {x: 1}}", "&T{...}", 18},
    {"[]T{{}, {x: 1}}", "[]T{...}", 0},
    {"[2]*T{{}}", "&T{}", 15},
    {"[][]int{{1}, {}}", "[]int{...}", 17},
    {"[][]int{{1}, {}}", "[]int{}", 22},
    {"map[string][]int{\"a\": {1}}", "[]int{...}", 31},
    {"&[]int{1}", "&[]int{...}", 0},
    {"&[]int{1}", "[]int{...}", 15},
    {"&map[int]int{}", "&map[int]int{}", 0},
    {"&struct{}{}", "&struct {}{}", 0},
    {"[1]int{x}[0]", "[1]int{...}[0]", 0},
    {"map[int]int{}[x]", "map[int]int{}[x]", 0},
    {"[]interface{}{x, s}", "[]interface {}{...}", 0},
    {"[]interface{}{x, s}", "x", 23},
    {"[]interface{}{x, s}", "s", 26},
    {"[]interface{}{x + 1, 1 + 2, \"a\"}", "x + 1", 25},
    {"[]interface{}{x + 1, 1 + 2, \"a\"}", "1 + 2", 32},
    {"[]any{x}", "[]any{...}", 0},
    {"[]map[string]*T{}", "[]map[string]*T{}", 0},
    {"[]func(int) string{}", "[]func(int) string{}", 0},
    {"[]chan int{}", "[]chan int{}", 0},
    {"[]<-chan int{}", "[]<-chan int{}", 0},
    {"[]chan<- int{}", "[]chan<- int{}", 0},
    {"[]*[3]int{}", "[]*[3]int{}", 0},
    {"[]error{}", "[]error{}", 0},
    {"[]byte{}", "[]byte{}", 0},
    {"[]uint8{}", "[]uint8{}", 0},
};

// Builtins, indexing, slicing, type assertions.
static const Case builtin_cases[] = {
    {"make([]int, x)", "make([]int, x)", 0},
    {"make([]int, 10)", "make([]int, 10)", 0},
    {"make([]int, 10, 20)", "make([]int, 10, 20)", 0},
    {"make(map[string]int)", "make(map[string]int)", 0},
    {"make(map[string]int, 10)", "make(map[string]int, 10)", 0},
    {"make(map[string]int, x)", "make(map[string]int, x)", 0},
    {"make([]byte, 1 << 30)", "make([]byte, 1 << 30)", 0},
    {"make(map[int]int)[1]", "(make(map[int]int))[1]", 0},
    {"make([]int, 3)[1]", "make([]int, 3)[1]", 0},
    {"len(make(chan int)) + 1", "len(make(chan int)) + 1", 0},
    {"new(int)", "new(int)", 0},
    {"new(T)", "new(T)", 0},
    {"new(*T)", "new(*T)", 0},
    {"new([]int)", "new([]int)", 0},
    {"append(sl, 1)", "append(sl, 1)", 0},
    {"append(sl, sl...)", "append(sl, sl...)", 0},
    {"append(sl, 1, 2)", "append(sl, 1, 2)", 0},
    {"append(b, s...)", "append(b, s...)", 0},
    {"copy(b, s)", "copy(b, s)", 0},
    {"len(s)", "len(s)", 0},
    {"cap(sl)", "cap(sl)", 0},
    {"complex(y, y) * 2", "(complex(y, y)) * 2", 0},
    {"real(c) + 1", "(real(c)) + 1", 0},
    {"real(complex(float64(x), 1))", "real(complex(float64(x), 1))", 0},
    {"sl[1]", "sl[1]", 0},
    {"sl[1:]", "sl[1:]", 0},
    {"sl[:2]", "sl[:2]", 0},
    {"sl[1:2]", "sl[1:2]", 0},
    {"sl[1:2:3]", "sl[1:2:3]", 0},
    {"sl[:]", "sl[:]", 0},
    {"s[1:]", "s[1:]", 0},
    {"s[x]", "s[x]", 0},
    {"b[1:x]", "b[1:x]", 0},
    {"a[1]", "a[1]", 0},
    {"a[x]", "a[x]", 0},
    {"pa[x]", "pa[x]", 0},
    {"(*pa)[x]", "(*pa)[x]", 0},
    {"p.arr[x]", "p.arr[x]", 0},
    {"tv.arr[1:]", "tv.arr[1:]", 0},
    {"m[\"k\"]", "m[\"k\"]", 0},
    {"m[s]", "m[s]", 0},
    {"mi[x]", "mi[x]", 0},
    {"ea.(int)", "ea.(int)", 0},
    {"ea.(T)", "ea.(T)", 0},
};

// The source text of a table: the preamble, then one `sink = EXPR` per case.
static char *table_source(const Case *cases, int n) {
    size_t len = sizeof preamble + 8;
    for (int i = 0; i < n; i++)
        len += strlen(cases[i].expr) + 16;
    char *text = malloc(len);
    char *end = text + sprintf(text, "%s", preamble);
    for (int i = 0; i < n; i++)
        end += sprintf(end, "\tsink = %s\n", cases[i].expr);
    sprintf(end, "}\n");
    return text;
}

static Node *find_func(File *f, const char *name) {
    for (int i = 0; i < f->decls.len; i++) {
        Node *d = f->decls.items[i];
        if (d->kind == N_FUNCDECL && strcmp(d->u.funcdecl.name->u.ident.name->s, name) == 0)
            return d;
    }
    return NULL;
}

static Node *find_at(Node *n, uint32_t line, uint32_t col);

static Node *find_in_list(const NodeList *l, uint32_t line, uint32_t col) {
    for (int i = 0; i < l->len; i++) {
        Node *hit = find_at(l->items[i], line, col);
        if (hit)
            return hit;
    }
    return NULL;
}

// The outermost expression node at line:col, searching operands in order.
static Node *find_at(Node *n, uint32_t line, uint32_t col) {
    if (!n)
        return NULL;
    if (n->pos.line == line && n->pos.col == col && n->kind != N_PAREN && n->kind != N_KEYVALUE)
        return n;
    Node *kids[4] = {0};
    switch (n->kind) {
    case N_COMPOSITE: return find_in_list(&n->u.complit.elts, line, col);
    case N_CALL:
        kids[0] = n->u.call.fun;
        if ((kids[1] = find_at(kids[0], line, col)))
            return kids[1];
        return find_in_list(&n->u.call.args, line, col);
    case N_KEYVALUE: kids[0] = n->u.kv.key; kids[1] = n->u.kv.value; break;
    case N_PAREN: case N_STAR: case N_UNARY: kids[0] = n->u.unary.x; break;
    case N_BINARY: kids[0] = n->u.binary.x; kids[1] = n->u.binary.y; break;
    case N_SELECTOR: kids[0] = n->u.sel.x; break;
    case N_INDEX: kids[0] = n->u.index.x; kids[1] = n->u.index.index; break;
    case N_SLICE:
        kids[0] = n->u.slice.x; kids[1] = n->u.slice.lo;
        kids[2] = n->u.slice.hi; kids[3] = n->u.slice.max;
        break;
    case N_TYPEASSERT: kids[0] = n->u.assert.x; break;
    default: break;
    }
    for (int i = 0; i < 4; i++) {
        Node *hit = find_at(kids[i], line, col);
        if (hit)
            return hit;
    }
    return NULL;
}

// Parses and checks one table's program, then compares every case; all
// mismatches are listed before the test fails.
static void run_table(const Case *cases, int n) {
    Compiler *cc = test_compiler();
    char *text = table_source(cases, n);
    File *file = parse_file(cc, test_source(cc, text));
    check_package(cc, "p", &file, 1);
    if (diag_error_count(cc) > 0) {
        char *diags = test_flush_diags(cc);
        print_error("unexpected errors:\n%s", diags);
        free(diags);
        fail();
    }
    Node *fn = find_func(file, "f");
    assert_non_null(fn);
    const NodeList *body = &fn->u.funcdecl.body->u.block.stmts;
    assert_int_equal(body->len, n);
    int failures = 0;
    for (int i = 0; i < n; i++) {
        Node *stmt = body->items[i];
        assert_int_equal(stmt->kind, N_ASSIGN);
        Node *e = stmt->u.assign.rhs.items[0];
        if (cases[i].col)
            e = find_at(e, stmt->pos.line, (uint32_t)cases[i].col);
        const char *got = e ? expr_string(cc, e) : "(no node at that column)";
        if (strcmp(got, cases[i].want) != 0) {
            print_error("sink = %s [col %d]: got `%s`, gc prints `%s`\n",
                        cases[i].expr, cases[i].col, got, cases[i].want);
            failures++;
        }
    }
    free(text);
    compiler_free(cc);
    assert_int_equal(failures, 0);
}

#define RUN_TABLE(t) run_table(t, (int)(sizeof t / sizeof t[0]))

static void test_operators(void **state) { (void)state; RUN_TABLE(operator_cases); }
static void test_constants(void **state) { (void)state; RUN_TABLE(constant_cases); }
static void test_concat(void **state) { (void)state; RUN_TABLE(concat_cases); }
static void test_conversions(void **state) { (void)state; RUN_TABLE(conversion_cases); }
static void test_selectors(void **state) { (void)state; RUN_TABLE(selector_cases); }
static void test_calls(void **state) { (void)state; RUN_TABLE(call_cases); }
static void test_literals(void **state) { (void)state; RUN_TABLE(literal_cases); }
static void test_builtins(void **state) { (void)state; RUN_TABLE(builtin_cases); }

// Statements as -m=2 explanations name them ("from gp = w (assign)"); the
// texts are what gc printed for this function with -m=2 -l.
static const char statement_source[] =
    "package p\n"
    "\n"
    "var gp *int\n"
    "var sink interface{}\n"
    "\n"
    "func g(p *int, m map[int]*int, ch chan *int, i interface{}, sl []*int) (*int, *int) {\n"
    "\tvar a = p\n"
    "\tvar b, c = a, a\n"
    "\tw, ok := i.(*int)\n"
    "\tf := func() *int { return c }\n"
    "\ts2 := sl[:]\n"
    "\tgp = w\n"
    "\t_, _ = ok, b\n"
    "\tsink = f\n"
    "\tgp = s2[0]\n"
    "\tfor _, e := range m {\n"
    "\t\tgp = e\n"
    "\t}\n"
    "\tch <- p\n"
    "\tvar z int\n"
    "\tgp = &z\n"
    "\tswitch v := i.(type) {\n"
    "\tcase *int:\n"
    "\t\treturn v, nil\n"
    "\t}\n"
    "\treturn nil, p\n"
    "}\n";

static const char *const statement_wants[] = {
    "a = p", NULL, "w, ok := i.(*int)", "f := func literal", "s2 := sl[:]",
    "gp = w", NULL, "sink = f", "gp = s2[0]", "for loop", "ch <- p", NULL,
    "gp = &z", NULL, "return nil, p",
};

static Node *var_spec(Node *declstmt) {
    assert_int_equal(declstmt->kind, N_DECLSTMT);
    return declstmt->u.declstmt.decl->u.gendecl.specs.items[0];
}

static void test_statements(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    File *file = parse_file(cc, test_source(cc, statement_source));
    check_package(cc, "p", &file, 1);
    assert_int_equal(diag_error_count(cc), 0);
    const NodeList *body = &find_func(file, "g")->u.funcdecl.body->u.block.stmts;
    int n = (int)(sizeof statement_wants / sizeof statement_wants[0]);
    assert_int_equal(body->len, n);
    for (int i = 0; i < n; i++)
        if (statement_wants[i])
            assert_string_equal(stmt_string(cc, body->items[i]), statement_wants[i]);

    Node *two = var_spec(body->items[1]);
    assert_string_equal(var_assign_string(cc, two, 0), "b = a");
    assert_string_equal(var_assign_string(cc, two, 1), "c = a");
    assert_string_equal(var_assign_string(cc, two, 2), "");
    assert_string_equal(stmt_string(cc, body->items[1]), "b = a; c = a");
    assert_string_equal(var_assign_string(cc, var_spec(body->items[11]), 0), "z = <nil>");

    Node *sw = body->items[13];
    assert_int_equal(sw->kind, N_TYPESWITCH);
    assert_string_equal(stmt_string(cc, sw), "switch statement");
    assert_string_equal(stmt_string(cc, sw->u.sw.clauses.items[0]), "case *int: return v, nil");
    compiler_free(cc);
}

// Without the checker's annotations the printer still gives the syntax-level
// text, and deep or odd trees never crash it.
static void test_unchecked_and_deep(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Pos pos = {0, 1, 1};
    Node *x = node_new(cc, N_IDENT, pos);
    x->u.ident.name = intern_cstr(cc, "x");
    Node *e = x;
    for (int i = 0; i < 10000; i++) {
        Node *neg = node_new(cc, N_UNARY, pos);
        neg->u.unary.op = T_SUB;
        neg->u.unary.x = e;
        e = neg;
    }
    const char *s = expr_string(cc, e);
    assert_true(strncmp(s, "- (- (-", 7) == 0);

    Node *sum = x;
    for (int i = 0; i < 10000; i++) {
        Node *add = node_new(cc, N_BINARY, pos);
        add->u.binary.op = T_ADD;
        add->u.binary.x = sum;
        add->u.binary.y = x;
        add->type = type_basic(cc, TY_STRING);
        sum = add;
    }
    s = expr_string(cc, sum);
    assert_true(strncmp(s, "x + x + x", 9) == 0);
    assert_int_equal(strlen(s), 10001 * 4 - 3);

    Node *bad = node_new(cc, N_BAD, pos);
    assert_string_equal(expr_string(cc, bad), "<bad expr>");
    assert_string_equal(expr_string(cc, NULL), "<nil>");
    compiler_free(cc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_constants),
        cmocka_unit_test(test_concat),
        cmocka_unit_test(test_conversions),
        cmocka_unit_test(test_selectors),
        cmocka_unit_test(test_calls),
        cmocka_unit_test(test_literals),
        cmocka_unit_test(test_builtins),
        cmocka_unit_test(test_statements),
        cmocka_unit_test(test_unchecked_and_deep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
