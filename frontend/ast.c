// ast.c - node construction, names of node kinds and tokens, start positions.
//
// Nodes are zeroed arena objects; a NodeList is an arena array copied from the
// parser's scratch buffer once a list is complete, so lists never grow in
// place. A node's `pos` is the position gc's syntax package gives it, which for
// many constructs is not where the construct starts (a binary expression sits
// at its operator, a call at its '('); node_start_pos walks down to the
// leftmost token for the messages that types2 reports at a construct's start.
#include "frontend.h"

Node *node_new(Compiler *cc, NodeKind kind, Pos pos) {
    Node *n = ARENA_NEW(&cc->arena, Node);
    n->kind = kind;
    n->pos = pos;
    return n;
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
