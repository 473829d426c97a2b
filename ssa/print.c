// print.c - the text dump of a Func, in the format of gc's GOSSAFUNC dumps
// (cmd/compile/internal/ssa/print.go), so the two can be laid side by side:
//
//   main func()
//     b1:
//       (?) v1 = InitMem <mem>
//       (7) v4 = LocalAddr <*int> {x} v2 v1
//       (8) v6 = StaticLECall <int,mem> {f} v5 v1
//       (8) v7 = SelectN <int> [0] v6 (y[int])
//       If v9 -> b2 b3
//     b2: <- b1
//     ...
//   name y[int]: [v7]
//
// A value shows its source line ((?) when it has none), id, op, type
// (tuples unbracketed, as gc prints them), [auxint], {aux}, args, and,
// where it is the value of a source variable, gc's name for the variable's
// slot, name[type]; the trailer lists every such name with its values in
// the order the names first appear. gc's "+" statement marks on positions
// are not shown: minigc does not track statement boundaries.
#include "ssa/ssa.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Types are printed at most as long as the buffer they go to (type_string_max):
// a picture's line buffer is short, and the types of deep pointer chains long.

static int type_text(const Value *v, char *buf, size_t size) {
    if (v->op == OpInlMark)
        return snprintf(buf, size, "<void>");
    if (v->is_mem && (!v->type || v->type->kind != TY_TUPLE))
        return snprintf(buf, size, "<mem>");
    if (!v->type)
        return snprintf(buf, size, "<>");
    Compiler *cc = v->block->func->cc;
    if (v->type->kind == TY_TUPLE) {
        int n = snprintf(buf, size, "<");
        for (int i = 0; i < v->type->u.tuple.n; i++) {
            Type *t = v->type->u.tuple.types[i];
            n += snprintf(buf + (n < (int)size ? n : (int)size), size > (size_t)n ? size - (size_t)n : 0, "%s%s",
                          i ? "," : "", t ? type_string_max(cc, t, size) : "mem");
        }
        n += snprintf(buf + (n < (int)size ? n : (int)size), size > (size_t)n ? size - (size_t)n : 0, "%s>",
                      !v->is_mem ? "" : v->type->u.tuple.n ? ",mem" : "mem");
        return n;
    }
    return snprintf(buf, size, "<%s>", type_string_max(cc, v->type, size));
}

static int aux_text(const Value *v, char *buf, size_t size) {
    const Aux *a = &v->aux;
    Compiler *cc = v->block->func->cc;
    switch (a->kind) {
    case AUX_NONE: return 0;
    case AUX_VAR: return snprintf(buf, size, " {%s}", a->u.var ? a->u.var->name->s : "?");
    case AUX_FUNC: return snprintf(buf, size, " {%s}", a->u.fn && a->u.fn->gc_name ? a->u.fn->gc_name : "?");
    case AUX_TYPE: return snprintf(buf, size, " {%s}", a->u.type ? type_string_max(cc, a->u.type, size) : "?");
    case AUX_STRING: {
        // Quoted, as gc prints string constants, escaping what would break a line.
        int n = snprintf(buf, size, " {\"");
        for (size_t i = 0; i < a->u.str.len && (size_t)n + 8 < size; i++) {
            unsigned char c = (unsigned char)a->u.str.s[i];
            if (c == '"' || c == '\\')
                n += snprintf(buf + n, size - (size_t)n, "\\%c", c);
            else if (c < 0x20 || c == 0x7f)
                n += snprintf(buf + n, size - (size_t)n, "\\x%02x", c);
            else
                buf[n++] = (char)c;
        }
        if ((size_t)n + 3 <= size)
            n += snprintf(buf + n, size - (size_t)n, "\"}");
        return n;
    }
    case AUX_FLOAT: return snprintf(buf, size, " {%g}", a->u.f);
    case AUX_COMPLEX: return snprintf(buf, size, " {(%g+%gi)}", a->u.c.re, a->u.c.im);
    case AUX_METHOD: return snprintf(buf, size, " {%s}", a->u.method ? a->u.method->name->s : "?");
    case AUX_FIELD: return snprintf(buf, size, " {%s}", a->u.field ? a->u.field->name->s : "?");
    }
    return 0;
}

static bool shows_auxint(const Value *v) {
    unsigned fl = op_info[v->op].flags;
    if ((fl & OPF_CONST) && v->aux.kind == AUX_NONE)
        return v->op != OpConstNil && v->op != OpConstInterface && v->op != OpConstSlice;
    switch (v->op) {
    case OpArg: case OpOffPtr: case OpStructSelect: case OpArraySelect: case OpSelectN:
    case OpClosureVar: case OpComplexOp: case OpInlMark:
        return true;
    default:
        return v->auxint != 0;
    }
}

// The slot name gc gives the variable v is the value of: "x" when v has
// the variable's type, "&x" for the pointer to a variable moved to heap;
// NULL for the addresses, definitions and stores that mention a variable
// without being its value.
static const char *slot_prefix(const Value *v) {
    if (!v->var || v->is_mem || !v->type || !v->var->type || v->op == OpLocalAddr || v->op == OpAddr)
        return NULL;
    if (type_identical(v->type, v->var->type))
        return "";
    Type *u = type_underlying(v->type);
    if (u && u->kind == TY_POINTER && type_identical(u->u.ptr.elem, v->var->type))
        return "&";
    return NULL;
}

static int slot_text(char *buf, size_t size, const Value *v) {
    const char *pfx = slot_prefix(v);
    if (!pfx)
        return 0;
    return snprintf(buf, size, "%s%s[%s]", pfx, v->var->name->s, type_string_max(v->block->func->cc, v->type, size));
}

#define ROOM(n) ((n) < (int)size ? buf + (n) : buf + size - 1), ((n) < (int)size ? size - (size_t)(n) : 1)

int value_long_format(char *buf, size_t size, const Value *v) {
    int n = snprintf(buf, size, "v%u = %s ", v->id, op_name(v->op));
    n += type_text(v, ROOM(n));
    if (shows_auxint(v)) {
        if (v->op == OpConstBool)
            n += snprintf(ROOM(n), " [%s]", v->auxint ? "true" : "false");
        else if ((v->op == OpDeferCall || v->op == OpGoCall) && v->auxint > 0 && v->auxint < OP_COUNT)
            n += snprintf(ROOM(n), " [%s]", op_name((Op)v->auxint));  // the call it defers
        else
            n += snprintf(ROOM(n), " [%lld]", (long long)v->auxint);
    }
    n += aux_text(v, ROOM(n));
    for (int i = 0; i < v->nargs; i++)
        n += snprintf(ROOM(n), " v%u", v->args[i]->id);
    if (slot_prefix(v)) {
        n += snprintf(ROOM(n), " (");
        n += slot_text(ROOM(n), v);
        n += snprintf(ROOM(n), ")");
    }
    return n;
}

int value_pos_format(char *buf, size_t size, const Value *v) {
    if (v->inl && pos_known(v->src))
        return snprintf(buf, size, "(%u)", v->src.line);
    if (pos_known(v->pos))
        return snprintf(buf, size, "(%u)", v->pos.line);
    return snprintf(buf, size, "(?)");
}

int value_format(char *buf, size_t size, const Value *v) {
    int n = value_pos_format(buf, size, v);
    n += snprintf(ROOM(n), " ");
    n += value_long_format(ROOM(n), v);
    return n;
}

int block_header_format(char *buf, size_t size, const Block *b) {
    int n = snprintf(buf, size, "b%u:", b->id);
    if (b->npreds)
        n += snprintf(ROOM(n), " <-");
    for (int j = 0; j < b->npreds; j++)
        n += snprintf(ROOM(n), " b%u", b->preds[j].b->id);
    return n;
}

int block_end_format(char *buf, size_t size, const Block *b) {
    int n = snprintf(buf, size, "%s", block_kind_name(b->kind));
    if (b->control)
        n += snprintf(ROOM(n), " v%u", b->control->id);
    if (b->nsuccs)
        n += snprintf(ROOM(n), " ->");
    for (int j = 0; j < b->nsuccs; j++)
        n += snprintf(ROOM(n), " b%u", b->succs[j].b->id);
    return n;
}

void func_header_format(void *outp, const Func *f) {
    fprintf(outp, "%s %s\n", f->name, f->info && f->info->sig ? type_string(f->cc, f->info->sig) : "func()");
}

void func_names_each(const Func *f, void (*line)(void *ctx, const char *text), void *ctx) {
    // The distinct slots (variable, prefix) in dump order, then each with
    // its values: O(values x slots).
    typedef struct Slot { const Value *first; const char *pfx; } Slot;
    Slot *slots = NULL;
    int n = 0, cap = 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++) {
            const Value *v = f->blocks[i]->values[j];
            const char *pfx = slot_prefix(v);
            if (!pfx)
                continue;
            bool seen = false;
            for (int k = 0; k < n && !seen; k++)
                seen = slots[k].first->var == v->var && strcmp(slots[k].pfx, pfx) == 0;
            if (seen)
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                Slot *grown = realloc(slots, sizeof *slots * (size_t)cap);
                if (!grown)
                    abort();
                slots = grown;
            }
            slots[n++] = (Slot){v, pfx};
        }
    char buf[4096];
    size_t size = sizeof buf;
    for (int k = 0; k < n; k++) {
        int m = snprintf(buf, size, "name ");
        m += slot_text(ROOM(m), slots[k].first);
        m += snprintf(ROOM(m), ": [");
        int count = 0;
        for (int i = 0; i < f->nblocks; i++)
            for (int j = 0; j < f->blocks[i]->nvalues; j++) {
                const Value *w = f->blocks[i]->values[j];
                const char *q = slot_prefix(w);
                if (q && w->var == slots[k].first->var && strcmp(q, slots[k].pfx) == 0)
                    m += snprintf(ROOM(m), "%sv%u", count++ ? " " : "", w->id);
            }
        snprintf(ROOM(m), "]");
        line(ctx, buf);
    }
    free(slots);
    // The inlined calls, so that a line of inlined code can be placed: gc's
    // dumps show a line of the callee's own file.
    for (int k = 0; k < f->ninl; k++) {
        const InlSite *s = &f->inl[k];
        Arena *a = &f->cc->arena;
        int m = snprintf(buf, size, "inlined [%d] %s", k, s->callee && s->callee->gc_name ? s->callee->gc_name : "?");
        const FuncInfo *fi = s->callee;
        Pos from = fi && fi->decl ? fi->decl->pos : (Pos){0};
        if (pos_known(from))
            m += snprintf(ROOM(m), " from %s", pos_string(f->cc, a, from));
        m += snprintf(ROOM(m), " at %s", pos_string(f->cc, a, s->site));
        if (s->parent >= 0)
            snprintf(ROOM(m), " (in [%d], line %u)", s->parent, s->at.line);
        line(ctx, buf);
    }
}

static void print_line(void *out, const char *text) { fprintf(out, "%s\n", text); }

void func_print(void *outp, const Func *f) {
    FILE *out = outp;
    char buf[4096];
    func_header_format(out, f);
    for (int i = 0; i < f->nblocks; i++) {
        const Block *b = f->blocks[i];
        block_header_format(buf, sizeof buf, b);
        fprintf(out, "  %s\n", buf);
        for (int j = 0; j < b->nvalues; j++) {
            value_format(buf, sizeof buf, b->values[j]);
            fprintf(out, "    %s\n", buf);
        }
        block_end_format(buf, sizeof buf, b);
        fprintf(out, "    %s\n", buf);
    }
    func_names_each(f, print_line, out);
}
