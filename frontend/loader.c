// loader.c - imports read from Go 1.19's own sources, as the go command finds
// them.
//
// Every import is read this way: minigc carries no library of its own.
// An import path resolves to a directory of GOROOT/src: first through the
// -importcfg file's "importmap OLD=NEW" lines when one was given (cmd/go
// writes them for std's vendored golang.org/x packages), then as
// GOROOT/src/PATH, and, when a library package imports a path std vendors,
// GOROOT/src/vendor/PATH (the package's path is then vendor/PATH, as gc
// knows it). That last step is what cmd/go's importmap lines do for std; the
// package being compiled gets it only from -importcfg, as from gc, which
// finds nothing for its `import "golang.org/x/..."` without one. The directory's
// files are chosen by build constraints (buildctx.c), read in name order,
// parsed, and checked as a package; the checker loads their imports through
// here again, so the import graph is loaded bottom-up, each package once
// (Compiler.packages remembers it). A path on the loading stack again is an
// import cycle.
//
// GOROOT is $GOROOT if set, else /usr/lib/go-1.19 (Debian's golang-1.19).
// Its VERSION file must say go1.19: a tree of another Go is refused with a
// message, never half used, since its library would not be what gc 1.19
// compiles against.
#include "frontend.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_GOROOT "/usr/lib/go-1.19"

// Deep import chains in std are about 20 packages long (net/http is the
// deepest); more than this is a cycle the stack check missed or a hostile tree.
enum { LOADER_MAX_DEPTH = 64 };

typedef struct ImportMap {
    const char *from, *to;
} ImportMap;

struct Loader {
    bool resolved;              // GOROOT looked up (once per compilation)
    const char *goroot;         // NULL if unusable; goroot_error says why
    const char *goroot_error;
    bool goroot_reported;
    ImportMap *maps;
    int nmaps, capmaps;
    const char *loading[LOADER_MAX_DEPTH];  // the stack of packages being loaded
    int depth;
};

static Loader *loader_of(Compiler *cc) {
    if (!cc->loader)
        cc->loader = ARENA_NEW(&cc->arena, Loader);
    return cc->loader;
}

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

// Reads a whole file with malloc; NULL on failure (errno set).
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 14, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    bool failed = !buf || ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

static void resolve_goroot(Compiler *cc, Loader *ld) {
    ld->resolved = true;
    const char *env = getenv("GOROOT");
    const char *root = env && *env ? env : DEFAULT_GOROOT;
    char *vpath = arena_sprintf(&cc->arena, "%s/VERSION", root);
    size_t len = 0;
    char *v = read_file(vpath, &len);
    if (!v) {
        ld->goroot_error = arena_sprintf(&cc->arena, "GOROOT %s holds no Go 1.19 (no VERSION file)%s", root,
                                         env && *env ? "" : "; install golang-1.19-go and golang-1.19-src");
        return;
    }
    // "go1.19" or "go1.19.8", then maybe a newline and more lines.
    size_t vl = strcspn(v, "\r\n");
    bool ok = vl >= 6 && memcmp(v, "go1.19", 6) == 0 && (vl == 6 || v[6] == '.');
    char *version = arena_strndup(&cc->arena, v, vl);
    free(v);
    if (!ok) {
        ld->goroot_error = arena_sprintf(&cc->arena,
                                         "GOROOT %s holds %s, not Go 1.19: minigc reads Go 1.19's library "
                                         "(unset GOROOT to use %s)", root, version, DEFAULT_GOROOT);
        return;
    }
    if (!is_dir(arena_sprintf(&cc->arena, "%s/src/runtime", root))) {
        ld->goroot_error = arena_sprintf(&cc->arena, "GOROOT %s has no Go sources in %s/src "
                                         "(install golang-1.19-src)", root, root);
        return;
    }
    ld->goroot = arena_strndup(&cc->arena, root, strlen(root));
}

const char *loader_goroot(Compiler *cc, const char **why) {
    Loader *ld = loader_of(cc);
    if (!ld->resolved)
        resolve_goroot(cc, ld);
    if (why)
        *why = ld->goroot_error;
    return ld->goroot;
}

// -importcfg: "importmap OLD=NEW" and "packagefile PATH=FILE" lines, '#'
// comments and blank lines, as cmd/compile reads it. minigc reads sources,
// not the object files, so packagefile lines only have to be well formed.
bool loader_read_importcfg(Compiler *cc, const char *file) {
    Loader *ld = loader_of(cc);
    size_t len;
    char *text = read_file(file, &len);
    if (!text) {
        diag_error(cc, (Pos){0}, "-importcfg: open %s: %s", file, strerror(errno));
        return false;
    }
    bool ok = true;
    int lineno = 0;
    for (char *p = text; *p && ok;) {
        char *nl = strchr(p, '\n');
        char *line = p;
        p = nl ? nl + 1 : p + strlen(p);
        if (nl)
            *nl = 0;
        lineno++;
        while (*line == ' ' || *line == '\t')
            line++;
        size_t l = strlen(line);
        while (l && (line[l - 1] == ' ' || line[l - 1] == '\t' || line[l - 1] == '\r'))
            line[--l] = 0;
        if (l == 0 || line[0] == '#')
            continue;
        char *sp = strpbrk(line, " \t");
        char *verb = line, *args = sp ? sp + 1 : line + l;
        if (sp)
            *sp = 0;
        while (*args == ' ' || *args == '\t')
            args++;
        char *eq = strchr(args, '=');
        if (strcmp(verb, "importmap") == 0 || strcmp(verb, "packagefile") == 0) {
            if (!eq || eq == args || !eq[1]) {
                diag_error(cc, (Pos){0}, "%s:%d: invalid %s: syntax is \"%s path=filename\"", file, lineno, verb,
                           verb);
                ok = false;
                break;
            }
            if (verb[0] == 'i') {
                if (ld->nmaps == ld->capmaps) {
                    int cap = ld->capmaps ? ld->capmaps * 2 : 16;
                    ImportMap *m = ARENA_ARRAY(&cc->arena, ImportMap, cap);
                    if (ld->nmaps)
                        memcpy(m, ld->maps, sizeof *m * (size_t)ld->nmaps);
                    ld->maps = m;
                    ld->capmaps = cap;
                }
                ld->maps[ld->nmaps].from = arena_strndup(&cc->arena, args, (size_t)(eq - args));
                ld->maps[ld->nmaps++].to = arena_strndup(&cc->arena, eq + 1, strlen(eq + 1));
            }
        } else if (strcmp(verb, "packageshlib") != 0 && strcmp(verb, "modinfo") != 0) {
            diag_error(cc, (Pos){0}, "%s:%d: unknown directive \"%s\"", file, lineno, verb);
            ok = false;
        }
    }
    free(text);
    return ok;
}

static Package *loaded(Compiler *cc, const char *path) {
    for (int i = 0; i < cc->packages.len; i++) {
        Package *p = cc->packages.items[i];
        if (p->is_std && p->path && strcmp(p->path, path) == 0)
            return p;
    }
    return NULL;
}

// cmd/go compiles these with -+ (its runtimePackages list in Go 1.19).
static bool is_runtime_package(const char *path) {
    static const char *const list[] = {
        "internal/abi", "internal/bytealg", "internal/cpu", "internal/goarch", "internal/goos",
        "runtime", "runtime/internal/atomic", "runtime/internal/math", "runtime/internal/sys",
        "runtime/internal/syscall",
    };
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
        if (strcmp(list[i], path) == 0)
            return true;
    return false;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

// The .go files of dir that the build constraints select, parsed. Returns
// the number of files (0: none buildable).
static int load_files(Compiler *cc, const char *dir, const char *path, File ***out) {
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    PtrVec names = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (build_name_ok(e->d_name))
            ptrvec_push(&cc->arena, &names, arena_strndup(&cc->arena, e->d_name, strlen(e->d_name)));
    closedir(d);
    qsort(names.items, (size_t)names.len, sizeof(void *), by_name);
    File **files = ARENA_ARRAY(&cc->arena, File *, names.len > 0 ? names.len : 1);
    int n = 0;
    for (int i = 0; i < names.len; i++) {
        const char *name = names.items[i];
        size_t len;
        char *text = read_file(arena_sprintf(&cc->arena, "%s/%s", dir, name), &len);
        if (!text)
            continue;
        if (build_header_ok(text, len)) {
            const char *shown = arena_sprintf(&cc->arena, "$GOROOT/src/%s/%s", path, name);
            SourceFile *src = source_add(cc, shown, text, len, true);
            src->runtime_rules = is_runtime_package(path);
            File *f = parse_file(cc, src);
            if (f && !build_needs_cgo(f))
                files[n++] = f;
        }
        free(text);
    }
    *out = files;
    return n;
}

static const char *mapped(Loader *ld, const char *path) {
    for (int i = 0; i < ld->nmaps; i++)
        if (strcmp(ld->maps[i].from, path) == 0)
            return ld->maps[i].to;
    return path;
}

Package *loader_import(Compiler *cc, const char *path, const char **why) {
    Loader *ld = loader_of(cc);
    *why = NULL;
    const char *root = loader_goroot(cc, why);
    if (!root)
        return NULL;
    path = mapped(ld, path);
    Package *pkg = loaded(cc, path);
    if (pkg)
        return pkg;
    // A local or absolute path, or one with a dot in its first element
    // other than std's vendored ones, is never in GOROOT.
    if (path[0] == '.' || path[0] == '/' || strstr(path, "//") || strstr(path, "/../") ||
        strcmp(path, "..") == 0) {
        *why = "file not found";
        return NULL;
    }
    const char *dir = arena_sprintf(&cc->arena, "%s/src/%s", root, path);
    if (!is_dir(dir)) {
        const char *vpath = arena_sprintf(&cc->arena, "vendor/%s", path);
        const char *vdir = arena_sprintf(&cc->arena, "%s/src/%s", root, vpath);
        if (cc->import_depth == 0 || strncmp(path, "vendor/", 7) == 0 || !is_dir(vdir)) {
            *why = "file not found";
            return NULL;
        }
        pkg = loaded(cc, vpath);
        if (pkg)
            return pkg;
        path = vpath;
        dir = vdir;
    }
    for (int i = 0; i < ld->depth; i++) {
        if (strcmp(ld->loading[i], path) == 0) {
            *why = "import cycle not allowed";
            return NULL;
        }
    }
    if (ld->depth >= LOADER_MAX_DEPTH) {
        *why = "import chain too deep";
        return NULL;
    }
    File **files;
    int n = load_files(cc, dir, path, &files);
    if (n <= 0) {
        *why = "file not found";
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        if (files[i]->syntax_errors) {
            *why = "syntax errors in its sources";
            return NULL;
        }
    }
    ld->loading[ld->depth++] = path;
    cc->import_depth++;
    pkg = check_package(cc, path, files, n);
    cc->import_depth--;
    ld->depth--;
    pkg->is_std = true;
    return pkg;
}

Package *import_package(Compiler *cc, const char *path, const char **why) {
    return loader_import(cc, path, why);
}
