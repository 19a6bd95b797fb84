/* SPDX-License-Identifier: MIT */
/* Advisory lock files that keep two processes from writing one store:
 * flock(2) on a file beside the store, waited for with a time limit. */
#ifndef NG_LOCK_H
#define NG_LOCK_H

#include "world.h"

/* Opens (creating, mode 0666 & ~umask) the lock file @p path and takes an
 * flock(2) lock on it: exclusive when @p exclusive (one writer), shared
 * otherwise (readers). Waits up to @p wait_s seconds (0: try once),
 * polling every 50 ms; after 1 s of waiting it passes one message to
 * the world's sink at NG_LOG_INFO, "waiting for the lock on STORE (a
 * build is writing)..." (a writer: "another process is using it"). The
 * lock belongs to the open file description and ends with
 * ng__lock_release() or when the process dies, even by SIGKILL,
 * so a killed build never leaves a stale lock. On success *fd is the
 * lock's descriptor, or -1 for a reader in a read-only folder that holds
 * no lock file (no writer can lock the store there either). Errors: NG_ERR_IO (cannot open the file), NG_ERR_RDF
 * when the lock is still held by another process after @p wait_s, with
 * a message naming @p store and @p path. */
NG_NODISCARD ng_status ng__lock_take(ng_world *world, const char *store,
                                     const char *path, bool exclusive,
                                     double wait_s, int *fd);

/* Writes to @p out (@p size bytes) the lock file name of the store file
 * or folder @p path: its real path (realpath(3): symbolic links, "." and
 * ".." resolved) followed by @p suffix (".lock", "/newsgraph.lock"), so
 * that every name of one store, a symlink included, takes the same lock.
 * A path that does not exist yet (a store about to be created) resolves
 * its folder; when even that fails, @p path is used as given. Errors:
 * NG_ERR_ARG (the name does not fit in @p size). */
NG_NODISCARD ng_status ng__lock_path(ng_world *world, const char *path,
                                     const char *suffix, char *out,
                                     size_t size);

/* Releases and closes the lock @p fd (negative: no-op). */
void ng__lock_release(int fd);

#endif
