// parse_expr.c - expressions and types.
//
// Binary expressions are parsed by precedence climbing (p_binary_expr), unary
// ones by recursion, primary expressions (p_pexpr) by a loop over selectors,
// indexes, slices, assertions, calls and composite literal bodies. Types are
// parsed by p_type_or_nil; a type can also start an operand (`[]int{1}`,
// `map[K]V(nil)`, `struct{}{}`), and a conversion `(*T)(x)` is a call.
//
// `T {` is ambiguous in a statement header: `if x == T {` opens the block.
// As gc does, p->xnest is set to -1 in headers and raised inside any bracket,
// and a name, selector or index followed by '{' starts a composite literal
// only when xnest >= 0. Parentheses in expressions are kept as N_PAREN
// (gc keeps them too); parenthesized types are unwrapped and flagged
// NF_PARENS.
//
// Positions, as in gc's syntax package:
//   name, literal ............ its first character
//   composite literal ........ its '{'          key: value ...... the ':'
//   func literal ............. `func`           func type ....... its '('
//   (x) ...................... the '('          x.f, x.(T) ...... the '.'
//   x[i], x[i:j] ............. the '['          f(x) ............ the '('
//   unary and binary ......... the operator     *T, &x, <-c ..... the operator
//   []T, [N]T ................ the '['          map[K]V ......... `map`
//   chan T, <-chan T ......... the first token  ...T ............ the '...'
//   struct, interface ........ the keyword      field/param ..... first name, or the type's first token
// sel.name_pos is the selected name; call.rparen and complit.rbrace the
// closing tokens.
#include "parse.h"

static Node *unary_expr(Parser *p);
static Node *complit_expr(Parser *p);
static Node *embedded_elem(Parser *p, Node *first);

static int binary_prec(TokKind k) {
    switch (k) {
    case T_LOR: return 1;
    case T_LAND: return 2;
    case T_EQL: case T_NEQ: case T_LSS: case T_LEQ: case T_GTR: case T_GEQ: return 3;
    case T_ADD: case T_SUB: case T_OR: case T_XOR: return 4;
    case T_MUL: case T_QUO: case T_REM: case T_SHL: case T_SHR: case T_AND: case T_AND_NOT: return 5;
    default: return 0;
    }
}

// Whether x is certainly a type element (a type literal, or ~T, or a union
// containing one) rather than something that could also be a value.
bool p_is_type_elem(const Node *x) {
    switch (x->kind) {
    case N_ARRAYTYPE: case N_STRUCTTYPE: case N_FUNCTYPE: case N_INTERFACETYPE:
    case N_MAPTYPE: case N_CHANTYPE:
        return true;
    case N_BINARY:
        return p_is_type_elem(x->u.binary.x) || p_is_type_elem(x->u.binary.y);
    case N_UNARY:
        return x->u.unary.op == T_TILDE || p_is_type_elem(x->u.unary.x);
    case N_STAR:
    case N_PAREN:
        return p_is_type_elem(x->u.unary.x);
    default:
        return false;
    }
}

// Whether x must be a value (not a type), syntactically.
static bool is_value(const Node *x) {
    switch (x->kind) {
    case N_BASICLIT: case N_COMPOSITE: case N_FUNCLIT: case N_SLICE: case N_TYPEASSERT:
    case N_CALL: case N_UNARY: case N_BINARY:
        return true;
    case N_PAREN:
        return is_value(x->u.unary.x);
    case N_INDEX:
        return is_value(x->u.index.x) || is_value(x->u.index.index);
    default:
        return false;
    }
}

// ---------------------------------------------------------------------------
// Expressions

// Expression = UnaryExpr | Expression binary_op Expression .
Node *p_expr(Parser *p) { return p_binary_expr(p, NULL, 0); }

Node *p_binary_expr(Parser *p, Node *x, int prec) {
    if (!x)
        x = unary_expr(p);
    int chain = 0;   // a long chain is a deep (left-leaning) tree
    while (binary_prec(p->tok.kind) > prec && p_enter(p)) {
        chain++;
        Node *b = node_new(p->cc, N_BINARY, p->tok.pos);
        b->u.binary.op = p->tok.kind;
        int tprec = binary_prec(p->tok.kind);
        p_next(p);
        b->u.binary.x = x;
        b->u.binary.y = p_binary_expr(p, NULL, tprec);
        x = b;
    }
    p->depth -= chain;
    return x;
}

// `<-` applied to a channel type: `<-chan T` is a receive-only channel type,
// and the arrow moves onto the type parsed after it.
static Node *recv_chan_type(Parser *p, Node *x) {
    int dir = CHAN_SEND;
    Node *t = x;
    while (dir == CHAN_SEND && t->kind == N_CHANTYPE) {
        dir = t->u.chantype.dir;
        if (dir == CHAN_RECV)
            p_syntax_error(p, "unexpected <-, expecting chan");
        t->u.chantype.dir = CHAN_RECV;
        t = t->u.chantype.elem;
    }
    if (dir == CHAN_SEND) {
        p_syntax_errorf(p, p->tok.pos, "unexpected %s, expecting chan", node_string(p->cc, t));
    }
    return x;
}

// UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
static Node *unary_expr(Parser *p) {
    TokKind op = p->tok.kind;
    Pos pos = p->tok.pos;
    switch (op) {
    case T_MUL: case T_ADD: case T_SUB: case T_NOT: case T_XOR: case T_TILDE: case T_AND: case T_ARROW:
        break;
    default:
        return p_pexpr(p, NULL, true);
    }
    if (!p_enter(p))
        return p_bad(p, pos);
    p_next(p);
    Node *x = unary_expr(p);
    p_leave(p);
    if (op == T_ARROW && x->kind == N_CHANTYPE)
        return recv_chan_type(p, x);
    Node *u = node_new(p->cc, op == T_MUL ? N_STAR : N_UNARY, pos);
    u->u.unary.op = op;
    // &(T{}) takes the address of the literal: drop the parentheses.
    u->u.unary.x = op == T_AND ? unparen(x) : x;
    return u;
}

Node *p_literal_or_nil(Parser *p) {
    switch (p->tok.kind) {
    case T_INT: case T_FLOAT: case T_IMAG: case T_CHAR: case T_STRING:
        break;
    default:
        return NULL;
    }
    Node *n = node_new(p->cc, N_BASICLIT, p->tok.pos);
    n->u.lit.kind = p->tok.kind;
    n->u.lit.text = p->tok.text;
    n->u.lit.len = p->tok.len;
    if (p->tok.bad)
        n->flags |= NF_BADLIT;
    p_next(p);
    return n;
}

// Operand     = Literal | OperandName | "(" Expression ")" .
// Literal     = BasicLit | CompositeLit | FunctionLit .
// (Composite literals are completed in p_pexpr, where their type ends.)
static Node *operand(Parser *p) {
    Pos pos = p->tok.pos;
    switch (p->tok.kind) {
    case T_IDENT:
        return p_name(p);
    case T_INT: case T_FLOAT: case T_IMAG: case T_CHAR: case T_STRING:
        return p_literal_or_nil(p);
    case T_LPAREN: {
        if (!p_enter(p))
            return p_bad(p, pos);
        p_next(p);
        p->xnest++;
        Node *x = p_expr(p);
        p->xnest--;
        p_want(p, T_RPAREN);
        p_leave(p);
        Node *paren = node_new(p->cc, N_PAREN, pos);
        paren->u.unary.x = x;
        return paren;
    }
    case T_FUNC: {
        p_next(p);
        Node *type = p_func_type(p, "function type");
        if (p->tok.kind != T_LBRACE)
            return type;
        Node *f = node_new(p->cc, N_FUNCLIT, pos);
        f->u.funclit.type = type;
        if (!p_enter(p))
            return f;
        p->xnest++;
        f->u.funclit.body = p_func_body(p);
        p->xnest--;
        p_leave(p);
        return f;
    }
    case T_LBRACK: case T_CHAN: case T_MAP: case T_STRUCT: case T_INTERFACE:
        return p_type(p);
    default: {
        Node *bad = p_bad(p, pos);
        p_syntax_error(p, "expecting expression");
        P_ADVANCE(p, T_RPAREN, T_RBRACK, T_RBRACE);
        return bad;
    }
    }
}

// ExpressionList = Expression { "," Expression } .
NodeList p_expr_list(Parser *p) {
    int mark = p_mark(p);
    p_push(p, p_expr(p));
    while (p_got(p, T_COMMA))
        p_push(p, p_expr(p));
    return p_take(p, mark);
}

// typeList = arg { "," arg } [ "," ] .   (after a '[' at lbrack)
// Only the first element is kept: more than one is a list of type
// arguments, that is, generic code. *comma tells whether a comma was seen.
static Node *type_list(Parser *p, Pos lbrack, bool *comma) {
    p->xnest++;
    Node *x = p_expr(p);
    *comma = false;
    if (p_got(p, T_COMMA)) {
        *comma = true;
        if (p_type_or_nil(p)) {
            p_generic_not_supported(p, lbrack);
            while (p_got(p, T_COMMA) && p_type_or_nil(p)) {
            }
        }
    }
    p->xnest--;
    return x;
}

// Index = "[" Expression "]" .
// Slice = "[" [ Expression ] ":" [ Expression ] [ ":" Expression ] "]" .
static Node *index_or_slice(Parser *p, Node *x, Pos pos) {
    p_next(p);
    if (p->tok.kind == T_RBRACK) {
        p_syntax_error(p, "expecting operand");
        p_next(p);
        return x;
    }
    Node *i = NULL;
    if (p->tok.kind != T_COLON) {
        bool comma;
        i = type_list(p, pos, &comma);
        if (comma || p->tok.kind == T_RBRACK) {
            p_want(p, T_RBRACK);
            Node *ix = node_new(p->cc, N_INDEX, pos);
            ix->u.index.x = x;
            ix->u.index.index = i;
            return ix;
        }
    }
    if (!p_got(p, T_COLON)) {
        p_syntax_error(p, "expecting comma, : or ]");
        P_ADVANCE(p, T_COMMA, T_COLON, T_RBRACK);
    }
    p->xnest++;
    Node *s = node_new(p->cc, N_SLICE, pos);
    s->u.slice.x = x;
    s->u.slice.lo = i;
    if (p->tok.kind != T_COLON && p->tok.kind != T_RBRACK)
        s->u.slice.hi = p_expr(p);
    if (p->tok.kind == T_COLON) {
        s->u.slice.full = true;
        if (!s->u.slice.hi) {
            p_error_at(p, p->tok.pos, "middle index required in 3-index slice");
            s->u.slice.hi = p_bad(p, p->tok.pos);
        }
        p_next(p);
        if (p->tok.kind != T_RBRACK) {
            s->u.slice.max = p_expr(p);
        } else {
            p_error_at(p, p->tok.pos, "final index required in 3-index slice");
            s->u.slice.max = p_bad(p, p->tok.pos);
        }
    }
    p->xnest--;
    p_want(p, T_RBRACK);
    return s;
}

static bool arg_elem(Parser *p, void *arg) {
    bool *has_dots = arg;
    p_push(p, p_expr(p));
    *has_dots = p_got(p, T_ELLIPSIS);
    return *has_dots;
}

// Arguments = "(" [ ( ExpressionList | Type [ "," ExpressionList ] ) [ "..." ] [ "," ] ] ")" .
static Node *call_expr(Parser *p, Node *fun, Pos pos) {
    Node *c = node_new(p->cc, N_CALL, pos);
    c->u.call.fun = fun;
    p_next(p);
    p->xnest++;
    int mark = p_mark(p);
    c->u.call.rparen = p_list(p, "argument list", T_COMMA, T_RPAREN, arg_elem, &c->u.call.has_dots);
    c->u.call.args = p_take(p, mark);
    p->xnest--;
    return c;
}

// Selector = "." identifier .   TypeAssertion = "." "(" Type ")" .
// `x.(type)` (a type switch guard) is a TypeAssert with no type.
static Node *selector_or_assert(Parser *p, Node *x, Pos pos) {
    p_next(p);
    if (p->tok.kind == T_IDENT) {
        Node *s = node_new(p->cc, N_SELECTOR, pos);
        s->u.sel.x = x;
        s->u.sel.name_pos = p->tok.pos;
        s->u.sel.name = intern(p->cc, p->tok.text, p->tok.len);
        p_next(p);
        return s;
    }
    if (p->tok.kind == T_LPAREN) {
        p_next(p);
        Node *a = node_new(p->cc, N_TYPEASSERT, pos);
        a->u.assert.x = x;
        if (!p_got(p, T_TYPE))
            a->u.assert.type = p_type(p);
        p_want(p, T_RPAREN);
        return a;
    }
    p_syntax_error(p, "expecting name or (");
    P_ADVANCE(p, T_SEMICOLON, T_RPAREN);
    return x;
}

// Whether `x {` continues x as the type of a composite literal.
static bool complit_type_ok(Parser *p, const Node *t) {
    switch (t->kind) {
    case N_IDENT:
    case N_SELECTOR:
        return p->xnest >= 0;
    case N_INDEX:
        return p->xnest >= 0 && !is_value(t);
    case N_ARRAYTYPE:
    case N_STRUCTTYPE:
    case N_MAPTYPE:
        return true;
    default:
        return false;
    }
}

// PrimaryExpr = Operand | Conversion | PrimaryExpr Selector | PrimaryExpr Index
//             | PrimaryExpr Slice | PrimaryExpr TypeAssertion | PrimaryExpr Arguments .
// CompositeLit = LiteralType LiteralValue .
// x, if given, is an operand already parsed. (keep_parens is gc's flag; minigc
// keeps parentheses in expressions always, so it only documents the call.)
Node *p_pexpr(Parser *p, Node *x, bool keep_parens) {
    (void)keep_parens;
    if (!x)
        x = operand(p);
    int chain = 0;   // each suffix nests the tree one level deeper
    for (;; chain++) {
        Pos pos = p->tok.pos;
        TokKind k = p->tok.kind;
        if (k != T_PERIOD && k != T_LBRACK && k != T_LPAREN && k != T_LBRACE)
            break;
        if (k == T_LBRACE && !complit_type_ok(p, unparen(x)))
            break;
        if (!p_enter(p))
            break;
        if (k == T_PERIOD) {
            x = selector_or_assert(p, x, pos);
        } else if (k == T_LBRACK) {
            x = index_or_slice(p, x, pos);
        } else if (k == T_LPAREN) {
            x = call_expr(p, x, pos);
        } else {
            if (unparen(x) != x)
                p_syntax_error(p, "cannot parenthesize type in composite literal");
            Node *c = complit_expr(p);
            c->u.complit.type = x;
            x = c;
        }
    }
    p->depth -= chain;
    return x;
}

// Element = Expression | LiteralValue .
static Node *bare_complit_expr(Parser *p) {
    if (p->tok.kind == T_LBRACE)
        return complit_expr(p);
    return p_expr(p);
}

// KeyedElement = [ Key ":" ] Element .
static bool complit_elem(Parser *p, void *arg) {
    (void)arg;
    Node *e = bare_complit_expr(p);
    if (p->tok.kind == T_COLON) {
        Node *kv = node_new(p->cc, N_KEYVALUE, p->tok.pos);
        p_next(p);
        kv->u.kv.key = e;
        kv->u.kv.value = bare_complit_expr(p);
        e = kv;
    }
    p_push(p, e);
    return false;
}

// LiteralValue = "{" [ ElementList [ "," ] ] "}" .
static Node *complit_expr(Parser *p) {
    Node *c = node_new(p->cc, N_COMPOSITE, p->tok.pos);
    if (!p_enter(p))
        return c;
    p->xnest++;
    p_want(p, T_LBRACE);
    int mark = p_mark(p);
    c->u.complit.rbrace = p_list(p, "composite literal", T_COMMA, T_RBRACE, complit_elem, NULL);
    c->u.complit.elts = p_take(p, mark);
    p->xnest--;
    p_leave(p);
    return c;
}

// ---------------------------------------------------------------------------
// Types

Node *p_type(Parser *p) {
    Node *t = p_type_or_nil(p);
    if (!t) {
        t = p_bad(p, p->tok.pos);
        p_syntax_error(p, "expecting type");
        P_ADVANCE(p, T_COMMA, T_COLON, T_SEMICOLON, T_RPAREN, T_RBRACK, T_RBRACE);
    }
    return t;
}

static Node *slice_type(Parser *p, Pos lbrack) {
    Node *t = node_new(p->cc, N_ARRAYTYPE, lbrack);
    t->u.arraytype.elem = p_type(p);
    return t;
}

// ArrayType = "[" ArrayLength "]" ElementType .   (after the '[')
// len, if given, is the length already parsed; `[...]T` has an N_ELLIPSIS.
Node *p_array_type(Parser *p, Pos lbrack, Node *len) {
    if (!len) {
        if (p->tok.kind == T_ELLIPSIS) {
            len = node_new(p->cc, N_ELLIPSIS, p->tok.pos);
            p_next(p);
        } else {
            p->xnest++;
            len = p_expr(p);
            p->xnest--;
        }
    }
    if (p->tok.kind == T_COMMA) {
        p_syntax_error(p, "unexpected comma; expecting ]");
        p_next(p);
    }
    p_want(p, T_RBRACK);
    Node *t = node_new(p->cc, N_ARRAYTYPE, lbrack);
    t->u.arraytype.len = len;
    t->u.arraytype.elem = p_type(p);
    return t;
}

static Node *chan_elem(Parser *p) {
    Node *t = p_type_or_nil(p);
    if (!t) {
        t = p_bad(p, p->tok.pos);
        p_syntax_error(p, "missing channel element type");
    }
    return t;
}

// A type name followed by '[': an instantiated generic type.
static Node *type_instance(Parser *p, Node *x) {
    Node *t = node_new(p->cc, N_INDEX, p->tok.pos);
    t->u.index.x = x;
    p_want(p, T_LBRACK);
    if (p->tok.kind == T_RBRACK) {
        p_syntax_error(p, "expecting type");
        t->u.index.index = p_bad(p, p->tok.pos);
    } else {
        bool comma;
        t->u.index.index = type_list(p, t->pos, &comma);
    }
    p_want(p, T_RBRACK);
    return t;
}

// TypeName = identifier | PackageName "." identifier .
Node *p_qualified_name(Parser *p, Node *name) {
    Node *x = name;
    if (!x && p->tok.kind == T_IDENT) {
        x = p_name(p);
    } else if (!x) {
        x = node_new(p->cc, N_IDENT, p->tok.pos);
        x->u.ident.name = intern(p->cc, "_", 1);
        p_syntax_error(p, "expecting name");
        P_ADVANCE(p, T_PERIOD, T_SEMICOLON, T_RBRACE);
    }
    if (p->tok.kind == T_PERIOD) {
        Node *s = node_new(p->cc, N_SELECTOR, p->tok.pos);
        p_next(p);
        s->u.sel.x = x;
        Node *sel = p_name(p);
        s->u.sel.name = sel->u.ident.name;
        s->u.sel.name_pos = sel->pos;
        x = s;
    }
    if (p->tok.kind == T_LBRACK)
        x = type_instance(p, x);
    return x;
}

// A struct field, or an interface's embedded element, whose type may be
// followed by a tag.
static Node *new_field(Parser *p, Pos pos, NodeList names, Node *type, bool embedded) {
    Node *f = node_new(p->cc, N_FIELD, pos);
    f->u.field.names = names;
    f->u.field.type = type;
    f->u.field.embedded = embedded;
    return f;
}

// `x [` in a field or parameter: an array or slice type, or type arguments.
// Returns N_ARRAYTYPE, or N_INDEX with index.x for the caller to fill.
static Node *array_or_type_args(Parser *p) {
    Pos pos = p->tok.pos;
    p_want(p, T_LBRACK);
    if (p_got(p, T_RBRACK))
        return slice_type(p, pos);
    bool comma;
    Node *n = type_list(p, pos, &comma);
    p_want(p, T_RBRACK);
    if (!comma) {
        Node *elem = p_type_or_nil(p);
        if (elem) {
            Node *t = node_new(p->cc, N_ARRAYTYPE, pos);
            t->u.arraytype.len = n;
            t->u.arraytype.elem = elem;
            return t;
        }
    }
    Node *t = node_new(p->cc, N_INDEX, pos);
    t->u.index.index = n;
    return t;
}

static NodeList one_name(Parser *p, Node *name) { return nodelist_from(p->cc, &name, 1); }

// FieldDecl      = (IdentifierList Type | EmbeddedField) [ Tag ] .
// EmbeddedField  = [ "*" ] TypeName .
static bool field_decl(Parser *p, void *arg) {
    (void)arg;
    Pos pos = p->tok.pos;
    Node *f = NULL;
    NodeList none = {NULL, 0};
    switch (p->tok.kind) {
    case T_IDENT: {
        Node *name = p_name(p);
        TokKind k = p->tok.kind;
        if (k == T_PERIOD || k == T_INT || k == T_FLOAT || k == T_IMAG || k == T_CHAR || k == T_STRING ||
            k == T_SEMICOLON || k == T_RBRACE) {
            f = new_field(p, pos, none, p_qualified_name(p, name), true);
            break;
        }
        int mark = p_mark(p);
        p_push(p, name);
        while (p_got(p, T_COMMA))
            p_push(p, p_name(p));
        NodeList names = p_take(p, mark);
        Node *type;
        if (names.len == 1 && p->tok.kind == T_LBRACK) {
            type = array_or_type_args(p);
            if (type->kind == N_INDEX) {
                type->u.index.x = name;   // an embedded instantiated type T[A]
                f = new_field(p, pos, none, type, true);
                break;
            }
        } else {
            type = p_type(p);
        }
        f = new_field(p, pos, names, type, false);
        break;
    }
    case T_MUL: {
        p_next(p);
        Node *type;
        if (p->tok.kind == T_LPAREN) {
            p_syntax_error(p, "cannot parenthesize embedded type");
            p_next(p);
            type = p_qualified_name(p, NULL);
            p_got(p, T_RPAREN);
        } else {
            type = p_qualified_name(p, NULL);
        }
        Node *star = node_new(p->cc, N_STAR, pos);
        star->u.unary.x = type;
        f = new_field(p, pos, none, star, true);
        break;
    }
    case T_LPAREN: {
        p_syntax_error(p, "cannot parenthesize embedded type");
        p_next(p);
        Node *type;
        if (p->tok.kind == T_MUL) {
            Pos star_pos = p->tok.pos;
            p_next(p);
            type = node_new(p->cc, N_STAR, star_pos);
            type->u.unary.x = p_qualified_name(p, NULL);
        } else {
            type = p_qualified_name(p, NULL);
        }
        p_got(p, T_RPAREN);
        f = new_field(p, pos, none, type, true);
        break;
    }
    default:
        p_syntax_error(p, "expecting field name or embedded type");
        P_ADVANCE(p, T_SEMICOLON, T_RBRACE);
        return false;
    }
    f->u.field.tag = p_literal_or_nil(p);
    p_push(p, f);
    return false;
}

// StructType = "struct" "{" { FieldDecl ";" } "}" .
static Node *struct_type(Parser *p) {
    Node *t = node_new(p->cc, N_STRUCTTYPE, p->tok.pos);
    p_want(p, T_STRUCT);
    p_want(p, T_LBRACE);
    int mark = p_mark(p);
    t->u.fields.rbrace = p_list(p, "struct type", T_SEMICOLON, T_RBRACE, field_decl, NULL);
    t->u.fields.list = p_take(p, mark);
    return t;
}

// MethodSpec = MethodName Signature | InterfaceTypeName .
// Returns a field with a name for a method, without one for an embedding.
static Node *method_decl(Parser *p) {
    Pos pos = p->tok.pos;
    Node *name = p_name(p);
    NodeList none = {NULL, 0};
    if (p->tok.kind == T_LPAREN)
        return new_field(p, pos, one_name(p, name), p_func_type(p, "interface method"), false);
    if (p->tok.kind != T_LBRACK)
        return new_field(p, pos, none, p_qualified_name(p, name), true);

    // name[ : a generic method m[T C](x T), or an embedded instance I[A].
    Pos lbrack = p->tok.pos;
    p_next(p);
    if (p->tok.kind == T_RBRACK) {
        Pos rbrack = p->tok.pos;
        p_next(p);
        if (p->tok.kind == T_LPAREN) {
            p_error_at(p, rbrack, "empty type parameter list");
            return new_field(p, pos, one_name(p, name), p_func_type(p, "interface method"), false);
        }
        p_error_at(p, rbrack, "empty type argument list");
        return new_field(p, pos, none, name, true);
    }
    Pos end;
    NodeList list = p_param_list(p, NULL, NULL, T_RBRACK, false, &end);
    if (list.len == 0) {
        if (p->tok.kind == T_LPAREN)
            return new_field(p, pos, one_name(p, name), p_func_type(p, "interface method"), false);
        return new_field(p, pos, none, name, true);
    }
    if (list.items[0]->u.field.names.len > 0) {
        Node *f = new_field(p, pos, one_name(p, name), p_func_type(p, "interface method"), false);
        p_error_at(p, lbrack, "interface method must have no type parameters");
        return f;
    }
    if (list.len > 1)
        p_generic_not_supported(p, lbrack);
    Node *t = node_new(p->cc, N_INDEX, lbrack);
    t->u.index.x = name;
    t->u.index.index = list.items[0]->u.field.type;
    return new_field(p, pos, none, t, true);
}

// EmbeddedTerm = [ "~" ] Type .
static Node *embedded_term(Parser *p) {
    if (p->tok.kind == T_TILDE) {
        Node *t = node_new(p->cc, N_UNARY, p->tok.pos);
        t->u.unary.op = T_TILDE;
        p_next(p);
        t->u.unary.x = p_type(p);
        return t;
    }
    Node *t = p_type_or_nil(p);
    if (!t) {
        t = p_bad(p, p->tok.pos);
        p_syntax_error(p, "expecting ~ term or type");
        P_ADVANCE(p, T_LOR, T_LAND, T_EQL, T_NEQ, T_LSS, T_LEQ, T_GTR, T_GEQ, T_ADD, T_SUB, T_OR, T_XOR,
                  T_QUO, T_REM, T_SHL, T_SHR, T_AND, T_AND_NOT, T_NOT, T_TILDE,
                  T_SEMICOLON, T_RPAREN, T_RBRACK, T_RBRACE);
    }
    return t;
}

// EmbeddedElem = EmbeddedTerm { "|" EmbeddedTerm } .   (first: the first term, if parsed)
static Node *embedded_elem(Parser *p, Node *first) {
    Node *x = first ? first : embedded_term(p);
    int chain = 0;
    while (p->tok.kind == T_OR && p_enter(p)) {
        chain++;
        Node *u = node_new(p->cc, N_BINARY, p->tok.pos);
        u->u.binary.op = T_OR;
        p_next(p);
        u->u.binary.x = x;
        u->u.binary.y = embedded_term(p);
        x = u;
    }
    p->depth -= chain;
    return x;
}

static bool interface_elem(Parser *p, void *arg) {
    (void)arg;
    Node *f = NULL;
    if (p->tok.kind == T_IDENT)
        f = method_decl(p);
    if (!f) {
        Pos pos = p->tok.pos;
        NodeList none = {NULL, 0};
        f = new_field(p, pos, none, embedded_elem(p, NULL), true);
    } else if (f->u.field.embedded) {
        f->u.field.type = embedded_elem(p, f->u.field.type);
    }
    p_push(p, f);
    return false;
}

// InterfaceType = "interface" "{" { ( MethodSpec | EmbeddedElem ) ";" } "}" .
static Node *interface_type(Parser *p) {
    Node *t = node_new(p->cc, N_INTERFACETYPE, p->tok.pos);
    p_want(p, T_INTERFACE);
    p_want(p, T_LBRACE);
    int mark = p_mark(p);
    t->u.fields.rbrace = p_list(p, "interface type", T_SEMICOLON, T_RBRACE, interface_elem, NULL);
    t->u.fields.list = p_take(p, mark);
    return t;
}

// Result = Parameters | Type .
static NodeList func_result(Parser *p) {
    Pos end;
    if (p_got(p, T_LPAREN))
        return p_param_list(p, NULL, NULL, T_RPAREN, false, &end);
    Pos pos = p->tok.pos;
    Node *t = p_type_or_nil(p);
    if (!t)
        return (NodeList){NULL, 0};
    NodeList none = {NULL, 0};
    Node *f = new_field(p, pos, none, t, false);
    return nodelist_from(p->cc, &f, 1);
}

// Signature = [ TypeParams ] Parameters [ Result ] .   (after `func` or the name)
// Type parameters are reported: as gc does when context names a construct
// that cannot have them, else as unsupported by minigc.
Node *p_func_type(Parser *p, const char *context) {
    Node *t = node_new(p->cc, N_FUNCTYPE, p->tok.pos);
    Pos end;
    if (p_got(p, T_LBRACK)) {
        if (*context) {
            p_syntax_errorf(p, t->pos, "%s must have no type parameters", context);
        } else {
            p_generic_not_supported(p, t->pos);
        }
        if (p->tok.kind == T_RBRACK) {
            p_syntax_error(p, "empty type parameter list");
            p_next(p);
        } else {
            p_param_list(p, NULL, NULL, T_RBRACK, true, &end);
        }
    }
    p_want(p, T_LPAREN);
    t->u.functype.params = p_param_list(p, NULL, NULL, T_RPAREN, false, &end);
    t->u.functype.results = func_result(p);
    return t;
}

// Type     = TypeName | TypeLit | "(" Type ")" .
// TypeLit  = ArrayType | StructType | PointerType | FunctionType | InterfaceType
//          | SliceType | MapType | ChannelType .
// Returns NULL if no type starts here.
Node *p_type_or_nil(Parser *p) {
    Pos pos = p->tok.pos;
    Node *t = NULL;
    switch (p->tok.kind) {
    case T_MUL: case T_ARROW: case T_FUNC: case T_LBRACK: case T_CHAN: case T_MAP:
    case T_STRUCT: case T_INTERFACE: case T_IDENT: case T_LPAREN:
        break;
    default:
        return NULL;
    }
    if (!p_enter(p))
        return p_bad(p, pos);
    switch (p->tok.kind) {
    case T_MUL:
        p_next(p);
        t = node_new(p->cc, N_STAR, pos);
        t->u.unary.x = p_type(p);
        break;
    case T_ARROW:
        p_next(p);
        p_want(p, T_CHAN);
        t = node_new(p->cc, N_CHANTYPE, pos);
        t->u.chantype.dir = CHAN_RECV;
        t->u.chantype.elem = chan_elem(p);
        break;
    case T_FUNC:
        p_next(p);
        t = p_func_type(p, "function type");
        break;
    case T_LBRACK:
        p_next(p);
        t = p_got(p, T_RBRACK) ? slice_type(p, pos) : p_array_type(p, pos, NULL);
        break;
    case T_CHAN:
        p_next(p);
        t = node_new(p->cc, N_CHANTYPE, pos);
        t->u.chantype.dir = p_got(p, T_ARROW) ? CHAN_SEND : CHAN_BOTH;
        t->u.chantype.elem = chan_elem(p);
        break;
    case T_MAP:
        p_next(p);
        p_want(p, T_LBRACK);
        t = node_new(p->cc, N_MAPTYPE, pos);
        t->u.maptype.key = p_type(p);
        p_want(p, T_RBRACK);
        t->u.maptype.value = p_type(p);
        break;
    case T_STRUCT:
        t = struct_type(p);
        break;
    case T_INTERFACE:
        t = interface_type(p);
        break;
    case T_IDENT:
        t = p_qualified_name(p, NULL);
        break;
    default:   // T_LPAREN
        p_next(p);
        t = p_type(p);
        p_want(p, T_RPAREN);
        t->flags |= NF_PARENS;
        break;
    }
    p_leave(p);
    return t;
}

// ---------------------------------------------------------------------------
// Parameters

static void push_param(Parser *p, ParamItem item) {
    if (p->params.len == p->params.cap) {
        int cap = p->params.cap ? p->params.cap * 2 : 64;
        ParamItem *items = ARENA_ARRAY(&p->cc->arena, ParamItem, cap);
        if (p->params.len)
            memcpy(items, p->params.items, sizeof(ParamItem) * (size_t)p->params.len);
        p->params.items = items;
        p->params.cap = cap;
    }
    p->params.items[p->params.len++] = item;
}

// ParameterDecl = [ IdentifierList ] [ "..." ] Type .
// One element of a parameter list (name is the first name, if already
// read). In a type parameter list (follow ']') constraints may be unions
// and ~T terms. Returns false, after reporting, if there was nothing.
static bool param_decl(Parser *p, Node *name, TokKind follow, ParamItem *it) {
    bool type_sets = follow == T_RBRACK;
    it->pos = name ? name->pos : p->tok.pos;
    it->name = it->type = NULL;
    if (!name && type_sets && p->tok.kind == T_TILDE) {
        it->type = embedded_elem(p, NULL);
        return true;
    }
    if (p->tok.kind == T_IDENT || name) {
        if (!name)
            name = p_name(p);
        if (p->tok.kind == T_LBRACK) {
            Node *t = array_or_type_args(p);
            if (t->kind == N_INDEX)
                t->u.index.x = name;
            else
                it->name = name;
            it->type = type_sets && p->tok.kind == T_OR ? embedded_elem(p, t) : t;
            return true;
        }
        if (p->tok.kind == T_PERIOD) {
            Node *t = p_qualified_name(p, name);
            it->type = type_sets && p->tok.kind == T_OR ? embedded_elem(p, t) : t;
            return true;
        }
        if (type_sets && p->tok.kind == T_OR) {
            it->type = embedded_elem(p, name);
            return true;
        }
        it->name = name;
    }
    if (p->tok.kind == T_ELLIPSIS) {
        Node *t = node_new(p->cc, N_ELLIPSIS, p->tok.pos);
        p_next(p);
        t->u.unary.x = p_type_or_nil(p);
        if (!t->u.unary.x) {
            t->u.unary.x = p_bad(p, p->tok.pos);
            p_syntax_error(p, "... is missing type");
        }
        it->type = t;
        return true;
    }
    if (type_sets && p->tok.kind == T_TILDE) {
        it->type = embedded_elem(p, NULL);
        return true;
    }
    it->type = p_type_or_nil(p);
    if (type_sets && p->tok.kind == T_OR && it->type)
        it->type = embedded_elem(p, it->type);
    if (it->name || it->type)
        return true;
    p_syntax_errorf(p, p->tok.pos, "expecting %s", p_tokstring(follow));
    P_ADVANCE(p, T_COMMA, follow);
    return false;
}

typedef struct ParamListState {
    Node *name, *type;  // a first parameter already read, if any
    TokKind close;
    int named;          // parameters with a name and a type
    int typed;          // parameters with a type
} ParamListState;

static bool param_elem(Parser *p, void *arg) {
    ParamListState *st = arg;
    ParamItem it;
    bool ok;
    if (st->type) {
        it = (ParamItem){st->name->pos, st->name, st->type};
        ok = true;
    } else {
        ok = param_decl(p, st->name, st->close, &it);
    }
    st->name = st->type = NULL;
    if (ok) {
        st->named += it.name && it.type;
        st->typed += it.type != NULL;
        push_param(p, it);
    }
    return false;
}

// In a list where some parameters are named, every one must be: `a, b int`
// gives a and b the type int. Reports what cannot be made so.
static void distribute_types(Parser *p, ParamItem *items, int n, ParamListState *st, bool require_names, Pos end) {
    Pos err = {0, 0, 0};
    Node *type = NULL;
    for (int i = n - 1; i >= 0; i--) {
        ParamItem *it = &items[i];
        if (it->type) {
            type = it->type;
            if (!it->name) {
                err = node_start_pos(type);
                it->name = node_new(p->cc, N_IDENT, err);
                it->name->u.ident.name = intern(p->cc, "_", 1);
            }
        } else if (type) {
            it->type = type;
        } else {
            err = it->name->pos;
            it->type = p_bad(p, err);
        }
    }
    if (!pos_known(err))
        return;
    const char *msg = "mixed named and unnamed parameters";
    if (require_names && st->named == st->typed) {
        err = end;
        msg = "missing type constraint";
    } else if (require_names) {
        msg = "type parameters must be named";
    }
    p_syntax_error_at(p, err, msg);
}

// Groups consecutive named parameters that share one type node (`a, b int`)
// into one N_FIELD, as the source wrote them.
static NodeList param_fields(Parser *p, ParamItem *items, int n) {
    Node **fields = ARENA_ARRAY(&p->cc->arena, Node *, n > 0 ? n : 1);
    int nfields = 0;
    for (int i = 0; i < n;) {
        int j = i + 1;
        if (items[i].name)
            while (j < n && items[j].name && items[j].type == items[i].type)
                j++;
        Node *f = node_new(p->cc, N_FIELD, items[i].pos);
        f->u.field.type = items[i].type;
        if (items[i].name) {
            f->u.field.names.items = ARENA_ARRAY(&p->cc->arena, Node *, j - i);
            for (int k = i; k < j; k++)
                f->u.field.names.items[f->u.field.names.len++] = items[k].name;
        }
        fields[nfields++] = f;
        i = j;
    }
    return (NodeList){nfields ? fields : NULL, nfields};
}

// Parameters    = "(" [ ParameterList [ "," ] ] ")" .
// ParameterList = ParameterDecl { "," ParameterDecl } .
// Called after the '(' (or '[' of type parameters, close ']'). name and type
// are a first parameter already read, if any. *end gets the closing
// token's position.
NodeList p_param_list(Parser *p, Node *name, Node *type, TokKind close, bool require_names, Pos *end) {
    int mark = p->params.len;
    ParamListState st = {name, type, close, 0, 0};
    if (name && type && p->tok.kind == close) {
        *end = p->tok.pos;
        p_next(p);
        push_param(p, (ParamItem){name->pos, name, type});
        st.named = st.typed = 1;
    } else {
        *end = p_list(p, "parameter list", T_COMMA, close, param_elem, &st);
    }
    ParamItem *items = p->params.items ? p->params.items + mark : NULL;  // null + 0 is undefined
    int n = p->params.len - mark;
    if (n > 0 && st.named == 0 && !require_names) {
        // No parameter has both: the lone names are types.
        for (int i = 0; i < n; i++) {
            if (items[i].name) {
                items[i].type = items[i].name;
                items[i].name = NULL;
            }
        }
    } else if (n > 0 && st.named != n) {
        distribute_types(p, items, n, &st, require_names, *end);
    }
    NodeList fields = param_fields(p, items, n);
    p->params.len = mark;
    return fields;
}
