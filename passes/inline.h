// inline.h - private to the inline pass (inline.c: the decisions and the
// messages; inline_cost.c: gc 1.19's cost model over the typed AST).
#ifndef MINIGC_INLINE_H
#define MINIGC_INLINE_H

#include "passes/passes.h"

// gc 1.19's inlining budget parameters (inline/inl.go).
enum {
    INL_MAX_BUDGET = 80,
    INL_EXTRA_CALL_COST = 57,
    INL_EXTRA_PANIC_COST = 1,
    INL_EXTRA_THROW_COST = INL_MAX_BUDGET,
    INL_BIG_FUNCTION_NODES = 5000,
    INL_BIG_FUNCTION_MAX_COST = 20,
    INL_CLOSURE_COST = 15,
    INL_INTR_CACHE = 8,
    INL_RESULT_NAMES = 8,
};

typedef struct Inliner Inliner;

// What the inliner knows of one function or func literal.
typedef struct InlFn {
    FuncInfo *fi;
    const char *name;       // as gc prints it: f, T.M, (*T).M, f.func1, pkg.f
    bool checked;           // CanInline ran (gc's InlinabilityChecked)
    bool can;               // it has an inlinable body
    int cost;
    int nodes;              // the nodes the cost walk counted (when it went to the end)
    int closgen;            // literals named inside it so far (gc's Closgen)
    FuncInfo *made;         // a literal's copy inside an inlined body: the function it is
                            // (fi is the literal in the source)
    bool listed;            // calls holds the calls InlineCalls considers, found by the
    Node **calls;           // walk of the call graph (inline.c: scan_body), in its order
    int ncalls;
    PtrVec lits;            // a top-level function's literals, at any depth
} InlFn;

InlFn *inl_fn(Inliner *in, FuncInfo *fi);
// gc's CanInline: decides once, prints "can inline" / "cannot inline" at -m.
void inl_can_inline(Inliner *in, InlFn *f);

// The cost walk (inline_cost.c). Returns the reason the function cannot be
// inlined, or NULL with *cost set.
const char *inl_cost(Inliner *in, InlFn *f, int *cost);
// gc's isBigFunc: the function has INL_BIG_FUNCTION_NODES IR nodes or more.
bool inl_is_big(Inliner *in, FuncInfo *fi);
// The function a call statically calls, as gc's inlCallee finds it (through
// StaticValue); NULL if none. A func literal is decided on the spot.
InlFn *inl_callee(Inliner *in, Node *call);
// Whether gc treats a call as an intrinsic (costs one node, never inlined).
bool inl_is_intrinsic(Inliner *in, Node *call);

struct Inliner {
    Program *prog;
    Compiler *cc;
    int m;                  // -m level
    int extra_call_cost;    // 57, or 1 under -l=4 as gc does
    int closures;           // -d=inlfuncswithclosures (default 1)
    InlFn **slots;          // FuncInfo* -> InlFn*, open hashing
    uint32_t cap, len;
    struct InlTable *table; // the calls inlined (inlined_call)
    struct Calls *walking;  // the InlineCalls under way, if any: a literal
                            // inside a body it inlines is that body's copy
    Arena *scratch;         // reset after each function's InlineCalls
    Name *result_names[INL_RESULT_NAMES];  // ~R0, ~R1, ... once made
    // Packages -> their intrinsics (inl_is_intrinsic), the last few asked.
    const Package *intr_pkgs[INL_INTR_CACHE];
    const char *const *intr_names[INL_INTR_CACHE];
    int nintr;
    unsigned intr_next;
};

#endif
