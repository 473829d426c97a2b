// test_html.c - the pass stepper page: escaping, and a whole page written
// for a program whose text tries to break out of the HTML.
//
// A string literal "</script><script>alert(1)</script>", an identifier-ish
// comment with <b> and &amp; in it, and a quote must reach the page as
// text: escaped in the source table, in the dump columns (the string's
// ConstString aux) and in the diagnostics, so the only <script> element
// is minigc's own.
#include "testutil.h"

#include <unistd.h>

#include "dot/dot.h"
#include "passes/passes.h"

static char *escaped(Arena *a, const char *s, size_t len) {
    DotBuf b;
    dotbuf_init(&b, a);
    html_escape(&b, s, len);
    return b.s ? b.s : "";
}

static void test_escape(void **state) {
    (void)state;
    Arena a;
    arena_init(&a);
    assert_string_equal(escaped(&a, "a<b>&\"c\"'d'", (size_t)-1), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
    assert_string_equal(escaped(&a, "</script>", (size_t)-1), "&lt;/script&gt;");
    assert_string_equal(escaped(&a, "plain text", (size_t)-1), "plain text");
    assert_string_equal(escaped(&a, "", (size_t)-1), "");
    // An explicit length stops early and a NUL byte becomes U+FFFD.
    assert_string_equal(escaped(&a, "x<\0y", 4), "x&lt;\xef\xbf\xbdy");
    assert_string_equal(escaped(&a, "abc<def", 3), "abc");
    arena_free(&a);
}

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = 0;
    fclose(f);
    return s;
}

static int count(const char *hay, const char *needle) {
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

static void test_page_escapes_program_text(void **state) {
    (void)state;
    const char *src =
        "package main\n"
        "\n"
        "var sink interface{}\n"
        "\n"
        "func f() {\n"
        "\t// <b>bold</b> & \"quoted\"\n"
        "\ts := \"</script><script>alert(1)</script>\"\n"
        "\tsink = &s\n"
        "}\n";
    Options opt = {.m_level = 2, .l_level = 1};
    Compiler *cc = compiler_new(&opt);
    const SourceFile *sf = source_add(cc, "x.go", src, strlen(src), false);
    File *file = parse_file(cc, sf);
    Package *p = check_package(cc, "main", &file, 1);
    assert_int_equal(diag_error_count(cc), 0);
    Program prog = {.cc = cc, .main_pkg = p};
    HtmlPage *pg = html_page_new(cc, "f", NULL);
    Snapshot *last = NULL;
    for (int i = 0; i < pass_count; i++) {
        if (pass_table[i].off_with_l)
            continue;
        pass_table[i].run(&prog);
        Func *f = program_find(&prog, "f");
        if (!f)
            continue;
        Snapshot *s = snapshot_take(&cc->arena, f, last);
        html_page_pass(pg, pass_table[i].name, f, s);
        last = s;
        if (strcmp(pass_table[i].name, "escape") == 0)
            html_page_escape(pg, &prog, "f");
    }
    char path[] = "/tmp/minigc-test-html.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(html_page_write(pg, path, false), 0);
    char *page = slurp(path);
    unlink(path);
    // minigc's own script is the only one.
    assert_int_equal(count(page, "<script"), 1);
    assert_int_equal(count(page, "</script>"), 1);
    assert_null(strstr(page, "alert(1)</"));
    assert_null(strstr(page, "<b>bold"));
    // The literal shows as text in the source and in the dump.
    assert_true(count(page, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") >= 2);
    assert_non_null(strstr(page, "&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;"));
    // The diagnostic is there, beside its line, and the page asks for nothing.
    assert_non_null(strstr(page, "moved to heap: s"));
    assert_non_null(strstr(page, "default-src 'none'"));
    // (Graphviz's SVG names its XML namespaces with http URLs; those are
    // names, not requests.)
    assert_null(strstr(page, " src="));
    assert_null(strstr(page, "href=\"http"));
    assert_null(strstr(page, "url("));
    free(page);
    program_free(&prog);
    compiler_free(cc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_page_escapes_program_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
