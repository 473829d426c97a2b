// ssa.h - the one header of minigc's IR: Func, Block, Value in gc's shape,
// the op table, the printer and the invariant checker.
//
// A Func owns its blocks and values in its own arena, freed as a whole.
// Values carry an op from ssa/op.def, a type from the frontend, args, an aux
// (whatever the op names: a variable, a callee, a type, a string), an
// auxint, the position gc would report for them and, for values that define
// a source variable, that variable. Memory is an explicit <mem> value
// threaded through loads, stores and calls: an op that reads memory takes it
// as its last arg, one that changes it yields a new one.
//
// Depends on the frontend only (types, objects, positions); knows nothing
// about passes.
#ifndef MINIGC_SSA_H
#define MINIGC_SSA_H

#include "frontend/frontend.h"

typedef struct Func Func;
typedef struct Block Block;
typedef struct Value Value;

enum OpFlag {
    OPF_CONST = 1 << 0,
    OPF_COMMUTATIVE = 1 << 1,
    OPF_MEM = 1 << 2,       // the last arg is the memory state
    OPF_MEMOUT = 1 << 3,    // yields a memory state (alone or last in a tuple)
    OPF_CALL = 1 << 4,
    OPF_ALLOC = 1 << 5,     // an allocation site for escape analysis
};

typedef enum Op {
#define OP(name, arity, flags) Op##name,
#include "ssa/op.def"
#undef OP
    OP_COUNT
} Op;

typedef struct OpInfo {
    const char *name;
    int arity;      // -1: any number
    unsigned flags;
} OpInfo;

extern const OpInfo op_info[OP_COUNT];
static inline const char *op_name(Op op) { return op_info[op].name; }

// What a value's aux names; which member is meaningful depends on the op.
typedef enum AuxKind {
    AUX_NONE,
    AUX_VAR,        // aux.var: a variable (LocalAddr, Addr, Arg, VarDef)
    AUX_FUNC,       // aux.fn: a function (StaticLECall, MakeClosure)
    AUX_TYPE,       // aux.type: a type (Store, Move, Zero, NewObject, TypeAssert)
    AUX_STRING,     // aux.str: a string constant
    AUX_FLOAT,      // aux.f
    AUX_COMPLEX,    // aux.c
    AUX_METHOD,     // aux.method: an interface or concrete method (InterLECall, MethodValue)
    AUX_FIELD,      // aux.field: a struct field (OffPtr)
} AuxKind;

typedef struct Aux {
    AuxKind kind;
    union {
        Obj *var;
        FuncInfo *fn;
        Type *type;
        struct { const char *s; size_t len; } str;
        double f;
        struct { double re, im; } c;
        Method *method;
        Field *field;
    } u;
} Aux;

// The members are ordered so that little needs padding (152 bytes): a big
// file has most of a million values alive at once.
struct Value {
    uint32_t id;        // v1, v2, ... unique in its Func
    Op op;
    int nargs;
    int uses;           // how many args refer to it (maintained by ssa.c)
    // Code an inlined call brought: 1 + the index in Func.inl of the call
    // (the innermost one), and the callee's own position (src, below), which
    // the dump shows as gc's GOSSAFUNC dumps do; pos stays the outermost call
    // site, where gc reports about it. 0 and no src for the function's own code.
    uint32_t inl;
    bool is_mem;        // the value is a memory state (or a tuple ending in one)
    Type *type;         // NULL for <mem>; a TY_TUPLE for calls
    Value **args;
    Value *inline_args[3];  // storage for args when nargs <= 3
    Aux aux;
    int64_t auxint;
    Pos pos;            // where gc would report about this value
    Pos src;
    Block *block;
    Obj *var;           // the source variable this value defines, if any
    const char *expr;   // the expression as gc prints it in messages (&T{...}, make([]int, n))
    Node *node;         // the AST node it came from, if any
};

typedef enum BlockKind {
    BlockInvalid,
    BlockPlain,     // one successor
    BlockIf,        // control: a bool; succs[0] when true, succs[1] when false
    BlockRet,       // control: the memory at return; no successors
    BlockExit,      // a panic: control is the memory; no successors
    BlockDefer,     // after a defer call: succs[0] normal, succs[1] to the deferreturn path
    BlockFirst,     // always succs[0]; succs[1] is never taken (keeps an edge alive)
    BlockSelect,    // control: the SelectGo case index; one successor per case
    BLOCK_KIND_COUNT
} BlockKind;

const char *block_kind_name(BlockKind k);

// An edge is a successor and the index of this edge in that block's preds,
// as in gc, so both ends can be found in constant time.
typedef struct Edge {
    Block *b;
    int i;
} Edge;

struct Block {
    uint32_t id;        // b1, b2, ...
    BlockKind kind;
    Value *control;     // If: the condition; Ret/Exit: the memory
    Edge *succs; int nsuccs, capsuccs;
    Edge *preds; int npreds, cappreds;
    Value **values; int nvalues, capvalues;
    Pos pos;
    Func *func;
    // The syntactic loop depth of the code in the block, as gc's escape
    // analysis counts it: 1 at the top of a function, +1 inside a for (its
    // condition, post statement and body) or a range body, +1 after a label
    // that a later goto jumps back to. Set by the build pass.
    int loop_depth;
    // SSA construction (Braun et al.): a block is sealed once all its
    // predecessors are known; until then reads of variables get incomplete Phis.
    bool sealed;
    void *build_data;   // owned by the builder while it runs
};

// One call inlined into a Func, gc's inlining tree: the callee, the call
// site where its code now is (outermost), the call's own position in the
// code it was written in, and the inlined call that code came from.
typedef struct InlSite {
    FuncInfo *callee;
    Pos site;
    Pos at;
    int parent;         // index in Func.inl, or -1 for the function's own code
} InlSite;

struct Func {
    Compiler *cc;
    FuncInfo *info;     // the function (or literal) this is the SSA of
    const char *name;   // gc's name: f, T.M, (*T).M, f.func1
    Arena arena;        // blocks, values, arg arrays
    Block **blocks; int nblocks, capblocks;
    Block *entry;
    uint32_t next_value_id, next_block_id;
    Value *sp, *sb, *initmem;
    InlSite *inl; int ninl, capinl;     // the calls inlined into it, in the order they were built
    uint32_t building_inl;  // while the builder builds inlined code: the Value.inl new values get
    Value *free_values;     // values given back by value_free, reused by value_new
    void *pass_data;    // the pass that is running may hang its state here
};

// Construction (ssa.c)
Func *func_new(Compiler *cc, FuncInfo *info, const char *name);
// The same, its memory taken from `parent` (an arena the caller resets when
// the functions built in it are done with: the escape pass's batches).
Func *func_new_in(Compiler *cc, Arena *parent, FuncInfo *info, const char *name);
void func_free(Func *f);
Block *block_new(Func *f, BlockKind kind, Pos pos);
void block_add_edge(Block *from, Block *to);        // appends a successor and its pred
void block_set_control(Block *b, Value *v);
Value *value_new(Block *b, Op op, Type *type, Pos pos);   // appended to b
Value *value_new0(Block *b, Op op, Type *type, Pos pos);
Value *value_new1(Block *b, Op op, Type *type, Pos pos, Value *a);
Value *value_new2(Block *b, Op op, Type *type, Pos pos, Value *a, Value *c);
Value *value_new3(Block *b, Op op, Type *type, Pos pos, Value *a, Value *c, Value *d);
void value_add_arg(Value *v, Value *arg);
void value_set_arg(Value *v, int i, Value *arg);
void value_reset_args(Value *v);
// Turns v into a Copy of w (keeping v's id), as gc's v.copyOf(w).
void value_copy_of(Value *v, Value *w);
// Gives back a value that nothing refers to any more and that is in no
// block's list (the builder's trivial Phis): value_new reuses its memory,
// under a new id, so the ids handed out do not change.
void value_free(Value *v);
// Records a call inlined into f; returns its index in f->inl.
int func_add_inl(Func *f, FuncInfo *callee, Pos site, Pos at, int parent);
// Removes values with no uses and no memory effect, and unreachable blocks.
void func_remove_dead(Func *f);

// The text dump in gc's format (print.c): out is a FILE*.
void func_print(void *out, const Func *f);
// One value as a dump line without indentation, into buf: "(7) v4 = ...".
// Each *_format returns the length it wanted, as snprintf does.
int value_format(char *buf, size_t size, const Value *v);
int value_pos_format(char *buf, size_t size, const Value *v);   // "(7)" or "(?)"
int value_long_format(char *buf, size_t size, const Value *v);  // "v4 = ..." (gc's LongString)
int block_header_format(char *buf, size_t size, const Block *b); // "b2: <- b1"
int block_end_format(char *buf, size_t size, const Block *b);    // "If v6 -> b2 b3"
void func_header_format(void *out, const Func *f);               // "f func(int) int\n" to a FILE*
// Each line of the trailer ("name x[int]: [v6 v9]"), in order, to line().
void func_names_each(const Func *f, void (*line)(void *ctx, const char *text), void *ctx);

// Snapshots (snapshot.c): a Func's dump as lines, each marked with what
// changed since the previous snapshot of the same function.
typedef enum SnapKind { SNAP_BLOCK, SNAP_VALUE, SNAP_END, SNAP_NAME } SnapKind;
typedef enum Change { CHANGE_NONE, CHANGE_ADDED, CHANGE_REMOVED, CHANGE_REWRITTEN } Change;
typedef struct SnapLine {
    SnapKind kind;
    uint32_t id;        // the value's or block's id (SNAP_NAME: its index)
    uint32_t block;     // the block it is in
    uint32_t line;      // source line, 0 if none
    const char *pos;    // values: "(7)" or "(?)"
    const char *text;   // as the dump prints it, without position and indentation
    Change change;
} SnapLine;
typedef struct Snapshot {
    const char *func, *header;  // gc's name and the signature
    SnapLine *lines;
    int nlines;
    bool changed;       // anything differs from prev (always true without prev)
} Snapshot;
// prev (may be NULL) is the snapshot of the same function one pass before.
Snapshot *snapshot_take(Arena *a, const Func *f, const Snapshot *prev);
// The dump of s, to a FILE*; with marks, each line starts with +, -, ~ or
// a space instead of the first column of its indentation.
void snapshot_print(void *out, const Snapshot *s, bool marks);

// The invariant checker (check.c). Returns NULL if f is well formed, else a
// message naming the value or block that breaks an invariant (in f's arena).
const char *func_check(Func *f);

#endif
