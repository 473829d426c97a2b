// test_dot.c - CFG pictures: hand-built Funcs (an if/else diamond, a loop)
// written as DOT into a temporary directory and read back with libcgraph,
// rendered as SVG and scanned, plus the file-name mapping and the errors.
// Each test gets a fresh compiler and an empty directory of its own.
#include "testutil.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dot/dot.h"

typedef struct Fixture {
    Compiler *cc;
    Type *tint, *tbool, *tptr, *tstring;
    Obj *x;
    char dir[64];
} Fixture;

// What the last failing write said ("write PATH: REASON").
static const char *err;

static Pos line(uint32_t n) { return (Pos){0, n, 1}; }
static const Pos noline = {0, 0, 0};

static void remove_dir(const char *dir) {
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[512];
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
            remove_dir(path);
        else
            unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static int setup(void **state) {
    Fixture *fx = calloc(1, sizeof *fx);
    fx->cc = test_compiler();
    fx->tint = type_basic(fx->cc, TY_INT);
    fx->tbool = type_basic(fx->cc, TY_BOOL);
    fx->tstring = type_basic(fx->cc, TY_STRING);
    fx->tptr = type_pointer(fx->cc, fx->tint);
    fx->x = obj_new(fx->cc, OBJ_VAR, intern_cstr(fx->cc, "x"), line(6), fx->tint);
    strcpy(fx->dir, "/tmp/minigc-test-dot-XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    *state = fx;
    return 0;
}

static int teardown(void **state) {
    Fixture *fx = *state;
    remove_dir(fx->dir);
    compiler_free(fx->cc);
    free(fx);
    return 0;
}

static Value *const_int(Block *b, Fixture *fx, int64_t n, uint32_t ln) {
    Value *v = value_new0(b, OpConst64, fx->tint, line(ln));
    v->auxint = n;
    return v;
}

// b1: If -> b2 b3; b2, b3: Plain -> b4; b4: Ret, with x's address in b1.
static Func *diamond(Fixture *fx, const char *name) {
    Func *f = func_new(fx->cc, NULL, name);
    Block *b1 = block_new(f, BlockIf, line(8));
    Block *b2 = block_new(f, BlockPlain, line(9));
    Block *b3 = block_new(f, BlockPlain, line(10));
    Block *b4 = block_new(f, BlockRet, line(12));
    Value *mem = value_new0(b1, OpInitMem, NULL, noline);
    Value *sp = value_new0(b1, OpSP, type_basic(fx->cc, TY_UINTPTR), noline);
    Value *addr = value_new2(b1, OpLocalAddr, fx->tptr, line(7), sp, mem);
    addr->aux = (Aux){.kind = AUX_VAR, .u.var = fx->x};
    Value *cond = value_new0(b1, OpConstBool, fx->tbool, line(8));
    block_set_control(b1, cond);
    Value *one = const_int(b2, fx, 1, 9);
    Value *two = const_int(b3, fx, 2, 10);
    block_add_edge(b1, b2);
    block_add_edge(b1, b3);
    block_add_edge(b2, b4);
    block_add_edge(b3, b4);
    Value *phi = value_new2(b4, OpPhi, fx->tint, line(12), one, two);
    Value *res = value_new2(b4, OpMakeResult, NULL, line(12), phi, mem);
    block_set_control(b4, res);
    assert_null(func_check(f));
    return f;
}

// b1: Plain -> b2; b2: i < 10, If -> b3 b4; b3: i++, Plain -> b2; b4: Ret.
static Func *loop(Fixture *fx, const char *name) {
    Func *f = func_new(fx->cc, NULL, name);
    Block *b1 = block_new(f, BlockPlain, line(3));
    Block *b2 = block_new(f, BlockIf, line(4));
    Block *b3 = block_new(f, BlockPlain, line(5));
    Block *b4 = block_new(f, BlockRet, line(7));
    Value *mem = value_new0(b1, OpInitMem, NULL, noline);
    Value *zero = const_int(b1, fx, 0, 3);
    block_add_edge(b1, b2);
    block_add_edge(b2, b3);
    block_add_edge(b2, b4);
    block_add_edge(b3, b2);
    Value *i = value_new1(b2, OpPhi, fx->tint, line(4), zero);
    Value *ten = const_int(b2, fx, 10, 4);
    block_set_control(b2, value_new2(b2, OpLess64, fx->tbool, line(4), i, ten));
    Value *next = value_new2(b3, OpAdd64, fx->tint, line(5), i, const_int(b3, fx, 1, 5));
    value_add_arg(i, next);
    block_set_control(b4, value_new2(b4, OpMakeResult, NULL, line(7), i, mem));
    assert_null(func_check(f));
    return f;
}

static char *read_file(const char *path) {
    FILE *in = fopen(path, "rb");
    if (!in)
        return NULL;
    fseek(in, 0, SEEK_END);
    long n = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    size_t got = fread(s, 1, (size_t)n, in);
    s[got] = 0;
    fclose(in);
    return s;
}

static char *path_in(Fixture *fx, const char *name) {
    static char buf[512];   // tests run one at a time
    snprintf(buf, sizeof buf, "%s/%s", fx->dir, name);
    return buf;
}

static Agraph_t *read_graph(const char *path) {
    char *text = read_file(path);
    assert_non_null(text);
    Agraph_t *g = agmemread(text);
    free(text);
    assert_non_null(g);
    return g;
}

// The edge tail -> head (the first, if several), or NULL.
static Agedge_t *edge_between(Agraph_t *g, const char *tail, const char *head) {
    Agnode_t *t = agnode(g, (char *)tail, 0), *h = agnode(g, (char *)head, 0);
    if (!t || !h)
        return NULL;
    for (Agedge_t *e = agfstout(g, t); e; e = agnxtout(g, e))
        if (aghead(e) == h)
            return e;
    return NULL;
}

static const char *attr(void *obj, const char *name) {
    const char *v = agget(obj, (char *)name);
    return v ? v : "";
}

static int count_substr(const char *s, const char *sub) {
    int n = 0;
    for (const char *p = s; (p = strstr(p, sub)); p += strlen(sub))
        n++;
    return n;
}

// The names in dir: no ".minigc-*" temporary may be left; returns the count.
static int count_files_no_temps(const char *dir) {
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (strncmp(e->d_name, ".minigc-", 8) == 0)
            fail_msg("temporary file %s left in %s", e->d_name, dir);
        n++;
    }
    closedir(d);
    return n;
}

// ---------------------------------------------------------------------------
// DOT

static void test_diamond_dot(void **state) {
    Fixture *fx = *state;
    Func *f = diamond(fx, "f");
    assert_int_equal(dot_write_cfg(fx->cc, f, "build", fx->dir, false, NULL, &err), 0);
    assert_int_equal(diag_error_count(fx->cc), 0);
    assert_int_equal(count_files_no_temps(fx->dir), 1);

    Agraph_t *g = read_graph(path_in(fx, "f.build.dot"));
    assert_true(agisdirected(g));
    assert_int_equal(agnnodes(g), 4);
    assert_int_equal(agnedges(g), 4);
    assert_non_null(strstr(attr(g, "label"), "f after build"));

    // Labels: the block as the dump prints it, one left-justified line each.
    Agnode_t *b1 = agnode(g, "b1", 0);
    assert_non_null(b1);
    assert_string_equal(attr(b1, "label"),
                        "b1:\\l"
                        "  (?) v1 = InitMem <mem>\\l"
                        "  (?) v2 = SP <uintptr>\\l"
                        "  (7) v3 = LocalAddr <*int> {x} v2 v1\\l"
                        "  (8) v4 = ConstBool <bool> [false]\\l"
                        "If v4 -> b2 b3 (8)\\l");
    Agnode_t *b4 = agnode(g, "b4", 0);
    assert_string_equal(attr(b4, "label"),
                        "b4: <- b2 b3\\l"
                        "  (12) v7 = Phi <int> v5 v6\\l"
                        "  (12) v8 = MakeResult <mem> v7 v1\\l"
                        "Ret v8 (12)\\l");
    assert_string_equal(attr(b4, "style"), "filled");

    // The entry stands out; then/else name If's successors; no loop here.
    assert_string_not_equal(attr(b1, "penwidth"), "");
    assert_string_equal(attr(edge_between(g, "b1", "b2"), "label"), "then");
    assert_string_equal(attr(edge_between(g, "b1", "b3"), "label"), "else");
    assert_string_equal(attr(edge_between(g, "b2", "b4"), "label"), "");
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
            assert_string_not_equal(attr(e, "style"), "dashed");
    agclose(g);
    func_free(f);
}

static void test_loop_back_edge(void **state) {
    Fixture *fx = *state;
    Func *f = loop(fx, "loop");
    assert_int_equal(dot_write_cfg(fx->cc, f, "build", fx->dir, false, NULL, &err), 0);
    Agraph_t *g = read_graph(path_in(fx, "loop.build.dot"));
    assert_int_equal(agnnodes(g), 4);
    assert_int_equal(agnedges(g), 4);
    Agedge_t *back = edge_between(g, "b3", "b2");
    assert_non_null(back);
    assert_string_equal(attr(back, "style"), "dashed");
    assert_string_equal(attr(back, "constraint"), "false");
    assert_string_not_equal(attr(back, "color"), "");
    // The other edges are ordinary, and the loop test's edges are named.
    const char *forward[][2] = {{"b1", "b2"}, {"b2", "b3"}, {"b2", "b4"}};
    for (int i = 0; i < 3; i++) {
        Agedge_t *e = edge_between(g, forward[i][0], forward[i][1]);
        assert_non_null(e);
        assert_string_not_equal(attr(e, "style"), "dashed");
        assert_string_not_equal(attr(e, "constraint"), "false");
    }
    assert_string_equal(attr(edge_between(g, "b2", "b3"), "label"), "then");
    assert_string_equal(attr(edge_between(g, "b2", "b4"), "label"), "else");
    agclose(g);
    func_free(f);
}

// A self-loop is a back edge too, and an If whose arms meet at once keeps both edges.
static void test_self_loop_and_double_edge(void **state) {
    Fixture *fx = *state;
    Func *f = func_new(fx->cc, NULL, "spin");
    Block *b1 = block_new(f, BlockIf, line(2));
    Block *b2 = block_new(f, BlockPlain, line(3));
    Block *b3 = block_new(f, BlockRet, line(4));
    Value *mem = value_new0(b1, OpInitMem, NULL, noline);
    block_set_control(b1, value_new0(b1, OpConstBool, fx->tbool, line(2)));
    block_add_edge(b1, b3);
    block_add_edge(b1, b3);
    block_add_edge(b2, b2);     // unreachable, spinning on itself
    block_set_control(b3, value_new1(b3, OpMakeResult, NULL, line(4), mem));
    assert_int_equal(dot_write_cfg(fx->cc, f, NULL, fx->dir, false, NULL, &err), 0);
    Agraph_t *g = read_graph(path_in(fx, "spin.dot"));
    assert_int_equal(agnedges(g), 3);
    Agedge_t *self = edge_between(g, "b2", "b2");
    assert_non_null(self);
    assert_string_equal(attr(self, "style"), "dashed");
    // The unreachable block is drawn, greyed.
    assert_string_equal(attr(agnode(g, "b2", 0), "style"), "dashed");
    int then = 0, els = 0;
    for (Agedge_t *e = agfstout(g, agnode(g, "b1", 0)); e; e = agnxtout(g, e)) {
        then += strcmp(attr(e, "label"), "then") == 0;
        els += strcmp(attr(e, "label"), "else") == 0;
    }
    assert_int_equal(then, 1);
    assert_int_equal(els, 1);
    agclose(g);
    func_free(f);
}

// Text that is markup in DOT or HTML, or not UTF-8, stays text.
static Func *awkward(Fixture *fx) {
    Func *f = func_new(fx->cc, NULL, "(*T).M");
    Block *b = block_new(f, BlockRet, line(2));
    Value *mem = value_new0(b, OpInitMem, NULL, noline);
    Value *s = value_new0(b, OpConstString, fx->tstring, line(2));
    static const char text[] = "<b>&\"'{x}|\\l]\xff\xc3\xa9";
    s->aux = (Aux){.kind = AUX_STRING, .u.str = {text, sizeof text - 1}};
    block_set_control(b, value_new2(b, OpMakeResult, NULL, line(2), s, mem));
    return f;
}

static void test_label_escaping_dot(void **state) {
    Fixture *fx = *state;
    Func *f = awkward(fx);
    assert_int_equal(dot_write_cfg(fx->cc, f, "build", fx->dir, false, NULL, &err), 0);
    Agraph_t *g = read_graph(path_in(fx, "ptr_T.M.build.dot"));
    assert_string_equal(agnameof(g), "(*T).M");
    // Backslashes doubled, '&' as an entity, a stray byte as text; the rest as is.
    const char *l = attr(agnode(g, "b1", 0), "label");
    assert_non_null(strstr(l, "{\"<b>&amp;\\\\\"'{x}|\\\\\\\\l]\\\\xff\xc3\xa9\"}\\l"));
    agclose(g);
    func_free(f);
}

// ---------------------------------------------------------------------------
// SVG

static void check_svg(Fixture *fx, const char *name, int nblocks) {
    char *svg = read_file(path_in(fx, name));
    assert_non_null(svg);
    assert_true(strncmp(svg, "<?xml", 5) == 0 || strncmp(svg, "<svg", 4) == 0);
    assert_non_null(strstr(svg, "</svg>"));
    assert_int_equal(count_substr(svg, "class=\"node\""), nblocks);
    free(svg);
}

static void test_svg(void **state) {
    Fixture *fx = *state;
    Func *d = diamond(fx, "f");
    Func *l = loop(fx, "f.func1");
    assert_int_equal(dot_write_cfg(fx->cc, d, "build", fx->dir, true, NULL, &err), 0);
    assert_int_equal(dot_write_cfg(fx->cc, l, "build", fx->dir, true, NULL, &err), 0);
    assert_int_equal(diag_error_count(fx->cc), 0);
    check_svg(fx, "f.build.svg", 4);
    check_svg(fx, "f.func1.build.svg", 4);
    char *svg = read_file(path_in(fx, "f.build.svg"));
    assert_non_null(strstr(svg, "LocalAddr &lt;*int&gt; {x}"));
    free(svg);
    // The back edge is drawn dashed.
    svg = read_file(path_in(fx, "f.func1.build.svg"));
    assert_non_null(strstr(svg, "stroke-dasharray"));
    free(svg);
    assert_int_equal(count_files_no_temps(fx->dir), 2);
    func_free(d);
    func_free(l);
}

static void test_svg_escaping(void **state) {
    Fixture *fx = *state;
    Func *f = awkward(fx);
    assert_int_equal(dot_write_cfg(fx->cc, f, "late", fx->dir, true, NULL, &err), 0);
    check_svg(fx, "ptr_T.M.late.svg", 1);
    char *svg = read_file(path_in(fx, "ptr_T.M.late.svg"));
    assert_non_null(strstr(svg, "&lt;b&gt;&amp;\\"));
    assert_null(strstr(svg, "<b>"));
    assert_non_null(strstr(svg, "|\\\\l]\\xff\xc3\xa9"));
    free(svg);
    func_free(f);
}

// Bytes XML does not accept become visible \xhh text: a surrogate, overlong
// forms, code points above U+10FFFF, U+FFFE and U+FFFF, control bytes;
// valid UTF-8 (also 4-byte) stays as it is.
static void test_escape_bytes(void **state) {
    Fixture *fx = *state;
    static const struct { const char *in, *out; } cases[] = {
        {"a\xed\xa0\x80" "b", "a\\\\xed\\\\xa0\\\\x80b"},
        {"\xc0\xaf", "\\\\xc0\\\\xaf"},
        {"\xe0\x80\xaf", "\\\\xe0\\\\x80\\\\xaf"},
        {"\xf0\x80\x80\xaf", "\\\\xf0\\\\x80\\\\x80\\\\xaf"},
        {"\xf4\x90\x80\x80", "\\\\xf4\\\\x90\\\\x80\\\\x80"},
        {"\xef\xbf\xbe\xef\xbf\xbf", "\\\\xef\\\\xbf\\\\xbe\\\\xef\\\\xbf\\\\xbf"},
        {"\x01\x7f", "\\\\x01\\\\x7f"},
        {"\xf0\x9f\x98\x80 \xe2\x82\xac \xef\xbf\xbd", "\xf0\x9f\x98\x80 \xe2\x82\xac \xef\xbf\xbd"},
        {"<&>", "<&amp;>"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        DotBuf b;
        dotbuf_init(&b, &fx->cc->arena);
        dotbuf_escape(&b, cases[i].in, (size_t)-1);
        assert_string_equal(b.s, cases[i].out);
    }
}

// Writing again replaces the picture whole; an empty function is a picture too.
static void test_rewrite_and_empty(void **state) {
    Fixture *fx = *state;
    char sub[128];
    snprintf(sub, sizeof sub, "%s/a/b", fx->dir);     // made on demand
    Func *f = diamond(fx, "main");
    Func *empty = func_new(fx->cc, NULL, "main");
    assert_int_equal(dot_write_cfg(fx->cc, f, "build", sub, false, NULL, &err), 0);
    assert_int_equal(dot_write_cfg(fx->cc, empty, "build", sub, false, NULL, &err), 0);
    assert_int_equal(count_files_no_temps(sub), 1);
    char path[256];
    snprintf(path, sizeof path, "%s/main.build.dot", sub);
    Agraph_t *g = read_graph(path);
    assert_int_equal(agnnodes(g), 0);
    agclose(g);
    func_free(f);
    func_free(empty);
}

static void test_write_errors(void **state) {
    Fixture *fx = *state;
    Func *f = diamond(fx, "f");
    // The directory is a regular file.
    char *file = strdup(path_in(fx, "plain"));
    FILE *out = fopen(file, "w");
    fclose(out);
    assert_int_equal(dot_write_cfg(fx->cc, f, "build", file, false, NULL, &err), -1);
    assert_int_equal(diag_error_count(fx->cc), 0);
    assert_non_null(err);
    assert_non_null(strstr(err, "create directory"));
    assert_non_null(strstr(err, file));
    assert_non_null(strstr(err, "Not a directory"));
    char dir[256];
    // The target is a directory: rename fails, nothing is left behind.
    snprintf(dir, sizeof dir, "%s/f.build.dot", fx->dir);
    assert_int_equal(mkdir(dir, 0777), 0);
    err = NULL;
    assert_int_equal(dot_write_cfg(fx->cc, f, "build", fx->dir, false, NULL, &err), -1);
    assert_non_null(err);
    assert_non_null(strncmp(err, "write ", 6) == 0 ? err : NULL);
    assert_non_null(strstr(err, "f.build.dot: Is a directory"));
    assert_int_equal(count_files_no_temps(fx->dir), 2);
    rmdir(dir);
    unlink(file);
    free(file);
    func_free(f);
}

// ---------------------------------------------------------------------------
// File names

static void test_file_names(void **state) {
    Fixture *fx = *state;
    Arena *a = &fx->cc->arena;
    assert_string_equal(dot_file_name(a, "main", "build", "dot"), "main.build.dot");
    assert_string_equal(dot_file_name(a, "(*T).M", "build", "dot"), "ptr_T.M.build.dot");
    assert_string_equal(dot_file_name(a, "(*T).M.func1", "escape", "svg"), "ptr_T.M.func1.escape.svg");
    assert_string_equal(dot_file_name(a, "T.M", "build", "dot"), "T.M.build.dot");
    assert_string_equal(dot_file_name(a, "f.func1", "build", "svg"), "f.func1.build.svg");
    assert_string_equal(dot_file_name(a, "a/b", "build", "dot"), "a_2fb.build.dot");
    assert_string_equal(dot_file_name(a, "my_f", NULL, "dot"), "my__f.dot");
    assert_string_equal(dot_file_name(a, "ptr_T.M", NULL, "dot"), "ptr__T.M.dot");
    assert_string_equal(dot_file_name(a, "(*_x).M", NULL, "dot"), "ptr___x.M.dot");
    assert_string_equal(dot_file_name(a, "", "build", "dot"), "_e.build.dot");
    assert_string_equal(dot_file_name(a, "..", NULL, "dot"), "_2e..dot");
    assert_string_equal(dot_file_name(a, "-x", NULL, "dot"), "_2dx.dot");
    assert_string_equal(dot_file_name(a, "f", "dead.code", "dot"), "f.dead_2ecode.dot");
    assert_string_equal(dot_file_name(a, "\xc3\xa9t\xc3\xa9", NULL, "dot"), "\xc3\xa9t\xc3\xa9.dot");
    assert_string_equal(dot_file_name(a, "(*T)", NULL, "dot"), "_28_2aT_29.dot");
    assert_string_equal(dot_file_name(a, "(*1).M", NULL, "dot"), "_28_2a1_29.M.dot");
    // Distinct names stay distinct where a careless mapping would merge them.
    const char *names[] = {"(*T).M", "ptr_T.M", "T.M", "(*T)M", "T_M", "T__M", "a/b", "a_2fb", "a:b"};
    int n = (int)(sizeof names / sizeof names[0]);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            assert_string_not_equal(dot_file_name(a, names[i], "p", "dot"), dot_file_name(a, names[j], "p", "dot"));
}

static void test_long_file_names(void **state) {
    Fixture *fx = *state;
    Arena *a = &fx->cc->arena;
    char name[1200];
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = 0;
    const char *x = dot_file_name(a, name, "build", "svg");
    assert_true(strlen(x) <= 250);
    assert_non_null(strstr(x, "_z"));
    assert_true(strcmp(x + strlen(x) - 10, ".build.svg") == 0);
    // Another long name with the same start gets another file.
    name[1000] = 'b';
    assert_string_not_equal(dot_file_name(a, name, "build", "svg"), x);
    // Escapes and UTF-8 are not cut in half.
    for (size_t i = 0; i + 2 < sizeof name; i += 2)
        memcpy(name + i, "\xc3\xa9", 2);
    name[sizeof name - 2] = 0;
    x = dot_file_name(a, name, NULL, "dot");
    assert_true(strlen(x) <= 250);
    const char *z = strstr(x, "_z");
    assert_non_null(z);
    assert_int_equal((z - x) % 2, 0);
    for (size_t i = 0; i + 1 < sizeof name; i++)
        name[i] = '/';
    x = dot_file_name(a, name, NULL, "dot");
    z = strstr(x, "_z");
    assert_non_null(z);
    assert_int_equal((z - x) % 3, 0);
    assert_null(strchr(x, '/'));
    // A real directory accepts it.
    Func *f = diamond(fx, name);
    assert_int_equal(dot_write_cfg(fx->cc, f, "build", fx->dir, true, NULL, &err), 0);
    func_free(f);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_diamond_dot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_loop_back_edge, setup, teardown),
        cmocka_unit_test_setup_teardown(test_self_loop_and_double_edge, setup, teardown),
        cmocka_unit_test_setup_teardown(test_label_escaping_dot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_svg, setup, teardown),
        cmocka_unit_test_setup_teardown(test_svg_escaping, setup, teardown),
        cmocka_unit_test_setup_teardown(test_escape_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rewrite_and_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_file_names, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
