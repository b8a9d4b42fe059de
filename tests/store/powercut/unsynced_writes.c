/* LD_PRELOAD shim for the power-cut test: it lets writes through to the database and its WAL, but
 * first appends what each write overwrites (its "pre-image") to an undo journal, and notes every
 * successful fsync/fdatasync. After the process is killed, the test reads the journal and puts back,
 * sector by sector, some or all of what was written since each file's last sync: the file then
 * holds what a disk might hold after a power cut at that moment (synced data always, un-synced data
 * partly or not at all). Reads inside the process see every write, as with a real page cache.
 *
 * Environment:
 *   KIOSK_POWERCUT_DB       absolute path of the database; it, "-wal" and "-journal" are tracked
 *                           (the -shm index is memory-mapped and rebuilt after a crash: not tracked)
 *   KIOSK_POWERCUT_JOURNAL  the undo journal (appended; the test removes it after each cut)
 *   KIOSK_POWERCUT_LYING_DISK=1  syncs are not noted: a disk that acknowledges fsync and keeps the
 *                           data in its cache (the test's control run: acknowledged data then dies)
 *
 * Journal record (native byte order): struct PowerCutRecord, then `have` bytes of pre-image.
 * Not simulated: directory changes (create, unlink, rename) count as durable at once. */
#define _GNU_SOURCE
#undef _FORTIFY_SOURCE /* its inline open() wrappers would clash with the ones defined here */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "unsynced_writes.h"

enum { kMaxFds = 4096 };

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static signed char g_tracked[kMaxFds]; /* fd -> file id + 1, 0 = not tracked */
static int g_journal = -1;

static int (*real_open64)(const char*, int, ...);
static int (*real_openat64)(int, const char*, int, ...);
static int (*real_open)(const char*, int, ...);
static int (*real_openat)(int, const char*, int, ...);
static int (*real_close)(int);
static ssize_t (*real_write)(int, const void*, size_t);
static ssize_t (*real_pwrite64)(int, const void*, size_t, off64_t);
static ssize_t (*real_pwrite)(int, const void*, size_t, off_t);
static int (*real_ftruncate64)(int, off64_t);
static int (*real_ftruncate)(int, off_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);

/* dlsym returns an object pointer; ISO C has no cast from it to a function pointer, memcpy does it. */
#define RESOLVE(fn)                          \
    do {                                     \
        void* sym = dlsym(RTLD_NEXT, #fn);   \
        if (!sym) abort();                   \
        memcpy(&real_##fn, &sym, sizeof sym); \
    } while (0)

static void resolve(void) {
    if (real_write) return;
    RESOLVE(open64);
    RESOLVE(openat64);
    RESOLVE(open);
    RESOLVE(openat);
    RESOLVE(close);
    RESOLVE(pwrite64);
    RESOLVE(pwrite);
    RESOLVE(ftruncate64);
    RESOLVE(ftruncate);
    RESOLVE(fsync);
    RESOLVE(fdatasync);
    RESOLVE(write); /* last: it marks the table complete */
}

/* Which tracked file @p path is (0 database, 1 WAL, 2 rollback journal), or -1. */
static int fileIdOf(const char* path) {
    const char* db = getenv("KIOSK_POWERCUT_DB");
    if (!db || !*db || !path) return -1;
    const size_t n = strlen(db);
    if (strncmp(path, db, n) != 0) return -1;
    if (path[n] == '\0') return 0;
    if (strcmp(path + n, "-wal") == 0) return 1;
    if (strcmp(path + n, "-journal") == 0) return 2;
    return -1;
}

static int trackedId(int fd) { return fd >= 0 && fd < kMaxFds ? g_tracked[fd] - 1 : -1; }

static void track(int fd, const char* path) {
    if (fd < 0 || fd >= kMaxFds) return;
    pthread_mutex_lock(&g_lock);
    g_tracked[fd] = (signed char)(fileIdOf(path) + 1);
    pthread_mutex_unlock(&g_lock);
}

static void writeAll(const void* data, size_t n) {
    const char* p = (const char*)data;
    while (n > 0) {
        const ssize_t w = real_write(g_journal, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) abort(); /* a journal that cannot be written would make the test lie */
        p += w;
        n -= (size_t)w;
    }
}

static void openJournal(void) {
    if (g_journal >= 0) return;
    const char* path = getenv("KIOSK_POWERCUT_JOURNAL");
    if (!path || !*path) abort();
    g_journal = real_open64(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (g_journal < 0) abort();
}

/* Notes what [offset, offset + length) of tracked file @p id holds now (the part inside the file). */
static void notePreImage(int fd, int id, uint64_t offset, uint64_t length) {
    struct stat st;
    if (fstat(fd, &st) != 0) abort();
    PowerCutRecord r;
    memset(&r, 0, sizeof r);
    r.type = kPowerCutWrite;
    r.file = (uint32_t)id;
    r.offset = offset;
    r.length = length;
    r.sizeBefore = (uint64_t)st.st_size;
    r.have = offset < r.sizeBefore ? (r.sizeBefore - offset < length ? r.sizeBefore - offset : length) : 0;
    char* old = r.have ? (char*)malloc(r.have) : NULL;
    if (r.have && !old) abort();
    for (uint64_t got = 0; got < r.have;) {
        const ssize_t n = pread64(fd, old + got, r.have - got, (off64_t)(offset + got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) abort();
        got += (uint64_t)n;
    }
    openJournal();
    writeAll(&r, sizeof r);
    if (r.have) writeAll(old, r.have);
    free(old);
}

static void noteSync(int id) {
    if (getenv("KIOSK_POWERCUT_LYING_DISK")) return;
    PowerCutRecord r;
    memset(&r, 0, sizeof r);
    r.type = kPowerCutSync;
    r.file = (uint32_t)id;
    openJournal();
    writeAll(&r, sizeof r);
}

/* [SECTION] open and close */
static int openedAs(int fd, const char* path) {
    if (fd >= 0) track(fd, path);
    return fd;
}

int open64(const char* path, int flags, ...) {
    resolve();
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
    va_end(ap);
    return openedAs(real_open64(path, flags, mode), path);
}

int open(const char* path, int flags, ...) {
    resolve();
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
    va_end(ap);
    return openedAs(real_open(path, flags, mode), path);
}

int openat64(int dirfd, const char* path, int flags, ...) {
    resolve();
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
    va_end(ap);
    return openedAs(real_openat64(dirfd, path, flags, mode), path);
}

int openat(int dirfd, const char* path, int flags, ...) {
    resolve();
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
    va_end(ap);
    return openedAs(real_openat(dirfd, path, flags, mode), path);
}

int close(int fd) {
    resolve();
    if (fd >= 0 && fd < kMaxFds) {
        pthread_mutex_lock(&g_lock);
        g_tracked[fd] = 0;
        pthread_mutex_unlock(&g_lock);
    }
    return real_close(fd);
}

/* [SECTION] writes: the pre-image first, then the write, under one lock */
ssize_t pwrite64(int fd, const void* buf, size_t n, off64_t offset) {
    resolve();
    const int id = trackedId(fd);
    if (id < 0) return real_pwrite64(fd, buf, n, offset);
    pthread_mutex_lock(&g_lock);
    notePreImage(fd, id, (uint64_t)offset, n);
    const ssize_t w = real_pwrite64(fd, buf, n, offset);
    pthread_mutex_unlock(&g_lock);
    return w;
}

ssize_t pwrite(int fd, const void* buf, size_t n, off_t offset) { return pwrite64(fd, buf, n, (off64_t)offset); }

ssize_t write(int fd, const void* buf, size_t n) {
    resolve();
    const int id = trackedId(fd);
    if (id < 0) return real_write(fd, buf, n);
    pthread_mutex_lock(&g_lock);
    off64_t at = lseek64(fd, 0, SEEK_CUR);
    if (fcntl(fd, F_GETFL) & O_APPEND) {
        struct stat st;
        at = fstat(fd, &st) == 0 ? st.st_size : at;
    }
    notePreImage(fd, id, (uint64_t)at, n);
    const ssize_t w = real_write(fd, buf, n);
    pthread_mutex_unlock(&g_lock);
    return w;
}

int ftruncate64(int fd, off64_t size) {
    resolve();
    const int id = trackedId(fd);
    if (id < 0) return real_ftruncate64(fd, size);
    pthread_mutex_lock(&g_lock);
    struct stat st;
    if (fstat(fd, &st) != 0) abort();
    /* Shrinking: what is cut off; growing: the new zeros (nothing to keep, only the old size). */
    if ((off64_t)st.st_size > size) notePreImage(fd, id, (uint64_t)size, (uint64_t)(st.st_size - size));
    else if ((off64_t)st.st_size < size) notePreImage(fd, id, (uint64_t)st.st_size, (uint64_t)(size - st.st_size));
    const int r = real_ftruncate64(fd, size);
    pthread_mutex_unlock(&g_lock);
    return r;
}

int ftruncate(int fd, off_t size) { return ftruncate64(fd, (off64_t)size); }

/* [SECTION] syncs: noted only once they returned */
static int synced(int fd, int r) {
    const int id = trackedId(fd);
    if (r == 0 && id >= 0) {
        pthread_mutex_lock(&g_lock);
        noteSync(id);
        pthread_mutex_unlock(&g_lock);
    }
    return r;
}

int fsync(int fd) {
    resolve();
    return synced(fd, real_fsync(fd));
}

int fdatasync(int fd) {
    resolve();
    return synced(fd, real_fdatasync(fd));
}
