// test_types.c - types and constants: amd64 sizes and alignments (gc's
// rules, including the padding after a trailing zero-size field), type
// identity, the two ways of printing types (gc's for -m messages, types2's
// for errors), and constants folded through the checker (test_const.c has
// the arithmetic itself).
#include "testutil.h"

#include "check.h"

// Checks a package and returns the type of its package-level variable v
// (and the package in *pkg, if asked).
static Type *var_type_in(Compiler *cc, const char *decls, Package **pkg) {
    char *src = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&src, &len);
    fprintf(f, "package main\n%s\nfunc main() {}\n", decls);
    fclose(f);
    File *file = parse_file(cc, test_source(cc, src));
    File *files[1] = {file};
    Package *p = check_package(cc, "main", files, 1);
    free(src);
    char *diags = test_flush_diags(cc);
    assert_string_equal(diags, "");
    free(diags);
    Obj *o = scope_lookup_local(p->scope, intern_cstr(cc, "v"));
    assert_non_null(o);
    if (pkg)
        *pkg = p;
    return o->type;
}

static Type *var_type(Compiler *cc, const char *decls) { return var_type_in(cc, decls, NULL); }

typedef struct SizeCase {
    const char *decls;
    int64_t size;
    int32_t align;
} SizeCase;

static void test_sizes(void **state) {
    (void)state;
    static const SizeCase cases[] = {
        {"var v bool", 1, 1},
        {"var v int16", 2, 2},
        {"var v rune", 4, 4},
        {"var v int", 8, 8},
        {"var v uintptr", 8, 8},
        {"var v complex64", 8, 4},
        {"var v complex128", 16, 8},
        {"var v string", 16, 8},
        {"var v []int", 24, 8},
        {"var v interface{ M() }", 16, 8},
        {"var v map[string]int", 8, 8},
        {"var v chan int", 8, 8},
        {"var v func()", 8, 8},
        {"var v *int", 8, 8},
        {"var v [3]int16", 6, 2},
        {"var v [0]int", 0, 8},
        {"var v struct{}", 0, 1},
        {"var v struct{ a int8; b int64; c int8 }", 24, 8},
        {"var v struct{ a int8; b int16 }", 4, 2},
        // A non-empty struct ending in a zero-size field gets one more byte.
        {"var v struct{ a int32; z struct{} }", 8, 4},
        {"var v struct{ a int8; z [0]int64 }", 16, 8},
        {"var v struct{ z struct{}; a int8 }", 1, 1},
        {"type T struct{ a, b int }\nvar v [2]T", 32, 8},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Compiler *cc = test_compiler();
        Type *t = var_type(cc, cases[i].decls);
        if (type_size(cc, t) != cases[i].size || type_align(cc, t) != cases[i].align)
            fail_msg("%s: size %lld align %d", cases[i].decls, (long long)type_size(cc, t), type_align(cc, t));
        compiler_free(cc);
    }
}

static void test_field_offsets(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Type *t = var_type(cc, "var v struct{ a int8; b int64; c int16; d int8 }");
    Type *u = type_underlying(t);
    type_size(cc, t);
    assert_int_equal(u->u.strct.fields[0].offset, 0);
    assert_int_equal(u->u.strct.fields[1].offset, 8);
    assert_int_equal(u->u.strct.fields[2].offset, 16);
    assert_int_equal(u->u.strct.fields[3].offset, 18);
    assert_int_equal(type_size(cc, t), 24);
    compiler_free(cc);
}

typedef struct StringCase {
    const char *decls;
    const char *gc;         // type_string: gc's -m spelling
    const char *types2;     // type_string_types2: the checker's spelling
} StringCase;

static void test_type_strings(void **state) {
    (void)state;
    static const StringCase cases[] = {
        {"var v []int", "[]int", "[]int"},
        {"type node struct{}\nvar v map[string]*node", "map[string]*node", "map[string]*node"},
        {"var v func(int, ...string) (int, error)", "func(int, ...string) (int, error)",
         "func(int, ...string) (int, error)"},
        {"var v func(a int) (n int)", "func(int) int", "func(a int) (n int)"},
        {"var v interface{}", "interface {}", "interface{}"},
        {"var v any", "any", "any"},
        {"var v interface{ M(int) string; N() }", "interface { M(int) string; N() }",
         "interface{M(int) string; N()}"},
        {"var v struct{ x int; y string \"tag\" }", "struct { x int; y string \"tag\" }",
         "struct{x int; y string \"tag\"}"},
        {"var v struct{}", "struct {}", "struct{}"},
        {"var v chan (<-chan int)", "chan (<-chan int)", "chan (<-chan int)"},
        {"var v chan<- []byte", "chan<- []byte", "chan<- []byte"},
        {"var v [4]rune", "[4]rune", "[4]rune"},
        {"var v error", "error", "error"},
        {"type T int\nvar v *T", "*T", "*T"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Compiler *cc = test_compiler();
        Package *p;
        Type *t = var_type_in(cc, cases[i].decls, &p);
        assert_string_equal(type_string(cc, t), cases[i].gc);
        assert_string_equal(type_string_types2(cc, t, p), cases[i].types2);
        compiler_free(cc);
    }
    Compiler *cc = test_compiler();
    assert_string_equal(type_string(cc, cc->basic[TY_UNTYPED_INT]), "untyped int");
    assert_string_equal(type_string(cc, cc->basic[TY_UNTYPED_NIL]), "nil");
    assert_string_equal(type_string_types2(cc, cc->basic[TY_UNTYPED_NIL], NULL), "untyped nil");
    assert_string_equal(type_string(cc, cc->basic[TY_UNSAFE_POINTER]), "unsafe.Pointer");
    compiler_free(cc);
}

static void test_identity(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Type *i = cc->basic[TY_INT];
    assert_true(type_identical(type_slice(cc, i), type_slice(cc, i)));
    assert_false(type_identical(type_slice(cc, i), type_array(cc, i, 2)));
    assert_true(type_identical(type_array(cc, i, 2), type_array(cc, i, 2)));
    assert_false(type_identical(type_array(cc, i, 2), type_array(cc, i, 3)));
    assert_true(type_identical(type_map(cc, i, type_pointer(cc, i)), type_map(cc, i, type_pointer(cc, i))));
    assert_false(type_identical(type_chan(cc, i, CHAN_SEND), type_chan(cc, i, CHAN_BOTH)));
    // byte and uint8 are one type.
    assert_true(type_identical(cc->byte_type, cc->basic[TY_UINT8]));
    assert_true(type_identical(cc->rune_type, cc->basic[TY_INT32]));
    compiler_free(cc);

    cc = test_compiler();
    Type *t = var_type(cc, "type A struct{ x int }\ntype B struct{ x int }\nvar v struct{ a A; b B; c struct{ x int } }");
    Type *u = type_underlying(t);
    Type *a = u->u.strct.fields[0].type, *b = u->u.strct.fields[1].type, *lit = u->u.strct.fields[2].type;
    assert_false(type_identical(a, b));                     // distinct defined types
    assert_true(type_identical(type_underlying(a), lit));   // same underlying struct
    assert_true(type_identical(type_underlying(a), type_underlying(b)));
    compiler_free(cc);
}

// Folding through the checker: typed constants, iota, implicit repetition.
static void test_constant_declarations(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    const char *src =
        "package main\n"
        "const (\n"
        "\tA = iota * 10\n"
        "\tB\n"
        "\tC\n"
        ")\n"
        "const D uint8 = 1<<8 - 1\n"
        "const E = \"x\" + \"y\"\n"
        "const F = len(E) + 'a'\n"
        "const G = 5 / 2.0\n"
        "func main() {}\n";
    File *f = parse_file(cc, test_source(cc, src));
    File *files[1] = {f};
    Package *p = check_package(cc, "main", files, 1);
    char *diags = test_flush_diags(cc);
    assert_string_equal(diags, "");
    free(diags);
    struct {
        const char *name;
        const char *value;
        const char *type;
    } want[] = {
        {"A", "0", "untyped int"}, {"B", "10", "untyped int"}, {"C", "20", "untyped int"},
        {"D", "255", "uint8"}, {"E", "\"xy\"", "untyped string"}, {"F", "99", "int"},
        {"G", "2.5", "untyped float"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        Obj *o = scope_lookup_local(p->scope, intern_cstr(cc, want[i].name));
        assert_non_null(o);
        assert_string_equal(const_string_of(cc, o->u.cval), want[i].value);
        assert_string_equal(type_string(cc, o->type), want[i].type);
    }
    compiler_free(cc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_field_offsets),
        cmocka_unit_test(test_type_strings),
        cmocka_unit_test(test_identity),
        cmocka_unit_test(test_constant_declarations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
