// prefault.c - faulting in an arena's next pages on the other core.
//
// On a big file most of minigc's system time is the kernel handing out
// fresh pages: every first touch of a page the arena maps is a fault in
// which the kernel clears the page (2 MiB at a time with huge pages), and
// on a virtual machine whose host has taken idle memory back, each of those
// faults waits for the host too. On gengo 4000 that was 0.05 s of a warm run
// and 0.5 s of one after the machine sat idle, next to 0.5 s of user time.
//
// The arena (arena.c) hands out a mapped chunk one 2 MiB window at a time
// and, each time it opens a window, asks this helper to fault in the one
// after it with MADV_POPULATE_WRITE while the compiler goes on working: the
// clearing then happens on a second core, and the compiler's own first
// touches find the pages there. Populating changes no byte of the mapping
// (the pages are zero either way), so a race between the helper and the
// compiler on one page costs a wait, never a wrong value; what is asked for
// but never reached is at most one window per arena.
//
// The helper is one thread, started at the first request. A chunk about to
// be unmapped is first forgotten (prefault_forget): its pending requests go
// and the caller waits while the helper is inside it, so the helper never
// populates a range the address space has handed to something else. Where
// the kernel has no MADV_POPULATE_WRITE (before Linux 5.14) or no thread
// can be started, requests are dropped and the compiler faults as before.
#define _DEFAULT_SOURCE
#include "frontend.h"

#include <errno.h>
#include <pthread.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

enum { PREFAULT_QUEUE = 16 };

typedef struct Range {
    char *start;
    size_t len;
} Range;

static struct {
    pthread_mutex_t lock;
    pthread_cond_t work;    // a request was queued
    pthread_cond_t idle;    // the helper left the range it was populating
    Range queue[PREFAULT_QUEUE];
    int head, count;
    Range busy;             // what the helper is populating now, len 0 if nothing
    bool started;
    bool disabled;          // no thread, or a kernel without MADV_POPULATE_WRITE
} pf = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .work = PTHREAD_COND_INITIALIZER,
    .idle = PTHREAD_COND_INITIALIZER,
};

static bool overlaps(Range r, const char *start, size_t len) {
    return r.len && r.start < start + len && start < r.start + r.len;
}

static void *prefault_main(void *unused) {
    (void)unused;
    pthread_mutex_lock(&pf.lock);
    for (;;) {
        while (pf.count == 0)
            pthread_cond_wait(&pf.work, &pf.lock);
        pf.busy = pf.queue[pf.head];
        pf.head = (pf.head + 1) % PREFAULT_QUEUE;
        pf.count--;
        pthread_mutex_unlock(&pf.lock);
        int rc = madvise(pf.busy.start, pf.busy.len, MADV_POPULATE_WRITE);
        pthread_mutex_lock(&pf.lock);
        // EINVAL: the kernel does not know the advice. Other failures (the
        // memory limit reached, say) only mean the compiler faults itself.
        if (rc != 0 && errno == EINVAL)
            pf.disabled = true;
        pf.busy.len = 0;
        pthread_cond_broadcast(&pf.idle);
    }
    return NULL;
}

void prefault_request(void *start, size_t len) {
    if (len == 0)
        return;
    pthread_mutex_lock(&pf.lock);
    if (!pf.started && !pf.disabled) {
        pthread_t thread;
        pthread_attr_t attr;
        bool ok = pthread_attr_init(&attr) == 0;
        // The helper only loops and calls madvise: a small stack will do.
        ok = ok && pthread_attr_setstacksize(&attr, (size_t)64 << 10) == 0 &&
             pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0 &&
             pthread_create(&thread, &attr, prefault_main, NULL) == 0;
        pthread_attr_destroy(&attr);
        pf.started = ok;
        pf.disabled = !ok;
    }
    if (!pf.disabled && pf.count < PREFAULT_QUEUE) {
        pf.queue[(pf.head + pf.count) % PREFAULT_QUEUE] = (Range){start, len};
        pf.count++;
        pthread_cond_signal(&pf.work);
    }
    pthread_mutex_unlock(&pf.lock);
}

void prefault_forget(void *start, size_t len) {
    pthread_mutex_lock(&pf.lock);
    if (pf.started) {
        // Keep the requests outside the range, in order.
        int kept = 0;
        for (int i = 0; i < pf.count; i++) {
            Range r = pf.queue[(pf.head + i) % PREFAULT_QUEUE];
            if (!overlaps(r, start, len))
                pf.queue[(pf.head + kept++) % PREFAULT_QUEUE] = r;
        }
        pf.count = kept;
        while (overlaps(pf.busy, start, len))
            pthread_cond_wait(&pf.idle, &pf.lock);
    }
    pthread_mutex_unlock(&pf.lock);
}
