// test_diag.c - diagnostics as diag_flush prints them: notes formatted by
// diag.c's own formatter must read exactly as vsnprintf would have made
// them (the formats it does not know still go to vsnprintf), positions and
// their -C form, and errors sorted by position.
#include "testutil.h"

// What snprintf makes of the same format, for comparing.
static char *want_note(const char *pos, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *want_note(const char *pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    size_t plen = strlen(pos);
    char *s = malloc(plen + (size_t)n + 2);
    memcpy(s, pos, plen);
    va_start(ap, fmt);
    vsnprintf(s + plen, (size_t)n + 1, fmt, ap);
    va_end(ap);
    strcat(s, "\n");
    return s;
}

#define CHECK_NOTE(fmt, ...)                                                   \
    do {                                                                       \
        Compiler *cc = test_compiler();                                        \
        test_source(cc, "package p\n");                                        \
        diag_note(cc, (Pos){0, 12, 7}, fmt, __VA_ARGS__);                      \
        char *got = test_flush_diags(cc);                                      \
        char *want = want_note("x.go:12:7: ", fmt, __VA_ARGS__);               \
        assert_string_equal(got, want);                                        \
        free(got);                                                             \
        free(want);                                                            \
        compiler_free(cc);                                                     \
    } while (0)

static void test_note_conversions(void **state) {
    (void)state;
    CHECK_NOTE("%s escapes to heap", "&T{...}");
    CHECK_NOTE("leaking param: %s to result %s level=%d", "p", "~r0", 0);
    CHECK_NOTE("level=%d", -1);
    CHECK_NOTE("level=%d %d", 2147483647, -2147483647 - 1);
    CHECK_NOTE("%u and %lld", 4294967295u, -9223372036854775807LL - 1);
    CHECK_NOTE("width=%lld%%", 123456789012LL);
    CHECK_NOTE("%s%s%s", "", "a", "");
    // Formats the small formatter leaves to vsnprintf.
    CHECK_NOTE("%5d|%-3s|%x|%.2s", 42, "a", 255, "abc");
    CHECK_NOTE("%c%c", 'o', 'k');
}

// A note longer than the formatter's buffer is formatted again at its size.
static void test_long_note(void **state) {
    (void)state;
    char *big = malloc(10001);
    memset(big, 'x', 10000);
    big[10000] = 0;
    CHECK_NOTE("can inline %s with cost %d", big, 80);
    CHECK_NOTE("%s%s", big, big);
    free(big);
}

static void test_positions_printed(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    test_source(cc, "package p\n");
    diag_note(cc, (Pos){0, 1, 1}, "a");
    diag_note(cc, (Pos){0, 1048575, 3}, "b");   // gc's saturated line: no column
    diag_note(cc, (Pos){0, 9, 300}, "c");       // column past 255: none
    diag_note(cc, (Pos){0, 0, 0}, "d");         // no position
    char *got = test_flush_diags(cc);
    assert_string_equal(got, "x.go:1:1: a\nx.go:1048574: b\nx.go:9: c\nd\n");
    free(got);
    compiler_free(cc);

    Options opt = {.no_columns = true};
    cc = compiler_new(&opt);
    test_source(cc, "package p\n");
    diag_note(cc, (Pos){0, 4, 2}, "e");
    got = test_flush_diags(cc);
    assert_string_equal(got, "x.go:4: e\n");
    free(got);
    compiler_free(cc);
}

// More output than diag_flush's buffer holds comes out whole and in order.
static void test_much_output(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    test_source(cc, "package p\n");
    size_t want_len = 0;
    for (int i = 1; i <= 20000; i++) {
        diag_note(cc, (Pos){0, (uint32_t)i, 2}, "note %d", i);
        char tmp[64];
        want_len += (size_t)snprintf(tmp, sizeof tmp, "x.go:%d:2: note %d\n", i, i);
    }
    char *got = test_flush_diags(cc);
    assert_int_equal(strlen(got), want_len);
    assert_true(strncmp(got, "x.go:1:2: note 1\nx.go:2:2: note 2\n", 34) == 0);
    assert_non_null(strstr(got, "\nx.go:20000:2: note 20000\n"));
    free(got);
    compiler_free(cc);
}

static void test_errors_sorted(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    test_source(cc, "package p\n");
    diag_error(cc, (Pos){0, 5, 1}, "second %s", "x");
    diag_error(cc, (Pos){0, 2, 9}, "first %d", 1);
    diag_error(cc, (Pos){0, 2, 9}, "first %d", 1);   // a repeat is dropped
    char *got = test_flush_diags(cc);
    assert_string_equal(got, "x.go:2:9: first 1\nx.go:5:1: second x\n");
    free(got);
    compiler_free(cc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_note_conversions),
        cmocka_unit_test(test_long_note),
        cmocka_unit_test(test_positions_printed),
        cmocka_unit_test(test_much_output),
        cmocka_unit_test(test_errors_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
