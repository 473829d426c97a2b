// fuzz_minigc.c - libFuzzer target: the whole minigc pipeline on arbitrary bytes.
//
// Each input is written as one Go file and compiled exactly as the command
// line `minigc -m=2 -dot=DIR FILE` would, by calling the driver's own main
// (main.c compiled with main renamed, see the Makefile), so the fuzzer walks
// every path a user can reach: lexer, parser, checker, every pass, the -m
// printer and the DOT writer. The SSA invariant checker runs after every
// pass (MINIGC_CHECK=1), and an internal error (exit status 3) is reported
// as a crash, as are sanitizer reports and hangs (libFuzzer's -timeout).
// Bad input is expected and fine: status 0 or 1.
//
// -svg is left out: Graphviz's layout has no time bound of its own, and the
// fuzzer is after minigc's bugs, not dot's running time.
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int minigc_main(int argc, char **argv);

static char work_dir[256];
static char src_path[300];
static char pic_dir[300];
static char pic_flag[320];

// Empties the picture directory between runs so it never grows.
static void clear_pictures(void) {
    DIR *d = opendir(pic_dir);
    if (!d)
        return;
    struct dirent *e;
    char path[600];
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", pic_dir, e->d_name);
        unlink(path);
    }
    closedir(d);
}

static void remove_work_dir(void) {
    clear_pictures();
    rmdir(pic_dir);
    unlink(src_path);
    rmdir(work_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(work_dir, sizeof work_dir, "%s/minigc-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(work_dir)) {
        perror("minigc-fuzz: mkdtemp");
        exit(1);
    }
    snprintf(src_path, sizeof src_path, "%s/x.go", work_dir);
    snprintf(pic_dir, sizeof pic_dir, "%s/pics", work_dir);
    snprintf(pic_flag, sizeof pic_flag, "-dot=%s", pic_dir);
    atexit(remove_work_dir);
    setenv("MINIGC_CHECK", "1", 1);
    // The -m lines and error messages are of no interest here.
    if (!freopen("/dev/null", "w", stdout))
        perror("minigc-fuzz: /dev/null");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    FILE *f = fopen(src_path, "wb");
    if (!f)
        abort();
    if (size > 0 && fwrite(data, 1, size, f) != size)
        abort();
    if (fclose(f) != 0)
        abort();
    char *argv[] = {"minigc", "-m=2", pic_flag, src_path, NULL};
    int status = minigc_main(4, argv);
    clear_pictures();
    if (status != 0 && status != 1) {
        fprintf(stderr, "minigc-fuzz: exit status %d\n", status);
        abort();
    }
    return 0;
}
