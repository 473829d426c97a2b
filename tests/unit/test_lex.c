// test_lex.c - the scanner: every token and literal form, semicolon
// insertion, positions, literal decoding, directives, and each lexical
// error with gc's wording and position.
//
// Most tests scan a string and compare a compact rendering of the tokens,
// "KIND:TEXT@LINE:COL" separated by spaces (KIND is tok_string's name), or
// the diagnostics as diag_flush prints them. The expected errors were
// checked against `go tool compile` of Go 1.19.
#include "testutil.h"

// The test's source, which may hold NUL bytes.
static const SourceFile *source(Compiler *cc, const char *src, size_t len) {
    return source_add(cc, "x.go", src, len, false);
}

// Scans src and renders its tokens (up to EOF, not included).
static char *scan(Compiler *cc, const char *src, size_t len) {
    const SourceFile *f = source(cc, src, len);
    Lexer lx;
    lex_init(&lx, cc, f);
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    for (int n = 0; n < 10000; n++) {
        Token t = lex_next(&lx);
        if (t.kind == T_EOF)
            break;
        fprintf(out, "%s%s:%.*s@%u:%u", n ? " " : "", tok_string(t.kind), (int)t.len, t.text, t.pos.line, t.pos.col);
    }
    fclose(out);
    return buf;
}

// The expect_* helpers take string literals: their length counts NULs.
#define expect_tokens(src, want) expect_tokens_n(src, sizeof(src) - 1, want)
#define expect_kinds(src, want) expect_kinds_n(src, sizeof(src) - 1, want)
#define expect_errors(src, want) expect_errors_n(src, sizeof(src) - 1, want)

static void expect_tokens_n(const char *src, size_t n, const char *want) {
    Compiler *cc = test_compiler();
    char *got = scan(cc, src, n);
    assert_string_equal(got, want);
    char *diags = test_flush_diags(cc);
    assert_string_equal(diags, "");
    free(diags);
    free(got);
    compiler_free(cc);
}

// The token kinds only, for long lists.
static char *kinds(Compiler *cc, const char *src, size_t len) {
    const SourceFile *f = source(cc, src, len);
    Lexer lx;
    lex_init(&lx, cc, f);
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    for (int n = 0; n < 10000; n++) {
        Token t = lex_next(&lx);
        if (t.kind == T_EOF)
            break;
        fprintf(out, "%s%s", n ? " " : "", t.kind == T_SEMICOLON ? ";" : tok_string(t.kind));
    }
    fclose(out);
    return buf;
}

static void expect_kinds_n(const char *src, size_t n, const char *want) {
    Compiler *cc = test_compiler();
    char *got = kinds(cc, src, n);
    assert_string_equal(got, want);
    free(got);
    compiler_free(cc);
}

// Scans src (in file x.go) to the end and compares the diagnostics.
static void expect_errors_n(const char *src, size_t n, const char *want) {
    Compiler *cc = test_compiler();
    free(scan(cc, src, n));
    char *got = test_flush_diags(cc);
    assert_string_equal(got, want);
    free(got);
    compiler_free(cc);
}

static void test_operators(void **state) {
    (void)state;
    expect_kinds("+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ "
                 "!= <= >= := ... ( [ { , . ) ] } ; :",
                 "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ "
                 "!= <= >= := ... ( [ { , . ) ] } ; :");
    // Longest match, and ".." is two periods.
    expect_kinds("a&^=b<<=c..d", "name &^= name <<= name . . name ;");
    expect_kinds("x<-y", "name <- name ;");
    expect_kinds("x< -y", "name < - name ;");
}

static void test_keywords(void **state) {
    (void)state;
    expect_kinds("break case chan const continue default defer else fallthrough for func go goto if import "
                 "interface map package range return select struct switch type var",
                 "break case chan const continue default defer else fallthrough for func go goto if import "
                 "interface map package range return select struct switch type var");
    // Near misses are names.
    expect_kinds("Break fo funcs _if gox iota nil true", "name name name name name name name name ;");
}

static void test_identifiers(void **state) {
    (void)state;
    expect_tokens("_ x1 _x9 αβ résumé x١", "name:_@1:1 name:x1@1:3 name:_x9@1:6 name:αβ@1:10 "
                                            "name:résumé@1:15 name:x١@1:24 ;:EOF@1:27");
}

static void test_int_literals(void **state) {
    (void)state;
    expect_tokens("0 42 1_000_000 0x_1F 0XaBc 0o17 0O7 017 0b1010 0B_1",
                  "literal:0@1:1 literal:42@1:3 literal:1_000_000@1:6 literal:0x_1F@1:16 literal:0XaBc@1:22 "
                  "literal:0o17@1:28 literal:0O7@1:33 literal:017@1:37 literal:0b1010@1:41 literal:0B_1@1:48 ;:EOF@1:52");
    Compiler *cc = test_compiler();
    const SourceFile *f = test_source(cc, "0x1F 1.5 2i 'a' \"s\" `r`");
    Lexer lx;
    lex_init(&lx, cc, f);
    TokKind want[] = {T_INT, T_FLOAT, T_IMAG, T_CHAR, T_STRING, T_STRING};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        Token t = lex_next(&lx);
        assert_int_equal(t.kind, want[i]);
        assert_false(t.bad);
    }
    compiler_free(cc);
}

static void test_float_literals(void **state) {
    (void)state;
    expect_tokens("1.5 1. .5 1e10 1E+10 1.5e-3 0x1p-2 0x1.8p1 0X.8P0 1_0.2_5 08.5 0e0",
                  "literal:1.5@1:1 literal:1.@1:5 literal:.5@1:8 literal:1e10@1:11 literal:1E+10@1:16 "
                  "literal:1.5e-3@1:22 literal:0x1p-2@1:29 literal:0x1.8p1@1:36 literal:0X.8P0@1:44 "
                  "literal:1_0.2_5@1:51 literal:08.5@1:59 literal:0e0@1:64 ;:EOF@1:67");
    expect_tokens("0i 1.5i 1e3i 0x1p2i 0123i", "literal:0i@1:1 literal:1.5i@1:4 literal:1e3i@1:9 literal:0x1p2i@1:14 "
                                                 "literal:0123i@1:21 ;:EOF@1:26");
    // A period followed by a non-digit is a selector.
    expect_kinds("x.y 1.e2 1..2", "name . name literal literal literal ;");
}

static void test_rune_and_string_literals(void **state) {
    (void)state;
    expect_tokens("'a' 'é' '\\n' '\\'' '\\x41' '\\101' '\\u00e9' '\\U0001F600'",
                  "literal:'a'@1:1 literal:'é'@1:5 literal:'\\n'@1:10 literal:'\\''@1:15 literal:'\\x41'@1:20 "
                  "literal:'\\101'@1:27 literal:'\\u00e9'@1:34 literal:'\\U0001F600'@1:43 ;:EOF@1:55");
    expect_tokens("\"\" \"a\\\"b\" \"\\a\\b\\f\\n\\r\\t\\v\\\\\" `raw\\n`",
                  "literal:\"\"@1:1 literal:\"a\\\"b\"@1:4 literal:\"\\a\\b\\f\\n\\r\\t\\v\\\\\"@1:11 "
                  "literal:`raw\\n`@1:30 ;:EOF@1:37");
    // A raw string may span lines; the next token's line is counted.
    expect_tokens("`a\nb` x", "literal:`a\nb`@1:1 name:x@2:4 ;:EOF@2:5");
}

static void test_comments(void **state) {
    (void)state;
    expect_tokens("a // c\nb /* c */ c /* multi\nline */ d", "name:a@1:1 ;:newline@1:7 name:b@2:1 name:c@2:11 "
                                                            ";:newline@2:13 name:d@3:9 ;:EOF@3:10");
    // A general comment on one line is no newline, even after a name.
    expect_kinds("a /* x */ b", "name name ;");
    expect_kinds("a /* x */\nb", "name ; name ;");
    expect_kinds("/**/a//x", "name ;");
}

static void test_semicolon_insertion(void **state) {
    (void)state;
    // After names, literals, ), ], }, the four keywords and ++ --.
    expect_kinds("x\n1\n1.5\n1i\n'a'\n\"s\"\n`r`\n)\n]\n}\n", "name ; literal ; literal ; literal ; literal ; literal ; "
                                                          "literal ; ) ; ] ; } ;");
    expect_kinds("break\ncontinue\nfallthrough\nreturn\nx++\nx--\n",
                 "break ; continue ; fallthrough ; return ; name ++ ; name -- ;");
    // Not after operators, other keywords, or (, [, {, comma, period.
    expect_kinds("x +\ny\nfunc\nif\nfor\n(\n[\n{\n,\n.\n", "name + name ; func if for ( [ { , .");
    // At the end of the file, with or without a final newline.
    expect_tokens("x", "name:x@1:1 ;:EOF@1:2");
    expect_tokens("x\n", "name:x@1:1 ;:newline@1:2");
    expect_tokens("x // c", "name:x@1:1 ;:EOF@1:7");
    // An explicit semicolon keeps its own text.
    expect_tokens("a;b", "name:a@1:1 ;:;@1:2 name:b@1:3 ;:EOF@1:4");
}

static void test_positions(void **state) {
    (void)state;
    // A tab is one column; columns count bytes.
    expect_tokens("\tx\t\ty", "name:x@1:2 name:y@1:5 ;:EOF@1:6");
    expect_tokens("é x", "name:é@1:1 name:x@1:4 ;:EOF@1:5");
    expect_tokens("\"ü\" x", "literal:\"ü\"@1:1 name:x@1:6 ;:EOF@1:7");
    // CRLF line ends: \r is white space.
    expect_tokens("a\r\nb\r\n", "name:a@1:1 ;:newline@1:3 name:b@2:1 ;:newline@2:3");
    // A leading BOM is skipped but counts in the columns of line 1.
    expect_tokens("\xEF\xBB\xBFpackage p", "package:package@1:4 name:p@1:12 ;:EOF@1:13");
}

static void test_unicode_identifiers(void **state) {
    (void)state;
    expect_errors("a·b", "x.go:1:2: invalid character U+00B7 '·' in identifier\n");
    expect_errors("١x", "x.go:1:1: identifier cannot begin with digit U+0661 '١'\n");
    expect_errors("x\xE2\x82\xAC", "x.go:1:2: invalid character U+20AC '€' in identifier\n");
    expect_errors("\xE3\x80\x80x", "x.go:1:1: invalid character U+3000 in identifier\n");
    // Digits of other scripts may follow the first letter.
    expect_errors("x١ ℓ ß Ω 世界", "");
}

static void test_source_errors(void **state) {
    (void)state;
    expect_errors("a\0b", "x.go:1:2: invalid NUL character\n");
    expect_errors("a \xFF b", "x.go:1:3: invalid UTF-8 encoding\n");
    expect_errors("a\n\"\xFE\"\n", "x.go:2:2: invalid UTF-8 encoding\n");
    expect_errors("a \xEF\xBB\xBF b", "x.go:1:3: invalid BOM in the middle of the file\n");
    expect_errors("// \0\n/* \xFF */", "x.go:1:4: invalid NUL character\nx.go:2:4: invalid UTF-8 encoding\n");
    expect_errors("`a\0\xFF" "b`", "x.go:1:3: invalid NUL character\nx.go:1:4: invalid UTF-8 encoding\n");
    // Overlong and surrogate encodings are invalid too; gc reports an
    // error only once per line when the text repeats.
    expect_errors("\xC0\x80 \xED\xA0\x80", "x.go:1:1: invalid UTF-8 encoding\n");
    expect_errors("@ # $ \\ ?\x01", "x.go:1:1: invalid character U+0040 '@'\nx.go:1:3: invalid character U+0023 '#'\n"
                                  "x.go:1:5: invalid character U+0024 '$'\nx.go:1:7: invalid character U+005C '\\'\n"
                                  "x.go:1:9: invalid character U+003F '?'\nx.go:1:10: invalid character U+0001\n");
}

static void test_comment_and_string_errors(void **state) {
    (void)state;
    expect_errors("x /* abc\n", "x.go:1:3: comment not terminated\n");
    expect_errors("x = \"abc\n", "x.go:1:9: newline in string\n");
    expect_errors("x = \"abc", "x.go:1:5: string not terminated\n");
    expect_errors("x = `abc\n", "x.go:1:5: string not terminated\n");
    expect_errors("x = 'a\n", "x.go:1:7: newline in rune literal\n");
    expect_errors("x = '", "x.go:1:5: rune literal not terminated\n");
    expect_errors("x = 'ab'", "x.go:1:5: more than one character in rune literal\n");
    expect_errors("x = ''", "x.go:1:6: empty rune literal or unescaped '\n");
    expect_errors("x = '\\\"'", "x.go:1:7: unknown escape\n");
}

static void test_escape_errors(void **state) {
    (void)state;
    expect_errors("\"\\q\"", "x.go:1:3: unknown escape\n");
    expect_errors("\"\\xZZ\"", "x.go:1:4: invalid character 'Z' in hexadecimal escape\n");
    expect_errors("\"\\x \"", "x.go:1:4: invalid character ' ' in hexadecimal escape\n");
    expect_errors("'\\xf'", "x.go:1:5: invalid character '\\'' in hexadecimal escape\n");
    expect_errors("\"\\400\"", "x.go:1:6: octal escape value 256 > 255\n");
    expect_errors("\"\\08\"", "x.go:1:4: invalid character '8' in octal escape\n");
    expect_errors("\"\\uD800\"", "x.go:1:8: escape is invalid Unicode code point U+D800\n");
    expect_errors("\"\\U00110000\"", "x.go:1:12: escape is invalid Unicode code point U+110000\n");
    expect_errors("\"\\\n", "x.go:1:3: unknown escape\nx.go:1:3: newline in string\n");
}

static void test_number_errors(void **state) {
    (void)state;
    expect_errors("0x", "x.go:1:3: hexadecimal literal has no digits\n");
    expect_errors("0b", "x.go:1:3: binary literal has no digits\n");
    expect_errors("09", "x.go:1:2: invalid digit '9' in octal literal\n");
    expect_errors("0b102", "x.go:1:5: invalid digit '2' in binary literal\n");
    expect_errors("0o8", "x.go:1:3: invalid digit '8' in octal literal\n");
    expect_errors("1e", "x.go:1:3: exponent has no digits\n");
    expect_errors("1e+", "x.go:1:4: exponent has no digits\n");
    expect_errors("0x1.5", "x.go:1:6: hexadecimal mantissa requires a 'p' exponent\n");
    expect_errors("0b1.0", "x.go:1:4: invalid radix point in binary literal\n");
    expect_errors("0o7e3", "x.go:1:4: 'e' exponent requires decimal mantissa\n");
    expect_errors("1p3", "x.go:1:2: 'p' exponent requires hexadecimal mantissa\n");
    expect_errors("1__2", "x.go:1:3: '_' must separate successive digits\n");
    expect_errors("1_", "x.go:1:2: '_' must separate successive digits\n");
    expect_errors("0x_1 0_1 1_0", "");
    expect_errors("0x1_p2", "x.go:1:4: '_' must separate successive digits\n");
}

static void test_bad_literal_flag(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    const SourceFile *f = test_source(cc, "0x 1 \"\\q\" 'ab'");
    Lexer lx;
    lex_init(&lx, cc, f);
    bool want[] = {true, false, true, true};
    for (int i = 0; i < 4; i++) {
        Token t = lex_next(&lx);
        assert_true(t.kind >= T_INT && t.kind <= T_STRING);
        assert_int_equal(t.bad, want[i]);
    }
    compiler_free(cc);
}

static void expect_unquote(const char *lit, const char *want, size_t want_len) {
    Compiler *cc = test_compiler();
    char *out;
    size_t len;
    const char *err;
    assert_true(lit_unquote(&cc->arena, lit, strlen(lit), &out, &len, &err));
    assert_int_equal(len, want_len);
    assert_memory_equal(out, want, want_len);
    compiler_free(cc);
}

static void test_unquote(void **state) {
    (void)state;
    expect_unquote("\"abc\"", "abc", 3);
    expect_unquote("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "\a\b\f\n\r\t\v\\\"", 9);
    expect_unquote("\"\\101\\x41\\u00e9\\U0001F600\"", "AA\xC3\xA9\xF0\x9F\x98\x80", 8);
    expect_unquote("\"\\xff\\000\"", "\xFF\0", 2);   // bytes in strings
    expect_unquote("\"é\"", "é", 2);
    expect_unquote("`a\\n\r\nb`", "a\\n\nb", 5);       // raw: no escapes, CRs dropped
    expect_unquote("'\\''", "'", 1);
    expect_unquote("'\\xff'", "\xC3\xBF", 2);          // code points in runes
    expect_unquote("'世'", "世", 3);

    Compiler *cc = test_compiler();
    char *out;
    size_t len;
    const char *err;
    assert_false(lit_unquote(&cc->arena, "\"\\q\"", 4, &out, &len, &err));
    assert_string_equal(err, "unknown escape");
    assert_false(lit_unquote(&cc->arena, "'ab'", 4, &out, &len, &err));
    assert_string_equal(err, "more than one character in rune literal");
    assert_false(lit_unquote(&cc->arena, "\"\\uD800\"", 8, &out, &len, &err));
    assert_false(lit_unquote(&cc->arena, "x", 1, &out, &len, &err));
    compiler_free(cc);
}

static void test_rune_values(void **state) {
    (void)state;
    struct {
        const char *lit;
        int32_t value;
    } cases[] = {
        {"'a'", 'a'}, {"'\\n'", '\n'}, {"'\\\\'", '\\'}, {"'\\''", '\''}, {"'\\000'", 0},
        {"'\\377'", 255}, {"'\\xff'", 255}, {"'\\u00e9'", 0xE9}, {"'\\U0010FFFF'", 0x10FFFF},
        {"'é'", 0xE9}, {"'世'", 0x4E16},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int32_t v = -1;
        assert_true(lit_rune(cases[i].lit, strlen(cases[i].lit), &v));
        assert_int_equal(v, cases[i].value);
    }
    int32_t v;
    assert_false(lit_rune("'ab'", 4, &v));
    assert_false(lit_rune("''", 2, &v));
    assert_false(lit_rune("'\\q'", 4, &v));
}

// Directives: the known ones set bits; one not alone on its line is misplaced.
static void test_pragmas(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    const SourceFile *f = test_source(cc, "//go:noinline\n//go:nosplit\n//go:norace\n//go:noescape\n"
                                          "//go:uintptrescapes\n//go:nocheckptr\n//go:build x\n//go:generate y\n"
                                          "//go:linkname f runtime.g\nfunc");
    Lexer lx;
    lex_init(&lx, cc, f);
    Token t = lex_next(&lx);
    assert_int_equal(t.kind, T_FUNC);
    assert_int_equal(lx.pragma_pos.line, 1);
    assert_int_equal(lx.pragma_pos.col, 3);
    assert_string_equal(lx.linkname, "runtime.g");
    // Each directive's place is kept for "misplaced" reports.
    assert_int_equal(lx.npragma_sites, 8);
    assert_int_equal(lx.pragma_sites[1].pos.line, 2);
    assert_int_equal(lx.pragma_sites[1].bits, PRAGMA_NOSPLIT | PRAGMA_NOCHECKPTR);
    unsigned bits = lex_take_pragmas(&lx);
    // nosplit implies nocheckptr and uintptrescapes uintptrkeepalive, as in gc.
    assert_int_equal(bits, PRAGMA_NOINLINE | PRAGMA_NOSPLIT | PRAGMA_NORACE | PRAGMA_NOESCAPE |
                               PRAGMA_UINTPTRESCAPES | PRAGMA_UINTPTRKEEPALIVE | PRAGMA_NOCHECKPTR |
                               PRAGMA_BUILD | PRAGMA_LINKNAME);
    assert_int_equal(lex_take_pragmas(&lx), 0);
    assert_int_equal(lx.npragma_sites, 0);
    char *diags = test_flush_diags(cc);
    assert_string_equal(diags, "");
    free(diags);
    compiler_free(cc);

    // Not directives: a space after //, or inside a general comment.
    cc = test_compiler();
    f = test_source(cc, "// go:noinline\n/*go:noinline*/ x");
    lex_init(&lx, cc, f);
    lex_next(&lx);
    assert_int_equal(lex_take_pragmas(&lx), 0);
    compiler_free(cc);

    expect_errors("x //go:noinline\n", "x.go:1:5: misplaced compiler directive\n");
    expect_errors("//go:linkname a b c d\n", "x.go:1:3: usage: //go:linkname localname [linkname]\n");
    expect_errors("//go:systemstack\n", "x.go:1:3: //go:systemstack only allowed in runtime\n");
}

// A long file scans in one pass with no allocation per token.
static void test_many_tokens(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    size_t n = 200000;
    char *src = malloc(n * 6 + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(src + 6 * i, "ab+1;\n", 6);
    src[6 * n] = 0;
    const SourceFile *f = test_source(cc, src);
    free(src);
    size_t before = cc->arena.total;
    Lexer lx;
    lex_init(&lx, cc, f);
    size_t count = 0;
    Token t;
    while ((t = lex_next(&lx)).kind != T_EOF)
        count++;
    assert_int_equal(count, n * 4);
    assert_int_equal(t.pos.line, n + 1);
    assert_int_equal(cc->arena.total, before);
    compiler_free(cc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_keywords),
        cmocka_unit_test(test_identifiers),
        cmocka_unit_test(test_int_literals),
        cmocka_unit_test(test_float_literals),
        cmocka_unit_test(test_rune_and_string_literals),
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_semicolon_insertion),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_unicode_identifiers),
        cmocka_unit_test(test_source_errors),
        cmocka_unit_test(test_comment_and_string_errors),
        cmocka_unit_test(test_escape_errors),
        cmocka_unit_test(test_number_errors),
        cmocka_unit_test(test_bad_literal_flag),
        cmocka_unit_test(test_unquote),
        cmocka_unit_test(test_rune_values),
        cmocka_unit_test(test_pragmas),
        cmocka_unit_test(test_many_tokens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
