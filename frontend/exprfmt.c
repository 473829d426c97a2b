// exprfmt.c - expressions as gc prints them in -m messages.
//
// gc names an expression in its messages ("&T{...} escapes to heap",
// "make([]int, n) does not escape", "x + y escapes to heap") by formatting its
// IR node, not the source text. The IR is what gc's front end made of the
// source, so this file prints minigc's typed AST the way gc prints the IR that
// the same source becomes: parentheses as written are forgotten, implicit
// operations gc inserts are invisible, some constructs are rewritten (method
// calls, variadic calls, string concatenation), and constants are the one
// place where the source text survives.
//
// The printer is one recursive function, write_expr(n, prec): it finds the
// gc form of the node (classify), and when the caller needs a tighter
// binding than that form has, wraps the whole text in parentheses.
// Statements, which -m=2 explanations name ("from x = y (assign)"), are at the
// end of the file: assignments and returns in full, loops and switches by
// name ("for loop", "switch statement").
//
// The rules, as observed from Go 1.19's gc (ir/fmt.go and noder/ for where
// the IR comes from) and checked against its output:
//
//   form                          printed as
//   ----------------------------  --------------------------------------------
//   constant expression           its source text as gc's syntax printer
//                                 gives it (node_string), outer parentheses
//                                 dropped: `1`, `"a\tb"`, `'a'`, `C`,
//                                 `1 << 3`, `(C + 1) * 2`, `int64(5)`,
//                                 `len("abc")`, `unsafe.Sizeof(x)`
//   nil                           `nil`
//   name                          the name; another package's variable or
//                                 function is qualified by its package name
//   composite literal             `TYPE{...}`, or `TYPE{}` when empty; TYPE is
//                                 the literal's type (`[...]int{1}` gives
//                                 `[1]int{...}`, an elided type its own type)
//   &composite, elided &T         `&TYPE{...}` / `&TYPE{}`
//   func literal                  `func literal`
//   x.f, method value x.m         `x.f`, with embedded fields walked written
//                                 out (`e.T.x`); implicit & and * invisible
//   method expression             `T.m`, `(*T).m`
//   method call x.m(a)            `RT.m(x, a)`, RT the method's receiver type:
//                                 `T.M(t)`, `(*T).PM(t)`, `T.M(e.T)`
//   interface method call         `i.m(a)`; one devirtualize made static is
//                                 printed as rewritten (Compiler.call_text):
//                                 `i.(T).m(a)`, then `T.m(i.(T), a)`
//   call of a variadic function   the extra arguments become `... argument`,
//   without `...`                 or `nil` when there are none, followed by
//                                 `...`: `f(... argument...)`, `f(nil...)`
//   conversion                    `T(x)` when T has a name (defined, basic,
//                                 byte, rune, any, error), else `(T)(x)`:
//                                 `string(b)`, `([]byte)(s)`, `(*T)(p)`
//   builtins                      `len(x)`, `new(T)`, `make(T, n, c)`,
//                                 `append(s, x...)`, `copy(a, b)`,
//                                 `unsafe.Add(p, n)`, ...
//   s + t + u on strings          one flat list: nested concatenations on
//                                 either side are merged, each operand printed
//                                 without parentheses: `s + (t + u)` gives
//                                 `s + t + u`
//   unary op x                    op, then x at unary precedence + 1, so a
//                                 nested unary is parenthesised; the same op
//                                 twice gets a space: `- (-x)`, `*(*p)`,
//                                 `-(^x)`, `<- (<-c)`
//   x op y                        x at op's precedence, y one tighter:
//                                 `x - (x - 1)`, `x - x - 1`
//   x.(T), x[i], x[i:j:k]         as written, types by their type string
//
// Precedences (higher binds tighter); operands print in parentheses when the
// context asks for more than the form has:
//
//   8  names, constants as literals/names/calls, selectors, index, slice,
//      calls, conversions, most builtins, composite literals, make of a slice
//   7  unary operators, &x, *p, <-c, a type that is a pointer (in `(*T).m`)
//   6  * / % << >> & &^      5  + - | ^      4  == != < <= > >=
//   2  &&                    1  ||
//   0  (binds loosest) func literals, &T{...}, string concatenation, make of
//      a map or channel, complex, real, imag, recover: so gc prints
//      `(func literal)()`, `(&T{}).x`, `(s + t)[1:]`, `(s + t) == u`,
//      `(make(map[int]int))[1]`, `(real(c)) + 1`
//
// Left operands get the operator's own precedence, so `(x | 1) ^ 2` prints
// as `x | 1 ^ 2`: gc's form, kept.
//
// The implicit slice of a variadic call is named "... argument" by the escape
// pass itself when it reports on it; here it only appears inside calls.
//
// Not reproduced: calls taking a multi-value call as arguments, and the
// quoted-path qualifier gc uses when two imported packages share a name.
#include "frontend.h"

#include <stdio.h>

// Nesting beyond this is printed as "..." rather than recursed into: a
// message never needs it, and a machine-made expression must not exhaust the
// stack.
#define EXPR_MAX_DEPTH 2000

enum {
    PREC_LOOSE = 0,     // forms gc's precedence table leaves out
    PREC_OROR = 1,
    PREC_ANDAND = 2,
    PREC_SEND = 3,      // only in statements: ch <- v
    PREC_CMP = 4,
    PREC_ADD = 5,
    PREC_MUL = 6,
    PREC_UNARY = 7,
    PREC_PRIMARY = 8,
};

// The gc form a node prints as.
typedef enum Form {
    F_BAD,
    F_CONST,        // constant: source text
    F_NIL,
    F_NAME,
    F_TYPE,         // a type used as an operand (new, make, method expression)
    F_COMPOSITE,    // T{...}
    F_PTRLIT,       // &T{...}, written or elided
    F_FUNCLIT,
    F_SELECTOR,     // field, method value, qualified name
    F_METHODEXPR,   // T.m, (*T).m
    F_INDEX,
    F_SLICE,
    F_ASSERT,
    F_CALL,         // function or interface method call
    F_METHODCALL,   // concrete method call: printed as a method expression call
    F_CONVERSION,
    F_BUILTIN,
    F_UNARY,        // + - ! ^ <- and &x
    F_DEREF,
    F_BINARY,
    F_CONCAT,       // string concatenation, printed flat
    F_KEYVALUE,
} Form;

// The text is written into `local` first and copied to the arena at its
// exact length once done (out_text): most are a few bytes, and a buffer in
// the arena for each (100,000 of them on a big file) would mostly go unused.
typedef struct Out {
    Compiler *cc;
    char *buf;      // local, or the arena once the text outgrew it
    size_t len, cap;
    char local[256];
    int depth;
    bool inl;       // a saved inline body, as gc's "can inline ... as:" prints it
    const FuncInfo *fn;     // ... of this function: gc's temporaries are
    int temps;              // numbered after its variables (.autotmp_N)
    Pos stmt;               // the statement being printed
} Out;

// The next temporary gc makes in o->fn: numbered by how many variables the
// function declared before it (receiver, params, results, the locals
// declared so far) and the temporaries before it.
static void put_temp(Out *o);

static void write_expr(Out *o, const Node *n, int prec);

static void put_n(Out *o, const char *s, size_t n) {
    if (!o->buf) {
        o->buf = o->local;
        o->cap = sizeof o->local;
    }
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap * 2;
        while (cap < o->len + n + 1)
            cap *= 2;
        char *buf = ARENA_ARRAY(&o->cc->arena, char, cap);
        if (o->len)
            memcpy(buf, o->buf, o->len);
        o->buf = buf;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = 0;
}

static void put(Out *o, const char *s) {
    put_n(o, s, strlen(s));
}

// The type the checker recorded on n or, when it recorded none there, on
// what n parenthesises.
static Type *node_type(const Node *n) {
    for (; n; n = n->kind == N_PAREN ? n->u.unary.x : NULL)
        if (n->type)
            return n->type;
    return NULL;
}

static bool is_type_node(const Node *n) {
    if (n->flags & NF_TYPE)
        return true;
    switch (n->kind) {
    case N_ARRAYTYPE: case N_STRUCTTYPE: case N_FUNCTYPE: case N_INTERFACETYPE:
    case N_MAPTYPE: case N_CHANTYPE:
        return true;
    default:
        return false;
    }
}

static bool is_constant(const Node *n) {
    return node_val(n)->kind != CONST_NONE && !(n->flags & NF_TYPE);
}

// A type that gc's formatter would find a name on: defined types, the basic
// types (byte and rune included) and the predeclared alias any.
static bool type_has_name(Compiler *cc, Type *t) {
    if (!t)
        return false;
    if (t->kind == TY_NAMED || t == cc->any_type)
        return true;
    return t->kind >= TY_BOOL && t->kind <= TY_UNSAFE_POINTER;
}

// The struct a selector step looks into: through one pointer, as Go does.
static Type *struct_of(Type *t) {
    t = t ? type_underlying(t) : NULL;
    if (t && t->kind == TY_POINTER)
        t = t->u.ptr.elem ? type_underlying(t->u.ptr.elem) : NULL;
    return t && t->kind == TY_STRUCT ? t : NULL;
}

static Builtin builtin_of(const Node *call) {
    if (call->u.call.kind == CALL_BUILTIN)
        return call->u.call.builtin;
    const Node *fun = unparen(call->u.call.fun);
    if (fun && fun->kind == N_IDENT && fun->u.ident.obj && fun->u.ident.obj->kind == OBJ_BUILTIN)
        return fun->u.ident.obj->u.builtin;
    return BI_NONE;
}

// A concrete method call's selector, or NULL.
static const Node *method_call_selector(const Node *call) {
    const Node *fun = unparen(call->u.call.fun);
    if (!fun || fun->kind != N_SELECTOR || fun->u.sel.kind != SEL_METHOD)
        return NULL;
    Obj *m = fun->u.sel.obj;
    if (!m || m->kind != OBJ_FUNC || !m->u.func.recv)
        return NULL;
    // an interface's methods have receivers too, but their calls stay calls
    Type *recv = type_underlying(m->u.func.recv);
    if (recv && recv->kind == TY_POINTER)
        recv = type_underlying(recv->u.ptr.elem);
    if (!recv || recv->kind == TY_INTERFACE)
        return NULL;
    return fun;
}

static bool is_conversion(const Node *call) {
    if (call->u.call.kind == CALL_CONVERSION)
        return true;
    const Node *fun = call->u.call.fun;
    return call->u.call.kind == CALL_NONE && fun
        && (is_type_node(fun) || is_type_node(unparen(fun)));
}

static bool is_concat(const Node *n) {
    return n->kind == N_BINARY && n->u.binary.op == T_ADD && !is_constant(n)
        && n->type && type_is_string(n->type);
}

static Form classify(const Node *n) {
    if (is_constant(n))
        return F_CONST;
    if (is_type_node(n))
        return F_TYPE;
    switch (n->kind) {
    case N_IDENT:
        if (n->u.ident.obj && n->u.ident.obj->kind == OBJ_NIL)
            return F_NIL;
        return F_NAME;
    case N_BASICLIT:
        return F_CONST;     // unchecked or malformed: still its text
    case N_COMPOSITE:
        if (n->type && type_underlying(n->type) && type_underlying(n->type)->kind == TY_POINTER)
            return F_PTRLIT;
        return F_COMPOSITE;
    case N_FUNCLIT:
        return F_FUNCLIT;
    case N_SELECTOR:
        if (n->u.sel.kind == SEL_METHOD_EXPR)
            return F_METHODEXPR;
        return F_SELECTOR;
    case N_INDEX:
        return F_INDEX;
    case N_SLICE:
        return F_SLICE;
    case N_TYPEASSERT:
        return F_ASSERT;
    case N_CALL:
        if (is_conversion(n))
            return F_CONVERSION;
        if (builtin_of(n) != BI_NONE)
            return F_BUILTIN;
        if (n->u.call.kind == CALL_METHOD && method_call_selector(n))
            return F_METHODCALL;
        return F_CALL;
    case N_STAR:
        return F_DEREF;
    case N_UNARY: {
        const Node *x = unparen(n->u.unary.x);
        if (n->u.unary.op == T_AND && x && x->kind == N_COMPOSITE)
            return F_PTRLIT;
        return F_UNARY;
    }
    case N_BINARY:
        return is_concat(n) ? F_CONCAT : F_BINARY;
    case N_KEYVALUE:
        return F_KEYVALUE;
    default:
        return F_BAD;
    }
}

static int binary_prec(TokKind op) {
    switch (op) {
    case T_LOR: return PREC_OROR;
    case T_LAND: return PREC_ANDAND;
    case T_EQL: case T_NEQ: case T_LSS: case T_LEQ: case T_GTR: case T_GEQ:
        return PREC_CMP;
    case T_ADD: case T_SUB: case T_OR: case T_XOR:
        return PREC_ADD;
    case T_MUL: case T_QUO: case T_REM: case T_SHL: case T_SHR: case T_AND: case T_AND_NOT:
        return PREC_MUL;
    default:
        return PREC_LOOSE;
    }
}

// A constant keeps the precedence of the operation it was written as.
static int const_prec(const Node *n) {
    switch (n->kind) {
    case N_UNARY: case N_STAR:
        return PREC_UNARY;
    case N_BINARY:
        return binary_prec(n->u.binary.op);
    default:
        return PREC_PRIMARY;
    }
}

static int builtin_prec(const Node *call) {
    switch (builtin_of(call)) {
    case BI_COMPLEX: case BI_REAL: case BI_IMAG: case BI_RECOVER:
        return PREC_LOOSE;
    case BI_MAKE: {
        // make of a map or channel becomes an operation gc's table leaves out
        const Node *t = call->u.call.args.len ? call->u.call.args.items[0] : NULL;
        Type *u = node_type(t) ? type_underlying(node_type(t)) : NULL;
        return u && (u->kind == TY_MAP || u->kind == TY_CHAN) ? PREC_LOOSE : PREC_PRIMARY;
    }
    default:
        return PREC_PRIMARY;
    }
}

static int form_prec(Form f, const Node *n) {
    switch (f) {
    case F_CONST:
        return const_prec(n);
    case F_TYPE:
        return n->type && n->type->kind == TY_POINTER ? PREC_UNARY : PREC_PRIMARY;
    case F_PTRLIT: case F_FUNCLIT: case F_CONCAT: case F_KEYVALUE:
        return PREC_LOOSE;
    case F_BUILTIN:
        return builtin_prec(n);
    case F_UNARY: case F_DEREF:
        return PREC_UNARY;
    case F_BINARY:
        return binary_prec(n->u.binary.op);
    default:
        return PREC_PRIMARY;
    }
}

static void write_type(Out *o, Type *t) {
    put(o, type_string(o->cc, t));
}

// A type expression node: by the type the checker found, else as written.
static void write_type_node(Out *o, const Node *n) {
    Type *t = node_type(n);
    if (t)
        write_type(o, t);
    else if (n)
        put(o, node_string(o->cc, unparen(n)));
}

static void write_list(Out *o, Node *const *items, int len) {
    for (int i = 0; i < len; i++) {
        if (i)
            put(o, ", ");
        write_expr(o, items[i], PREC_LOOSE);
    }
}

// A name as gc's symbol formatter prints it: objects of the package being
// compiled bare, package-level objects of an imported package qualified by
// that package's name.
static void write_obj_name(Out *o, Obj *obj, Name *fallback) {
    bool global = obj && (obj->kind == OBJ_FUNC || (obj->kind == OBJ_VAR && obj->u.var.is_global));
    if (global && obj->pkg && obj->pkg->is_std && obj->pkg->name) {
        put(o, pkg_qualifier(obj->pkg));
        put(o, ".");
    }
    Name *name = obj && obj->name ? obj->name : fallback;
    put(o, name ? name->s : "?");
}

// A constant in an imported body: export data keeps its value and type, not
// its source, so gc prints `T(value)` (an untyped one as the value alone).
static void write_export_const(Out *o, const Node *n) {
    Type *t = n->type;
    bool typed = t && !type_is_untyped(t);
    if (typed) {
        Type *u = type_underlying(t);
        bool paren = t->kind == TY_POINTER || (u && u->kind == TY_CHAN && u->u.chan.dir == CHAN_RECV && t->kind != TY_NAMED);
        put(o, paren ? "(" : "");
        put(o, type_string(o->cc, t));
        put(o, paren ? ")(" : "(");
    }
    put(o, const_string_of(o->cc, *node_val(n)));
    if (typed)
        put(o, ")");
}

static void write_name(Out *o, const Node *n) {
    if (n->u.ident.name && strcmp(n->u.ident.name->s, "_") == 0) {
        put(o, "_");
        return;
    }
    // A local of an imported body keeps its package's symbol: qualified
    // (not the ~R0 results the inliner names in the caller's package).
    Obj *obj = n->u.ident.obj;
    if ((n->flags & NF_IMPORTED) && obj && obj->kind == OBJ_VAR && !obj->u.var.is_global && obj->pkg &&
        obj->pkg->name && obj->name && obj->name->s[0] != '~') {
        put(o, pkg_qualifier(obj->pkg));
        put(o, ".");
    }
    write_obj_name(o, n->u.ident.obj, n->u.ident.name);
}

// The embedded fields a selector walks before its final field or method,
// which gc's IR spells out: e.x with x promoted from T is e.T.x.
static void write_embedded_path(Out *o, const Node *sel) {
    const Node *x = sel->u.sel.x;
    Type *t = node_type(x);
    for (int i = 0; i + 1 < sel->u.sel.depth; i++) {
        Type *st = struct_of(t);
        int idx = sel->u.sel.path ? sel->u.sel.path[i] : -1;
        if (!st || idx < 0 || idx >= st->u.strct.nfields)
            return;
        Field *f = &st->u.strct.fields[idx];
        put(o, ".");
        put(o, f->name ? f->name->s : "?");
        t = f->type;
    }
}

static void write_selector(Out *o, const Node *n) {
    if (n->u.sel.kind == SEL_QUALIFIED && n->u.sel.obj) {
        write_obj_name(o, n->u.sel.obj, n->u.sel.name);
        return;
    }
    write_expr(o, n->u.sel.x, PREC_PRIMARY);
    write_embedded_path(o, n);
    put(o, ".");
    put(o, n->u.sel.name ? n->u.sel.name->s : "?");
}

// A type as the operand of a method expression: `T`, `(*T)`.
static void write_type_operand(Out *o, Type *t, const Node *fallback) {
    bool ptr = t ? t->kind == TY_POINTER : false;
    if (ptr)
        put(o, "(");
    if (t)
        write_type(o, t);
    else
        write_type_node(o, fallback);
    if (ptr)
        put(o, ")");
}

static void write_method_expr(Out *o, const Node *n) {
    write_type_operand(o, node_type(n->u.sel.x), n->u.sel.x);
    put(o, ".");
    put(o, n->u.sel.name ? n->u.sel.name->s : "?");
}

// The signature a call's arguments are matched against, if variadic.
static Type *variadic_sig(const Node *call) {
    Type *t = node_type(call->u.call.fun);
    t = t ? type_underlying(t) : NULL;
    if (!t || t->kind != TY_FUNC || !t->u.func.variadic || t->u.func.nparams < 1)
        return NULL;
    return t;
}

// The arguments of a call, after `lead` already written ones: a call of a
// variadic function without `...` has its extra arguments packed into an
// implicit slice, which gc names "... argument" (nil when there are none).
static void write_call_args(Out *o, const Node *call, bool lead) {
    const NodeList *args = &call->u.call.args;
    // A saved inline body predates gc's rewrite of variadic calls.
    Type *sig = call->u.call.has_dots || o->inl ? NULL : variadic_sig(call);
    // f(g()) with g's several results: gc's temporaries stay out of sight.
    if (args->len == 1 && args->items[0]->type && args->items[0]->type->kind == TY_TUPLE)
        sig = NULL;
    int fixed = sig ? sig->u.func.nparams - 1 : args->len;
    if (fixed > args->len)
        fixed = args->len;
    if (lead && fixed > 0)
        put(o, ", ");
    write_list(o, args->items, fixed);
    if (sig) {
        if (lead || fixed > 0)
            put(o, ", ");
        put(o, args->len > fixed ? "... argument..." : "nil...");
    } else if (call->u.call.has_dots) {
        put(o, "...");
    }
}

static void write_call(Out *o, const Node *n) {
    const Node *fun = unparen(n->u.call.fun);
    if (o->inl && o->fn && n->u.call.kind == CALL_INTERFACE && fun->kind == N_SELECTOR &&
        tree_calls_or_chans(fun->u.sel.x)) {
        put_temp(o);    // gc evaluates such a receiver into a temporary
        put(o, ".");
        put(o, fun->u.sel.name ? fun->u.sel.name->s : "?");
    } else if (o->inl && o->fn && n->u.call.kind == CALL_FUNC && tree_calls_or_chans(fun)) {
        put_temp(o);    // and such a callee
    } else {
        write_expr(o, n->u.call.fun, PREC_PRIMARY);
    }
    put(o, "(");
    write_call_args(o, n, false);
    put(o, ")");
}

// x.m(a) becomes RT.m(x, a), RT the receiver type the method was declared
// with; the & or * that adapts x to it is implicit and not printed.
static void write_method_call(Out *o, const Node *n) {
    const Node *sel = method_call_selector(n);
    Obj *m = sel->u.sel.obj;
    write_type_operand(o, m->u.func.recv, NULL);
    put(o, ".");
    put(o, m->name ? m->name->s : "?");
    put(o, "(");
    bool walks = sel->u.sel.depth > 1;
    const Node *rx = unparen(sel->u.sel.x);
    if (o->inl && o->fn && tree_calls_or_chans(rx)) {
        put_temp(o);    // gc evaluates such a receiver (embedded fields walked) into a temporary
    } else {
        write_expr(o, sel->u.sel.x, walks ? PREC_PRIMARY : PREC_LOOSE);
        write_embedded_path(o, sel);
    }
    write_call_args(o, n, true);
    put(o, ")");
}

// A slice whose elements are of a defined type with the given kind
// underneath ([]MyByte): gc's typecheck converts it to []byte or []rune
// before making a string of it, and prints that conversion.
static bool defined_elem_slice(Type *t, TypeKind elem_kind) {
    Type *u = t ? type_underlying(t) : NULL;
    if (!u || u->kind != TY_SLICE || !u->u.slice.elem || u->u.slice.elem->kind != TY_NAMED)
        return false;
    Type *e = type_underlying(u->u.slice.elem);
    return e && e->kind == elem_kind;
}

static void write_conversion(Out *o, const Node *n) {
    Type *t = n->type ? n->type : node_type(n->u.call.fun);
    Type *u = t ? type_underlying(t) : NULL;
    const Node *arg = n->u.call.args.len == 1 ? unparen(n->u.call.args.items[0]) : NULL;
    // []rune("...") of a constant: gc makes it a composite literal.
    if (u && u->kind == TY_SLICE && arg && node_val(arg)->kind == CONST_STRING && u->u.slice.elem &&
        type_underlying(u->u.slice.elem) && type_underlying(u->u.slice.elem)->kind == TY_INT32) {
        write_type(o, t);
        put(o, node_val(arg)->len ? "{...}" : "{}");
        return;
    }
    if (u && u->kind == TY_STRING && arg && (defined_elem_slice(arg->type, TY_UINT8) || defined_elem_slice(arg->type, TY_INT32))) {
        write_type(o, t);
        put(o, defined_elem_slice(arg->type, TY_UINT8) ? "(([]byte)(" : "(([]rune)(");
        write_expr(o, n->u.call.args.items[0], PREC_LOOSE);
        put(o, "))");
        return;
    }
    bool named = type_has_name(o->cc, t);
    if (!named)
        put(o, "(");
    if (t)
        write_type(o, t);
    else
        write_type_node(o, n->u.call.fun);
    put(o, named ? "(" : ")(");
    write_list(o, n->u.call.args.items, n->u.call.args.len);
    put(o, ")");
}

static const char *builtin_name(Builtin b) {
    static const char *const names[BI_COUNT] = {
        [BI_APPEND] = "append", [BI_CAP] = "cap", [BI_CLOSE] = "close",
        [BI_COMPLEX] = "complex", [BI_COPY] = "copy", [BI_DELETE] = "delete",
        [BI_IMAG] = "imag", [BI_LEN] = "len", [BI_MAKE] = "make", [BI_NEW] = "new",
        [BI_PANIC] = "panic", [BI_PRINT] = "print", [BI_PRINTLN] = "println",
        [BI_REAL] = "real", [BI_RECOVER] = "recover",
        [BI_ALIGNOF] = "unsafe.Alignof", [BI_OFFSETOF] = "unsafe.Offsetof",
        [BI_SIZEOF] = "unsafe.Sizeof", [BI_UNSAFE_ADD] = "unsafe.Add",
        [BI_UNSAFE_SLICE] = "unsafe.Slice",
    };
    return b > BI_NONE && b < BI_COUNT && names[b] ? names[b] : "?";
}

// Builtins print under their own name however they were reached (an
// imported unsafe under another name is still "unsafe.Add"); make and new
// take a type first.
static void write_builtin(Out *o, const Node *n) {
    Builtin b = builtin_of(n);
    const NodeList *args = &n->u.call.args;
    put(o, builtin_name(b));
    put(o, "(");
    int from = 0;
    if ((b == BI_MAKE || b == BI_NEW) && args->len > 0) {
        write_type_node(o, args->items[0]);
        from = 1;
        if (args->len > 1)
            put(o, ", ");
    }
    write_list(o, args->items + from, args->len - from);
    if (n->u.call.has_dots)
        put(o, "...");
    put(o, ")");
}

static void write_composite(Out *o, const Node *n, bool through_ptr) {
    Type *t = n->type;
    Type *u = t ? type_underlying(t) : NULL;
    if (through_ptr && u && u->kind == TY_POINTER)
        t = u->u.ptr.elem;
    if (t) {
        write_type(o, t);
    } else if (n->u.complit.type) {
        write_type_node(o, n->u.complit.type);
    } else {
        put(o, "composite literal");
        return;
    }
    put(o, n->u.complit.elts.len ? "{...}" : "{}");
}

static void write_ptrlit(Out *o, const Node *n) {
    put(o, "&");
    if (n->kind == N_COMPOSITE)
        write_composite(o, n, true);
    else
        write_composite(o, unparen(n->u.unary.x), false);
}

static bool same_unary(const Node *n, const Node *x) {
    if (!x || is_constant(x))
        return false;
    if (n->kind == N_STAR || x->kind != n->kind)
        return false;
    return x->u.unary.op == n->u.unary.op;
}

static void write_unary(Out *o, const Node *n) {
    const Node *x = unparen(n->u.unary.x);
    if (n->kind == N_STAR)
        put(o, "*");
    else
        put(o, tok_string(n->u.unary.op));
    if (same_unary(n, x))
        put(o, " ");
    write_expr(o, x, PREC_UNARY + 1);
}

static void write_binary(Out *o, const Node *n, int prec) {
    write_expr(o, n->u.binary.x, prec);
    put(o, " ");
    put(o, tok_string(n->u.binary.op));
    put(o, " ");
    write_expr(o, n->u.binary.y, prec + 1);
}

// Operands of a string concatenation, nested concatenations merged in. The
// left spine is walked without recursion: long chains are common.
static void write_concat(Out *o, const Node *n) {
    const Node *spine[64];
    int len = 0;
    const Node *left = n;
    while (len < (int)(sizeof spine / sizeof spine[0]) && is_concat(left)) {
        spine[len++] = left;
        left = unparen(left->u.binary.x);
    }
    write_expr(o, left, PREC_LOOSE);
    while (len > 0) {
        const Node *right = unparen(spine[--len]->u.binary.y);
        put(o, " + ");
        write_expr(o, right, PREC_LOOSE);
    }
}

static void write_slice(Out *o, const Node *n) {
    // Slicing an array takes its address, which export data writes out:
    // an imported body prints `(&a)[i:]`.
    Type *xt = node_type(n->u.slice.x);
    if ((n->flags & NF_IMPORTED) && xt && type_underlying(xt) && type_underlying(xt)->kind == TY_ARRAY) {
        put(o, "(&");
        write_expr(o, n->u.slice.x, PREC_UNARY);
        put(o, ")");
    } else {
        write_expr(o, n->u.slice.x, PREC_PRIMARY);
    }
    put(o, "[");
    if (n->u.slice.lo)
        write_expr(o, n->u.slice.lo, PREC_LOOSE);
    put(o, ":");
    if (n->u.slice.hi)
        write_expr(o, n->u.slice.hi, PREC_LOOSE);
    if (n->u.slice.full) {
        put(o, ":");
        if (n->u.slice.max)
            write_expr(o, n->u.slice.max, PREC_LOOSE);
    }
    put(o, "]");
}

static void write_assert(Out *o, const Node *n) {
    write_expr(o, n->u.assert.x, PREC_PRIMARY);
    put(o, ".(");
    const Node *t = n->u.assert.type;
    if (!t)
        put(o, "type");
    else if (node_type(t))
        write_type(o, node_type(t));
    else if (n->type)
        write_type(o, n->type);
    else
        write_type_node(o, t);
    put(o, ")");
}

static void write_form(Out *o, Form f, const Node *n) {
    switch (f) {
    case F_CONST:
        if (n->flags & NF_IMPORTED)
            write_export_const(o, n);
        else
            put(o, node_string(o->cc, n));
        break;
    case F_NIL: put(o, "nil"); break;
    case F_NAME: write_name(o, n); break;
    case F_TYPE: write_type_node(o, n); break;
    case F_COMPOSITE: write_composite(o, n, false); break;
    case F_PTRLIT: write_ptrlit(o, n); break;
    case F_FUNCLIT: put(o, "func literal"); break;
    case F_SELECTOR: write_selector(o, n); break;
    case F_METHODEXPR: write_method_expr(o, n); break;
    case F_INDEX:
        write_expr(o, n->u.index.x, PREC_PRIMARY);
        put(o, "[");
        write_expr(o, n->u.index.index, PREC_LOOSE);
        put(o, "]");
        break;
    case F_SLICE: write_slice(o, n); break;
    case F_ASSERT: write_assert(o, n); break;
    case F_CALL: write_call(o, n); break;
    case F_METHODCALL: write_method_call(o, n); break;
    case F_CONVERSION: write_conversion(o, n); break;
    case F_BUILTIN: write_builtin(o, n); break;
    case F_UNARY: case F_DEREF: write_unary(o, n); break;
    case F_BINARY: write_binary(o, n, binary_prec(n->u.binary.op)); break;
    case F_CONCAT: write_concat(o, n); break;
    case F_KEYVALUE:
        write_expr(o, n->u.kv.key, PREC_LOOSE);
        put(o, ":");
        write_expr(o, n->u.kv.value, PREC_LOOSE);
        break;
    case F_BAD: put(o, "<bad expr>"); break;
    }
}

static bool is_stmt(const Node *n) {
    return n->kind >= N_EMPTYSTMT && n->kind <= N_RANGE;
}

static void write_stmt(Out *o, const Node *n);

static void write_expr(Out *o, const Node *n, int prec) {
    n = unparen(n);
    if (!n) {
        put(o, "<nil>");
        return;
    }
    if (is_stmt(n) || n->kind == N_VALUESPEC) {
        write_stmt(o, n);
        return;
    }
    if (o->depth >= EXPR_MAX_DEPTH) {
        put(o, "...");
        return;
    }
    if (n->kind == N_CALL && o->cc->call_text) {
        const char *t = o->cc->call_text(o->cc->call_text_ctx, n);
        if (t && t[0] == '~' && prec > PREC_LOOSE) {
            // An inlined call prints as its result, with the loosest
            // binding of all (gc's OINLCALL has no precedence): (~R0)[0].
            put(o, "(");
            put(o, t);
            put(o, ")");
            return;
        }
        if (t) {
            put(o, t);  // any other call binds as tightly as anything
            return;
        }
    }
    o->depth++;
    Form f = classify(n);
    if (prec > form_prec(f, n)) {
        put(o, "(");
        write_form(o, f, n);
        put(o, ")");
    } else {
        write_form(o, f, n);
    }
    o->depth--;
}

// ---------------------------------------------------------------------------
// Statements, as -m=2 explanations name them ("from x = y (assign)").
// Loops and switches are named, not printed; a list of statements is
// separated by "; ".

static void write_stmts(Out *o, const NodeList *l) {
    int k = 0;
    for (int i = 0; i < l->len; i++) {
        if (o->inl && l->items[i]->kind == N_EMPTYSTMT)
            continue;
        if (k++)
            put(o, "; ");
        write_stmt(o, l->items[i]);
    }
}

static void write_var_assign(Out *o, const Node *n, int i);

// A declaration in an inline body: gc's ODCL and assignment per variable,
// one ODCLCONST per constant (which its printer does not know).
static void write_inl_decl(Out *o, const Node *d) {
    int k = 0;
    for (int i = 0; i < d->u.gendecl.specs.len; i++) {
        const Node *spec = d->u.gendecl.specs.items[i];
        if (spec->kind != N_VALUESPEC)
            continue;
        const NodeList *names = &spec->u.valspec.names;
        for (int j = 0; j < names->len; j++) {
            if (k++)
                put(o, "; ");
            if (d->u.gendecl.tok == T_CONST) {
                put(o, "<node DCLCONST>");
                continue;
            }
            put(o, "var ");
            const Node *name = names->items[j];
            write_expr(o, name, PREC_LOOSE);
            put(o, " ");
            write_type(o, name->type ? name->type : name->u.ident.obj ? name->u.ident.obj->type : NULL);
            put(o, "; ");
            write_var_assign(o, spec, j);
        }
    }
}

static void write_assign(Out *o, const Node *n) {
    const NodeList *lhs = &n->u.assign.lhs, *rhs = &n->u.assign.rhs;
    write_list(o, lhs->items, lhs->len);
    TokKind op = n->u.assign.op;
    if (op == T_DEFINE)
        put(o, " := ");
    else if (op == T_ASSIGN)
        put(o, " = ");
    else {
        put(o, " ");
        put(o, tok_string(op));
        put(o, " ");
    }
    write_list(o, rhs->items, rhs->len);
}

// var a, b = x, y is one assignment per name; var a, b = f() is one for all;
// a name without a value is assigned nothing, which gc prints as <nil>.
static bool multi_value_spec(const Node *n) {
    return n->u.valspec.values.len == 1 && n->u.valspec.names.len > 1;
}

static void write_var_assign(Out *o, const Node *n, int i) {
    const NodeList *names = &n->u.valspec.names, *values = &n->u.valspec.values;
    if (multi_value_spec(n)) {
        write_list(o, names->items, names->len);
        put(o, " = ");
        write_expr(o, values->items[0], PREC_LOOSE);
        return;
    }
    write_expr(o, names->items[i], PREC_LOOSE);
    put(o, " = ");
    write_expr(o, i < values->len ? values->items[i] : NULL, PREC_LOOSE);
}

static void write_valuespec(Out *o, const Node *n) {
    int count = multi_value_spec(n) ? 1 : n->u.valspec.names.len;
    for (int i = 0; i < count; i++) {
        if (i)
            put(o, "; ");
        write_var_assign(o, n, i);
    }
}

static void write_if(Out *o, const Node *n) {
    put(o, "if ");
    if (n->u.ifs.init) {
        write_stmt(o, n->u.ifs.init);
        put(o, "; ");
    }
    write_expr(o, n->u.ifs.cond, PREC_LOOSE);
    put(o, " { ");
    if (n->u.ifs.then)
        write_stmts(o, &n->u.ifs.then->u.block.stmts);
    put(o, " }");
    const Node *els = n->u.ifs.els;
    if (els) {
        put(o, " else { ");
        if (els->kind == N_BLOCK)
            write_stmts(o, &els->u.block.stmts);
        else
            write_stmt(o, els);
        put(o, " }");
    }
}

static void write_case(Out *o, const Node *n) {
    if (n->kind == N_COMMCLAUSE && n->u.clause.comm) {
        put(o, "case ");
        write_stmt(o, n->u.clause.comm);
    } else if (n->u.clause.list.len) {
        put(o, "case ");
        write_list(o, n->u.clause.list.items, n->u.clause.list.len);
    } else {
        put(o, "default");
    }
    put(o, ": ");
    write_stmts(o, &n->u.clause.body);
}

static void write_branch(Out *o, const Node *n) {
    put(o, tok_string(n->u.branch.tok));
    if (n->u.branch.label) {
        put(o, " ");
        write_expr(o, n->u.branch.label, PREC_LOOSE);
    }
}

static void write_stmt_form(Out *o, const Node *n) {
    switch (n->kind) {
    case N_ASSIGN: write_assign(o, n); break;
    case N_INCDEC:
        write_expr(o, n->u.incdec.x, PREC_LOOSE);
        if (o->inl)
            put(o, n->u.incdec.op == T_INC ? " += 1" : " -= 1");
        else
            put(o, n->u.incdec.op == T_INC ? "++" : "--");
        break;
    case N_EXPRSTMT: write_expr(o, n->u.unary.x, PREC_LOOSE); break;
    case N_SENDSTMT:
        write_expr(o, n->u.send.chan, PREC_SEND);
        put(o, " <- ");
        write_expr(o, n->u.send.value, PREC_SEND + 1);
        break;
    case N_RETURN: {
        put(o, "return ");
        const NodeList *r = &n->u.ret.results;
        Type *t = r->len == 1 ? unparen(r->items[0])->type : NULL;
        if (o->inl && o->fn && t && t->kind == TY_TUPLE) {
            // return g() of several results goes through temporaries
            o->stmt = n->pos;
            for (int i = 0; i < t->u.tuple.n; i++) {
                if (i)
                    put(o, ", ");
                put_temp(o);
            }
            break;
        }
        write_list(o, r->items, r->len);
        break;
    }
    case N_GO: case N_DEFER:
        put(o, n->kind == N_GO ? "go " : "defer ");
        write_expr(o, n->u.unary.x, PREC_LOOSE);
        break;
    case N_DECLSTMT: {
        const Node *d = n->u.declstmt.decl;
        if (o->inl && d && d->kind == N_GENDECL) {
            write_inl_decl(o, d);
            break;
        }
        if (d && d->kind == N_GENDECL && d->u.gendecl.tok == T_VAR)
            write_stmts(o, &d->u.gendecl.specs);
        break;
    }
    case N_VALUESPEC: write_valuespec(o, n); break;
    case N_BLOCK: write_stmts(o, &n->u.block.stmts); break;
    case N_IF: write_if(o, n); break;
    case N_FOR: case N_RANGE: put(o, "for loop"); break;
    case N_SWITCH: case N_TYPESWITCH: put(o, "switch statement"); break;
    case N_SELECT: put(o, "select statement"); break;
    case N_CASECLAUSE: case N_COMMCLAUSE: write_case(o, n); break;
    case N_BRANCH: write_branch(o, n); break;
    case N_LABELED:
        write_expr(o, n->u.labeled.label, PREC_LOOSE);
        put(o, ": ");
        if (o->inl && n->u.labeled.stmt && n->u.labeled.stmt->kind != N_EMPTYSTMT) {
            put(o, "; ");
            write_stmt(o, n->u.labeled.stmt);
        }
        break;
    default: break;
    }
}

static void write_stmt(Out *o, const Node *n) {
    if (!n)
        return;
    if (o->inl)
        o->stmt = n->pos;
    if (o->depth >= EXPR_MAX_DEPTH) {
        put(o, "...");
        return;
    }
    o->depth++;
    write_stmt_form(o, n);
    o->depth--;
}

// What was written, in the arena.
static const char *out_text(Out *o) {
    if (!o->buf)
        return "";
    if (o->buf == o->local)
        return arena_strndup(&o->cc->arena, o->local, o->len);
    return o->buf;
}

const char *expr_string(Compiler *cc, const Node *n) {
    Out o = {.cc = cc};
    write_expr(&o, n, PREC_LOOSE);
    return out_text(&o);
}

static void put_temp(Out *o) {
    const FuncInfo *fn = o->fn;
    int n = (fn->recv ? 1 : 0) + fn->nparams + fn->nresults + o->temps++;
    for (int i = 0; i < fn->locals.len; i++) {
        const Obj *v = fn->locals.items[i];
        if (pos_compare(v->pos, o->stmt) < 0)
            n++;
    }
    char buf[32];
    snprintf(buf, sizeof buf, ".autotmp_%d", n);
    put(o, buf);
}

const char *inline_body_string(Compiler *cc, const FuncInfo *fn, const NodeList *body) {
    Out o = {.cc = cc, .inl = true, .fn = fn};
    write_stmts(&o, body);
    return out_text(&o);
}

const char *stmt_string(Compiler *cc, const Node *n) {
    return expr_string(cc, n);
}

const char *var_assign_string(Compiler *cc, const Node *spec, int i) {
    Out o = {.cc = cc};
    if (spec && spec->kind == N_VALUESPEC && i >= 0 && i < spec->u.valspec.names.len)
        write_var_assign(&o, spec, i);
    return out_text(&o);
}
