// const.c - arithmetic on Go's constants as go/constant and types2 do it:
// exact integers and rationals, 512-bit binary floats, complex pairs, and
// the rounding to float32/float64 that a typed constant gets.
//
// Representations and their order follow go/constant (see const_num.h):
// int64 < big integer < rational < binary float < complex. An operation
// first brings both operands to the larger of their two representations,
// so 1 + 2 stays an int64, 1 / 3.0 is the rational 1/3, and anything that
// touches a binary float is one. Small integers take a fast path in plain
// int64 arithmetic and fall back to GMP only when a result does not fit.
// Results are made in the arena the caller passes (the compiler's); the
// GMP/MPFR temporaries of an operation are cleared before it returns.
#include "const_num.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(long) == sizeof(int64_t), "GMP's si functions must take int64");

void cn_go_range(void) {
    mpfr_set_emin(INT32_MIN);
    mpfr_set_emax(INT32_MAX);
}

ConstVal const_int(int64_t v) { return (ConstVal){.kind = CONST_INT, .rep = CREP_SMALL, .u.i = v}; }

ConstVal const_bool(bool b) { return (ConstVal){.kind = CONST_BOOL, .u.b = b}; }

ConstVal const_string(const char *s, size_t len) {
    return (ConstVal){.kind = CONST_STRING, .len = (uint32_t)len, .u.s = s};
}

// String concatenation: a chain a + b + c + ... (time/tzdata's is 5,000
// pieces long) must not copy the growing left side at every step, as go/constant's lazy
// strings avoid too. A concatenation's bytes go in a buffer with room to
// grow; when the left operand ends where its buffer's contents end, the
// right one is appended in place, so every partial result shares the
// buffer (each keeps its own length; none is NUL-terminated but the last).
typedef struct StrBuf {
    size_t cap, used;
    char data[];
} StrBuf;

ConstVal const_concat(Arena *a, ConstVal x, ConstVal y) {
    size_t n = (size_t)x.len + y.len;
    if (x.rep == CREP_STRBUF) {
        StrBuf *b = (StrBuf *)(void *)((char *)(uintptr_t)x.u.s - offsetof(StrBuf, data));
        if (b->used == x.len && n < b->cap) {
            if (y.len)
                memcpy(b->data + b->used, y.u.s, y.len);
            b->used = n;
            b->data[n] = 0;
            return (ConstVal){.kind = CONST_STRING, .rep = CREP_STRBUF, .len = (uint32_t)n, .u.s = b->data};
        }
    }
    size_t cap = 2 * n + 16;
    StrBuf *b = arena_alloc(a, sizeof(StrBuf) + cap);
    b->cap = cap;
    b->used = n;
    if (x.len)
        memcpy(b->data, x.u.s, x.len);
    if (y.len)
        memcpy(b->data + x.len, y.u.s, y.len);
    b->data[n] = 0;
    return (ConstVal){.kind = CONST_STRING, .rep = CREP_STRBUF, .len = (uint32_t)n, .u.s = b->data};
}

// ---------------------------------------------------------------------------
// Storage: limbs copied into the arena, read back through GMP's read-only
// views (mpz_roinit_n), so reading a big value allocates nothing.

static ConstNum *new_num(Arena *a) { return arena_alloc(a, sizeof(ConstNum)); }

static ConstLimbs save_limbs(Arena *a, mpz_srcptr z) {
    size_t n = mpz_size(z);
    mp_limb_t *d = arena_alloc(a, (n ? n : 1) * sizeof *d);
    if (n)
        memcpy(d, mpz_limbs_read(z), n * sizeof *d);
    return (ConstLimbs){.size = mpz_sgn(z) < 0 ? -(int32_t)n : (int32_t)n, .d = d};
}

static mpz_srcptr view(mpz_ptr tmp, ConstLimbs l) { return mpz_roinit_n(tmp, l.d, l.size); }

// A read-only rational over the stored parts; never cleared.
static void view_q(mpq_ptr q, const ConstNum *n) {
    mpz_t t;
    mpq_numref(q)[0] = *view(t, n->u.q.num);
    mpq_denref(q)[0] = *view(t, n->u.q.den);
}

ConstVal cn_make_int(Arena *a, mpz_srcptr z) {
    if (mpz_fits_slong_p(z))
        return const_int(mpz_get_si(z));
    ConstNum *n = new_num(a);
    n->u.z = save_limbs(a, z);
    return (ConstVal){.kind = CONST_INT, .rep = CREP_INT, .u.num = n};
}

bool cn_make_float(Arena *a, mpfr_srcptr f, ConstVal *out) {
    if (!mpfr_number_p(f))
        return false;
    ConstNum *n = new_num(a);
    mpz_t m;
    mpz_init(m);
    // -0 becomes 0, as go/constant's makeFloat makes it.
    n->u.f.exp = mpfr_zero_p(f) ? 0 : mpfr_get_z_2exp(m, f);
    n->u.f.mant = save_limbs(a, m);
    mpz_clear(m);
    *out = (ConstVal){.kind = CONST_FLOAT, .rep = CREP_FLOAT, .u.num = n};
    return true;
}

ConstVal cn_make_rat(Arena *a, mpq_srcptr q) {
    if (mpz_sizeinbase(mpq_numref(q), 2) < CONST_MAX_EXP && mpz_sizeinbase(mpq_denref(q), 2) < CONST_MAX_EXP) {
        ConstNum *n = new_num(a);
        n->u.q.num = save_limbs(a, mpq_numref(q));
        n->u.q.den = save_limbs(a, mpq_denref(q));
        return (ConstVal){.kind = CONST_FLOAT, .rep = CREP_RAT, .u.num = n};
    }
    // Too big a fraction: go/constant switches to a binary float. Its
    // value is finite: a 32-bit exponent covers any fraction we can hold.
    cn_go_range();
    mpfr_t f;
    mpfr_init2(f, CONST_PREC);
    mpfr_set_q(f, q, MPFR_RNDN);
    ConstVal v = {0};
    cn_make_float(a, f, &v);
    mpfr_clear(f);
    return v;
}

ConstVal cn_make_complex(Arena *a, ConstVal re, ConstVal im) {
    ConstNum *n = new_num(a);
    n->u.c.re = re;
    n->u.c.im = im;
    return (ConstVal){.kind = CONST_COMPLEX, .rep = CREP_COMPLEX, .u.num = n};
}

void cn_get_z(mpz_ptr z, ConstVal v) {
    mpz_t t;
    if (v.rep == CREP_SMALL)
        mpz_set_si(z, v.u.i);
    else
        mpz_set(z, view(t, v.u.num->u.z));
}

void cn_get_q(mpq_ptr q, ConstVal v) {
    if (v.kind == CONST_INT) {
        cn_get_z(mpq_numref(q), v);
        mpz_set_ui(mpq_denref(q), 1);
        return;
    }
    mpq_t r;
    view_q(r, v.u.num);
    mpq_set(q, r);
}

void cn_get_f(mpfr_ptr f, ConstVal v) {
    cn_go_range();
    mpz_t t;
    switch (v.rep) {
    case CREP_SMALL:
        mpfr_set_si(f, v.u.i, MPFR_RNDN);
        break;
    case CREP_INT:
        mpfr_set_z(f, view(t, v.u.num->u.z), MPFR_RNDN);
        break;
    case CREP_RAT: {
        mpq_t q;
        view_q(q, v.u.num);
        mpfr_set_q(f, q, MPFR_RNDN);
        break;
    }
    case CREP_FLOAT:
        mpfr_set_z_2exp(f, view(t, v.u.num->u.f.mant), (mpfr_exp_t)v.u.num->u.f.exp, MPFR_RNDN);
        break;
    default:
        mpfr_set_zero(f, 1);
    }
}

// go/constant's order of representations.
static int ord(ConstVal v) {
    switch (v.kind) {
    case CONST_INT: return v.rep == CREP_SMALL ? 2 : 3;
    case CONST_FLOAT: return v.rep == CREP_RAT ? 4 : 5;
    case CONST_COMPLEX: return 6;
    default: return 0;
    }
}

static bool is_numeric(ConstVal v) { return ord(v) >= 2; }

// ---------------------------------------------------------------------------
// Reading

bool const_int64(ConstVal x, int64_t *out) {
    if (x.kind != CONST_INT || x.rep != CREP_SMALL)
        return false;
    *out = x.u.i;
    return true;
}

static int limbs_sign(ConstLimbs l) { return l.size < 0 ? -1 : l.size > 0; }

int const_sign(ConstVal x) {
    switch (x.rep) {
    case CREP_SMALL: return x.kind != CONST_INT ? 1 : x.u.i < 0 ? -1 : x.u.i > 0;
    case CREP_INT: return limbs_sign(x.u.num->u.z);
    case CREP_RAT: return limbs_sign(x.u.num->u.q.num);
    case CREP_FLOAT: return limbs_sign(x.u.num->u.f.mant);
    case CREP_COMPLEX: return const_sign(x.u.num->u.c.re) | const_sign(x.u.num->u.c.im);
    default: return 1;
    }
}

int const_bitlen(ConstVal x) {
    if (x.kind != CONST_INT)
        return 0;
    if (x.rep == CREP_SMALL) {
        uint64_t u = x.u.i < 0 ? (uint64_t)0 - (uint64_t)x.u.i : (uint64_t)x.u.i;
        return u ? 64 - __builtin_clzll(u) : 0;
    }
    mpz_t t;
    return (int)mpz_sizeinbase(view(t, x.u.num->u.z), 2);
}

// The nearest IEEE binary value of x with prec mantissa bits and MPFR's
// exponents emin..emax, subnormals included, +-Inf beyond: big.Float's and
// big.Rat's Float64/Float32, which round the exact value once.
static double round_binary(ConstVal x, int prec, mpfr_exp_t emin, mpfr_exp_t emax) {
    if (x.kind == CONST_COMPLEX)
        x = x.u.num->u.c.re;
    if (!is_numeric(x))
        return 0;
    if (x.rep == CREP_SMALL)
        return prec == 24 ? (double)(float)x.u.i : (double)x.u.i;
    cn_go_range();
    mpfr_t f;
    mpfr_init2(f, prec);
    mpz_t t;
    int inex;
    if (x.rep == CREP_INT) {
        inex = mpfr_set_z(f, view(t, x.u.num->u.z), MPFR_RNDN);
    } else if (x.rep == CREP_RAT) {
        mpq_t q;
        view_q(q, x.u.num);
        inex = mpfr_set_q(f, q, MPFR_RNDN);
    } else {
        inex = mpfr_set_z_2exp(f, view(t, x.u.num->u.f.mant), (mpfr_exp_t)x.u.num->u.f.exp, MPFR_RNDN);
    }
    mpfr_set_emin(emin);
    mpfr_set_emax(emax);
    inex = mpfr_check_range(f, inex, MPFR_RNDN);
    mpfr_subnormalize(f, inex, MPFR_RNDN);
    double d = mpfr_get_d(f, MPFR_RNDN);
    mpfr_clear(f);
    cn_go_range();
    return d;
}

double const_float64(ConstVal x) { return round_binary(x, 53, -1073, 1024); }

static double const_float32(ConstVal x) { return round_binary(x, 24, -148, 128); }

double const_imag64(ConstVal x) {
    return x.kind == CONST_COMPLEX ? const_float64(x.u.num->u.c.im) : 0;
}

uint64_t const_bits64(ConstVal x) {
    switch (x.rep) {
    case CREP_SMALL:
        return x.kind == CONST_BOOL ? x.u.b : x.kind == CONST_INT ? (uint64_t)x.u.i : 0;
    case CREP_INT: {
        ConstLimbs l = x.u.num->u.z;
        uint64_t lo = l.size ? (uint64_t)l.d[0] : 0;
        return l.size < 0 ? (uint64_t)0 - lo : lo;
    }
    case CREP_RAT: case CREP_FLOAT: case CREP_COMPLEX: {
        double d = const_float64(x);
        return d > -9.3e18 && d < 9.3e18 ? (uint64_t)(int64_t)d : 0;
    }
    default:
        return 0;
    }
}

// ---------------------------------------------------------------------------
// Conversions between kinds

ConstVal const_from_double(Arena *a, double f) {
    if (!isfinite(f))
        return (ConstVal){0};
    // Every finite double is a "small" float: its fraction stays exact.
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, f + 0.0);
    ConstVal v = cn_make_rat(a, q);
    mpq_clear(q);
    return v;
}

// go/constant's smallFloat: the binary exponent (mantissa in [0.5, 1)) of
// a nonzero float lies strictly within +-CONST_MAX_EXP.
static bool small_float(const ConstNum *n) {
    if (!n->u.f.mant.size)
        return true;
    mpz_t t;
    int64_t e = (int64_t)mpz_sizeinbase(view(t, n->u.f.mant), 2) + n->u.f.exp;
    return e > -CONST_MAX_EXP && e < CONST_MAX_EXP;
}

bool const_to_int(Arena *a, ConstVal x, ConstVal *out) {
    switch (x.kind) {
    case CONST_INT:
        *out = x;
        return true;
    case CONST_COMPLEX:
        if (const_sign(x.u.num->u.c.im) != 0)
            return false;
        return const_to_int(a, x.u.num->u.c.re, out);
    case CONST_FLOAT:
        break;
    default:
        return false;
    }
    if (x.rep == CREP_RAT) {
        ConstLimbs den = x.u.num->u.q.den;
        if (den.size != 1 || den.d[0] != 1)
            return false;
        mpz_t t;
        *out = cn_make_int(a, view(t, x.u.num->u.q.num));
        return true;
    }
    if (!small_float(x.u.num))
        return false;
    mpfr_t f, g;
    mpfr_init2(f, CONST_PREC);
    mpfr_init2(g, CONST_PREC - 4);
    cn_get_f(f, x);
    // A value a few bits short of an integer is taken for one: go/constant
    // assumes the difference is rounding error of earlier operations.
    bool ok = true;
    if (mpfr_integer_p(f))
        mpfr_set(g, f, MPFR_RNDN);
    else if (mpfr_set(g, f, MPFR_RNDZ), mpfr_integer_p(g))
        ;
    else if (mpfr_set(g, f, MPFR_RNDA), mpfr_integer_p(g))
        ;
    else
        ok = false;
    if (ok) {
        mpz_t z;
        mpz_init(z);
        mpfr_get_z(z, mpfr_integer_p(f) ? f : g, MPFR_RNDN);
        *out = cn_make_int(a, z);
        mpz_clear(z);
    }
    mpfr_clear(f);
    mpfr_clear(g);
    return ok;
}

ConstVal const_to_float(Arena *a, ConstVal x) {
    switch (x.kind) {
    case CONST_INT: {
        if (x.rep == CREP_INT && const_bitlen(x) >= CONST_MAX_EXP) {
            mpfr_t f;
            mpfr_init2(f, CONST_PREC);
            cn_get_f(f, x);
            ConstVal v = {0};
            cn_make_float(a, f, &v);
            mpfr_clear(f);
            return v;
        }
        mpq_t q;
        mpq_init(q);
        cn_get_q(q, x);
        ConstVal v = cn_make_rat(a, q);
        mpq_clear(q);
        return v;
    }
    case CONST_FLOAT:
        return x;
    case CONST_COMPLEX:
        if (const_sign(x.u.num->u.c.im) == 0)
            return const_to_float(a, x.u.num->u.c.re);
        return (ConstVal){0};
    default:
        return (ConstVal){0};
    }
}

ConstVal const_to_complex(Arena *a, ConstVal x) {
    if (x.kind == CONST_COMPLEX)
        return x;
    if (x.kind == CONST_INT || x.kind == CONST_FLOAT)
        return cn_make_complex(a, x, const_int(0));
    return (ConstVal){0};
}

ConstVal const_real(ConstVal x) { return x.kind == CONST_COMPLEX ? x.u.num->u.c.re : x; }

ConstVal const_imag(ConstVal x) { return x.kind == CONST_COMPLEX ? x.u.num->u.c.im : const_int(0); }

ConstVal const_make_imag(Arena *a, ConstVal x) { return cn_make_complex(a, const_int(0), x); }

// ---------------------------------------------------------------------------
// Arithmetic

// int64 arithmetic; false when the result needs the general path.
static bool small_binary(TokKind op, int64_t a, int64_t b, bool integer_div, int64_t *r) {
    switch (op) {
    case T_ADD: return !__builtin_add_overflow(a, b, r);
    case T_SUB: return !__builtin_sub_overflow(a, b, r);
    case T_MUL: return !__builtin_mul_overflow(a, b, r);
    case T_QUO:
        if (!integer_div || b == 0 || (a == INT64_MIN && b == -1))
            return false;
        *r = a / b;
        return true;
    case T_REM:
        if (b == 0)
            return false;
        *r = b == -1 ? 0 : a % b;
        return true;
    case T_AND: *r = a & b; return true;
    case T_OR: *r = a | b; return true;
    case T_XOR: *r = a ^ b; return true;
    case T_AND_NOT: *r = a & ~b; return true;
    default: return false;
    }
}

static bool int_binary(Arena *a, TokKind op, ConstVal x, ConstVal y, bool integer_div, ConstVal *out) {
    int64_t r;
    if (x.rep == CREP_SMALL && y.rep == CREP_SMALL && small_binary(op, x.u.i, y.u.i, integer_div, &r)) {
        *out = const_int(r);
        return true;
    }
    mpz_t p, q, z;
    mpz_inits(p, q, z, NULL);
    cn_get_z(p, x);
    cn_get_z(q, y);
    bool ok = true, is_int = true;
    switch (op) {
    case T_ADD: mpz_add(z, p, q); break;
    case T_SUB: mpz_sub(z, p, q); break;
    case T_MUL: mpz_mul(z, p, q); break;
    case T_QUO:
        if (!mpz_sgn(q)) {
            ok = false;
        } else if (integer_div) {
            mpz_tdiv_q(z, p, q);
        } else {
            // Untyped / of integer values is exact: a rational.
            mpq_t f;
            mpq_init(f);
            mpq_set_num(f, p);
            mpq_set_den(f, q);
            mpq_canonicalize(f);
            *out = cn_make_rat(a, f);
            mpq_clear(f);
            is_int = false;
        }
        break;
    case T_REM:
        if (!mpz_sgn(q))
            ok = false;
        else
            mpz_tdiv_r(z, p, q);
        break;
    case T_AND: mpz_and(z, p, q); break;
    case T_OR: mpz_ior(z, p, q); break;
    case T_XOR: mpz_xor(z, p, q); break;
    case T_AND_NOT:
        mpz_com(q, q);
        mpz_and(z, p, q);
        break;
    default: ok = false;
    }
    if (ok && is_int)
        *out = cn_make_int(a, z);
    mpz_clears(p, q, z, NULL);
    return ok;
}

static bool rat_binary(Arena *a, TokKind op, ConstVal x, ConstVal y, ConstVal *out) {
    mpq_t p, q, z;
    mpq_inits(p, q, z, NULL);
    cn_get_q(p, x);
    cn_get_q(q, y);
    bool ok = true;
    switch (op) {
    case T_ADD: mpq_add(z, p, q); break;
    case T_SUB: mpq_sub(z, p, q); break;
    case T_MUL: mpq_mul(z, p, q); break;
    case T_QUO:
        if (mpq_sgn(q))
            mpq_div(z, p, q);
        else
            ok = false;
        break;
    default: ok = false;
    }
    if (ok)
        *out = cn_make_rat(a, z);
    mpq_clears(p, q, z, NULL);
    return ok;
}

static bool float_binary(Arena *a, TokKind op, ConstVal x, ConstVal y, ConstVal *out) {
    mpfr_t p, q, z;
    mpfr_inits2(CONST_PREC, p, q, z, (mpfr_ptr)NULL);
    cn_get_f(p, x);
    cn_get_f(q, y);
    bool ok = true;
    switch (op) {
    case T_ADD: mpfr_add(z, p, q, MPFR_RNDN); break;
    case T_SUB: mpfr_sub(z, p, q, MPFR_RNDN); break;
    case T_MUL: mpfr_mul(z, p, q, MPFR_RNDN); break;
    case T_QUO: mpfr_div(z, p, q, MPFR_RNDN); break;
    default: ok = false;
    }
    // An infinite (or NaN) result is go/constant's unknown value.
    if (ok)
        ok = cn_make_float(a, z, out);
    mpfr_clears(p, q, z, (mpfr_ptr)NULL);
    return ok;
}

static bool real_binary(Arena *a, TokKind op, ConstVal x, ConstVal y, bool integer_div, ConstVal *out) {
    int o = ord(x) > ord(y) ? ord(x) : ord(y);
    if (o <= 3)
        return int_binary(a, op, x, y, integer_div, out);
    if (o == 4)
        return rat_binary(a, op, x, y, out);
    return float_binary(a, op, x, y, out);
}

// Complex arithmetic on exact parts, with go/constant's formulas:
// (a+bi)(c+di) = (ac-bd) + (bc+ad)i, and a quotient over s = cc+dd.
static bool complex_binary(Arena *a, TokKind op, ConstVal x, ConstVal y, ConstVal *out) {
    ConstVal xa = const_real(x), xb = const_imag(x), yc = const_real(y), yd = const_imag(y);
    ConstVal re, im, ac, bd, bc, ad, cc, dd, s;
#define RB(o, l, r, res) if (!real_binary(a, o, l, r, false, &res)) return false
    switch (op) {
    case T_ADD: case T_SUB:
        RB(op, xa, yc, re);
        RB(op, xb, yd, im);
        break;
    case T_MUL:
        RB(T_MUL, xa, yc, ac); RB(T_MUL, xb, yd, bd);
        RB(T_MUL, xb, yc, bc); RB(T_MUL, xa, yd, ad);
        RB(T_SUB, ac, bd, re); RB(T_ADD, bc, ad, im);
        break;
    case T_QUO:
        RB(T_MUL, xa, yc, ac); RB(T_MUL, xb, yd, bd);
        RB(T_MUL, xb, yc, bc); RB(T_MUL, xa, yd, ad);
        RB(T_MUL, yc, yc, cc); RB(T_MUL, yd, yd, dd);
        RB(T_ADD, cc, dd, s);
        RB(T_ADD, ac, bd, re); RB(T_QUO, re, s, re);
        RB(T_SUB, bc, ad, im); RB(T_QUO, im, s, im);
        break;
    default:
        return false;
    }
#undef RB
    *out = cn_make_complex(a, re, im);
    return true;
}

bool const_binary(Arena *a, TokKind op, ConstVal x, ConstVal y, bool integer_div, ConstVal *out) {
    if (op == T_LAND || op == T_LOR) {
        if (x.kind != CONST_BOOL || y.kind != CONST_BOOL)
            return false;
        *out = const_bool(op == T_LAND ? x.u.b && y.u.b : x.u.b || y.u.b);
        return true;
    }
    // Strings are concatenated by the checker, which owns their text.
    if (!is_numeric(x) || !is_numeric(y))
        return false;
    if (x.kind == CONST_COMPLEX || y.kind == CONST_COMPLEX)
        return complex_binary(a, op, x, y, out);
    return real_binary(a, op, x, y, integer_div, out);
}

bool const_unary(Arena *a, TokKind op, ConstVal x, int unsigned_bits, ConstVal *out) {
    switch (op) {
    case T_ADD:
        *out = x;
        return is_numeric(x);
    case T_SUB:
        switch (x.rep) {
        case CREP_SMALL:
            if (x.kind != CONST_INT)
                return false;
            if (x.u.i != INT64_MIN) {
                *out = const_int(-x.u.i);
                return true;
            }
            // fallthrough
        case CREP_INT: case CREP_RAT: case CREP_FLOAT:
            return real_binary(a, T_SUB, const_int(0), x, false, out);
        case CREP_COMPLEX: {
            ConstVal re, im;
            if (!const_unary(a, T_SUB, x.u.num->u.c.re, 0, &re) || !const_unary(a, T_SUB, x.u.num->u.c.im, 0, &im))
                return false;
            *out = cn_make_complex(a, re, im);
            return true;
        }
        default:
            return false;
        }
    case T_XOR: {
        if (x.kind != CONST_INT)
            return false;
        if (x.rep == CREP_SMALL && unsigned_bits == 0) {
            *out = const_int(~x.u.i);
            return true;
        }
        // ^x of an unsigned constant keeps only the type's bits.
        mpz_t z;
        mpz_init(z);
        cn_get_z(z, x);
        mpz_com(z, z);
        if (unsigned_bits > 0)
            mpz_fdiv_r_2exp(z, z, (mp_bitcnt_t)unsigned_bits);
        *out = cn_make_int(a, z);
        mpz_clear(z);
        return true;
    }
    case T_NOT:
        if (x.kind != CONST_BOOL)
            return false;
        *out = const_bool(!x.u.b);
        return true;
    default:
        return false;
    }
}

bool const_shift(Arena *a, TokKind op, ConstVal x, uint64_t s, ConstVal *out) {
    if (x.kind != CONST_INT)
        return false;
    if (s == 0) {
        *out = x;
        return true;
    }
    if (x.rep == CREP_SMALL) {
        int64_t v = x.u.i, r;
        if (op == T_SHR) {
            // >> of a negative value rounds down, as big.Int's Rsh does.
            *out = const_int(s >= 63 ? (v < 0 ? -1 : 0) : v < 0 ? ~(~v >> s) : v >> s);
            return true;
        }
        if (s < 63 && !__builtin_mul_overflow(v, (int64_t)1 << s, &r)) {
            *out = const_int(r);
            return true;
        }
    }
    mpz_t z;
    mpz_init(z);
    cn_get_z(z, x);
    if (op == T_SHL)
        mpz_mul_2exp(z, z, (mp_bitcnt_t)s);
    else
        mpz_fdiv_q_2exp(z, z, (mp_bitcnt_t)s);
    *out = cn_make_int(a, z);
    mpz_clear(z);
    return true;
}

// Orders two real constants; the common representation decides how.
static int real_cmp(ConstVal x, ConstVal y) {
    int o = ord(x) > ord(y) ? ord(x) : ord(y), c;
    if (o == 2)
        return x.u.i < y.u.i ? -1 : x.u.i > y.u.i;
    if (o == 3) {
        mpz_t p, q;
        mpz_inits(p, q, NULL);
        cn_get_z(p, x);
        cn_get_z(q, y);
        c = mpz_cmp(p, q);
        mpz_clears(p, q, NULL);
    } else if (o == 4) {
        mpq_t p, q;
        mpq_inits(p, q, NULL);
        cn_get_q(p, x);
        cn_get_q(q, y);
        c = mpq_cmp(p, q);
        mpq_clears(p, q, NULL);
    } else {
        mpfr_t p, q;
        mpfr_inits2(CONST_PREC, p, q, (mpfr_ptr)NULL);
        cn_get_f(p, x);
        cn_get_f(q, y);
        c = mpfr_cmp(p, q);
        mpfr_clears(p, q, (mpfr_ptr)NULL);
    }
    return c < 0 ? -1 : c > 0;
}

static int compare_strings(ConstVal x, ConstVal y) {
    size_t n = x.len < y.len ? x.len : y.len;
    int c = n ? memcmp(x.u.s, y.u.s, n) : 0;
    if (c)
        return c;
    return x.len < y.len ? -1 : x.len > y.len;
}

bool const_compare(TokKind op, ConstVal x, ConstVal y) {
    int c;
    if (x.kind == CONST_BOOL && y.kind == CONST_BOOL) {
        c = x.u.b == y.u.b ? 0 : 1;
    } else if (x.kind == CONST_STRING && y.kind == CONST_STRING) {
        c = compare_strings(x, y);
    } else if (!is_numeric(x) || !is_numeric(y)) {
        return false;
    } else if (x.kind == CONST_COMPLEX || y.kind == CONST_COMPLEX) {
        c = real_cmp(const_real(x), const_real(y)) != 0 || real_cmp(const_imag(x), const_imag(y)) != 0;
        if (op != T_EQL && op != T_NEQ)
            return false;
    } else {
        c = real_cmp(x, y);
    }
    switch (op) {
    case T_EQL: return c == 0;
    case T_NEQ: return c != 0;
    case T_LSS: return c < 0;
    case T_LEQ: return c <= 0;
    case T_GTR: return c > 0;
    case T_GEQ: return c >= 0;
    default: return false;
    }
}

bool const_equal(ConstVal a, ConstVal b) {
    if (a.kind == CONST_STRING || b.kind == CONST_STRING || a.kind == CONST_BOOL || b.kind == CONST_BOOL)
        return a.kind == b.kind && const_compare(T_EQL, a, b);
    return const_compare(T_EQL, a, b);
}

// ---------------------------------------------------------------------------
// Representability (types2's representableConst)

static bool int_fits(ConstVal v, TypeKind k) {
    int64_t x;
    if (!const_int64(v, &x)) {
        // Beyond int64: only the 64-bit unsigned types (and untyped) hold it.
        switch (k) {
        case TY_UINT: case TY_UINT64: case TY_UINTPTR: return const_sign(v) >= 0 && const_bitlen(v) <= 64;
        case TY_UNTYPED_INT: case TY_UNTYPED_RUNE: return true;
        default: return false;
        }
    }
    switch (k) {
    case TY_INT8: return x >= INT8_MIN && x <= INT8_MAX;
    case TY_INT16: return x >= INT16_MIN && x <= INT16_MAX;
    case TY_INT32: return x >= INT32_MIN && x <= INT32_MAX;
    case TY_INT: case TY_INT64: return true;
    case TY_UINT8: return x >= 0 && x <= UINT8_MAX;
    case TY_UINT16: return x >= 0 && x <= UINT16_MAX;
    case TY_UINT32: return x >= 0 && x <= (int64_t)UINT32_MAX;
    case TY_UINT: case TY_UINT64: case TY_UINTPTR: return x >= 0;
    case TY_UNTYPED_INT: case TY_UNTYPED_RUNE: return true;
    default: return false;
    }
}

// The float32 or float64 value nearest x as an exact constant; false when
// it overflows to infinity.
static bool round_float(Arena *a, ConstVal x, TypeKind k, ConstVal *out) {
    double d = k == TY_FLOAT32 ? const_float32(x) : const_float64(x);
    if (isinf(d))
        return false;
    *out = const_from_double(a, d);
    return true;
}

int const_representable(Arena *a, ConstVal x, Type *t, ConstVal *rounded) {
    Type *u = type_underlying(t);
    if (!u || x.kind == CONST_NONE)
        return 0;
    bool numeric_x = is_numeric(x);
    int fail = 3;
    if (numeric_x && type_is_numeric(u))
        fail = (x.kind != CONST_INT && type_is_integer(u)) ? 1 : 2;
    if (type_is_integer(u)) {
        ConstVal i;
        if (!const_to_int(a, x, &i))
            return fail;
        *rounded = i;
        return int_fits(i, u->kind) ? 0 : fail;
    }
    if (type_is_float(u)) {
        ConstVal f = numeric_x ? const_to_float(a, x) : (ConstVal){0};
        if (f.kind != CONST_FLOAT)
            return fail;
        if (u->kind == TY_UNTYPED_FLOAT) {
            *rounded = x;
            return 0;
        }
        return round_float(a, f, u->kind, rounded) ? 0 : fail;
    }
    if (type_is_complex(u)) {
        if (!numeric_x)
            return fail;
        if (u->kind == TY_UNTYPED_COMPLEX) {
            *rounded = x;
            return 0;
        }
        TypeKind part = u->kind == TY_COMPLEX64 ? TY_FLOAT32 : TY_FLOAT64;
        ConstVal re, im;
        if (!round_float(a, const_real(x), part, &re) || !round_float(a, const_imag(x), part, &im))
            return fail;
        *rounded = cn_make_complex(a, re, im);
        return 0;
    }
    if (type_is_string(u) || type_is_boolean(u)) {
        if (x.kind != (type_is_string(u) ? CONST_STRING : CONST_BOOL))
            return 3;
        *rounded = x;
        return 0;
    }
    return 3;
}
