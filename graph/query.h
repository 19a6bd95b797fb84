/* SPDX-License-Identifier: MIT */
/* SPARQL over the store through librdf/rasqal: refuses what rasqal cannot
 * run (REDLAND-NOTES.md §3), writes result formats. */
#ifndef NG_QUERY_H
#define NG_QUERY_H

#include "doc.h"
#include "world.h"

/* What a query asks for. */
enum ng_query_form {
  NG_QUERY_SELECT,
  NG_QUERY_ASK,
  NG_QUERY_CONSTRUCT,
  NG_QUERY_OTHER /* DESCRIBE, updates, or none found */
};

/* Checks @p sparql for features rasqal 0.9.33 cannot run or silently
 * answers wrongly (property paths, EXISTS / NOT EXISTS, MINUS, DESCRIBE,
 * SERVICE, and every SPARQL Update operation) by scanning its tokens
 * (strings, IRIs and comments skipped). Stores the query form in *form.
 * Returns NG_OK, or NG_ERR_PARSE with a message naming the feature. */
NG_NODISCARD ng_status ng__query_check(ng_world *world, const char *sparql,
                                       enum ng_query_form *form);

#endif
