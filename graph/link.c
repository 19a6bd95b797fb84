/* SPDX-License-Identifier: MIT */
/* Entity linking: canonical labels, alt labels, Wikidata QIDs; article-level entities (publisher, dateline, authors). (stub: owner entities) */
#include "link.h"

ng_status
ng__link_run(ng_world *world, struct ng_doc *doc)
{
  return NG_OK;
}
