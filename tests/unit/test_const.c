// test_const.c - constant arithmetic (const.c, const_text.c) against what
// go/constant computes and types2 prints: exact integers past 64 bits and
// rationals, 512-bit floats beyond the rationals' range, literal parsing,
// float32/float64 rounding at the boundaries, and gc's spelling of values.
// The expected strings are gc 1.19's, taken from its error messages.
#include "testutil.h"

#include "check.h"

#include <math.h>

static ConstVal lit(Compiler *cc, TokKind kind, const char *text) {
    ConstVal v = {0};
    assert_true(const_from_literal(cc, kind, text, strlen(text), &v));
    return v;
}

static const char *str(Compiler *cc, ConstVal v) { return const_string_of(cc, v); }

static ConstVal bin(Compiler *cc, TokKind op, ConstVal x, ConstVal y) {
    ConstVal r = {0};
    assert_true(const_binary(&cc->arena, op, x, y, false, &r));
    return r;
}

static ConstVal shl(Compiler *cc, ConstVal x, unsigned s) {
    ConstVal r = {0};
    assert_true(const_shift(&cc->arena, T_SHL, x, s, &r));
    return r;
}

static void test_integers(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Arena *a = &cc->arena;
    ConstVal r;
    int64_t n;
    r = bin(cc, T_ADD, const_int(2), const_int(3));
    assert_true(const_int64(r, &n) && n == 5);
    // int64 overflow moves to big integers and back.
    ConstVal big = bin(cc, T_ADD, const_int(INT64_MAX), const_int(1));
    assert_false(const_int64(big, &n));
    assert_string_equal(str(cc, big), "9223372036854775808");
    r = bin(cc, T_SUB, big, const_int(1));
    assert_true(const_int64(r, &n) && n == INT64_MAX);
    assert_true(const_unary(a, T_SUB, const_int(INT64_MIN), 0, &r));
    assert_string_equal(str(cc, r), "9223372036854775808");
    // 1 << 200 exactly, as gc prints it.
    ConstVal p200 = shl(cc, const_int(1), 200);
    assert_string_equal(str(cc, p200), "1606938044258990275541962092341162602522202993782792835301376");
    assert_int_equal(const_bitlen(p200), 201);
    assert_int_equal(const_bitlen(shl(cc, const_int(1), 511)), 512);
    assert_true(const_shift(a, T_SHR, p200, 199, &r) && const_int64(r, &n) && n == 2);
    // >> rounds toward -inf, on both paths.
    assert_true(const_shift(a, T_SHR, const_int(-5), 1, &r) && const_int64(r, &n) && n == -3);
    assert_true(const_shift(a, T_SHR, const_int(-1), 500, &r) && const_int64(r, &n) && n == -1);
    ConstVal negbig = bin(cc, T_SUB, const_int(0), p200);
    assert_true(const_shift(a, T_SHR, bin(cc, T_SUB, negbig, const_int(1)), 200, &r) && const_int64(r, &n) && n == -2);
    // Integer division truncates; / of untyped ints is exact.
    assert_true(const_binary(a, T_QUO, const_int(-7), const_int(2), true, &r) && const_int64(r, &n) && n == -3);
    assert_true(const_binary(a, T_REM, const_int(-7), const_int(2), false, &r) && const_int64(r, &n) && n == -1);
    assert_false(const_binary(a, T_QUO, const_int(1), const_int(0), true, &r));
    r = bin(cc, T_QUO, const_int(7), const_int(2));
    assert_int_equal(r.kind, CONST_FLOAT);
    assert_string_equal(str(cc, r), "3.5");
    // Bitwise operations in two's complement, unsigned ^ within the type.
    assert_true(const_unary(a, T_XOR, const_int(0), 8, &r) && const_int64(r, &n) && n == 255);
    assert_true(const_unary(a, T_XOR, const_int(0), 64, &r));
    assert_string_equal(str(cc, r), "18446744073709551615");
    assert_true(const_unary(a, T_XOR, const_int(0), 0, &r) && const_int64(r, &n) && n == -1);
    r = bin(cc, T_AND_NOT, bin(cc, T_SUB, p200, const_int(1)), const_int(-256));
    assert_true(const_int64(r, &n) && n == 255);
    assert_true(const_compare(T_GTR, p200, const_int(INT64_MAX)));
    assert_true(const_compare(T_LSS, negbig, const_int(INT64_MIN)));
    compiler_free(cc);
}

static void test_literals(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    int64_t n;
    assert_true(const_int64(lit(cc, T_INT, "0x_ff"), &n) && n == 255);
    assert_true(const_int64(lit(cc, T_INT, "0o17"), &n) && n == 15);
    assert_true(const_int64(lit(cc, T_INT, "017"), &n) && n == 15);
    assert_true(const_int64(lit(cc, T_INT, "0b1010"), &n) && n == 10);
    assert_true(const_int64(lit(cc, T_INT, "1_000"), &n) && n == 1000);
    assert_true(const_int64(lit(cc, T_CHAR, "'\\n'"), &n) && n == 10);
    assert_true(const_int64(lit(cc, T_CHAR, "'\\u00e9'"), &n) && n == 0xe9);
    assert_true(const_int64(lit(cc, T_CHAR, "'é'"), &n) && n == 0xe9);
    assert_string_equal(str(cc, lit(cc, T_INT, "0x10000000000000000000000000000000000")),
                        "87112285931760246646623899502532662132736");
    // Float literals are exact rationals: 0.1 * 3 == 0.3 exactly.
    ConstVal tenth = lit(cc, T_FLOAT, "0.1");
    assert_true(const_compare(T_EQL, bin(cc, T_MUL, tenth, const_int(3)), lit(cc, T_FLOAT, "0.3")));
    assert_true(const_compare(T_EQL, lit(cc, T_FLOAT, "1e3"), const_int(1000)));
    assert_true(const_compare(T_EQL, lit(cc, T_FLOAT, "0x1p-2"), lit(cc, T_FLOAT, ".25")));
    assert_true(const_compare(T_EQL, lit(cc, T_FLOAT, "0777e1"), const_int(7770)));
    assert_true(const_compare(T_EQL, lit(cc, T_FLOAT, "1_0.2_5"), lit(cc, T_FLOAT, "10.25")));
    ConstVal im = lit(cc, T_IMAG, "0777i");   // decimal, as Go reads it
    assert_int_equal(im.kind, CONST_COMPLEX);
    assert_true(const_compare(T_EQL, const_imag(im), const_int(777)));
    assert_true(const_compare(T_EQL, const_imag(lit(cc, T_IMAG, "0x10i")), const_int(16)));
    assert_string_equal(str(cc, lit(cc, T_IMAG, "1e40i")), "(0 + 1e+40i)");
    // Beyond rationals: 512-bit floats; beyond Go's exponents: malformed
    // when too large, zero when too small.
    assert_string_equal(str(cc, lit(cc, T_FLOAT, "1e1000")), "1e+1000");
    assert_string_equal(str(cc, lit(cc, T_FLOAT, "1.5e-1000")), "1.5e-1000");
    assert_string_equal(str(cc, lit(cc, T_FLOAT, "-1.23456789e-10000")), "-1.23457e-10000");
    assert_int_equal(const_sign(lit(cc, T_FLOAT, "1e-1000000000")), 0);
    assert_int_equal(const_sign(lit(cc, T_FLOAT, "1e-600000000")), 1);
    ConstVal v;
    assert_false(const_from_literal(cc, T_FLOAT, "1e+1000000000", 13, &v));
    assert_false(const_from_literal(cc, T_FLOAT, "6e5518446744", 12, &v));
    assert_false(const_from_literal(cc, T_FLOAT, "1e-3000000000", 13, &v));
    compiler_free(cc);
}

static void test_floats(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Arena *a = &cc->arena;
    ConstVal r;
    // Rationals while they fit, then binary floats (go/constant's maxExp).
    ConstVal third = bin(cc, T_QUO, const_int(1), const_int(3));
    assert_string_equal(str(cc, third), "0.333333");
    assert_true(const_compare(T_EQL, bin(cc, T_MUL, third, const_int(3)), const_int(1)));
    ConstVal huge = lit(cc, T_FLOAT, "1e1000");
    assert_string_equal(str(cc, bin(cc, T_MUL, huge, huge)), "1e+2000");
    assert_string_equal(str(cc, bin(cc, T_QUO, huge, lit(cc, T_FLOAT, "1e999"))), "10");
    assert_string_equal(str(cc, bin(cc, T_MUL, huge, const_int(0))), "0");
    // A float that is integral converts to an integer, however large.
    ConstVal i;
    assert_true(const_to_int(a, lit(cc, T_FLOAT, "1e100"), &i));
    assert_string_equal(str(cc, i), "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000");
    assert_true(const_shift(a, T_SHR, i, 1000, &r) && const_sign(r) == 0);
    assert_false(const_to_int(a, lit(cc, T_FLOAT, "1.5"), &i));
    assert_true(const_to_int(a, huge, &i));     // 10^1000 is still a rational
    assert_int_equal(strlen(str(cc, i)), 1001);
    assert_false(const_to_int(a, lit(cc, T_FLOAT, "1e5000"), &i));   // a binary float
    // float64 and float32 nearest values, at the boundaries (test/float_lit3.go).
    ConstVal max64 = lit(cc, T_FLOAT, "0x1p1024");
    ConstVal ulp64 = lit(cc, T_FLOAT, "0x1p971");
    max64 = bin(cc, T_SUB, max64, ulp64);
    assert_true(const_float64(max64) == 1.7976931348623157e308);
    ConstVal half = bin(cc, T_QUO, ulp64, const_int(2));
    assert_true(const_float64(bin(cc, T_SUB, bin(cc, T_ADD, max64, half), const_int(1))) == 1.7976931348623157e308);
    assert_true(isinf(const_float64(bin(cc, T_ADD, max64, half))));
    assert_string_equal(str(cc, bin(cc, T_MUL, max64, const_int(2))), "3.59539e+308");
    assert_true(const_float64(lit(cc, T_FLOAT, "4.9e-324")) == 5e-324);
    assert_true(const_float64(lit(cc, T_FLOAT, "2e-324")) == 0);
    assert_true(const_float64(lit(cc, T_FLOAT, "3e-324")) == 5e-324);
    compiler_free(cc);
}

static void test_representable(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Arena *a = &cc->arena;
    ConstVal r = {0};
    // 0 fits, 1 truncated, 2 overflows, 3 cannot convert.
    assert_int_equal(const_representable(a, const_int(127), cc->basic[TY_INT8], &r), 0);
    assert_int_equal(const_representable(a, const_int(128), cc->basic[TY_INT8], &r), 2);
    assert_int_equal(const_representable(a, const_int(-1), cc->basic[TY_UINT], &r), 2);
    assert_int_equal(const_representable(a, lit(cc, T_FLOAT, "1.5"), cc->basic[TY_INT], &r), 1);
    assert_int_equal(const_representable(a, lit(cc, T_FLOAT, "2.0"), cc->basic[TY_INT], &r), 0);
    int64_t n;
    assert_true(const_int64(r, &n) && n == 2);
    assert_int_equal(const_representable(a, const_int(1), cc->basic[TY_STRING], &r), 3);
    ConstVal two64 = shl(cc, const_int(1), 64);
    assert_int_equal(const_representable(a, bin(cc, T_SUB, two64, const_int(1)), cc->basic[TY_UINT64], &r), 0);
    assert_int_equal(const_bits64(r), UINT64_MAX);
    assert_int_equal(const_representable(a, two64, cc->basic[TY_UINT64], &r), 2);
    assert_int_equal(const_representable(a, lit(cc, T_FLOAT, "1e40"), cc->basic[TY_FLOAT32], &r), 2);
    assert_int_equal(const_representable(a, lit(cc, T_FLOAT, "1e1000"), cc->basic[TY_FLOAT64], &r), 2);
    // float32 rounding: max32 + ulp32/2 overflows, a hair less rounds down.
    ConstVal max32 = bin(cc, T_SUB, lit(cc, T_FLOAT, "0x1p128"), lit(cc, T_FLOAT, "0x1p104"));
    ConstVal half32 = lit(cc, T_FLOAT, "0x1p103");
    ConstVal edge = bin(cc, T_ADD, max32, half32);
    assert_int_equal(const_representable(a, edge, cc->basic[TY_FLOAT32], &r), 2);
    ConstVal below = bin(cc, T_SUB, edge, bin(cc, T_QUO, lit(cc, T_FLOAT, "0x1p128"), lit(cc, T_FLOAT, "0x1p256")));
    assert_int_equal(const_representable(a, below, cc->basic[TY_FLOAT32], &r), 0);
    assert_true(const_compare(T_EQL, r, max32));
    assert_string_equal(str(cc, r), "3.40282e+38");
    // Typed float constants are exactly their float's value.
    assert_int_equal(const_representable(a, lit(cc, T_FLOAT, "0.1"), cc->basic[TY_FLOAT32], &r), 0);
    assert_true(const_float64(r) == (double)0.1f);
    assert_false(const_compare(T_EQL, r, lit(cc, T_FLOAT, "0.1")));
    // complex64 parts round as float32: 1e-50 becomes 0.
    assert_int_equal(const_representable(a, lit(cc, T_IMAG, "1e-50i"), cc->basic[TY_COMPLEX64], &r), 0);
    assert_int_equal(const_sign(r), 0);
    assert_int_equal(const_representable(a, lit(cc, T_IMAG, "1e-50i"), cc->basic[TY_COMPLEX128], &r), 0);
    assert_int_not_equal(const_sign(r), 0);
    compiler_free(cc);
}

static void test_complex(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    ConstVal i = lit(cc, T_IMAG, "1i");
    ConstVal x = bin(cc, T_ADD, const_int(1), i);   // 1 + 1i
    assert_string_equal(str(cc, x), "(1 + 1i)");
    assert_string_equal(str(cc, bin(cc, T_MUL, x, x)), "(0 + 2i)");
    assert_string_equal(str(cc, bin(cc, T_QUO, const_int(1), x)), "(0.5 + -0.5i)");
    assert_true(const_compare(T_EQL, bin(cc, T_MUL, i, i), const_int(-1)));
    assert_true(const_compare(T_NEQ, x, i));
    ConstVal r;
    assert_false(const_binary(&cc->arena, T_QUO, x, const_to_complex(&cc->arena, const_int(0)), false, &r));
    compiler_free(cc);
}

static void test_strings(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    assert_string_equal(str(cc, const_int(-42)), "-42");
    assert_string_equal(str(cc, lit(cc, T_FLOAT, "1.5")), "1.5");
    assert_string_equal(str(cc, lit(cc, T_FLOAT, "2.0")), "2");
    assert_string_equal(str(cc, lit(cc, T_FLOAT, "1e20")), "1e+20");
    assert_string_equal(str(cc, const_string("a\"b\n", 4)), "\"a\\\"b\\n\"");
    assert_true(const_equal(const_string("ab", 2), lit(cc, T_STRING, "\"ab\"")));
    assert_false(const_equal(const_string("ab", 2), const_string("abc", 3)));
    assert_true(const_compare(T_LSS, const_string("ab", 2), const_string("abc", 3)));
    // A chain of concatenations shares one buffer; every partial result
    // keeps its own value.
    ConstVal ab = const_concat(&cc->arena, const_string("a", 1), const_string("b", 1));
    ConstVal abc = const_concat(&cc->arena, ab, const_string("c", 1));
    ConstVal abd = const_concat(&cc->arena, ab, const_string("d", 1));   // ab no longer ends its buffer
    assert_string_equal(str(cc, ab), "\"ab\"");
    assert_string_equal(str(cc, abc), "\"abc\"");
    assert_string_equal(str(cc, abd), "\"abd\"");
    assert_ptr_equal(ab.u.s, abc.u.s);
    ConstVal s = const_string("", 0);
    for (int i = 0; i < 1000; i++)
        s = const_concat(&cc->arena, s, const_string("xyz", 3));
    assert_int_equal(s.len, 3000);
    assert_true(memcmp(s.u.s + 2997, "xyz", 4) == 0);
    assert_true(const_equal(abc, lit(cc, T_STRING, "\"abc\"")));
    compiler_free(cc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_integers),
        cmocka_unit_test(test_literals),
        cmocka_unit_test(test_floats),
        cmocka_unit_test(test_representable),
        cmocka_unit_test(test_complex),
        cmocka_unit_test(test_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
