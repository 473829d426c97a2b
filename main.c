// main.c - the driver: gc's command line, the files, the pipeline, the output.
//
// Flags are read the way Go's flag package reads them, because minigc's users
// type gc's command lines: one or two dashes, "-name=value" or "-name value"
// for a flag that takes a value, and counting flags (-m, -l, -N, ...) that go
// up by one each time they appear bare and are set outright by "-m=N".
// Reading stops at "--" or at the first argument that is not a flag; the rest
// are the files. One table lists every flag with its kind, the Driver field
// its value goes to and its help line, so the parser and the usage text are
// the same list.
//
// The run mirrors gc's: every file is loaded and parsed; if any has a syntax
// error the compile ends there, since gc does not type-check a package that
// does not parse. Otherwise the files are checked together as one package
// and, if that is clean, the pass table runs in order. After each pass the
// driver prints the dumps (-dump) and writes the pictures (-dot, -svg) the
// command line asks for, and, when asked (gc's -d=ssa/check/on, or
// MINIGC_CHECK=1 in the environment, as the tests set it), runs the SSA
// invariant checker on every function: a broken invariant is an internal
// error naming the pass, exit status 3.
// Diagnostics go to standard output, where gc prints them too. Errors in the
// input exit with status 1, usage errors with 2 (gc itself exits 2 for both).
#include "frontend.h"
#include "dot/dot.h"
#include "passes/passes.h"
#include "passes/compare.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_INPUT_ERROR = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

// Everything the command line says. Counting flags that end up as booleans in
// Options are counted here first, as gc counts them.
// -time: when the current phase began and how big the arena was then.
typedef struct PhaseClock {
    struct timespec start;
    size_t arena_at_start;
} PhaseClock;

typedef struct Driver {
    Options opt;
    int no_opt_count;       // -N
    int all_errors_count;   // -e
    int no_columns_count;   // -C: gc drops columns from messages
    int ignored_count;      // -0: gc's test harness passes it through
    bool list_passes;       // -passes
    bool compare_inline;    // -compare-inline
    CmpRun *cmp_run;        // -compare-inline: this run's verdicts go there...
    Arena *cmp_arena;       // ... allocated here (outlives the run's Compiler)
    bool cmp_pictures;      // ... and with -svg or -html, its escape graphs too
    const CmpRun *cmp_without; // the run with inlining: the one without, for the -html page
    bool help;              // -h, -help
    const char *dump;       // -dump=PASS[,PASS] or all
    bool dump_changed;      // -dump-changed: a pass's dump only if it changed the function, with marks
    char dump_buf[512];     // -dump as -d=ssa/PASS/dump=F spells it, comma-separated
    bool fatal;             // a -d error gc reports with log.Fatalf: exit 1, no usage
    bool html_quiet;        // -html without -m: the page gets -m=2's notes, stdout none
    const char *func;       // -func=NAME
    char *func_owned;       // -func as -d=ssa/PASS/dump=F gave it (freed at exit)
    char *ssafunc;          // GOSSAFUNC's function (freed at exit)
    const char *dot_dir;    // -dot=DIR
    const char *svg_dir;    // -svg=DIR
    const char *escgraph;   // -escgraph=all|pointers: which locations escape graphs show
    const char *cfg_mode;   // -cfg=full|skeleton: CFG blocks with their values, or names only
    const char *rankdir;    // -rankdir=TB|LR|BT|RL: the direction pictures are drawn in
    const char *why;        // -why=NAME: also a picture of NAME's paths to the heap
    DotOptions pictures;    // the four above, for dot/
    const char *html_file;  // -html=FILE
    const char *stop_after; // -stopafter=parse|check|PASS: end the run there (benchmarks)
    bool check_ssa;         // -d=ssa/check/on or MINIGC_CHECK=1
    bool time_phases;       // -time: each phase's time and memory to stderr
    PhaseClock *clock;      // ... measured here (set by drive when time_phases)
    // gc's package-build flags, as cmd/go passes them: read and checked as
    // gc checks them; minigc writes no object, so most change nothing.
    const char *importcfg;  // -importcfg FILE: importmap lines are used
    const char *symabis;    // -symabis FILE: must be readable
    const char *trimpath;   // -trimpath PREFIXES
    const char *goversion;  // -goversion: must be Go 1.19's
    const char *buildid;    // -buildid ID
    const char *lang;       // -lang=go1.N, N <= 19
    int concurrency;        // -c=N
    bool nolocalimports;    // -nolocalimports
    bool pack;              // -pack
    char **files;
    int nfiles;
} Driver;

typedef enum FlagKind {
    FLAG_COUNT,     // int: bare adds one, =N sets, =true adds one, =false clears
    FLAG_BOOL,      // bool: bare sets, =BOOL as strconv.ParseBool reads it
    FLAG_STRING,    // const char *: =VALUE or the next argument
    FLAG_INT,       // int: =N or the next argument
    FLAG_DEBUG,     // -d: comma-separated key[=value] settings
    FLAG_HELP,      // -h, -help: usage
} FlagKind;

typedef struct FlagSpec {
    const char *name;
    FlagKind kind;
    size_t offset;          // of the value in Driver
    const char *arg;        // name of the value in the usage text
    const char *help;
} FlagSpec;

#define AT(field) offsetof(Driver, field)

static const FlagSpec flag_table[] = {
    {"+", FLAG_BOOL, AT(opt.runtime), NULL, "compiling runtime"},
    {"0", FLAG_COUNT, AT(ignored_count), NULL, "accepted and ignored, as Go's test harness passes it"},
    {"C", FLAG_COUNT, AT(no_columns_count), NULL, "disable printing of columns in error messages"},
    {"N", FLAG_COUNT, AT(no_opt_count), NULL, "disable optimizations (deadcode; inlining stays on, as in gc 1.19)"},
    {"buildid", FLAG_STRING, AT(buildid), "id", "record id as the build id in the export metadata"},
    {"c", FLAG_INT, AT(concurrency), "int", "concurrency during compilation (1 means no concurrency)"},
    {"cfg", FLAG_STRING, AT(cfg_mode), "mode", "CFG pictures: full (blocks with their values) or skeleton (blocks only)"},
    {"compare-inline", FLAG_BOOL, AT(compare_inline), NULL,
     "run with and without inlining and show which escape verdicts change"},
    {"complete", FLAG_BOOL, AT(opt.complete), NULL, "compiling complete package (no C or assembly)"},
    {"d", FLAG_DEBUG, AT(opt.debug), "list",
     "debug settings, comma-separated key[=value] (inlfuncswithclosures=N is used)"},
    {"dot", FLAG_STRING, AT(dot_dir), "dir", "write CFG and escape-graph pictures as DOT files into dir"},
    {"dump", FLAG_STRING, AT(dump), "passes", "print the SSA after the named passes (comma-separated, or all)"},
    {"dump-changed", FLAG_BOOL, AT(dump_changed), NULL,
     "print the SSA after a pass only if it changed the function, marking values added (+), removed (-), rewritten (~)"},
    {"e", FLAG_COUNT, AT(all_errors_count), NULL, "no limit on number of errors reported"},
    {"escgraph", FLAG_STRING, AT(escgraph), "which",
     "escape graphs show locations that may hold pointers (pointers, default) or all"},
    {"func", FLAG_STRING, AT(func), "name", "limit dumps and pictures to one function (main, T.M, (*T).M, f.func1)"},
    {"goversion", FLAG_STRING, AT(goversion), "string", "required version of the runtime"},
    {"h", FLAG_HELP, AT(help), NULL, "print this usage"},
    {"help", FLAG_HELP, AT(help), NULL, "print this usage"},
    {"html", FLAG_STRING, AT(html_file), "file", "write a page that steps through the passes"},
    {"importcfg", FLAG_STRING, AT(importcfg), "file", "read import configuration from file"},
    {"l", FLAG_COUNT, AT(opt.l_level), NULL, "disable inlining (-l=2 and more enable it again, as gc)"},
    {"lang", FLAG_STRING, AT(lang), "string", "Go language version source code expects"},
    {"m", FLAG_COUNT, AT(opt.m_level), NULL, "print optimization decisions (-m -m or -m=2 for more)"},
    {"nolocalimports", FLAG_BOOL, AT(nolocalimports), NULL, "reject local (relative) imports"},
    {"o", FLAG_STRING, AT(opt.out_file), "file", "write output to file (accepted; minigc writes no object)"},
    {"p", FLAG_STRING, AT(opt.pkg_path), "path", "set expected package import path"},
    {"pack", FLAG_BOOL, AT(pack), NULL, "write a package file instead of an object file (accepted)"},
    {"passes", FLAG_BOOL, AT(list_passes), NULL, "list the pipeline's passes"},
    {"rankdir", FLAG_STRING, AT(rankdir), "dir", "draw pictures top to bottom (TB), left to right (LR), BT or RL"},
    {"smallframes", FLAG_BOOL, AT(opt.smallframes), NULL, "reduce the size limit for stack allocated objects"},
    {"std", FLAG_BOOL, AT(opt.std), NULL, "compiling standard library"},
    {"stopafter", FLAG_STRING, AT(stop_after), "phase",
     "end the run after parse, check or the named pass (for benchmarks)"},
    {"svg", FLAG_STRING, AT(svg_dir), "dir", "write CFG and escape-graph pictures as SVG files into dir"},
    {"time", FLAG_BOOL, AT(time_phases), NULL, "print each phase's time and memory to stderr"},
    {"symabis", FLAG_STRING, AT(symabis), "file", "read symbol ABIs from file"},
    {"trimpath", FLAG_STRING, AT(trimpath), "prefix", "remove prefix from recorded source file paths"},
    {"why", FLAG_STRING, AT(why), "name", "with -dot or -svg: also draw only the paths from variable NAME to the heap"},
};

#define FIELD(d, spec, T) ((T *)((char *)(d) + (spec)->offset))

static void usage(void) {
    fprintf(stderr, "usage: minigc [options] file.go...\n");
    for (size_t i = 0; i < sizeof flag_table / sizeof flag_table[0]; i++) {
        const FlagSpec *f = &flag_table[i];
        // Go's layout: a one-letter flag without a value keeps its help on
        // the same line, everything else puts it on the next.
        if (f->arg)
            fprintf(stderr, "  -%s %s\n    \t%s\n", f->name, f->arg, f->help);
        else if (strlen(f->name) == 1)
            fprintf(stderr, "  -%s\t%s\n", f->name, f->help);
        else
            fprintf(stderr, "  -%s\n    \t%s\n", f->name, f->help);
    }
}

static const FlagSpec *flag_lookup(const char *name, size_t len) {
    for (size_t i = 0; i < sizeof flag_table / sizeof flag_table[0]; i++)
        if (strlen(flag_table[i].name) == len && memcmp(flag_table[i].name, name, len) == 0)
            return &flag_table[i];
    return NULL;
}

// A decimal int as Go's strconv.Atoi reads it: optional sign, digits only.
static bool parse_int(const char *s, int *out) {
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (*p == 0)
        return false;
    for (const char *q = p; *q; q++)
        if (*q < '0' || *q > '9')
            return false;
    errno = 0;
    long v = strtol(s, NULL, 10);
    if (errno == ERANGE || v < INT_MIN || v > INT_MAX)
        return false;
    *out = (int)v;
    return true;
}

// The spellings strconv.ParseBool accepts.
static bool parse_bool(const char *s, bool *out) {
    static const char *const yes[] = {"1", "t", "T", "true", "TRUE", "True"};
    static const char *const no[] = {"0", "f", "F", "false", "FALSE", "False"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcmp(s, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcmp(s, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

static bool set_count(int *count, const char *name, const char *value) {
    if (!value || strcmp(value, "true") == 0) {
        (*count)++;
        return true;
    }
    if (strcmp(value, "false") == 0) {
        *count = 0;
        return true;
    }
    if (!parse_int(value, count)) {
        fprintf(stderr, "invalid boolean value \"%s\" for -%s: invalid count \"%s\"\n", value, name, value);
        return false;
    }
    return true;
}

// gc 1.19's -d keys (cmd/compile/internal/base/debug.go) and whether each
// takes a string (the others take an int).
static const struct { const char *name; bool string; } gc_debug_keys[] = {
    {"abiwrap", false}, {"append", false}, {"checkptr", false}, {"closure", false}, {"dclstack", false},
    {"defer", false}, {"disablenil", false}, {"dumpptrs", false}, {"dwarfinl", false}, {"export", false},
    {"gcprog", false}, {"inlfuncswithclosures", false}, {"libfuzzer", false}, {"locationlists", false},
    {"maymorestack", true}, {"nil", false}, {"noopendefer", false}, {"norefname", false}, {"panic", false},
    {"pctab", true}, {"slice", false}, {"softfloat", false}, {"syncframes", false}, {"typeassert", false},
    {"typecheckinl", false}, {"unified", false}, {"wb", false},
};

static bool key_is(const char *p, size_t len, const char *name) {
    return len == strlen(name) && memcmp(p, name, len) == 0;
}

// Adds pass `phase` (gc's spelling: '_' for ' ') to the -dump list.
static bool add_dump(Driver *d, const char *phase, size_t len) {
    char name[64];
    if (len >= sizeof name)
        len = sizeof name - 1;
    for (size_t i = 0; i < len; i++)
        name[i] = phase[i] == '_' ? ' ' : phase[i];
    name[len] = 0;
    size_t have = strlen(d->dump_buf);
    if (have + len + 2 > sizeof d->dump_buf)
        return false;
    snprintf(d->dump_buf + have, sizeof d->dump_buf - have, "%s%s", have ? "," : "", name);
    d->dump = d->dump_buf;
    return true;
}

// Does minigc's pass table have `phase` (gc's spelling)?
static bool known_phase(const char *phase, size_t len) {
    for (int i = 0; i < pass_count; i++) {
        const char *n = pass_table[i].name;
        if (strlen(n) != len)
            continue;
        bool same = true;
        for (size_t k = 0; k < len && same; k++)
            same = n[k] == phase[k] || (n[k] == ' ' && phase[k] == '_');
        if (same)
            return true;
    }
    return false;
}

// -d=ssa/PHASE/FLAG[=VALUE]: ssa/check/on turns the checker on;
// ssa/PASS/dump=F (and ssa/all/dump=F) is -dump=PASS -func=F; gc's other
// flags of a known phase are accepted. Errors as gc words them.
static bool set_debug_ssa(Driver *d, const char *key, size_t keylen, const char *value, size_t vallen) {
    const char *phase = key + 4;
    size_t plen = keylen - 4;
    const char *slash = memchr(phase, '/', plen);
    const char *flag = slash ? slash + 1 : "debug";
    size_t flen = slash ? (size_t)(key + keylen - flag) : strlen("debug");
    if (slash)
        plen = (size_t)(slash - phase);
    if (key_is(phase, plen, "check") && (key_is(flag, flen, "on") || key_is(flag, flen, "off") || key_is(flag, flen, "seed"))) {
        d->check_ssa = !key_is(flag, flen, "off");
        return true;
    }
    if (key_is(phase, plen, "help")) {
        printf("minigc's SSA phases for -d=ssa/PHASE/dump=FUNC (also -dump=PASS -func=FUNC):\n");
        for (int i = 0; i < pass_count; i++)
            printf("\t%s\n", pass_table[i].name);
        exit(0);
    }
    bool all = key_is(phase, plen, "all");
    if (!all && !known_phase(phase, plen)) {
        fprintf(stderr, "minigc: Did not find a phase matching %.*s in -d=ssa/... debug option\n", (int)plen, phase);
        d->fatal = true;
        return false;
    }
    static const char *const flags[] = {"on", "off", "time", "mem", "debug", "stats", "test", "dump"};
    bool ok = false;
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        ok |= key_is(flag, flen, flags[i]) && (!all || i == 2 || i == 3 || i == 7);
    if (!ok) {
        if (key_is(phase, plen, "build"))
            fprintf(stderr,
                    "minigc: Did not find a flag matching %.*s in -d=ssa/build debug option (expected ssa/build/{debug,test,stats,dump=function_name})\n",
                    (int)flen, flag);
        else if (all)
            fprintf(stderr,
                    "minigc: Did not find a flag matching %.*s in -d=ssa/%.*s debug option (expected ssa/all/{time,mem,dump=function_name})\n",
                    (int)flen, flag, (int)plen, phase);
        else
            fprintf(stderr, "minigc: Did not find a flag matching %.*s in -d=ssa/%.*s debug option\n", (int)flen, flag,
                    (int)plen, phase);
        d->fatal = true;
        return false;
    }
    if (key_is(flag, flen, "off")) {
        // gc can switch its optional phases off; minigc's table is fixed.
        fprintf(stderr, "minigc: -d=ssa/%.*s/off: turning passes off is not supported\n", (int)plen, phase);
        d->fatal = true;
        return false;
    }
    if (!key_is(flag, flen, "dump") || !value)
        return true;
    if (all)
        d->dump = "all";
    else if (!add_dump(d, phase, plen)) {
        fprintf(stderr, "minigc: -d: too many ssa dumps\n");
        d->fatal = true;
        return false;
    }
    char *fn = malloc(vallen + 1);     // kept for the run, as every flag value is
    if (!fn)
        abort();
    memcpy(fn, value, vallen);
    fn[vallen] = 0;
    if (d->func && strcmp(d->func, fn) != 0) {
        fprintf(stderr, "minigc: -d=ssa/.../dump: one function at a time (%s and %s)\n", d->func, fn);
        free(fn);
        d->fatal = true;
        return false;
    }
    if (d->func) {
        free(fn);
        return true;
    }
    d->func = fn;
    d->func_owned = fn;
    return true;
}

// One -d value: "key[=value],key...", as gc reads it: every key must be
// one of gc's; inlfuncswithclosures changes what minigc does, ssa/... as
// above, the others are accepted so gc command lines carry over. An
// unknown key is a usage error (exit 2), a bad value of a known one a fatal
// error (exit 1), as in gc.
static bool set_debug(Driver *d, const char *list) {
    d->opt.debug = list;
    const char *p = list;
    while (*p) {
        size_t keylen = strcspn(p, "=:,");
        const char *value = p[keylen] == '=' || p[keylen] == ':' ? p + keylen + 1 : NULL;
        size_t vallen = value ? strcspn(value, ",") : 0;
        const char *next = value ? value + vallen : p + keylen;
        char buf[32];
        int n = 1;
        bool is_int = true;
        if (value) {
            size_t l = vallen < sizeof buf ? vallen : sizeof buf - 1;
            memcpy(buf, value, l);
            buf[l] = 0;
            is_int = vallen < sizeof buf && parse_int(buf, &n);
        }
        int known = -1;
        for (size_t i = 0; i < sizeof gc_debug_keys / sizeof gc_debug_keys[0]; i++)
            if (key_is(p, keylen, gc_debug_keys[i].name))
                known = (int)i;
        if (keylen == 0) {
            // gc skips empty items ("a,,b").
        } else if (key_is(p, keylen, "help")) {
            printf("usage: -d arg[,arg]* and arg is <key>[=<value>]\n\n<key> is one of:\n\n");
            for (size_t i = 0; i < sizeof gc_debug_keys / sizeof gc_debug_keys[0]; i++)
                printf("\t%-20s\t%s\n", gc_debug_keys[i].name,
                       key_is(gc_debug_keys[i].name, strlen(gc_debug_keys[i].name), "inlfuncswithclosures")
                           ? "allow functions with closures to be inlined"
                           : "accepted (gc's; no effect in minigc)");
            printf("\t%-20s\t%s\n", "ssa/help", "print help about SSA debugging");
            exit(0);
        } else if (known >= 0) {
            if (!gc_debug_keys[known].string && !is_int) {
                fprintf(stderr, "minigc: invalid debug value %.*s\n", (int)keylen, p);
                d->fatal = true;
                return false;
            }
            if (key_is(p, keylen, "inlfuncswithclosures"))
                d->opt.inlfuncswithclosures = n;
        } else if (keylen > 4 && memcmp(p, "ssa/", 4) == 0) {
            if (!set_debug_ssa(d, p, keylen, value, vallen))
                return false;
        } else {
            fprintf(stderr, "invalid value \"%s\" for flag -d: unknown debug key %.*s\n\n", list, (int)keylen, p);
            return false;
        }
        p = *next == ',' ? next + 1 : next;
    }
    return true;
}

// Applies one flag. `value` is what followed '=' or NULL; a flag that needs a
// value and has none takes the next argument (*argi moves past it).
static bool set_flag(Driver *d, const FlagSpec *f, const char *value, int argc, char **argv, int *argi) {
    if (f->kind == FLAG_HELP) {
        d->help = true;
        return true;
    }
    if (f->kind == FLAG_COUNT)
        return set_count(FIELD(d, f, int), f->name, value);
    if (f->kind == FLAG_BOOL) {
        bool *b = FIELD(d, f, bool);
        if (!value) {
            *b = true;
            return true;
        }
        if (!parse_bool(value, b)) {
            fprintf(stderr, "invalid boolean value \"%s\" for -%s: parse error\n", value, f->name);
            return false;
        }
        return true;
    }
    if (!value) {
        if (*argi + 1 >= argc) {
            fprintf(stderr, "flag needs an argument: -%s\n", f->name);
            return false;
        }
        value = argv[++*argi];
    }
    if (f->kind == FLAG_DEBUG)
        return set_debug(d, value);
    if (f->kind == FLAG_INT) {
        if (!parse_int(value, FIELD(d, f, int))) {
            fprintf(stderr, "invalid value \"%s\" for flag -%s: parse error\n", value, f->name);
            return false;
        }
        return true;
    }
    *FIELD(d, f, const char *) = value;
    return true;
}

// Reads the flags into d and leaves the files in d->files. Returns false on a
// usage error (already reported).
static bool parse_args(Driver *d, int argc, char **argv) {
    int i = 1;
    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == 0)
            break;
        if (strcmp(arg, "--") == 0) {
            i++;
            break;
        }
        const char *name = arg + (arg[1] == '-' ? 2 : 1);
        if (name[0] == 0 || name[0] == '-' || name[0] == '=') {
            fprintf(stderr, "bad flag syntax: %s\n", arg);
            return false;
        }
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const FlagSpec *f = flag_lookup(name, len);
        if (!f) {
            fprintf(stderr, "flag provided but not defined: -%.*s\n", (int)len, name);
            return false;
        }
        if (!set_flag(d, f, eq ? eq + 1 : NULL, argc, argv, &i))
            return false;
    }
    d->files = argv + i;
    d->nfiles = argc - i;
    return true;
}

// Counting flags become the booleans Options keeps.
static void finish_options(Driver *d) {
    d->opt.no_opt = d->no_opt_count > 0;
    d->opt.all_errors = d->all_errors_count > 0;
    d->opt.no_columns = d->no_columns_count > 0;
}

// -passes: the pipeline in the order it runs, with what turns a pass off.
static void list_passes(void) {
    for (int i = 0; i < pass_count; i++) {
        const Pass *p = &pass_table[i];
        printf("%-15s %s%s%s\n", p->name, p->what, p->off_with_l ? " (off with -l)" : "",
               p->off_with_N ? " (off with -N)" : "");
    }
}

// -time: the clock starts a phase.
static void phase_start(const Driver *d, const Compiler *cc) {
    if (!d->clock)
        return;
    clock_gettime(CLOCK_MONOTONIC, &d->clock->start);
    d->clock->arena_at_start = cc->arena.total;
}

// The resident set now, from /proc (0 where there is none).
static double rss_mb(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &size, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return (double)resident * (double)sysconf(_SC_PAGESIZE) / 1e6;
}

// -time: one line for the phase that just ended, as gc's -d=ssa/all/time
// prints a pass: its name, wall time, what it took from the compiler's
// arena, and the resident and peak memory of the process after it. Then
// the next phase starts.
static void phase_end(const Driver *d, const Compiler *cc, const char *name) {
    if (!d->clock)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double ms = (double)(now.tv_sec - d->clock->start.tv_sec) * 1e3 +
                (double)(now.tv_nsec - d->clock->start.tv_nsec) / 1e6;
    struct rusage ru;
    double peak = getrusage(RUSAGE_SELF, &ru) == 0 ? (double)ru.ru_maxrss * 1024 / 1e6 : 0;
    fprintf(stderr, "minigc: time %-15s %9.3f ms  arena %+9.1f MB  rss %7.1f MB  peak %7.1f MB\n", name, ms,
            ((double)cc->arena.total - (double)d->clock->arena_at_start) / 1e6, rss_mb(), peak);
    phase_start(d, cc);
}

// Loads and parses every file; false if one cannot be read or any has a
// syntax error, which is where gc stops too.
static bool load_and_parse(Compiler *cc, const Driver *d, File **files) {
    for (int i = 0; i < d->nfiles; i++) {
        SourceFile *src = source_load(cc, d->files[i]);
        if (!src)
            return false;
        src->std_rules = d->opt.std;
        src->runtime_rules = d->opt.runtime;
        files[i] = parse_file(cc, src);
    }
    return diag_error_count(cc) == 0;
}

static bool stops_at(const Driver *d, const char *phase) {
    return d->stop_after && strcmp(d->stop_after, phase) == 0;
}

// Whether `name` is in the comma-separated list (or the list is "all").
static bool in_list(const char *list, const char *name) {
    if (!list)
        return false;
    if (strcmp(list, "all") == 0)
        return true;
    size_t n = strlen(name);
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && memcmp(p, name, n) == 0)
            return true;
        p += len;
        if (*p == ',')
            p++;
    }
    return false;
}

// The functions dumps and pictures show: the one -func names (wherever it
// is), or else every function of the main package (not the library models).
static bool shown(const Driver *d, const Program *prog, const Func *f) {
    if (d->func)
        return strcmp(f->name, d->func) == 0;
    return f->info && f->info->pkg == prog->main_pkg;
}

// What the run keeps between passes for -dump-changed and -html: the last
// snapshot of every shown function, and the page being put together.
typedef struct RunState {
    Snapshot **last;        // by index in prog->funcs (NULL: none yet)
    int nlast;
    HtmlPage *page;         // -html / GOSSAFUNC
} RunState;

static Snapshot *last_snapshot(RunState *rs, Program *prog, int i) {
    if (rs->nlast < prog->nfuncs) {
        Snapshot **grown = ARENA_ARRAY(&prog->cc->arena, Snapshot *, prog->nfuncs);
        for (int k = 0; k < rs->nlast; k++)
            grown[k] = rs->last[k];
        rs->last = grown;
        rs->nlast = prog->nfuncs;
    }
    return rs->last[i];
}

// The dump of f after pass `name` under -dump-changed: marked, or one line
// saying the pass left it alone.
static void dump_changed(const Snapshot *s, const char *name, bool first) {
    if (first) {
        printf("# after %s\n", name);
        snapshot_print(stdout, s, false);
    } else if (s->changed) {
        printf("# after %s: %s changed\n", name, s->func);
        snapshot_print(stdout, s, true);
    } else {
        printf("# after %s: %s omitted because no change\n", name, s->func);
    }
}

// After pass `name`: the checker, the dump and the pictures.
// A picture that cannot be written is reported once, in *pic_err, after
// the -m lines; the run goes on (so they are all printed) writing no more.
static int after_pass(const Driver *d, Program *prog, const char *name, const char **pic_err, RunState *rs) {
    if (d->check_ssa) {
        for (int i = 0; i < prog->nfuncs; i++) {
            const char *err = func_check(prog->funcs[i]);
            if (err) {
                fprintf(stderr, "minigc: internal error after %s: %s\n", name, err);
                return EXIT_INTERNAL;
            }
        }
    }
    bool dump = in_list(d->dump, name);
    bool changed_mode = d->dump_changed && (!d->dump || dump);
    bool pictures = (d->dot_dir || d->svg_dir) && (!d->dump || dump) && !*pic_err;
    const DotOptions *o = &d->pictures;
    bool header = false;
    for (int i = 0; i < prog->nfuncs; i++) {
        Func *f = prog->funcs[i];
        if (!shown(d, prog, f))
            continue;
        if (changed_mode || rs->page) {
            Snapshot *prev = last_snapshot(rs, prog, i);
            // A function rebuilt under another name is a new one.
            if (prev && strcmp(prev->func, f->name) != 0)
                prev = NULL;
            Snapshot *s = snapshot_take(&prog->cc->arena, f, prev);
            if (changed_mode)
                dump_changed(s, name, prev == NULL);
            if (rs->page && d->func && strcmp(f->name, d->func) == 0)
                html_page_pass(rs->page, name, f, s);
            rs->last[i] = s;
        } else if (dump) {
            if (!header)
                printf("# after %s\n", name);
            header = true;
            func_print(stdout, f);
        }
        if (pictures && d->dot_dir && dot_write_cfg(prog->cc, f, name, d->dot_dir, false, o, pic_err) != 0)
            pictures = false;
        if (pictures && d->svg_dir && dot_write_cfg(prog->cc, f, name, d->svg_dir, true, o, pic_err) != 0)
            pictures = false;
    }
    // The escape graph, one picture per batch the analysis solved together.
    if (strcmp(name, "escape") == 0) {
        if (d->dot_dir && !*pic_err)
            dot_write_escape_graphs(prog->cc, prog, d->dot_dir, false, d->func, o, pic_err);
        if (d->svg_dir && !*pic_err)
            dot_write_escape_graphs(prog->cc, prog, d->svg_dir, true, d->func, o, pic_err);
        if (rs->page)
            html_page_escape(rs->page, prog, d->func);
    }
    return 0;
}

// Runs the pass table over the checked package. Returns an exit status.
static int run_pipeline(const Driver *d, Compiler *cc, Package *pkg, const char **pic_err) {
    // gc 1.19 swaps -l's levels 0 and 1: no -l inlines, -l does not, -l=2 and
    // more (-l -l, Go's tests' -l=4) inline again; -N leaves inlining on.
    bool inlining = d->opt.l_level != 1;
    Program prog = {.cc = cc, .main_pkg = pkg, .inlining = inlining,
                    .pictures = d->dot_dir || d->svg_dir || d->html_file || d->cmp_pictures};
    RunState rs = {0};
    if (d->html_file)
        rs.page = html_page_new(cc, d->func, &d->pictures);
    // When nothing shows or checks the SSA before inlining, it is built once, with the inlined bodies.
    prog.defer_build = !d->check_ssa && !d->dump && !d->dump_changed && !d->dot_dir && !d->svg_dir &&
                       !rs.page && !d->stop_after;
    // When nothing shows the SSA at all, it lives one escape batch at a time
    // (MINIGC_STREAM=0 keeps the whole program's, for the tests that compare).
    const char *stream_env = getenv("MINIGC_STREAM");
    prog.stream = !d->dump && !d->dump_changed && !d->dot_dir && !d->svg_dir && !rs.page && !d->stop_after &&
                  !prog.pictures && !(stream_env && strcmp(stream_env, "0") == 0);
    prog.check = d->check_ssa;
    prog.no_opt = d->opt.no_opt;
    Arena ssa_arena;
    arena_init(&ssa_arena);
    if (prog.stream)
        prog.ssa_arena = &ssa_arena;
    int status = 0;
    for (int i = 0; i < pass_count && status == 0; i++) {
        const Pass *p = &pass_table[i];
        if ((p->off_with_l && !inlining) || (p->off_with_N && d->opt.no_opt))
            continue;
        p->run(&prog);
        phase_end(d, cc, p->name);
        status = after_pass(d, &prog, p->name, pic_err, &rs);
        if (stops_at(d, p->name))
            break;
    }
    if (d->func && status == 0 && !program_find(&prog, d->func) &&
        (d->dump || d->dump_changed || d->dot_dir || d->svg_dir || d->html_file)) {
        fprintf(stderr, "minigc: no function named %s\n", d->func);
        status = EXIT_USAGE;
    }
    // -compare-inline: what the comparison needs, copied out before the
    // Program and the Compiler go (the escape graphs as SVG text).
    if (d->cmp_run && status == 0) {
        cmp_collect(d->cmp_arena, d->cmp_run, cc, pkg);
        for (int i = 0; d->cmp_pictures && i < cmp_func_count(d->cmp_run); i++) {
            size_t len = 0;
            const char *err = NULL;
            const char *svg = dot_escape_svg(&cc->arena, &prog, cmp_func_name(d->cmp_run, i), &d->pictures, &len, &err);
            if (svg)
                cmp_set_picture(d->cmp_arena, d->cmp_run, i, svg, len);
        }
    }
    // -compare-inline -html: the page (of this run, with inlining) also gets
    // the graph without inlining and, above both, the verdicts that changed.
    if (rs.page && d->cmp_without && d->cmp_run && status == 0) {
        size_t len = 0;
        const char *svg = cmp_picture(d->cmp_without, d->func, &len);
        char *text = NULL;
        size_t tlen = 0;
        FILE *m = open_memstream(&text, &tlen);
        if (!m)
            abort();
        PtrVec changed = {0};
        cmp_print(m, d->cmp_arena, d->cmp_without, d->cmp_run, &changed);
        fclose(m);
        DotBuf b;
        dotbuf_init(&b, &cc->arena);
        dotbuf_puts(&b, "<pre>");
        html_escape(&b, text, tlen);
        dotbuf_puts(&b, "</pre>");
        free(text);
        html_page_compare(rs.page, "escape graph without inlining", svg, b.s);
    }
    if (rs.page && status == 0)
        status = html_page_write(rs.page, d->html_file, d->html_quiet) == 0 ? 0 : EXIT_INPUT_ERROR;
    program_free(&prog);
    arena_free(&ssa_arena);
    return status;
}

// -html without -m: the notes were for the page only.
static void drop_notes(Compiler *cc) {
    int n = 0;
    for (int i = 0; i < cc->diags.len; i++)
        if (cc->diags.items[i].kind != DIAG_NOTE)
            cc->diags.items[n++] = cc->diags.items[i];
    cc->diags.len = n;
}

// Parses and checks the files, runs the passes, prints the diagnostics.
// Returns the exit status. `quiet`: the -m notes are not printed (one of
// -compare-inline's two runs, which copies them to d->cmp_run).
static int compile_run(const Driver *d, bool quiet) {
    Compiler *cc = compiler_new(&d->opt);
    File **files = ARENA_ARRAY(&cc->arena, File *, d->nfiles);
    int status = 0;
    if (d->importcfg && !loader_read_importcfg(cc, d->importcfg)) {
        diag_flush(cc, stderr);
        compiler_free(cc);
        return EXIT_INPUT_ERROR;
    }
    const char *pic_err = NULL;
    phase_start(d, cc);
    bool parsed = load_and_parse(cc, d, files);
    phase_end(d, cc, "parse");
    if (parsed && !stops_at(d, "parse")) {
        const char *path = d->opt.pkg_path && *d->opt.pkg_path ? d->opt.pkg_path : "main";
        Package *pkg = check_package(cc, path, files, d->nfiles);
        phase_end(d, cc, "check");
        if (diag_error_count(cc) == 0 && !stops_at(d, "check")) {
            if (!d->opt.analyse_all)
                reach_prune(cc, pkg);
            status = run_pipeline(d, cc, pkg, &pic_err);
        }
    }
    if (diag_error_count(cc) > 0 && status == 0)
        status = EXIT_INPUT_ERROR;
    if (d->html_quiet || quiet)
        drop_notes(cc);
    phase_start(d, cc);
    diag_flush(cc, stdout);
    if (d->clock)
        fflush(stdout);
    phase_end(d, cc, "output");
    if (pic_err) {
        fflush(stdout);
        fprintf(stderr, "minigc: %s\n", pic_err);
        if (status == 0)
            status = EXIT_INPUT_ERROR;
    }
    compiler_free(cc);
    return status;
}

static int compile(const Driver *d) { return compile_run(d, false); }

// -compare-inline: the pipeline twice, as -m -l and as -m, each run on its
// own Compiler (compile_run makes and frees one), then the verdicts that differ.
static int compare_inline(const Driver *d) {
    Arena ca;
    arena_init(&ca);
    CmpRun runs[2];
    memset(runs, 0, sizeof runs);
    int status = 0;
    for (int i = 0; i < 2 && status == 0; i++) {
        Driver di = *d;
        di.opt.m_level = 1;
        di.opt.l_level = i == 0 ? 1 : 0;
        di.cmp_run = &runs[i];
        di.cmp_arena = &ca;
        di.cmp_pictures = d->svg_dir || d->html_file;
        di.svg_dir = NULL;
        // The page is the run with inlining's, the other run's graph added.
        di.html_file = i == 1 ? d->html_file : NULL;
        di.cmp_without = i == 1 ? &runs[0] : NULL;
        status = compile_run(&di, true);
    }
    PtrVec changed = {0};
    if (status == 0)
        cmp_print(stdout, &ca, &runs[0], &runs[1], &changed);
    // Both escape graphs of each function whose verdicts changed, as
    // NAME.escgraph.noinline.svg and NAME.escgraph.inline.svg. dot/ writes
    // through a Compiler (its arena, its messages): a fresh one, not a run's.
    if (d->svg_dir && status == 0 && changed.len) {
        Compiler *wc = compiler_new(&d->opt);
        const char *err = NULL;
        int rc = dot_make_dir(wc, d->svg_dir, &err);
        for (int i = 0; rc == 0 && i < changed.len; i++) {
            for (int r = 0; r < 2 && rc == 0; r++) {
                size_t len = 0;
                const char *svg = cmp_picture(&runs[r], changed.items[i], &len);
                if (!svg)
                    continue;
                // NAME.escgraph as dot/ spells it, then the run (dot_file_name
                // would escape a '.' in either part).
                const char *file = dot_file_name(&ca, changed.items[i], "escgraph", NULL);
                size_t dl = strlen(d->svg_dir);
                const char *path = arena_sprintf(&ca, "%s%s%s.%s.svg", d->svg_dir, dl && d->svg_dir[dl - 1] == '/' ? "" : "/",
                                                 file, r ? "inline" : "noinline");
                rc = dot_write_file(wc, path, svg, len, &err);
            }
        }
        if (rc != 0) {
            fprintf(stderr, "minigc: %s\n", err ? err : "cannot write the pictures");
            status = EXIT_INPUT_ERROR;
        }
        compiler_free(wc);
    }
    arena_free(&ca);
    return status;
}

// gc's checks of its package-build flags (same texts; gc exits 1 for them).
static bool build_flags_ok(const Driver *d) {
    if (d->lang) {
        int major = 0, minor = 0;
        char tail;
        if (sscanf(d->lang, "go%d.%d%c", &major, &minor, &tail) != 2 || strncmp(d->lang, "go", 2) != 0 ||
            d->lang[2] < '0' || d->lang[2] > '9') {
            fprintf(stderr, "minigc: invalid value \"%s\" for -lang: should be something like \"go1.12\"\n", d->lang);
            return false;
        }
        if (major > 1 || (major == 1 && minor > 19)) {
            fprintf(stderr, "minigc: invalid value \"%s\" for -lang: max known version is \"go1.19\"\n", d->lang);
            return false;
        }
    }
    // gc compares with its runtime's version: minigc stands for Go 1.19.
    if (d->goversion && strcmp(d->goversion, "go1.19") != 0 && strncmp(d->goversion, "go1.19.", 7) != 0) {
        fprintf(stderr, "minigc: version \"go1.19\" does not match go tool version \"%s\"\n", d->goversion);
        return false;
    }
    if (d->symabis) {
        FILE *f = fopen(d->symabis, "r");
        if (!f) {
            fprintf(stderr, "minigc: -symabis: open %s: %s\n", d->symabis, strerror(errno));
            return false;
        }
        fclose(f);
    }
    return true;
}

static int compile_job(void *d) { return compile(d); }
static int compare_inline_job(void *d) { return compare_inline(d); }

// Checks the names -dump and -stopafter give against the pass table.
static bool valid_phases(const Driver *d) {
    if (d->dump && strcmp(d->dump, "all") != 0) {
        for (const char *p = d->dump; *p;) {
            size_t len = strcspn(p, ",");
            bool found = false;
            for (int i = 0; i < pass_count; i++)
                found |= strlen(pass_table[i].name) == len && memcmp(pass_table[i].name, p, len) == 0;
            if (!found) {
                fprintf(stderr, "minigc: -dump: no pass named %.*s (see -passes)\n", (int)len, p);
                return false;
            }
            p += len;
            if (*p == ',')
                p++;
        }
    }
    if (d->stop_after && strcmp(d->stop_after, "parse") != 0 && strcmp(d->stop_after, "check") != 0) {
        bool found = false;
        for (int i = 0; i < pass_count; i++)
            found |= strcmp(pass_table[i].name, d->stop_after) == 0;
        if (!found) {
            fprintf(stderr, "minigc: -stopafter: no phase named %s (parse, check, or see -passes)\n", d->stop_after);
            return false;
        }
    }
    return true;
}

// Checks the picture flags and gathers them for dot/.
static bool valid_pictures(Driver *d) {
    static const char *const dirs[] = {"TB", "LR", "BT", "RL"};
    bool ok = !d->rankdir;
    for (int i = 0; i < 4 && !ok; i++)
        ok = strcmp(d->rankdir, dirs[i]) == 0;
    if (!ok) {
        fprintf(stderr, "minigc: -rankdir: %s is not TB, LR, BT or RL\n", d->rankdir);
        return false;
    }
    if (d->escgraph && strcmp(d->escgraph, "all") != 0 && strcmp(d->escgraph, "pointers") != 0) {
        fprintf(stderr, "minigc: -escgraph: %s is not all or pointers\n", d->escgraph);
        return false;
    }
    if (d->cfg_mode && strcmp(d->cfg_mode, "full") != 0 && strcmp(d->cfg_mode, "skeleton") != 0) {
        fprintf(stderr, "minigc: -cfg: %s is not full or skeleton\n", d->cfg_mode);
        return false;
    }
    d->pictures = (DotOptions){
        .all_locs = d->escgraph && strcmp(d->escgraph, "all") == 0,
        .skeleton = d->cfg_mode && strcmp(d->cfg_mode, "skeleton") == 0,
        .rankdir = d->rankdir,
        .why = d->why && *d->why ? d->why : NULL,
    };
    return true;
}

static int drive(Driver *d, int argc, char **argv) {
    d->opt.inlfuncswithclosures = 1;     // gc 1.19's default
    if (!parse_args(d, argc, argv)) {
        if (d->fatal)
            return EXIT_INPUT_ERROR;
        usage();
        return EXIT_USAGE;
    }
    if (d->help) {
        usage();
        return EXIT_USAGE;
    }
    finish_options(d);
    // MINIGC_LAZY=0: the passes analyse all of every imported package, to
    // check that analysing only what the program reaches changes nothing.
    const char *env_lazy = getenv("MINIGC_LAZY");
    d->opt.analyse_all = env_lazy && strcmp(env_lazy, "0") == 0;
    const char *env_check = getenv("MINIGC_CHECK");
    if (env_check && strcmp(env_check, "1") == 0)
        d->check_ssa = true;
    if (!valid_phases(d) || !valid_pictures(d))
        return EXIT_USAGE;
    if (!build_flags_ok(d))
        return EXIT_INPUT_ERROR;
    if (d->compare_inline && (d->dump || d->dump_changed || d->dot_dir)) {
        fprintf(stderr, "minigc: -compare-inline: -dump and -dot are not supported with it yet (-svg and -html are)\n");
        return EXIT_USAGE;
    }
    // GOSSAFUNC=f writes ./ssa.html for f, as gc does (a trailing '+',
    // gc's "also dump to stdout", is dropped).
    const char *gossafunc = getenv("GOSSAFUNC");
    char *ssafunc = NULL;
    if (gossafunc && *gossafunc && !d->html_file) {
        ssafunc = d->ssafunc = strdup(gossafunc);
        if (!ssafunc)
            abort();
        size_t n = strlen(ssafunc);
        if (n > 1 && ssafunc[n - 1] == '+')
            ssafunc[n - 1] = 0;
        if (!d->func)
            d->func = ssafunc;
        d->html_file = "ssa.html";
    }
    if (d->html_file && !d->func) {
        fprintf(stderr, "minigc: -html needs -func=NAME: the page shows one function\n");
        return EXIT_USAGE;
    }
    if (d->html_file && d->opt.m_level == 0) {
        d->opt.m_level = 2;
        d->html_quiet = true;
    }
    if (d->list_passes) {
        list_passes();
        if (d->nfiles == 0)
            return 0;
    }
    if (d->nfiles == 0) {
        usage();
        return EXIT_USAGE;
    }
    // One Graphviz context for every SVG of the run (opened on first use).
    d->pictures.ctx = dot_context_new();
    PhaseClock clock;
    if (d->time_phases)
        d->clock = &clock;
    // Deep input recurses deep (see frontend/stack.c).
    int status = run_on_large_stack(d->compare_inline ? compare_inline_job : compile_job, d, &d->opt.stack_size);
    dot_context_free(d->pictures.ctx);
    d->pictures.ctx = NULL;
    if (status == 0 && ssafunc) {
        char cwd[4096];
        printf("dumped SSA to %s/ssa.html\n", getcwd(cwd, sizeof cwd) ? cwd : ".");
    }
    if (fflush(stdout) != 0 && status == 0)
        status = EXIT_INPUT_ERROR;
    return status;
}

int main(int argc, char **argv) {
    Driver d = {0};
    int status = drive(&d, argc, argv);
    free(d.func_owned);
    free(d.ssafunc);
    return status;
}
