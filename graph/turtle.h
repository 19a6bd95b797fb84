/* SPDX-License-Identifier: MIT */
/* Reads the project's Turtle data files (gazetteers, lexicons) through
 * raptor's parser into a flat array of string triples. */
#ifndef NG_TURTLE_H
#define NG_TURTLE_H

#include "world.h"

/* One parsed triple; strings owned, UTF-8. */
struct ng_triple {
  char *s;       /* subject IRI or blank node label */
  char *p;       /* predicate IRI */
  char *o;       /* object IRI, blank node label or literal lexical form */
  char obj_kind; /* 'I' IRI, 'B' blank node, 'L' literal */
};

struct ng_triples {
  struct ng_triple *t; /* the triples, in file order */
  size_t n;            /* triples in t */
  size_t cap;          /* allocated entries */
};

/* Parses the Turtle files @p paths (in order, with one raptor world so
 * blank node labels are unique across them) and appends their triples to
 * @p out (which starts zeroed). Errors: NG_ERR_IO (cannot read a file),
 * NG_ERR_RDF (syntax error: the message names the file and line),
 * NG_ERR_NOMEM. On error @p out keeps what was read; free it with
 * ng__triples_clear(). */
NG_NODISCARD ng_status ng__turtle_read(ng_world *world,
                                       const char *const *paths,
                                       size_t n_paths,
                                       struct ng_triples *out);

/* Frees every triple of @p ts; it is empty and reusable afterwards. */
void ng__triples_clear(struct ng_triples *ts);

#endif
