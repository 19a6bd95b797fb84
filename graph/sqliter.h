/* SPDX-License-Identifier: MIT */
/* The read path of a SQLite store: librdf's sqlite storage registered again
 * under its own name, with triple-pattern lookups answered by prepared,
 * indexed statements instead of a scan of the whole article graph. */
#ifndef NG_SQLITER_H
#define NG_SQLITER_H

#include <redland.h>

/* Registers, in @p lw, the storage "newsgraph-sqlite": every method of
 * librdf's "sqlite" storage (same file, same tables, same write and
 * transaction behaviour), plus find_statements_in_context (which librdf's
 * sqlite storage lacks: librdf then reads the whole named graph for every
 * triple pattern rasqal matches inside GRAPH, REDLAND-NOTES.md §6) and
 * find_statements, both as prepared SELECTs on the triples table with a
 * node cache. Returns the storage name to pass to librdf_new_storage():
 * "newsgraph-sqlite", or "sqlite" when librdf has no sqlite storage to
 * wrap or the registration fails (queries are then correct but slow).
 * The returned string is static. Safe to call again for the same world. */
const char *ng__sqliter_register(librdf_world *lw);

#endif
