// ast.c - node construction, names of node kinds and tokens, start positions.
//
// Nodes are zeroed arena objects, each as big as its kind needs (never
// copy one with `*m = *n`: use node_clone); a NodeList is an arena array copied from the
// parser's scratch buffer once a list is complete, so lists never grow in
// place. A node's `pos` is the position gc's syntax package gives it, which for
// many constructs is not where the construct starts (a binary expression sits
// at its operator, a call at its '('); node_start_pos walks down to the
// leftmost token for the messages that types2 reports at a construct's start.
#include "frontend.h"

#if defined(__SANITIZE_ADDRESS__)
#define NODE_POISON_TAIL 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NODE_POISON_TAIL 1
#endif
#endif
#ifdef NODE_POISON_TAIL
#include <sanitizer/asan_interface.h>
#endif

// A Node holds only the union member of its kind: a big file has a million
// nodes, half of them identifiers, which need 16 of the union's 64 bytes.
// A kind that a pass turns into another in place is as big as both
// (inline.c makes a return an assignment).
#define U(m) sizeof(((Node *)0)->u.m)
#define MAX2(a, b) ((a) > (b) ? (a) : (b))
static const uint8_t node_union_size[N_KIND_COUNT] = {
    [N_IDENT] = U(ident), [N_BASICLIT] = U(lit), [N_COMPOSITE] = U(complit),
    [N_KEYVALUE] = U(kv), [N_FUNCLIT] = U(funclit), [N_PAREN] = U(unary),
    [N_SELECTOR] = U(sel), [N_INDEX] = U(index), [N_SLICE] = U(slice),
    [N_TYPEASSERT] = U(assert), [N_CALL] = U(call), [N_STAR] = U(unary),
    [N_UNARY] = U(unary), [N_BINARY] = U(binary), [N_ARRAYTYPE] = U(arraytype),
    [N_STRUCTTYPE] = U(fields), [N_FUNCTYPE] = U(functype), [N_INTERFACETYPE] = U(fields),
    [N_MAPTYPE] = U(maptype), [N_CHANTYPE] = U(chantype), [N_ELLIPSIS] = U(unary),
    [N_FIELD] = U(field), [N_DECLSTMT] = U(declstmt), [N_LABELED] = U(labeled),
    [N_EXPRSTMT] = U(unary), [N_SENDSTMT] = U(send), [N_INCDEC] = U(incdec),
    [N_ASSIGN] = U(assign), [N_GO] = U(unary), [N_DEFER] = U(unary),
    [N_RETURN] = MAX2(U(ret), U(assign)), [N_BRANCH] = U(branch), [N_BLOCK] = U(block),
    [N_IF] = U(ifs), [N_CASECLAUSE] = U(clause), [N_SWITCH] = U(sw),
    [N_TYPESWITCH] = U(sw), [N_COMMCLAUSE] = U(clause), [N_SELECT] = U(sw),
    [N_FOR] = U(fors), [N_RANGE] = U(range), [N_IMPORTSPEC] = U(import),
    [N_VALUESPEC] = U(valspec), [N_TYPESPEC] = U(typespec), [N_GENDECL] = U(gendecl),
    [N_FUNCDECL] = U(funcdecl),
};
#undef U
#undef MAX2

size_t node_size(NodeKind kind) {
    size_t u = (unsigned)kind < N_KIND_COUNT ? node_union_size[kind] : sizeof(((Node *)0)->u);
    return (offsetof(Node, u) + u + 7) & ~(size_t)7;
}

// Under AddressSanitizer a node is allocated whole and the part its kind
// does not have is poisoned, so that reading another kind's member past the
// node's size (which the smaller allocation would hand to a neighbour) is
// reported.
static Node *node_alloc(Compiler *cc, NodeKind kind) {
#ifdef NODE_POISON_TAIL
    Node *n = ARENA_NEW(&cc->arena, Node);
    size_t size = node_size(kind);
    ASAN_POISON_MEMORY_REGION((char *)n + size, sizeof(Node) - size);
    return n;
#else
    return arena_alloc(&cc->arena, node_size(kind));
#endif
}

Node *node_new(Compiler *cc, NodeKind kind, Pos pos) {
    Node *n = node_alloc(cc, kind);
    n->kind = kind;
    n->pos = pos;
    return n;
}

Node *node_clone(Compiler *cc, const Node *n) {
    Node *m = node_alloc(cc, n->kind);
    memcpy(m, n, node_size(n->kind));
    return m;
}

const ConstVal node_no_val = {.kind = CONST_NONE};

void node_set_val(Compiler *cc, Node *n, ConstVal v) {
    if (v.kind == CONST_NONE) {
        n->cv = NULL;
        return;
    }
    ConstVal *c = ARENA_NEW(&cc->arena, ConstVal);
    *c = v;
    n->cv = c;
}

NodeList nodelist_from(Compiler *cc, Node **items, int len) {
    NodeList l = {NULL, 0};
    if (len <= 0)
        return l;
    l.items = ARENA_ARRAY(&cc->arena, Node *, len);
    memcpy(l.items, items, sizeof(Node *) * (size_t)len);
    l.len = len;
    return l;
}

static const char *const node_kind_names[N_KIND_COUNT] = {
    [N_BAD] = "bad",
    [N_IDENT] = "ident",
    [N_BASICLIT] = "lit",
    [N_COMPOSITE] = "composite",
    [N_KEYVALUE] = "keyvalue",
    [N_FUNCLIT] = "funclit",
    [N_PAREN] = "paren",
    [N_SELECTOR] = "selector",
    [N_INDEX] = "index",
    [N_SLICE] = "slice",
    [N_TYPEASSERT] = "typeassert",
    [N_CALL] = "call",
    [N_STAR] = "star",
    [N_UNARY] = "unary",
    [N_BINARY] = "binary",
    [N_ARRAYTYPE] = "arraytype",
    [N_STRUCTTYPE] = "structtype",
    [N_FUNCTYPE] = "functype",
    [N_INTERFACETYPE] = "interfacetype",
    [N_MAPTYPE] = "maptype",
    [N_CHANTYPE] = "chantype",
    [N_ELLIPSIS] = "ellipsis",
    [N_FIELD] = "field",
    [N_EMPTYSTMT] = "empty",
    [N_DECLSTMT] = "declstmt",
    [N_LABELED] = "labeled",
    [N_EXPRSTMT] = "exprstmt",
    [N_SENDSTMT] = "send",
    [N_INCDEC] = "incdec",
    [N_ASSIGN] = "assign",
    [N_GO] = "go",
    [N_DEFER] = "defer",
    [N_RETURN] = "return",
    [N_BRANCH] = "branch",
    [N_BLOCK] = "block",
    [N_IF] = "if",
    [N_CASECLAUSE] = "case",
    [N_SWITCH] = "switch",
    [N_TYPESWITCH] = "typeswitch",
    [N_COMMCLAUSE] = "comm",
    [N_SELECT] = "select",
    [N_FOR] = "for",
    [N_RANGE] = "range",
    [N_IMPORTSPEC] = "import",
    [N_VALUESPEC] = "valuespec",
    [N_TYPESPEC] = "typespec",
    [N_GENDECL] = "gendecl",
    [N_FUNCDECL] = "funcdecl",
};

const char *node_kind_name(NodeKind k) {
    if ((unsigned)k >= N_KIND_COUNT || !node_kind_names[k])
        return "?";
    return node_kind_names[k];
}

static const char *const token_strings[T_COUNT] = {
#define X(k, s) [k] = s,
    TOKEN_LIST(X)
#undef X
};

const char *tok_string(TokKind k) {
    if ((unsigned)k >= T_COUNT)
        return "?";
    return token_strings[k];
}

// The start position as types2 computes it (syntax.StartPos): it corrects
// only some kinds, so a key-value pair stays at its ':', a slice expression
// at its '[' and an expression statement at its expression's pos.
Pos node_start_pos(const Node *n) {
    while (n) {
        const Node *next = NULL;
        switch (n->kind) {
        case N_COMPOSITE:
            next = n->u.complit.type;
            break;
        case N_SELECTOR:
            next = n->u.sel.x;
            break;
        case N_INDEX:
            next = n->u.index.x;
            break;
        case N_TYPEASSERT:
            next = n->u.assert.x;
            break;
        case N_CALL:
            next = n->u.call.fun;
            break;
        case N_BINARY:
            next = n->u.binary.x;
            break;
        case N_SENDSTMT:
            next = n->u.send.chan;
            break;
        case N_INCDEC:
            next = n->u.incdec.x;
            break;
        case N_ASSIGN:
            next = n->u.assign.lhs.len ? n->u.assign.lhs.items[0] : NULL;
            break;
        default:
            break;
        }
        if (!next)
            return n->pos;
        n = next;
    }
    return (Pos){0, 0, 0};
}
