// escape.h - private to the escape pass (escape.c: the pass and its
// batches; escape_graph.c: locations, holes, flows; escape_expr.c,
// escape_call.c, escape_stmt.c: the walk of the code; escape_solve.c: the
// walk of the graph; escape_ssa.c: the verdicts into the SSA), and to the
// escape graph's picture (dot/escape_graph.c).
//
// The pass is gc 1.19's escape analysis. Its data is gc's location graph:
//
//   EscLoc   a place values are stored in: a variable (every SSA definition
//            of it included), an allocation site (new, &T{}, make, a slice
//            or map literal, a func literal, a method value, a boxing
//            conversion, a string conversion or concatenation), a param, a
//            result, a compiler temporary, the heap, or the blank sink;
//   EscEdge  "src flows into this location", with a deref count: -1 for an
//            address (&x), 0 for a copy, +1 per load through a pointer;
//   EscHole  the context an expression is evaluated in: the location its
//            value goes to and the derefs applied on the way (gc's hole);
//   EscNote  why a flow exists, as -m=2 explains it ("from &x (address-of)
//            at f.go:3:9"); kept only at -m=2.
//
// The flows come from a walk of each function's typed AST (the one its SSA
// was built from), because gc's rules and its -m=2 explanations are about
// syntax: which expression is an allocation, what `x.f = y` assigns, the
// implicit operations gc's type checker adds, the text of each step. The
// SSA supplies the rest: the positions gc reports conversions at (where the
// builder placed them), the allocating value of each site (Value.node), and
// the call graph's static calls after devirtualize. The verdicts then go
// back into the SSA (escape_ssa.c) and into the picture.
#ifndef MINIGC_ESCAPE_H
#define MINIGC_ESCAPE_H

#include "passes/passes.h"

// gc's numEscResults: leaks to results beyond the 7th count as heap leaks.
enum { ESC_RESULTS = 7 };

// A parameter's leak set (gc's leaks): for the heap and each of the first
// ESC_RESULTS results, the least derefs of any flow there, plus one (0: no
// flow). This is the parameter tag callers use.
typedef struct EscLeaks {
    uint8_t v[1 + ESC_RESULTS];
} EscLeaks;

int leaks_heap(const EscLeaks *l);              // -1: no flow to the heap
int leaks_result(const EscLeaks *l, int i);     // -1: no flow to result i
void leaks_add_heap(EscLeaks *l, int derefs);
void leaks_add_result(EscLeaks *l, int i, int derefs);
bool leaks_empty(const EscLeaks *l);
// Drops result flows no shorter than the shortest heap flow.
void leaks_optimize(EscLeaks *l);
// The tag as gc writes it into export data, for tests and pictures:
// "" (leaks to heap), or "esc:" and the bytes in hex, e.g. "esc:0x1,0x1".
const char *leaks_string(Arena *a, const EscLeaks *l);

typedef struct EscNote EscNote;
struct EscNote {
    EscNote *next;
    const Node *where;      // printed with expr_string/stmt_string ...
    const char *text;       // ... unless the note has its own text
    const char **late_text; // ... or one known only later (a call whose
                            // arguments go/defer moves into temporaries)
    Pos pos;
    const char *why;
};

typedef struct EscLoc EscLoc;
typedef struct EscFn EscFn;

typedef struct EscEdge {
    EscLoc *src;
    int derefs;             // >= -1
    EscNote *notes;
    const char *why;        // the statement-level reason ("assign", "return",
                            // "call parameter", ...), kept for the picture
    const char *tag;        // a flow through a callee's parameter tag: the tag
                            // as the picture shows it ("p of f: leaks to heap")
    Obj *tag_param;         // ... and that parameter
} EscEdge;

// One step of the path the walk took when it decided a verdict: the
// location it went to and the index of the edge there it came along.
typedef struct EscStep {
    EscLoc *dst;
    int edge;
} EscStep;

typedef enum EscLocKind {
    LOC_VAR,        // a variable, param, result or named temporary
    LOC_ALLOC,      // an allocation site
    LOC_TEMP,       // an unnamed temporary (gc's {temp})
    LOC_HEAP,
    LOC_BLANK,
} EscLocKind;

// What an allocation site allocates, for gc's size rules and the SSA.
typedef enum EscAllocKind {
    AK_NONE,
    AK_NEW,         // new(T)
    AK_PTRLIT,      // &T{...}
    AK_SLICELIT,    // []T{...}, and the implicit ... argument
    AK_MAPLIT,
    AK_MAKESLICE,
    AK_MAKEMAP,
    AK_CLOSURE,
    AK_METHVALUE,
    AK_CONVIFACE,
    AK_STRCONV,     // string <-> []byte / []rune, string(rune)
    AK_ADDSTR,      // s + t
} EscAllocKind;

struct EscLoc {
    EscLocKind kind;
    EscAllocKind alloc;
    const Node *n;          // allocation: the expression; variable: its ident, if any
    const char *text;       // allocation: gc's text when not expr_string(n)
    Obj *var;               // variable
    const char *name;       // variable: its name as gc prints it (".autotmp_3", "~r0")
    Pos pos;                // where gc reports about it
    EscFn *fn;              // the function it belongs to
    Type *type;             // allocation: the expression's type; variable: its type
    uint32_t id;            // creation order in its batch (for the picture)

    EscEdge *edges;         // incoming flows
    int nedges, capedges;
    int loop_depth;
    int result_index;       // results: 1 + their index; 0 otherwise
    bool is_param;          // a parameter or receiver (gc's PPARAM)

    // walk state
    int derefs;
    uint32_t walkgen;
    EscLoc *dst;            // the next location towards the walk's root
    int dst_edge;
    bool queued;

    bool escapes;           // must live on the heap
    bool transient;         // its address does not outlive the statement
    bool captured, reassigned, addrtaken;
    bool go_defer_wrapper;  // the closure gc wraps a go/defer call in: never reported
    EscLeaks leaks;         // params: where they flow

    Value *ssa;             // the SSA value allocating it, if found

    // Kept for the pictures (prog->pictures): why it lives on the heap or
    // where, as a param, it leaks to the heap - the walk's path from here
    // to the root that decided it (why_root: the heap, or a location that
    // outlives this one) - and the verdict's -m=2 text.
    EscStep *why_path;
    int nwhy_path;
    EscLoc *why_root;
    const char *explain;
    int64_t heap_bytes;     // "too large for stack": its size
};

// A hole: where an expression's value flows, with derefs applied on the way.
typedef struct EscHole {
    EscLoc *dst;
    int derefs;             // >= -1
    EscNote *notes;
    const char *why;        // the first (outermost) note's reason, at any -m
    const char *tag;        // through a callee's parameter tag (EscEdge.tag)
    Obj *tag_param;
    bool addrtaken;         // the last step took an address
} EscHole;

// The analysis state of one function (or func literal).
typedef enum { FN_UNKNOWN, FN_PLANNED, FN_STARTED, FN_TAGGED } EscFnState;

struct EscFn {
    FuncInfo *info;
    Func *ssa;              // its SSA, if built
    EscFn *outer;           // for literals: the enclosing function
    const InlinedCall *inlined;     // the calls inlined into it (inlined_calls_of)
    EscFnState state;
    bool closure_called;    // a literal called right where it is written
    bool is_std;            // a standard-library model: never reported on
    bool is_wrapper;        // a method wrapper gc makes (escape_wrappers.c)
    bool has_body;
    bool visited;           // in the walk (literals in dead code never are)
    PtrVec rw_locs;         // escape_ssa.c: its locations that may change its SSA ...
    uint32_t rw_seq;        // ... listed by the pass's rw_seq'th index_decisions
    // gc names a temporary .autotmp_N, N the length of the function's
    // declaration list when it is made: params and results, then the
    // locals and the type checker's temporaries in source order, then the
    // escape analysis's own.
    int nfixed;             // receiver, params, results
    int nlocals;            // named locals
    int ntc_temps;          // the type checker's temporaries (multi-value calls) ...
    bool tc_counted;        // ... once counted (esc_temp_var)
    int tc_made, esc_made;
    int ntags;              // receiver (if any) + params
    EscLeaks *tags;         // their tags, once analysed
    EscLoc **results;
    int nresults;
    EscLoc *closure_loc;    // literals: their allocation site
    uint32_t scc_id, scc_low;   // call-graph walk
    EscFn **lits;           // ... which also finds its literals (nested ones, inlined ones)
    int nlits;
    bool lits_known;
    bool scc_on_stack;
    int solve_depth;        // escape_solve.c: its locations' deepest loop ...
    bool solve_encloses;    // ... and whether a literal of the batch is inside it
    // escape_wrappers.c: the itabs its SSA needs, as (concrete, interface)
    // type pairs in the order of its values, noted when its batch is done
    // (its SSA may be gone by the time the wrappers are made).
    PtrVec itabs;
};

// A hash map from pointers to pointers (FuncInfo -> EscFn, Obj -> EscLoc),
// open addressing with each key beside its value (one cache line per
// probe). escmap_clear empties a map for reuse (one map serves every
// batch without growing with the whole program): it zeroes the slots in
// use, and shrinks the map to as many as its last contents needed, so that
// one big batch does not spread every later small one over megabytes of
// slots (a cache miss per lookup); the slots it had stay its own.
typedef struct EscSlot {
    const void *key;
    void *val;
} EscSlot;
typedef struct EscMap {
    EscSlot *slots;
    uint32_t cap, len;
    uint32_t room;          // the slots allocated (cap of them in use)
    bool clearable;         // only clearable maps are emptied
} EscMap;
void *escmap_get(const EscMap *m, const void *key);
void escmap_put(Arena *a, EscMap *m, const void *key, void *val);
void escmap_init_clearable(EscMap *m);
void escmap_clear(EscMap *m);

// A func literal whose captured variables flow into its allocation once
// the whole batch has been walked (gc: batch.closures).
typedef struct EscClosure {
    EscHole k;
    EscFn *fn;
    const Node *lit;        // the N_FUNCLIT, or NULL for a go/defer wrapper
    PtrVec captured;        // EscLoc* of captured variables, wrapper temps too
    PtrVec captured_pos;    // Pos* where each is captured (first use)
} EscClosure;

typedef struct EscPass EscPass;

// The functions analysed together: one strongly connected component of the
// call graph, with its literals (gc's batch).
typedef struct EscBatch {
    EscPass *pass;
    PtrVec locs;            // every location made, in order (gc's allLocs)
    PtrVec closures;        // EscClosure*
    PtrVec fns;             // EscFn*: the component's functions and literals
    PtrVec rw_fns;          // escape_ssa.c: those whose SSA may change ...
    bool rw_indexed;        // ... once listed
    EscLoc heap, blank;
} EscBatch;

// The whole pass.
struct EscPass {
    Compiler *cc;
    Program *prog;
    Arena *arena;
    // What a batch throws away once its tags, messages and SSA rewrite are
    // done: its locations, flows and the holes of its statements. Unless
    // pictures or -m=2 keep the graph, that is `scratch`, reset after each
    // batch, so the pass's memory is its largest batch's, not the program's.
    Arena *batch_arena;
    Arena scratch;
    int m;                  // -m level
    bool explain;           // keep the notes -m=2 explains with (at -m=2, or for pictures)
    int64_t max_stack_var;      // gc's MaxStackVarSize (-smallframes lowers it)
    int64_t max_implicit_var;   // gc's MaxImplicitStackVarSize
    EscMap fns;             // FuncInfo* -> EscFn*
    PtrVec order;           // EscFn*: the program's functions, as the call graph is walked from them
    EscMap locs;            // Obj* -> EscLoc* (variables of the current batch; cleared per batch)
    EscMap ptr_types;       // Type* -> *Type, made once for the SSA rewrite
    EscMap rw_moved, rw_stack, rw_sel0, rw_sel1, rw_params;  // escape_ssa.c's, cleared per function
    EscMap ssa_allocs;      // Node* -> Value*: allocation values by their node
    EscMap ssa_convs;       // Node* -> Value*: conversions to interfaces (ConvIface, IMake, Convert)
    EscMap call_texts;      // call Node* -> its text once rewritten (esc_call_text)
    const char *(*prev_call_text)(void *ctx, const Node *call);     // the hook before escape's
    void *prev_call_text_ctx;
    PtrVec batches;         // EscBatch*, for the pictures
    PtrVec boxed_ptrs;      // escape_wrappers.c: pointer types the SSA converts to interfaces
    uint32_t walkgen;
    uint32_t rw_seq;        // escape_ssa.c: batches indexed for the rewrite
};

// The walker of one function (gc's escape).
typedef struct EscWalk {
    EscBatch *b;
    EscPass *p;
    EscFn *fn;
    int loop_depth;
    Pos stmt_pos;           // the statement being walked
} EscWalk;

// escape_wrappers.c: notes what fn's SSA needs of the wrappers gc makes
// (itabs, type descriptors), once its batch is done.
void esc_note_itabs(EscPass *p, EscFn *fn);

// escape_graph.c: locations, holes, flows
EscHole esc_hole(EscLoc *l);
EscHole esc_heap_hole(EscBatch *b);
EscHole esc_discard_hole(EscBatch *b);
EscHole esc_shift(EscHole k, int delta);
EscHole esc_note(EscPass *p, EscHole k, const Node *where, const char *why);
EscHole esc_note_at(EscPass *p, EscHole k, const char *text, Pos pos, const char *why);
// A note naming `where` at another position than its own. A node is
// printed when the note is (as gc formats its IR then), not when it is made.
EscHole esc_note_node_at(EscPass *p, EscHole k, const Node *where, Pos pos, const char *why);
EscHole esc_deref(EscPass *p, EscHole k, const Node *where, const char *why);
EscHole esc_addr(EscPass *p, EscHole k, const Node *where, const char *why);
EscLoc *esc_new_loc(EscWalk *w, EscLocKind kind, bool transient);
EscLoc *esc_var_loc(EscWalk *w, Obj *var);      // made on first sight
EscLoc *esc_old_loc(EscPass *p, Obj *var);      // NULL if none
// A named .autotmp_N: one gc's type checker made (tc), or its escape
// analysis (a go/defer wrapper's copies).
EscLoc *esc_temp_var(EscWalk *w, Type *t, Pos pos, bool tc);
void esc_flow(EscBatch *b, EscHole k, EscLoc *src);
EscHole esc_tee(EscWalk *w, EscHole *ks, int n);
EscHole esc_later(EscWalk *w, EscHole k);
EscHole esc_spill(EscWalk *w, EscHole k, const Node *n, EscAllocKind kind);
const char *esc_loc_string(EscPass *p, const EscLoc *l);     // gc's explainLoc
const char *esc_loc_expr(EscPass *p, const EscLoc *l);       // X in "X escapes to heap"
const char *esc_note_string(EscPass *p, const EscNote *n);
// Appends one explanation line "FILE:LINE:COL: TEXT" to buf (for -m=2).
void esc_explain_line(EscPass *p, PtrVec *lines, Pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void esc_explain_flush(EscPass *p, PtrVec *lines);
// The lines as one text ("FILE:LINE:COL: TEXT" each), for a picture.
const char *esc_explain_text(EscPass *p, const PtrVec *lines);
void esc_explain_flow(EscPass *p, PtrVec *lines, Pos pos, const EscLoc *dst, const EscLoc *src, int derefs,
                      const EscNote *notes);
const char *esc_pos_string(EscPass *p, Pos pos);   // "file:line:col" as gc prints it
bool esc_type_has_pointers(Type *t);

// Small type and node tests (gc's IsUntyped, IsConst, ...).
static inline Type *esc_under(Type *t) { return t ? type_underlying(t) : NULL; }
static inline TypeKind esc_ukind(Type *t) {
    Type *u = esc_under(t);
    return u ? u->kind : TY_INVALID;
}
static inline bool esc_is_const(const Node *n) { return n && node_is_const(n); }
bool esc_is_nil(Node *n);      // the predeclared nil

// escape_expr.c: expressions
void esc_expr(EscWalk *w, EscHole k, Node *n);
// n assigned to a destination of type dst: an implicit conversion to an
// interface is reported at `at` (unless the SSA says where).
void esc_expr_to(EscWalk *w, EscHole k, Node *n, Type *dst, Pos at);
// The same, but a constant converted to an interface is reported at
// const_at whatever the SSA says (gc's noder has no position of its own
// for it there: a map key, panic's argument).
void esc_expr_to_const_at(EscWalk *w, EscHole k, Node *n, Type *dst, Pos const_at);
void esc_discard(EscWalk *w, Node *n);
void esc_conversion(EscWalk *w, EscHole k, Node *call);     // T(x), not constant
// Where gc reports n's conversion to an interface: where the SSA builder
// put its ConvIface or IMake, else `fallback` (code the SSA lacks).
Pos esc_conv_pos(EscPass *p, Node *n, Pos fallback);
// The receiver of x.m (a method call or value) into k: embedded fields
// walked, then the implicit & or * the method's receiver needs.
void esc_receiver(EscWalk *w, EscHole k, Node *sel, Obj *method);
FuncInfo *esc_method_fn(Obj *m);
bool esc_method_ptr_recv(Obj *m);
// Where an argument passed to parameter `index` of fn goes (0 is a
// method's receiver): its tag, or the parameter itself inside the batch,
// or the heap for an unknown callee.
EscHole esc_tag_hole(EscWalk *w, EscHole *ks, int nks, EscFn *fn, int index, Obj *param);
bool esc_sel_ptr_last(Node *sel);
bool esc_is_reflect_header_data(Node *n);
// A uintptr expression that may hide an unsafe.Pointer (gc's unsafeValue).
void esc_unsafe_value(EscWalk *w, EscHole k, Node *n);

// escape_call.c: calls, go and defer
// The call f() of an inlined call f()(...), whose body runs before (NULL if none).
Node *esc_callee_call(Node *call);
// A call; ks (nks of them, or NULL) are where its results go.
void esc_call(EscWalk *w, EscHole *ks, int nks, Node *call);
// A go or defer statement.
void esc_go_defer(EscWalk *w, Node *s);
EscFn *esc_fn_of(EscPass *p, FuncInfo *fi);
// The initializer of a local variable defined once and never reassigned
// nor address-taken (gc's staticValue1), or NULL.
Node *esc_single_definition(EscPass *p, Obj *var);

// escape_stmt.c: statements, assignments
void esc_walk_func(EscBatch *b, EscFn *fn);
// How many temporaries gc's type checker makes for `a, b = f()` when a
// target's type is not f's result type (0 if none).
int esc_multi_assign_temps(Node *s);
void esc_stmts(EscWalk *w, NodeList *l);
EscHole esc_addr_of_target(EscWalk *w, Node *n);
void esc_assign_heap(EscWalk *w, Node *src, const char *why, Node *where, Type *dst, Pos at);
// m[key] = ...: the key goes to the heap; a constant key converted to an
// interface is reported at the map operand (map_pos), as gc does.
void esc_assign_heap_key(EscWalk *w, Node *key, Node *where, Type *key_type, Pos map_pos);

// escape_solve.c: the walk over the graph
void esc_walk_all(EscBatch *b);

// escape_ssa.c: the verdicts of one batch written into the SSA
void esc_rewrite_ssa(EscPass *p, EscBatch *b);

// escape_wrappers.c: gc's method wrappers, analysed after the program
// (their -m=2 explanations, at <autogenerated>:1)
void esc_wrappers(EscPass *p);

// escape.c
// Analyses one wrapper alone, as gc does when it makes it.
void esc_run_wrapper(EscPass *p, FuncInfo *fi);
bool esc_reports(EscPass *p, Pos pos);  // a position gc would report at (not a model)
// Calls f on n and, while f returns true, on n's children (the whole tree:
// func literals' bodies included).
void esc_visit(Node *n, bool (*f)(Node *n, void *ctx), void *ctx);
// A call as messages print it once escape rewrote it (Compiler.call_text).
const char *esc_call_text(void *ctx, const Node *call);
// Runs the analysis; the result also stays in prog->escape.
EscPass *escape_run(Program *prog);

#endif
