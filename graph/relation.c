/* SPDX-License-Identifier: MIT */
/* Binary relation extraction with evidence and confidence; the trigger lexicon. (stub: owner relations) */
#include "relation.h"

#include <stdlib.h>

struct ng_lexicon {
  int unused; /* stub */
};

ng_status
ng__lexicon_load(ng_world *world, const char *dir, struct ng_lexicon **out)
{
  *out = calloc(1, sizeof **out);
  return *out ? NG_OK : NG_ERR_NOMEM;
}

void
ng__lexicon_free(struct ng_lexicon *lex)
{
  free(lex);
}

ng_status
ng__relation_run(ng_world *world, struct ng_doc *doc)
{
  return NG_OK;
}
