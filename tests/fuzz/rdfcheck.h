/* SPDX-License-Identifier: MIT */
/* Round-trip oracle for the fuzz targets that write RDF: parse the output
 * back with the raptor newsgraph links against (FAULT-CASES.md X06) and
 * compare it, term by term, with the quads that were written. */
#ifndef NG_FUZZ_RDFCHECK_H
#define NG_FUZZ_RDFCHECK_H

#include "emit.h"

#include <stdbool.h>
#include <stddef.h>

/* A sorted, duplicate-free set of statement keys (owned strings). */
struct fuzz_keys {
  char **k;
  size_t n, cap;
};

/* Parses @p len bytes of @p syntax ("nquads", "turtle", "ntriples") and
 * adds one key per statement to @p out (with the graph when @p graphs).
 * Aborts on any parse error or warning, or on an IRI that breaks the
 * IRIREF rule (T05). Returns the number of statements parsed. */
size_t fuzz_rdf_parse(const char *syntax, const char *buf, size_t len,
                      bool graphs, struct fuzz_keys *out);

/* Adds the keys of @p quads to @p out (with graphs when @p graphs). */
void fuzz_quads_keys(const struct ng_quads *quads, bool graphs,
                     struct fuzz_keys *out);

/* Sorts and deduplicates @p keys. */
void fuzz_keys_sort(struct fuzz_keys *keys);

/* Aborts unless @p a and @p b (both sorted) are equal, printing the first
 * difference. */
void fuzz_keys_check_equal(const struct fuzz_keys *a,
                           const struct fuzz_keys *b, const char *what);

/* Frees the keys of @p keys and zeroes it. */
void fuzz_keys_clear(struct fuzz_keys *keys);

#endif
