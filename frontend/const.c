// const.c - compile-time constants: literals, arithmetic, conversions,
// representability, and printing as types2 prints them.
//
// Integers are exact in 128 bits (__int128); an operation whose exact result
// does not fit fails, and the checker reports an overflow. Floating-point
// and complex constants are doubles: Go's are exact rationals, but the
// programs minigc checks never depend on more than double precision. A
// float constant with an integral value converts to an integer exactly, as
// in Go (`const n = 1e3; var a [n]int`).
#include "check.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned __int128 u128;

static const __int128 I128_MAX = (__int128)(((u128)1 << 127) - 1);
static const __int128 I128_MIN = -(__int128)(((u128)1 << 127) - 1) - 1;

ConstVal const_int(__int128 v) {
    ConstVal c = {.kind = CONST_INT};
    c.u.i = v;
    return c;
}

ConstVal const_float(double f) {
    ConstVal c = {.kind = CONST_FLOAT};
    c.u.f = f;
    return c;
}

ConstVal const_bool(bool b) {
    ConstVal c = {.kind = CONST_BOOL};
    c.u.b = b;
    return c;
}

ConstVal const_string(const char *s, size_t len) {
    ConstVal c = {.kind = CONST_STRING};
    c.u.str.s = s;
    c.u.str.len = len;
    return c;
}

ConstVal const_complex(double re, double im) {
    ConstVal c = {.kind = CONST_COMPLEX};
    c.u.c.re = re;
    c.u.c.im = im;
    return c;
}

// ---------------------------------------------------------------------------
// Literals

static int digit_value(char ch) {
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return 99;
}

// Parses an integer literal (any base, with underscores). Returns false if
// it does not fit in 128 bits or is malformed.
static bool parse_int(const char *s, size_t len, __int128 *out) {
    int base = 10;
    size_t i = 0;
    if (len >= 2 && s[0] == '0') {
        char b = s[1] | 0x20;
        if (b == 'x') { base = 16; i = 2; }
        else if (b == 'b') { base = 2; i = 2; }
        else if (b == 'o') { base = 8; i = 2; }
        else { base = 8; i = 1; }
    }
    u128 v = 0;
    const u128 limit = (u128)I128_MAX;
    for (; i < len; i++) {
        if (s[i] == '_')
            continue;
        int d = digit_value(s[i]);
        if (d >= base)
            return false;
        if (v > (limit - (u128)d) / (u128)base)
            return false;
        v = v * (u128)base + (u128)d;
    }
    *out = (__int128)v;
    return true;
}

static double parse_float(const char *s, size_t len) {
    char buf[256];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof buf; i++)
        if (s[i] != '_')
            buf[n++] = s[i];
    buf[n] = 0;
    // A legacy octal-looking float such as 0777e1 is decimal; strtod agrees.
    return strtod(buf, NULL);
}

static bool is_float_text(const char *s, size_t len) {
    bool hex = len >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x';
    for (size_t i = 0; i < len; i++) {
        char ch = s[i] | 0x20;
        if (s[i] == '.' || (hex ? ch == 'p' : ch == 'e'))
            return true;
    }
    return false;
}

// Decodes the rune in a rune literal's text ('a', '\n', '\x41', '\u00e9').
static bool parse_rune(const char *s, size_t len, __int128 *out) {
    if (len < 3 || s[0] != '\'' || s[len - 1] != '\'')
        return false;
    const unsigned char *p = (const unsigned char *)s + 1;
    const unsigned char *end = (const unsigned char *)s + len - 1;
    uint32_t r;
    if (*p == '\\') {
        p++;
        if (p >= end)
            return false;
        int ndig = 0, base = 16;
        switch (*p++) {
        case 'a': r = 7; break;
        case 'b': r = 8; break;
        case 'f': r = 12; break;
        case 'n': r = 10; break;
        case 'r': r = 13; break;
        case 't': r = 9; break;
        case 'v': r = 11; break;
        case '\\': r = '\\'; break;
        case '\'': r = '\''; break;
        case 'x': ndig = 2; break;
        case 'u': ndig = 4; break;
        case 'U': ndig = 8; break;
        default:
            p--;
            if (*p >= '0' && *p <= '7') {
                ndig = 3;
                base = 8;
            } else {
                return false;
            }
        }
        if (ndig) {
            r = 0;
            for (int i = 0; i < ndig; i++, p++) {
                if (p >= end || digit_value((char)*p) >= base)
                    return false;
                r = r * (uint32_t)base + (uint32_t)digit_value((char)*p);
            }
        }
    } else if (*p < 0x80) {
        r = *p++;
    } else {
        int n = *p >= 0xf0 ? 3 : *p >= 0xe0 ? 2 : 1;
        r = *p++ & (0x3f >> n);
        for (int i = 0; i < n && p < end; i++)
            r = (r << 6) | (*p++ & 0x3f);
    }
    if (p != end)
        return false;
    *out = r;
    return true;
}

bool const_from_literal(Compiler *cc, TokKind kind, const char *text, size_t len, ConstVal *out) {
    switch (kind) {
    case T_INT: {
        __int128 v;
        if (parse_int(text, len, &v))
            *out = const_int(v);
        else
            *out = const_float(parse_float(text, len));    // beyond 128 bits
        return true;
    }
    case T_FLOAT: {
        double f = parse_float(text, len);
        *out = const_float(f);
        return true;
    }
    case T_IMAG: {
        if (len == 0)
            return false;
        double f;
        __int128 v;
        if (!is_float_text(text, len - 1) && parse_int(text, len - 1, &v) &&
            !(len - 1 > 1 && text[0] == '0' && digit_value(text[1]) < 10))
            f = (double)v;
        else
            f = parse_float(text, len - 1);
        *out = const_complex(0, f);
        return true;
    }
    case T_CHAR: {
        __int128 v;
        if (!parse_rune(text, len, &v))
            return false;
        *out = const_int(v);
        return true;
    }
    case T_STRING: {
        char *s;
        size_t n;
        const char *err;
        if (!lit_unquote(&cc->arena, text, len, &s, &n, &err))
            return false;
        *out = const_string(s, n);
        return true;
    }
    default:
        return false;
    }
}

// ---------------------------------------------------------------------------
// Conversions between kinds

bool const_to_int(ConstVal x, ConstVal *out) {
    switch (x.kind) {
    case CONST_INT:
        *out = x;
        return true;
    case CONST_FLOAT:
        if (!isfinite(x.u.f) || x.u.f != trunc(x.u.f) || fabs(x.u.f) >= 1.7e38)
            return false;
        *out = const_int((__int128)x.u.f);
        return true;
    case CONST_COMPLEX:
        if (x.u.c.im != 0)
            return false;
        return const_to_int(const_float(x.u.c.re), out);
    default:
        return false;
    }
}

ConstVal const_to_float(ConstVal x) {
    switch (x.kind) {
    case CONST_INT: return const_float((double)x.u.i);
    case CONST_COMPLEX: return const_float(x.u.c.re);
    default: return x;
    }
}

ConstVal const_to_complex(ConstVal x) {
    switch (x.kind) {
    case CONST_INT: return const_complex((double)x.u.i, 0);
    case CONST_FLOAT: return const_complex(x.u.f, 0);
    default: return x;
    }
}

// Brings two numeric constants to the same kind (int < float < complex).
static void match_kinds(ConstVal *x, ConstVal *y) {
    if (x->kind == y->kind)
        return;
    if (x->kind == CONST_COMPLEX || y->kind == CONST_COMPLEX) {
        *x = const_to_complex(*x);
        *y = const_to_complex(*y);
    } else if (x->kind == CONST_FLOAT || y->kind == CONST_FLOAT) {
        *x = const_to_float(*x);
        *y = const_to_float(*y);
    }
}

// A float result with an integral value stays a float constant; Go keeps
// the kind of the operands, and so does minigc.

int const_sign(ConstVal x) {
    switch (x.kind) {
    case CONST_INT: return x.u.i < 0 ? -1 : x.u.i > 0;
    case CONST_FLOAT: return x.u.f < 0 ? -1 : x.u.f > 0;
    case CONST_COMPLEX: return x.u.c.re != 0 || x.u.c.im != 0;
    default: return 1;
    }
}

bool const_equal(ConstVal a, ConstVal b) {
    if (a.kind == CONST_STRING || b.kind == CONST_STRING)
        return a.kind == b.kind && a.u.str.len == b.u.str.len &&
               memcmp(a.u.str.s, b.u.str.s, a.u.str.len) == 0;
    if (a.kind == CONST_BOOL || b.kind == CONST_BOOL)
        return a.kind == b.kind && a.u.b == b.u.b;
    return const_compare(T_EQL, a, b);
}

// ---------------------------------------------------------------------------
// Arithmetic

static bool int_binary(TokKind op, __int128 a, __int128 b, ConstVal *out) {
    __int128 r;
    switch (op) {
    case T_ADD:
        if (__builtin_add_overflow(a, b, &r))
            return false;
        break;
    case T_SUB:
        if (__builtin_sub_overflow(a, b, &r))
            return false;
        break;
    case T_MUL:
        if (__builtin_mul_overflow(a, b, &r))
            return false;
        break;
    case T_QUO:
        if (b == 0 || (a == I128_MIN && b == -1))
            return false;
        r = a / b;
        break;
    case T_REM:
        if (b == 0)
            return false;
        r = b == -1 ? 0 : a % b;
        break;
    case T_AND: r = a & b; break;
    case T_OR: r = a | b; break;
    case T_XOR: r = a ^ b; break;
    case T_AND_NOT: r = a & ~b; break;
    default:
        return false;
    }
    *out = const_int(r);
    return true;
}

static bool complex_binary(TokKind op, ConstVal x, ConstVal y, ConstVal *out) {
    double a = x.u.c.re, b = x.u.c.im, c = y.u.c.re, d = y.u.c.im;
    switch (op) {
    case T_ADD: *out = const_complex(a + c, b + d); return true;
    case T_SUB: *out = const_complex(a - c, b - d); return true;
    case T_MUL: *out = const_complex(a * c - b * d, b * c + a * d); return true;
    case T_QUO: {
        double den = c * c + d * d;
        if (den == 0)
            return false;
        *out = const_complex((a * c + b * d) / den, (b * c - a * d) / den);
        return true;
    }
    default:
        return false;
    }
}

bool const_binary(TokKind op, ConstVal x, ConstVal y, bool integer_div, ConstVal *out) {
    if (op == T_LAND || op == T_LOR) {
        if (x.kind != CONST_BOOL || y.kind != CONST_BOOL)
            return false;
        *out = const_bool(op == T_LAND ? x.u.b && y.u.b : x.u.b || y.u.b);
        return true;
    }
    if (x.kind == CONST_STRING && y.kind == CONST_STRING && op == T_ADD) {
        // The checker's strings are arena text; a static buffer would be
        // global state, so the caller concatenates (see check_expr.c).
        return false;
    }
    match_kinds(&x, &y);
    switch (x.kind) {
    case CONST_INT:
        if (op == T_QUO && !integer_div) {
            if (y.u.i == 0)
                return false;
            if (x.u.i % y.u.i == 0) {
                *out = const_int(x.u.i / y.u.i);
                return true;
            }
            *out = const_float((double)x.u.i / (double)y.u.i);
            return true;
        }
        return int_binary(op, x.u.i, y.u.i, out);
    case CONST_FLOAT: {
        double a = x.u.f, b = y.u.f, r;
        switch (op) {
        case T_ADD: r = a + b; break;
        case T_SUB: r = a - b; break;
        case T_MUL: r = a * b; break;
        case T_QUO:
            if (b == 0)
                return false;
            r = a / b;
            break;
        default:
            return false;
        }
        // Untyped floats are unbounded in Go: a result beyond double range
        // stays infinite, and fails only when a type is asked of it.
        *out = const_float(r);
        return true;
    }
    case CONST_COMPLEX:
        return complex_binary(op, x, y, out);
    default:
        return false;
    }
}

bool const_unary(TokKind op, ConstVal x, int unsigned_bits, ConstVal *out) {
    switch (op) {
    case T_ADD:
        *out = x;
        return x.kind == CONST_INT || x.kind == CONST_FLOAT || x.kind == CONST_COMPLEX;
    case T_SUB:
        switch (x.kind) {
        case CONST_INT:
            if (x.u.i == I128_MIN)
                return false;
            *out = const_int(-x.u.i);
            return true;
        case CONST_FLOAT: *out = const_float(-x.u.f); return true;
        case CONST_COMPLEX: *out = const_complex(-x.u.c.re, -x.u.c.im); return true;
        default: return false;
        }
    case T_XOR:
        if (x.kind != CONST_INT)
            return false;
        if (unsigned_bits > 0) {
            // ^x of an unsigned constant flips only the type's bits.
            u128 mask = unsigned_bits >= 128 ? ~(u128)0 : (((u128)1 << unsigned_bits) - 1);
            *out = const_int((__int128)(~(u128)x.u.i & mask));
        } else {
            *out = const_int(~x.u.i);
        }
        return true;
    case T_NOT:
        if (x.kind != CONST_BOOL)
            return false;
        *out = const_bool(!x.u.b);
        return true;
    default:
        return false;
    }
}

bool const_shift(TokKind op, ConstVal x, uint64_t s, ConstVal *out) {
    ConstVal xi;
    if (!const_to_int(x, &xi))
        return false;
    __int128 v = xi.u.i;
    if (op == T_SHR) {
        *out = const_int(s >= 127 ? (v < 0 ? -1 : 0) : v >> s);
        return true;
    }
    if (v == 0) {
        *out = xi;
        return true;
    }
    if (s >= 127)
        return false;
    __int128 r = (__int128)((u128)v << s);
    if ((r >> s) != v)
        return false;
    *out = const_int(r);
    return true;
}

static int compare_strings(ConstVal x, ConstVal y) {
    size_t n = x.u.str.len < y.u.str.len ? x.u.str.len : y.u.str.len;
    int c = memcmp(x.u.str.s, y.u.str.s, n);
    if (c)
        return c;
    return x.u.str.len < y.u.str.len ? -1 : x.u.str.len > y.u.str.len;
}

bool const_compare(TokKind op, ConstVal x, ConstVal y) {
    int c;
    if (x.kind == CONST_BOOL && y.kind == CONST_BOOL) {
        c = x.u.b == y.u.b ? 0 : 1;
    } else if (x.kind == CONST_STRING && y.kind == CONST_STRING) {
        c = compare_strings(x, y);
    } else {
        match_kinds(&x, &y);
        if (x.kind == CONST_INT)
            c = x.u.i < y.u.i ? -1 : x.u.i > y.u.i;
        else if (x.kind == CONST_FLOAT)
            c = x.u.f < y.u.f ? -1 : x.u.f > y.u.f;
        else if (x.kind == CONST_COMPLEX)
            c = (x.u.c.re == y.u.c.re && x.u.c.im == y.u.c.im) ? 0 : 1;
        else
            return false;
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

// ---------------------------------------------------------------------------
// Representability

static bool int_fits(__int128 v, TypeKind k) {
    switch (k) {
    case TY_INT8: return v >= -128 && v <= 127;
    case TY_INT16: return v >= -32768 && v <= 32767;
    case TY_INT32: return v >= -2147483648LL && v <= 2147483647LL;
    case TY_INT: case TY_INT64: return v >= INT64_MIN && v <= INT64_MAX;
    case TY_UINT8: return v >= 0 && v <= 255;
    case TY_UINT16: return v >= 0 && v <= 65535;
    case TY_UINT32: return v >= 0 && v <= 4294967295LL;
    case TY_UINT: case TY_UINT64: case TY_UINTPTR: return v >= 0 && (u128)v <= UINT64_MAX;
    case TY_UNTYPED_INT: case TY_UNTYPED_RUNE: return true;
    default: return false;
    }
}

static bool fits_float32(double f) { return isfinite((float)f); }

int const_representable(ConstVal x, Type *t, ConstVal *rounded) {
    Type *u = type_underlying(t);
    if (!u || x.kind == CONST_NONE)
        return 0;
    bool numeric_x = x.kind == CONST_INT || x.kind == CONST_FLOAT || x.kind == CONST_COMPLEX;
    int fail = 3;
    if (numeric_x && type_is_numeric(u))
        fail = (x.kind != CONST_INT && type_is_integer(u)) ? 1 : 2;
    if (type_is_integer(u)) {
        ConstVal i;
        if (!const_to_int(x, &i))
            return fail;
        if (!int_fits(i.u.i, u->kind))
            return fail;
        *rounded = i;
        return 0;
    }
    if (type_is_float(u)) {
        if (!numeric_x || (x.kind == CONST_COMPLEX && x.u.c.im != 0))
            return fail;
        ConstVal f = const_to_float(x);
        if (u->kind == TY_FLOAT32) {
            if (!fits_float32(f.u.f))
                return fail;
            f.u.f = (double)(float)f.u.f;
        } else if (u->kind == TY_FLOAT64 && !isfinite(f.u.f)) {
            return fail;
        }
        *rounded = u->kind == TY_UNTYPED_FLOAT && x.kind == CONST_INT ? x : f;
        return 0;
    }
    if (type_is_complex(u)) {
        if (!numeric_x)
            return fail;
        ConstVal cv = const_to_complex(x);
        if (u->kind == TY_COMPLEX128 && (!isfinite(cv.u.c.re) || !isfinite(cv.u.c.im)))
            return fail;
        if (u->kind == TY_COMPLEX64) {
            if (!fits_float32(cv.u.c.re) || !fits_float32(cv.u.c.im))
                return fail;
            cv.u.c.re = (double)(float)cv.u.c.re;
            cv.u.c.im = (double)(float)cv.u.c.im;
        }
        *rounded = u->kind == TY_UNTYPED_COMPLEX ? x : cv;
        return 0;
    }
    if (type_is_string(u)) {
        if (x.kind != CONST_STRING)
            return 3;
        *rounded = x;
        return 0;
    }
    if (type_is_boolean(u)) {
        if (x.kind != CONST_BOOL)
            return 3;
        *rounded = x;
        return 0;
    }
    return 3;
}

// ---------------------------------------------------------------------------
// Printing

static void format_int(char *buf, size_t size, __int128 v) {
    char tmp[64];
    int n = 0;
    bool neg = v < 0;
    u128 u = neg ? (u128)0 - (u128)v : (u128)v;
    do {
        tmp[n++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u && n < 60);
    size_t j = 0;
    if (neg && j + 1 < size)
        buf[j++] = '-';
    while (n > 0 && j + 1 < size)
        buf[j++] = tmp[--n];
    buf[j] = 0;
}

// A float constant as go/constant (Go 1.19) prints it: %.6g, which C and
// Go spell alike ("1e+20", "1.5", "2").
static void format_float(char *buf, size_t size, double f) { snprintf(buf, size, "%.6g", f); }

static char *quote_string(Compiler *cc, const char *s, size_t len) {
    size_t cap = len * 4 + 3, j = 0;
    char *out = arena_alloc(&cc->arena, cap + 1);
    out[j++] = '"';
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        const char *esc = NULL;
        switch (ch) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\t': esc = "\\t"; break;
        case '\r': esc = "\\r"; break;
        case '\a': esc = "\\a"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        case '\v': esc = "\\v"; break;
        }
        if (esc) {
            memcpy(out + j, esc, 2);
            j += 2;
        } else if (ch < 0x20 || ch == 0x7f) {
            j += (size_t)snprintf(out + j, 5, "\\x%02x", ch);
        } else {
            out[j++] = (char)ch;
        }
    }
    out[j++] = '"';
    out[j] = 0;
    return out;
}

// go/constant shortens long strings to 72 runes, ending in "...".
static const char *shorten(Compiler *cc, const char *q) {
    size_t runes = 0, i = 0, cut = 0;
    for (; q[i]; i++) {
        if (((unsigned char)q[i] & 0xc0) != 0x80) {
            if (runes == 69)
                cut = i;
            runes++;
        }
    }
    if (runes <= 72)
        return q;
    char *s = arena_alloc(&cc->arena, cut + 4);
    memcpy(s, q, cut);
    memcpy(s + cut, "...", 4);
    return s;
}

const char *const_string_of(Compiler *cc, ConstVal v) {
    char buf[192], a[64], b[64];
    switch (v.kind) {
    case CONST_BOOL:
        return v.u.b ? "true" : "false";
    case CONST_INT:
        format_int(buf, sizeof buf, v.u.i);
        break;
    case CONST_FLOAT:
        format_float(buf, sizeof buf, v.u.f);
        break;
    case CONST_COMPLEX:
        format_float(a, sizeof a, v.u.c.re);
        format_float(b, sizeof b, v.u.c.im);
        snprintf(buf, sizeof buf, "(%s + %si)", a, b);
        break;
    case CONST_STRING:
        return shorten(cc, quote_string(cc, v.u.str.s, v.u.str.len));
    default:
        return "unknown";
    }
    return arena_strndup(&cc->arena, buf, strlen(buf));
}
