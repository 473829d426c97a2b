// test_check.c - the type checker: every rule with a passing and a failing
// program, and the facts it records for later passes.
//
// The table `gc_cases` holds small programs with the complete output of
// `go tool compile -p=main` (Go 1.19) for them, verbatim: minigc's checker
// must print exactly that (position, wording, continuation lines), or
// nothing where gc accepts the program. The remaining tests look at what
// the checker records on the AST and in FuncInfo: gc's function names,
// loop depths, captured, reassigned and address-taken variables, selector
// and call kinds, comma-ok forms, type-switch clause variables and branch
// targets.
#include "testutil.h"

// Parses and checks one file named x.go; returns the package (diagnostics
// stay recorded in cc). As gc, it does not type-check after syntax errors.
static Package *check_src(Compiler *cc, const char *src) {
    File *f = parse_file(cc, test_source(cc, src));
    for (int i = 0; i < cc->diags.len; i++)
        if (strncmp(cc->diags.items[i].msg, "syntax error", 12) == 0)
            return NULL;
    File *files[1] = {f};
    return check_package(cc, "main", files, 1);
}

static char *check_output(const char *src) {
    Compiler *cc = test_compiler();
    check_src(cc, src);
    char *out = test_flush_diags(cc);
    compiler_free(cc);
    return out;
}

typedef struct Case {
    const char *name;
    const char *src;
    const char *want;   // gc's output, "" if gc accepts the program
} Case;

static const Case gc_cases[] = {
    {"undef",
     "package main\n"
     "\n"
     "func main() { x = 1 }\n",
     "x.go:3:15: undefined: x\n"},
    {"unused",
     "package main\n"
     "\n"
     "func main() { x := 1 }\n",
     "x.go:3:15: x declared but not used\n"},
    {"unused2",
     "package main\n"
     "\n"
     "func main() { x, y := 1, 2; _ = x }\n",
     "x.go:3:18: y declared but not used\n"},
    {"import_unused",
     "package main\n"
     "\n"
     "import \"fmt\"\n"
     "func main() {}\n",
     "x.go:3:8: imported and not used: \"fmt\"\n"},
    {"assign_mismatch",
     "package main\n"
     "\n"
     "func main() { var s string; x := 1; s = x; _ = s }\n",
     "x.go:3:41: cannot use x (variable of type int) as type string in assignment\n"},
    {"overflow",
     "package main\n"
     "\n"
     "func main() { var i int8 = 300; _ = i }\n",
     "x.go:3:28: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)\n"},
    {"too_many_args",
     "package main\n"
     "\n"
     "func f(a int) {}\n"
     "func main() { f(1, 2) }\n",
     "x.go:4:20: too many arguments in call to f\n"
     "\thave (number, number)\n"
     "\twant (int)\n"},
    {"not_enough_args",
     "package main\n"
     "\n"
     "func f(a int, b string) {}\n"
     "func main() { f(1) }\n",
     "x.go:4:17: not enough arguments in call to f\n"
     "\thave (number)\n"
     "\twant (int, string)\n"},
    {"not_enough_args0",
     "package main\n"
     "\n"
     "func f(a int, b string) {}\n"
     "func main() { f() }\n",
     "x.go:4:15: not enough arguments in call to f\n"
     "\thave ()\n"
     "\twant (int, string)\n"},
    {"redecl",
     "package main\n"
     "\n"
     "func main() { var x int; var x int; _ = x }\n",
     "x.go:3:30: x redeclared in this block\n"
     "\tx.go:3:19: other declaration of x\n"},
    {"no_new",
     "package main\n"
     "\n"
     "func main() { x := 1; x := 2; _ = x }\n",
     "x.go:3:25: no new variables on left side of :=\n"},
    {"missing_return",
     "package main\n"
     "\n"
     "func f() int { }\n"
     "func main() { f() }\n",
     "x.go:3:16: missing return\n"},
    {"binop_mismatch",
     "package main\n"
     "\n"
     "func main() { a := 1; b := \"s\"; _ = a + b }\n",
     "x.go:3:37: invalid operation: a + b (mismatched types int and string)\n"},
    {"call_nonfunc",
     "package main\n"
     "\n"
     "func main() { a := 1; a() }\n",
     "x.go:3:23: invalid operation: cannot call non-function a (variable of type int)\n"},
    {"undef_field",
     "package main\n"
     "\n"
     "type T struct{ x int }\n"
     "func main() { var t T; _ = t.y }\n",
     "x.go:4:30: t.y undefined (type T has no field or method y)\n"},
    {"undef_method_case",
     "package main\n"
     "\n"
     "type T struct{}\n"
     "func (T) Foo() {}\n"
     "func main() { var t T; t.foo() }\n",
     "x.go:5:26: t.foo undefined (type T has no field or method foo, but does have Foo)\n"},
    {"not_used_expr",
     "package main\n"
     "\n"
     "func main() { x := 1; x + 1 }\n",
     "x.go:3:23: x + 1 (value of type int) is not used\n"},
    {"iface_impl",
     "package main\n"
     "\n"
     "type I interface{ M() }\n"
     "type T struct{}\n"
     "func (*T) M() {}\n"
     "func main() { var i I = T{}; _ = i }\n",
     "x.go:6:25: cannot use T{} (value of type T) as type I in variable declaration:\n"
     "\tT does not implement I (M method has pointer receiver)\n"},
    {"iface_missing",
     "package main\n"
     "\n"
     "type I interface{ M(); N() }\n"
     "type T struct{}\n"
     "func (T) M() {}\n"
     "func main() { var i I = T{}; _ = i }\n",
     "x.go:6:25: cannot use T{} (value of type T) as type I in variable declaration:\n"
     "\tT does not implement I (missing N method)\n"},
    {"iface_wrongtype",
     "package main\n"
     "\n"
     "type I interface{ M(int) }\n"
     "type T struct{}\n"
     "func (T) M() {}\n"
     "func main() { var i I = T{}; _ = i }\n",
     "x.go:6:25: cannot use T{} (value of type T) as type I in variable declaration:\n"
     "\tT does not implement I (wrong type for M method)\n"
     "\t\thave M()\n"
     "\t\twant M(int)\n"},
    {"return_count",
     "package main\n"
     "\n"
     "func f() (int, int) { return 1 }\n"
     "func main() { f() }\n",
     "x.go:3:30: not enough return values\n"
     "\thave (number)\n"
     "\twant (int, int)\n"},
    {"return_too_many",
     "package main\n"
     "\n"
     "func f() int { return 1, 2 }\n"
     "func main() { f() }\n",
     "x.go:3:26: too many return values\n"
     "\thave (number, number)\n"
     "\twant (int)\n"},
    {"assign_count",
     "package main\n"
     "\n"
     "func f() (int, int) { return 1, 2 }\n"
     "func main() { a, b, c := f(); _, _, _ = a, b, c }\n",
     "x.go:4:26: assignment mismatch: 3 variables but f returns 2 values\n"},
    {"assign_count2",
     "package main\n"
     "\n"
     "func main() { a, b := 1; _, _ = a, b }\n",
     "x.go:3:23: assignment mismatch: 2 variables but 1 value\n"},
    {"label_unused",
     "package main\n"
     "\n"
     "func main() {\n"
     "L:\n"
     "\tfor {}\n"
     "}\n",
     "x.go:4:1: label L defined and not used\n"},
    {"label_undef",
     "package main\n"
     "\n"
     "func main() { goto L }\n",
     "x.go:3:20: label L not defined\n"},
    {"break_out",
     "package main\n"
     "\n"
     "func main() { break }\n",
     "x.go:3:15: break is not in a loop, switch, or select\n"},
    {"continue_out",
     "package main\n"
     "\n"
     "func main() { continue }\n",
     "x.go:3:15: continue is not in a loop\n"},
    {"not_bool_if",
     "package main\n"
     "\n"
     "func main() { if 1 { } }\n",
     "x.go:3:18: non-boolean condition in if statement\n"},
    {"deref_nonptr",
     "package main\n"
     "\n"
     "func main() { x := 1; _ = *x }\n",
     "x.go:3:28: invalid operation: cannot indirect x (variable of type int)\n"},
    {"addr_of_call",
     "package main\n"
     "\n"
     "func f() int { return 1 }\n"
     "func main() { _ = &f() }\n",
     "x.go:4:20: invalid operation: cannot take address of f() (value of type int)\n"},
    {"const_div0",
     "package main\n"
     "\n"
     "func main() { x := 1; _ = x / 0 }\n",
     "x.go:3:31: invalid operation: division by zero\n"},
    {"string_index_assign",
     "package main\n"
     "\n"
     "func main() { s := \"abc\"; s[0] = 1 }\n",
     "x.go:3:27: cannot assign to s[0] (value of type byte)\n"},
    {"map_struct_assign",
     "package main\n"
     "\n"
     "type T struct{ x int }\n"
     "func main() { m := map[int]T{}; m[1].x = 2 }\n",
     "x.go:4:33: cannot assign to struct field m[1].x in map\n"},
    {"unexported_pkg",
     "package main\n"
     "\n"
     "import \"strings\"\n"
     "func main() { _ = strings.foo }\n",
     "x.go:4:27: undefined: strings.foo\n"},
    {"undef_pkg_member",
     "package main\n"
     "\n"
     "import \"strings\"\n"
     "func main() { _ = strings.Foo }\n",
     "x.go:4:27: undefined: strings.Foo\n"},
    {"conv_bad",
     "package main\n"
     "\n"
     "func main() { s := \"a\"; _ = int(s) }\n",
     "x.go:3:33: cannot convert s (variable of type string) to type int\n"},
    {"multi_value_single",
     "package main\n"
     "\n"
     "func f() (int, int) { return 1, 2 }\n"
     "func main() { x := f() + 1; _ = x }\n",
     "x.go:4:20: multiple-value f() (value of type (int, int)) in single-value context\n"},
    {"rec_type",
     "package main\n"
     "\n"
     "type T struct{ x T }\n"
     "func main() {}\n",
     "x.go:3:6: invalid recursive type T\n"
     "\tx.go:3:6: T refers to\n"
     "\tx.go:3:6: T\n"},
    {"init_loop",
     "package main\n"
     "\n"
     "var a = b\n"
     "var b = a\n"
     "func main() {}\n",
     "x.go:3:5: initialization loop for a\n"
     "\tx.go:3:5: a refers to\n"
     "\tx.go:4:5: b refers to\n"
     "\tx.go:3:5: a\n"},
    {"dup_case",
     "package main\n"
     "\n"
     "func main() { x := 1; switch x { case 1: case 1: } }\n",
     "x.go:3:47: duplicate case 1 (constant of type int) in expression switch\n"
     "\tx.go:3:39: previous case\n"},
    {"typeswitch_nonif",
     "package main\n"
     "\n"
     "func main() { x := 1; switch x.(type) { } }\n",
     "x.go:3:30: x (variable of type int) is not an interface\n"},
    {"ts_unused",
     "package main\n"
     "\n"
     "func main() { var x interface{}; switch v := x.(type) { case int: } }\n",
     "x.go:3:41: v declared but not used\n"},
    {"range_int",
     "package main\n"
     "\n"
     "func main() { for i := range 10 { _ = i } }\n",
     "x.go:3:30: cannot range over 10 (untyped int constant)\n"},
    {"struct_lit_unknown",
     "package main\n"
     "\n"
     "type T struct{ x int }\n"
     "func main() { _ = T{y: 1} }\n",
     "x.go:4:21: unknown field 'y' in struct literal of type T\n"},
    {"struct_lit_few",
     "package main\n"
     "\n"
     "type T struct{ x, y int }\n"
     "func main() { _ = T{1} }\n",
     "x.go:4:22: too few values in T{…}\n"},
    {"nil_use",
     "package main\n"
     "\n"
     "func main() { x := nil; _ = x }\n",
     "x.go:3:20: use of untyped nil in assignment\n"},
    {"method_redecl",
     "package main\n"
     "\n"
     "type T struct{}\n"
     "func (T) M() {}\n"
     "func (T) M() {}\n"
     "func main() {}\n",
     "x.go:5:10: T.M redeclared in this block\n"
     "\tx.go:4:10: other declaration of M\n"},
    {"ptr_method_value",
     "package main\n"
     "\n"
     "type T struct{}\n"
     "func (*T) M() {}\n"
     "func main() { T{}.M() }\n",
     "x.go:5:19: cannot call pointer method M on T\n"},
    {"append_nonslice",
     "package main\n"
     "\n"
     "func main() { x := 1; _ = append(x, 1) }\n",
     "x.go:3:34: first argument to append must be a slice; have x (variable of type int)\n"},
    {"make_bad",
     "package main\n"
     "\n"
     "func main() { _ = make(int) }\n",
     "x.go:3:24: invalid argument: cannot make int; type must be slice, map, or channel\n"},
    {"cmp_mismatch",
     "package main\n"
     "\n"
     "func main() { a := 1; b := \"x\"; _ = a == b }\n",
     "x.go:3:42: invalid operation: a == b (mismatched types int and string)\n"},
    {"cmp_slice",
     "package main\n"
     "\n"
     "func main() { a := []int{}; b := []int{}; _ = a == b }\n",
     "x.go:3:47: invalid operation: a == b (slice can only be compared to nil)\n"},
    {"shift_float",
     "package main\n"
     "\n"
     "func main() { x := 1.5; _ = x << 2 }\n",
     "x.go:3:29: invalid operation: shifted operand x (variable of type float64) must be integer\n"},
    {"fallthrough_last",
     "package main\n"
     "\n"
     "func main() { x := 1; switch x { case 1: fallthrough } }\n",
     "x.go:3:42: cannot fallthrough final case in switch\n"},
    {"goto_over",
     "package main\n"
     "\n"
     "func main() {\n"
     "\tgoto L\n"
     "\tx := 1\n"
     "\t_ = x\n"
     "L:\n"
     "}\n",
     "x.go:4:7: goto L jumps over declaration of x at x.go:5:4\n"},
    {"neg_shift",
     "package main\n"
     "\n"
     "func main() { x := 1; _ = x << -1 }\n",
     "x.go:3:32: invalid operation: negative shift count -1 (untyped int constant)\n"},
    {"ellipsis_nonvariadic",
     "package main\n"
     "\n"
     "func f(a []int) {}\n"
     "func main() { f([]int{}...) }\n",
     "x.go:4:15: cannot use ... in call to non-variadic f\n"},
    {"variadic_wrong",
     "package main\n"
     "\n"
     "func f(a ...int) {}\n"
     "func main() { f(\"x\") }\n",
     "x.go:4:17: cannot use \"x\" (untyped string constant) as int value in argument to f\n"},
    {"untyped_const_to_string",
     "package main\n"
     "\n"
     "func main() { var s string = 1; _ = s }\n",
     "x.go:3:30: cannot use 1 (untyped int constant) as string value in variable declaration\n"},
    {"float_trunc",
     "package main\n"
     "\n"
     "func main() { var i int = 1.5; _ = i }\n",
     "x.go:3:27: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)\n"},
    {"chan_send_recvonly",
     "package main\n"
     "\n"
     "func main() { var c <-chan int; c <- 1 }\n",
     "x.go:3:33: invalid operation: cannot send to receive-only channel c (variable of type <-chan int)\n"},
    {"unused_result",
     "package main\n"
     "\n"
     "func f() int { return 1 }\n"
     "func main() { go f; defer f }\n",
     "x.go:4:18: expression in go must be function call\n"
     "x.go:4:27: expression in defer must be function call\n"},
    {"defer_conv",
     "package main\n"
     "\n"
     "func main() { defer int(1) }\n",
     "x.go:3:21: defer requires function call, not conversion int(1) (constant 1 of type int)\n"},
    {"assign_to_const",
     "package main\n"
     "\n"
     "const c = 1\n"
     "func main() { c = 2 }\n",
     "x.go:4:15: cannot assign to c (untyped int constant 1)\n"},
    {"index_oob",
     "package main\n"
     "\n"
     "func main() { var a [3]int; _ = a[5] }\n",
     "x.go:3:35: invalid argument: index 5 out of bounds [0:3]\n"},
    {"nonname_define",
     "package main\n"
     "\n"
     "type T struct{ x int }\n"
     "func main() { var t T; t.x := 1 }\n",
     "x.go:4:24: non-name t.x on left side of :=\n"},
    {"unnamed_import_alias_unused",
     "package main\n"
     "\n"
     "import s \"strings\"\n"
     "func main() {}\n",
     "x.go:3:8: imported and not used: \"strings\" as s\n"},
    {"use_type_as_expr",
     "package main\n"
     "\n"
     "type T int\n"
     "func main() { _ = T }\n",
     "x.go:4:19: T (type) is not an expression\n"},
    {"builtin_not_called",
     "package main\n"
     "\n"
     "func main() { _ = len }\n",
     "x.go:3:19: len (built-in) must be called\n"},
    {"too_many_in_conv",
     "package main\n"
     "\n"
     "func main() { _ = int(1, 2) }\n",
     "x.go:3:26: too many arguments in conversion to int\n"},
    {"missing_func_body_use",
     "package main\n"
     "\n"
     "func main() { var f func(); f = 1 }\n",
     "x.go:3:33: cannot use 1 (untyped int constant) as func() value in assignment\n"},
    {"invalid_recv",
     "package main\n"
     "\n"
     "type P *int\n"
     "func (p P) M() {}\n"
     "func main() {}\n",
     "x.go:4:7: invalid receiver type P (pointer or interface type)\n"},
    {"nonlocal_recv",
     "package main\n"
     "\n"
     "func (i int) M() {}\n"
     "func main() {}\n",
     "x.go:3:7: cannot define new methods on non-local type int\n"},
    {"result_shadow",
     "package main\n"
     "\n"
     "func f() (x int) { { x := 2; _ = x; return } }\n"
     "func main() {}\n",
     "x.go:3:37: result parameter x not in scope at return\n"
     "\tx.go:3:22: inner declaration of var x int\n"},
    {"dup_map_key",
     "package main\n"
     "\n"
     "func main() { _ = map[string]int{\"a\": 1, \"a\": 2} }\n",
     "x.go:3:42: duplicate key \"a\" in map literal\n"},
    {"dup_field",
     "package main\n"
     "\n"
     "type T struct{ a int; a string }\n"
     "func main() {}\n",
     "x.go:3:23: a redeclared\n"
     "\tx.go:3:16: other declaration of a\n"},
    {"array_len_nonconst",
     "package main\n"
     "\n"
     "func main() { n := 3; var a [n]int; _ = a }\n",
     "x.go:3:15: n declared but not used\n"
     "x.go:3:30: invalid array length n\n"},
    {"typeassert_impossible",
     "package main\n"
     "\n"
     "type I interface{ M() }\n"
     "type T struct{}\n"
     "func main() { var i I; _ = i.(T) }\n",
     "x.go:5:28: impossible type assertion: i.(T)\n"
     "\tT does not implement I (missing M method)\n"},
    {"break_label_bad",
     "package main\n"
     "\n"
     "func main() {\n"
     "L:\n"
     "\tif true { break L }\n"
     "}\n",
     "x.go:5:18: invalid break label L\n"},
    {"ambiguous",
     "package main\n"
     "\n"
     "type A struct{ X int }\n"
     "type B struct{ X int }\n"
     "type C struct{ A; B }\n"
     "func main() { var c C; _ = c.X }\n",
     "x.go:6:30: ambiguous selector c.X\n"},
    {"iota_outside",
     "package main\n"
     "\n"
     "func main() { _ = iota }\n",
     "x.go:3:19: cannot use iota outside constant declaration\n"},
    {"const_not_const",
     "package main\n"
     "\n"
     "func f() int { return 1 }\n"
     "const c = f()\n"
     "func main() {}\n",
     "x.go:4:11: f() (value of type int) is not constant\n"},
    {"invalid_indirect_nil",
     "package main\n"
     "\n"
     "func main() { _ = *nil }\n",
     "x.go:3:20: invalid operation: cannot indirect nil\n"},
    {"assign_op_mismatch",
     "package main\n"
     "\n"
     "func main() { a := 1; a += \"x\" }\n",
     "x.go:3:23: invalid operation: a += \"x\" (mismatched types int and untyped string)\n"},
    {"incdec_nonnum",
     "package main\n"
     "\n"
     "func main() { s := \"a\"; s++ }\n",
     "x.go:3:25: invalid operation: s++ (non-numeric type string)\n"},
    {"notype_complit",
     "package main\n"
     "\n"
     "func main() { _ = {1, 2} }\n",
     "x.go:3:19: syntax error: unexpected {, expecting expression\n"},
    {"close_nonchan",
     "package main\n"
     "\n"
     "func main() { close(1) }\n",
     "x.go:3:21: invalid operation: cannot close non-channel 1 (untyped int constant)\n"},
    {"delete_nonmap",
     "package main\n"
     "\n"
     "func main() { delete(1, 2) }\n",
     "x.go:3:22: invalid argument: 1 (untyped int constant) is not a map\n"},
    {"copy_mismatch",
     "package main\n"
     "\n"
     "func main() { copy([]int{}, []string{}) }\n",
     "x.go:3:20: invalid argument: arguments to copy []int{} (value of type []int) and []string{} (value of type []string) have different element types int and string\n"},
    {"len_bad",
     "package main\n"
     "\n"
     "func main() { _ = len(1) }\n",
     "x.go:3:23: invalid argument: 1 (untyped int constant) for len\n"},
    {"new_nontype",
     "package main\n"
     "\n"
     "func main() { _ = new(1) }\n",
     "x.go:3:23: 1 is not a type\n"},
    {"select_bad",
     "package main\n"
     "\n"
     "func main() { x := 1; select { case x > 0: } }\n",
     "x.go:3:15: x declared but not used\n"
     "x.go:3:39: select case must be send or receive (possibly with assignment)\n"},
    {"range_two_chan",
     "package main\n"
     "\n"
     "func main() { c := make(chan int); for a, b := range c { _, _ = a, b } }\n",
     "x.go:3:43: range over c (variable of type chan int) permits only one iteration variable\n"},
    {"string_plus_int",
     "package main\n"
     "\n"
     "func main() { _ = \"a\" + 1 }\n",
     "x.go:3:19: invalid operation: \"a\" + 1 (mismatched types untyped string and untyped int)\n"},
    {"bitop_float",
     "package main\n"
     "\n"
     "func main() { x := 1.0; _ = x & 1 }\n",
     "x.go:3:29: invalid operation: operator & not defined on x (variable of type float64)\n"},
    {"mod_float",
     "package main\n"
     "\n"
     "func main() { x := 1.0; _ = x % 2 }\n",
     "x.go:3:29: invalid operation: operator % not defined on x (variable of type float64)\n"},
    {"not_int",
     "package main\n"
     "\n"
     "func main() { _ = !1 }\n",
     "x.go:3:20: invalid operation: operator ! not defined on 1 (untyped int constant)\n"},
    {"cap_map",
     "package main\n"
     "\n"
     "func main() { m := map[int]int{}; _ = cap(m) }\n",
     "x.go:3:43: invalid argument: m (variable of type map[int]int) for cap\n"},
    {"unused_label_goto_fwd",
     "package main\n"
     "\n"
     "func main() {\n"
     "\tgoto L\n"
     "\t{\n"
     "\tL:\n"
     "\t}\n"
     "}\n",
     "x.go:4:7: goto L jumps into block starting at x.go:5:2\n"},
    {"closure_unused",
     "package main\n"
     "\n"
     "func main() { f := func() { y := 1 }; f() }\n",
     "x.go:3:29: y declared but not used\n"},
    {"method_on_ptr_recv_iface",
     "package main\n"
     "\n"
     "type I interface{ M() }\n"
     "type T struct{}\n"
     "func (*T) M() {}\n"
     "func g(i I) {}\n"
     "func main() { var t T; g(t) }\n",
     "x.go:7:26: cannot use t (variable of type T) as type I in argument to g:\n"
     "\tT does not implement I (M method has pointer receiver)\n"},
    {"ret_in_void",
     "package main\n"
     "\n"
     "func f() { return 1 }\n"
     "func main() { f() }\n",
     "x.go:3:19: too many return values\n"
     "\thave (number)\n"
     "\twant ()\n"},
    {"use_of_pkg",
     "package main\n"
     "\n"
     "import \"strings\"\n"
     "func main() { _ = strings }\n",
     "x.go:3:8: imported and not used: \"strings\"\n"
     "x.go:4:19: use of package strings not in selector\n"},
    {"var_no_type_no_init",
     "package main\n"
     "\n"
     "func main() { var x; _ = x }\n",
     "x.go:3:20: syntax error: unexpected semicolon, expecting type\n"},
    {"typed_const_overflow",
     "package main\n"
     "\n"
     "const a uint8 = 255\n"
     "func main() { b := a + 1; _ = b }\n",
     "x.go:4:20: a + 1 (constant 256 of type uint8) overflows uint8\n"},
    {"shift_overflow",
     "package main\n"
     "\n"
     "func main() { var x int8 = 1 << 10; _ = x }\n",
     "x.go:3:28: cannot use 1 << 10 (untyped int constant 1024) as int8 value in variable declaration (overflows)\n"},
    {"shift_nonconst_float",
     "package main\n"
     "\n"
     "func main() { s := 2; var f float64 = 1 << s; _ = f }\n",
     "x.go:3:39: invalid operation: 1 << s (shift of type float64)\n"},
    {"const_huge",
     "package main\n"
     "\n"
     "const big = 1 << 100\n"
     "func main() { var x int = big; _ = x }\n",
     "x.go:4:27: cannot use big (untyped int constant 1267650600228229401496703205376) as int value in variable declaration (overflows)\n"},
    {"const_big_ok",
     "package main\n"
     "\n"
     "const big = 1 << 100\n"
     "const small = big >> 98\n"
     "func main() { var x int = small; _ = x }\n",
     ""},
    {"untyped_float_to_int_ok",
     "package main\n"
     "\n"
     "func main() { var x int = 2.0; _ = x }\n",
     ""},
    {"rune_str",
     "package main\n"
     "\n"
     "func main() { var r rune = \"a\"; _ = r }\n",
     "x.go:3:28: cannot use \"a\" (untyped string constant) as rune value in variable declaration\n"},
    {"string_conv_int",
     "package main\n"
     "\n"
     "func main() { var s string = string(65); _ = s }\n",
     ""},
    {"cmp_nil_nil",
     "package main\n"
     "\n"
     "func main() { _ = nil == nil }\n",
     "x.go:3:26: invalid operation: nil == nil (operator == not defined on untyped nil)\n"},
    {"cmp_func",
     "package main\n"
     "\n"
     "func f() {}\n"
     "func main() { _ = f == f }\n",
     "x.go:4:19: invalid operation: f == f (func can only be compared to nil)\n"},
    {"cmp_struct_slice",
     "package main\n"
     "\n"
     "type T struct{ s []int }\n"
     "func main() { var a, b T; _ = a == b }\n",
     "x.go:4:31: invalid operation: a == b (struct containing []int cannot be compared)\n"},
    {"map_key_slice",
     "package main\n"
     "\n"
     "func main() { var m map[[]int]int; _ = m }\n",
     "x.go:3:25: invalid map key type []int\n"},
    {"embedded_ptr_ptr",
     "package main\n"
     "\n"
     "type T struct{ *int }\n"
     "func main() {}\n",
     ""},
    {"iface_embed",
     "package main\n"
     "\n"
     "type A interface{ M() }\n"
     "type B interface{ A; N() }\n"
     "type T struct{}\n"
     "func (T) M() {}\n"
     "func main() { var b B = T{}; _ = b }\n",
     "x.go:7:25: cannot use T{} (value of type T) as type B in variable declaration:\n"
     "\tT does not implement B (missing N method)\n"},
    {"iface_ptr",
     "package main\n"
     "\n"
     "type I interface{ M() }\n"
     "func main() { var p *I; p.M() }\n",
     "x.go:4:27: p.M undefined (type *I is pointer to interface, not interface)\n"},
    {"method_expr_bad",
     "package main\n"
     "\n"
     "type T struct{}\n"
     "func (T) M() {}\n"
     "func main() { _ = T.N }\n",
     "x.go:5:21: T.N undefined (type T has no field or method N)\n"},
    {"method_value_ok_unused",
     "package main\n"
     "\n"
     "type T struct{}\n"
     "func (T) M() {}\n"
     "func main() { var t T; f := t.M }\n",
     "x.go:5:24: f declared but not used\n"},
    {"pkg_redecl",
     "package main\n"
     "\n"
     "import \"strings\"\n"
     "var strings = 1\n"
     "func main() {}\n",
     "x.go:3:8: imported and not used: \"strings\"\n"
     "x.go:4:5: strings already declared through import of package strings (\"strings\")\n"
     "\tx.go:3:8: other declaration of strings\n"},
    {"blank_use",
     "package main\n"
     "\n"
     "func main() { _ = _ }\n",
     "x.go:3:19: cannot use _ as value or type\n"},
    {"const_typed_mismatch",
     "package main\n"
     "\n"
     "const a int = 1\n"
     "const b float64 = 2\n"
     "func main() { _ = a + b }\n",
     "x.go:5:19: invalid operation: a + b (mismatched types int and float64)\n"},
    {"div_zero_float_const",
     "package main\n"
     "\n"
     "func main() { _ = 1.0 / 0 }\n",
     "x.go:3:25: invalid operation: division by zero\n"},
    {"untyped_bool_to_int",
     "package main\n"
     "\n"
     "func main() { var x int = 1 < 2; _ = x }\n",
     "x.go:3:27: cannot use 1 < 2 (untyped bool constant true) as int value in variable declaration\n"},
    {"assign_func_result_none",
     "package main\n"
     "\n"
     "func f() {}\n"
     "func main() { x := f(); _ = x }\n",
     "x.go:4:20: f() (no value) used as value\n"},
    {"use_novalue",
     "package main\n"
     "\n"
     "func f() {}\n"
     "func main() { _ = f() + 1 }\n",
     "x.go:4:19: f() (no value) used as value\n"},
    {"return_missing_values",
     "package main\n"
     "\n"
     "func f() (x int, err error) { return }\n"
     "func g() int { return }\n"
     "func main() {}\n",
     "x.go:4:16: not enough return values\n"
     "\thave ()\n"
     "\twant (int)\n"},
    {"if_missing_return",
     "package main\n"
     "\n"
     "func f(b bool) int { if b { return 1 } }\n"
     "func main() {}\n",
     "x.go:3:40: missing return\n"},
    {"for_ok_return",
     "package main\n"
     "\n"
     "func f() int { for {} }\n"
     "func main() {}\n",
     ""},
    {"switch_return",
     "package main\n"
     "\n"
     "func f(x int) int { switch x { case 1: return 1; default: return 2 } }\n"
     "func g(x int) int { switch x { case 1: return 1 } }\n"
     "func main() {}\n",
     "x.go:4:51: missing return\n"},
    {"panic_terminates",
     "package main\n"
     "\n"
     "func f() int { panic(1) }\n"
     "func main() {}\n",
     ""},
    {"for_break_missing_ret",
     "package main\n"
     "\n"
     "func f() int { for { break } }\n"
     "func main() {}\n",
     "x.go:3:30: missing return\n"},
    {"select_default_dup",
     "package main\n"
     "\n"
     "func main() { select { default: ; default: } }\n",
     "x.go:3:35: multiple defaults (first at x.go:3:24)\n"},
    {"switch_default_dup",
     "package main\n"
     "\n"
     "func main() { switch { default: ; default: } }\n",
     "x.go:3:35: multiple defaults (first at x.go:3:24)\n"},
    {"goto_into_block",
     "package main\n"
     "\n"
     "func main() {\n"
     "\tgoto L\n"
     "\t{\n"
     "\tL:\n"
     "\t\tprintln()\n"
     "\t}\n"
     "}\n",
     "x.go:4:7: goto L jumps into block starting at x.go:5:2\n"},
    {"label_redef",
     "package main\n"
     "\n"
     "func main() {\n"
     "L:\n"
     "\tgoto L\n"
     "L:\n"
     "\tgoto L\n"
     "}\n",
     "x.go:6:1: label L already defined at x.go:4:1\n"},
    {"continue_label_bad",
     "package main\n"
     "\n"
     "func main() {\n"
     "L:\n"
     "\tswitch {\n"
     "\tcase true:\n"
     "\t\tfor { continue L }\n"
     "\t}\n"
     "}\n",
     "x.go:7:18: invalid continue label L\n"},
    {"fallthrough_typeswitch",
     "package main\n"
     "\n"
     "func main() { var x interface{}; switch x.(type) { case int: fallthrough; case string: } }\n",
     "x.go:3:62: cannot fallthrough in type switch\n"},
    {"fallthrough_ok",
     "package main\n"
     "\n"
     "func main() { x := 1; switch x { case 1: fallthrough; case 2: } }\n",
     ""},
    {"unused_var_in_closure_capture",
     "package main\n"
     "\n"
     "func main() { x := 1; func() { x = 2 }() }\n",
     "x.go:3:15: x declared but not used\n"},
    {"param_redecl",
     "package main\n"
     "\n"
     "func f(a int, a string) {}\n"
     "func main() {}\n",
     "x.go:3:15: a redeclared in this block\n"
     "\tx.go:3:8: other declaration of a\n"},
    {"result_redecl_body",
     "package main\n"
     "\n"
     "func f(a int) { var a int; _ = a }\n"
     "func main() {}\n",
     "x.go:3:21: a redeclared in this block\n"
     "\tx.go:3:8: other declaration of a\n"},
    {"struct_pos_unexported_ok",
     "package main\n"
     "\n"
     "type T struct{ a, b int }\n"
     "func main() { _ = T{1, 2, 3} }\n",
     "x.go:4:27: too many values in T{…}\n"},
    {"struct_mixed",
     "package main\n"
     "\n"
     "type T struct{ a, b int }\n"
     "func main() { _ = T{a: 1, 2} }\n",
     "x.go:4:27: mixture of field:value and value elements in struct literal\n"},
    {"dup_struct_field_lit",
     "package main\n"
     "\n"
     "type T struct{ a int }\n"
     "func main() { _ = T{a: 1, a: 2} }\n",
     "x.go:4:28: duplicate field name a in struct literal\n"},
    {"array_lit_oob",
     "package main\n"
     "\n"
     "func main() { _ = [2]int{1, 2, 3} }\n",
     "x.go:3:32: index 2 is out of bounds (>= 2)\n"},
    {"array_lit_dup_idx",
     "package main\n"
     "\n"
     "func main() { _ = []int{0: 1, 0: 2} }\n",
     "x.go:3:32: duplicate index 0 in array or slice literal\n"},
    {"slice_lit_neg_idx",
     "package main\n"
     "\n"
     "func main() { _ = []int{-1: 1} }\n",
     "x.go:3:25: invalid argument: index -1 (constant of type int) must not be negative\n"},
    {"slice3_string",
     "package main\n"
     "\n"
     "func main() { s := \"abc\"; _ = s[1:2:3] }\n",
     "x.go:3:37: invalid operation: 3-index slice of string\n"},
    {"slice_unaddressable_array",
     "package main\n"
     "\n"
     "func f() [3]int { return [3]int{} }\n"
     "func main() { _ = f()[:] }\n",
     "x.go:4:19: invalid operation: f() (value of type [3]int) (slice of unaddressable value)\n"},
    {"slice_indices_inverted",
     "package main\n"
     "\n"
     "func main() { var a [5]int; _ = a[3:1] }\n",
     "x.go:3:37: invalid slice indices: 1 < 3\n"},
    {"index_neg",
     "package main\n"
     "\n"
     "func main() { s := []int{}; _ = s[-1] }\n",
     "x.go:3:35: invalid argument: index -1 (constant of type int) must not be negative\n"},
    {"index_float",
     "package main\n"
     "\n"
     "func main() { s := []int{}; _ = s[1.5] }\n",
     "x.go:3:35: 1.5 (untyped float constant) truncated to int\n"},
    {"map_index_wrong_key",
     "package main\n"
     "\n"
     "func main() { m := map[string]int{}; _ = m[1] }\n",
     "x.go:3:44: cannot use 1 (untyped int constant) as string value in map index\n"},
    {"typeassert_nonif",
     "package main\n"
     "\n"
     "func main() { x := 1; _ = x.(int) }\n",
     "x.go:3:27: invalid operation: x (variable of type int) is not an interface\n"},
    {"ts_dup",
     "package main\n"
     "\n"
     "func main() { var x interface{}; switch x.(type) { case int, int: } }\n",
     "x.go:3:62: duplicate case int in type switch\n"
     "\tx.go:3:57: previous case\n"},
    {"ts_impossible",
     "package main\n"
     "\n"
     "type I interface{ M() }\n"
     "type T struct{}\n"
     "func main() { var i I; switch i.(type) { case T: } }\n",
     "x.go:5:47: impossible type switch case: T\n"
     "\ti (variable of type I) cannot have dynamic type T (missing M method)\n"},
    {"recv_from_sendonly",
     "package main\n"
     "\n"
     "func main() { var c chan<- int; _ = <-c }\n",
     "x.go:3:39: invalid operation: cannot receive from send-only channel c (variable of type chan<- int)\n"},
    {"recv_nonchan",
     "package main\n"
     "\n"
     "func main() { x := 1; _ = <-x }\n",
     "x.go:3:29: invalid operation: cannot receive from non-channel x (variable of type int)\n"},
    {"range_sendonly",
     "package main\n"
     "\n"
     "func main() { var c chan<- int; for range c {} }\n",
     "x.go:3:43: cannot range over c (variable of type chan<- int) (receive from send-only channel)\n"},
    {"const_init_nonconst",
     "package main\n"
     "\n"
     "func main() { x := 1; const c = x }\n",
     "x.go:3:33: x (variable of type int) is not constant\n"},
    {"const_bad_type",
     "package main\n"
     "\n"
     "const c []int = nil\n"
     "func main() {}\n",
     "x.go:3:9: invalid constant type []int\n"},
    {"missing_init",
     "package main\n"
     "\n"
     "var a, b = 1\n"
     "func main() {}\n",
     "x.go:3:12: assignment mismatch: 2 variables but 1 value\n"},
    {"extra_init",
     "package main\n"
     "\n"
     "var a = 1, 2\n"
     "func main() {}\n",
     "x.go:3:12: extra init expr 2\n"},
    {"const_missing_init",
     "package main\n"
     "\n"
     "const (\n"
     "\ta, b = 1\n"
     ")\n"
     "func main() {}\n",
     "x.go:4:5: missing init expr for b\n"},
    {"defer_builtin_discard",
     "package main\n"
     "\n"
     "func main() { defer len(\"a\") }\n",
     "x.go:3:21: defer discards result of len(\"a\") (constant 1 of type int)\n"},
    {"go_not_call",
     "package main\n"
     "\n"
     "func main() { go 1 }\n",
     "x.go:3:18: expression in go must be function call\n"
     "x.go:3:18: invalid operation: cannot call non-function 1 (untyped int constant)\n"},
    {"append_untyped_nil",
     "package main\n"
     "\n"
     "func main() { _ = append(nil, 1) }\n",
     "x.go:3:26: first argument to append must be a slice; have untyped nil\n"},
    {"complex_mismatch",
     "package main\n"
     "\n"
     "func main() { var a float32; var b float64; _ = complex(a, b) }\n",
     "x.go:3:57: invalid operation: complex(a, b) (mismatched types float32 and float64)\n"},
    {"real_bad",
     "package main\n"
     "\n"
     "func main() { _ = real(\"s\") }\n",
     "x.go:3:24: invalid argument: argument has type untyped string, expected complex type\n"},
    {"make_too_many",
     "package main\n"
     "\n"
     "func main() { _ = make([]int, 1, 2, 3) }\n",
     "x.go:3:19: invalid operation: make([]int, 1, 2, 3) expects 2 or 3 arguments; found 4\n"},
    {"make_swapped",
     "package main\n"
     "\n"
     "func main() { _ = make([]int, 5, 2) }\n",
     "x.go:3:31: invalid argument: length and capacity swapped\n"},
    {"make_slice_no_len",
     "package main\n"
     "\n"
     "func main() { _ = make([]int) }\n",
     "x.go:3:19: invalid operation: make([]int) expects 2 or 3 arguments; found 1\n"},
    {"print_untyped_nil",
     "package main\n"
     "\n"
     "func main() { println(nil) }\n",
     "x.go:3:23: use of untyped nil in argument to println\n"},
    {"too_many_builtin_args",
     "package main\n"
     "\n"
     "func main() { _ = len(\"a\", \"b\") }\n",
     "x.go:3:19: invalid operation: too many arguments for len(\"a\", \"b\") (expected 1, found 2)\n"},
    {"unsafe_offsetof_bad",
     "package main\n"
     "\n"
     "import \"unsafe\"\n"
     "func main() { x := 1; _ = unsafe.Offsetof(x) }\n",
     "x.go:4:43: invalid argument: x is not a selector expression\n"},
    {"unsafe_sizeof_ok",
     "package main\n"
     "\n"
     "import \"unsafe\"\n"
     "const s = unsafe.Sizeof(struct{ a int8; b int64 }{})\n"
     "var x [s]int\n"
     "func main() { var y [24]int = x; _ = y }\n",
     "x.go:6:31: cannot use x (variable of type [16]int) as type [24]int in variable declaration\n"},
    {"var_shadow_pkg",
     "package main\n"
     "\n"
     "func main() { len := 1; _ = len(\"x\") }\n",
     "x.go:3:29: invalid operation: cannot call non-function len (variable of type int)\n"},
    {"call_method_on_nil",
     "package main\n"
     "\n"
     "func main() { nil.M() }\n",
     "x.go:3:19: nil.M undefined (type untyped nil has no field or method M)\n"},
    {"invalid_op_bool",
     "package main\n"
     "\n"
     "func main() { _ = true + false }\n",
     "x.go:3:19: invalid operation: operator + not defined on true (untyped bool constant)\n"},
    {"neg_uint_const",
     "package main\n"
     "\n"
     "func main() { var u uint = -1; _ = u }\n",
     "x.go:3:28: cannot use -1 (untyped int constant) as uint value in variable declaration (overflows)\n"},
    {"cmp_iface_nonconst",
     "package main\n"
     "\n"
     "func main() { var i interface{}; _ = i == []int{} }\n",
     "x.go:3:43: invalid operation: i == []int{} (slice can only be compared to nil)\n"},
    {"switch_on_func",
     "package main\n"
     "\n"
     "func main() { f := func() {}; switch f { } }\n",
     ""},
    {"case_mismatch",
     "package main\n"
     "\n"
     "func main() { x := 1; switch x { case \"a\": } }\n",
     "x.go:3:39: cannot convert \"a\" (untyped string constant) to int\n"},
    {"chan_of_chan_str",
     "package main\n"
     "\n"
     "func main() { var c chan (<-chan int) = 1; _ = c }\n",
     "x.go:3:41: cannot use 1 (untyped int constant) as chan (<-chan int) value in variable declaration\n"},
    {"func_type_str",
     "package main\n"
     "\n"
     "func main() { var f func(a int, b ...string) (int, error) = 1; _ = f }\n",
     "x.go:3:61: cannot use 1 (untyped int constant) as func(a int, b ...string) (int, error) value in variable declaration\n"},
    {"struct_type_str",
     "package main\n"
     "\n"
     "func main() { var s struct{ a int; b string \"tag\" } = 1; _ = s }\n",
     "x.go:3:55: cannot use 1 (untyped int constant) as struct{a int; b string \"tag\"} value in variable declaration\n"},
    {"iface_type_str",
     "package main\n"
     "\n"
     "func main() { var i interface{ M(int) string; N() } = 1; _ = i }\n",
     "x.go:3:55: cannot use 1 (constant of type int) as type interface{M(int) string; N()} in variable declaration:\n"
     "\tint does not implement interface{M(int) string; N()} (missing M method)\n"},
    {"map_type_str",
     "package main\n"
     "\n"
     "type node struct{}\n"
     "func main() { var m map[string]*node = 1; _ = m }\n",
     "x.go:4:40: cannot use 1 (untyped int constant) as map[string]*node value in variable declaration\n"},
    {"any_str",
     "package main\n"
     "\n"
     "func main() { var a any; var b []any = a; _ = b }\n",
     "x.go:3:40: cannot use a (variable of type any) as type []any in variable declaration:\n"
     "\tneed type assertion\n"},
    {"empty_iface_str",
     "package main\n"
     "\n"
     "func main() { var a interface{}; var b int = a; _ = b }\n",
     "x.go:3:46: cannot use a (variable of type interface{}) as type int in variable declaration:\n"
     "\tneed type assertion\n"},
    {"byte_str",
     "package main\n"
     "\n"
     "func main() { var b []byte; var s []int = b; _ = s }\n",
     "x.go:3:43: cannot use b (variable of type []byte) as type []int in variable declaration\n"},
    {"err_str",
     "package main\n"
     "\n"
     "import \"errors\"\n"
     "func main() { var e error = errors.New(\"x\"); var i int = e; _ = i }\n",
     "x.go:4:58: cannot use e (variable of type error) as type int in variable declaration\n"},
    {"init_loop_func",
     "package main\n"
     "\n"
     "func fx() int { _ = x; return 0 }\n"
     "var x = fx\n"
     "func main() {}\n",
     "x.go:4:5: initialization loop for x\n"
     "\tx.go:4:5: x refers to\n"
     "\tx.go:3:6: fx refers to\n"
     "\tx.go:4:5: x\n"},
    {"init_loop_multi",
     "package main\n"
     "\n"
     "var (\n"
     "\ta, b = f()\n"
     "\tc    = b\n"
     ")\n"
     "func f() (int, int) { return c, c }\n"
     "func main() {}\n",
     "x.go:4:5: initialization loop for b\n"
     "\tx.go:4:5: b refers to\n"
     "\tx.go:7:6: f refers to\n"
     "\tx.go:5:2: c refers to\n"
     "\tx.go:4:5: b\n"},
    {"init_loop_method",
     "package main\n"
     "\n"
     "type T int\n"
     "func (T) m() int { _ = x; return 0 }\n"
     "var x = T.m\n"
     "func main() {}\n",
     "x.go:5:5: initialization loop for x\n"
     "\tx.go:5:5: x refers to\n"
     "\tx.go:4:10: m refers to\n"
     "\tx.go:5:5: x\n"},
    {"init_order_ok",
     "package main\n"
     "\n"
     "var a = b + 1\n"
     "var b = f()\n"
     "func f() int { return 2 }\n"
     "func main() { println(a) }\n",
     ""},
    {"iface_dup_explicit",
     "package main\n"
     "\n"
     "type I interface{ m(); m() }\n"
     "func main() {}\n",
     "x.go:3:24: duplicate method m\n"
     "\tx.go:3:19: other declaration of m\n"},
    {"iface_dup_embedded",
     "package main\n"
     "\n"
     "type A interface{ m() int32 }\n"
     "type B interface{ A; m() }\n"
     "func main() {}\n",
     "x.go:4:19: duplicate method m\n"
     "\tx.go:4:22: other declaration of m\n"},
    {"iface_overlap_ok",
     "package main\n"
     "\n"
     "type A interface{ m() }\n"
     "type B interface{ m() }\n"
     "type C interface{ A; B; m() }\n"
     "func main() {}\n",
     ""},
    {"iface_cycle_sig_ok",
     "package main\n"
     "\n"
     "type I1 interface{ m() I2 }\n"
     "type I2 interface{ I1 }\n"
     "var i1 I1\n"
     "var i2 I2 = i1\n"
     "func main() { _ = i2 }\n",
     ""},
    {"iface_self_literal_ok",
     "package main\n"
     "\n"
     "type I interface{ F() interface{ I } }\n"
     "type J interface{ F() interface{ J } }\n"
     "var a I\n"
     "var b J\n"
     "func main() { _ = a == b }\n",
     ""},
    {"dot_import_unused",
     "package main\n"
     "\n"
     "import . \"unsafe\"\n"
     "func main() {}\n",
     "x.go:3:8: imported and not used: \"unsafe\"\n"},
    {"dot_import_used",
     "package main\n"
     "\n"
     "import . \"unsafe\"\n"
     "func main() { var x int; _ = Sizeof(x) }\n",
     ""},
    {"const_inherited_errpos",
     "package main\n"
     "\n"
     "const (\n"
     "\ta byte = iota + 254\n"
     "\tb\n"
     "\tc\n"
     ")\n"
     "func main() {}\n",
     "x.go:6:2: cannot use iota + 254 (untyped int constant 256) as byte value in constant declaration (overflows)\n"},
    {"iota_in_funclit",
     "package main\n"
     "\n"
     "import \"unsafe\"\n"
     "const (\n"
     "\t_ = iota\n"
     "\t_ = unsafe.Sizeof(func() { _ = iota })\n"
     ")\n"
     "func main() {}\n",
     ""},
    {"alias_method_redecl",
     "package main\n"
     "\n"
     "type T struct{}\n"
     "type A = T\n"
     "func (T) m() {}\n"
     "func (A) m() {}\n"
     "func main() {}\n",
     "x.go:6:10: T.m redeclared in this block\n"
     "\tx.go:5:10: other declaration of m\n"},
    {"alias_before_type_ok",
     "package main\n"
     "\n"
     "type F = func(T)\n"
     "type T interface{ m(F) }\n"
     "type t struct{}\n"
     "func (t) m(F) {}\n"
     "var _ T = &t{}\n"
     "func main() {}\n",
     ""},
    {"field_method_same_name",
     "package main\n"
     "\n"
     "type T struct{ b int }\n"
     "func (T) b() {}\n"
     "func main() { var x T; x.b() }\n",
     "x.go:4:10: field and method with the same name b\n"
     "\tx.go:3:16: other declaration of b\n"},
    {"map_key_recursive",
     "package main\n"
     "\n"
     "type T struct{ m map[T]int }\n"
     "func main() {}\n",
     "x.go:3:22: invalid map key type T\n"},
    {"local_alias_cycle",
     "package main\n"
     "\n"
     "func main() {\n"
     "\ttype T = T\n"
     "}\n",
     "x.go:4:7: invalid recursive type T\n"
     "\tx.go:4:7: T refers to\n"
     "\tx.go:4:7: T\n"},
    {"len_recv_not_const",
     "package main\n"
     "\n"
     "func main() { var c chan [2]int; const n = len(<-c); _ = n }\n",
     "x.go:3:44: len(<-c) (value of type int) is not constant\n"},
    {"array_len_huge",
     "package main\n"
     "\n"
     "var a [1 << 65]int\n"
     "func main() {}\n",
     "x.go:3:8: array length 1 << 65 (untyped int constant 36893488147419103232) must be integer\n"},
    {"const_float_fmt",
     "package main\n"
     "\n"
     "const _ int = 1e20\n"
     "const _ int = 0.5\n"
     "func main() {}\n",
     "x.go:3:15: cannot use 1e20 (untyped float constant 1e+20) as int value in constant declaration (truncated)\n"
     "x.go:4:15: cannot use 0.5 (untyped float constant) as int value in constant declaration (truncated)\n"},
    {"assign_mismatch_uses",
     "package main\n"
     "\n"
     "func f() int { return 1 }\n"
     "func main() { var a, b int; a, b = f() }\n",
     "x.go:4:36: assignment mismatch: 2 variables but f returns 1 value\n"},
    {"func_type_dup_param",
     "package main\n"
     "\n"
     "type F func(i, i int)\n"
     "func main() {}\n",
     "x.go:3:16: i redeclared in this block\n"
     "\tx.go:3:13: other declaration of i\n"},
    {"typeswitch_nil_bind",
     "package main\n"
     "\n"
     "func main() {\n"
     "\tswitch t := nil.(type) {\n"
     "\tdefault:\n"
     "\t\t_ = t\n"
     "\t}\n"
     "}\n",
     "x.go:4:14: nil is not an interface\n"},
    {"multiple_value_call",
     "package main\n"
     "\n"
     "func f() (int, int)\n"
     "func main() { f()(); _ = f().x }\n",
     "x.go:4:15: multiple-value f() (value of type (int, int)) in single-value context\n"},
    {"go_nonfunc",
     "package main\n"
     "\n"
     "func main() { go 1 }\n",
     "x.go:3:18: expression in go must be function call\n"
     "x.go:3:18: invalid operation: cannot call non-function 1 (untyped int constant)\n"},
    {"label_dup",
     "package main\n"
     "\n"
     "func main() {\n"
     "L:\n"
     "\tgoto L\n"
     "L:\n"
     "\tgoto L\n"
     "}\n",
     "x.go:6:1: label L already defined at x.go:4:1\n"},
    {"break_label_invalid",
     "package main\n"
     "\n"
     "func main() {\n"
     "L:\n"
     "\t{\n"
     "\t\tbreak L\n"
     "\t}\n"
     "}\n",
     "x.go:6:9: invalid break label L\n"},
    {"continue_label_switch",
     "package main\n"
     "\n"
     "func main() {\n"
     "L:\n"
     "\tswitch {\n"
     "\tdefault:\n"
     "\t\tcontinue L\n"
     "\t}\n"
     "}\n",
     "x.go:7:12: invalid continue label L\n"},
    {"goto_jumps_over",
     "package main\n"
     "\n"
     "func main() {\n"
     "\tgoto L\n"
     "\tx, y := 1, 2\n"
     "\t_, _ = x, y\n"
     "L:\n"
     "}\n",
     "x.go:4:7: goto L jumps over declaration of x, y at x.go:5:7\n"},
};

static void test_gc_cases(void **state) {
    (void)state;
    int failed = 0;
    for (size_t i = 0; i < sizeof gc_cases / sizeof gc_cases[0]; i++) {
        char *got = check_output(gc_cases[i].src);
        if (strcmp(got, gc_cases[i].want) != 0) {
            print_message("case %s:\n--- want:\n%s--- got:\n%s", gc_cases[i].name, gc_cases[i].want, got);
            failed++;
        }
        free(got);
    }
    assert_int_equal(failed, 0);
}

// ---------------------------------------------------------------------------
// Programs that must check without errors

static const char *const valid_programs[] = {
    // method sets, embedding and promotion, interface satisfaction
    "package main\n"
    "type I interface{ M() int }\n"
    "type J interface{ I; N() }\n"
    "type Base struct{ v int }\n"
    "func (b *Base) M() int { return b.v }\n"
    "func (b Base) N() {}\n"
    "type Outer struct{ *Base; name string }\n"
    "type Value struct{ Base }\n"
    "func main() {\n"
    "\tvar j J = Outer{&Base{1}, \"x\"}\n"
    "\tvar i I = &Value{}\n"
    "\tv := Value{}\n"
    "\t_ = v.M()\n"
    "\t_, _ = i, j\n"
    "\tf := (*Base).M\n"
    "\tg := Base.N\n"
    "\th := v.N\n"
    "\t_, _, _ = f, g, h\n"
    "}\n",
    // calls: variadic, f(g()), method values, closures, defer/go
    "package main\n"
    "func pair() (int, string) { return 1, \"a\" }\n"
    "func take(n int, s string) {}\n"
    "func sum(xs ...int) int { t := 0; for _, x := range xs { t += x }; return t }\n"
    "func main() {\n"
    "\ttake(pair())\n"
    "\t_ = sum()\n"
    "\t_ = sum(1, 2, 3)\n"
    "\t_ = sum([]int{1, 2}...)\n"
    "\tb := append([]byte(\"ab\"), \"cd\"...)\n"
    "\t_ = b\n"
    "\tc := make(chan int, 1)\n"
    "\tgo func() { c <- 1 }()\n"
    "\tdefer close(c)\n"
    "\tselect {\n"
    "\tcase v, ok := <-c:\n"
    "\t\t_, _ = v, ok\n"
    "\tcase c <- 2:\n"
    "\tdefault:\n"
    "\t}\n"
    "}\n",
    // constants: iota, implicit repetition, typed, untyped arithmetic
    "package main\n"
    "type Weekday int\n"
    "const (\n"
    "\tSunday Weekday = iota\n"
    "\tMonday\n"
    "\tTuesday\n"
    ")\n"
    "const (\n"
    "\tKB = 1 << (10 * (iota + 1))\n"
    "\tMB\n"
    "\tGB\n"
    ")\n"
    "const big = 1 << 100\n"
    "const f = big >> 98 * 1.5\n"
    "var a [Tuesday + 1]int\n"
    "var x uint8 = GB >> 23\n"
    "var s = \"a\" + \"b\"\n"
    "var r = 'x' + 1\n"
    "var u = ^uint32(0)\n"
    "func main() { _, _, _, _, _ = a, x, s, r, u; var g float64 = f; _ = g }\n",
    // statements: switches, labels, goto, range forms
    "package main\n"
    "func f(x interface{}, m map[string]int, p *[4]int, ch chan int) int {\n"
    "\tswitch v := x.(type) {\n"
    "\tcase nil:\n"
    "\tcase int, string:\n"
    "\t\t_ = v\n"
    "\tdefault:\n"
    "\t\t_ = v\n"
    "\t}\n"
    "\tfor k, v := range m { _, _ = k, v }\n"
    "\tfor i := range p { _ = i }\n"
    "\tfor i, r := range \"héllo\" { _, _ = i, r }\n"
    "\tfor v := range ch { _ = v }\n"
    "outer:\n"
    "\tfor i := 0; i < 3; i++ {\n"
    "\t\tswitch {\n"
    "\t\tcase i == 1:\n"
    "\t\t\tcontinue outer\n"
    "\t\tcase i == 2:\n"
    "\t\t\tbreak outer\n"
    "\t\t}\n"
    "\t}\n"
    "\tn := 0\n"
    "again:\n"
    "\tn++\n"
    "\tif n < 3 {\n"
    "\t\tgoto again\n"
    "\t}\n"
    "\tfor {\n"
    "\t\treturn n\n"
    "\t}\n"
    "}\n"
    "func main() { f(nil, nil, nil, nil) }\n",
    // unsafe and conversions
    "package main\n"
    "import \"unsafe\"\n"
    "type S struct{ a int8; b int64; c [0]int }\n"
    "const size = unsafe.Sizeof(S{})\n"
    "const off = unsafe.Offsetof(S{}.b)\n"
    "var check [size - 24]int\n"
    "var check2 [off - 8]int\n"
    "func main() {\n"
    "\tx := 1\n"
    "\tp := unsafe.Pointer(&x)\n"
    "\tu := uintptr(p)\n"
    "\tq := (*int)(unsafe.Pointer(u))\n"
    "\tb := []byte(\"s\")\n"
    "\tr := []rune(string(b))\n"
    "\ts := string(r)\n"
    "\t_, _, _ = q, s, check\n"
    "\t_ = check2\n"
    "\t_ = unsafe.Slice(&b[0], 1)\n"
    "\t_ = unsafe.Add(p, 1)\n"
    "}\n",
    // declaration order does not matter; recursive types through pointers
    "package main\n"
    "var total = count(head)\n"
    "var head = &node{next: &node{}}\n"
    "func count(n *node) int { if n == nil { return 0 }; return 1 + count(n.next) }\n"
    "type node struct { next *node; kids []node; m map[string]node; f func(node) node }\n"
    "type list []list\n"
    "func main() { _ = total; var l list; _ = l }\n",
};

static void test_valid_programs(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof valid_programs / sizeof valid_programs[0]; i++) {
        char *got = check_output(valid_programs[i]);
        if (*got)
            print_message("program %zu:\n%s", i, got);
        assert_string_equal(got, "");
        free(got);
    }
}

// ---------------------------------------------------------------------------
// Recorded facts

static FuncInfo *find_func(Package *p, const char *name) {
    for (int i = 0; i < p->funcs.len; i++) {
        FuncInfo *f = p->funcs.items[i];
        if (strcmp(f->gc_name, name) == 0)
            return f;
    }
    fail_msg("no function %s", name);
    return NULL;
}

static Obj *find_local(FuncInfo *f, const char *name) {
    for (int i = 0; i < f->locals.len; i++) {
        Obj *o = f->locals.items[i];
        if (strcmp(o->name->s, name) == 0)
            return o;
    }
    fail_msg("no local %s in %s", name, f->gc_name);
    return NULL;
}

static Node *body_stmt(FuncInfo *f, int i) {
    Node *body = f->decl->kind == N_FUNCDECL ? f->decl->u.funcdecl.body : f->decl->u.funclit.body;
    assert_true(i < body->u.block.stmts.len);
    return body->u.block.stmts.items[i];
}

static void test_gc_names(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Package *p = check_src(cc,
        "package main\n"
        "type T struct{ x int }\n"
        "var g = func() int { return 1 }\n"
        "var h = func() func() int { return func() int { return 2 } }\n"
        "func (t T) M() func() int { return func() int { return t.x } }\n"
        "func (t *T) P() func() int {\n"
        "\tf := func() int { return t.x }\n"
        "\treturn func() int { return f() + func() int { return 3 }() }\n"
        "}\n"
        "func main() {}\n");
    static const char *const want[] = {
        "glob..func1", "glob..func2", "glob..func2.1", "T.M", "T.M.func1",
        "(*T).P", "(*T).P.func1", "(*T).P.func2", "(*T).P.func2.1", "main",
    };
    assert_int_equal(p->funcs.len, 10);
    for (int i = 0; i < 10; i++)
        assert_string_equal(((FuncInfo *)p->funcs.items[i])->gc_name, want[i]);
    FuncInfo *inner = find_func(p, "(*T).P.func2.1");
    assert_string_equal(inner->outer->gc_name, "(*T).P.func2");
    FuncInfo *m = find_func(p, "T.M");
    assert_int_equal(m->closures.len, 1);
    assert_string_equal(m->recv->name->s, "t");
    assert_int_equal(m->nresults, 1);
    assert_string_equal(m->results[0]->name->s, "~r0");
    FuncInfo *p1 = find_func(p, "(*T).P.func1");
    assert_int_equal(p1->captured.len, 1);
    assert_string_equal(((Obj *)p1->captured.items[0])->name->s, "t");
    assert_int_equal(p->globals.len, 2);
    assert_string_equal(((Obj *)p->globals.items[0])->name->s, "g");
    compiler_free(cc);
}

static void test_variable_facts(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Package *p = check_src(cc,
        "package main\n"
        "type T struct{ a int }\n"
        "func (t *T) inc() { t.a++ }\n"
        "func f(n int) int {\n"
        "\tx := 0\n"
        "\tfor i := 0; i < n; i++ {\n"
        "\t\ty := i\n"
        "\t\tx += y\n"
        "\t}\n"
        "\tfor k := range []int{1} {\n"
        "\t\tz := k\n"
        "\t\t_ = z\n"
        "\t}\n"
        "\tvar t T\n"
        "\tt.inc()\n"
        "\tarr := [3]int{}\n"
        "\t_ = arr[:]\n"
        "\tw := 1\n"
        "\tw = 2\n"
        "\tg := func() int { return w + n }\n"
        "\t_ = g\n"
        "L:\n"
        "\tq := 1\n"
        "\t_ = q\n"
        "\tif n > 0 {\n"
        "\t\tn--\n"
        "\t\tgoto L\n"
        "\t}\n"
        "\treturn x\n"
        "}\n"
        "func main() { f(1) }\n");
    char *diags = test_flush_diags(cc);
    assert_string_equal(diags, "");
    free(diags);
    FuncInfo *f = find_func(p, "f");
    Obj *x = find_local(f, "x"), *i = find_local(f, "i"), *y = find_local(f, "y");
    assert_int_equal(x->u.var.loop_depth, 1);
    assert_true(x->u.var.reassigned);
    // The for header runs once: its variables are at the outer depth.
    assert_int_equal(i->u.var.loop_depth, 1);
    assert_int_equal(y->u.var.loop_depth, 2);
    assert_false(y->u.var.reassigned);
    assert_int_equal(find_local(f, "k")->u.var.loop_depth, 1);
    assert_int_equal(find_local(f, "z")->u.var.loop_depth, 2);
    assert_true(find_local(f, "t")->u.var.addr_taken);     // pointer method on a value
    assert_true(find_local(f, "arr")->u.var.addr_taken);   // slicing an array
    Obj *w = find_local(f, "w");
    assert_true(w->u.var.captured);
    assert_true(w->u.var.reassigned);
    assert_false(w->u.var.addr_taken);
    assert_true(f->params[0]->u.var.captured);
    assert_true(f->params[0]->u.var.reassigned);
    // After a label a later goto jumps back to, the loop depth grows.
    assert_int_equal(find_local(f, "q")->u.var.loop_depth, 2);
    FuncInfo *lit = find_func(p, "f.func1");
    assert_int_equal(lit->captured.len, 2);
    assert_ptr_equal(lit->captured.items[0], w);
    assert_ptr_equal(lit->captured.items[1], f->params[0]);
    compiler_free(cc);
}

static void test_expression_facts(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Package *p = check_src(cc,
        "package main\n"
        "import \"unsafe\"\n"
        "type I interface{ M() }\n"
        "type B struct{ v int }\n"
        "func (b *B) M() {}\n"
        "type O struct{ x int; *B }\n"
        "func f(o O, i I, m map[string]int, e interface{}, c chan int) {\n"
        "\t_ = o.v\n"                        // 0: field through an embedded pointer
        "\to.M()\n"                          // 1: promoted method call
        "\ti.M()\n"                          // 2: interface call
        "\tv, ok := m[\"a\"]\n"             // 3: comma-ok map index
        "\ts, ok2 := e.(string)\n"          // 4: comma-ok assertion
        "\tr, ok3 := <-c\n"                 // 5: comma-ok receive
        "\t_, _, _, _, _, _ = v, ok, s, ok2, r, ok3\n"
        "\t_ = int64(o.x)\n"                 // 7: conversion
        "\t_ = unsafe.Sizeof(o)\n"           // 8: unsafe built-in
        "\tvar fl float64 = 1\n"             // 9: untyped constant given its type
        "\t_ = fl\n"
        "}\n"
        "func main() {}\n");
    char *diags = test_flush_diags(cc);
    assert_string_equal(diags, "");
    free(diags);
    FuncInfo *f = find_func(p, "f");

    Node *sel = body_stmt(f, 0)->u.assign.rhs.items[0];
    assert_int_equal(sel->kind, N_SELECTOR);
    assert_int_equal(sel->u.sel.kind, SEL_FIELD);
    assert_int_equal(sel->u.sel.depth, 2);
    assert_int_equal(sel->u.sel.path[0], 1);
    assert_int_equal(sel->u.sel.path[1], 0);
    assert_true(sel->u.sel.indirect);
    assert_string_equal(type_string(cc, sel->type), "int");

    Node *call = body_stmt(f, 1)->u.unary.x;
    assert_int_equal(call->u.call.kind, CALL_METHOD);
    assert_int_equal(call->u.call.fun->u.sel.kind, SEL_METHOD);
    assert_int_equal(call->u.call.fun->u.sel.depth, 2);
    call = body_stmt(f, 2)->u.unary.x;
    assert_int_equal(call->u.call.kind, CALL_INTERFACE);
    assert_int_equal(call->u.call.fun->u.sel.kind, SEL_INTERFACE_METHOD);

    for (int k = 3; k <= 5; k++) {
        Node *rhs = body_stmt(f, k)->u.assign.rhs.items[0];
        assert_true(rhs->flags & NF_COMMAOK);
    }
    assert_string_equal(type_string(cc, find_local(f, "ok")->type), "bool");
    assert_string_equal(type_string(cc, find_local(f, "r")->type), "int");

    call = body_stmt(f, 7)->u.assign.rhs.items[0];
    assert_int_equal(call->u.call.kind, CALL_CONVERSION);
    call = body_stmt(f, 8)->u.assign.rhs.items[0];
    assert_int_equal(call->u.call.kind, CALL_BUILTIN);
    assert_int_equal(call->u.call.builtin, BI_SIZEOF);
    assert_int_equal(node_val(call)->kind, CONST_INT);
    assert_true(node_val(call)->u.i == 16);
    assert_int_equal(call->u.call.fun->u.sel.kind, SEL_QUALIFIED);

    Node *spec = body_stmt(f, 9)->u.declstmt.decl->u.gendecl.specs.items[0];
    Node *lit = spec->u.valspec.values.items[0];
    assert_string_equal(type_string(cc, lit->type), "float64");
    assert_int_equal(node_val(lit)->kind, CONST_FLOAT);
    compiler_free(cc);
}

static void test_switch_and_branch_facts(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Package *p = check_src(cc,
        "package main\n"
        "func f(x interface{}) {\n"
        "\tswitch v := x.(type) {\n"
        "\tcase int:\n"
        "\t\t_ = v\n"
        "\tcase string, bool:\n"
        "\t\t_ = v\n"
        "\tdefault:\n"
        "\t}\n"
        "loop:\n"
        "\tfor {\n"
        "\t\tfor {\n"
        "\t\t\tbreak loop\n"
        "\t\t}\n"
        "\t}\n"
        "\tgoto end\n"
        "end:\n"
        "}\n"
        "func main() {}\n");
    char *diags = test_flush_diags(cc);
    assert_string_equal(diags, "");
    free(diags);
    FuncInfo *f = find_func(p, "f");
    Node *ts = body_stmt(f, 0);
    assert_int_equal(ts->kind, N_TYPESWITCH);
    Node *c0 = ts->u.sw.clauses.items[0], *c1 = ts->u.sw.clauses.items[1], *c2 = ts->u.sw.clauses.items[2];
    assert_string_equal(type_string(cc, c0->u.clause.bind->type), "int");
    assert_string_equal(type_string(cc, c1->u.clause.bind->type), "interface {}");
    assert_string_equal(type_string(cc, c2->u.clause.bind->type), "interface {}");
    assert_ptr_not_equal(c0->u.clause.bind, c1->u.clause.bind);

    Node *labeled = body_stmt(f, 1);
    assert_int_equal(labeled->kind, N_LABELED);
    Node *outer = labeled->u.labeled.stmt;
    Node *inner = outer->u.fors.body->u.block.stmts.items[0];
    Node *brk = inner->u.fors.body->u.block.stmts.items[0];
    assert_ptr_equal(brk->u.branch.target, outer);
    assert_non_null(labeled->u.labeled.obj);
    assert_false(labeled->u.labeled.obj->u.label.backward_goto);
    Node *go = body_stmt(f, 2);
    assert_int_equal(go->kind, N_BRANCH);
    assert_ptr_equal(go->u.branch.target, body_stmt(f, 3));
    compiler_free(cc);
}

// Broken input must be reported, never crash or loop.
static void test_broken_input(void **state) {
    (void)state;
    static const char *const srcs[] = {
        "package main\ntype A B\ntype B C\ntype C A\nfunc main() {}\n",
        "package main\ntype T [len(T{})]int\nfunc main() {}\n",
        "package main\ntype I interface{ J }\ntype J interface{ I }\nfunc main() {}\n",
        "package main\ntype S struct{ a [2]struct{ s S } }\nfunc main() { var s S; _ = s }\n",
        "package main\nvar x = x\nfunc main() {}\n",
        "package main\nconst c = c + 1\nfunc main() {}\n",
        "package main\nfunc main() { var x T; x.y.z() }\n",
        "package main\ntype T struct{ T }\nfunc main() { var t T; _ = t.x }\n",
        "package main\nfunc f() (int, int)\nfunc main() { f()() ; _ = f().x }\n",
    };
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        char *got = check_output(srcs[i]);
        assert_true(strlen(got) > 0);
        free(got);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gc_cases),
        cmocka_unit_test(test_valid_programs),
        cmocka_unit_test(test_gc_names),
        cmocka_unit_test(test_variable_facts),
        cmocka_unit_test(test_expression_facts),
        cmocka_unit_test(test_switch_and_branch_facts),
        cmocka_unit_test(test_broken_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
