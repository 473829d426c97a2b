// test_arena.c - the arena's promises across its 2 MiB windows and the
// prefault helper (arena.c, prefault.c): memory handed out is zero, never
// handed out twice, and stays inside its chunk whatever sizes are asked
// for; a range asked to be faulted in becomes resident without being
// touched; forgetting a mapping while the helper may be in it, then
// unmapping it, is safe.
#define _DEFAULT_SOURCE     // MAP_ANONYMOUS, mincore
#include "testutil.h"

#include <errno.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static bool all_zero(const unsigned char *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

// Sizes from 8 bytes to 3 MiB (more than a window), in an order that makes
// allocations straddle window and chunk boundaries.
static size_t size_at(int i) {
    static const size_t sizes[] = {8, 24, 1000, 4096, 65536, 1 << 20, 3 << 20, 40, 2 << 20, 17};
    return sizes[i % (int)(sizeof sizes / sizeof sizes[0])];
}

typedef struct Piece {
    unsigned char *p;
    size_t n;
} Piece;

static void test_windows_zero_and_disjoint(void **state) {
    (void)state;
    enum { N = 120 };   // about 90 MB: several mapped chunks, many windows
    Arena a;
    arena_init(&a);
    Piece pieces[N];
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < N; i++) {
            size_t n = size_at(i);
            unsigned char *p = arena_alloc(&a, n);
            assert_non_null(p);
            assert_true(all_zero(p, n));
            assert_true(a.cur <= a.end);
            // Each piece is filled with its own byte: an overlap shows below.
            memset(p, (i % 250) + 1, n);
            pieces[i] = (Piece){p, n};
        }
        for (int i = 0; i < N; i++) {
            const unsigned char *p = pieces[i].p;
            assert_int_equal(p[0], (i % 250) + 1);
            assert_int_equal(p[pieces[i].n - 1], (i % 250) + 1);
            assert_int_equal(p[pieces[i].n / 2], (i % 250) + 1);
        }
        // Round two allocates again from the kept chunk, zeroed by reset.
        arena_reset(&a);
    }
    arena_free(&a);
}

// The helper faults a range in: mincore reports its pages resident though
// this thread never touched them.
static void test_prefault_makes_resident(void **state) {
    (void)state;
    size_t len = 4 << 20, page = (size_t)sysconf(_SC_PAGESIZE);
    char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(m != MAP_FAILED);
    // A kernel before 5.14 does not know the advice: nothing to test.
    if (madvise(m, page, MADV_POPULATE_WRITE) != 0 && errno == EINVAL) {
        munmap(m, len);
        skip();
    }
    prefault_request(m + page, len - page);
    size_t npages = len / page;
    unsigned char *vec = calloc(npages, 1);
    bool resident = false;
    for (int tries = 0; tries < 2000 && !resident; tries++) {
        assert_int_equal(mincore(m, len, vec), 0);
        resident = true;
        for (size_t i = 0; i < npages; i++)
            resident = resident && (vec[i] & 1);
        if (!resident)
            nanosleep(&(struct timespec){0, 1000000}, NULL);
    }
    assert_true(resident);
    // Populated, still zero.
    assert_true(all_zero((unsigned char *)m, len));
    free(vec);
    prefault_forget(m, len);
    munmap(m, len);
}

// Requests for mappings unmapped right after being forgotten, many times
// over: the helper must never be inside one when it goes (ASan and the
// kernel would both notice a populate of memory since handed elsewhere).
static void test_forget_then_unmap(void **state) {
    (void)state;
    for (int i = 0; i < 200; i++) {
        size_t len = (size_t)(1 + i % 4) << 20;
        char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        assert_true(m != MAP_FAILED);
        prefault_request(m, len);
        prefault_request(m + len / 2, len / 2);
        prefault_forget(m, len);
        munmap(m, len);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_windows_zero_and_disjoint),
        cmocka_unit_test(test_prefault_makes_resident),
        cmocka_unit_test(test_forget_then_unmap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
