/* SPDX-License-Identifier: MIT */
/* The write path of a SQLite store: replaces article graphs in the tables
 * of librdf's sqlite storage with prepared statements and a node-id cache,
 * on a connection of its own. librdf reads the same file for every query
 * and export. */
#ifndef NG_SQLITEW_H
#define NG_SQLITEW_H

#include "emit.h"
#include "world.h"

struct ng_sqlitew;

/* Opens the writer on @p db, the connection librdf's sqlite storage has
 * open on the store @p name (its tables uris, blanks, literals, triples:
 * rdf_storage_sqlite.c, librdf 1.0.17). Writing on librdf's own
 * connection keeps one view of the file: a second connection in the same
 * process was seen to read stale pages right after a commit. @p db is
 * borrowed and must outlive the writer. The caller holds the store's
 * writer lock (lock.c), so this is the only writer. On success *out is
 * owned by the caller (ng__sqlitew_free). Errors: NG_ERR_RDF when a
 * statement cannot be prepared (the message names @p name),
 * NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__sqlitew_open(ng_world *world, void *db,
                                        const char *name,
                                        struct ng_sqlitew **out);

/* Starts a transaction (BEGIN IMMEDIATE). NG_ERR_RDF with a message naming
 * the store when SQLite refuses (another writer, a read-only file). */
NG_NODISCARD ng_status ng__sqlitew_begin(struct ng_sqlitew *w);

/* Commits the transaction. On failure it is rolled back and NG_ERR_RDF is
 * returned with SQLite's reason (a full disk, a read-only file). */
NG_NODISCARD ng_status ng__sqlitew_commit(struct ng_sqlitew *w);

/* Rolls the transaction back (no-op when none is open) and forgets the
 * node ids cached since it began. */
void ng__sqlitew_rollback(struct ng_sqlitew *w);

/* Replaces the graph named @p graph (an IRI) with @p quads (their own
 * graph fields are ignored): deletes its triples, then adds each quad once
 * (duplicates within @p quads are skipped, as librdf does). Must run
 * inside ng__sqlitew_begin(). Terms are stored as librdf stores them:
 * an IRI in uris, a blank label in blanks, a literal in literals with its
 * language tag or NULL and its datatype's uris id or NULL. Errors:
 * NG_ERR_RDF (SQLite's reason, naming @p graph), NG_ERR_NOMEM; the caller
 * then rolls back. */
NG_NODISCARD ng_status ng__sqlitew_replace(struct ng_sqlitew *w,
                                           const char *graph,
                                           const struct ng_quads *quads);

/* Closes the writer, rolling back an open transaction. NULL is a no-op. */
void ng__sqlitew_free(struct ng_sqlitew *w);

#endif
