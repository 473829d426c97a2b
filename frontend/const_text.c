// const_text.c - constants from literal text, and constants as text the way
// types2 prints them in messages (go/constant's String).
//
// A float literal is read as go/constant reads it: first as a 512-bit
// binary float (MPFR, correctly rounded); if its binary exponent is within
// +-4096 the literal is then read again exactly, as a rational, else the
// binary float is the value. A literal beyond Go's 32-bit float exponents
// (`1e+1000000000`) is infinite and so malformed; one below them is 0.
//
// Printing: integers in full, floats as %.6g of their nearest float64, or,
// beyond float64's range, with go/constant's own decimal approximation of
// mantissa and exponent ("1e+1000").
#include "const_num.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int digit_value(char ch) {
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return 99;
}

// The literal without its digit separators, NUL-terminated, in malloc'd
// memory the caller frees (literals may be thousands of digits long).
static char *without_underscores(const char *s, size_t len) {
    char *buf = malloc(len + 1);
    if (!buf)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] != '_')
            buf[n++] = s[i];
    buf[n] = 0;
    return buf;
}

// Base prefix of a number literal's text: 16, 8 (0o only), 2, or 10 (a
// legacy octal integer 0777 is the caller's business).
static int literal_base(const char *s, size_t *skip) {
    *skip = 0;
    if (s[0] != '0')
        return 10;
    switch (s[1] | 0x20) {
    case 'x': *skip = 2; return 16;
    case 'o': *skip = 2; return 8;
    case 'b': *skip = 2; return 2;
    default: return 10;
    }
}

static bool parse_int(Arena *a, const char *text, size_t len, ConstVal *out) {
    char *s = without_underscores(text, len);
    if (!s || !*s) {
        free(s);
        return false;
    }
    size_t skip;
    int base = literal_base(s, &skip);
    if (base == 10 && s[0] == '0' && s[1]) {
        base = 8;
        skip = 1;
    }
    bool ok = s[skip] != 0;
    for (size_t i = skip; s[i] && ok; i++)
        ok = digit_value(s[i]) < base;
    if (ok) {
        mpz_t z;
        mpz_init(z);
        ok = mpz_set_str(z, s + skip, base) == 0;
        if (ok)
            *out = cn_make_int(a, z);
        mpz_clear(z);
    }
    free(s);
    return ok;
}

// The exact rational of a decimal or hexadecimal float literal (prefix
// already skipped): its digits as an integer, scaled by the exponent less
// the fraction's digits.
static void exact_float(mpq_ptr q, const char *s, int base) {
    mpz_t m, p;
    mpz_inits(m, p, NULL);
    long frac = 0, exp = 0;
    bool dot = false;
    const char *c = s;
    for (; *c; c++) {
        if (*c == '.') {
            dot = true;
            continue;
        }
        int d = digit_value(*c);
        if (d >= base)
            break;
        mpz_mul_ui(m, m, (unsigned long)base);
        mpz_add_ui(m, m, (unsigned long)d);
        frac += dot;
    }
    if (*c)
        exp = strtol(c + 1, NULL, 10);
    mpq_set_z(q, m);
    if (base == 16) {
        long e = exp - 4 * frac;
        if (e >= 0)
            mpq_mul_2exp(q, q, (mp_bitcnt_t)e);
        else
            mpq_div_2exp(q, q, (mp_bitcnt_t)-e);
    } else {
        long e = exp - frac;
        mpz_ui_pow_ui(p, 10, (unsigned long)(e < 0 ? -e : e));
        if (e >= 0)
            mpz_mul(mpq_numref(q), mpq_numref(q), p);
        else
            mpz_set(mpq_denref(q), p);
        mpq_canonicalize(q);
    }
    mpz_clears(m, p, NULL);
}

// big.Float's parser rejects a decimal or hexadecimal literal whose binary
// exponent before scaling by 5^e (digits' bits, less the fraction, plus the
// exponent) leaves int32: `1e-3000000000` is malformed, not 0.
static bool go_exponent_ok(const char *s, int base) {
    mpz_t m;
    mpz_init(m);
    long long frac = 0;
    bool dot = false;
    const char *c = s;
    for (; *c; c++) {
        if (*c == '.') {
            dot = true;
            continue;
        }
        int d = digit_value(*c);
        if (d >= base)
            break;
        mpz_mul_ui(m, m, (unsigned long)base);
        mpz_add_ui(m, m, (unsigned long)d);
        frac += dot;
    }
    long long exp = *c ? strtoll(c + 1, NULL, 10) : 0;   // saturates
    bool zero = mpz_sgn(m) == 0;
    long long exp2 = (long long)mpz_sizeinbase(m, 2) - (base == 16 ? 4 : 1) * frac;
    mpz_clear(m);
    if (zero)
        return true;
    if (exp < -(1LL << 40) || exp > (1LL << 40))
        return false;
    exp2 += exp;
    return exp2 >= INT32_MIN && exp2 <= INT32_MAX;
}

// go/constant's makeFloatFromLiteral.
static bool parse_float(Arena *a, const char *text, size_t len, ConstVal *out) {
    char *s = without_underscores(text, len);
    if (!s || !*s) {
        free(s);
        return false;
    }
    size_t skip;
    int base = literal_base(s, &skip);
    cn_go_range();
    mpfr_t f;
    mpfr_init2(f, CONST_PREC);
    bool ok;
    mpz_t z;
    mpz_init(z);
    if (base == 2 || base == 8) {
        // Only integers are written in these bases.
        ok = s[skip] && mpz_set_str(z, s + skip, base) == 0;
        if (ok)
            mpfr_set_z(f, z, MPFR_RNDN);
    } else {
        char *end;
        mpfr_strtofr(f, s, &end, base, MPFR_RNDN);
        ok = *end == 0 && end != s && go_exponent_ok(s + skip, base);
    }
    if (ok && !mpfr_number_p(f))
        ok = false;
    if (ok) {
        mpfr_exp_t e = mpfr_zero_p(f) ? 0 : mpfr_get_exp(f);
        if (e > -CONST_MAX_EXP && e < CONST_MAX_EXP) {
            // Small enough for a fraction; one that underflowed to zero is
            // just 0 (its exponent may be too large to expand).
            mpq_t q;
            mpq_init(q);
            if (mpfr_zero_p(f))
                ;
            else if (base == 2 || base == 8)
                mpq_set_z(q, z);
            else
                exact_float(q, s + skip, base);
            *out = cn_make_rat(a, q);
            mpq_clear(q);
        } else {
            ok = cn_make_float(a, f, out);
        }
    }
    mpz_clear(z);
    mpfr_clear(f);
    free(s);
    return ok;
}

// Decodes the rune in a rune literal's text ('a', '\n', '\x41', '\u00e9').
static bool parse_rune(const char *s, size_t len, int64_t *out) {
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
    Arena *a = &cc->arena;
    switch (kind) {
    case T_INT:
        return parse_int(a, text, len, out);
    case T_FLOAT:
        return parse_float(a, text, len, out);
    case T_IMAG: {
        ConstVal im;
        if (len < 2 || text[len - 1] != 'i' || !parse_float(a, text, len - 1, &im))
            return false;
        *out = const_make_imag(a, im);
        return true;
    }
    case T_CHAR: {
        int64_t v;
        if (!parse_rune(text, len, &v))
            return false;
        *out = const_int(v);
        return true;
    }
    case T_STRING: {
        char *s;
        size_t n;
        const char *err;
        if (!lit_unquote(a, text, len, &s, &n, &err))
            return false;
        *out = const_string(s, n);
        return true;
    }
    default:
        return false;
    }
}

// ---------------------------------------------------------------------------
// Printing

static const char *format_int(Arena *a, ConstVal v) {
    if (v.rep == CREP_SMALL)
        return arena_sprintf(a, "%lld", (long long)v.u.i);
    mpz_t z;
    mpz_init(z);
    cn_get_z(z, v);
    char *buf = arena_alloc(a, mpz_sizeinbase(z, 10) + 2);
    mpz_get_str(buf, 10, z);
    mpz_clear(z);
    return buf;
}

// go/constant prints a float by way of a 512-bit binary float (a rational
// is rounded to one first): %.6g of its nearest float64 when that neither
// overflows nor underflows, else m * 10^e from a float64 approximation of
// mantissa and exponent, printed "%.6ge%+d".
static const char *format_float(Arena *a, ConstVal v) {
    mpfr_t f;
    mpfr_init2(f, CONST_PREC);
    cn_get_f(f, v);
    ConstVal bin;
    if (!cn_make_float(a, f, &bin)) {
        mpfr_clear(f);
        return "unknown";
    }
    double d = const_float64(bin);
    const char *s;
    if ((mpfr_zero_p(f) != 0) == (d == 0) && !isinf(d)) {
        s = arena_sprintf(a, "%.6g", d);
    } else {
        long exp;
        double m = mpfr_get_d_2exp(&exp, f, MPFR_RNDN);   // 0.5 <= |m| < 1
        const double log10_2 = 0.301029995663981195213738894724493026768189881462108541310;
        double dexp = (double)exp * log10_2;
        long long e = (long long)dexp;
        m *= pow(10, dexp - (double)e);
        double am = fabs(m);
        // Keep 1 <= |m| < 10 even after %.6g rounds m to six digits.
        if (am < 1 - 0.5e-6) {
            m *= 10;
            e--;
        } else if (am >= 10) {
            m /= 10;
            e++;
        }
        s = arena_sprintf(a, "%.6ge%+lld", m, e);
    }
    mpfr_clear(f);
    return s;
}

static const char *format_real(Arena *a, ConstVal v) {
    return v.kind == CONST_INT ? format_int(a, v) : format_float(a, v);
}

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
    Arena *a = &cc->arena;
    switch (v.kind) {
    case CONST_BOOL:
        return v.u.b ? "true" : "false";
    case CONST_INT: case CONST_FLOAT:
        return format_real(a, v);
    case CONST_COMPLEX:
        return arena_sprintf(a, "(%s + %si)", format_real(a, const_real(v)), format_real(a, const_imag(v)));
    case CONST_STRING:
        return shorten(cc, quote_string(cc, v.u.s, v.len));
    default:
        return "unknown";
    }
}
