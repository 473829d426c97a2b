// build.h - private to the SSA builder (build.c, build_var.c, build_expr.c,
// build_stmt.c, build_inline.c).
//
// One Builder exists while one function is being built. Its scratch memory
// holds everything that only construction needs (variable numbering, the
// per-block definition maps, the break/continue targets, labels); the Func
// keeps only blocks and values. Scratch memory is rewound, not freed, between
// functions, so the pass touches the same pages for every function: first
// touches of fresh pages (page faults) are what building costs most.
//
// Variables are numbered densely per function. Number 0 is the memory state,
// which the builder treats as one more variable, so memory Phis come out of
// the same on-the-fly construction as the Phis of source variables.
#ifndef MINIGC_BUILD_H
#define MINIGC_BUILD_H

#include "passes/passes.h"

// Where a variable lives while the function runs.
typedef enum VarClass {
    VC_REG,         // an SSA value: each assignment a new definition, Phis at merges
    VC_MEM,         // a stack slot: LocalAddr, Load, Store
    VC_CAPT_REF,    // captured by reference by this literal: the ClosureVar is its address
    VC_GLOBAL,      // a package-level variable: Addr {g} SB
} VarClass;

typedef struct VarInfo {
    Obj *obj;       // NULL for memory and the builder's temporaries
    Type *type;
    VarClass cls;
    Value *addr;    // VC_CAPT_REF: the ClosureVar holding the address
} VarInfo;

// Open-addressing map from variable number to the value that defines the
// variable at the end of (or so far in) one block.
typedef struct DefMap {
    uint32_t *keys;     // variable number + 1; 0 marks an empty slot
    Value **vals;
    uint32_t cap, len;
} DefMap;

typedef struct PendingPhi {
    uint32_t var;
    Value *phi;
    struct PendingPhi *next;
} PendingPhi;

typedef struct BlockState {
    DefMap defs;
    PendingPhi *incomplete;     // Phis made before the block was sealed
    Block *lexical;             // code after a return/goto/panic: the block it follows in the source
} BlockState;

// A statement that break (and, for loops, continue) can leave.
typedef struct Target {
    Node *stmt;         // the for, range, switch, type switch or select
    Name *label;        // its label, or NULL
    Block *brk;
    Block *cont;        // NULL unless a loop
    struct Target *outer;
} Target;

typedef struct LabelBlock {
    Name *name;
    Block *block;
    struct LabelBlock *next;
} LabelBlock;

// Bump allocation that can be rewound: chunks are kept and reused.
typedef struct Scratch {
    char **chunks;
    size_t *sizes;
    int nchunks, capchunks;
    int cur;            // the chunk being allocated from
    size_t used;        // bytes used in it
} Scratch;

void *scratch_alloc(Scratch *s, size_t size);   // zeroed, aligned for any type
void scratch_rewind(Scratch *s);
void scratch_free(Scratch *s);
#define SC_NEW(b, T) ((T *)scratch_alloc((b)->scratch, sizeof(T)))
#define SC_ARRAY(b, T, n) ((T *)scratch_alloc((b)->scratch, sizeof(T) * (size_t)(n)))

// Types the builder derives (pointer to T, a call's result tuple), shared by
// all functions of one pass so that each is made once.
typedef struct TypeCache {
    Arena *arena;
    Type **keys;
    int *tags;
    Type **vals;
    uint32_t cap, len;
} TypeCache;

typedef struct ReadStack ReadStack;

// An inlined call whose body is being built (build_inline.c).
typedef struct InlFrame {
    const InlinedCall *ic;
    Block *end;             // where its returns go; made at the first one
    int index;              // in Func.inl
    Pos site;               // the outermost call site
    struct InlFrame *outer;
} InlFrame;

typedef struct Builder {
    Compiler *cc;
    Program *prog;
    Func *f;
    FuncInfo *info;
    Scratch *scratch;       // shared by the functions of a pass, rewound for each
    TypeCache *types;
    Block *cur;             // where values go now; NULL after a return, goto, panic
    Block *last;            // the block that ended last, for code that follows it

    VarInfo *vars;
    uint32_t nvars, capvars;
    uint32_t *obj_keys;     // Obj* hash -> variable number + 1
    Obj **obj_objs;
    uint32_t obj_cap, obj_len;

    ReadStack *reads;       // bv_read's stack of blocks to ask
    Value **forward;        // by value id: what a removed trivial Phi stands for
    uint32_t capforward;
    Value **phis;           // every Phi made, for the final clean-up
    int nphis, capphis;
    void *spare_maps[32];   // by log2 of capacity: definition maps' outgrown tables, for reuse

    Target *targets;
    LabelBlock *labels;
    Block *fallthrough_to;  // the next clause body while a switch clause is built
    Name *pending_label;    // the label of the statement about to be built
    Value *closure_ptr;     // GetClosurePtr of a literal
    int ntemps;
    int loop_depth;         // gc's syntactic loop depth of the code being built
    InlFrame *inl;          // the innermost inlined call being built, or NULL
} Builder;

// build_var.c: blocks, variables, Braun et al.'s construction
Block *bb_block(Builder *b, BlockKind kind, Pos pos);
void bb_seal(Builder *b, Block *blk);
void bb_edge(Builder *b, Block *from, Block *to);
void bb_jump(Builder *b, Block *to);            // ends cur (if any) with a Plain edge to `to`
void bb_start(Builder *b, Block *blk);          // cur = blk
void bb_end(Builder *b);                        // after a return, goto, panic: no cur
void bb_live(Builder *b, Pos pos);              // code follows: a cur, dead if need be
void bb_follow(Builder *b, Block *blk);         // continue in a sealed join, unless nothing reaches it
void bb_dead(Builder *b, Pos pos);              // cur = a fresh block nothing jumps to
uint32_t bv_index(Builder *b, Obj *obj);        // numbers obj on first sight (VC_* decided there)
uint32_t bv_temp(Builder *b, Type *t);
VarInfo *bv_info(Builder *b, uint32_t var);
Value *bv_read(Builder *b, uint32_t var, Block *blk);
void bv_write(Builder *b, uint32_t var, Block *blk, Value *v);
Value *bv_resolve(Builder *b, Value *v);        // follows removed trivial Phis
Value *bb_mem(Builder *b);                      // the current memory state
void bb_set_mem(Builder *b, Value *m);
void bb_finish_phis(Builder *b);                // final trivial-Phi removal and arg rewriting
bool bb_type_ssa_able(Compiler *cc, Type *t);
bool bb_capture_by_value(Compiler *cc, Obj *v);

// build_expr.c
Value *be_expr(Builder *b, Node *n);                    // the value of n, typed as n is
Value *be_expr_to(Builder *b, Node *n, Type *dst);      // n's value assigned to a dst
Value *be_expr_to_at(Builder *b, Node *n, Type *dst, Pos at); // ... a conversion reported at `at`
Value *be_assign_conv_at(Builder *b, Value *v, Type *src, Type *dst, Node *n, Pos at);
bool be_noder_last(Node *n, Pos *out);          // where gc's noder stands after n
bool be_is_plain_name(Node *n);
Pos be_map_key_at(Node *n);                 // where gc converts the key of map index n
Value *be_assign_conv(Builder *b, Value *v, Type *src, Type *dst, Node *n);
Value *be_addr(Builder *b, Node *n, Obj **root);        // the address of addressable n
int be_multi(Builder *b, Node *n, Value **out, int max);// the values of a tuple-valued n
void be_cond(Builder *b, Node *n, Block *yes, Block *no);
Value *be_zero(Builder *b, Type *t, Pos pos);
Value *be_const(Builder *b, const ConstVal *cv, Type *t, Pos pos);
Value *be_unknown(Builder *b, Type *t, Pos pos);
Value *be_load(Builder *b, Value *addr, Type *t, Pos pos);
Value *be_store(Builder *b, Value *addr, Value *val, Type *t, Pos pos, Obj *var);
Value *be_local_addr(Builder *b, Obj *obj, Pos pos);
Value *be_var_addr(Builder *b, uint32_t var, Pos pos); // address of a memory variable
Value *be_read_var(Builder *b, Obj *obj, Pos pos);
void be_write_var(Builder *b, Obj *obj, Value *v, Pos pos);
void be_declare_var(Builder *b, Obj *obj, Value *v, Pos pos);  // v NULL: zero value
Value *be_binop(Builder *b, TokKind op, Value *x, Value *y, Type *t, Pos pos, Node *n);
Value *be_compare(Builder *b, TokKind op, Value *x, Value *y, Type *xt, Type *yt, Pos pos, Node *xn, Node *yn);
Value *be_split1(Builder *b, Value *tuple);     // memory of a one-result op; returns the result
void be_split(Builder *b, Value *tuple, int n, Value **out);
Value *be_temp_addr(Builder *b, Type *t, Pos pos, Obj **tmp);
Value *be_call(Builder *b, Node *call, Value **results, int max, int *nres, Op as);
Type *be_type(Builder *b, Type *t);             // untyped kinds become their default types
Type *be_results_type(Builder *b, Type *sig);   // the tuple of a signature's results
void be_set_expr(Builder *b, Value *v, Node *n);
Value *be_panic(Builder *b, Value *arg, Pos pos);
bool be_init_composite(Builder *b, Obj *obj, Node *val);  // var x = T{...} into x's slot

// build_inline.c: the bodies the inliner spliced in place of calls
const InlinedCall *bi_inlined(Builder *b, Node *call);  // the call's spliced body, or NULL
// The body in place of the call; args are the receiver (if any) and the
// arguments, converted to the parameters' types. Returns the InlMark.
Value *bi_call(Builder *b, Node *call, const InlinedCall *ic, Value **args, int nargs, Value **results, int max,
               int *nres);
void bi_return(Builder *b);                     // a return of the body being built: to its end
void bi_finish(Func *f);                        // inlined values: their callee positions, pos at the site
bool bi_any(const Program *prog, const FuncInfo *fi);   // whether fi has a call the builder splices

// build_stmt.c
void bs_stmt(Builder *b, Node *s);
void bs_block(Builder *b, NodeList stmts);
void bs_return_values(Builder *b, Value **vals, int n, Pos pos);
Value *bs_result_value(Builder *b, Obj *r, Pos pos);

#endif
