/* SPDX-License-Identifier: MIT */
/* Looking into a store: the graph list with headlines, dates and sizes,
 * totals per class and relation, and an entity's facts with their support
 * across articles. Reads through librdf; never changes the store. */
#ifndef NG_INSPECT_H
#define NG_INSPECT_H

#include "world.h"

/* Folds the UTF-8 string @p s to lower case for case-insensitive name
 * matching: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic capitals
 * (the scripts of the gazetteers' names); other code points and invalid
 * bytes are copied. Returns a new string (free with free()) or NULL when
 * out of memory. */
char *ng__inspect_fold(const char *s);

/* True when @p iri can be written between '<' and '>' in SPARQL without
 * escapes: no control character, space or one of <>"{}|^`\ (the IRIREF
 * production of SPARQL 1.1 §19.8). Used so that no text given by a user
 * reaches a query unchecked. */
bool ng__inspect_iri_ok(const char *iri);

#endif
