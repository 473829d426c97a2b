// test_parse.c - the parser: the shape and positions of every construct,
// gc's syntax errors, generics, nesting limits and garbage input.
//
// Shapes are checked by printing the tree (ast_print_node) and comparing the
// text. Expressions are parsed as `var _ = EXPR` on line 2, statements as the
// body of `func f() {` starting on line 3. The positions are gc's (checked
// against go tool compile -m of Go 1.19 where gc reports there), and so are
// the expected syntax errors, which are go tool compile's output verbatim.
#include "testutil.h"

#include <dirent.h>

static char *print_node(const Node *n) {
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    ast_print_node(out, n, 0);
    fclose(out);
    return buf;
}

static char *print_file(const File *f) {
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    ast_print_file(out, f);
    fclose(out);
    return buf;
}

static File *parse(Compiler *cc, const char *src) { return parse_file(cc, test_source(cc, src)); }

static void expect_no_errors(Compiler *cc) {
    char *diags = test_flush_diags(cc);
    assert_string_equal(diags, "");
    free(diags);
}

typedef struct Case {
    const char *src;
    const char *want;
} Case;

// ---------------------------------------------------------------------------
// Expressions

static const Case expr_cases[] = {
    {"a + b*c - d",
     "(binary - @2:17\n"
     "  (binary + @2:11\n"
     "    (ident a @2:9)\n"
     "    (binary * @2:14\n"
     "      (ident b @2:13)\n"
     "      (ident c @2:15)))\n"
     "  (ident d @2:19))\n"},
    {"a || b && c == d",
     "(binary || @2:11\n"
     "  (ident a @2:9)\n"
     "  (binary && @2:16\n"
     "    (ident b @2:14)\n"
     "    (binary == @2:21\n"
     "      (ident c @2:19)\n"
     "      (ident d @2:24))))\n"},
    {"x << 1 &^ y | z ^ w",
     "(binary ^ @2:25\n"
     "  (binary | @2:21\n"
     "    (binary &^ @2:16\n"
     "      (binary << @2:11\n"
     "        (ident x @2:9)\n"
     "        (lit INT 1 @2:14))\n"
     "      (ident y @2:19))\n"
     "    (ident z @2:23))\n"
     "  (ident w @2:27))\n"},
    {"-x + !y - ^z + *p + &v + <-ch",
     "(binary + @2:32\n"
     "  (binary + @2:27\n"
     "    (binary + @2:22\n"
     "      (binary - @2:17\n"
     "        (binary + @2:12\n"
     "          (unary - @2:9\n"
     "            (ident x @2:10))\n"
     "          (unary ! @2:14\n"
     "            (ident y @2:15)))\n"
     "        (unary ^ @2:19\n"
     "          (ident z @2:20)))\n"
     "      (star @2:24\n"
     "        (ident p @2:25)))\n"
     "    (unary & @2:29\n"
     "      (ident v @2:30)))\n"
     "  (unary <- @2:34\n"
     "    (ident ch @2:36)))\n"},
    {"&T{1, 2}",
     "(unary & @2:9\n"
     "  (composite @2:11 rbrace@2:16\n"
     "    (ident T @2:10)\n"
     "    (lit INT 1 @2:12)\n"
     "    (lit INT 2 @2:15)))\n"},
    {"&(T{})",
     "(unary & @2:9\n"
     "  (composite @2:12 rbrace@2:13\n"
     "    (ident T @2:11)))\n"},
    {"[]int{1, 2, 3}",
     "(composite @2:14 rbrace@2:22\n"
     "  (arraytype @2:9\n"
     "    nil\n"
     "    (ident int @2:11))\n"
     "  (lit INT 1 @2:15)\n"
     "  (lit INT 2 @2:18)\n"
     "  (lit INT 3 @2:21))\n"},
    {"map[string]int{\"a\": 1, \"b\": 2}",
     "(composite @2:23 rbrace@2:38\n"
     "  (maptype @2:9\n"
     "    (ident string @2:13)\n"
     "    (ident int @2:20))\n"
     "  (keyvalue @2:27\n"
     "    (lit STRING \"a\" @2:24)\n"
     "    (lit INT 1 @2:29))\n"
     "  (keyvalue @2:35\n"
     "    (lit STRING \"b\" @2:32)\n"
     "    (lit INT 2 @2:37)))\n"},
    {"[...]T{{1, 2}, {3}}",
     "(composite @2:15 rbrace@2:27\n"
     "  (arraytype @2:9\n"
     "    (ellipsis @2:10)\n"
     "    (ident T @2:14))\n"
     "  (composite @2:16 rbrace@2:21\n"
     "    nil\n"
     "    (lit INT 1 @2:17)\n"
     "    (lit INT 2 @2:20))\n"
     "  (composite @2:24 rbrace@2:26\n"
     "    nil\n"
     "    (lit INT 3 @2:25)))\n"},
    {"struct{ a, b int }{1, 2}",
     "(composite @2:27 rbrace@2:32\n"
     "  (structtype @2:9 rbrace@2:26\n"
     "    (field @2:17\n"
     "      (ident a @2:17)\n"
     "      (ident b @2:20)\n"
     "      (ident int @2:22)))\n"
     "  (lit INT 1 @2:28)\n"
     "  (lit INT 2 @2:31))\n"},
    {"T{x: 1, y: {2}}",
     "(composite @2:10 rbrace@2:23\n"
     "  (ident T @2:9)\n"
     "  (keyvalue @2:12\n"
     "    (ident x @2:11)\n"
     "    (lit INT 1 @2:14))\n"
     "  (keyvalue @2:18\n"
     "    (ident y @2:17)\n"
     "    (composite @2:20 rbrace@2:22\n"
     "      nil\n"
     "      (lit INT 2 @2:21))))\n"},
    {"p.q.r",
     "(selector r @2:12 name@2:13\n"
     "  (selector q @2:10 name@2:11\n"
     "    (ident p @2:9)))\n"},
    {"(*T).M",
     "(selector M @2:13 name@2:14\n"
     "  (paren @2:9\n"
     "    (star @2:10\n"
     "      (ident T @2:11))))\n"},
    {"(*T)(x)",
     "(call @2:13 rparen@2:15\n"
     "  (paren @2:9\n"
     "    (star @2:10\n"
     "      (ident T @2:11)))\n"
     "  (ident x @2:14))\n"},
    {"[]byte(\"s\")",
     "(call @2:15 rparen@2:19\n"
     "  (arraytype @2:9\n"
     "    nil\n"
     "    (ident byte @2:11))\n"
     "  (lit STRING \"s\" @2:16))\n"},
    {"f(a, b...)",
     "(call ... @2:10 rparen@2:18\n"
     "  (ident f @2:9)\n"
     "  (ident a @2:11)\n"
     "  (ident b @2:14))\n"},
    {"f(int, x)",
     "(call @2:10 rparen@2:17\n"
     "  (ident f @2:9)\n"
     "  (ident int @2:11)\n"
     "  (ident x @2:16))\n"},
    {"g()()",
     "(call @2:12 rparen@2:13\n"
     "  (call @2:10 rparen@2:11\n"
     "    (ident g @2:9)))\n"},
    {"x.(T)",
     "(typeassert @2:10\n"
     "  (ident x @2:9)\n"
     "  (ident T @2:12))\n"},
    {"x.(*pkg.T)",
     "(typeassert @2:10\n"
     "  (ident x @2:9)\n"
     "  (star @2:12\n"
     "    (selector T @2:16 name@2:17\n"
     "      (ident pkg @2:13))))\n"},
    {"a[i]",
     "(index @2:10\n"
     "  (ident a @2:9)\n"
     "  (ident i @2:11))\n"},
    {"a[i:j]",
     "(slice @2:10\n"
     "  (ident a @2:9)\n"
     "  (ident i @2:11)\n"
     "  (ident j @2:13))\n"},
    {"a[:j:k]",
     "(slice full @2:10\n"
     "  (ident a @2:9)\n"
     "  nil\n"
     "  (ident j @2:12)\n"
     "  (ident k @2:14))\n"},
    {"a[:]",
     "(slice @2:10\n"
     "  (ident a @2:9)\n"
     "  nil\n"
     "  nil)\n"},
    {"func(x int) int { return x }",
     "(funclit @2:9\n"
     "  (functype @2:13\n"
     "    (params\n"
     "      (field @2:14\n"
     "        (ident x @2:14)\n"
     "        (ident int @2:16)))\n"
     "    (results\n"
     "      (field @2:21\n"
     "        (ident int @2:21))))\n"
     "  (block @2:25 rbrace@2:36\n"
     "    (return @2:27\n"
     "      (ident x @2:34))))\n"},
    {"func(a, b int, c ...string) (r int, err error) {}",
     "(funclit @2:9\n"
     "  (functype @2:13\n"
     "    (params\n"
     "      (field @2:14\n"
     "        (ident a @2:14)\n"
     "        (ident b @2:17)\n"
     "        (ident int @2:19))\n"
     "      (field @2:24\n"
     "        (ident c @2:24)\n"
     "        (ellipsis @2:26\n"
     "          (ident string @2:29))))\n"
     "    (results\n"
     "      (field @2:38\n"
     "        (ident r @2:38)\n"
     "        (ident int @2:40))\n"
     "      (field @2:45\n"
     "        (ident err @2:45)\n"
     "        (ident error @2:49))))\n"
     "  (block @2:56 rbrace@2:57))\n"},
    {"x.y[z](w).v",
     "(selector v @2:18 name@2:19\n"
     "  (call @2:15 rparen@2:17\n"
     "    (index @2:12\n"
     "      (selector y @2:10 name@2:11\n"
     "        (ident x @2:9))\n"
     "      (ident z @2:13))\n"
     "    (ident w @2:16)))\n"},
    {"<-chan int(nil)",
     "(unary <- @2:9\n"
     "  (call @2:19 rparen@2:23\n"
     "    (chantype chan @2:11\n"
     "      (ident int @2:16))\n"
     "    (ident nil @2:20)))\n"},
    {"chan<- int(c)",
     "(call @2:19 rparen@2:21\n"
     "  (chantype chan<- @2:9\n"
     "    (ident int @2:16))\n"
     "  (ident c @2:20))\n"},
    {"(<-chan int)(c)",
     "(call @2:21 rparen@2:23\n"
     "  (paren @2:9\n"
     "    (chantype <-chan @2:12\n"
     "      (ident int @2:17)))\n"
     "  (ident c @2:22))\n"},
    {"interface{}(nil)",
     "(call @2:20 rparen@2:24\n"
     "  (interfacetype @2:9 rbrace@2:19)\n"
     "  (ident nil @2:21))\n"},
    {"map[K]V(nil)",
     "(call @2:16 rparen@2:20\n"
     "  (maptype @2:9\n"
     "    (ident K @2:13)\n"
     "    (ident V @2:15))\n"
     "  (ident nil @2:17))\n"},
    {"f(a)(b)",
     "(call @2:13 rparen@2:15\n"
     "  (call @2:10 rparen@2:12\n"
     "    (ident f @2:9)\n"
     "    (ident a @2:11))\n"
     "  (ident b @2:14))\n"},
    {"'a' + 1.5 + 2i + 0x1F + \"s\" + `r`",
     "(binary + @2:37\n"
     "  (binary + @2:31\n"
     "    (binary + @2:24\n"
     "      (binary + @2:19\n"
     "        (binary + @2:13\n"
     "          (lit CHAR 'a' @2:9)\n"
     "          (lit FLOAT 1.5 @2:15))\n"
     "        (lit IMAG 2i @2:21))\n"
     "      (lit INT 0x1F @2:26))\n"
     "    (lit STRING \"s\" @2:33))\n"
     "  (lit STRING `r` @2:39))\n"},
};

static Node *expr_of(File *f) {
    assert_true(f->decls.len >= 1);
    Node *spec = f->decls.items[0]->u.gendecl.specs.items[0];
    assert_int_equal(spec->u.valspec.values.len, 1);
    return spec->u.valspec.values.items[0];
}

static void test_expressions(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof expr_cases / sizeof expr_cases[0]; i++) {
        Compiler *cc = test_compiler();
        char *src = arena_sprintf(&cc->arena, "package p\nvar _ = %s\n", expr_cases[i].src);
        char *got = print_node(expr_of(parse(cc, src)));
        if (strcmp(got, expr_cases[i].want) != 0)
            print_error("expression: %s\n", expr_cases[i].src);
        assert_string_equal(got, expr_cases[i].want);
        expect_no_errors(cc);
        free(got);
        compiler_free(cc);
    }
}

// ---------------------------------------------------------------------------
// Statements

static const Case stmt_cases[] = {
    {"x := 1",
     "(assign := @3:3\n"
     "  (lhs\n"
     "    (ident x @3:1))\n"
     "  (rhs\n"
     "    (lit INT 1 @3:6)))\n"},
    {"a, b = b, a",
     "(assign = @3:6\n"
     "  (lhs\n"
     "    (ident a @3:1)\n"
     "    (ident b @3:4))\n"
     "  (rhs\n"
     "    (ident b @3:8)\n"
     "    (ident a @3:11)))\n"},
    {"x += 2",
     "(assign += @3:3\n"
     "  (lhs\n"
     "    (ident x @3:1))\n"
     "  (rhs\n"
     "    (lit INT 2 @3:6)))\n"},
    {"x++",
     "(incdec ++ @3:2\n"
     "  (ident x @3:1))\n"},
    {"ch <- v",
     "(send @3:4\n"
     "  (ident ch @3:1)\n"
     "  (ident v @3:7))\n"},
    {"f(x)",
     "(exprstmt @3:2\n"
     "  (call @3:2 rparen@3:4\n"
     "    (ident f @3:1)\n"
     "    (ident x @3:3)))\n"},
    {"go f(x)",
     "(go @3:1\n"
     "  (call @3:5 rparen@3:7\n"
     "    (ident f @3:4)\n"
     "    (ident x @3:6)))\n"},
    {"defer func() {}()",
     "(defer @3:1\n"
     "  (call @3:16 rparen@3:17\n"
     "    (funclit @3:7\n"
     "      (functype @3:11\n"
     "        (params)\n"
     "        (results))\n"
     "      (block @3:14 rbrace@3:15))))\n"},
    {"return",
     "(return @3:1)\n"},
    {"return a, b",
     "(return @3:1\n"
     "  (ident a @3:8)\n"
     "  (ident b @3:11))\n"},
    {"var x, y int = 1, 2",
     "(declstmt @3:1\n"
     "  (gendecl var @3:1\n"
     "    (valuespec iota=0 @3:5\n"
     "      (names\n"
     "        (ident x @3:5)\n"
     "        (ident y @3:8))\n"
     "      (ident int @3:10)\n"
     "      (values\n"
     "        (lit INT 1 @3:16)\n"
     "        (lit INT 2 @3:19)))))\n"},
    {"const c = iota",
     "(declstmt @3:1\n"
     "  (gendecl const @3:1\n"
     "    (valuespec iota=0 @3:7\n"
     "      (names\n"
     "        (ident c @3:7))\n"
     "      nil\n"
     "      (values\n"
     "        (ident iota @3:11)))))\n"},
    {"type T struct{}",
     "(declstmt @3:1\n"
     "  (gendecl type @3:1\n"
     "    (typespec @3:6\n"
     "      (ident T @3:6)\n"
     "      (structtype @3:8 rbrace@3:15))))\n"},
    {"L: for { break L }",
     "(labeled @3:2\n"
     "  (ident L @3:1)\n"
     "  (for @3:4\n"
     "    nil\n"
     "    nil\n"
     "    nil\n"
     "    (block @3:8 rbrace@3:18\n"
     "      (branch break L @3:10))))\n"},
    {"goto L",
     "(branch goto L @3:1)\n"},
    {"if x := f(); x > 0 { } else if y { } else { }",
     "(if @3:1\n"
     "  (assign := @3:6\n"
     "    (lhs\n"
     "      (ident x @3:4))\n"
     "    (rhs\n"
     "      (call @3:10 rparen@3:11\n"
     "        (ident f @3:9))))\n"
     "  (binary > @3:16\n"
     "    (ident x @3:14)\n"
     "    (lit INT 0 @3:18))\n"
     "  (block @3:20 rbrace@3:22)\n"
     "  (if @3:29\n"
     "    nil\n"
     "    (ident y @3:32)\n"
     "    (block @3:34 rbrace@3:36)\n"
     "    (block @3:43 rbrace@3:45)))\n"},
    {"for i := 0; i < n; i++ { continue }",
     "(for @3:1\n"
     "  (assign := @3:7\n"
     "    (lhs\n"
     "      (ident i @3:5))\n"
     "    (rhs\n"
     "      (lit INT 0 @3:10)))\n"
     "  (binary < @3:15\n"
     "    (ident i @3:13)\n"
     "    (ident n @3:17))\n"
     "  (incdec ++ @3:21\n"
     "    (ident i @3:20))\n"
     "  (block @3:24 rbrace@3:35\n"
     "    (branch continue @3:26)))\n"},
    {"for cond { }",
     "(for @3:1\n"
     "  nil\n"
     "  (ident cond @3:5)\n"
     "  nil\n"
     "  (block @3:10 rbrace@3:12))\n"},
    {"for { }",
     "(for @3:1\n"
     "  nil\n"
     "  nil\n"
     "  nil\n"
     "  (block @3:5 rbrace@3:7))\n"},
    {"for k, v := range m { }",
     "(range := @3:13\n"
     "  (ident k @3:5)\n"
     "  (ident v @3:8)\n"
     "  (ident m @3:19)\n"
     "  (block @3:21 rbrace@3:23))\n"},
    {"for a, b, c := range x { }",
     "(range := @3:16\n"
     "  (ident a @3:5)\n"
     "  (ident b @3:8)\n"
     "  (ident c @3:11)\n"
     "  (ident x @3:22)\n"
     "  (block @3:24 rbrace@3:26))\n"},
    {"for range ch { }",
     "(range @3:5\n"
     "  nil\n"
     "  nil\n"
     "  (ident ch @3:11)\n"
     "  (block @3:14 rbrace@3:16))\n"},
    {"for k = range s { }",
     "(range = @3:9\n"
     "  (ident k @3:5)\n"
     "  nil\n"
     "  (ident s @3:15)\n"
     "  (block @3:17 rbrace@3:19))\n"},
    {"switch x := f(); x { case 1, 2: fallthrough \ncase 3: \ndefault: }",
     "(switch @3:1 rbrace@5:10\n"
     "  (assign := @3:10\n"
     "    (lhs\n"
     "      (ident x @3:8))\n"
     "    (rhs\n"
     "      (call @3:14 rparen@3:15\n"
     "        (ident f @3:13))))\n"
     "  (ident x @3:18)\n"
     "  (case @3:22 colon@3:31\n"
     "    (list\n"
     "      (lit INT 1 @3:27)\n"
     "      (lit INT 2 @3:30))\n"
     "    (branch fallthrough @3:33))\n"
     "  (case @4:1 colon@4:7\n"
     "    (list\n"
     "      (lit INT 3 @4:6)))\n"
     "  (case default @5:1 colon@5:8\n"
     "    (list)))\n"},
    {"switch { }",
     "(switch @3:1 rbrace@3:10\n"
     "  nil\n"
     "  nil)\n"},
    {"switch v := x.(type) { case int, *T: case nil: }",
     "(typeswitch @3:1 rbrace@3:48\n"
     "  nil\n"
     "  (ident v @3:8)\n"
     "  (ident x @3:13)\n"
     "  (case @3:24 colon@3:36\n"
     "    (list\n"
     "      (ident int @3:29)\n"
     "      (star @3:34\n"
     "        (ident T @3:35))))\n"
     "  (case @3:38 colon@3:46\n"
     "    (list\n"
     "      (ident nil @3:43))))\n"},
    {"switch x.(type) { }",
     "(typeswitch @3:1 rbrace@3:19\n"
     "  nil\n"
     "  nil\n"
     "  (ident x @3:8))\n"},
    {"select { case v := <-ch: case ch <- 1: case <-done: default: }",
     "(select @3:1 rbrace@3:62\n"
     "  (comm @3:10 colon@3:24\n"
     "    (assign := @3:17\n"
     "      (lhs\n"
     "        (ident v @3:15))\n"
     "      (rhs\n"
     "        (unary <- @3:20\n"
     "          (ident ch @3:22)))))\n"
     "  (comm @3:26 colon@3:38\n"
     "    (send @3:34\n"
     "      (ident ch @3:31)\n"
     "      (lit INT 1 @3:37)))\n"
     "  (comm @3:40 colon@3:51\n"
     "    (exprstmt @3:45\n"
     "      (unary <- @3:45\n"
     "        (ident done @3:47))))\n"
     "  (comm default @3:53 colon@3:60\n"
     "    nil))\n"},
    {"{ ; }",
     "(block @3:1 rbrace@3:5\n"
     "  (empty @3:3))\n"},
    {"if x == (T{}) { }",
     "(if @3:1\n"
     "  nil\n"
     "  (binary == @3:6\n"
     "    (ident x @3:4)\n"
     "    (paren @3:9\n"
     "      (composite @3:11 rbrace@3:12\n"
     "        (ident T @3:10))))\n"
     "  (block @3:15 rbrace@3:17)\n"
     "  nil)\n"},
    {"for _, x := range []T{{1}} { }",
     "(range := @3:13\n"
     "  (ident _ @3:5)\n"
     "  (ident x @3:8)\n"
     "  (composite @3:22 rbrace@3:26\n"
     "    (arraytype @3:19\n"
     "      nil\n"
     "      (ident T @3:21))\n"
     "    (composite @3:23 rbrace@3:25\n"
     "      nil\n"
     "      (lit INT 1 @3:24)))\n"
     "  (block @3:28 rbrace@3:30))\n"},
};

static void test_statements(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof stmt_cases / sizeof stmt_cases[0]; i++) {
        Compiler *cc = test_compiler();
        char *src = arena_sprintf(&cc->arena, "package p\nfunc f() {\n%s\n}\n", stmt_cases[i].src);
        File *f = parse(cc, src);
        NodeList stmts = f->decls.items[0]->u.funcdecl.body->u.block.stmts;
        char *buf = NULL;
        size_t size = 0;
        FILE *out = open_memstream(&buf, &size);
        for (int j = 0; j < stmts.len; j++)
            ast_print_node(out, stmts.items[j], 0);
        fclose(out);
        if (strcmp(buf, stmt_cases[i].want) != 0)
            print_error("statements: %s\n", stmt_cases[i].src);
        assert_string_equal(buf, stmt_cases[i].want);
        expect_no_errors(cc);
        free(buf);
        compiler_free(cc);
    }
}

// ---------------------------------------------------------------------------
// Declarations: a whole file

static const char decl_src[] =
    "package p\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\tr \"math/rand\"\n"
    "\t_ \"os\"\n"
    "\t. \"strings\"\n"
    ")\n"
    "import \"unsafe\"\n"
    "\n"
    "const (\n"
    "\tA = iota\n"
    "\tB\n"
    "\tC, D = iota, iota * 2\n"
    ")\n"
    "\n"
    "type (\n"
    "\tT struct {\n"
    "\t\ta, b int `json:\"a\"`\n"
    "\t\t*U\n"
    "\t\tpkg.V\n"
    "\t\tW\n"
    "\t}\n"
    "\tI interface {\n"
    "\t\tM(x int) (int, error)\n"
    "\t\tJ\n"
    "\t\tfmt.Stringer\n"
    "\t}\n"
    "\tAlias = T\n"
    "\tArr [N]*T\n"
    "\tSl []T\n"
    "\tCh <-chan chan<- int\n"
    "\tF func(int, ...string) bool\n"
    "\tM map[string][]int\n"
    ")\n"
    "\n"
    "var x, y = 1, 2\n"
    "\n"
    "//go:noinline\n"
    "func (t *T) M(a, b int, _ string) (r int) { return }\n"
    "\n"
    "//go:noescape\n"
    "func g(p *int)\n"
    "\n"
    "func (T) N() {}\n";

static const char decl_ast[] =
    "(file p @1:1\n"
    "  (gendecl import @3:1\n"
    "    (import @4:2\n"
    "      nil\n"
    "      (lit STRING \"fmt\" @4:2))\n"
    "    (import @5:2\n"
    "      (ident r @5:2)\n"
    "      (lit STRING \"math/rand\" @5:4))\n"
    "    (import @6:2\n"
    "      (ident _ @6:2)\n"
    "      (lit STRING \"os\" @6:4))\n"
    "    (import @7:2\n"
    "      (ident . @7:2)\n"
    "      (lit STRING \"strings\" @7:4)))\n"
    "  (gendecl import @9:1\n"
    "    (import @9:8\n"
    "      nil\n"
    "      (lit STRING \"unsafe\" @9:8)))\n"
    "  (gendecl const @11:1\n"
    "    (valuespec iota=0 @12:2\n"
    "      (names\n"
    "        (ident A @12:2))\n"
    "      nil\n"
    "      (values\n"
    "        (ident iota @12:6)))\n"
    "    (valuespec iota=1 @13:2\n"
    "      (names\n"
    "        (ident B @13:2))\n"
    "      nil\n"
    "      (values))\n"
    "    (valuespec iota=2 @14:2\n"
    "      (names\n"
    "        (ident C @14:2)\n"
    "        (ident D @14:5))\n"
    "      nil\n"
    "      (values\n"
    "        (ident iota @14:9)\n"
    "        (binary * @14:20\n"
    "          (ident iota @14:15)\n"
    "          (lit INT 2 @14:22)))))\n"
    "  (gendecl type @17:1\n"
    "    (typespec @18:2\n"
    "      (ident T @18:2)\n"
    "      (structtype @18:4 rbrace@23:2\n"
    "        (field @19:3\n"
    "          (ident a @19:3)\n"
    "          (ident b @19:6)\n"
    "          (ident int @19:8)\n"
    "          (lit STRING `json:\"a\"` @19:12))\n"
    "        (field embedded @20:3\n"
    "          (star @20:3\n"
    "            (ident U @20:4)))\n"
    "        (field embedded @21:3\n"
    "          (selector V @21:6 name@21:7\n"
    "            (ident pkg @21:3)))\n"
    "        (field embedded @22:3\n"
    "          (ident W @22:3))))\n"
    "    (typespec @24:2\n"
    "      (ident I @24:2)\n"
    "      (interfacetype @24:4 rbrace@28:2\n"
    "        (field @25:3\n"
    "          (ident M @25:3)\n"
    "          (functype @25:4\n"
    "            (params\n"
    "              (field @25:5\n"
    "                (ident x @25:5)\n"
    "                (ident int @25:7)))\n"
    "            (results\n"
    "              (field @25:13\n"
    "                (ident int @25:13))\n"
    "              (field @25:18\n"
    "                (ident error @25:18)))))\n"
    "        (field embedded @26:3\n"
    "          (ident J @26:3))\n"
    "        (field embedded @27:3\n"
    "          (selector Stringer @27:6 name@27:7\n"
    "            (ident fmt @27:3)))))\n"
    "    (typespec alias @29:2\n"
    "      (ident Alias @29:2)\n"
    "      (ident T @29:10))\n"
    "    (typespec @30:2\n"
    "      (ident Arr @30:2)\n"
    "      (arraytype @30:6\n"
    "        (ident N @30:7)\n"
    "        (star @30:9\n"
    "          (ident T @30:10))))\n"
    "    (typespec @31:2\n"
    "      (ident Sl @31:2)\n"
    "      (arraytype @31:5\n"
    "        nil\n"
    "        (ident T @31:7)))\n"
    "    (typespec @32:2\n"
    "      (ident Ch @32:2)\n"
    "      (chantype <-chan @32:5\n"
    "        (chantype chan<- @32:12\n"
    "          (ident int @32:19))))\n"
    "    (typespec @33:2\n"
    "      (ident F @33:2)\n"
    "      (functype @33:8\n"
    "        (params\n"
    "          (field @33:9\n"
    "            (ident int @33:9))\n"
    "          (field @33:14\n"
    "            (ellipsis @33:14\n"
    "              (ident string @33:17))))\n"
    "        (results\n"
    "          (field @33:25\n"
    "            (ident bool @33:25)))))\n"
    "    (typespec @34:2\n"
    "      (ident M @34:2)\n"
    "      (maptype @34:4\n"
    "        (ident string @34:8)\n"
    "        (arraytype @34:15\n"
    "          nil\n"
    "          (ident int @34:17)))))\n"
    "  (gendecl var @37:1\n"
    "    (valuespec iota=0 @37:5\n"
    "      (names\n"
    "        (ident x @37:5)\n"
    "        (ident y @37:8))\n"
    "      nil\n"
    "      (values\n"
    "        (lit INT 1 @37:12)\n"
    "        (lit INT 2 @37:15))))\n"
    "  (funcdecl noinline @40:6\n"
    "    (field @40:7\n"
    "      (ident t @40:7)\n"
    "      (star @40:9\n"
    "        (ident T @40:10)))\n"
    "    (ident M @40:13)\n"
    "    (functype @40:14\n"
    "      (params\n"
    "        (field @40:15\n"
    "          (ident a @40:15)\n"
    "          (ident b @40:18)\n"
    "          (ident int @40:20))\n"
    "        (field @40:25\n"
    "          (ident _ @40:25)\n"
    "          (ident string @40:27)))\n"
    "      (results\n"
    "        (field @40:36\n"
    "          (ident r @40:36)\n"
    "          (ident int @40:38))))\n"
    "    (block @40:43 rbrace@40:52\n"
    "      (return @40:45)))\n"
    "  (funcdecl noescape @43:6\n"
    "    nil\n"
    "    (ident g @43:6)\n"
    "    (functype @43:7\n"
    "      (params\n"
    "        (field @43:8\n"
    "          (ident p @43:8)\n"
    "          (star @43:10\n"
    "            (ident int @43:11))))\n"
    "      (results))\n"
    "    nil)\n"
    "  (funcdecl @45:6\n"
    "    (field @45:7\n"
    "      (ident T @45:7))\n"
    "    (ident N @45:10)\n"
    "    (functype @45:11\n"
    "      (params)\n"
    "      (results))\n"
    "    (block @45:14 rbrace@45:15)))\n";

static void test_declarations(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    File *f = parse(cc, decl_src);
    char *got = print_file(f);
    assert_string_equal(got, decl_ast);
    assert_int_equal(f->imports.len, 5);
    assert_int_equal(f->imports.items[3]->u.import.name->u.ident.name->s[0], '.');
    assert_int_equal(f->package_pos.line, 1);
    assert_string_equal(f->pkg_name->u.ident.name->s, "p");
    expect_no_errors(cc);
    free(got);
    compiler_free(cc);
}

// ---------------------------------------------------------------------------
// Positions where gc reports: each program's `go tool compile -m -l` output
// is listed with the node the report is about.

static void expect_nodes(const char *src, const char *const *nodes, size_t n) {
    Compiler *cc = test_compiler();
    char *dump = print_file(parse(cc, src));
    for (size_t i = 0; i < n; i++) {
        if (!strstr(dump, nodes[i]))
            print_error("no node %s in\n%s", nodes[i], dump);
        assert_non_null(strstr(dump, nodes[i]));
    }
    expect_no_errors(cc);
    free(dump);
    compiler_free(cc);
}

static void test_escape_positions(void **state) {
    (void)state;
    static const char src1[] =
        "package main\n"
        "\n"
        "type T struct{ a, b int }\n"
        "\n"
        "func (t *T) M() *int { return &t.a }\n"
        "\n"
        "func f() *T {\n"
        "\tx := &T{1, 2}\n"
        "\ty := new(int)\n"
        "\ts := []int{1, 2, 3}\n"
        "\tg := func() int { return *y }\n"
        "\t_ = g\n"
        "\tvar i interface{} = *y\n"
        "\t_ = i\n"
        "\t_ = s\n"
        "\tm := map[int]int{}\n"
        "\t_ = m\n"
        "\tz := 3\n"
        "\tsink = &z\n"
        "\tstr := \"a\"\n"
        "\tstr2 := str + \"b\"\n"
        "\tsink2 = str2\n"
        "\treturn x\n"
        "}\n"
        "\n"
        "var sink *int\n"
        "var sink2 string\n"
        "\n"
        "func main() { f() }\n";
    static const char *const nodes1[] = {
        "(ident t @5:7)",          // t.go:5:7: leaking param: t to result ~r0 level=0
        "(ident z @18:2)",         // t.go:18:2: moved to heap: z
        "(unary & @8:7",           // t.go:8:7: &T{...} escapes to heap
        "(call @9:10",             // t.go:9:10: new(int) does not escape
        "(composite @10:12",       // t.go:10:12: []int{...} does not escape
        "(funclit @11:7",          // t.go:11:7: func literal does not escape
        "(star @13:22",            // t.go:13:23: *y does not escape: gc's implicit
        "(ident y @13:23)",        //   conversion to interface sits at the star's operand
        "(composite @16:18",       // t.go:16:18: map[int]int{} does not escape
        "(binary + @21:14",        // t.go:21:14: str + "b" escapes to heap
        "(funcdecl @5:6",          // t.go:5:6: can inline (*T).M
        "(funcdecl @29:6",         // t.go:29:6: can inline main
    };
    expect_nodes(src1, nodes1, sizeof nodes1 / sizeof nodes1[0]);

    static const char src2[] =
        "package main\n"
        "\n"
        "type S struct{ p *int }\n"
        "\n"
        "func (s S) Get() *int { return s.p }\n"
        "\n"
        "var sink interface{}\n"
        "\n"
        "func g(xs ...*int) {\n"
        "\tfor _, x := range xs {\n"
        "\t\tsink = x\n"
        "\t}\n"
        "}\n"
        "\n"
        "func h(n int) []byte {\n"
        "\tb := make([]byte, n)\n"
        "\ts := string(b)\n"
        "\tsink = s\n"
        "\tf := S{}.Get\n"
        "\tsink = f\n"
        "\tvar i interface{} = n\n"
        "\tsink = i\n"
        "\tdefer func() { sink = &n }()\n"
        "\tgo g(new(int), new(int))\n"
        "\tm := map[string]*S{\"a\": {}}\n"
        "\tsink = m\n"
        "\treturn append(b, []byte(\"x\")...)\n"
        "}\n";
    static const char *const nodes2[] = {
        "(ident s @5:7)",          // leaking param: s to result ~r0 level=0
        "(ident xs @9:8)",         // leaking param content: xs
        "(ident n @15:8)",         // moved to heap: n
        "(call @16:11",            // make([]byte, n) escapes to heap
        "(call @17:13",            // string(b) escapes to heap
        "(ident sink @18:2)",      // s escapes to heap: the implicit conversion in
                                   //   `sink = s` is reported where the statement starts
        "(selector Get @19:10",    // S{}.Get escapes to heap
        "(ident n @21:22)",        // n escapes to heap
        "(funclit @23:8",          // func literal does not escape
        "(call @24:10",            // new(int) escapes to heap
        "(call @24:20",            // new(int) escapes to heap
        "(call @24:6",             // ... argument does not escape
        "(composite @25:20",       // map[string]*S{...} escapes to heap
        "(composite @25:26",       // &S{} escapes to heap
        "(call @27:25",            // ([]byte)("x") does not escape
    };
    expect_nodes(src2, nodes2, sizeof nodes2 / sizeof nodes2[0]);
}

// Where types2 reports about a construct: its leftmost token, except for the
// kinds syntax.StartPos leaves alone.
static void test_start_pos(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Node *x = expr_of(parse(cc, "package p\nvar _ = a.b[c](d) + T{1}.f * -e\n"));
    assert_int_equal(x->pos.col, 19);               // the +
    assert_int_equal(node_start_pos(x).col, 9);     // a
    Node *y = x->u.binary.y;
    assert_int_equal(node_start_pos(y).col, 21);    // T
    assert_int_equal(node_start_pos(y->u.binary.y).col, 30);   // the unary -
    x = expr_of(parse(cc, "package p\nvar _ = s[1:2]\n"));
    assert_int_equal(node_start_pos(x).col, 10);    // a slice stays at its [
    expect_no_errors(cc);
    compiler_free(cc);
}

// node_string is gc's syntax.String.
static void test_node_string(void **state) {
    (void)state;
    static const Case cases[] = {
        {"a + b*c", "a + b * c"},
        {"&T{1, 2}", "&T{…}"},
        {"T{}", "T{}"},
        {"func(x int) int { return x }", "func(x int) int {…}"},
        {"func() {}", "func() {}"},
        {"x.(type)", "x.(type)"},
        {"f(a, b...)", "f(a, b...)"},
        {"(*T)(nil)", "(*T)(nil)"},
        {"s[a:b:c]", "s[a:b:c]"},
        {"[]int(nil)", "[]int(nil)"},
        {"[...]int{}", "[...]int{}"},
        {"map[string]chan<- int(nil)", "map[string]chan<- int(nil)"},
        {"(chan (<-chan int))(nil)", "(chan (<-chan int))(nil)"},
        {"struct{ a, b int; c string `t` }{}", "struct{a, b int; c string `t`}{}"},
        {"interface{ M(int) (x, y int); E }(nil)", "interface{M(int) (x, y int); E}(nil)"},
        {"func(a, b int, c ...string) error(nil)", "func(a, b int, c ...string) error(nil)"},
        {"<-ch", "<-ch"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Compiler *cc = test_compiler();
        char *src = arena_sprintf(&cc->arena, "package p\nvar _ = %s\n", cases[i].src);
        assert_string_equal(node_string(cc, expr_of(parse(cc, src))), cases[i].want);
        compiler_free(cc);
    }
}

// ---------------------------------------------------------------------------
// Directives

static void test_pragmas(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    File *f = parse(cc, "package p\n"
                        "\n"
                        "//go:noinline\n"
                        "//go:nosplit\n"
                        "func f() {}\n"
                        "\n"
                        "//go:linkname g runtime.g\n"
                        "//go:noescape\n"
                        "func g(p *int)\n"
                        "\n"
                        "func h() {}\n"
                        "\n"
                        "//go:noinline\n"
                        "var x = 1\n"
                        "\n"
                        "const (\n"
                        "\t//go:norace\n"
                        "\tc = 1\n"
                        ")\n");
    assert_int_equal(f->decls.items[0]->u.funcdecl.pragmas, PRAGMA_NOINLINE | PRAGMA_NOSPLIT | PRAGMA_NOCHECKPTR);
    assert_int_equal(f->decls.items[1]->u.funcdecl.pragmas, PRAGMA_NOESCAPE | PRAGMA_LINKNAME);
    assert_string_equal(f->decls.items[1]->u.funcdecl.linkname, "runtime.g");
    assert_int_equal(f->decls.items[2]->u.funcdecl.pragmas, 0);
    // Before a var or const gc reports them only after type checking.
    assert_int_equal(f->nmisplaced_pragmas, 2);
    assert_int_equal(f->misplaced_pragmas[0].line, 13);
    assert_int_equal(f->misplaced_pragmas[0].col, 3);
    assert_int_equal(f->misplaced_pragmas[1].line, 17);
    expect_no_errors(cc);
    compiler_free(cc);

    // Inside a body, or at the end of the file, a directive is misplaced at once.
    cc = test_compiler();
    parse(cc, "package p\nfunc f() {\n\t//go:noinline\n\tx := 1\n\t_ = x\n}\n//go:nosplit\n");
    char *diags = test_flush_diags(cc);
    assert_string_equal(diags, "x.go:3:4: misplaced compiler directive\nx.go:7:3: misplaced compiler directive\n");
    free(diags);
    compiler_free(cc);

    // go:build belongs before the package clause; a group takes no directive;
    // a function takes only the function ones (test/directive2.go).
    cc = test_compiler();
    f = parse(cc, "//go:build ok\n"
                  "package p\n"
                  "\n"
                  "//go:notinheap\n"
                  "type (\n"
                  "\t//go:notinheap\n"
                  "\tT int\n"
                  ")\n"
                  "\n"
                  "//go:notinheap\n"
                  "//go:noinline\n"
                  "func f() {}\n");
    diags = test_flush_diags(cc);
    assert_string_equal(diags, "x.go:4:3: misplaced compiler directive\n");
    free(diags);
    assert_int_equal(f->nmisplaced_pragmas, 1);
    assert_int_equal(f->misplaced_pragmas[0].line, 10);
    assert_int_equal(f->decls.items[1]->u.funcdecl.pragmas, PRAGMA_NOINLINE);
    compiler_free(cc);
}

// ---------------------------------------------------------------------------
// Syntax errors: go tool compile's output for the same file, verbatim
// (minus type errors, which the checker reports).

static const Case error_cases[] = {
        {"package main\nfunc main() {\n\tx := [3]int{1, 2\n}\n",
         "x.go:3:18: syntax error: unexpected newline in composite literal; possibly missing comma or }\n"},
        {"package main\nfunc main() {\n\tif x == 1\n\t{\n\t}\n}\n",
         "x.go:3:11: syntax error: unexpected newline, expecting { after if clause\n"},
        {"package main\nx := 1\n",
         "x.go:2:1: syntax error: non-declaration statement outside function body\n"},
        {"package main\nfunc f()\n{\n}\n",
         "x.go:3:1: syntax error: unexpected semicolon or newline before {\n"},
        {"package main\nfunc main() {\n\tfor i := 0; i < 10; i++\n\t{\n\t}\n}\n",
         "x.go:3:25: syntax error: unexpected newline, expecting { after for clause\n"},
        {"package main\nfunc main() {\n\tvar x = }\n",
         "x.go:3:10: syntax error: unexpected }, expecting expression\n"},
        {"package main\nfunc main() {\n\tx := 1 +\n}\n",
         "x.go:4:1: syntax error: unexpected }, expecting expression\n"},
        {"package main\nfunc main() {\n\tif x := 1 {\n\t}\n}\n",
         "x.go:3:7: syntax error: cannot use x := 1 as value\n"},
        {"package main\nfunc main() {\n\tif x = 1 {\n\t}\n}\n",
         "x.go:3:7: syntax error: cannot use assignment (x) = (1) as value\n"},
        {"package main\nfunc main() {\n\ta[1:2:]\n\t_ = a[::3]\n}\n",
         "x.go:3:8: final index required in 3-index slice\nx.go:4:9: middle index required in 3-index slice\n"},
        {"package main\nimport \"fmt\"\nvar _ = fmt.Println\nimport \"os\"\n",
         "x.go:4:1: syntax error: non-declaration statement outside function body\n"},
        {"package main\nfunc main() {\n\tx := \"abc\n}\n",
         "x.go:3:11: newline in string\n"},
        {"package main\nvar x = `abc\n",
         "x.go:2:9: string not terminated\n"},
        {"package main\n/* abc\n",
         "x.go:2:1: comment not terminated\n"},
        {"package main\nfunc main() {\n\tL:\n}\n",
         ""},
        {"package main\nfunc main() {\n\tfor x := range y; {\n\t}\n}\n",
         "x.go:3:18: syntax error: unexpected semicolon, expecting { after for clause\n"},
        {"package main\nfunc (a, b T) m() {}\nfunc () n() {}\n",
         "x.go:2:15: method has multiple receivers\nx.go:3:9: method has no receiver\n"},
        {"package main\nfunc f(a int, string) {}\n",
         "x.go:2:15: syntax error: mixed named and unnamed parameters\n"},
        {"package main\ntype T struct {\n\t*(U)\n\t(V)\n}\n",
         "x.go:3:3: syntax error: cannot parenthesize embedded type\nx.go:4:2: syntax error: cannot parenthesize embedded type\n"},
        {"package main\nfunc main() {\n\tfor i := 0; i < 3; j := 1 {\n\t}\n}\n",
         "x.go:3:23: syntax error: cannot declare in post statement of for loop\n"},
        {"package main\nfunc main() {\n\tvar x int = 1, 2 3\n}\n",
         "x.go:3:19: syntax error: unexpected literal 3 at end of statement\n"},
        {"package main\nfunc main() {\n\tif {\n\t}\n\tif ; {\n\t}\n}\n",
         "x.go:3:5: syntax error: missing condition in if statement\nx.go:5:5: syntax error: missing condition in if statement\n"},
        {"package main\nfunc main() {\n\tx := T{}.f\n\tif x == (T{}) {}\n\tif x == T{} {}\n}\n",
         "x.go:5:14: syntax error: unexpected { at end of statement\nx.go:6:1: syntax error: non-declaration statement outside function body\n"},
        {"package main\nfunc main() {\n\tselect {\n\tcase x:\n\tfoo\n\t}\n\tswitch { foo }\n}\n",
         "x.go:7:11: syntax error: unexpected foo, expecting case or default or }\n"},
        {"package main\n\nfunc main()\n",
         ""},
        {"package\n",
         "x.go:2:1: syntax error: unexpected EOF, expecting name\n"},
        {"",
         "x.go:1:1: syntax error: package statement must be first\n"},
        {"package main; import ; func main() {}\n",
         "x.go:1:22: syntax error: missing import path\n"},
        {"package main\nfunc main() {\n\telse {}\n}\n",
         "x.go:3:2: syntax error: unexpected else, expecting }\n"},
        {"package main\ntype I interface {\n\tm[T any]()\n\tn[]()\n}\n",
         "x.go:3:3: interface method must have no type parameters\nx.go:4:4: empty type parameter list\n"},
        {"package main\nvar x = struct{ a int }{1}\nvar f = func[T any]() {}\n",
         "x.go:3:13: syntax error: function type must have no type parameters\n"},
        {"package main\nfunc main() {\n\tx := 1\n\tx++ ++\n\ta, b += 1, 2\n}\n",
         "x.go:4:6: syntax error: unexpected ++ at end of statement\nx.go:5:7: syntax error: unexpected +=, expecting := or = or comma\n"},
        {"package main\nfunc main() {\n\tgo (f())\n\tdefer g\n}\n",
         "x.go:3:5: expression in go must not be parenthesized\nx.go:4:8: expression in defer must be function call\n"},
        {"package main\nfunc main() {\n\tfor ;; i++ x {}\n}\n",
         "x.go:3:13: syntax error: unexpected x, expecting { after for clause\n"},
        {"package main\nfunc main() {\n\tx := map[string]int{\n\t\t\"a\": 1\n\t}\n}\n",
         "x.go:4:9: syntax error: unexpected newline in composite literal; possibly missing comma or }\n"},
        {"package main\nfunc main() {\n\tf(a b)\n}\n",
         "x.go:3:6: syntax error: unexpected b in argument list; possibly missing comma or )\n"},
        {"package main\nfunc main() {\n\tswitch x {\n\tcase 1\n\t}\n}\n",
         "x.go:4:8: syntax error: unexpected newline, expecting :\n"},
        {"package main\nvar c = <-chan<- int\n",
         "x.go:2:21: syntax error: unexpected int, expecting chan\n"},
        {"package main\nfunc f(...) {}\n",
         "x.go:2:11: syntax error: ... is missing type\n"},
        {"package main\nfunc main() {\n\tx.\n}\n",
         "x.go:4:1: syntax error: unexpected }, expecting name or (\n"},
        {"package main\nfunc main() {\n\ta[]\n}\n",
         "x.go:3:4: syntax error: unexpected ], expecting operand\n"},
        {"package main\nfunc main() {\n\ta[1 2]\n}\n",
         "x.go:3:6: syntax error: unexpected literal 2, expecting comma, : or ]\n"},
        {"package main\ntype T [N,]int\n",
         "x.go:2:8: generic functions and types are not supported by minigc\nx.go:2:11: syntax error: missing type constraint\n"},
        {"package main\ntype T struct { 1 }\n",
         "x.go:2:17: syntax error: unexpected literal 1, expecting field name or embedded type\n"},
        {"package main\nfunc main() {\n\tvar x chan\n}\n",
         "x.go:4:1: syntax error: missing channel element type\n"},
        {"package main\nfunc f() {\n\tx :=\n}\nfunc g() { y }\n",
         "x.go:4:1: syntax error: unexpected }, expecting expression\n"},
        {"package main\nimport 42\n",
         "x.go:2:10: syntax error: import path must be a string\n"},
        {"package main\nimport x\n",
         "x.go:2:9: syntax error: missing import path\n"},
        {"package main\nfunc (x) {}\n",
         "x.go:2:10: syntax error: unexpected {, expecting name or (\n"},
        {"package main\nfunc main() {\n\tif x { } else y { }\n}\n",
         "x.go:3:16: syntax error: else must be followed by if or statement block\nx.go:4:1: syntax error: non-declaration statement outside function body\n"},
        {"package main\nfunc main() {\n\tswitch x\n\t{\n\t}\n}\n",
         ""},
        {"package main\nfunc main() {\n\tfor var i = 0; i < 1; i++ {}\n}\n",
         "x.go:3:10: syntax error: var declaration not allowed in for initializer\n"},
        {"package main\nfunc main() {\n\tfor i := 0; i < 1 {}\n}\n",
         "x.go:3:20: syntax error: unexpected {, expecting semicolon or newline\n"},
        {"package main\nconst c := 1\n",
         "x.go:2:9: syntax error: unexpected :=, expecting =\n"},
        {"package main\nvar v [...]int\ntype T = \n",
         "x.go:4:1: syntax error: unexpected EOF in type declaration\n"},
        {"package main\nfunc main() {\n\tx, y\n}\n",
         "x.go:3:6: syntax error: unexpected newline, expecting := or = or comma\n"},
        {"package main\ntype T struct {\n\ta int\n\tb int c int\n}\n",
         "x.go:4:8: syntax error: unexpected c in struct type; possibly missing semicolon or newline or }\n"},
};

static void test_syntax_errors(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
        Compiler *cc = test_compiler();
        File *f = parse(cc, error_cases[i].src);
        // gc stops before type checking after a syntax error, not after
        // others, except right after the package clause.
        bool stops = strstr(error_cases[i].want, "syntax error") ||
                     strcmp(error_cases[i].src, "package main\n/* abc\n") == 0;
        assert_int_equal(f->syntax_errors > 0, stops);
        char *got = test_flush_diags(cc);
        if (strcmp(got, error_cases[i].want) != 0)
            print_error("source:\n%s", error_cases[i].src);
        assert_string_equal(got, error_cases[i].want);
        free(got);
        compiler_free(cc);
    }
}

// After a syntax error the file still yields the declarations around it.
static void test_recovery(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    File *f = parse(cc, "package p\n"
                        "func a() { x := }\n"
                        "func b() { if { } }\n"
                        "var = 1\n"
                        "func c() {}\n");
    assert_true(diag_error_count(cc) > 0);
    assert_int_equal(f->decls.len, 4);
    assert_string_equal(f->decls.items[3]->u.funcdecl.name->u.ident.name->s, "c");
    free(test_flush_diags(cc));
    compiler_free(cc);
}

// ---------------------------------------------------------------------------
// Generics are reported, and the declaration is dropped.

static void test_generics(void **state) {
    (void)state;
    static const Case cases[] = {
        {"package p\nfunc f[T any](x T) T { return x }\nfunc g() {}\n",
         "x.go:2:7: generic functions and types are not supported by minigc\n"},
        {"package p\ntype S[T any] struct{ x T }\nfunc g() {}\n",
         "x.go:2:7: generic functions and types are not supported by minigc\n"},
        {"package p\ntype L[T interface{ ~int | string }] []T\nfunc g() {}\n",
         "x.go:2:7: generic functions and types are not supported by minigc\n"},
        {"package p\ntype P[T *int,] struct{}\nfunc g() {}\n",
         "x.go:2:7: generic functions and types are not supported by minigc\n"},
        {"package p\nfunc (l *List[T]) Push(v T) {}\nfunc g() {}\n",
         "x.go:2:14: generic functions and types are not supported by minigc\n"},
        {"package p\nvar x = m[int, string]{}\nfunc g() {}\n",
         "x.go:2:10: generic functions and types are not supported by minigc\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Compiler *cc = test_compiler();
        File *f = parse(cc, cases[i].src);
        char *got = test_flush_diags(cc);
        assert_string_equal(got, cases[i].want);
        Node *last = f->decls.items[f->decls.len - 1];
        assert_int_equal(last->kind, N_FUNCDECL);
        assert_string_equal(last->u.funcdecl.name->u.ident.name->s, "g");
        free(got);
        compiler_free(cc);
    }
    // Arrays are not type parameters; instantiation-like indexes are indexes.
    Compiler *cc = test_compiler();
    File *f = parse(cc, "package p\ntype A [N]int\ntype B [N * M]int\nvar x = f[int](1)\n");
    expect_no_errors(cc);
    assert_int_equal(f->decls.len, 3);
    compiler_free(cc);
}

// ---------------------------------------------------------------------------
// Robustness

static char *repeat(const char *prefix, const char *open, int n, const char *middle, const char *close,
                    const char *suffix) {
    size_t lo = strlen(open), lc = strlen(close);
    char *s = malloc(strlen(prefix) + strlen(middle) + strlen(suffix) + (size_t)n * (lo + lc) + 1);
    char *q = s;
    q += sprintf(q, "%s", prefix);
    for (int i = 0; i < n; i++, q += lo)
        memcpy(q, open, lo);
    q += sprintf(q, "%s", middle);
    for (int i = 0; i < n; i++, q += lc)
        memcpy(q, close, lc);
    sprintf(q, "%s", suffix);
    return s;
}

static void expect_too_deep(char *src) {
    Compiler *cc = test_compiler();
    assert_true(parse(cc, src)->syntax_errors > 0);
    char *got = test_flush_diags(cc);
    // On the 8 MiB main stack the stack budget ends it, whatever the depth limit.
    assert_non_null(strstr(got, "exceeded maximum nesting depth of "));
    free(got);
    free(src);
    compiler_free(cc);
}

static void test_deep_nesting(void **state) {
    (void)state;
    int n = 200000;
    expect_too_deep(repeat("package p\nvar x = ", "(", n, "1", ")", "\n"));
    expect_too_deep(repeat("package p\nfunc f() ", "{", n, "", "}", "\n"));
    expect_too_deep(repeat("package p\nvar x = T", "{", n, "", "}", "\n"));
    expect_too_deep(repeat("package p\nvar x ", "*", n, "int", "", "\n"));
    expect_too_deep(repeat("package p\nvar x ", "[]", n, "int", "", "\n"));
    expect_too_deep(repeat("package p\nvar x = ", "- ", n, "1", "", "\n"));
    expect_too_deep(repeat("package p\nvar x = ", "f(", n, "", ")", "\n"));
    expect_too_deep(repeat("package p\nfunc f() {\n", "switch { case true: ", n, "", "}", "\n}\n"));
    expect_too_deep(repeat("package p\nfunc f() {\nif a {}", " else if a {}", n, "", "", "\n}\n"));
    expect_too_deep(repeat("package p\nvar x = ", "func() { _ = ", n, "1", "}", "\n"));

    // Moderate nesting is fine, and so are long chains, which the parser
    // reads in a loop (gc compiles a sum of 200,000 terms).
    const char *fine[][2] = {{"(", ")"}, {".b", ""}, {"+1", ""}};
    for (int i = 0; i < 3; i++) {
        Compiler *cc = test_compiler();
        char *src = repeat("package p\nvar x = a", fine[i][0], i == 0 ? 1000 : n, "1", fine[i][1], "\n");
        parse(cc, src);
        expect_no_errors(cc);
        free(src);
        compiler_free(cc);
    }
}

// On the driver's large stack, nesting as deep as gc compiles parses (gc
// compiles 200,000 nested parentheses and fails at 500,000), and past
// PARSE_MAX_DEPTH the message names the limit.
typedef struct DeepJob {
    const char *src;
    int errors;
    char *diags;
    size_t stack;       // what run_on_large_stack obtained
} DeepJob;

static int parse_deep_job(void *arg) {
    DeepJob *job = arg;
    Options opt = {0};
    opt.stack_size = job->stack;
    Compiler *cc = compiler_new(&opt);
    job->errors = parse(cc, job->src)->syntax_errors;
    job->diags = test_flush_diags(cc);
    compiler_free(cc);
    return 0;
}

static void test_deep_nesting_large_stack(void **state) {
    (void)state;
    DeepJob job = {repeat("package p\nvar x = ", "(", 200000, "1", ")", "\n"), 0, NULL, 0};
    run_on_large_stack(parse_deep_job, &job, &job.stack);
    if (job.stack < LARGE_STACK_SIZE) {
        // The system would not reserve it: nothing to test here.
        free((char *)job.src);
        free(job.diags);
        skip();
    }
    assert_int_equal(job.errors, 0);
    free((char *)job.src);
    free(job.diags);
    job = (DeepJob){repeat("package p\nvar x = ", "(", PARSE_MAX_DEPTH + 1, "1", ")", "\n"), 0, NULL, 0};
    run_on_large_stack(parse_deep_job, &job, &job.stack);
    assert_true(job.errors > 0);
    assert_non_null(strstr(job.diags, "exceeded maximum nesting depth of 1000000"));
    free((char *)job.src);
    free(job.diags);
}

// Bad input of every kind ends in diagnostics, never in a crash or a hang.
static void test_garbage(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    assert_true(parse(cc, "")->syntax_errors > 0);
    char *got = test_flush_diags(cc);
    assert_string_equal(got, "x.go:1:1: syntax error: package statement must be first\n");
    free(got);
    compiler_free(cc);
    // A lexical error alone does not stop gc, except in the package clause.
    cc = test_compiler();
    assert_int_equal(parse(cc, "package p\nvar x = 1 @\n")->syntax_errors, 0);
    assert_true(parse(cc, "package p @\n")->syntax_errors > 0);
    assert_true(parse(cc, "@")->syntax_errors > 0);
    free(test_flush_diags(cc));
    compiler_free(cc);

    uint32_t seed = 12345;
    for (int round = 0; round < 20; round++) {
        size_t n = 20000;
        char *src = malloc(n + 16);
        size_t at = (size_t)sprintf(src, "package p\n");
        static const char *const toks[] = {
            "(", ")", "{", "}", "[", "]", "func", "if", "for", "x", ":=", "=", ",", ";", "\n", "case",
            "switch", "select", "chan", "<-", "...", ".", "type", "struct", "interface", "map", "\"s\"",
            "1", "+", "*", "&", "go", "defer", "return", "else", "range", "var", "const", "import", "L:",
            "goto", "break", "'", "`", "/*", "0x", "\xff", "@",
        };
        while (at < n) {
            seed = seed * 1103515245u + 12345u;
            const char *t = round % 2 ? toks[(seed >> 16) % (sizeof toks / sizeof toks[0])] : NULL;
            if (t) {
                at += (size_t)sprintf(src + at, "%s ", t);
            } else {
                char c = (char)(seed >> 16);
                src[at++] = c ? c : ' ';
                src[at] = 0;
            }
        }
        cc = test_compiler();
        File *f = parse(cc, src);
        assert_non_null(f);
        free(test_flush_diags(cc));
        free(src);
        compiler_free(cc);
    }

    // A million-character name and an unterminated million-character string.
    cc = test_compiler();
    char *src = repeat("package p\nvar ", "x", 1000000, "", "", " = 1\n");
    parse(cc, src);
    expect_no_errors(cc);
    free(src);
    compiler_free(cc);
    cc = test_compiler();
    src = repeat("package p\nvar x = \"", "x", 1000000, "", "", "");
    parse(cc, src);
    got = test_flush_diags(cc);
    assert_string_equal(got, "x.go:2:9: string not terminated\n");
    free(got);
    free(src);
    compiler_free(cc);
}

// Go's own escape and inline tests, which minigc must accept, parse cleanly.
static void test_go_test_files(void **state) {
    (void)state;
    const char *dir = "/usr/share/go-1.19/test";
    DIR *d = opendir(dir);
    if (!d)
        skip();
    int parsed = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *name = e->d_name;
        size_t len = strlen(name);
        if ((strncmp(name, "escape", 6) != 0 && strncmp(name, "inline", 6) != 0) || len < 3 ||
            strcmp(name + len - 3, ".go") != 0)
            continue;
        Compiler *cc = test_compiler();
        char *path = arena_sprintf(&cc->arena, "%s/%s", dir, name);
        const SourceFile *src = source_load(cc, path);
        assert_non_null(src);
        File *f = parse_file(cc, src);
        assert_true(f->decls.len > 0);
        char *diags = test_flush_diags(cc);
        if (*diags)
            print_error("%s", diags);
        assert_string_equal(diags, "");
        free(diags);
        compiler_free(cc);
        parsed++;
    }
    closedir(d);
    assert_true(parsed >= 30);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_expressions),
        cmocka_unit_test(test_statements),
        cmocka_unit_test(test_declarations),
        cmocka_unit_test(test_escape_positions),
        cmocka_unit_test(test_start_pos),
        cmocka_unit_test(test_node_string),
        cmocka_unit_test(test_pragmas),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_recovery),
        cmocka_unit_test(test_generics),
        cmocka_unit_test(test_deep_nesting_large_stack),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_go_test_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
