// frontend.h - the one header of minigc's frontend: arenas, positions and
// diagnostics, interned names, tokens and the lexer, the AST, types, objects
// and scopes, constants, packages, and the entry points of the parser and the
// type checker.
//
// Everything the frontend makes lives in the Compiler's arena and is freed as
// a whole. There is no global mutable state: all of it hangs off a Compiler,
// so the driver can run the pipeline twice in one process (-compare-inline).
//
// Positions are gc's: line and column are 1-based, the column counts bytes
// (a tab is one column), and every node keeps the position that gc's syntax
// package gives the same construct, because that is where gc reports.
#ifndef MINIGC_FRONTEND_H
#define MINIGC_FRONTEND_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct Compiler Compiler;
typedef struct Node Node;
typedef struct Type Type;
typedef struct Obj Obj;
typedef struct Scope Scope;
typedef struct Package Package;
typedef struct FuncInfo FuncInfo;

// ---------------------------------------------------------------------------
// Arena (arena.c): bump allocation in large chunks, freed all at once.
// Memory from arena_alloc is zeroed and aligned to 8 bytes (pointers,
// int64, double: nothing minigc stores needs more).

typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
    ArenaChunk *head;
    char *cur, *end;    // end: of the chunk, or of its open window (arena.c)
    char *ready;        // a mapped chunk is asked to be faulted in up to here
    size_t total;   // bytes handed out, for -bench style reports
    struct Arena *parent;   // if set, allocations come from it (see arena_init_child)
    struct ArenaBlock *blocks;  // arena_alloc_block's, freed with the arena
} Arena;

void arena_init(Arena *a);
// An arena that allocates from `parent`: many small arenas (one per
// function's SSA) then share the parent's big, already-zero pages instead of
// each faulting in pages of its own. arena_free on it releases nothing; the
// memory goes when the parent is freed.
void arena_init_child(Arena *a, Arena *parent);
void arena_free(Arena *a);
// Frees everything allocated, keeping the largest chunk for what comes next
// (scratch memory that a pass throws away once per function or batch).
void arena_reset(Arena *a);
// The common case inline (a million nodes, each one call); the rest, a new
// chunk or a child arena, in arena.c.
void *arena_alloc_slow(Arena *a, size_t size);
// A child arena of a root one (a Func's SSA) bumps its parent's chunk here
// too, counting in both.
static inline void *arena_alloc(Arena *a, size_t size) {
    size = (size + 7) & ~(size_t)7;
    Arena *r = a->parent ? a->parent : a;
    if (size && (size_t)(r->end - r->cur) >= size) {
        void *p = r->cur;
        r->cur += size;
        r->total += size;
        if (r != a)
            a->total += size;
        return p;
    }
    return arena_alloc_slow(a, size);
}
// Faulting in fresh pages on another core (prefault.c): the arena asks for
// the window after the one it hands out; a mapping is forgotten before it is
// unmapped. Both are no-ops where the kernel or threads are missing.
void prefault_request(void *start, size_t len);
void prefault_forget(void *start, size_t len);
// A zeroed block on the heap that may be given back before the arena goes
// (arena_free_block), for a table that grows by replacement: a hash table
// of tens of thousands of slots, rebuilt bigger, would otherwise leave each
// smaller copy in the arena. Whatever is not given back goes with the arena.
void *arena_alloc_block(Arena *a, size_t size);
void arena_free_block(Arena *a, void *p);
char *arena_strndup(Arena *a, const char *s, size_t len);
char *arena_sprintf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

// A growable array of pointers kept in an arena: when it grows, the old
// storage is simply abandoned to the arena.
typedef struct PtrVec {
    void **items;
    int len, cap;
} PtrVec;
void ptrvec_push(Arena *a, PtrVec *v, void *p);

// ---------------------------------------------------------------------------
// Sources and positions (source.c)

typedef struct SourceFile {
    const char *path;   // as given on the command line: messages print it as is
    const char *text;   // NUL-terminated copy; text[len] == 0
    size_t len;
    uint32_t index;     // in Compiler.files; Pos.file refers to it
    bool is_std;        // an imported standard-library file (from GOROOT's sources)
    bool std_rules;     // gc's -std rules for directives (imported std files, or -std)
    bool runtime_rules; // gc's -+ rules: a runtime package's file, or -+
} SourceFile;

typedef struct Pos {
    uint32_t file;      // index into Compiler.files
    uint32_t line;      // 1-based; 0 means "no position"
    uint32_t col;       // 1-based, in bytes
} Pos;

static inline bool pos_known(Pos p) { return p.line != 0; }

// A //line or /*line*/ directive: from the physical position (file, line,
// col) on, positions print as filename:rel_line[:rel_col] (lex.c records
// them, diag.c applies them). rel_col 0: the directive gave no column, and
// positions under it print without one, as gc prints them.
typedef struct LineBase {
    uint32_t file, line, col;
    const char *filename;
    uint32_t rel_line, rel_col;
} LineBase;
int pos_compare(Pos a, Pos b);   // by file, line, column

// Reads a file into the arena. On failure reports "open FILE: reason" and
// returns NULL.
SourceFile *source_load(Compiler *cc, const char *path);
// Registers text already in memory (unit tests, generated files).
SourceFile *source_add(Compiler *cc, const char *path, const char *text, size_t len, bool is_std);

// ---------------------------------------------------------------------------
// Diagnostics (diag.c). Errors and -m messages are records, not prints:
// passes add them, the driver flushes them in gc's order (sorted by position,
// stable, exact duplicates dropped).

typedef enum DiagKind {
    DIAG_ERROR,     // makes the compile fail (exit status 1)
    DIAG_NOTE,      // an -m message or other report: printed, not a failure
} DiagKind;

typedef struct Diag {
    DiagKind kind;
    Pos pos;            // pos.line == 0: printed without a position
    const char *msg;    // may hold "\n\t" continuation lines, as gc prints them
    uint32_t seq;       // insertion order, keeps the sort stable
    uint32_t len;       // strlen(msg)
} Diag;

typedef struct Diags {
    Diag *items;
    int len, cap;
    int nerrors;
} Diags;

void diag_error(Compiler *cc, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void diag_verror(Compiler *cc, Pos pos, const char *fmt, va_list ap);
void diag_note(Compiler *cc, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
// A note already made, kept as it is (it must outlive the diagnostics: the
// arena's or static) with its length: for the passes that make thousands.
void diag_note_text(Compiler *cc, Pos pos, const char *msg, size_t len);
// Prints all recorded diagnostics to `out` as gc does and empties the list.
// Without -e, printing stops after 10 errors with "too many errors".
void diag_flush(Compiler *cc, void *out /* FILE* */);
int diag_error_count(const Compiler *cc);
// A position as messages print it: "file:line:col", or "file:line" under -C.
const char *pos_string(const Compiler *cc, Arena *a, Pos pos);

// ---------------------------------------------------------------------------
// Interned names (intern.c). Identifiers are interned so that comparing two
// names is comparing two pointers.

typedef struct Name {
    const char *s;      // NUL-terminated
    uint32_t len;
    uint32_t hash;
} Name;

typedef struct NameTable {
    Name **slots;
    uint32_t cap, count;    // cap is a power of two
} NameTable;

Name *intern(Compiler *cc, const char *s, size_t len);
Name *intern_cstr(Compiler *cc, const char *s);
// s is a literal: its strlen and the memcmp fold into a few compares.
static inline bool name_is(const Name *n, const char *s) {
    size_t len = strlen(s);
    return n && n->len == len && memcmp(n->s, s, len) == 0;
}

// ---------------------------------------------------------------------------
// Tokens and the lexer (lex.c)

#define TOKEN_LIST(X) \
    X(T_EOF, "EOF") X(T_ILLEGAL, "illegal") \
    X(T_IDENT, "name") X(T_INT, "literal") X(T_FLOAT, "literal") \
    X(T_IMAG, "literal") X(T_CHAR, "literal") X(T_STRING, "literal") \
    /* operators */ \
    X(T_ADD, "+") X(T_SUB, "-") X(T_MUL, "*") X(T_QUO, "/") X(T_REM, "%") \
    X(T_AND, "&") X(T_OR, "|") X(T_XOR, "^") X(T_SHL, "<<") X(T_SHR, ">>") \
    X(T_AND_NOT, "&^") \
    X(T_ADD_ASSIGN, "+=") X(T_SUB_ASSIGN, "-=") X(T_MUL_ASSIGN, "*=") \
    X(T_QUO_ASSIGN, "/=") X(T_REM_ASSIGN, "%=") X(T_AND_ASSIGN, "&=") \
    X(T_OR_ASSIGN, "|=") X(T_XOR_ASSIGN, "^=") X(T_SHL_ASSIGN, "<<=") \
    X(T_SHR_ASSIGN, ">>=") X(T_AND_NOT_ASSIGN, "&^=") \
    X(T_LAND, "&&") X(T_LOR, "||") X(T_ARROW, "<-") X(T_INC, "++") X(T_DEC, "--") \
    X(T_EQL, "==") X(T_LSS, "<") X(T_GTR, ">") X(T_ASSIGN, "=") X(T_NOT, "!") \
    X(T_NEQ, "!=") X(T_LEQ, "<=") X(T_GEQ, ">=") X(T_DEFINE, ":=") \
    X(T_ELLIPSIS, "...") X(T_TILDE, "~") \
    X(T_LPAREN, "(") X(T_LBRACK, "[") X(T_LBRACE, "{") X(T_COMMA, ",") X(T_PERIOD, ".") \
    X(T_RPAREN, ")") X(T_RBRACK, "]") X(T_RBRACE, "}") X(T_SEMICOLON, ";") X(T_COLON, ":") \
    /* keywords */ \
    X(T_BREAK, "break") X(T_CASE, "case") X(T_CHAN, "chan") X(T_CONST, "const") \
    X(T_CONTINUE, "continue") X(T_DEFAULT, "default") X(T_DEFER, "defer") \
    X(T_ELSE, "else") X(T_FALLTHROUGH, "fallthrough") X(T_FOR, "for") \
    X(T_FUNC, "func") X(T_GO, "go") X(T_GOTO, "goto") X(T_IF, "if") \
    X(T_IMPORT, "import") X(T_INTERFACE, "interface") X(T_MAP, "map") \
    X(T_PACKAGE, "package") X(T_RANGE, "range") X(T_RETURN, "return") \
    X(T_SELECT, "select") X(T_STRUCT, "struct") X(T_SWITCH, "switch") \
    X(T_TYPE, "type") X(T_VAR, "var")

typedef enum TokKind {
#define X(k, s) k,
    TOKEN_LIST(X)
#undef X
    T_COUNT
} TokKind;

const char *tok_string(TokKind k);   // "+", "func", "name", "literal", ...

// Pragmas gc honours, as bits. The lexer collects //go: lines; the parser
// attaches what is pending to the next declaration.
enum {
    PRAGMA_NOINLINE = 1 << 0,
    PRAGMA_NOESCAPE = 1 << 1,
    PRAGMA_NOSPLIT = 1 << 2,
    PRAGMA_NORACE = 1 << 3,
    PRAGMA_UINTPTRESCAPES = 1 << 4,
    PRAGMA_LINKNAME = 1 << 5,
    PRAGMA_NOCHECKPTR = 1 << 6,
    // The other directives gc knows: kept so that misplaced ones are reported
    // as gc does (lex.c lists which imply which, as gc's do).
    PRAGMA_BUILD = 1 << 7,
    PRAGMA_SYSTEMSTACK = 1 << 8,
    PRAGMA_NOWRITEBARRIER = 1 << 9,
    PRAGMA_NOWRITEBARRIERREC = 1 << 10,
    PRAGMA_YESWRITEBARRIERREC = 1 << 11,
    PRAGMA_CGO_UNSAFE_ARGS = 1 << 12,
    PRAGMA_UINTPTRKEEPALIVE = 1 << 13,
    PRAGMA_REGISTERPARAMS = 1 << 14,
    PRAGMA_NOTINHEAP = 1 << 15,
};
// The directives gc accepts on a function declaration.
#define PRAGMA_FUNC_ALLOWED (PRAGMA_NOINLINE | PRAGMA_NOESCAPE | PRAGMA_NOSPLIT | PRAGMA_NORACE | \
    PRAGMA_UINTPTRESCAPES | PRAGMA_NOCHECKPTR | PRAGMA_SYSTEMSTACK | PRAGMA_NOWRITEBARRIER | \
    PRAGMA_NOWRITEBARRIERREC | PRAGMA_YESWRITEBARRIERREC | PRAGMA_CGO_UNSAFE_ARGS | \
    PRAGMA_UINTPTRKEEPALIVE | PRAGMA_REGISTERPARAMS)

typedef struct Token {
    TokKind kind;
    Pos pos;
    const char *text;   // the token's bytes in the source (for ';' made from a
                        // newline or EOF: "newline" / "EOF", as gc's errors say)
    uint32_t len;
    bool bad;           // a malformed literal (the lexer reported it)
} Token;

typedef struct Lexer {
    Compiler *cc;
    const SourceFile *file;
    const char *src, *end, *cur;
    const char *line_start;
    uint32_t file_index;    // file->index, for positions
    uint32_t line;
    TokKind last;           // for automatic semicolon insertion
    unsigned pragmas;       // PRAGMA_* seen since the last take
    Pos pragma_pos;
    struct { Pos pos; unsigned bits; } pragma_sites[8];   // the first directives
    int npragma_sites;                                      // behind `pragmas`
    const char *linkname;   // target of a pending //go:linkname, if any
    Pos last_error_pos;     // gc drops an error repeating the previous one
    const char *last_error; // on the same line: see lex_error
} Lexer;

void lex_init(Lexer *lx, Compiler *cc, const SourceFile *file);
Token lex_next(Lexer *lx);
void lex_scan(Lexer *lx, Token *t);  // lex_next into *t
unsigned lex_take_pragmas(Lexer *lx);
// Reports a lexical (or other non-"syntax error") error as gc does: an error
// with the same text as the previous one on the same line is dropped.
void lex_error(Lexer *lx, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

// Literal decoding, shared by the parser, the checker and tests.
// Unquotes a rune, interpreted or raw string literal's text into the arena.
// Returns false (and sets *err to a gc-worded message) if malformed.
bool lit_unquote(Arena *a, const char *text, size_t len, char **out, size_t *outlen, const char **err);
// A rune literal's value (text includes the quotes); false if malformed.
// (lit_unquote of a rune literal gives the UTF-8 encoding of this value.)
bool lit_rune(const char *text, size_t len, int32_t *value);

// ---------------------------------------------------------------------------
// Constants (const.c, const_text.c): Go's untyped constants with gc's
// precision, on GMP and MPFR. Integers are exact (the checker reports those
// beyond 512 bits), floats exact rationals while numerator and denominator
// stay under 4096 bits and 512-bit binary floats beyond, complex a pair of
// those. A ConstVal is 16 bytes: an int64 fast path, or a pointer to the
// big value in the compiler's arena (see const.c for the layout).

typedef enum ConstKind {
    CONST_NONE,         // not a constant (or an invalid one)
    CONST_BOOL,
    CONST_INT,
    CONST_FLOAT,
    CONST_COMPLEX,
    CONST_STRING,
} ConstKind;

// How a numeric ConstVal holds its value; 0 keeps `{.kind = CONST_INT, .u.i = 1}`
// a valid small integer.
// CREP_STRBUF: a CONST_STRING whose bytes lie in a growable buffer (const_concat).
enum { CREP_SMALL, CREP_INT, CREP_RAT, CREP_FLOAT, CREP_COMPLEX, CREP_STRBUF };

typedef struct ConstNum ConstNum;

typedef struct ConstVal {
    uint8_t kind;       // ConstKind
    uint8_t rep;        // CREP_*: how u holds the value
    uint32_t len;       // CONST_STRING: length in bytes
    union {
        bool b;
        int64_t i;              // CONST_INT with rep CREP_SMALL
        const char *s;          // CONST_STRING: len bytes (not always NUL-terminated)
        const ConstNum *num;    // every other numeric value
    } u;
} ConstVal;

// Reading constants (const.c), for the checker and the passes.
// An integer constant's value if it fits in int64.
bool const_int64(ConstVal x, int64_t *out);
// The low 64 bits (two's complement) of an integer constant, or of the
// integer part of a float constant within int64 range (else 0): the bits of
// a typed constant's SSA value.
uint64_t const_bits64(ConstVal x);
// The nearest float64 of a numeric constant (its real part if complex),
// +-Inf beyond the range: what gc's SSA holds for a float64 constant.
double const_float64(ConstVal x);
double const_imag64(ConstVal x);
int const_sign(ConstVal x);   // -1, 0, 1; a complex is 0 only if zero
// The value as types2 prints it ("300", "1.5", "1e+1000", "\"s\"", "true").
const char *const_string_of(Compiler *cc, ConstVal v);
bool const_equal(ConstVal a, ConstVal b);

// ---------------------------------------------------------------------------
// The AST (parse.c builds it, check*.c annotates it, astprint.c prints it)

typedef enum NodeKind {
    N_BAD,
    // expressions
    N_IDENT,        // ident.name; ident.obj after check
    N_BASICLIT,     // lit.kind (T_INT ... T_STRING), lit.text/len
    N_COMPOSITE,    // complit.type (NULL when elided), complit.elts, complit.rbrace
    N_KEYVALUE,     // kv.key, kv.value
    N_FUNCLIT,      // funclit.type (N_FUNCTYPE), funclit.body, funclit.fn
    N_PAREN,        // unary.x
    N_SELECTOR,     // sel.x, sel.name, sel.name_pos; sel.* filled by check
    N_INDEX,        // index.x, index.index
    N_SLICE,        // slice.x, slice.lo, slice.hi, slice.max (each may be NULL), slice.full
    N_TYPEASSERT,   // assert.x, assert.type (NULL for x.(type))
    N_CALL,         // call.fun, call.args, call.has_dots
    N_STAR,         // unary.x: dereference or pointer type
    N_UNARY,        // unary.op (+ - ! ^ & <-), unary.x
    N_BINARY,       // binary.op, binary.x, binary.y
    // types
    N_ARRAYTYPE,    // arraytype.len (NULL: slice; N_ELLIPSIS with no elem: [...]T), arraytype.elem
    N_STRUCTTYPE,   // fields.list of N_FIELD
    N_FUNCTYPE,     // functype.params, functype.results: lists of N_FIELD
    N_INTERFACETYPE,// fields.list of N_FIELD (method: names[0] + type N_FUNCTYPE; embedded: no names)
    N_MAPTYPE,      // maptype.key, maptype.value
    N_CHANTYPE,     // chantype.dir, chantype.elem
    N_ELLIPSIS,     // unary.x: `...T` of a variadic parameter (x NULL inside [...]T)
    N_FIELD,        // field.names (N_IDENT list, may be empty), field.type, field.tag, field.embedded
    // statements
    N_EMPTYSTMT,
    N_DECLSTMT,     // declstmt.decl (N_GENDECL)
    N_LABELED,      // labeled.label (N_IDENT), labeled.stmt
    N_EXPRSTMT,     // unary.x
    N_SENDSTMT,     // send.chan, send.value
    N_INCDEC,       // incdec.x, incdec.op (T_INC / T_DEC)
    N_ASSIGN,       // assign.lhs, assign.rhs, assign.op (T_ASSIGN, T_DEFINE, T_ADD_ASSIGN, ...)
    N_GO,           // unary.x: the call
    N_DEFER,        // unary.x: the call
    N_RETURN,       // ret.results
    N_BRANCH,       // branch.tok (T_BREAK, T_CONTINUE, T_GOTO, T_FALLTHROUGH), branch.label (may be NULL), branch.target
    N_BLOCK,        // block.stmts, block.rbrace
    N_IF,           // ifs.init, ifs.cond, ifs.then (N_BLOCK), ifs.els (N_IF, N_BLOCK or NULL)
    N_CASECLAUSE,   // clause.list (exprs or types; empty list + is_default for default), clause.body, clause.colon
    N_SWITCH,       // sw.init, sw.tag (may be NULL), sw.clauses, sw.rbrace
    N_TYPESWITCH,   // sw.init, sw.bind (N_IDENT of `v :=` or NULL), sw.tag (the x of x.(type)), sw.clauses
    N_COMMCLAUSE,   // clause.comm (send/receive stmt, NULL for default), clause.body
    N_SELECT,       // sw.clauses, sw.rbrace
    N_FOR,          // fors.init, fors.cond, fors.post (each may be NULL), fors.body
    N_RANGE,        // range.key, range.value (may be NULL), range.define, range.x, range.body, range.extra
    // declarations
    N_IMPORTSPEC,   // import.name (N_IDENT or NULL; "." and "_" allowed), import.path, import.pkg after check
    N_VALUESPEC,    // valspec.names, valspec.type, valspec.values, valspec.iota (const only)
    N_TYPESPEC,     // typespec.name, typespec.type, typespec.alias, typespec.notinheap (//go:notinheap)
    N_GENDECL,      // gendecl.tok (T_IMPORT, T_CONST, T_VAR, T_TYPE), gendecl.specs
    N_FUNCDECL,     // funcdecl.recv (N_FIELD or NULL), funcdecl.name, funcdecl.type, funcdecl.body (NULL without body), funcdecl.pragmas, funcdecl.fn
    N_KIND_COUNT
} NodeKind;

const char *node_kind_name(NodeKind k);

typedef struct NodeList {
    Node **items;
    int len;
} NodeList;

// What a selector x.f denotes, decided by the checker.
typedef enum SelKind {
    SEL_NONE,
    SEL_QUALIFIED,      // pkg.Name: sel.obj is the package member
    SEL_FIELD,          // x.f: a field, reached through sel.path
    SEL_METHOD,         // x.m used as a call's function, or a method value x.m
    SEL_METHOD_EXPR,    // T.m or (*T).m
    SEL_INTERFACE_METHOD, // x.m where x is of interface type
} SelKind;

// What a call is, decided by the checker.
typedef enum CallKind {
    CALL_NONE,
    CALL_FUNC,          // a call of a function value or declared function
    CALL_METHOD,        // a call of a concrete method (fun is a SEL_METHOD selector)
    CALL_INTERFACE,     // a call of an interface method
    CALL_CONVERSION,    // T(x)
    CALL_BUILTIN,       // call.builtin says which
} CallKind;

typedef enum Builtin {
    BI_NONE,
    BI_APPEND, BI_CAP, BI_CLOSE, BI_COMPLEX, BI_COPY, BI_DELETE, BI_IMAG,
    BI_LEN, BI_MAKE, BI_NEW, BI_PANIC, BI_PRINT, BI_PRINTLN, BI_REAL, BI_RECOVER,
    // package unsafe
    BI_ALIGNOF, BI_OFFSETOF, BI_SIZEOF, BI_UNSAFE_ADD, BI_UNSAFE_SLICE,
    BI_COUNT
} Builtin;

// A big file has a million nodes: kind and flags are 16 bits each so that
// with the position they fill the first 16 bytes. A node is allocated with
// only the union member of its kind (ast.c: an identifier takes 56 bytes,
// the biggest kinds 104).
struct Node {
    uint16_t kind;  // NodeKind
    uint16_t flags; // NF_* below
    Pos pos;        // gc's position for this construct (see parse.c)
    Type *type;     // expression: its type after check; type expression: the type denoted
    // Expression: its constant value, if constant; NULL if not. Read it with
    // node_val, set it with node_set_val: most nodes are not constants, and
    // a pointer made each of the million nodes of a big file 8 bytes smaller
    // than the value itself.
    const ConstVal *cv;
    union {
        struct { Name *name; Obj *obj; } ident;
        struct { TokKind kind; const char *text; uint32_t len; } lit;
        struct { Node *type; NodeList elts; Pos rbrace; } complit;
        struct { Node *key, *value; } kv;
        struct { Node *type; Node *body; FuncInfo *fn; } funclit;
        struct { TokKind op; Node *x; } unary;
        struct { TokKind op; Node *x, *y; } binary;
        struct {
            Node *x; Name *name; Pos name_pos;
            SelKind kind;
            Obj *obj;           // the field, method or package member selected
            int *path;          // field indexes of embedded fields walked, then the final index
            int depth;          // length of path
            bool indirect;      // a pointer was followed implicitly on the way
        } sel;
        struct { Node *x, *index; } index;
        struct { Node *x, *lo, *hi, *max; bool full; } slice;
        struct { Node *x, *type; } assert;
        struct {
            Node *fun; NodeList args; bool has_dots; Pos rparen;
            CallKind kind; Builtin builtin;
        } call;
        struct { Node *len, *elem; } arraytype;
        struct { NodeList list; Pos rbrace; } fields;
        struct { NodeList params, results; } functype;
        struct { Node *key, *value; } maptype;
        struct { int dir; Node *elem; } chantype;   // dir: CHAN_BOTH, CHAN_SEND, CHAN_RECV
        struct { NodeList names; Node *type; Node *tag; bool embedded; } field;
        struct { Node *decl; } declstmt;
        struct { Node *label; Node *stmt; Obj *obj; } labeled;
        struct { Node *chan, *value; } send;
        struct { Node *x; TokKind op; } incdec;
        struct { NodeList lhs, rhs; TokKind op; } assign;
        struct { NodeList results; } ret;
        struct { TokKind tok; Node *label; Node *target; } branch;
        struct { NodeList stmts; Pos rbrace; } block;
        struct { Node *init, *cond, *then, *els; } ifs;
        struct { NodeList list; NodeList body; Node *comm; bool is_default; Pos colon; Obj *bind; } clause;
        struct { Node *init, *tag, *bind; NodeList clauses; Pos rbrace; } sw;
        struct { Node *init, *cond, *post, *body; } fors;
        struct {
            Node *key, *value, *x, *body; bool define;
            Node *extra;    // a third iteration variable: types2 reports "range clause
                            // permits at most two iteration variables" at its start
        } range;
        struct { Node *name, *path; Package *pkg; } import;
        struct { NodeList names; Node *type; NodeList values; int iota; } valspec;
        struct {
            Node *name, *type; bool alias, notinheap;
            NodeList tparams;   // a generic std type's type parameters (N_FIELD), see generic.c
        } typespec;
        struct { TokKind tok; NodeList specs; } gendecl;
        struct {
            Node *recv; Node *name; Node *type; Node *body;
            unsigned pragmas; const char *linkname;
            FuncInfo *fn;
        } funcdecl;
    } u;
};

enum NodeFlag {          // at most 16 of them (Node.flags)
    NF_PARENS = 1 << 0,     // written in parentheses (kept for messages)
    NF_IMPLICIT = 1 << 1,   // made by the parser or checker, not written
    NF_TYPE = 1 << 2,       // check: the expression denotes a type
    NF_ADDRESSABLE = 1 << 3,// check: an addressable operand
    NF_COMMAOK = 1 << 4,    // check: v, ok form (map index, type assertion, receive)
    NF_USED = 1 << 5,       // check: the expression's value is used
    NF_BADLIT = 1 << 6,     // parse: a malformed literal, already reported
    NF_SHIFT_LHS = 1 << 7,  // check: untyped constant left operand of a non-constant shift
    NF_INLINED = 1 << 8,    // inline: an assignment the inliner made (to the parameters or the
                            // results of an inlined call), which gc makes as a pair
    NF_IMPORTED = 1 << 9,   // inline: copied from another package's function, whose body
                            // gc reads from export data and prints in export form
};

enum { CHAN_BOTH = 3, CHAN_SEND = 1, CHAN_RECV = 2 };

// Node constructors and lists (ast.c). A node is allocated with only its
// kind's member of the union: copy one with node_clone, never `*m = *n`, and
// change a node's kind in place only where node_size allows it.
Node *node_new(Compiler *cc, NodeKind kind, Pos pos);
Node *node_clone(Compiler *cc, const Node *n);
// A node's constant value: a ConstVal of kind CONST_NONE if it has none.
extern const ConstVal node_no_val;
static inline const ConstVal *node_val(const Node *n) { return n->cv ? n->cv : &node_no_val; }
static inline bool node_is_const(const Node *n) { return n->cv != NULL; }
// Sets (a copy of) v as n's value, or clears it if v is CONST_NONE. The
// copy is n's own: a clone shares the original's until set.
void node_set_val(Compiler *cc, Node *n, ConstVal v);
size_t node_size(NodeKind kind);
NodeList nodelist_from(Compiler *cc, Node **items, int len);  // copies into the arena
// Where the construct starts, as types2's syntax.StartPos computes it (n->pos
// is gc's node position, e.g. a binary expression's operator).
Pos node_start_pos(const Node *n);

// One parsed file.
typedef struct File {
    const SourceFile *src;
    Node *pkg_name;     // N_IDENT of the package clause
    Pos package_pos;
    NodeList imports;   // N_IMPORTSPEC, in order
    NodeList decls;     // N_GENDECL and N_FUNCDECL, in order (imports included)
    // Directives written before a declaration that does not allow them
    // (//go:noinline before a var, //go:notinheap before a func, anything but
    // //go:build before the package clause). gc reports "misplaced compiler
    // directive" at each only when type checking found no error, so the
    // driver does it then. (Misplaced directives elsewhere, e.g. inside a
    // function body, are syntax-time errors the parser reports itself.)
    Pos *misplaced_pragmas;
    int nmisplaced_pragmas;
    // Nonzero when gc would stop after parsing: syntax errors ("syntax
    // error: ..."), a bad package clause, or nesting too deep (then the tree
    // is incomplete). Lexical errors and the parser's other errors ("method
    // has no receiver", "expression in defer must be function call", ...) do
    // not stop gc: it type-checks and reports those errors too.
    int syntax_errors;
    // In an imported std file, generic declarations (sync/atomic's
    // Pointer[T]) are dropped without an error: each leaves its name here, as
    // an N_TYPESPEC or N_FUNCDECL with no type, so that a use of it can say
    // that generics are not supported. (Methods of generic types leave nothing.)
    NodeList generics;
    bool has_generics;  // a std file declaring a generic type (kept, see generic.c)
} File;

// Parses one file. Syntax errors are recorded as diagnostics; the result is
// always a File (possibly partial). Nesting deeper than PARSE_MAX_DEPTH is
// reported, not recursed into.
#define PARSE_MAX_DEPTH 1000000
File *parse_file(Compiler *cc, const SourceFile *src);

// Prints the AST in a stable, indented, one-construct-per-line form for tests.
// `out` is a FILE*.
void ast_print_file(void *out, const File *f);
void ast_print_node(void *out, const Node *n, int indent);
// A node as gc's syntax.String prints it (the short form types2 uses in its
// error messages: "x + y", "T{…}", "func(x int) {…}"). Text in the arena.
const char *node_string(Compiler *cc, const Node *n);

// An expression as gc prints it in -m messages (exprfmt.c): `&T{...}`,
// `make([]int, n)`, `func literal`, `s + t`, `([]byte)(s)`, `n.String`.
// The text lives in the arena.
const char *expr_string(Compiler *cc, const Node *n);
// A statement as gc's -m=2 explanations name it: `x = y`, `x := y`,
// `return p, nil`, `ch <- p`, `for loop`, `case T: body`; for a N_VALUESPEC,
// `a = p` (one per name, "; "-separated). expr_string of a statement is the same.
const char *stmt_string(Compiler *cc, const Node *n);
// The assignment gc makes of a var spec for its i-th name: `b = a` for
// `var b, c = a, a`, `d, e = f()` for `var d, e = f()`, `x = <nil>` for `var x T`.
const char *var_assign_string(Compiler *cc, const Node *spec, int i);
// A function body as gc prints the saved copy in "can inline f with cost N
// as: SIG { BODY }": statements "; "-separated, `x++` as `x += 1`, each
// `var x T = v` as `var x T; x = v`, a constant declaration as gc's printer
// names it (`<node DCLCONST>`), gc's temporaries as fn's `.autotmp_N`.
const char *inline_body_string(Compiler *cc, const FuncInfo *fn, const NodeList *body);

// ---------------------------------------------------------------------------
// Types (types.c)

typedef enum TypeKind {
    TY_INVALID,
    // basic types, in the order of universe.c's table
    TY_BOOL,
    TY_INT, TY_INT8, TY_INT16, TY_INT32, TY_INT64,
    TY_UINT, TY_UINT8, TY_UINT16, TY_UINT32, TY_UINT64, TY_UINTPTR,
    TY_FLOAT32, TY_FLOAT64, TY_COMPLEX64, TY_COMPLEX128,
    TY_STRING, TY_UNSAFE_POINTER,
    // untyped constant kinds
    TY_UNTYPED_BOOL, TY_UNTYPED_INT, TY_UNTYPED_RUNE, TY_UNTYPED_FLOAT,
    TY_UNTYPED_COMPLEX, TY_UNTYPED_STRING, TY_UNTYPED_NIL,
    // composite types
    TY_ARRAY, TY_SLICE, TY_STRUCT, TY_POINTER, TY_FUNC, TY_INTERFACE,
    TY_MAP, TY_CHAN,
    TY_NAMED,       // a defined type: named.obj, named.underlying, named.methods
    TY_TUPLE,       // the result list of a multi-value call
    TY_KIND_COUNT
} TypeKind;

typedef struct Field {
    Name *name;         // for an embedded field, the type's name
    Type *type;
    int64_t offset;     // struct fields: byte offset for amd64
    const char *tag;    // unquoted tag or NULL
    Obj *obj;           // the field's object (OBJ_VAR with is_field)
    Pos pos;
    bool embedded;
} Field;

typedef struct Method {
    Name *name;
    Type *type;         // signature without the receiver
    Obj *obj;           // OBJ_FUNC for a declared method; interface methods have one too
    bool ptr_recv;      // declared with a pointer receiver
} Method;

struct Type {
    TypeKind kind;
    uint8_t size_error; // SIZE_ERR_* bits, set by the layout (types.c)
    uint16_t memo;      // what types.c's recursive queries found (in the padding)
    int64_t size;       // amd64; -1 until computed
    int32_t align;
    uint32_t id;        // unique per Compiler, for hashing and stable output
    union {
        struct { Type *elem; int64_t len; } array;          // len -1 while [...]T is unresolved
        struct { Type *elem; } slice;
        struct { Type *elem; } ptr;
        struct { Field *fields; int nfields; } strct;
        struct {
            Type **params;
            Type **results;
            Type *recv;         // for method signatures as seen from a method expression: NULL
            Name **param_names; // NULL or one per param (NULL entries: unnamed);
            Name **result_names;// types2 prints them in signatures
            int nparams, nresults;  // (after the pointers: no padding)
            bool variadic;      // the last param is a slice collected from ...
        } func;
        struct {
            Method *methods; int nmethods;  // complete method set, sorted by name (gc's order)
            Type **embedded; int nembedded;
            bool complete;
        } iface;
        struct { Type *key, *value; } map;
        struct { Type *elem; int dir; } chan;
        struct {
            Obj *obj;           // the OBJ_TYPE that declared it
            Type *underlying;
            Type *rhs;          // its declaration's right side (types2's fromRHS), for the cycle check
            Method *methods;    // declared methods, in declaration order
            // Generics of std (generic.c): a generic type has `generic` set
            // and no underlying type; an instance has its origin and type
            // arguments; a GC shape type (go.shape.*uint8_0) stands for a
            // type parameter in stenciled code, `bound` its constraint.
            struct Generic *generic;
            Obj *orig;
            Type **targs;
            Type *bound;
            int nmethods, ntargs;   // (after the pointers: no padding)
            bool shape;
        } named;
        struct { Type **types; int n; } tuple;
    } u;
};

// Canonical constructors: equal composite types are pointer-equal is not
// promised; use type_identical.
Type *type_new(Compiler *cc, TypeKind kind);
Type *type_pointer(Compiler *cc, Type *elem);
Type *type_slice(Compiler *cc, Type *elem);
Type *type_array(Compiler *cc, Type *elem, int64_t len);
Type *type_map(Compiler *cc, Type *key, Type *value);
Type *type_chan(Compiler *cc, Type *elem, int dir);
Type *type_tuple(Compiler *cc, Type **types, int n);
Type *type_basic(Compiler *cc, TypeKind kind);

// Inline: the passes ask these of nearly every node they look at.
static inline Type *type_underlying(Type *t) {
    // A chain of defined types whose underlying is being resolved ends early;
    // the bound keeps a broken chain from looping.
    for (int i = 0; t && t->kind == TY_NAMED && i < 100; i++)
        t = t->u.named.underlying;
    if (t && t->kind == TY_NAMED)
        return NULL;
    return t;
}
bool type_identical(Type *a, Type *b);
bool type_identical_ignore_tags(Type *a, Type *b);  // struct tags do not count (conversions)
bool type_not_in_heap(Type *t);    // gc's NotInHeap (//go:notinheap)
static inline bool type_is_untyped(Type *t) { return t && t->kind >= TY_UNTYPED_BOOL && t->kind <= TY_UNTYPED_NIL; }
bool type_is_integer(Type *t);
bool type_is_unsigned(Type *t);
bool type_is_float(Type *t);
bool type_is_complex(Type *t);
bool type_is_numeric(Type *t);
bool type_is_string(Type *t);
bool type_is_boolean(Type *t);
static inline bool type_is_interface(Type *t) {
    Type *u = type_underlying(t);
    return u && u->kind == TY_INTERFACE;
}
static inline bool type_is_pointer(Type *t) {
    Type *u = type_underlying(t);
    return u && u->kind == TY_POINTER;
}
bool type_has_pointers(Type *t);    // for the escape analysis: does it hold pointers
bool type_has_shape(Type *t);       // mentions a GC shape type (generic.c): gc's HasShape
// An interface holding a value of type t keeps the value itself in its data
// word, not a pointer to a boxed copy (gc's types.IsDirectIface): pointer-
// shaped types, and structs and arrays of one element that is direct.
bool type_is_direct_iface(Type *t);
bool type_comparable(Type *t);
int64_t type_size(Compiler *cc, Type *t);
int32_t type_align(Compiler *cc, Type *t);
// gc's limit on the size of a value (amd64's MaxWidth): layouts past it are
// clamped and marked, and type_size_error names each such type once.
#define TYPE_MAX_WIDTH ((int64_t)1 << 50)
enum {
    SIZE_ERR_ARRAY = 1,     // an array larger than the address space
    SIZE_ERR_STRUCT = 2,    // a struct (or tuple) too large
    SIZE_ERR_INSIDE = 4,    // one of the types it contains is one of those
    SIZE_ERR_REPORTED = 8,  // type_size_errors has named it
    SIZE_ERR_WALKED = 16,   // a defined type type_size_errors has been through
};
// Calls report(arg, gc's message) for each type in t (t included, innermost
// first, as gc sizes them) too large and not named before.
void type_size_errors(Compiler *cc, Type *t, void (*report)(void *, const char *), void *arg);
// The type as gc prints it in messages: "*T", "[]int", "map[string]*node",
// "func(int) string", "interface {}", "struct { x int }".
const char *type_string(Compiler *cc, Type *t);
// Its first max bytes at most, at a cost bounded by max (pictures cut long lines).
const char *type_string_max(Compiler *cc, Type *t, size_t max);
// The type as types2 (gc's type checker) prints it in errors: "interface{}",
// "struct{x int}", "func(x int) string"; named types of packages other than
// `from` are qualified by package name.
const char *type_string_types2(Compiler *cc, Type *t, Package *from);
// The type as gc's link names spell it (generic.c's shape names): named
// types qualified by package path, unexported fields too, uint8 for byte:
// "struct { go/token.name string; go/token.mutex sync.Mutex }".
const char *type_link_string(Compiler *cc, Type *t);

// ---------------------------------------------------------------------------
// Objects and scopes (scope.c)

typedef enum ObjKind {
    OBJ_BAD,
    OBJ_CONST,
    OBJ_TYPE,
    OBJ_VAR,        // variables, params, results, struct fields
    OBJ_FUNC,       // functions and methods
    OBJ_PKG,        // an imported package name in a file scope
    OBJ_BUILTIN,    // len, append, unsafe.Sizeof, ...
    OBJ_NIL,
    OBJ_LABEL,
} ObjKind;

// A big file has a few hundred thousand objects: kind and color are bytes
// beside the position, and the flags of a variable bits.
struct Obj {
    uint8_t kind;       // ObjKind
    uint8_t color;      // checker: 0 unchecked, 1 in progress, 2 done (package level)
    Pos pos;            // position of the declaring identifier
    Name *name;
    Type *type;
    Package *pkg;       // declaring package (NULL for universe)
    Node *decl;         // the declaring spec, FuncDecl, Field, assignment, ...
    Scope *scope;       // the scope it was declared in
    void *declinfo;     // checker-private: how to check it (see check.h)
    union {
        ConstVal cval;                      // OBJ_CONST
        Builtin builtin;                    // OBJ_BUILTIN
        Package *imported;                  // OBJ_PKG
        struct {                            // OBJ_FUNC
            FuncInfo *fn;
            Type *recv;                     // receiver type (T or *T) for methods
        } func;
        struct {                            // OBJ_VAR
            FuncInfo *fn;                   // owning function; NULL for globals and fields
            int loop_depth;                 // of its declaration (escape analysis)
            int param_index;                // params: 0.., receiver is -1; results: 0..
            bool is_global : 1, is_param : 1, is_result : 1, is_recv : 1, is_field : 1, embedded : 1;
            bool used : 1;                  // for "declared but not used"
            bool addr_taken : 1;            // &x, x.m() with pointer receiver, slicing an array
            bool captured : 1;              // referenced from a func literal
            bool reassigned : 1;            // assigned after its declaration
        } var;
        struct {                            // OBJ_LABEL
            Node *stmt;
            int loop_depth;
            bool backward_goto : 1;         // the target of a goto that comes after it
            bool used : 1;
        } label;
    } u;
};

// A scope maps names to objects. Lookups walk outward through parents.
struct Scope {
    Scope *parent;
    Obj **entries;      // small scopes: linear; large ones: open hash (see scope.c)
    Name **keys;        // hashed: entries[i]->name, probed without touching the objects
    int len, cap;
    bool hashed;
    bool is_func;       // the outermost scope of a function body
    bool is_pkg;
    bool is_universe;
};

Scope *scope_new(Compiler *cc, Scope *parent);
Obj *scope_lookup_local(Scope *s, Name *name);
// Makes an empty scope a table for about n objects at once (a package scope
// grown by doubling rebuilt itself a dozen times).
void scope_reserve(Compiler *cc, Scope *s, int n);
Obj *scope_lookup(Scope *s, Name *name);          // walks parents
// Inserts obj; returns the object already there with that name, or NULL.
Obj *scope_insert(Compiler *cc, Scope *s, Obj *obj);
Obj *obj_new(Compiler *cc, ObjKind kind, Name *name, Pos pos, Type *type);

// ---------------------------------------------------------------------------
// Functions, as the checker sees them. One FuncInfo per FuncDecl and per
// func literal: the SSA builder and the escape analysis start from here.

struct FuncInfo {
    Obj *obj;               // OBJ_FUNC for declared functions and methods; NULL for literals
    Node *decl;             // N_FUNCDECL or N_FUNCLIT
    Type *sig;              // TY_FUNC
    Obj *recv;              // receiver variable or NULL
    Obj **params;
    Obj **results;
    int nparams, nresults;
    FuncInfo *outer;        // enclosing function of a literal
    PtrVec closures;        // func literals directly inside, in source order (FuncInfo*)
    PtrVec captured;        // literals: outer variables referenced (Obj*), in first-use order
    const char *gc_name;    // "f", "T.M", "(*T).M", "f.func1", "T.M.func2" as gc names it
    Package *pkg;
    unsigned pragmas;
    int nlits;              // literals numbered so far (for func1, func2, ... naming)
    Scope *scope;           // checker: the scope of the parameters and the body
    PtrVec locals;          // checker: variables declared in the body (Obj*), in source
                            // order, including type-switch clause variables; not those
                            // of nested func literals
    FuncInfo *copy_of;      // a literal the inliner copied into another function (a new
                            // function, as in gc): the literal in the source it copies
    bool shape;             // a method of a generic std type stenciled for a GC shape
                            // (generic.c): gc marks it DUPOK and passes a dictionary
    uint8_t facts;          // FuncFact bits: what the body may hold (see func_may_hold)
};

// What a body (with the literals in it and, once inlining is done, the
// bodies inlined into them) holds of the constructs that some whole-program
// passes act on, so that they skip the functions without any. The checker
// sets FACT_CHECKED when it checks the body, then a bit per construct it
// meets, in the function and every function around it; the inliner adds a
// callee's bits to its caller's. A bit may be set for nothing (a superset),
// never missing: a function the checker did not see (made by a pass) may
// hold anything.
enum FuncFact {
    FACT_CHECKED = 1 << 0,
    FACT_IFACE_CALL = 1 << 1,   // a call of an interface's method (devirtualize)
    FACT_ARRAY_INDEX = 1 << 2,  // an index of an array, *array or constant string (bounds)
    FACT_DEAD_CODE = 1 << 3,    // an if, for or switch on a constant, an empty statement (early deadcode)
    FACT_ALL = FACT_IFACE_CALL | FACT_ARRAY_INDEX | FACT_DEAD_CODE,
};
static inline bool func_may_hold(const FuncInfo *fi, unsigned fact) {
    return !(fi->facts & FACT_CHECKED) || (fi->facts & fact);
}
// Adds the construct bits `facts` to fi and the functions around it.
static inline void func_add_facts(FuncInfo *fi, unsigned facts) {
    for (; fi; fi = fi->outer)
        fi->facts |= (uint8_t)(facts & FACT_ALL);
}

// ---------------------------------------------------------------------------
// Tree helpers (tree.c): what several passes need of the typed AST.

// n without the parentheses written around it (inline: every pass asks, at
// most nodes).
static inline Node *unparen(const Node *n) {
    while (n && n->kind == N_PAREN)
        n = n->u.unary.x;
    return (Node *)n;
}
// The body (N_BLOCK) of a declared function or a func literal; NULL if none.
Node *func_body(const FuncInfo *fi);
// Calls f on n and, while f returns true, on its children (a func literal's
// body included), in source order.
typedef bool (*TreeVisitFn)(Node *n, void *ctx);
void tree_visit(Node *n, TreeVisitFn f, void *ctx);
void tree_visit_list(NodeList *l, TreeVisitFn f, void *ctx);
// The same, and `post` (its result ignored) on each node f descended into,
// after its children.
void tree_visit_post(Node *n, TreeVisitFn pre, TreeVisitFn post, void *ctx);
// Old object -> new object, filled by tree_copy.
typedef struct TreeObjMap {
    Obj **from, **to;
    int len, cap;
} TreeObjMap;
Obj *tree_objmap_get(const TreeObjMap *m, const Obj *from);
void tree_objmap_put(Compiler *cc, TreeObjMap *m, Obj *from, Obj *to);
// A deep copy of n; variables declared in `root` (or in literals inside it)
// become fresh objects, recorded in `map` (which may hold some already: they
// are used as given). With `site`, the copies (nodes and fresh objects) are
// placed there, as gc reports inlined code at the outermost call site; the
// inside of a func literal (its nodes and variables) keeps its positions, as
// gc's inliner leaves the closures it copies (the literal itself moves).
Node *tree_copy(Compiler *cc, Node *n, const FuncInfo *root, TreeObjMap *map, const Pos *site);
// The same, telling what the inliner would otherwise walk the copy again
// for: whether it holds a func literal, and its return statements outside
// literals, in source order.
// With `calls`, also its calls of functions and methods outside literals,
// in the order of tree_visit_post (children first), but the call a go or
// defer statement makes.
typedef struct TreeCopyFacts {
    bool literals;
    bool calls;         // in: collect calls
    PtrVec returns;
    PtrVec call_list;
} TreeCopyFacts;
Node *tree_copy_facts(Compiler *cc, Node *n, const FuncInfo *root, TreeObjMap *map, const Pos *site,
                      TreeCopyFacts *facts);
// gc's StaticValue: n, or what the local variable n names is known to hold
// (defined with a value, never assigned again, its address never taken),
// repeatedly. static_definition: that value of one variable, or NULL.
Node *static_value(Node *n);
Node *static_definition(const Obj *var);
// Whether n calls something (new excepted) or receives from a channel, outside
// func literals: gc's type checker then computes a callee or a method's
// receiver into a temporary first (RewriteNonNameCall: f()(), f().M()).
bool tree_calls_or_chans(const Node *n);
// x, x.f, x[i] of an array: the variable &... takes the address of (gc's OuterValue).
Node *outer_value(Node *n);
// The functions' call graph bottom up, as gc's VisitFuncsBottomUp: `batch`
// gets each strongly connected component of top-level functions, callees
// first; `recursive` when the component is a cycle (one function calling
// itself, directly or from a literal inside it, included).
// `fns` is valid only during the call.
typedef void (*TreeSccFn)(FuncInfo **fns, int n, bool recursive, void *ctx);
void funcs_bottom_up(Compiler *cc, FuncInfo **fns, int n, TreeSccFn batch, void *ctx);
// The same, telling as each function's body is walked for the call graph
// (before any batch holding it) the calls in it that gc's InlineCalls
// visits: for each function and literal (a literal first, then the function
// it is in), its calls of functions and methods outside nested literals, in
// the order of tree_visit_post (children first), but the call a go or defer
// statement makes. `calls` is valid only during the call.
typedef void (*TreeCallsFn)(FuncInfo *fi, Node **calls, int n, void *ctx);
void funcs_bottom_up_calls(Compiler *cc, FuncInfo **fns, int n, TreeCallsFn calls, TreeSccFn batch, void *ctx);

// ---------------------------------------------------------------------------
// Packages, the checker and the package loader

struct Package {
    const char *path;       // "main", "fmt", "runtime/internal/atomic"
    Name *name;
    Scope *scope;           // package scope
    File **files; int nfiles;
    Scope **file_scopes;    // one per file: imports live there
    PtrVec funcs;           // FuncInfo* of every function, method and literal, in source order
    PtrVec globals;         // Obj* of package-level variables, in source order
    PtrVec init_order;      // Obj* of package-level variables with an initializer, in
                            // gc's initialization order (for `var a, b = f()` only a)
    const char *qual;       // how gc qualifies its names when not by `name` (reach.c):
                            // its quoted path, if another package read shares the name
    bool is_std;
    bool checked;
    bool fake;              // an import minigc could not load: after its one error,
                            // uses of it are silently invalid, as gc does for a failed import
};

// Type-checks the files of one package. Imports are loaded (parsed and
// checked) on first use, from GOROOT's sources (loader.c). Errors are recorded
// as diagnostics; returns the package even when there are errors.
Package *check_package(Compiler *cc, const char *path, File **files, int nfiles);

// Build constraints for linux/amd64, CGO_ENABLED=0, gc, Go 1.19 (buildctx.c).
bool build_tag_ok(const char *tag, size_t len);
bool build_name_ok(const char *name);               // file-name rules (and *.go, not _test.go)
bool build_header_ok(const char *text, size_t len); // //go:build or // +build lines
bool build_needs_cgo(const File *f);                // imports "C"

// The package loader (loader.c): imports read from GOROOT's sources.
typedef struct Loader Loader;
// GOROOT, or NULL with *why saying what is wrong with it.
const char *loader_goroot(Compiler *cc, const char **why);
// Reads an -importcfg file; false (reported) if it cannot be read or parsed.
bool loader_read_importcfg(Compiler *cc, const char *file);
// Loads (once) and checks the package at `path`; NULL with *why for gc's
// "could not import PATH (WHY)".
Package *loader_import(Compiler *cc, const char *path, const char **why);
// What the checker calls for an import: loader_import.
Package *import_package(Compiler *cc, const char *path, const char **why);
// Drops from every imported package's funcs the functions the main package
// cannot reach, so the passes analyse only the others (reach.c).
void reach_prune(Compiler *cc, Package *main_pkg);
// Sets Package.qual of the packages gc names by their quoted path: those
// whose name another package mentioned in the direct imports' export data
// shares (reach.c).
void reach_qualifiers(Compiler *cc, Package *main_pkg);
// The qualifier gc prints before an imported package's names.
static inline const char *pkg_qualifier(const Package *p) { return p->qual ? p->qual : p->name->s; }

// ---------------------------------------------------------------------------
// The compilation context

typedef struct Options {
    int m_level;            // -m, -m=N, -m -m
    int l_level;            // -l as gc counts it: 1 disables inlining; 0, 2 and more
                            // inline (4: gc's cheap non-leaf calls)
    bool no_opt;            // -N
    bool all_errors;        // -e
    bool smallframes;       // -smallframes
    bool complete;          // -complete
    bool no_columns;        // -C: messages give file:line, without the column
    const char *pkg_path;   // -p
    const char *out_file;   // -o
    const char *debug;      // -d=...
    int inlfuncswithclosures; // -d=inlfuncswithclosures=N
    bool std;               // -std: compiling a standard-library package
    bool runtime;           // -+: compiling a runtime package
    bool analyse_all;       // every imported function analysed, reached or not (MINIGC_LAZY=0)
    size_t stack_size;      // of the C stack the compile runs on (0: the main thread's)
} Options;

struct Compiler {
    Arena arena;
    Options opt;
    Diags diags;
    NameTable names;
    PtrVec files;           // SourceFile*
    Scope *universe;
    Package *unsafe_pkg;
    PtrVec packages;        // Package*: imports loaded so far (bottom-up), then the main package
    Type *basic[TY_UNTYPED_NIL + 1];   // basic and untyped types by kind
    Type *error_type;       // the predeclared `error` (a named interface)
    Type *any_type;         // interface{}
    Type *byte_type;        // the predeclared aliases byte and rune: types of kind
    Type *rune_type;        // TY_UINT8 / TY_INT32 that print as "byte" / "rune"
    uint32_t next_type_id;
    int import_depth;       // imported packages being checked (0: the main package)
    // Passes that rewrite calls as gc rewrites its IR (devirtualize, the
    // temporaries escape analysis introduces) have messages show them
    // rewritten: expr_string prints call_text(ctx, n) instead of a call n
    // when it returns a text. Set by the passes of one program run (each
    // keeping the one before it), cleared by program_free.
    const char *(*call_text)(void *ctx, const Node *call);
    void *call_text_ctx;
    Loader *loader;         // GOROOT, -importcfg, the loading stack (loader.c)
    PtrVec line_bases;      // LineBase*, in the order the lexer met them
    struct Generics *generics; // generic.c: GC shape types, files seen from importers
};

// Fills the universe scope, the basic types and package unsafe (universe.c).
void universe_init(Compiler *cc);

// Runs fn(arg) on a thread with a stack of several GiB, reserved but only
// committed as used, and returns its result; *stack_size (written before fn
// starts) is the size obtained (stack.c).
#define LARGE_STACK_SIZE ((size_t)8 << 30)
int run_on_large_stack(int (*fn)(void *), void *arg, size_t *stack_size);

// Creates a compilation with the universe in place.
Compiler *compiler_new(const Options *opt);
void compiler_free(Compiler *cc);

#endif
