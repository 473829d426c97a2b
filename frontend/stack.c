// stack.c - running the compiler on a thread with a large C stack.
//
// Several of minigc's walks recurse as deep as the input nests or chains
// (an expression nested 200,000 parentheses deep, a left-leaning sum of
// 200,000 terms, a chain of 100,000 declarations each naming the next),
// and gc compiles all of these: its goroutine stacks grow to 1 GB. The
// process's main stack is 8 MiB, so the driver runs the whole compile on a
// thread whose stack is reserved (MAP_NORESERVE: address space only, pages
// are committed as the recursion touches them) at several GiB. Where the
// system refuses a reservation that large (strict overcommit, a small
// address-space limit), smaller ones are tried, and in the last resort the
// work runs on the calling thread; the parser's depth budget follows the
// size actually obtained, so deep input is refused with a message rather
// than a crash in every case.
#define _DEFAULT_SOURCE     // MAP_ANONYMOUS, MAP_NORESERVE, MAP_STACK
#include "frontend.h"

#include <pthread.h>
#include <sys/mman.h>
#include <sys/resource.h>

typedef struct StackJob {
    int (*fn)(void *);
    void *arg;
    int result;
} StackJob;

static void *stack_job_main(void *p) {
    StackJob *job = p;
    job->result = job->fn(job->arg);
    return NULL;
}

// Tries one stack size; false if the stack or the thread cannot be had.
static bool run_with_size(size_t size, StackJob *job) {
    void *mem = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK,
                     -1, 0);
    if (mem == MAP_FAILED)
        return false;
    // The lowest page traps an overflow instead of running into other memory.
    size_t page = 4096;
    mprotect(mem, page, PROT_NONE);
    // Deep recursion touches the stack a page at a time: huge pages make
    // that hundreds of faults instead of hundreds of thousands.
    madvise((char *)mem + page, size - page, MADV_HUGEPAGE);
    pthread_attr_t attr;
    bool ok = pthread_attr_init(&attr) == 0;
    pthread_t thread;
    ok = ok && pthread_attr_setstack(&attr, (char *)mem + page, size - page) == 0 &&
         pthread_create(&thread, &attr, stack_job_main, job) == 0;
    pthread_attr_destroy(&attr);
    if (ok)
        pthread_join(thread, NULL);
    munmap(mem, size);
    return ok;
}

int run_on_large_stack(int (*fn)(void *), void *arg, size_t *stack_size) {
    StackJob job = {fn, arg, 0};
    for (size_t size = LARGE_STACK_SIZE; size >= ((size_t)64 << 20); size /= 4) {
        *stack_size = size;
        if (run_with_size(size, &job))
            return job.result;
    }
    // The calling thread's own stack, as much as the limit says.
    struct rlimit rl;
    size_t limit = (size_t)8 << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < ((rlim_t)1 << 40))
        limit = (size_t)rl.rlim_cur;
    *stack_size = limit;
    return fn(arg);
}
