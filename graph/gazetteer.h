/* SPDX-License-Identifier: MIT */
/* Gazetteer and lexicon loading (Turtle via raptor) and longest-match lookup. (stub: owner entities) */
#ifndef NG_GAZETTEER_H
#define NG_GAZETTEER_H

#include "doc.h"
#include "world.h"

struct ng_gazetteer;

/* Loads the gazetteer files from @p dir into a new *out (free with
 * ng__gazetteer_free). Errors: NG_ERR_IO, NG_ERR_RDF, NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__gazetteer_load(ng_world *world, const char *dir,
                                          struct ng_gazetteer **out);

/* Frees @p gaz (NULL is a no-op). */
void ng__gazetteer_free(struct ng_gazetteer *gaz);
#endif
