/* SPDX-License-Identifier: MIT */
/* Advisory store locks: flock(2) on a file beside the store. Redland has
 * no locking for BDB stores (REDLAND-NOTES.md §1: no DB_ENV, one writer
 * only) and its SQLite storage sets no busy timeout, so a second writer
 * would either corrupt a BDB store or fail at a random commit; the lock
 * makes it wait, then fail with a clear message. */
#include "lock.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

/* Seconds of waiting for a lock after which ng__lock_take() says that it
 * waits. */
#define LOCK_TELL_S 1.0

ng_status
ng__lock_path(ng_world *world, const char *path, const char *suffix,
              char *out, size_t size)
{
  char real[PATH_MAX];
  int n;
  if (realpath(path, real)) {
    n = snprintf(out, size, "%s%s", real, suffix);
  } else {
    /* Not there yet (a store being created): its folder's real path. */
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX];
    int d = slash ? snprintf(dir, sizeof dir, "%.*s",
                             slash == path ? 1 : (int)(slash - path), path)
                  : snprintf(dir, sizeof dir, ".");
    if (d > 0 && (size_t)d < sizeof dir && realpath(dir, real)) {
      n = snprintf(out, size, "%s%s%s%s", real,
                   strcmp(real, "/") == 0 ? "" : "/",
                   slash ? slash + 1 : path, suffix);
    } else {
      n = snprintf(out, size, "%s%s", path, suffix);
    }
  }
  if (n < 0 || (size_t)n >= size) {
    return ng__errorf(world, NG_ERR_ARG, "store path too long: %s", path);
  }
  return NG_OK;
}

ng_status
ng__lock_take(ng_world *world, const char *store, const char *path,
              bool exclusive, double wait_s, int *fd)
{
  *fd = -1;
  int f = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  int create_errno = errno;
  if (f < 0 && !exclusive) {
    f = open(path, O_RDONLY | O_CLOEXEC); /* a read-only folder */
    if (f < 0 && errno == ENOENT &&
        (create_errno == EROFS || create_errno == EACCES)) {
      /* No lock file, and none can be made there: no writer can take
       * the store either (it would need the file), so the reader goes on
       * without one. */
      return NG_OK;
    }
  }
  if (f < 0) {
    return ng__errorf(world, NG_ERR_IO, "cannot open lock file %s: %s", path,
                      strerror(errno));
  }
  double start = ng__monotonic();
  double end = start + (wait_s > 0 ? wait_s : 0);
  bool told = false;
  for (;;) {
    if (flock(f, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0) {
      *fd = f;
      return NG_OK;
    }
    if (errno != EWOULDBLOCK && errno != EINTR) {
      int e = errno;
      close(f);
      return ng__errorf(world, NG_ERR_IO, "cannot lock %s: %s", path,
                        strerror(e));
    }
    double now = ng__monotonic();
    if (now >= end) {
      break;
    }
    if (!told && now - start >= LOCK_TELL_S && world && world->sink) {
      /* a wait the user would otherwise take for a hang: said once, at
       * information level (the CLI prints it unless -q) */
      char msg[1024];
      snprintf(msg, sizeof msg, "waiting for the lock on %s (%s)...", store,
               exclusive ? "another process is using it"
                         : "a build is writing");
      world->sink(world->sink_handle, NG_LOG_INFO, msg);
      told = true;
    }
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  close(f);
  return ng__errorf(world, NG_ERR_RDF, "cannot open store %s: it is in use "
                    "by another process (lock %s is held%s; waited %g s, "
                    "see --wait)", store, path,
                    exclusive ? "" : " by a writer", wait_s > 0 ? wait_s : 0);
}

void
ng__lock_release(int fd)
{
  if (fd >= 0) {
    flock(fd, LOCK_UN);
    close(fd);
  }
}
