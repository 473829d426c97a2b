// parse_stmt.c - statements.
//
// The statement grammar, with gc's recovery: a statement that does not end
// in ';' or before '}' is reported "at end of statement" and skipped up to
// the next ';', '}', case or default (or, inside a body, a statement
// keyword). The headers of if, for and switch are parsed by one function
// (header), as in gc, with xnest = -1 so that `{` after a name opens the
// block instead of a composite literal.
//
// Simple statements come back as: N_EXPRSTMT, N_SENDSTMT, N_INCDEC,
// N_ASSIGN; in a for header also a range clause (an N_RANGE whose body the
// for statement fills in); in a switch header `v := x.(type)` is an
// N_EXPRSTMT of the guard (an N_TYPEASSERT without type) and v is kept in
// p->guard_bind until the switch takes it.
//
// Positions, as in gc's syntax package:
//   expression statement ..... its expression's position
//   x <- v, x++, x op= y ..... the operator        a, b := ... the := or =
//   L: stmt .................. the ':'             { ... } ..... the '{'
//   go, defer, return, break, continue, goto, fallthrough, if, for,
//   switch, select, var/const/type in a body .... the keyword
//   for k, v := range x ...... the `range` keyword (gc's ORANGE node)
//   case / default clause .... the keyword; clause.colon the ':'
//   empty statement .......... the ';' (or the '}' after a label)
#include "parse.h"

static Node *stmt_or_nil(Parser *p);
static NodeList stmt_list(Parser *p);
static Node *if_stmt(Parser *p);

static bool is_assign_op(TokKind k) {
    switch (k) {
    case T_ADD_ASSIGN: case T_SUB_ASSIGN: case T_MUL_ASSIGN: case T_QUO_ASSIGN: case T_REM_ASSIGN:
    case T_AND_ASSIGN: case T_OR_ASSIGN: case T_XOR_ASSIGN: case T_SHL_ASSIGN: case T_SHR_ASSIGN:
    case T_AND_NOT_ASSIGN:
        return true;
    default:
        return false;
    }
}

static bool is_guard(const Node *x) { return x->kind == N_TYPEASSERT && !x->u.assert.type; }

static Node *expr_stmt(Parser *p, Node *x) {
    Node *s = node_new(p->cc, N_EXPRSTMT, x->pos);
    s->u.unary.x = x;
    return s;
}

static NodeList list_of(Parser *p, Node *x) { return nodelist_from(p->cc, &x, 1); }

// RangeClause = [ ExpressionList ( "=" | ":=" ) ] "range" Expression .
// The current token is `range`.
static Node *range_clause(Parser *p, const NodeList *lhs, bool define) {
    Node *r = node_new(p->cc, N_RANGE, p->tok.pos);
    p_next(p);
    r->u.range.define = define;
    if (lhs && lhs->len > 0)
        r->u.range.key = lhs->items[0];
    if (lhs && lhs->len > 1)
        r->u.range.value = lhs->items[1];
    if (lhs && lhs->len > 2)
        r->u.range.extra = lhs->items[2];   // the checker reports it
    r->u.range.x = p_expr(p);
    return r;
}

// SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl .
// given is the expression list already parsed, if any; keyword is the
// statement whose header this is (T_FOR, T_SWITCH, T_IF) or T_EOF.
static Node *simple_stmt(Parser *p, const NodeList *given, TokKind keyword) {
    if (keyword == T_FOR && p->tok.kind == T_RANGE)
        return range_clause(p, NULL, false);
    NodeList lhs = given ? *given : p_expr_list(p);
    TokKind op = p->tok.kind;
    Pos pos = p->tok.pos;

    if (lhs.len == 1 && op != T_ASSIGN && op != T_DEFINE) {
        Node *x = lhs.items[0];
        if (is_assign_op(op)) {
            p_next(p);
            Node *s = node_new(p->cc, N_ASSIGN, pos);
            s->u.assign.op = op;
            s->u.assign.lhs = lhs;
            s->u.assign.rhs = list_of(p, p_expr(p));
            return s;
        }
        if (op == T_INC || op == T_DEC) {
            p_next(p);
            Node *s = node_new(p->cc, N_INCDEC, pos);
            s->u.incdec.x = x;
            s->u.incdec.op = op;
            return s;
        }
        if (op == T_ARROW) {
            p_next(p);
            Node *s = node_new(p->cc, N_SENDSTMT, pos);
            s->u.send.chan = x;
            s->u.send.value = p_expr(p);
            return s;
        }
        return expr_stmt(p, x);
    }

    if (op == T_ASSIGN || op == T_DEFINE) {
        p_next(p);
        if (keyword == T_FOR && p->tok.kind == T_RANGE)
            return range_clause(p, &lhs, op == T_DEFINE);
        NodeList rhs = p_expr_list(p);
        if (keyword == T_SWITCH && op == T_DEFINE && rhs.len == 1 && is_guard(rhs.items[0]) && lhs.len == 1 &&
            lhs.items[0]->kind == N_IDENT) {
            p->guard = rhs.items[0];
            p->guard_bind = lhs.items[0];
            return expr_stmt(p, rhs.items[0]);
        }
        Node *s = node_new(p->cc, N_ASSIGN, pos);
        s->u.assign.op = op;
        s->u.assign.lhs = lhs;
        s->u.assign.rhs = rhs;
        return s;
    }

    p_syntax_error(p, "expecting := or = or comma");
    P_ADVANCE(p, T_SEMICOLON, T_RBRACE);
    return expr_stmt(p, lhs.items[0]);
}

// How a header's misused simple statement is named in "cannot use ... as value".
static const char *misused_stmt_string(Parser *p, const Node *s) {
    if (s->kind == N_ASSIGN && s->u.assign.op == T_ASSIGN) {
        const char *lhs = "", *rhs = "";
        for (int i = 0; i < s->u.assign.lhs.len; i++)
            lhs = arena_sprintf(&p->cc->arena, "%s%s%s", lhs, i ? ", " : "", node_string(p->cc, s->u.assign.lhs.items[i]));
        for (int i = 0; i < s->u.assign.rhs.len; i++)
            rhs = arena_sprintf(&p->cc->arena, "%s%s%s", rhs, i ? ", " : "", node_string(p->cc, s->u.assign.rhs.items[i]));
        return arena_sprintf(&p->cc->arena, "assignment (%s) = (%s)", lhs, rhs);
    }
    return node_string(p->cc, s);
}

// The header of if, for and switch, after the keyword:
//   [ SimpleStmt ";" ] Expression           (if, switch)
//   [ Condition | ForClause | RangeClause ] (for)
// Sets init, cond and post (a range clause comes back as init).
static void header(Parser *p, TokKind keyword, Node **init, Node **cond, Node **post) {
    *init = *cond = *post = NULL;
    p_want(p, keyword);
    if (p->tok.kind == T_LBRACE) {
        if (keyword == T_IF) {
            p_syntax_error(p, "missing condition in if statement");
            *cond = p_bad(p, p->tok.pos);
        }
        return;
    }
    int outer = p->xnest;
    p->xnest = -1;

    if (p->tok.kind != T_SEMICOLON) {
        if (p_got(p, T_VAR)) {
            p_syntax_errorf(p, p->tok.pos, "var declaration not allowed in %s initializer", p_tokstring(keyword));
        }
        *init = simple_stmt(p, NULL, keyword);
        if ((*init)->kind == N_RANGE) {
            p->xnest = outer;
            return;
        }
    }

    Node *cond_stmt = NULL;
    Pos semi_pos = {0, 0, 0};
    const char *semi_lit = "";
    if (p->tok.kind != T_LBRACE) {
        if (p->tok.kind == T_SEMICOLON) {
            semi_pos = p->tok.pos;
            semi_lit = p->tok.len == 1 ? "semicolon" : p->tok.text;
            p_next(p);
        } else {
            p_want(p, T_LBRACE);   // a '{' is what is missing, most likely
            if (p->tok.kind != T_LBRACE)
                P_ADVANCE(p, T_LBRACE, T_RBRACE);
        }
        if (keyword == T_FOR) {
            if (p->tok.kind != T_SEMICOLON) {
                if (p->tok.kind == T_LBRACE) {
                    p_syntax_error(p, "expecting for loop condition");
                    goto done;
                }
                cond_stmt = simple_stmt(p, NULL, T_EOF);
            }
            p_want(p, T_SEMICOLON);
            if (p->tok.kind != T_LBRACE) {
                *post = simple_stmt(p, NULL, T_EOF);
                if ((*post)->kind == N_ASSIGN && (*post)->u.assign.op == T_DEFINE)
                    p_syntax_error_at(p, (*post)->pos, "cannot declare in post statement of for loop");
            }
        } else if (p->tok.kind != T_LBRACE) {
            cond_stmt = simple_stmt(p, NULL, keyword);
        }
    } else {
        cond_stmt = *init;
        *init = NULL;
    }

done:
    if (!cond_stmt) {
        if (keyword == T_IF && pos_known(semi_pos)) {
            if (strcmp(semi_lit, "semicolon") != 0) {
                p_syntax_errorf(p, semi_pos, "unexpected %s, expecting { after if clause", semi_lit);
            } else {
                p_syntax_error_at(p, semi_pos, "missing condition in if statement");
            }
            *cond = p_bad(p, semi_pos);
        }
    } else if (cond_stmt->kind == N_EXPRSTMT) {
        *cond = cond_stmt->u.unary.x;
    } else {
        p_syntax_errorf(p, cond_stmt->pos, "cannot use %s as value", misused_stmt_string(p, cond_stmt));
        *cond = p_bad(p, cond_stmt->pos);
    }
    p->xnest = outer;
}

// Block = "{" StatementList "}" .
// context names what the block belongs to, for "expecting { after ...".
Node *p_block_stmt(Parser *p, const char *context) {
    Node *b = node_new(p->cc, N_BLOCK, p->tok.pos);
    if (!p_enter(p))
        return b;
    if (!p_got(p, T_LBRACE)) {
        p_syntax_errorf(p, p->tok.pos, "expecting { after %s", context);
        P_ADVANCE(p, T_IDENT, T_RBRACE);
        b->u.block.rbrace = p->tok.pos;
        if (p_got(p, T_RBRACE)) {
            p_leave(p);
            return b;
        }
    }
    b->u.block.stmts = stmt_list(p);
    b->u.block.rbrace = p->tok.pos;
    p_want(p, T_RBRACE);
    p_leave(p);
    return b;
}

// FunctionBody = Block .
Node *p_func_body(Parser *p) {
    p->fnest++;
    Node *body = p_block_stmt(p, "");
    p->fnest--;
    return body;
}

// IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] .
static Node *if_stmt(Parser *p) {
    Node *s = node_new(p->cc, N_IF, p->tok.pos);
    if (!p_enter(p))
        return s;
    Node *post;
    header(p, T_IF, &s->u.ifs.init, &s->u.ifs.cond, &post);
    s->u.ifs.then = p_block_stmt(p, "if clause");
    if (p_got(p, T_ELSE)) {
        if (p->tok.kind == T_IF) {
            s->u.ifs.els = if_stmt(p);
        } else if (p->tok.kind == T_LBRACE) {
            s->u.ifs.els = p_block_stmt(p, "");
        } else {
            p_syntax_error(p, "else must be followed by if or statement block");
            P_ADVANCE(p, T_IDENT, T_RBRACE);
        }
    }
    p_leave(p);
    return s;
}

// ForStmt = "for" [ Condition | ForClause | RangeClause ] Block .
static Node *for_stmt(Parser *p) {
    Pos pos = p->tok.pos;
    Node *init, *cond, *post;
    header(p, T_FOR, &init, &cond, &post);
    Node *body = p_block_stmt(p, "for clause");
    if (init && init->kind == N_RANGE) {
        init->u.range.body = body;
        return init;
    }
    Node *s = node_new(p->cc, N_FOR, pos);
    s->u.fors.init = init;
    s->u.fors.cond = cond;
    s->u.fors.post = post;
    s->u.fors.body = body;
    return s;
}

// ExprCaseClause = ExprSwitchCase ":" StatementList .
// ExprSwitchCase = "case" ExpressionList | "default" .
// (Type switch cases are expression lists too: types parse as operands.)
static Node *case_clause(Parser *p) {
    Node *c = node_new(p->cc, N_CASECLAUSE, p->tok.pos);
    if (p->tok.kind == T_CASE) {
        p_next(p);
        c->u.clause.list = p_expr_list(p);
    } else if (p->tok.kind == T_DEFAULT) {
        p_next(p);
        c->u.clause.is_default = true;
    } else {
        p_syntax_error(p, "expecting case or default or }");
        P_ADVANCE(p, T_COLON, T_CASE, T_DEFAULT, T_RBRACE);
    }
    c->u.clause.colon = p->tok.pos;
    p_want(p, T_COLON);
    c->u.clause.body = stmt_list(p);
    return c;
}

// CommClause = CommCase ":" StatementList .
// CommCase   = "case" ( SendStmt | RecvStmt ) | "default" .
static Node *comm_clause(Parser *p) {
    Node *c = node_new(p->cc, N_COMMCLAUSE, p->tok.pos);
    if (p->tok.kind == T_CASE) {
        p_next(p);
        c->u.clause.comm = simple_stmt(p, NULL, T_EOF);
    } else if (p->tok.kind == T_DEFAULT) {
        p_next(p);
        c->u.clause.is_default = true;
    } else {
        p_syntax_error(p, "expecting case or default or }");
        P_ADVANCE(p, T_COLON, T_CASE, T_DEFAULT, T_RBRACE);
    }
    c->u.clause.colon = p->tok.pos;
    p_want(p, T_COLON);
    c->u.clause.body = stmt_list(p);
    return c;
}

// SwitchStmt = "switch" [ SimpleStmt ";" ] [ Expression | TypeSwitchGuard ] "{" { CaseClause } "}" .
// TypeSwitchGuard = [ identifier ":=" ] PrimaryExpr "." "(" "type" ")" .
static Node *switch_stmt(Parser *p) {
    Pos pos = p->tok.pos;
    if (!p_enter(p))
        return p_bad(p, pos);
    Node *init, *tag, *post;
    p->guard = NULL;
    header(p, T_SWITCH, &init, &tag, &post);
    Node *s;
    if (tag && is_guard(tag)) {
        s = node_new(p->cc, N_TYPESWITCH, pos);
        s->u.sw.tag = tag->u.assert.x;
        s->u.sw.bind = p->guard == tag ? p->guard_bind : NULL;
    } else {
        s = node_new(p->cc, N_SWITCH, pos);
        s->u.sw.tag = tag;
    }
    p->guard = p->guard_bind = NULL;
    s->u.sw.init = init;
    if (!p_got(p, T_LBRACE)) {
        p_syntax_error(p, "missing { after switch clause");
        P_ADVANCE(p, T_CASE, T_DEFAULT, T_RBRACE);
    }
    int mark = p_mark(p);
    while (p->tok.kind != T_EOF && p->tok.kind != T_RBRACE)
        p_push(p, case_clause(p));
    s->u.sw.clauses = p_take(p, mark);
    s->u.sw.rbrace = p->tok.pos;
    p_want(p, T_RBRACE);
    p_leave(p);
    return s;
}

// SelectStmt = "select" "{" { CommClause } "}" .
static Node *select_stmt(Parser *p) {
    Node *s = node_new(p->cc, N_SELECT, p->tok.pos);
    if (!p_enter(p))
        return s;
    p_want(p, T_SELECT);
    if (!p_got(p, T_LBRACE)) {
        p_syntax_error(p, "missing { after select clause");
        P_ADVANCE(p, T_CASE, T_DEFAULT, T_RBRACE);
    }
    int mark = p_mark(p);
    while (p->tok.kind != T_EOF && p->tok.kind != T_RBRACE)
        p_push(p, comm_clause(p));
    s->u.sw.clauses = p_take(p, mark);
    s->u.sw.rbrace = p->tok.pos;
    p_want(p, T_RBRACE);
    p_leave(p);
    return s;
}

// GoStmt = "go" Expression .   DeferStmt = "defer" Expression .
// The expression must be a call, not parenthesized.
static Node *call_stmt(Parser *p) {
    TokKind kind = p->tok.kind;
    const char *word = tok_string(kind);
    Node *s = node_new(p->cc, kind == T_GO ? N_GO : N_DEFER, p->tok.pos);
    p_next(p);
    Node *x = p_pexpr(p, NULL, p->tok.kind == T_LPAREN);
    Node *t = unparen(x);
    if (t != x) {
        p_error_at(p, x->pos, "expression in %s must not be parenthesized", word);
        x = t;
    }
    if (x->kind != N_CALL) {
        p_error_at(p, x->pos, "expression in %s must be function call", word);
        Node *c = node_new(p->cc, N_CALL, x->pos);
        c->flags |= NF_IMPLICIT;
        c->u.call.fun = x;
        x = c;
    }
    s->u.unary.x = x;
    return s;
}

// LabeledStmt = Label ":" Statement .   (the current token is the ':')
static Node *labeled_stmt(Parser *p, Node *label) {
    Node *s = node_new(p->cc, N_LABELED, p->tok.pos);
    s->u.labeled.label = label;
    p_want(p, T_COLON);
    if (p->tok.kind == T_RBRACE) {
        // A '}' implies the empty statement the label needs.
        s->u.labeled.stmt = node_new(p->cc, N_EMPTYSTMT, p->tok.pos);
        return s;
    }
    if (!p_enter(p))
        return s;
    s->u.labeled.stmt = stmt_or_nil(p);
    p_leave(p);
    if (s->u.labeled.stmt)
        return s;
    p_syntax_error_at(p, s->pos, "missing statement after label");
    return NULL;
}

static Node *decl_stmt(Parser *p) {
    Node *s = node_new(p->cc, N_DECLSTMT, p->tok.pos);
    s->u.declstmt.decl = p_gendecl(p, p->tok.kind);
    return s;
}

static Node *branch_stmt(Parser *p) {
    Node *s = node_new(p->cc, N_BRANCH, p->tok.pos);
    TokKind kind = p->tok.kind;
    s->u.branch.tok = kind;
    p_next(p);
    if (kind == T_GOTO || ((kind == T_BREAK || kind == T_CONTINUE) && p->tok.kind == T_IDENT))
        s->u.branch.label = p_name(p);
    return s;
}

// ReturnStmt = "return" [ ExpressionList ] .
static Node *return_stmt(Parser *p) {
    Node *s = node_new(p->cc, N_RETURN, p->tok.pos);
    p_next(p);
    if (p->tok.kind != T_SEMICOLON && p->tok.kind != T_RBRACE)
        s->u.ret.results = p_expr_list(p);
    return s;
}

// Statement = Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt
//           | BreakStmt | ContinueStmt | GotoStmt | FallthroughStmt | Block
//           | IfStmt | SwitchStmt | SelectStmt | ForStmt | DeferStmt .
// Returns NULL if no statement starts here.
static Node *statement(Parser *p) {
    if (p->tok.kind == T_IDENT) {
        // Most statements start with a name; a lone name and ':' is a label.
        p_clear_pragmas(p);
        NodeList lhs = p_expr_list(p);
        if (lhs.len == 1 && lhs.items[0]->kind == N_IDENT && p->tok.kind == T_COLON)
            return labeled_stmt(p, lhs.items[0]);
        return simple_stmt(p, &lhs, T_EOF);
    }
    switch (p->tok.kind) {
    case T_VAR: case T_CONST: case T_TYPE:
        return decl_stmt(p);
    default:
        break;
    }
    p_clear_pragmas(p);
    switch (p->tok.kind) {
    case T_LBRACE:
        return p_block_stmt(p, "");
    case T_ADD: case T_SUB: case T_MUL: case T_AND: case T_XOR: case T_NOT:
    case T_INT: case T_FLOAT: case T_IMAG: case T_CHAR: case T_STRING:
    case T_FUNC: case T_LPAREN: case T_LBRACK: case T_STRUCT: case T_MAP: case T_CHAN: case T_INTERFACE:
    case T_ARROW:
        return simple_stmt(p, NULL, T_EOF);
    case T_FOR:
        return for_stmt(p);
    case T_SWITCH:
        return switch_stmt(p);
    case T_SELECT:
        return select_stmt(p);
    case T_IF:
        return if_stmt(p);
    case T_FALLTHROUGH: case T_BREAK: case T_CONTINUE: case T_GOTO:
        return branch_stmt(p);
    case T_GO: case T_DEFER:
        return call_stmt(p);
    case T_RETURN:
        return return_stmt(p);
    case T_SEMICOLON:
        return node_new(p->cc, N_EMPTYSTMT, p->tok.pos);
    default:
        return NULL;
    }
}

static Node *stmt_or_nil(Parser *p) {
    if (!p_enter(p))
        return NULL;
    Node *s = statement(p);
    p_leave(p);
    return s;
}

// StatementList = { Statement ";" } .   (";" optional before "}")
static NodeList stmt_list(Parser *p) {
    int mark = p_mark(p);
    for (;;) {
        TokKind k = p->tok.kind;
        if (k == T_EOF || k == T_RBRACE || k == T_CASE || k == T_DEFAULT)
            break;
        Node *s = stmt_or_nil(p);
        p_clear_pragmas(p);
        if (!s)
            break;
        p_push(p, s);
        if (!p_got(p, T_SEMICOLON) && p->tok.kind != T_RBRACE) {
            p_syntax_error(p, "at end of statement");
            P_ADVANCE(p, T_SEMICOLON, T_RBRACE, T_CASE, T_DEFAULT);
            p_got(p, T_SEMICOLON);   // not an empty statement of its own
        }
    }
    return p_take(p, mark);
}
