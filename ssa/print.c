// print.c - the text dump of a Func, in the format of gc's GOSSAFUNC dumps.
//
//   b1:
//       v1 (?) = InitMem <mem>
//       v4 (7) = LocalAddr <*int> {x} v2 v1
//       v6 (8) = Store <mem> {int} v4 v5 v1
//   Ret v6 (9)
//
// A value shows its id, source line (? when it has none), op, type,
// [auxint], {aux}, args, and, where it defines a source variable, the
// variable's name in parentheses as gc does (x[int] in gc; minigc: x).
#include "ssa/ssa.h"

#include <stdio.h>
#include <string.h>

static int type_text(const Value *v, char *buf, size_t size) {
    if (v->is_mem && (!v->type || v->type->kind != TY_TUPLE))
        return snprintf(buf, size, "<mem>");
    if (!v->type)
        return snprintf(buf, size, "<>");
    Compiler *cc = v->block->func->cc;
    if (v->type->kind == TY_TUPLE) {
        int n = snprintf(buf, size, "<(");
        for (int i = 0; i < v->type->u.tuple.n; i++) {
            Type *t = v->type->u.tuple.types[i];
            n += snprintf(buf + (n < (int)size ? n : (int)size), size > (size_t)n ? size - (size_t)n : 0, "%s%s",
                          i ? "," : "", t ? type_string(cc, t) : "mem");
        }
        n += snprintf(buf + (n < (int)size ? n : (int)size), size > (size_t)n ? size - (size_t)n : 0, "%s)>",
                      !v->is_mem ? "" : v->type->u.tuple.n ? ",mem" : "mem");
        return n;
    }
    return snprintf(buf, size, "<%s>", type_string(cc, v->type));
}

static int aux_text(const Value *v, char *buf, size_t size) {
    const Aux *a = &v->aux;
    Compiler *cc = v->block->func->cc;
    switch (a->kind) {
    case AUX_NONE: return 0;
    case AUX_VAR: return snprintf(buf, size, " {%s}", a->u.var ? a->u.var->name->s : "?");
    case AUX_FUNC: return snprintf(buf, size, " {%s}", a->u.fn && a->u.fn->gc_name ? a->u.fn->gc_name : "?");
    case AUX_TYPE: return snprintf(buf, size, " {%s}", a->u.type ? type_string(cc, a->u.type) : "?");
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
    case OpClosureVar: case OpComplexOp:
        return true;
    default:
        return v->auxint != 0;
    }
}

int value_format(char *buf, size_t size, const Value *v) {
    int n = 0;
    char line[16];
    if (pos_known(v->pos))
        snprintf(line, sizeof line, "%u", v->pos.line);
    else
        strcpy(line, "?");
    n += snprintf(buf, size, "v%u (%s) = %s ", v->id, line, op_name(v->op));
    n += n < (int)size ? type_text(v, buf + n, size - (size_t)n) : 0;
    if (shows_auxint(v) && n < (int)size) {
        if (v->op == OpConstBool)
            n += snprintf(buf + n, size - (size_t)n, " [%s]", v->auxint ? "true" : "false");
        else if ((v->op == OpDeferCall || v->op == OpGoCall) && v->auxint > 0 && v->auxint < OP_COUNT)
            n += snprintf(buf + n, size - (size_t)n, " [%s]", op_name((Op)v->auxint));  // the call it defers
        else
            n += snprintf(buf + n, size - (size_t)n, " [%lld]", (long long)v->auxint);
    }
    n += n < (int)size ? aux_text(v, buf + n, size - (size_t)n) : 0;
    for (int i = 0; i < v->nargs && n < (int)size; i++)
        n += snprintf(buf + n, size - (size_t)n, " v%u", v->args[i]->id);
    if (v->var && n < (int)size)
        n += snprintf(buf + n, size - (size_t)n, " (%s)", v->var->name->s);
    return n;
}

void func_print(void *outp, const Func *f) {
    FILE *out = outp;
    char buf[4096];
    fprintf(out, "%s %s\n", f->name, f->info && f->info->sig ? type_string(f->cc, f->info->sig) : "func()");
    for (int i = 0; i < f->nblocks; i++) {
        const Block *b = f->blocks[i];
        fprintf(out, "  b%u:", b->id);
        if (b->npreds) {
            fputs(" <-", out);
            for (int j = 0; j < b->npreds; j++)
                fprintf(out, " b%u", b->preds[j].b->id);
        }
        fputc('\n', out);
        for (int j = 0; j < b->nvalues; j++) {
            value_format(buf, sizeof buf, b->values[j]);
            fprintf(out, "    %s\n", buf);
        }
        fprintf(out, "  %s", block_kind_name(b->kind));
        if (b->control)
            fprintf(out, " v%u", b->control->id);
        if (b->nsuccs) {
            fputs(" ->", out);
            for (int j = 0; j < b->nsuccs; j++)
                fprintf(out, " b%u", b->succs[j].b->id);
        }
        if (pos_known(b->pos))
            fprintf(out, " (%u)", b->pos.line);
        fputc('\n', out);
    }
}
