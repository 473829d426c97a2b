// check.h - what the type checker's files (check*.c, const.c) share.
//
// The checker walks the AST with a Checker holding where it is (package,
// file, function, scope, loop depth). Expressions are evaluated into
// Operands, as types2 does: an operand has a mode (constant, variable,
// value, type, ...), a type, and for constants a value. The final facts are
// then written onto the AST nodes (Node.type, Node.val, flags) for later
// passes.
//
// Package-level objects are declared in a first sweep and checked lazily,
// on first use, so that declaration order does not matter; Obj.color marks
// an object as in progress, which is how cycles are found. A Checker is the
// position (saved and restored around nested work); CheckState is what the
// whole package's check accumulates.
#ifndef MINIGC_CHECK_H
#define MINIGC_CHECK_H

#include "frontend.h"

// The statement and expression walkers recurse once per nesting level; their
// many handlers are kept out of line so that each level costs only its own
// locals on the C stack (nesting is bounded by the parser, stack is not).
#define NOINLINE __attribute__((noinline))

typedef enum OpMode {
    MODE_INVALID,   // an error was reported (or must not cascade)
    MODE_NOVALUE,   // a call of a function without results
    MODE_BUILTIN,   // a built-in function, not yet called
    MODE_TYPE,      // a type expression
    MODE_CONST,
    MODE_VAR,       // addressable
    MODE_MAPINDEX,  // m[k]: assignable, comma-ok, not addressable
    MODE_VALUE,
    MODE_NIL,       // the predeclared nil
    MODE_COMMAOK,   // type assertion or receive: may yield v, ok
} OpMode;

typedef struct Operand {
    OpMode mode;
    Node *expr;
    Type *type;
    ConstVal val;
    Builtin id;     // MODE_BUILTIN
} Operand;

// Colors of package-level objects.
enum { COLOR_WHITE = 0, COLOR_GREY = 1, COLOR_BLACK = 2 };

// What the checker needs to know to check one package-level object (or a
// local constant) later.
typedef struct DeclInfo {
    Scope *file_scope;
    Node *spec;         // N_VALUESPEC, N_TYPESPEC or N_FUNCDECL
    Node *type_expr;    // var/const: the declared type, or NULL
    Node *init;         // the initializer of this one object, or NULL
    Obj **lhs;          // var a, b = f(): every object the one initializer sets
    int nlhs;
    int iota;           // const: its index in the group
    bool inherited;     // const: type and values repeated from an earlier spec
    bool emitted;       // check_init.c: initializer placed in the order
    int order;          // source order among the package's objects
    PtrVec deps;        // package-level objects its declaration refers to
    void *gnode;        // check_init.c's graph node
} DeclInfo;

// What lasts for the whole package, whatever function or declaration the
// checker is in.
typedef struct CheckState {
    PtrVec path;            // package-level objects in progress (cycle reports)
    int global_lits;        // closures in package-level initializers: glob..funcN
    int init_funcs;         // func init() declared so far: gc names them init.0, init.1, ...
    PtrVec global_funcs;    // their FuncInfos, merged into Package.funcs at the end
    PtrVec imports;         // Obj* of imports, in order (for "imported and not used")
    PtrVec locals;          // variables declared in the function bodies being checked
    struct TypeCache *type_cache;
    Type *empty_iface;      // interface{} as types2 spells it in messages
    Name *blank;            // the interned "_"
    Name *rnames[8], *bnames[8]; // ~r0.., ~b0.. (result names), made on demand
    PtrVec pending_ifaces;  // interfaces to complete once declarations settle
    PtrVec pending_keys;    // pairs (map type, key expression) to check then
    PtrVec pending_types;   // defined types to check for cycles then, in the order declared
    struct ValidTypes *valid_types; // defined types known to be free of cycles
    int ndecls;             // DeclInfos made so far (their source order)
    int lit_depth;          // func literals being checked, one inside the other
    bool track_deps;        // some package-level variable has an initializer
    PtrVec completing;      // interfaces being completed (embedding cycles)
    PtrVec iface_owners;    // pairs (interface, OBJ_TYPE declaring it)
    PtrVec iface_embeds;    // pairs (interface, Pos* of its embedded types)
    struct GenericState *generic; // generic.c: instances met, shapes stenciled
    Pos last_err_pos;       // the last error reported, for gc's rule that
    const char *last_err_msg; // equal errors on one line are reported once
} CheckState;

// Where the checker is: saved and restored around a function body or a
// package-level declaration checked on demand.
typedef struct Checker {
    Compiler *cc;
    Package *pkg;
    CheckState *st;
    Scope *scope;           // the innermost scope
    bool scope_pending;     // a block was entered whose scope is not made yet
    Scope *file_scope;
    FuncInfo *fn;           // function whose body is being checked, or NULL
    Type *sig;              // its signature
    Obj *decl_obj;          // package-level object being checked, or NULL
    int iota;               // -1 outside constant declarations
    int loop_depth;         // escape analysis' loop depth (1 at function top)
    Node *arg_call;         // call whose arguments are being assigned (for messages)
    bool has_call_or_recv;  // the expression being checked calls or receives
    int expr_kind;          // EXPR_* of the last expression checked
    Pos errpos;             // if known, where errors go: the name of a constant
                            // whose initializer is repeated from an earlier spec
} Checker;

// What kind of expression a statement context sees (types2's exprKind).
enum { EXPR_CONVERSION, EXPR_EXPRESSION, EXPR_STATEMENT };

// ---------------------------------------------------------------------------
// check.c: errors, positions, declarations

void check_errorf(Checker *c, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
// The position types2 reports an expression at: its leftmost token.
Pos start_pos(const Node *n);
// The position types2 reports a constant operation's overflow at.
Pos op_pos(const Node *n);
const char *tstr(Checker *c, Type *t);            // types2-style type string
const char *estr(Checker *c, const Node *n);      // types2-style expression string
const char *opstr(Checker *c, const Operand *x);  // operand string: "x (variable of type int)"
const char *builtin_name(Builtin id);             // "len", "Sizeof", ... (check_fmt.c)

void obj_decl(Checker *c, Obj *o);                // checks a package-level object if not done
void report_cycle(Checker *c, Obj *o);            // o is in progress: report the cycle back to it
void init_vars(Checker *c, Obj **lhs, int n, NodeList *rhs, Node *return_stmt);
Obj *declare_local(Checker *c, Scope *s, Obj *o, Node *ident);
void check_local_decl(Checker *c, Node *gendecl);
Obj *lookup(Checker *c, Name *name);
Scope *decl_scope(Checker *c);                    // the current block's scope, made if needed
void mark_dot_import_used(Checker *c, Obj *o);    // o was found through a dot import
void record_global_var(Checker *c, Obj *o);

// ---------------------------------------------------------------------------
// check_type.c: type expressions, method sets, lookups

Type *check_type(Checker *c, Node *e);            // a type expression; TY_INVALID on error
Type *check_func_type(Checker *c, Node *ftype, Node *recv, FuncInfo *fn, Scope *scope);
void named_type_decl(Checker *c, Obj *o);
void interface_complete(Checker *c, Type *t);
void complete_pending_interfaces(Checker *c);
// Reports the defined types declared since the last call that contain
// themselves (check_type.c).
void check_pending_types(Checker *c);

typedef struct Selection {
    Obj *obj;           // field (OBJ_VAR) or method (OBJ_FUNC); NULL if not found
    int *path;          // embedded field indexes then the final index
    int depth;
    bool indirect;      // a pointer was followed on the way
    bool ambiguous;     // found more than once at the shallowest depth
    bool ptr_recv_needed; // a *T method on a non-addressable T value
    Method *method;
} Selection;
Selection lookup_field_or_method(Checker *c, Type *t, bool addressable, Name *name);
// Reports whether t implements iface; on failure *why says why (types2 wording).
bool implements(Checker *c, Type *t, Type *iface, const char **why);
// For x.(T): why T cannot be the dynamic type of interface iface, or NULL.
const char *assertable_to(Checker *c, Type *iface, Type *t);
Type *method_sig(Checker *c, Method *m);         // resolves a method's signature
bool has_nil(Type *t);
Type *default_type(Checker *c, Type *t);
bool is_named(Type *t);

// ---------------------------------------------------------------------------
// check_expr.c

void check_expr(Checker *c, Operand *x, Node *e);              // single value
void check_multi_expr(Checker *c, Operand *x, Node *e);        // may be a tuple
void check_expr_with_hint(Checker *c, Operand *x, Node *e, Type *hint);
void check_expr_or_type(Checker *c, Operand *x, Node *e);
void check_raw_expr(Checker *c, Operand *x, Node *e, Type *hint);
void check_assignment(Checker *c, Operand *x, Type *t, const char *context);
bool assignable_to(Checker *c, Operand *x, Type *t, const char **reason);
void convert_untyped(Checker *c, Operand *x, Type *target);
void update_expr_type(Checker *c, Node *e, Type *t, bool final);
void record_operand(Checker *c, Operand *x);
void use_exprs(Checker *c, NodeList *l);
void use_expr(Checker *c, Node *e);
void check_conversion(Checker *c, Operand *x, Type *t);
bool convertible_to(Checker *c, Operand *x, Type *t, const char **cause);
void single_value(Checker *c, Operand *x);
bool check_index_value(Checker *c, Node *e, int64_t max, const char *what, int64_t *out);
void mark_addr_taken(Checker *c, Node *e);
void check_selector(Checker *c, Operand *x, Node *e);
void check_binary(Checker *c, Operand *x, Node *e, Node *lhs, Node *rhs, TokKind op);
void check_comparison(Checker *c, Operand *x, Operand *y, bool switch_case);
// Evaluates a list of expressions; a single call may yield several values.
// Returns the operands (arena) and their count; *commaok set when allowed.
Operand *check_expr_list(Checker *c, NodeList *l, bool allow_commaok, int *n, bool *commaok, Operand *buf, int bufcap);
// Pointer and slice types, shared per element type (an allocation saver:
// identity never depends on it).
Type *pointer_to(Checker *c, Type *elem);
Type *slice_of(Checker *c, Type *elem);

// ---------------------------------------------------------------------------
// check_call.c

void check_call(Checker *c, Operand *x, Node *call);
bool check_builtin(Checker *c, Operand *x, Node *call, Builtin id);
const char *types_summary(Checker *c, Type **ts, int n, bool variadic);

// ---------------------------------------------------------------------------
// check_stmt.c

void check_func_body(Checker *c, FuncInfo *fn, Node *body);
void check_func_lit(Checker *c, Operand *x, Node *e);
FuncInfo *new_func_info(Checker *c, Node *decl, Obj *obj);
void var_assigned(Checker *c, Obj *o);
void check_var_decl(Checker *c, Obj *obj, Obj **lhs, int nlhs, Node *type_expr, Node *init);
Obj *check_new_local_var(Checker *c, Node *id, Node *decl);

// ---------------------------------------------------------------------------
// check_init.c

// Records that the package-level declaration being checked refers to o.
void add_decl_dep(Checker *c, Obj *o);
void check_init_order(Checker *c, PtrVec *objs);

// ---------------------------------------------------------------------------
// check_label.c

void check_branches(Checker *c, Node *body);

// ---------------------------------------------------------------------------
// const.c, const_text.c: results live in the arena a (the compiler's).

ConstVal const_int(int64_t v);
ConstVal const_bool(bool b);
ConstVal const_string(const char *s, size_t len);
// x + y of two string constants, in time linear in y over a chain.
ConstVal const_concat(Arena *a, ConstVal x, ConstVal y);
// The float constant of f's exact value, as go/constant's MakeFloat64.
ConstVal const_from_double(Arena *a, double f);
// Decodes a literal's text; false if malformed (a float beyond Go's
// exponent range: `1e1000000000`).
bool const_from_literal(Compiler *cc, TokKind kind, const char *text, size_t len, ConstVal *out);
// Arithmetic as go/constant does it; `integer_div` for integer operands of
// /. False when the result is not representable (infinite): types2's
// unknown value. Integers are never capped here; the checker is.
bool const_binary(Arena *a, TokKind op, ConstVal x, ConstVal y, bool integer_div, ConstVal *out);
bool const_unary(Arena *a, TokKind op, ConstVal x, int unsigned_bits, ConstVal *out);
// x must be an integer constant.
bool const_shift(Arena *a, TokKind op, ConstVal x, uint64_t s, ConstVal *out);
bool const_compare(TokKind op, ConstVal x, ConstVal y);
// Bits of an integer constant's magnitude (big.Int's BitLen).
int const_bitlen(ConstVal x);
// Conversions between kinds as go/constant's ToInt, ToFloat, ToComplex; the
// first fails, the others give CONST_NONE, when x has no such value.
bool const_to_int(Arena *a, ConstVal x, ConstVal *out);
ConstVal const_to_float(Arena *a, ConstVal x);
ConstVal const_to_complex(Arena *a, ConstVal x);
ConstVal const_real(ConstVal x);
ConstVal const_imag(ConstVal x);
ConstVal const_make_imag(Arena *a, ConstVal x);
// Representability of a constant in basic type t (types2's
// representableConst); on success *rounded is the value in that type, and
// for an integer type also on failure when x has an integer value (gc
// prints that value in a failed conversion). code: 0 ok, 1 truncated,
// 2 overflows, 3 other.
int const_representable(Arena *a, ConstVal x, Type *t, ConstVal *rounded);

// ---------------------------------------------------------------------------
// generic.c: std's generic types, instantiated and stenciled by GC shape

bool generic_type(Type *t);                       // a generic type (not an instance)
const char *generic_type_string(Checker *c, Type *t); // types2's "atomic.Pointer[T any]"
bool generic_method_decl(const Node *decl);       // a method of a generic type: func (x *G[T]) M()
// Declares generic type o (a std N_TYPESPEC with type parameters) and its methods.
void generic_type_decl(Checker *c, Obj *o, Obj **methods, int nmethods);
// G[targ]: the one instance of gen for targ (up to identity).
Type *generic_instantiate(Checker *c, Type *gen, Type *targ, Pos pos);
// x[index] where x (in *x) is a generic type: the instance, or refused in user code.
void generic_index(Checker *c, Operand *x, Node *e);
// x.m where x is of a shape type: rewrites x (returned) to its conversion to the constraint.
Node *generic_shape_receiver(Checker *c, Operand *x);
// An imported object the package refers to: the instances it reaches get stenciled here.
void generic_imported_object(Checker *c, Obj *o);
// After the package's bodies: stencils the methods of the instances it met.
void generic_stencil_pending(Checker *c);

#endif
