// parse.c - the parser's state, its error handling, and declarations.
//
// minigc parses Go the way gc's syntax package does: recursive descent over
// a stream of tokens with one token of lookahead (p->tok), making the same
// decisions at the same points, so that the tree, the positions and the
// syntax errors are gc's. Expressions and types are in parse_expr.c,
// statements in parse_stmt.c; this file holds what they share and the
// top level (package clause, imports, const/var/type/func declarations).
//
// Positions. Every node gets the position gc gives the same construct, which
// is where gc (and its escape analysis) reports about it:
//   - a GenDecl sits at its keyword; a spec at its first token (its first
//     name; for an import, the name or path);
//   - a FuncDecl sits at the token after `func`: the name, or the '(' of
//     the receiver (gc prints "can inline (*T).M" there);
//   - expression and statement positions are listed in parse_expr.c and
//     parse_stmt.c.
//
// Errors. A syntax error reads "syntax error: unexpected TOKEN, expecting
// ..." (or a plain "syntax error: ..."), with gc's wording; like gc, only the
// first syntax error of a line is reported, nothing more is said once the
// end of the file is reached after an error, and recovery skips ahead to a
// token that can continue the production (p_advance). Every path that reports
// an error consumes a token or returns to a caller that does, so parsing
// always ends. Other errors (lexical ones, "method has no receiver", ...) go
// through lex_error; gc type-checks after those but not after syntax errors,
// which File.syntax_errors counts for the driver. Nesting is limited to
// PARSE_MAX_DEPTH (and to half the C stack): past it the error "exceeded
// maximum nesting depth of 5000" is reported and the rest of the file is
// skipped, so deep input cannot exhaust the C stack.
//
// Lists are collected on a scratch stack of node pointers in the parser and
// copied into the arena when complete (p_mark / p_push / p_take); nested
// lists simply stack up.
//
// Type parameters are not supported in user code: a generic function or
// type is reported ("generic functions and types are not supported by
// minigc", at its '[') and parsed to its end, then dropped from the file.
// In the standard library's files (imported, or compiled with -std) a
// generic type with one-argument instances and its methods are kept, for
// generic.c to instantiate (sync/atomic's Pointer[T], crypto/elliptic's
// nistCurve); other generic declarations are dropped without an error:
// File.generics keeps their names for the checker, which reports a use of
// one as unsupported.
#include "parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

// ---------------------------------------------------------------------------
// Tokens

void p_next(Parser *p) {
    if (p->too_deep) {
        p->tok = (Token){T_EOF, p->tok.pos, "EOF", 3, false};
        return;
    }
    lex_scan(&p->lx, &p->tok);
}

bool p_got(Parser *p, TokKind k) {
    if (p->tok.kind != k)
        return false;
    p_next(p);
    return true;
}

// How gc's messages name a token kind they expect: "comma", "name", "{".
const char *p_tokstring(TokKind k) {
    switch (k) {
    case T_COMMA: return "comma";
    case T_SEMICOLON: return "semicolon or newline";
    default: return tok_string(k);
    }
}

void p_want(Parser *p, TokKind k) {
    if (p_got(p, k))
        return;
    p_syntax_errorf(p, p->tok.pos, "expecting %s", p_tokstring(k));
    p_advance(p, (const TokKind[]){T_EOF});
}

// "=", or ":=" with a complaint (a common slip in var and const specs).
bool p_got_assign(Parser *p) {
    if (p->tok.kind == T_DEFINE)
        p_syntax_error(p, "expecting =");
    if (p->tok.kind != T_DEFINE && p->tok.kind != T_ASSIGN)
        return false;
    p_next(p);
    return true;
}

// ---------------------------------------------------------------------------
// Errors

bool p_had_error(const Parser *p) { return diag_error_count(p->cc) > p->errors_at_start; }

void p_error_at(Parser *p, Pos pos, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    lex_error(&p->lx, pos, "%s", buf);
}

static void report_syntax_error(Parser *p, Pos pos, const char *text, const char *sep, const char *msg) {
    p->syntax_errors++;
    if (pos.line == p->syntax_error_line)
        return;
    p->syntax_error_line = pos.line;
    if (text)
        diag_error(p->cc, pos, "syntax error: unexpected %s%s%s", text, sep, msg);
    else
        diag_error(p->cc, pos, "syntax error: %s", msg);
}

static bool has_prefix(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

// How a syntax error names the current token: the name itself, "newline",
// "literal 1.5", "comma", "+=".
static const char *token_description(Parser *p, char *buf, size_t size) {
    const Token *t = &p->tok;
    switch (t->kind) {
    case T_IDENT:
        snprintf(buf, size, "%.*s", (int)t->len, t->text);
        return buf;
    case T_SEMICOLON:
        if (t->len == 1)
            return "semicolon";
        snprintf(buf, size, "%.*s", (int)t->len, t->text);
        return buf;
    case T_INT: case T_FLOAT: case T_IMAG: case T_CHAR: case T_STRING:
        snprintf(buf, size, "literal %.*s", (int)t->len, t->text);
        return buf;
    default:
        return p_tokstring(t->kind);
    }
}

// msg is "" (just "unexpected X"), starts with "in ", "at ", "after " or
// "expecting " (appended to "unexpected X"), or is a message of its own.
void p_syntax_error_at(Parser *p, Pos pos, const char *msg) {
    if (p->tok.kind == T_EOF && p_had_error(p))
        return;
    const char *sep;
    if (*msg == 0)
        sep = "";
    else if (has_prefix(msg, "in ") || has_prefix(msg, "at ") || has_prefix(msg, "after "))
        sep = " ";
    else if (has_prefix(msg, "expecting "))
        sep = ", ";
    else {
        report_syntax_error(p, pos, NULL, NULL, msg);
        return;
    }
    char buf[768];
    report_syntax_error(p, pos, token_description(p, buf, sizeof buf), sep, msg);
}

void p_syntax_error(Parser *p, const char *msg) { p_syntax_error_at(p, p->tok.pos, msg); }

void p_syntax_errorf(Parser *p, Pos pos, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    p_syntax_error_at(p, pos, msg);
}

// Keywords that start a statement: good places to resume inside a body.
static bool is_statement_keyword(TokKind k) {
    switch (k) {
    case T_BREAK: case T_CONST: case T_CONTINUE: case T_DEFER: case T_FALLTHROUGH:
    case T_FOR: case T_GO: case T_GOTO: case T_IF: case T_RETURN: case T_SELECT:
    case T_SWITCH: case T_TYPE: case T_VAR:
        return true;
    default:
        return false;
    }
}

static bool in_follow(const Parser *p, const TokKind *follow) {
    TokKind k = p->tok.kind;
    if (k == T_EOF || (p->fnest > 0 && is_statement_keyword(k)))
        return true;
    for (; *follow != T_EOF; follow++)
        if (*follow == k)
            return true;
    return false;
}

void p_advance(Parser *p, const TokKind *follow) {
    if (*follow == T_EOF) {
        if (p->tok.kind != T_EOF)
            p_next(p);
        return;
    }
    while (!in_follow(p, follow))
        p_next(p);
}

// ---------------------------------------------------------------------------
// Nesting depth

// Half of the C stack the process may have, at most 256 MiB. Frames are
// small, so PARSE_MAX_DEPTH is normally reached first; in a sanitizer build
// frames are several times larger and the budget is the limit that holds.
static size_t stack_budget(const Compiler *cc) {
    // The later walks recurse as deep as the tree the parser builds and
    // their frames are larger: the parser keeps most of the stack for them.
    if (cc->opt.stack_size)
        return cc->opt.stack_size / 8;
    struct rlimit rl;
    size_t limit = (size_t)8 << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0)
        limit = rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > ((rlim_t)512 << 20) ? (size_t)512 << 20
                                                                                   : (size_t)rl.rlim_cur;
    return limit / 2;
}

static bool stack_exhausted(const Parser *p) {
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    return here < p->stack_base && p->stack_base - here > p->stack_budget;
}

bool p_enter(Parser *p) {
    if (p->depth < PARSE_MAX_DEPTH && !stack_exhausted(p)) {
        p->depth++;
        return true;
    }
    if (!p->too_deep) {
        p_error_at(p, p->tok.pos, "exceeded maximum nesting depth of %d", PARSE_MAX_DEPTH);
        p->syntax_errors++;
        p->too_deep = true;
        p_next(p);   // now and from here on: EOF
    }
    return false;
}

void p_leave(Parser *p) { p->depth--; }

// ---------------------------------------------------------------------------
// Pragmas

// Called where a construct that takes no directive ends: gc reports every
// directive still pending there at once.
void p_clear_pragmas(Parser *p) {
    Lexer *lx = &p->lx;
    for (int i = 0; i < lx->npragma_sites; i++)
        if (lx->pragma_sites[i].bits & ~(unsigned)PRAGMA_LINKNAME)
            p_error_at(p, lx->pragma_sites[i].pos, "misplaced compiler directive");
    lex_take_pragmas(lx);
}

static void add_misplaced(Parser *p, Pos pos) {
    if (p->misplaced.len == p->misplaced.cap) {
        int cap = p->misplaced.cap ? p->misplaced.cap * 2 : 8;
        Pos *items = ARENA_ARRAY(&p->cc->arena, Pos, cap);
        if (p->misplaced.len)
            memcpy(items, p->misplaced.items, sizeof(Pos) * (size_t)p->misplaced.len);
        p->misplaced.items = items;
        p->misplaced.cap = cap;
    }
    p->misplaced.items[p->misplaced.len++] = pos;
}

// A declaration takes the pending directives. Those gc does not allow on it
// it reports only after type checking: their places go to
// File.misplaced_pragmas. Returns the allowed ones (and a linkname).
static unsigned take_pragmas(Parser *p, unsigned allowed) {
    Lexer *lx = &p->lx;
    unsigned keep = allowed | PRAGMA_LINKNAME;
    unsigned rest = lx->pragmas & ~keep;
    for (int i = 0; i < lx->npragma_sites; i++)
        if (lx->pragma_sites[i].bits & rest)
            add_misplaced(p, lx->pragma_sites[i].pos);
    return lex_take_pragmas(lx) & keep;
}

// ---------------------------------------------------------------------------
// Lists

int p_mark(Parser *p) { return p->nodes.len; }

// The scratch stack is on the heap, freed when the file is parsed: a file's
// top-level declarations all sit on it at once, and grown in the arena it
// left every smaller copy behind.
void p_push(Parser *p, Node *n) {
    if (p->nodes.len == p->nodes.cap) {
        int cap = p->nodes.cap ? p->nodes.cap * 2 : 256;
        Node **items = realloc(p->nodes.items, sizeof(Node *) * (size_t)cap);
        if (!items) {
            fputs("minigc: out of memory\n", stderr);
            exit(2);
        }
        p->nodes.items = items;
        p->nodes.cap = cap;
    }
    p->nodes.items[p->nodes.len++] = n;
}

NodeList p_take(Parser *p, int mark) {
    // No nodes pushed yet means no array: null plus zero is undefined in C.
    Node **first = p->nodes.items ? p->nodes.items + mark : NULL;
    NodeList l = nodelist_from(p->cc, first, p->nodes.len - mark);
    p->nodes.len = mark;
    return l;
}

// list = [ elem { sep elem } [ sep ] ] close .
// elem returns true when no more elements may follow. Returns the position
// of the closing token.
Pos p_list(Parser *p, const char *context, TokKind sep, TokKind close, bool (*elem)(Parser *, void *), void *arg) {
    bool done = false;
    while (p->tok.kind != T_EOF && p->tok.kind != close && !done) {
        done = elem(p, arg);
        if (!p_got(p, sep) && p->tok.kind != close) {
            p_syntax_errorf(p, p->tok.pos, "in %s; possibly missing %s or %s", context, p_tokstring(sep),
                            p_tokstring(close));
            P_ADVANCE(p, T_RPAREN, T_RBRACK, T_RBRACE);
            if (p->tok.kind != close)
                return p->tok.pos;
        }
    }
    Pos pos = p->tok.pos;
    p_want(p, close);
    return pos;
}

// ---------------------------------------------------------------------------
// Common productions

Node *p_bad(Parser *p, Pos pos) { return node_new(p->cc, N_BAD, pos); }

static Node *new_ident(Parser *p, Pos pos, const char *s, size_t len) {
    Node *n = node_new(p->cc, N_IDENT, pos);
    n->u.ident.name = intern(p->cc, s, len);
    return n;
}

Node *p_name(Parser *p) {
    if (p->tok.kind == T_IDENT) {
        Node *n = new_ident(p, p->tok.pos, p->tok.text, p->tok.len);
        p_next(p);
        return n;
    }
    Node *n = new_ident(p, p->tok.pos, "_", 1);
    p_syntax_error(p, "expecting name");
    p_advance(p, (const TokKind[]){T_EOF});
    return n;
}

// IdentifierList = identifier { "," identifier } .
static NodeList name_list(Parser *p, Node *first) {
    int mark = p_mark(p);
    p_push(p, first);
    while (p_got(p, T_COMMA))
        p_push(p, p_name(p));
    return p_take(p, mark);
}

// ---------------------------------------------------------------------------
// Declarations

// ImportSpec = [ "." | PackageName ] ImportPath .
// ImportPath = string_lit .
static Node *import_spec(Parser *p) {
    Node *s = node_new(p->cc, N_IMPORTSPEC, p->tok.pos);
    take_pragmas(p, 0);
    if (p->tok.kind == T_IDENT) {
        s->u.import.name = p_name(p);
    } else if (p->tok.kind == T_PERIOD) {
        s->u.import.name = new_ident(p, p->tok.pos, ".", 1);
        p_next(p);
    }
    Node *path = p_literal_or_nil(p);
    if (!path) {
        s->u.import.path = p_bad(p, p->tok.pos);
        p_syntax_error(p, "missing import path");
        P_ADVANCE(p, T_SEMICOLON, T_RPAREN);
        return s;
    }
    if (!(path->flags & NF_BADLIT) && path->u.lit.kind != T_STRING) {
        p_syntax_error(p, "import path must be a string");
        path->flags |= NF_BADLIT;
    }
    s->u.import.path = path;
    return s;
}

// ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
static Node *const_spec(Parser *p, int iota) {
    Node *s = node_new(p->cc, N_VALUESPEC, p->tok.pos);
    take_pragmas(p, 0);
    s->u.valspec.iota = iota;
    s->u.valspec.names = name_list(p, p_name(p));
    TokKind k = p->tok.kind;
    if (k != T_EOF && k != T_SEMICOLON && k != T_RPAREN) {
        s->u.valspec.type = p_type_or_nil(p);
        if (p_got_assign(p))
            s->u.valspec.values = p_expr_list(p);
    }
    return s;
}

// VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
static Node *var_spec(Parser *p) {
    Node *s = node_new(p->cc, N_VALUESPEC, p->tok.pos);
    take_pragmas(p, 0);
    s->u.valspec.names = name_list(p, p_name(p));
    if (p_got_assign(p)) {
        s->u.valspec.values = p_expr_list(p);
    } else {
        s->u.valspec.type = p_type(p);
        if (p_got_assign(p))
            s->u.valspec.values = p_expr_list(p);
    }
    return s;
}

// For `type T[x ...`: whether x reads as a type parameter name followed by
// (the start of) its constraint, as gc decides it; *type gets the constraint
// part, or NULL for a lone name. `force` is set when a comma follows.
static Node *split_type_param(Parser *p, Node *x, bool force, Node **type) {
    *type = NULL;
    switch (x->kind) {
    case N_IDENT:
        return x;
    case N_BINARY:
        if (x->u.binary.op == T_MUL && x->u.binary.x->kind == N_IDENT &&
            (force || p_is_type_elem(x->u.binary.y))) {
            Node *star = node_new(p->cc, N_STAR, x->pos);
            star->u.unary.x = x->u.binary.y;
            *type = star;
            return x->u.binary.x;
        }
        if (x->u.binary.op == T_OR) {
            Node *lhs;
            Node *name = split_type_param(p, x->u.binary.x, force || p_is_type_elem(x->u.binary.y), &lhs);
            if (name && lhs) {
                Node *u = node_new(p->cc, N_BINARY, x->pos);
                u->u.binary = x->u.binary;
                u->u.binary.x = lhs;
                *type = u;
                return name;
            }
        }
        return NULL;
    case N_CALL:
        if (x->u.call.fun->kind == N_IDENT && x->u.call.args.len == 1 && !x->u.call.has_dots &&
            (force || p_is_type_elem(x->u.call.args.items[0]))) {
            *type = x->u.call.args.items[0];
            return x->u.call.fun;
        }
        return NULL;
    default:
        return NULL;
    }
}

void p_generic_not_supported(Parser *p, Pos pos) {
    if (!p->lx.file->std_rules)
        p_error_at(p, pos, "generic functions and types are not supported by minigc");
    p->saw_generic = true;
}

// A generic declaration dropped from a std file: see File.generics.
static void note_generic(Parser *p, NodeKind kind, Node *name) {
    if (!p->lx.file->std_rules || !name || name->kind != N_IDENT)
        return;
    Node *d = node_new(p->cc, kind, name->pos);
    if (kind == N_TYPESPEC)
        d->u.typespec.name = name;
    else
        d->u.funcdecl.name = name;
    ptrvec_push(&p->cc->arena, &p->generics, d);
}

// TypeSpec = identifier [ TypeParams ] [ "=" ] Type .
// `type T[` starts an array type or a type parameter list; gc tells them
// apart by what the bracket holds. Returns NULL for a generic type.
static Node *type_spec(Parser *p) {
    Node *s = node_new(p->cc, N_TYPESPEC, p->tok.pos);
    s->u.typespec.notinheap = (take_pragmas(p, PRAGMA_NOTINHEAP) & PRAGMA_NOTINHEAP) != 0;
    s->u.typespec.name = p_name(p);
    Node *type = NULL;
    if (p->tok.kind == T_LBRACK) {
        Pos lbrack = p->tok.pos;
        p_next(p);
        if (p->tok.kind == T_IDENT) {
            Node *x = p_name(p);
            if (p->tok.kind != T_LBRACK) {
                p->xnest++;
                x = p_binary_expr(p, p_pexpr(p, x, false), 0);
                p->xnest--;
            }
            Node *ptype;
            Node *pname = split_type_param(p, x, p->tok.kind == T_COMMA, &ptype);
            if (pname && (ptype || p->tok.kind != T_RBRACK)) {
                p_generic_not_supported(p, lbrack);
                Pos end;
                NodeList tparams = p_param_list(p, pname, ptype, T_RBRACK, true, &end);
                bool alias = p_got_assign(p);
                type = p_type_or_nil(p);
                // A std file's generic type is kept for generic.c to
                // instantiate (an alias with type parameters is not Go).
                if (p->lx.file->std_rules && type && !alias && tparams.len) {
                    s->u.typespec.tparams = tparams;
                    s->u.typespec.type = type;
                    p->has_generics = true;
                    return s;
                }
                note_generic(p, N_TYPESPEC, s->u.typespec.name);
                return NULL;
            }
            type = p_array_type(p, lbrack, x);
        } else if (p->tok.kind == T_RBRACK) {
            p_next(p);
            type = node_new(p->cc, N_ARRAYTYPE, lbrack);
            type->u.arraytype.elem = p_type(p);
        } else {
            type = p_array_type(p, lbrack, NULL);
        }
    } else {
        s->u.typespec.alias = p_got_assign(p);
        type = p_type_or_nil(p);
    }
    if (!type) {
        type = p_bad(p, p->tok.pos);
        p_syntax_error(p, "in type declaration");
        P_ADVANCE(p, T_SEMICOLON, T_RPAREN);
    }
    s->u.typespec.type = type;
    return s;
}

typedef struct SpecContext {
    TokKind kind;
    int index;      // of the spec in its group: iota for constants
} SpecContext;

static bool spec_elem(Parser *p, void *arg) {
    SpecContext *ctx = arg;
    Node *s = NULL;
    p->saw_generic = false;
    switch (ctx->kind) {
    case T_IMPORT: s = import_spec(p); break;
    case T_CONST: s = const_spec(p, ctx->index); break;
    case T_TYPE: s = type_spec(p); break;
    default: s = var_spec(p); break;
    }
    ctx->index++;
    if (s)
        p_push(p, s);
    return false;
}

// Decl = keyword ( Spec | "(" { Spec ";" } ")" ) .   (";" optional before ")")
// The current token is the keyword. The GenDecl sits at the keyword.
Node *p_gendecl(Parser *p, TokKind kind) {
    Node *d = node_new(p->cc, N_GENDECL, p->tok.pos);
    d->u.gendecl.tok = kind;
    p_next(p);
    SpecContext ctx = {kind, 0};
    int mark = p_mark(p);
    if (p->tok.kind == T_LPAREN) {
        p_clear_pragmas(p);
        p_next(p);
        p_list(p, "grouped declaration", T_SEMICOLON, T_RPAREN, spec_elem, &ctx);
    } else {
        spec_elem(p, &ctx);
    }
    d->u.gendecl.specs = p_take(p, mark);
    return d;
}

// The receiver's base type is instantiated (`func (l *List[T]) ...`): the
// method of a generic type.
static Node *generic_receiver(Node *recv) {
    Node *t = recv->u.field.type;
    while (t && (t->kind == N_STAR || t->kind == N_PAREN))
        t = t->u.unary.x;
    return t && t->kind == N_INDEX ? t : NULL;
}

// How many parameters a list declares (a field `a, b T` declares two).
static int param_count(NodeList fields) {
    int n = 0;
    for (int i = 0; i < fields.len; i++) {
        int names = fields.items[i]->u.field.names.len;
        n += names ? names : 1;
    }
    return n;
}

// The receiver of `func (a, b T) M()`: gc keeps the first one.
static Node *first_receiver(Parser *p, Node *field) {
    if (field->u.field.names.len <= 1)
        return field;
    Node *f = node_clone(p->cc, field);
    f->u.field.names.len = 1;
    return f;
}

// FunctionDecl = "func" FunctionName [ TypeParams ] ( Function | Signature ) .
// MethodDecl   = "func" Receiver MethodName ( Function | Signature ) .
// Receiver     = Parameters .
// Called after "func". Returns NULL if there is no declaration to keep.
static Node *func_decl_or_nil(Parser *p) {
    Node *d = node_new(p->cc, N_FUNCDECL, p->tok.pos);
    d->u.funcdecl.pragmas = take_pragmas(p, PRAGMA_FUNC_ALLOWED);
    if (d->u.funcdecl.pragmas & PRAGMA_LINKNAME)
        d->u.funcdecl.linkname = p->lx.linkname;
    p->lx.linkname = NULL;
    p->saw_generic = false;

    if (p_got(p, T_LPAREN)) {
        Pos end;
        NodeList recv = p_param_list(p, NULL, NULL, T_RPAREN, false, &end);
        int n = param_count(recv);
        if (n == 0) {
            p_error_at(p, p->tok.pos, "method has no receiver");
        } else {
            if (n > 1)
                p_error_at(p, p->tok.pos, "method has multiple receivers");
            d->u.funcdecl.recv = first_receiver(p, recv.items[0]);
            Node *inst = generic_receiver(d->u.funcdecl.recv);
            // A method of a std file's generic type is kept (generic.c).
            if (inst && !p->lx.file->std_rules)
                p_generic_not_supported(p, inst->pos);
        }
    }
    if (p->tok.kind != T_IDENT) {
        p_syntax_error(p, "expecting name or (");
        P_ADVANCE(p, T_LBRACE, T_SEMICOLON);
        return NULL;
    }
    d->u.funcdecl.name = p_name(p);
    d->u.funcdecl.type = p_func_type(p, d->u.funcdecl.recv ? "method" : "");
    if (p->tok.kind == T_LBRACE)
        d->u.funcdecl.body = p_func_body(p);
    if (p->saw_generic && !d->u.funcdecl.recv)
        note_generic(p, N_FUNCDECL, d->u.funcdecl.name);
    return p->saw_generic ? NULL : d;
}

static bool is_func_without_body(const Node *d) { return d && d->kind == N_FUNCDECL && !d->u.funcdecl.body; }

// Collects the import specs of the file's import declarations.
static NodeList file_imports(Parser *p, NodeList decls) {
    int mark = p_mark(p);
    for (int i = 0; i < decls.len; i++) {
        Node *d = decls.items[i];
        if (d->kind != N_GENDECL || d->u.gendecl.tok != T_IMPORT)
            continue;
        for (int j = 0; j < d->u.gendecl.specs.len; j++)
            p_push(p, d->u.gendecl.specs.items[j]);
    }
    return p_take(p, mark);
}

// { TopLevelDecl ";" } after the imports; pushes the declarations.
static void top_level_decls(Parser *p, int mark) {
    Node *last = NULL;
    while (p->tok.kind != T_EOF) {
        switch (p->tok.kind) {
        case T_CONST:
        case T_TYPE:
        case T_VAR:
            p_push(p, last = p_gendecl(p, p->tok.kind));
            break;
        case T_FUNC: {
            p_next(p);
            Node *d = func_decl_or_nil(p);
            if (d)
                p_push(p, last = d);
            break;
        }
        default:
            if (p->tok.kind == T_LBRACE && p->nodes.len > mark && is_func_without_body(last))
                p_syntax_error(p, "unexpected semicolon or newline before {");
            else
                p_syntax_error(p, "non-declaration statement outside function body");
            P_ADVANCE(p, T_CONST, T_TYPE, T_VAR, T_FUNC);
            continue;
        }
        // Directives after the ';' belong to the next declaration: clear
        // what is left before consuming it.
        p_clear_pragmas(p);
        if (p->tok.kind != T_EOF && !p_got(p, T_SEMICOLON)) {
            p_syntax_error(p, "after top level declaration");
            P_ADVANCE(p, T_CONST, T_TYPE, T_VAR, T_FUNC);
        }
    }
    p_clear_pragmas(p);
}

// SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
static void source_file(Parser *p, File *f) {
    f->package_pos = p->tok.pos;
    if (!p_got(p, T_PACKAGE)) {
        p_syntax_error(p, "package statement must be first");
        p->syntax_errors++;   // even if that message was suppressed
        return;
    }
    take_pragmas(p, PRAGMA_BUILD);
    f->pkg_name = p_name(p);
    p_want(p, T_SEMICOLON);
    if (p_had_error(p)) {
        p->syntax_errors++;
        return;   // as gc: nothing more after a bad package clause
    }

    int mark = p_mark(p);
    while (p->tok.kind == T_IMPORT) {
        p_push(p, p_gendecl(p, T_IMPORT));
        p_want(p, T_SEMICOLON);
    }
    top_level_decls(p, mark);
    f->decls = p_take(p, mark);
    f->imports = file_imports(p, f->decls);
}

File *parse_file(Compiler *cc, const SourceFile *src) {
    Parser p;
    memset(&p, 0, sizeof p);
    p.cc = cc;
    p.errors_at_start = diag_error_count(cc);
    p.stack_base = (uintptr_t)__builtin_frame_address(0);
    p.stack_budget = stack_budget(cc);
    lex_init(&p.lx, cc, src);
    File *f = ARENA_NEW(&cc->arena, File);
    f->src = src;
    p_next(&p);
    source_file(&p, f);
    f->misplaced_pragmas = p.misplaced.items;
    f->nmisplaced_pragmas = p.misplaced.len;
    f->syntax_errors = p.syntax_errors;
    f->generics.items = (Node **)p.generics.items;
    f->generics.len = p.generics.len;
    f->has_generics = p.has_generics;
    free(p.nodes.items);
    return f;
}
