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
