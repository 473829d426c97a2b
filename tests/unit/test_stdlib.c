// test_stdlib.c - the standard-library models: every embedded import path
// parses and type-checks without a diagnostic, is loaded once per compiler,
// pulls in the models it imports, and unmodelled paths are refused.
#include "testutil.h"

// The table tools/embed.c generates; the test walks it so that a model added
// under frontend/stdlib/ is covered without touching this file.
typedef struct {
    const char *path;
    const char *name;
    const char *text;
} StdlibEmbedded;
extern const StdlibEmbedded stdlib_embedded[];

// Loads one model into a fresh compiler and expects no diagnostics at all.
static void expect_model_loads(const char *path) {
    Compiler *cc = test_compiler();
    Package *pkg = stdlib_import(cc, path);
    char *diags = test_flush_diags(cc);
    if (diags[0])
        print_error("model %s:\n%s", path, diags);
    assert_string_equal(diags, "");
    free(diags);
    assert_non_null(pkg);
    assert_true(pkg->is_std);
    assert_string_equal(pkg->path, path);
    // The package name is the last element of the import path.
    const char *slash = strrchr(path, '/');
    assert_string_equal(pkg->name->s, slash ? slash + 1 : path);
    compiler_free(cc);
}

static void test_every_model_checks(void **state) {
    (void)state;
    int npaths = 0;
    for (int i = 0; stdlib_embedded[i].path; i++) {
        if (i > 0 && strcmp(stdlib_embedded[i].path, stdlib_embedded[i - 1].path) == 0)
            continue;
        // The files of one path are consecutive (stdlib_files relies on it):
        // no earlier run has the same path.
        for (int j = 0; j < i; j++)
            assert_string_not_equal(stdlib_embedded[j].path, stdlib_embedded[i].path);
        expect_model_loads(stdlib_embedded[i].path);
        npaths++;
    }
    // The models Go's escape and inline tests need are all there.
    assert_true(npaths >= 15);
}

static void test_files_of_a_path(void **state) {
    (void)state;
    int n = -1;
    const StdlibFile *files = stdlib_files("sync", &n);
    assert_non_null(files);
    assert_true(n >= 4);
    for (int i = 0; i < n; i++) {
        assert_int_equal(strncmp(files[i].name, "sync/", 5), 0);
        // Files of sync/atomic are a different path, not part of sync's run.
        assert_null(strchr(files[i].name + 5, '/'));
        assert_non_null(strstr(files[i].text, "package sync"));
    }
    n = -1;
    assert_null(stdlib_files("net/http", &n));
    assert_int_equal(n, 0);
    // A prefix of a modelled path is not a path.
    assert_null(stdlib_files("syn", &n));
    assert_null(stdlib_files("runtime/internal", &n));
}

static void test_unmodelled_path_is_null(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    assert_null(stdlib_import(cc, "net/http"));
    assert_null(stdlib_import(cc, ""));
    assert_int_equal(diag_error_count(cc), 0);
    compiler_free(cc);
}

static void test_loaded_once(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Package *a = stdlib_import(cc, "errors");
    int nfiles = cc->files.len, npkgs = cc->packages.len;
    Package *b = stdlib_import(cc, "errors");
    assert_non_null(a);
    assert_ptr_equal(a, b);
    assert_int_equal(cc->files.len, nfiles);
    assert_int_equal(cc->packages.len, npkgs);
    compiler_free(cc);
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

// fmt imports os, which imports syscall, runtime, ...: one load of fmt
// loads them, and a later import of os finds the same package.
static void test_model_imports_model(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    Package *fmt = stdlib_import(cc, "fmt");
    assert_non_null(fmt);
    Package *os_seen_by_fmt = import_of(fmt, "os");
    assert_non_null(os_seen_by_fmt);
    int nfiles = cc->files.len;
    assert_ptr_equal(stdlib_import(cc, "os"), os_seen_by_fmt);
    assert_ptr_equal(stdlib_import(cc, "runtime"), import_of(import_of(fmt, "os"), "runtime"));
    assert_int_equal(cc->files.len, nfiles);
    assert_int_equal(diag_error_count(cc), 0);
    compiler_free(cc);
}

// Model sources are registered under $GOROOT/src, marked as library code.
static void test_source_names(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    assert_non_null(stdlib_import(cc, "errors"));
    bool found = false;
    for (int i = 0; i < cc->files.len; i++) {
        const SourceFile *sf = cc->files.items[i];
        if (strcmp(sf->path, "$GOROOT/src/errors/errors.go") == 0) {
            found = true;
            assert_true(sf->is_std);
        }
    }
    assert_true(found);
    compiler_free(cc);
}

// A user package that uses what Go's tests use from the models checks.
static void test_user_code_uses_models(void **state) {
    (void)state;
    Compiler *cc = test_compiler();
    const SourceFile *src = test_source(cc,
        "package main\n"
        "\n"
        "import (\n"
        "\t\"encoding/binary\"\n"
        "\t\"fmt\"\n"
        "\t\"hash/maphash\"\n"
        "\t\"math/bits\"\n"
        "\t\"os\"\n"
        "\t\"reflect\"\n"
        "\t\"runtime\"\n"
        "\t\"strings\"\n"
        "\t\"sync\"\n"
        "\t\"sync/atomic\"\n"
        "\t\"unsafe\"\n"
        ")\n"
        "\n"
        "var mu sync.Mutex\n"
        "var once sync.Once\n"
        "var p unsafe.Pointer\n"
        "\n"
        "func main() {\n"
        "\tfmt.Printf(\"%d %s\\n\", 1, fmt.Sprintf(\"%v\", 2))\n"
        "\tmu.Lock()\n"
        "\tmu.Unlock()\n"
        "\tonce.Do(func() {})\n"
        "\tvar h maphash.Hash\n"
        "\th.WriteString(\"foo\")\n"
        "\t_ = h.Sum64()\n"
        "\tb := make([]byte, 8)\n"
        "\t_ = binary.LittleEndian.Uint64(b) + binary.BigEndian.Uint64(b)\n"
        "\t_ = bits.RotateLeft32(1, 3)\n"
        "\t_ = strings.HasPrefix(os.Environ()[0], strings.SplitAfterN(\"a=b\", \"=\", 2)[0])\n"
        "\tx := 1\n"
        "\tatomic.StorePointer(&p, unsafe.Pointer(&x))\n"
        "\t_ = reflect.ValueOf(&x).Elem().UnsafeAddr()\n"
        "\t_ = (*reflect.SliceHeader)(unsafe.Pointer(&b)).Data\n"
        "\tfn := runtime.FuncForPC(reflect.ValueOf(main).Pointer())\n"
        "\t_ = fn.Name()\n"
        "\truntime.GC()\n"
        "\truntime.KeepAlive(&x)\n"
        "\t_ = runtime.GOMAXPROCS(0) + len(runtime.GOOS)\n"
        "}\n");
    File *f = parse_file(cc, src);
    File *files[] = {f};
    Package *pkg = check_package(cc, "main", files, 1);
    assert_non_null(pkg);
    char *diags = test_flush_diags(cc);
    assert_string_equal(diags, "");
    free(diags);
    compiler_free(cc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_model_checks),
        cmocka_unit_test(test_files_of_a_path),
        cmocka_unit_test(test_unmodelled_path_is_null),
        cmocka_unit_test(test_loaded_once),
        cmocka_unit_test(test_model_imports_model),
        cmocka_unit_test(test_source_names),
        cmocka_unit_test(test_user_code_uses_models),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
