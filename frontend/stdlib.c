// stdlib.c - the standard-library models: Go-subset sources embedded in the
// binary, parsed and checked like user code when a program imports them.
//
// tools/embed.c turns frontend/stdlib/<import path>/*.go into two parallel
// tables, sorted by file name so that the files of one import path are
// consecutive: stdlib_embedded says which path each entry belongs to, and
// stdlib_embedded_files holds the same entries as StdlibFile. stdlib_files
// finds the run of one path; stdlib_import registers each file of the run as
// a source named "$GOROOT/src/<path>/<file>" (so messages about a model read
// like gc's messages about the real library), parses it, and hands the files
// to the checker, which loads the model's own imports through here again.
// The checked package is remembered in Compiler.packages, so a model is
// loaded once per compilation however many packages import it.
#include "frontend.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *path;
    const char *name;
    const char *text;
} StdlibEmbedded;

// Generated into stdlib_data.c by tools/embed.c; both end with a NULL entry.
extern const StdlibEmbedded stdlib_embedded[];
extern const StdlibFile stdlib_embedded_files[];

// Models import one another only a few levels deep (log -> fmt -> os -> ...);
// a chain longer than this can only be a cycle among the models.
enum { STDLIB_MAX_IMPORT_DEPTH = 32 };

const StdlibFile *stdlib_files(const char *path, int *nfiles) {
    *nfiles = 0;
    if (!path)
        return NULL;
    int first = -1, n = 0;
    for (int i = 0; stdlib_embedded[i].path; i++) {
        if (strcmp(stdlib_embedded[i].path, path) != 0) {
            if (first >= 0)
                break;
            continue;
        }
        if (first < 0)
            first = i;
        n++;
    }
    if (first < 0)
        return NULL;
    *nfiles = n;
    return &stdlib_embedded_files[first];
}

static Package *loaded_model(Compiler *cc, const char *path) {
    for (int i = 0; i < cc->packages.len; i++) {
        Package *p = cc->packages.items[i];
        if (p->is_std && p->path && strcmp(p->path, path) == 0)
            return p;
    }
    return NULL;
}

static File *parse_model_file(Compiler *cc, const StdlibFile *sf) {
    const char *source_name = arena_sprintf(&cc->arena, "$GOROOT/src/%s", sf->name);
    const SourceFile *src = source_add(cc, source_name, sf->text, strlen(sf->text), true);
    return parse_file(cc, src);
}

Package *stdlib_import(Compiler *cc, const char *path) {
    cc->use_models = true;     // a model's imports are models too
    Package *pkg = loaded_model(cc, path);
    if (pkg)
        return pkg;
    int n;
    const StdlibFile *sfiles = stdlib_files(path, &n);
    if (!sfiles)
        return NULL;
    if (cc->import_depth >= STDLIB_MAX_IMPORT_DEPTH) {
        diag_error(cc, (Pos){0}, "import cycle not allowed: standard-library model %s", path);
        return NULL;
    }
    File **files = ARENA_ARRAY(&cc->arena, File *, n);
    for (int i = 0; i < n; i++)
        files[i] = parse_model_file(cc, &sfiles[i]);
    cc->import_depth++;
    pkg = check_package(cc, path, files, n);
    cc->import_depth--;
    if (!pkg)
        return NULL;
    pkg->is_std = true;
    // The checker may already have registered the package; either way it
    // must be findable for the next import of the same path.
    if (loaded_model(cc, path) != pkg)
        ptrvec_push(&cc->arena, &cc->packages, pkg);
    return pkg;
}

// Whether every import of the files has a model: such a program is compiled
// against the models (as before the loader), anything else against GOROOT's
// sources. -std, or MINIGC_IMPORTS=source in the environment, forces the
// sources; MINIGC_IMPORTS=models (Options.model_imports) the models, an
// import without one failing as a missing package would.
static bool models_suffice(Compiler *cc, File **files, int nfiles) {
    if (cc->opt.model_imports)
        return true;
    const char *env = getenv("MINIGC_IMPORTS");
    if (cc->opt.std || cc->opt.source_imports || (env && strcmp(env, "source") == 0))
        return false;
    for (int i = 0; i < nfiles; i++) {
        if (!files[i])
            continue;
        for (int k = 0; k < files[i]->imports.len; k++) {
            Node *p = files[i]->imports.items[k]->u.import.path;
            char *s;
            size_t n;
            const char *err;
            if (!p || p->kind != N_BASICLIT || !lit_unquote(&cc->arena, p->u.lit.text, p->u.lit.len, &s, &n, &err))
                continue;
            int nf;
            if (strcmp(s, "unsafe") != 0 && !stdlib_files(s, &nf))
                return false;
        }
    }
    return true;
}

void choose_import_source(Compiler *cc, File **files, int nfiles) {
    cc->use_models = models_suffice(cc, files, nfiles);
}

Package *import_package(Compiler *cc, const char *path, const char **why) {
    *why = NULL;
    if (cc->use_models) {
        Package *p = stdlib_import(cc, path);
        if (!p && diag_error_count(cc) == 0)
            *why = "file not found";
        return p;
    }
    return loader_import(cc, path, why);
}
