// passes.h - the pass pipeline: the program's functions as SSA, the pass
// table, and each pass's entry point.
//
// A pass runs over the whole program at once (escape analysis needs every
// function, bottom-up over the call graph). The driver runs the table in
// order; after every pass, test builds run the invariant checker on every
// function and stop with an internal error naming the pass if one fails.
#ifndef MINIGC_PASSES_H
#define MINIGC_PASSES_H

#include "ssa/ssa.h"

typedef struct DevirtTable DevirtTable;

// The SSA of every function the program holds: the standard-library models
// the program imports first, then the main package, each in source order
// (FuncInfo order of Package.funcs).
typedef struct Program {
    Compiler *cc;
    Package *main_pkg;
    Func **funcs;
    int nfuncs;
    bool inlining;      // false under -l (gc 1.19 keeps inlining on with -N)
    bool pictures;      // escape graphs will be drawn: the escape pass keeps every explanation
    bool defer_build;   // nobody looks at the SSA before inline: build leaves it to build_inlined
    // Nobody looks at the SSA at all (no dump, picture or page): it is built
    // per batch of the escape pass, where that pass needs it, devirtualized,
    // rewritten, cleaned by late deadcode and freed before the next batch, so
    // the program's SSA never exists all at once (funcs stays empty). gc too
    // decides everything -m prints before its SSA exists; the SSA is built
    // anyway, since escape takes positions and allocating values from it.
    bool stream;
    bool check;         // the SSA checker after every pass (-d=ssa/check/on)
    bool no_opt;        // -N: late deadcode does not run
    Arena *ssa_arena;   // stream: the current batch's SSA, reset after it
    void *builder;      // build.c's state kept between build_function calls
    DevirtTable *devirt;    // devirtualize.c: the interface calls it made static (devirt_of)
    void *escape;       // escape.c: the analysis, kept for the escape-graph pictures (EscPass)
    void *inlined;      // inline.c: the calls it inlined (see inlined_call)
} Program;

typedef struct Pass {
    const char *name;
    void (*run)(Program *prog);
    bool off_with_l;    // -l turns it off
    bool off_with_N;    // -N turns it off
    const char *what;   // one line for -passes
} Pass;

extern const Pass pass_table[];
extern const int pass_count;

// The passes (one file each).
void pass_deadcode_early(Program *prog);  // deadcode_early.c: gc's IR deadcode on the typed AST (before build);
                                          // dead func literals become NULL in Package.funcs
void pass_build(Program *prog);     // build.c: typed AST -> SSA, fills prog->funcs
void build_inlined(Program *prog);  // build.c: the functions with inlined calls built again, the bodies spliced
// stream: one function's SSA (its inlined bodies spliced), in prog->ssa_arena.
Func *build_function(Program *prog, FuncInfo *fi);
void build_release(Program *prog);  // build.c: what build_function kept between calls
// A call the inline pass inlined: the callee's body as it now stands at the
// call (a copy with fresh variables, placed at the outermost call site, its
// own inlined calls recorded too), and the fresh parameters and results.
typedef struct InlinedCall {
    FuncInfo *callee;
    Node *body;             // N_BLOCK
    Obj *recv;              // or NULL
    Obj **params; int nparams;
    Obj **results; int nresults;
    bool has_literals;      // the body holds func literals ...
    FuncInfo **lits; int nlits; // ... each a new function (FuncInfo.copy_of), in source order;
                            // their outer is the caller or the copy they are in
    bool spliced;           // the later passes see the body instead of the call (returns
                            // in the copy are assignments to the results, NF_INLINED)
    const char *params_text;// gc's text of the parameter assignment: "p, x := a, b"
    FuncInfo *caller;       // the function it was inlined into (outermost)
    Obj **locals; int nlocals;  // the copy's other fresh variables, in source order
                                // (not those of the literals in it: see lits)
    struct InlinedCall *next_in_caller;  // the caller's next inlined call, in gc's order
} InlinedCall;
// The first of the calls inlined into fn, in the order gc inlined them (and
// declared their variables in fn); NULL if none.
const InlinedCall *inlined_calls_of(const Program *prog, const FuncInfo *fn);
const InlinedCall *inlined_call(const Program *prog, const Node *call);
// A spliced call as messages print it, gc's result variable (`~R0`), or NULL.
const char *inlined_call_text(const Program *prog, const Node *call);
void pass_inline(Program *prog);    // inline.c: gc's inlining decisions, -m's "can inline" and "inlining call to"
// The same inlining into a function made after the pass (a method wrapper).
void inline_wrapper(Program *prog, FuncInfo *wrapper);
void pass_devirtualize(Program *prog);  // devirtualize.c: interface calls of a known concrete type
// stream: the calls devirtualize made static, made static in f (built after the pass).
void devirtualize_func(Program *prog, Func *f);
void pass_escape(Program *prog);    // escape.c: gc's escape analysis, verdicts onto the SSA
void pass_deadcode_late(Program *prog);   // deadcode_late.c: unreachable blocks, copies, unused values
void pass_bounds(Program *prog);         // bounds.c: -m's "index bounds check elided" (gc's walk)
void deadcode_late_func(Func *f);         // the same on one function (unit tests)
// An interface call x.M(...) devirtualize made static, as gc's devirtualize
// rewrites it: the call of M on x.(T), reached through `depth` embedded
// fields of T (path) when M is promoted. When M comes from an embedded
// interface field, the call stays an interface call on that field
// (gc's "partially devirtualizing"; method is NULL).
//
// gc's IR holds the rewritten call, so its messages print it; the nodes
// below are that IR, made for the messages: steps[0] is x.(T), steps[i]
// the i-th embedded field selected from it; `call` the call as
// devirtualize leaves it (`x.(T).M(a)`), `method_call` the same once escape
// analysis reaches it and, as gc does there, makes the method call a call
// of the method expression (`T.M(x.(T), a)`). The expression printer shows
// the original call node as one of them (Compiler.call_text).
typedef struct Devirt {
    Type *typ;              // the concrete type x holds
    Obj *method;            // the method (OBJ_FUNC), or NULL when partial
    Method *m;
    int path[16];           // embedded fields walked from typ
    int depth;
    bool partial;
    Node *steps[17];
    Node *call, *method_call;
    bool escape_reached;    // set by escape at the call: it prints as method_call
} Devirt;
// The record of an interface call node, or NULL if it stayed dynamic.
Devirt *devirt_of(const Program *prog, const Node *call);

// Runs func_check on every function; on a failure prints
// "minigc: internal error after build: MSG" to stderr and exits 3.
void build_check_all(Program *prog);
// stream: the same on one function, after pass `after`.
void check_func_after(Func *f, const char *after);

// Finds a Func by gc's name (f, T.M, (*T).M, f.func1); NULL if none.
Func *program_find(Program *prog, const char *name);
void program_free(Program *prog);

#endif
