/* SPDX-License-Identifier: MIT */
/* Gazetteer and lexicon loading (Turtle via raptor) and longest-match lookup. (stub: owner entities) */
#include "gazetteer.h"

#include <stdlib.h>

struct ng_gazetteer {
  int unused; /* stub */
};

ng_status
ng__gazetteer_load(ng_world *world, const char *dir, struct ng_gazetteer **out)
{
  *out = calloc(1, sizeof **out);
  return *out ? NG_OK : NG_ERR_NOMEM;
}

void
ng__gazetteer_free(struct ng_gazetteer *gaz)
{
  free(gaz);
}
