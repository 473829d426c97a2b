// compare.h - -compare-inline: the escape verdicts of one program without and
// with inlining, side by side.
//
// The driver runs the whole pipeline twice, each run with its own Compiler,
// and after each run copies what it needs here (cmp_collect): the -m notes
// and where each function starts. Nothing else survives a run, so the two
// runs cannot share state. cmp_print then pairs the verdicts up and prints
// the ones that differ.
#ifndef MINIGC_COMPARE_H
#define MINIGC_COMPARE_H

#include <stdio.h>

#include "../frontend/frontend.h"

typedef struct CmpRun {
    PtrVec notes;       // CmpNote*: escape verdicts, in the order -m prints them
    PtrVec calls;       // CmpNote*: "inlining call to F" (subject F)
    PtrVec funcs;       // CmpFunc*: declared functions, in source order
} CmpRun;

// Copies the -m notes and the declared functions of one finished run into
// `run`, allocated in `a` (which outlives the Compiler).
void cmp_collect(Arena *a, CmpRun *run, const Compiler *cc, const Package *pkg);
// The declared functions cmp_collect found (gc's names), and the escape
// graph (SVG text, copied into `a`) the driver kept for function i.
int cmp_func_count(const CmpRun *run);
const char *cmp_func_name(const CmpRun *run, int i);
void cmp_set_picture(Arena *a, CmpRun *run, int i, const char *svg, size_t len);
// The picture kept for the function named `name`, or NULL.
const char *cmp_picture(const CmpRun *run, const char *name, size_t *len);
// Prints, per function, every verdict that differs between `without` and
// `with`, then how many stayed the same. The names of the functions that
// changed go to `changed` (const char*). Returns the number that changed.
int cmp_print(FILE *out, Arena *a, const CmpRun *without, const CmpRun *with, PtrVec *changed);

#endif
