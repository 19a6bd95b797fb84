/* SPDX-License-Identifier: MIT */
/* Named-entity recognition: mention detection and typing. (stub: owner entities) */
#include "ner.h"

ng_status
ng__ner_run(ng_world *world, struct ng_doc *doc)
{
  return NG_OK;
}
