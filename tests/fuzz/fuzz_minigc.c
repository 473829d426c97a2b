// fuzz_minigc.c - libFuzzer target: the whole minigc pipeline on arbitrary bytes.
//
// Each input is written as one Go file and compiled exactly as the command
// line `minigc -m=2 -dot=DIR [-svg=DIR] FILE` would, by calling the driver's
// own main (main.c compiled with main renamed, see the Makefile), so the
// fuzzer walks every path a user can reach: lexer, parser, checker, every
// pass, the -m printer, the DOT writer and, for inputs of at most SVG_MAX
// bytes, the SVG layout and renderer. The SSA invariant checker runs after
// every pass (MINIGC_CHECK=1). Bad input is expected and fine: status 0 or
// 1. A crash is reported (libFuzzer keeps the input as crash-*) for:
//   - an internal error (exit status 3) or a usage error (2);
//   - a sanitizer report (the build has ASan and UBSan, LeakSanitizer at exit);
//   - more than CPU_BUDGET seconds of CPU on one input (a hang: CPU time,
//     not wall time, so that a loaded machine does not make false ones);
//   - a picture file that is not valid UTF-8 or holds a character XML
//     forbids, or a `.minigc-*` temporary left in the picture directory.
//
// What keeps it fast (each of these was measured, see tests/fuzz/run.sh):
//   - the files go to a directory in /dev/shm (memory; FUZZ_TMP overrides):
//     writing a seed's 1,700 pictures to disk took a second of system time.
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

int minigc_main(int argc, char **argv);

enum {
    SVG_MAX = 1024,     // bytes of input up to which SVG is rendered too
    CPU_BUDGET = 10,    // seconds of CPU an input may take
};

static char work_dir[256];
static char src_path[300];
static char pic_dir[300];
static char dot_flag[320];
static char svg_flag[320];

// Whether the file's bytes are UTF-8 of characters XML allows (tab, LF,
// CR, U+0020 and up, no surrogates, not U+FFFE/U+FFFF, at most U+10FFFF).
static int xml_text_ok(const unsigned char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                return 0;
            i++;
            continue;
        }
        size_t len = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 0;
        if (len == 0 || i + len > n)
            return 0;
        uint32_t cp = c & (len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07);
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + k] & 0x3f);
        }
        static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe || cp == 0xffff)
            return 0;
        i += len;
    }
    return 1;
}

static int check_picture(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    static unsigned char *buf;
    static size_t cap;
    size_t n = 0, got;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 1 << 16;
            buf = realloc(buf, cap);
            if (!buf)
                abort();
        }
        got = fread(buf + n, 1, cap - n, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    return xml_text_ok(buf, n);
}

// Checks, then empties, the picture directory so it never grows.
static void clear_pictures(int check) {
    DIR *d = opendir(pic_dir);
    if (!d)
        return;
    struct dirent *e;
    char path[600];
    const char *bad = NULL;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", pic_dir, e->d_name);
        if (check && !bad && strncmp(e->d_name, ".minigc-", 8) == 0)
            bad = "a temporary was left behind";
        else if (check && !bad && !check_picture(path))
            bad = "a picture is not valid UTF-8 XML text";
        if (bad) {
            fprintf(stderr, "minigc-fuzz: %s: %s\n", bad, e->d_name);
            abort();
        }
        unlink(path);
    }
    closedir(d);
}

static void remove_work_dir(void) {
    clear_pictures(0);
    rmdir(pic_dir);
    unlink(src_path);
    rmdir(work_dir);
}

static void out_of_time(int sig) {
    (void)sig;
    static const char msg[] = "minigc-fuzz: the input took more than 10 s of CPU (a hang)\n";
    if (write(2, msg, sizeof msg - 1) < 0) {
        // nothing more to say
    }
    abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    const char *tmp = getenv("FUZZ_TMP");
    struct stat st;
    if (!tmp || !*tmp)
        tmp = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(work_dir, sizeof work_dir, "%s/minigc-fuzz.XXXXXX", tmp);
    if (!mkdtemp(work_dir)) {
        perror("minigc-fuzz: mkdtemp");
        exit(1);
    }
    snprintf(src_path, sizeof src_path, "%s/x.go", work_dir);
    snprintf(pic_dir, sizeof pic_dir, "%s/pics", work_dir);
    snprintf(dot_flag, sizeof dot_flag, "-dot=%s", pic_dir);
    snprintf(svg_flag, sizeof svg_flag, "-svg=%s", pic_dir);
    atexit(remove_work_dir);
    setenv("MINIGC_CHECK", "1", 1);
    signal(SIGPROF, out_of_time);
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
    char *argv[] = {"minigc", "-m=2", dot_flag, svg_flag, src_path, NULL};
    int argc = 5;
    if (size > SVG_MAX) {
        argv[3] = src_path;
        argv[4] = NULL;
        argc = 4;
    }
    // CPU time (user and system) of all threads (the compile runs on a thread of its own).
    struct itimerval budget = {.it_value = {.tv_sec = CPU_BUDGET}};
    setitimer(ITIMER_PROF, &budget, NULL);
    int status = minigc_main(argc, argv);
    struct itimerval off = {0};
    setitimer(ITIMER_PROF, &off, NULL);
    clear_pictures(1);
    if (status != 0 && status != 1) {
        fprintf(stderr, "minigc-fuzz: exit status %d\n", status);
        abort();
    }
    return 0;
}
