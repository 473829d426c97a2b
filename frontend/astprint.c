// astprint.c - the AST as text: a tree dump for tests, and Go syntax for
// messages.
//
// ast_print_file / ast_print_node write one construct per line as an
// S-expression: the kind, its key attributes, its position, then its
// children indented by two, e.g.
//   (binary + @3:9
//     (ident x @3:7)
//     (lit INT 1 @3:11))
// A missing optional child prints as `nil`; lists that need a name to be
// told apart print as (lhs ...), (params ...), and so on. The form is stable:
// parser tests compare it verbatim.
//
// node_string renders a node as gc's syntax.String does (the "short form"
// types2 uses in error messages): function bodies and composite literal
// elements become "…", and there are no line breaks.
#include "frontend.h"

#include <stdio.h>
#include <stdlib.h>

// ---------------------------------------------------------------------------
// Tree dump

typedef struct Dump {
    FILE *out;
} Dump;

static void dump_node(Dump *d, const Node *n, int indent);

static void dump_indent(Dump *d, int indent) { fprintf(d->out, "\n%*s", indent, ""); }

static void dump_pos(Dump *d, Pos pos) { fprintf(d->out, "@%u:%u", pos.line, pos.col); }

// The text of a literal on one line: newlines and tabs of raw strings escaped.
static void dump_text(Dump *d, const char *s, uint32_t len) {
    for (uint32_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            fputs("\\n", d->out);
        else if (s[i] == '\r')
            fputs("\\r", d->out);
        else
            fputc(s[i], d->out);
    }
}

static void dump_child(Dump *d, const Node *n, int indent) {
    dump_indent(d, indent);
    dump_node(d, n, indent);
}

static void dump_list(Dump *d, NodeList l, int indent) {
    for (int i = 0; i < l.len; i++)
        dump_child(d, l.items[i], indent);
}

// A named group of children: (name child...) on its own lines.
static void dump_group(Dump *d, const char *name, NodeList l, int indent) {
    dump_indent(d, indent);
    fprintf(d->out, "(%s", name);
    dump_list(d, l, indent + 2);
    fputc(')', d->out);
}

static const char *lit_kind_name(TokKind k) {
    switch (k) {
    case T_INT: return "INT";
    case T_FLOAT: return "FLOAT";
    case T_IMAG: return "IMAG";
    case T_CHAR: return "CHAR";
    case T_STRING: return "STRING";
    default: return "?";
    }
}

static const char *chan_dir_name(int dir) {
    switch (dir) {
    case CHAN_SEND: return "chan<-";
    case CHAN_RECV: return "<-chan";
    default: return "chan";
    }
}

static void dump_pragmas(Dump *d, unsigned bits, const char *linkname) {
    static const char *const names[] = {"noinline", "noescape", "nosplit", "norace",
                                        "uintptrescapes", "linkname", "nocheckptr"};
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
        if (bits & (1u << i))
            fprintf(d->out, "%s ", names[i]);
    if (linkname)
        fprintf(d->out, "=%s ", linkname);
}

// The header of a node: kind, attributes, position (no children).
static void dump_header(Dump *d, const Node *n) {
    const char *kind = node_kind_name(n->kind);
    fprintf(d->out, "(%s ", kind);
    switch (n->kind) {
    case N_IDENT:
        fprintf(d->out, "%s ", n->u.ident.name->s);
        break;
    case N_BASICLIT:
        fprintf(d->out, "%s ", lit_kind_name(n->u.lit.kind));
        dump_text(d, n->u.lit.text, n->u.lit.len);
        fputs(n->flags & NF_BADLIT ? " bad " : " ", d->out);
        break;
    case N_SELECTOR:
        fprintf(d->out, "%s ", n->u.sel.name->s);
        break;
    case N_UNARY:
    case N_BINARY:
        fprintf(d->out, "%s ", tok_string(n->kind == N_UNARY ? n->u.unary.op : n->u.binary.op));
        break;
    case N_TYPEASSERT:
        if (!n->u.assert.type)
            fputs(".(type) ", d->out);
        break;
    case N_SLICE:
        if (n->u.slice.full)
            fputs("full ", d->out);
        break;
    case N_CALL:
        if (n->u.call.has_dots)
            fputs("... ", d->out);
        break;
    case N_CHANTYPE:
        fprintf(d->out, "%s ", chan_dir_name(n->u.chantype.dir));
        break;
    case N_FIELD:
        if (n->u.field.embedded)
            fputs("embedded ", d->out);
        break;
    case N_INCDEC:
        fprintf(d->out, "%s ", tok_string(n->u.incdec.op));
        break;
    case N_ASSIGN:
        fprintf(d->out, "%s ", tok_string(n->u.assign.op));
        break;
    case N_BRANCH:
        fprintf(d->out, "%s ", tok_string(n->u.branch.tok));
        if (n->u.branch.label)
            fprintf(d->out, "%s ", n->u.branch.label->u.ident.name->s);
        break;
    case N_CASECLAUSE:
    case N_COMMCLAUSE:
        if (n->u.clause.is_default)
            fputs("default ", d->out);
        break;
    case N_RANGE:
        fputs(n->u.range.define ? ":= " : n->u.range.key ? "= " : "", d->out);
        break;
    case N_VALUESPEC:
        fprintf(d->out, "iota=%d ", n->u.valspec.iota);
        break;
    case N_TYPESPEC:
        if (n->u.typespec.alias)
            fputs("alias ", d->out);
        break;
    case N_GENDECL:
        fprintf(d->out, "%s ", tok_string(n->u.gendecl.tok));
        break;
    case N_FUNCDECL:
        dump_pragmas(d, n->u.funcdecl.pragmas, n->u.funcdecl.linkname);
        break;
    default:
        break;
    }
    if (n->flags & NF_PARENS)
        fputs("parens ", d->out);
    dump_pos(d, n->pos);
    // Closing positions, where the node keeps one.
    Pos end = {0, 0, 0};
    const char *end_name = NULL;
    switch (n->kind) {
    case N_SELECTOR: end = n->u.sel.name_pos, end_name = "name"; break;
    case N_CALL: end = n->u.call.rparen, end_name = "rparen"; break;
    case N_COMPOSITE: end = n->u.complit.rbrace, end_name = "rbrace"; break;
    case N_STRUCTTYPE: case N_INTERFACETYPE: end = n->u.fields.rbrace, end_name = "rbrace"; break;
    case N_BLOCK: end = n->u.block.rbrace, end_name = "rbrace"; break;
    case N_SWITCH: case N_TYPESWITCH: case N_SELECT: end = n->u.sw.rbrace, end_name = "rbrace"; break;
    case N_CASECLAUSE: case N_COMMCLAUSE: end = n->u.clause.colon, end_name = "colon"; break;
    default: break;
    }
    if (end_name)
        fprintf(d->out, " %s@%u:%u", end_name, end.line, end.col);
}

static void dump_node(Dump *d, const Node *n, int indent) {
    if (!n) {
        fputs("nil", d->out);
        return;
    }
    dump_header(d, n);
    int in = indent + 2;
    switch (n->kind) {
    case N_COMPOSITE:
        dump_child(d, n->u.complit.type, in);
        dump_list(d, n->u.complit.elts, in);
        break;
    case N_KEYVALUE:
        dump_child(d, n->u.kv.key, in);
        dump_child(d, n->u.kv.value, in);
        break;
    case N_FUNCLIT:
        dump_child(d, n->u.funclit.type, in);
        dump_child(d, n->u.funclit.body, in);
        break;
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPRSTMT: case N_GO: case N_DEFER:
        dump_child(d, n->u.unary.x, in);
        break;
    case N_ELLIPSIS:
        if (n->u.unary.x)
            dump_child(d, n->u.unary.x, in);
        break;
    case N_SELECTOR:
        dump_child(d, n->u.sel.x, in);
        break;
    case N_INDEX:
        dump_child(d, n->u.index.x, in);
        dump_child(d, n->u.index.index, in);
        break;
    case N_SLICE:
        dump_child(d, n->u.slice.x, in);
        dump_child(d, n->u.slice.lo, in);
        dump_child(d, n->u.slice.hi, in);
        if (n->u.slice.full)
            dump_child(d, n->u.slice.max, in);
        break;
    case N_TYPEASSERT:
        dump_child(d, n->u.assert.x, in);
        if (n->u.assert.type)
            dump_child(d, n->u.assert.type, in);
        break;
    case N_CALL:
        dump_child(d, n->u.call.fun, in);
        dump_list(d, n->u.call.args, in);
        break;
    case N_BINARY:
        dump_child(d, n->u.binary.x, in);
        dump_child(d, n->u.binary.y, in);
        break;
    case N_ARRAYTYPE:
        dump_child(d, n->u.arraytype.len, in);
        dump_child(d, n->u.arraytype.elem, in);
        break;
    case N_STRUCTTYPE:
    case N_INTERFACETYPE:
        dump_list(d, n->u.fields.list, in);
        break;
    case N_FUNCTYPE:
        dump_group(d, "params", n->u.functype.params, in);
        dump_group(d, "results", n->u.functype.results, in);
        break;
    case N_MAPTYPE:
        dump_child(d, n->u.maptype.key, in);
        dump_child(d, n->u.maptype.value, in);
        break;
    case N_CHANTYPE:
        dump_child(d, n->u.chantype.elem, in);
        break;
    case N_FIELD:
        dump_list(d, n->u.field.names, in);
        dump_child(d, n->u.field.type, in);
        if (n->u.field.tag)
            dump_child(d, n->u.field.tag, in);
        break;
    case N_DECLSTMT:
        dump_child(d, n->u.declstmt.decl, in);
        break;
    case N_LABELED:
        dump_child(d, n->u.labeled.label, in);
        dump_child(d, n->u.labeled.stmt, in);
        break;
    case N_SENDSTMT:
        dump_child(d, n->u.send.chan, in);
        dump_child(d, n->u.send.value, in);
        break;
    case N_INCDEC:
        dump_child(d, n->u.incdec.x, in);
        break;
    case N_ASSIGN:
        dump_group(d, "lhs", n->u.assign.lhs, in);
        dump_group(d, "rhs", n->u.assign.rhs, in);
        break;
    case N_RETURN:
        dump_list(d, n->u.ret.results, in);
        break;
    case N_BLOCK:
        dump_list(d, n->u.block.stmts, in);
        break;
    case N_IF:
        dump_child(d, n->u.ifs.init, in);
        dump_child(d, n->u.ifs.cond, in);
        dump_child(d, n->u.ifs.then, in);
        dump_child(d, n->u.ifs.els, in);
        break;
    case N_CASECLAUSE:
        dump_group(d, "list", n->u.clause.list, in);
        dump_list(d, n->u.clause.body, in);
        break;
    case N_COMMCLAUSE:
        dump_child(d, n->u.clause.comm, in);
        dump_list(d, n->u.clause.body, in);
        break;
    case N_SWITCH:
        dump_child(d, n->u.sw.init, in);
        dump_child(d, n->u.sw.tag, in);
        dump_list(d, n->u.sw.clauses, in);
        break;
    case N_TYPESWITCH:
        dump_child(d, n->u.sw.init, in);
        dump_child(d, n->u.sw.bind, in);
        dump_child(d, n->u.sw.tag, in);
        dump_list(d, n->u.sw.clauses, in);
        break;
    case N_SELECT:
        dump_list(d, n->u.sw.clauses, in);
        break;
    case N_FOR:
        dump_child(d, n->u.fors.init, in);
        dump_child(d, n->u.fors.cond, in);
        dump_child(d, n->u.fors.post, in);
        dump_child(d, n->u.fors.body, in);
        break;
    case N_RANGE:
        dump_child(d, n->u.range.key, in);
        dump_child(d, n->u.range.value, in);
        if (n->u.range.extra)
            dump_child(d, n->u.range.extra, in);
        dump_child(d, n->u.range.x, in);
        dump_child(d, n->u.range.body, in);
        break;
    case N_IMPORTSPEC:
        dump_child(d, n->u.import.name, in);
        dump_child(d, n->u.import.path, in);
        break;
    case N_VALUESPEC:
        dump_group(d, "names", n->u.valspec.names, in);
        dump_child(d, n->u.valspec.type, in);
        dump_group(d, "values", n->u.valspec.values, in);
        break;
    case N_TYPESPEC:
        dump_child(d, n->u.typespec.name, in);
        dump_child(d, n->u.typespec.type, in);
        break;
    case N_GENDECL:
        dump_list(d, n->u.gendecl.specs, in);
        break;
    case N_FUNCDECL:
        dump_child(d, n->u.funcdecl.recv, in);
        dump_child(d, n->u.funcdecl.name, in);
        dump_child(d, n->u.funcdecl.type, in);
        dump_child(d, n->u.funcdecl.body, in);
        break;
    default:   // leaves: N_BAD, N_IDENT, N_BASICLIT, N_EMPTYSTMT
        break;
    }
    fputc(')', d->out);
}

void ast_print_node(void *out, const Node *n, int indent) {
    Dump d = {out};
    fprintf(d.out, "%*s", indent, "");
    dump_node(&d, n, indent);
    fputc('\n', d.out);
}

void ast_print_file(void *out, const File *f) {
    Dump d = {out};
    fputs("(file ", d.out);
    if (f->pkg_name)
        fprintf(d.out, "%s ", f->pkg_name->u.ident.name->s);
    dump_pos(&d, f->package_pos);
    dump_list(&d, f->decls, 2);
    fputs(")\n", d.out);
}

// ---------------------------------------------------------------------------
// Go syntax, as gc's syntax.String prints it

typedef struct Buf {
    char *s;
    size_t len, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p)
            abort();
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

static void buf_str(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }

static void syntax_node(Buf *b, const Node *n);

static void syntax_list(Buf *b, NodeList l) {
    for (int i = 0; i < l.len; i++) {
        if (i)
            buf_str(b, ", ");
        syntax_node(b, l.items[i]);
    }
}

static void syntax_params(Buf *b, NodeList fields) {
    buf_str(b, "(");
    for (int i = 0; i < fields.len; i++) {
        const Node *f = fields.items[i];
        if (i)
            buf_str(b, ", ");
        if (f->u.field.names.len) {
            syntax_list(b, f->u.field.names);
            buf_str(b, " ");
        }
        syntax_node(b, unparen(f->u.field.type));
    }
    buf_str(b, ")");
}

static void syntax_signature(Buf *b, const Node *t) {
    syntax_params(b, t->u.functype.params);
    NodeList res = t->u.functype.results;
    if (res.len == 0)
        return;
    buf_str(b, " ");
    if (res.len == 1 && res.items[0]->u.field.names.len == 0)
        syntax_node(b, res.items[0]->u.field.type);
    else
        syntax_params(b, res);
}

// The fields of a struct or the elements of an interface, "; "-separated.
static void syntax_fields(Buf *b, const Node *t) {
    NodeList l = t->u.fields.list;
    for (int i = 0; i < l.len; i++) {
        const Node *f = l.items[i];
        if (i)
            buf_str(b, "; ");
        if (t->kind == N_INTERFACETYPE && f->u.field.names.len && f->u.field.type->kind == N_FUNCTYPE) {
            syntax_node(b, f->u.field.names.items[0]);
            syntax_signature(b, f->u.field.type);
            continue;
        }
        if (f->u.field.names.len) {
            syntax_list(b, f->u.field.names);
            buf_str(b, " ");
        }
        syntax_node(b, f->u.field.type);
        if (f->u.field.tag) {
            buf_str(b, " ");
            syntax_node(b, f->u.field.tag);
        }
    }
}

static void syntax_node(Buf *b, const Node *n) {
    if (!n)
        return;
    switch (n->kind) {
    case N_BAD:
        buf_str(b, "<bad expr>");
        break;
    case N_IDENT:
        buf_str(b, n->u.ident.name->s);
        break;
    case N_BASICLIT:
        buf_add(b, n->u.lit.text, n->u.lit.len);
        break;
    case N_COMPOSITE:
        syntax_node(b, n->u.complit.type);
        buf_str(b, n->u.complit.elts.len ? "{…}" : "{}");
        break;
    case N_KEYVALUE:
        syntax_node(b, n->u.kv.key);
        buf_str(b, ": ");
        syntax_node(b, n->u.kv.value);
        break;
    case N_FUNCLIT:
        syntax_node(b, n->u.funclit.type);
        buf_str(b, n->u.funclit.body && n->u.funclit.body->u.block.stmts.len ? " {…}" : " {}");
        break;
    case N_PAREN:
        buf_str(b, "(");
        syntax_node(b, n->u.unary.x);
        buf_str(b, ")");
        break;
    case N_SELECTOR:
        syntax_node(b, n->u.sel.x);
        buf_str(b, ".");
        buf_str(b, n->u.sel.name->s);
        break;
    case N_INDEX:
        syntax_node(b, n->u.index.x);
        buf_str(b, "[");
        syntax_node(b, n->u.index.index);
        buf_str(b, "]");
        break;
    case N_SLICE:
        syntax_node(b, n->u.slice.x);
        buf_str(b, "[");
        syntax_node(b, n->u.slice.lo);
        buf_str(b, ":");
        syntax_node(b, n->u.slice.hi);
        if (n->u.slice.max) {
            buf_str(b, ":");
            syntax_node(b, n->u.slice.max);
        }
        buf_str(b, "]");
        break;
    case N_TYPEASSERT:
        syntax_node(b, n->u.assert.x);
        buf_str(b, ".(");
        if (n->u.assert.type)
            syntax_node(b, n->u.assert.type);
        else
            buf_str(b, "type");
        buf_str(b, ")");
        break;
    case N_CALL:
        syntax_node(b, n->u.call.fun);
        buf_str(b, "(");
        syntax_list(b, n->u.call.args);
        if (n->u.call.has_dots)
            buf_str(b, "...");
        buf_str(b, ")");
        break;
    case N_STAR:
        buf_str(b, "*");
        syntax_node(b, n->u.unary.x);
        break;
    case N_UNARY:
        buf_str(b, tok_string(n->u.unary.op));
        syntax_node(b, n->u.unary.x);
        break;
    case N_BINARY:
        syntax_node(b, n->u.binary.x);
        buf_str(b, " ");
        buf_str(b, tok_string(n->u.binary.op));
        buf_str(b, " ");
        syntax_node(b, n->u.binary.y);
        break;
    case N_ARRAYTYPE:
        buf_str(b, "[");
        if (n->u.arraytype.len && n->u.arraytype.len->kind == N_ELLIPSIS && !n->u.arraytype.len->u.unary.x)
            buf_str(b, "...");
        else
            syntax_node(b, n->u.arraytype.len);
        buf_str(b, "]");
        syntax_node(b, n->u.arraytype.elem);
        break;
    case N_ELLIPSIS:
        buf_str(b, "...");
        syntax_node(b, n->u.unary.x);
        break;
    case N_STRUCTTYPE:
        buf_str(b, "struct{");
        syntax_fields(b, n);
        buf_str(b, "}");
        break;
    case N_INTERFACETYPE:
        buf_str(b, "interface{");
        syntax_fields(b, n);
        buf_str(b, "}");
        break;
    case N_FUNCTYPE:
        buf_str(b, "func");
        syntax_signature(b, n);
        break;
    case N_MAPTYPE:
        buf_str(b, "map[");
        syntax_node(b, n->u.maptype.key);
        buf_str(b, "]");
        syntax_node(b, n->u.maptype.value);
        break;
    case N_CHANTYPE: {
        const Node *e = n->u.chantype.elem;
        buf_str(b, chan_dir_name(n->u.chantype.dir));
        buf_str(b, " ");
        bool wrap = n->u.chantype.dir == CHAN_BOTH && e && e->kind == N_CHANTYPE && e->u.chantype.dir == CHAN_RECV;
        if (wrap)
            buf_str(b, "(");
        syntax_node(b, e);
        if (wrap)
            buf_str(b, ")");
        break;
    }
    case N_EXPRSTMT:
        syntax_node(b, n->u.unary.x);
        break;
    case N_SENDSTMT:
        syntax_node(b, n->u.send.chan);
        buf_str(b, " <- ");
        syntax_node(b, n->u.send.value);
        break;
    case N_INCDEC:
        syntax_node(b, n->u.incdec.x);
        buf_str(b, tok_string(n->u.incdec.op));
        break;
    case N_ASSIGN:
        syntax_list(b, n->u.assign.lhs);
        buf_str(b, " ");
        buf_str(b, tok_string(n->u.assign.op));
        buf_str(b, " ");
        syntax_list(b, n->u.assign.rhs);
        break;
    case N_RANGE:
        if (n->u.range.key) {
            syntax_node(b, n->u.range.key);
            if (n->u.range.value) {
                buf_str(b, ", ");
                syntax_node(b, n->u.range.value);
            }
            buf_str(b, n->u.range.define ? " := " : " = ");
        }
        buf_str(b, "range ");
        syntax_node(b, n->u.range.x);
        break;
    case N_GO:
    case N_DEFER:
        buf_str(b, n->kind == N_GO ? "go " : "defer ");
        syntax_node(b, n->u.unary.x);
        break;
    case N_RETURN:
        buf_str(b, "return");
        if (n->u.ret.results.len) {
            buf_str(b, " ");
            syntax_list(b, n->u.ret.results);
        }
        break;
    case N_BRANCH:
        buf_str(b, tok_string(n->u.branch.tok));
        if (n->u.branch.label) {
            buf_str(b, " ");
            syntax_node(b, n->u.branch.label);
        }
        break;
    case N_BLOCK:
        buf_str(b, n->u.block.stmts.len ? "{…}" : "{}");
        break;
    default:
        buf_str(b, node_kind_name(n->kind));
        break;
    }
}

const char *node_string(Compiler *cc, const Node *n) {
    Buf b = {NULL, 0, 0};
    buf_str(&b, "");
    syntax_node(&b, n);
    char *s = arena_strndup(&cc->arena, b.s, b.len);
    free(b.s);
    return s;
}
