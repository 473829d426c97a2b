// const_num.h - what const.c and const_text.c share: the arena layout of
// big constants and the GMP/MPFR views of them. Nothing else includes it.
//
// Values follow go/constant's representations: an integer is an int64
// (CREP_SMALL, in the ConstVal itself) or a GMP integer (CREP_INT, only when
// it does not fit int64); a float is an exact rational (CREP_RAT) while both
// parts have fewer than CONST_MAX_EXP bits, else a binary float of
// CONST_PREC bits (CREP_FLOAT, held as mantissa * 2^exp); a complex is two
// of those (CREP_COMPLEX). Once a value is a binary float, results computed
// from it stay binary floats, as in go/constant.
//
// Limbs are copied into the arena; GMP's and MPFR's own (malloc'd)
// temporaries never outlive the function that made them, so nothing needs
// freeing and no memory hooks are installed.
#ifndef MINIGC_CONST_NUM_H
#define MINIGC_CONST_NUM_H

#include "check.h"

#include <gmp.h>
#include <mpfr.h>

enum {
    CONST_PREC = 512,           // go/constant's float precision
    CONST_MAX_EXP = 4 << 10,    // go/constant's maxExp: rationals' size bound
};

// A GMP integer copied into the arena: size is GMP's signed limb count.
typedef struct ConstLimbs {
    int32_t size;
    const mp_limb_t *d;
} ConstLimbs;

struct ConstNum {
    union {
        ConstLimbs z;                                   // CREP_INT
        struct { ConstLimbs num, den; } q;              // CREP_RAT (canonical)
        struct { ConstLimbs mant; int64_t exp; } f;     // CREP_FLOAT: mant * 2^exp
        struct { ConstVal re, im; } c;                  // CREP_COMPLEX
    } u;
};

// Go's big.Float has 32-bit exponents: beyond them a value is infinite or
// zero. Every MPFR computation here runs in that range.
void cn_go_range(void);

// Loading into caller-initialized GMP/MPFR variables (CONST_PREC bits for
// mpfr), from an integer (z), an integer or rational (q), any real (f).
void cn_get_z(mpz_ptr z, ConstVal v);
void cn_get_q(mpq_ptr q, ConstVal v);
void cn_get_f(mpfr_ptr f, ConstVal v);

// Making values in the arena: the integer z; the rational q, a binary float
// when too big; the binary float f (false when infinite or NaN).
ConstVal cn_make_int(Arena *a, mpz_srcptr z);
ConstVal cn_make_rat(Arena *a, mpq_srcptr q);
bool cn_make_float(Arena *a, mpfr_srcptr f, ConstVal *out);
ConstVal cn_make_complex(Arena *a, ConstVal re, ConstVal im);

#endif
