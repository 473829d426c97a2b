// parse.h - what the three parts of the parser share (parse.c: state, errors
// and declarations; parse_expr.c: expressions and types; parse_stmt.c:
// statements). Not part of the frontend's interface: only parse*.c include it.
#ifndef MINIGC_PARSE_H
#define MINIGC_PARSE_H

#include "frontend.h"

// One parameter while a parameter list is being read: gc decides only at the
// end of the list whether lone names are parameter names or types.
typedef struct ParamItem {
    Pos pos;
    Node *name;     // N_IDENT or NULL
    Node *type;     // NULL for a name whose type comes later in the list
} ParamItem;

typedef struct Parser {
    Compiler *cc;
    Lexer lx;
    Token tok;              // the current token (one token of lookahead)
    int fnest;              // function nesting: > 0 inside a body
    int xnest;              // expression nesting; -1 in statement headers, where
                            // `T {` is not a composite literal
    int depth;              // nesting depth of what is being parsed
    bool too_deep;          // depth limit hit: the rest of the file is skipped
    uintptr_t stack_base;   // the C stack at parse_file's frame,
    size_t stack_budget;    // and how much of it the parser may use
    bool saw_generic;       // the declaration being parsed has type parameters
    bool has_generics;      // a generic type of a std file was kept (File.has_generics)
    int errors_at_start;    // diagnostics recorded before this file
    uint32_t syntax_error_line; // gc reports one syntax error per line
    int syntax_errors;      // see File.syntax_errors

    Node *guard;            // the last `x.(type)` seen with a `v :=` before it,
    Node *guard_bind;       // and that v (a type switch header's binding)

    struct { Pos *items; int len, cap; } misplaced;     // see File.misplaced_pragmas
    PtrVec generics;        // see File.generics
    struct { Node **items; int len, cap; } nodes;       // list scratch stack
    struct { ParamItem *items; int len, cap; } params;  // parameter scratch stack
} Parser;

// parse.c
void p_next(Parser *p);
bool p_got(Parser *p, TokKind k);
void p_want(Parser *p, TokKind k);
bool p_got_assign(Parser *p);
bool p_had_error(const Parser *p);
void p_error_at(Parser *p, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void p_syntax_error_at(Parser *p, Pos pos, const char *msg);
void p_syntax_error(Parser *p, const char *msg);
// p_syntax_error_at with a formatted message (kept out of the recursive
// functions' frames).
void p_syntax_errorf(Parser *p, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
// Skips to a token of `follow` (a T_EOF-terminated list), or inside a
// function body also to a statement keyword; with an empty list it skips
// exactly one token.
void p_advance(Parser *p, const TokKind *follow);
#define P_ADVANCE(p, ...) p_advance((p), (const TokKind[]){__VA_ARGS__, T_EOF})
bool p_enter(Parser *p);
void p_leave(Parser *p);
void p_clear_pragmas(Parser *p);
const char *p_tokstring(TokKind k);

int p_mark(Parser *p);
void p_push(Parser *p, Node *n);
NodeList p_take(Parser *p, int mark);

Node *p_name(Parser *p);
Node *p_bad(Parser *p, Pos pos);
Node *p_gendecl(Parser *p, TokKind kind);
void p_generic_not_supported(Parser *p, Pos pos);
Pos p_list(Parser *p, const char *context, TokKind sep, TokKind close, bool (*elem)(Parser *, void *), void *arg);

// parse_expr.c
Node *p_expr(Parser *p);
Node *p_binary_expr(Parser *p, Node *x, int prec);
Node *p_pexpr(Parser *p, Node *x, bool keep_parens);
NodeList p_expr_list(Parser *p);
Node *p_type(Parser *p);
Node *p_type_or_nil(Parser *p);
Node *p_array_type(Parser *p, Pos lbrack, Node *len);
Node *p_func_type(Parser *p, const char *context);
NodeList p_param_list(Parser *p, Node *name, Node *type, TokKind close, bool require_names, Pos *end);
Node *p_literal_or_nil(Parser *p);
Node *p_qualified_name(Parser *p, Node *name);
bool p_is_type_elem(const Node *x);

// parse_stmt.c
Node *p_func_body(Parser *p);
Node *p_block_stmt(Parser *p, const char *context);

#endif
