// check_fmt.c - expressions and operands as types2 prints them in errors.
//
// estr prints an expression the way gc's syntax printer does in its short
// form: source-like, one line, the bodies of function literals and the
// elements of composite literals replaced by "…". opstr prints an operand
// with its mode and type: "x (variable of type int)", "300 (untyped int
// constant)", "f() (value of type string)", "nil".
#include "check.h"

#include <string.h>

typedef struct Buf {
    Compiler *cc;
    char *s;
    size_t len, cap;
} Buf;

static void put(Buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *ns = arena_alloc(&b->cc->arena, cap);
        if (b->len)
            memcpy(ns, b->s, b->len);
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

static void puts_(Buf *b, const char *s) { put(b, s, strlen(s)); }

static void expr(Buf *b, const Node *n, int depth);

static void expr_list(Buf *b, const NodeList *l, int depth) {
    for (int i = 0; i < l->len; i++) {
        if (i)
            puts_(b, ", ");
        expr(b, l->items[i], depth);
    }
}

// "a, b " before a field's or parameter's type; nothing when it has no names.
static void field_names(Buf *b, const Node *f, int depth) {
    for (int j = 0; j < f->u.field.names.len; j++) {
        if (j)
            puts_(b, ", ");
        expr(b, f->u.field.names.items[j], depth);
    }
    if (f->u.field.names.len)
        puts_(b, " ");
}

// (a, b int, c string): consecutive names sharing one type node print it once.
static void param_list(Buf *b, const NodeList *l, int depth) {
    puts_(b, "(");
    for (int i = 0; i < l->len; i++) {
        const Node *f = l->items[i];
        if (i)
            puts_(b, ", ");
        field_names(b, f, depth);
        expr(b, unparen(f->u.field.type), depth);
    }
    puts_(b, ")");
}

static void signature(Buf *b, const Node *ft, int depth) {
    param_list(b, &ft->u.functype.params, depth);
    const NodeList *r = &ft->u.functype.results;
    if (r->len == 0)
        return;
    puts_(b, " ");
    const Node *f0 = r->items[0];
    if (r->len == 1 && f0->u.field.names.len == 0)
        expr(b, f0->u.field.type, depth);
    else
        param_list(b, r, depth);
}

static void struct_fields(Buf *b, const Node *n, int depth) {
    for (int i = 0; i < n->u.fields.list.len; i++) {
        const Node *f = n->u.fields.list.items[i];
        if (i)
            puts_(b, "; ");
        field_names(b, f, depth);
        expr(b, f->u.field.type, depth);
        if (f->u.field.tag) {
            puts_(b, " ");
            expr(b, f->u.field.tag, depth);
        }
    }
}

static void interface_methods(Buf *b, const Node *n, int depth) {
    for (int i = 0; i < n->u.fields.list.len; i++) {
        const Node *f = n->u.fields.list.items[i];
        if (i)
            puts_(b, "; ");
        if (f->u.field.names.len) {
            expr(b, f->u.field.names.items[0], depth);
            if (f->u.field.type && f->u.field.type->kind == N_FUNCTYPE)
                signature(b, f->u.field.type, depth);
        } else {
            expr(b, f->u.field.type, depth);
        }
    }
}

static void type_expr(Buf *b, const Node *n, int depth) {
    switch (n->kind) {
    case N_ARRAYTYPE:
        puts_(b, "[");
        if (n->u.arraytype.len) {
            if (n->u.arraytype.len->kind == N_ELLIPSIS && !n->u.arraytype.len->u.unary.x)
                puts_(b, "...");
            else
                expr(b, n->u.arraytype.len, depth);
        }
        puts_(b, "]");
        expr(b, n->u.arraytype.elem, depth);
        break;
    case N_STRUCTTYPE:
        puts_(b, "struct{");
        struct_fields(b, n, depth);
        puts_(b, "}");
        break;
    case N_FUNCTYPE:
        puts_(b, "func");
        signature(b, n, depth);
        break;
    case N_INTERFACETYPE:
        puts_(b, "interface{");
        interface_methods(b, n, depth);
        puts_(b, "}");
        break;
    case N_MAPTYPE:
        puts_(b, "map[");
        expr(b, n->u.maptype.key, depth);
        puts_(b, "]");
        expr(b, n->u.maptype.value, depth);
        break;
    case N_CHANTYPE: {
        const Node *e = n->u.chantype.elem;
        puts_(b, n->u.chantype.dir == CHAN_RECV ? "<-chan " : n->u.chantype.dir == CHAN_SEND ? "chan<- " : "chan ");
        bool parens = n->u.chantype.dir == CHAN_BOTH && e && e->kind == N_CHANTYPE && e->u.chantype.dir == CHAN_RECV;
        if (parens)
            puts_(b, "(");
        expr(b, e, depth);
        if (parens)
            puts_(b, ")");
        break;
    }
    case N_ELLIPSIS:
        puts_(b, "...");
        if (n->u.unary.x)
            expr(b, n->u.unary.x, depth);
        break;
    default:
        break;
    }
}

static void expr(Buf *b, const Node *n, int depth) {
    if (!n) {
        return;
    }
    if (depth > 200) {
        puts_(b, "…");
        return;
    }
    depth++;
    switch (n->kind) {
    case N_BAD: puts_(b, "<bad expr>"); break;
    case N_IDENT: puts_(b, n->u.ident.name ? n->u.ident.name->s : "_"); break;
    case N_BASICLIT: put(b, n->u.lit.text, n->u.lit.len); break;
    case N_FUNCLIT:
        expr(b, n->u.funclit.type, depth);
        puts_(b, " {");
        if (n->u.funclit.body && n->u.funclit.body->u.block.stmts.len)
            puts_(b, "…");
        puts_(b, "}");
        break;
    case N_COMPOSITE:
        expr(b, n->u.complit.type, depth);
        puts_(b, "{");
        if (n->u.complit.elts.len)
            puts_(b, "…");
        puts_(b, "}");
        break;
    case N_PAREN:
        puts_(b, "(");
        expr(b, n->u.unary.x, depth);
        puts_(b, ")");
        break;
    case N_SELECTOR:
        expr(b, n->u.sel.x, depth);
        puts_(b, ".");
        puts_(b, n->u.sel.name ? n->u.sel.name->s : "_");
        break;
    case N_INDEX:
        expr(b, n->u.index.x, depth);
        puts_(b, "[");
        expr(b, n->u.index.index, depth);
        puts_(b, "]");
        break;
    case N_SLICE:
        expr(b, n->u.slice.x, depth);
        puts_(b, "[");
        expr(b, n->u.slice.lo, depth);
        puts_(b, ":");
        expr(b, n->u.slice.hi, depth);
        if (n->u.slice.max) {
            puts_(b, ":");
            expr(b, n->u.slice.max, depth);
        }
        puts_(b, "]");
        break;
    case N_TYPEASSERT:
        expr(b, n->u.assert.x, depth);
        puts_(b, ".(");
        if (n->u.assert.type)
            expr(b, n->u.assert.type, depth);
        else
            puts_(b, "type");
        puts_(b, ")");
        break;
    case N_CALL:
        expr(b, n->u.call.fun, depth);
        puts_(b, "(");
        expr_list(b, &n->u.call.args, depth);
        if (n->u.call.has_dots)
            puts_(b, "...");
        puts_(b, ")");
        break;
    case N_STAR:
        puts_(b, "*");
        expr(b, n->u.unary.x, depth);
        break;
    case N_UNARY:
        puts_(b, tok_string(n->u.unary.op));
        expr(b, n->u.unary.x, depth);
        break;
    case N_BINARY:
        expr(b, n->u.binary.x, depth);
        puts_(b, " ");
        puts_(b, tok_string(n->u.binary.op));
        puts_(b, " ");
        expr(b, n->u.binary.y, depth);
        break;
    case N_KEYVALUE:
        expr(b, n->u.kv.key, depth);
        puts_(b, ": ");
        expr(b, n->u.kv.value, depth);
        break;
    default:
        type_expr(b, n, depth);
        break;
    }
}

const char *estr(Checker *c, const Node *n) {
    Buf b = {.cc = c->cc};
    expr(&b, n, 0);
    return b.s ? b.s : "";
}

static const char *const mode_names[] = {
    [MODE_INVALID] = "invalid operand", [MODE_NOVALUE] = "no value", [MODE_BUILTIN] = "built-in",
    [MODE_TYPE] = "type", [MODE_CONST] = "constant", [MODE_VAR] = "variable",
    [MODE_MAPINDEX] = "map index expression", [MODE_VALUE] = "value", [MODE_NIL] = "nil",
    [MODE_COMMAOK] = "comma, ok expression",
};

static const char *const builtin_names[] = {
    [BI_APPEND] = "append", [BI_CAP] = "cap", [BI_CLOSE] = "close", [BI_COMPLEX] = "complex",
    [BI_COPY] = "copy", [BI_DELETE] = "delete", [BI_IMAG] = "imag", [BI_LEN] = "len",
    [BI_MAKE] = "make", [BI_NEW] = "new", [BI_PANIC] = "panic", [BI_PRINT] = "print",
    [BI_PRINTLN] = "println", [BI_REAL] = "real", [BI_RECOVER] = "recover",
    [BI_ALIGNOF] = "Alignof", [BI_OFFSETOF] = "Offsetof", [BI_SIZEOF] = "Sizeof",
    [BI_UNSAFE_ADD] = "Add", [BI_UNSAFE_SLICE] = "Slice",
};

const char *builtin_name(Builtin id) {
    return id > BI_NONE && id < BI_COUNT && builtin_names[id] ? builtin_names[id] : "?";
}

const char *opstr(Checker *c, const Operand *x) {
    Compiler *cc = c->cc;
    if (x->mode == MODE_NIL) {
        if (!x->type || x->type->kind == TY_INVALID)
            return "nil (with invalid type)";
        if (x->type->kind == TY_UNTYPED_NIL)
            return "nil";
        return arena_sprintf(&cc->arena, "nil (of type %s)", tstr(c, x->type));
    }
    Buf b = {.cc = cc};
    const char *e = NULL;
    if (x->expr)
        e = estr(c, x->expr);
    else if (x->mode == MODE_BUILTIN)
        e = builtin_name(x->id);
    else if (x->mode == MODE_TYPE)
        e = tstr(c, x->type);
    else if (x->mode == MODE_CONST)
        e = const_string_of(cc, x->val);
    if (e && *e) {
        puts_(&b, e);
        puts_(&b, " (");
    }
    bool has_type = false;
    switch (x->mode) {
    case MODE_INVALID: case MODE_NOVALUE: case MODE_BUILTIN: case MODE_TYPE:
        break;
    default:
        if (x->type) {
            if (type_is_untyped(x->type)) {
                puts_(&b, tstr(c, x->type));
                puts_(&b, " ");
                break;
            }
            has_type = true;
        }
    }
    puts_(&b, mode_names[x->mode]);
    if (x->mode == MODE_CONST) {
        const char *v = const_string_of(cc, x->val);
        if (!e || strcmp(v, e) != 0) {
            puts_(&b, " ");
            puts_(&b, v);
        }
    }
    if (has_type) {
        if (x->type->kind != TY_INVALID) {
            puts_(&b, " of type ");
            puts_(&b, tstr(c, x->type));
        } else {
            puts_(&b, " with invalid type");
        }
    }
    if (e && *e)
        puts_(&b, ")");
    return b.s ? b.s : "";
}
