// test_loader.c - the package loader: which files build constraints select
// (names, //go:build, // +build, the unix tag), GOROOT checks (another Go's
// tree, a tree without sources), and loading from a small GOROOT made in a
// temporary directory: constraint selection, a vendored path (seen from a
// library package, not from the package being compiled), -importcfg's
// importmap, a missing path, an import cycle; and fmt from the real tree.
#include "testutil.h"

#include <sys/stat.h>
#include <unistd.h>

static void test_file_names(void **state) {
    (void)state;
    assert_true(build_name_ok("a.go"));
    assert_true(build_name_ok("a_linux.go"));
    assert_true(build_name_ok("a_amd64.go"));
    assert_true(build_name_ok("a_linux_amd64.go"));
    assert_true(build_name_ok("a_unix.go"));        // unix is a tag, not a GOOS
    assert_true(build_name_ok("linux.go"));         // no prefix: not a suffix
    assert_true(build_name_ok("a_other.go"));
    assert_false(build_name_ok("a_windows.go"));
    assert_false(build_name_ok("a_arm64.go"));
    assert_false(build_name_ok("a_linux_arm64.go"));
    assert_false(build_name_ok("a_darwin_amd64.go"));
    assert_false(build_name_ok("a_test.go"));
    assert_false(build_name_ok("a_linux_test.go"));
    assert_false(build_name_ok("_a.go"));
    assert_false(build_name_ok(".a.go"));
    assert_false(build_name_ok("a.s"));
    assert_false(build_name_ok("a.go.orig"));
}

static bool header(const char *text) { return build_header_ok(text, strlen(text)); }

static void test_go_build_lines(void **state) {
    (void)state;
    assert_true(header("package a\n"));
    assert_true(header("//go:build linux\n\npackage a\n"));
    assert_true(header("//go:build unix && amd64\n\npackage a\n"));
    assert_true(header("//go:build !windows\n\npackage a\n"));
    assert_true(header("//go:build (darwin || linux) && !cgo\n\npackage a\n"));
    assert_true(header("//go:build go1.19 && gc\n\npackage a\n"));
    assert_true(header("//go:build goexperiment.regabiargs\n\npackage a\n"));
    assert_false(header("//go:build go1.20\n\npackage a\n"));
    assert_false(header("//go:build cgo\n\npackage a\n"));
    assert_false(header("//go:build ignore\n\npackage a\n"));
    assert_false(header("//go:build linux && arm64\n\npackage a\n"));
    assert_false(header("//go:build boringcrypto\n\npackage a\n"));
    assert_false(header("//go:build linux &&\n\npackage a\n"));          // malformed
    assert_false(header("//go:build linux\n//go:build linux\n\npackage a\n")); // two
    // //go:build decides alone; a // +build line beside it is not read.
    assert_true(header("//go:build linux\n// +build windows\n\npackage a\n"));
    // Only the header counts: after the package clause it is a comment.
    assert_true(header("package a\n\n//go:build windows\n"));
    assert_true(header("/* x */ package a\n//go:build windows\n"));
    // Not a //go:build line.
    assert_true(header("//go:buildwindows\n\npackage a\n"));
}

static void test_plus_build_lines(void **state) {
    (void)state;
    assert_true(header("// +build linux\n\npackage a\n"));
    assert_true(header("// +build windows linux\n\npackage a\n"));     // OR
    assert_false(header("// +build linux,arm\n\npackage a\n"));        // AND
    assert_true(header("// +build linux,!arm\n\npackage a\n"));
    assert_false(header("// +build linux\n// +build windows\n\npackage a\n")); // lines AND
    assert_false(header("// +build ignore\n\npackage a\n"));
    // A +build line must be followed by a blank line before the code.
    assert_true(header("// +build windows\npackage a\n"));
    assert_true(header("// Copyright\n\n// +build !windows\n\npackage a\n"));
}

// A small GOROOT in a temporary directory.
static char root[64];

static void put(const char *rel, const char *text) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    for (char *p = path + strlen(root) + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            mkdir(path, 0755);
            *p = '/';
        }
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void make_goroot(const char *version) {
    strcpy(root, "/tmp/minigc-goroot.XXXXXX");
    assert_non_null(mkdtemp(root));
    put("VERSION", version);
    put("src/runtime/doc.go", "package runtime\n");
    put("src/a/a.go", "package a\n\nconst A = 1\n");
    put("src/a/a_linux.go", "package a\n\nconst L = 2\n");
    put("src/a/a_windows.go", "package a\n\nconst L = 3\n");
    put("src/a/a_test.go", "package a\n\nconst L = 4\n");
    put("src/a/b.go", "//go:build windows || cgo\n\npackage a\n\nconst L = 5\n");
    put("src/a/c.go", "// +build ignore\n\npackage a\n\nconst L = 6\n");
    put("src/a/d.go", "//go:build unix\n\npackage a\n\nconst U = 7\n");
    put("src/a/e.go", "package a\n\nimport \"C\"\n\nconst L = 8\n");
    put("src/b/b.go", "package b\n\nimport \"golang.org/x/v\"\n\nconst B = v.V\n");
    put("src/vendor/golang.org/x/v/v.go", "package v\n\nconst V = 9\n");
    put("src/cyc1/c.go", "package cyc1\n\nimport \"cyc2\"\n\nconst C = cyc2.C\n");
    put("src/cyc2/c.go", "package cyc2\n\nimport \"cyc1\"\n\nconst C = cyc1.C\n");
}

static void remove_goroot(void) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
    unsetenv("GOROOT");
}

static int64_t const_of(Package *p, const char *name, Compiler *cc) {
    Obj *o = scope_lookup_local(p->scope, intern_cstr(cc, name));
    assert_non_null(o);
    assert_int_equal(o->kind, OBJ_CONST);
    return (int64_t)o->u.cval.u.i;
}

static Package *import_of(Package *pkg, const char *path) {
    for (int i = 0; i < pkg->nfiles; i++) {
        const NodeList *imps = &pkg->files[i]->imports;
        for (int j = 0; j < imps->len; j++) {
            Package *imp = imps->items[j]->u.import.pkg;
            if (imp && strcmp(imp->path, path) == 0)
                return imp;
        }
    }
    return NULL;
}

static void test_load_selects_files(void **state) {
    (void)state;
    make_goroot("go1.19.8\ntime 2023-03-29\n");
    setenv("GOROOT", root, 1);
    Compiler *cc = test_compiler();
    const char *why = NULL;
    Package *p = loader_import(cc, "a", &why);
    char *diags = test_flush_diags(cc);
    assert_string_equal(diags, "");
    free(diags);
    assert_non_null(p);
    assert_null(why);
    assert_true(p->is_std);
    assert_int_equal(p->nfiles, 3);     // a.go, a_linux.go, d.go
    assert_int_equal(const_of(p, "A", cc), 1);
    assert_int_equal(const_of(p, "L", cc), 2);
    assert_int_equal(const_of(p, "U", cc), 7);
    // Loaded once.
    assert_ptr_equal(loader_import(cc, "a", &why), p);
    // A vendored path resolves through src/vendor and is known by that path.
    Package *b = loader_import(cc, "b", &why);
    assert_non_null(b);
    assert_int_equal(const_of(b, "B", cc), 9);
    Package *v = import_of(b, "vendor/golang.org/x/v");
    assert_non_null(v);
    assert_ptr_equal(loader_import(cc, "vendor/golang.org/x/v", &why), v);
    // The package being compiled does not see through vendor/ (gc: "could
    // not import golang.org/x/v (file not found)" without an importcfg).
    assert_null(loader_import(cc, "golang.org/x/v", &why));
    assert_string_equal(why, "file not found");
    // Missing paths: gc's "file not found".
    assert_null(loader_import(cc, "nosuch", &why));
    assert_string_equal(why, "file not found");
    assert_null(loader_import(cc, "./a", &why));
    assert_string_equal(why, "file not found");
    compiler_free(cc);

    // A cycle is reported, not followed forever.
    cc = test_compiler();
    assert_non_null(loader_import(cc, "cyc1", &why));
    diags = test_flush_diags(cc);
    assert_non_null(strstr(diags, "could not import cyc1 (import cycle not allowed)"));
    free(diags);
    compiler_free(cc);
    remove_goroot();
}

static void test_importcfg(void **state) {
    (void)state;
    make_goroot("go1.19\n");
    setenv("GOROOT", root, 1);
    put("cfg", "# import config\nimportmap w=a\npackagefile a=/nonexistent/a.a\n\n");
    put("badcfg", "importmap w\n");
    char cfg[128], bad[128];
    snprintf(cfg, sizeof cfg, "%s/cfg", root);
    snprintf(bad, sizeof bad, "%s/badcfg", root);
    Compiler *cc = test_compiler();
    assert_true(loader_read_importcfg(cc, cfg));
    const char *why;
    Package *p = loader_import(cc, "w", &why);
    assert_non_null(p);
    assert_string_equal(p->path, "a");
    compiler_free(cc);
    cc = test_compiler();
    assert_false(loader_read_importcfg(cc, bad));
    char *diags = test_flush_diags(cc);
    assert_non_null(strstr(diags, "invalid importmap"));
    free(diags);
    compiler_free(cc);
    remove_goroot();
}

static void test_goroot_checks(void **state) {
    (void)state;
    const char *why;
    // Another Go's tree: refused with a message naming both versions.
    make_goroot("go1.26.8\n");
    setenv("GOROOT", root, 1);
    Compiler *cc = test_compiler();
    assert_null(loader_import(cc, "a", &why));
    assert_non_null(strstr(why, "go1.26.8, not Go 1.19"));
    compiler_free(cc);
    remove_goroot();
    // A Go 1.19 tree without sources.
    make_goroot("go1.19.8\n");
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s/src'", root);
    assert_int_equal(system(cmd), 0);
    setenv("GOROOT", root, 1);
    cc = test_compiler();
    assert_null(loader_import(cc, "a", &why));
    assert_non_null(strstr(why, "has no Go sources"));
    assert_non_null(strstr(why, "golang-1.19-src"));
    compiler_free(cc);
    remove_goroot();
    // No VERSION at all.
    setenv("GOROOT", "/nonexistent/goroot", 1);
    cc = test_compiler();
    assert_null(loader_goroot(cc, &why));
    assert_non_null(strstr(why, "no VERSION file"));
    compiler_free(cc);
    unsetenv("GOROOT");
}

// The real library (golang-1.19-src): fmt imports os, which imports
// syscall, runtime, ...: one load of fmt loads them, a later import of os
// finds the same package, and the sources are registered under
// $GOROOT/src as library files.
static void test_real_goroot(void **state) {
    (void)state;
    unsetenv("GOROOT");
    Compiler *cc = test_compiler();
    const char *why = NULL;
    if (!loader_goroot(cc, &why)) {
        print_message("skipped: %s\n", why);
        compiler_free(cc);
        return;
    }
    Package *fmt = loader_import(cc, "fmt", &why);
    char *diags = test_flush_diags(cc);
    assert_string_equal(diags, "");
    free(diags);
    assert_non_null(fmt);
    assert_true(fmt->is_std);
    assert_string_equal(fmt->name->s, "fmt");
    Package *os = import_of(fmt, "os");
    assert_non_null(os);
    int nfiles = cc->files.len, npkgs = cc->packages.len;
    assert_ptr_equal(loader_import(cc, "os", &why), os);
    assert_ptr_equal(loader_import(cc, "runtime", &why), import_of(os, "runtime"));
    assert_int_equal(cc->files.len, nfiles);
    assert_int_equal(cc->packages.len, npkgs);
    bool found = false;
    for (int i = 0; i < cc->files.len; i++) {
        const SourceFile *sf = cc->files.items[i];
        if (strcmp(sf->path, "$GOROOT/src/fmt/print.go") == 0)
            found = sf->is_std;
        // Build constraints: no other system's or architecture's file.
        assert_null(strstr(sf->path, "_windows.go"));
        assert_null(strstr(sf->path, "_arm64.go"));
        assert_null(strstr(sf->path, "_test.go"));
    }
    assert_true(found);
    compiler_free(cc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_file_names),
        cmocka_unit_test(test_go_build_lines),
        cmocka_unit_test(test_plus_build_lines),
        cmocka_unit_test(test_load_selects_files),
        cmocka_unit_test(test_importcfg),
        cmocka_unit_test(test_goroot_checks),
        cmocka_unit_test(test_real_goroot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
