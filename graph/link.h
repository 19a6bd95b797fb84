/* SPDX-License-Identifier: MIT */
/* Entity linking: canonical labels, alt labels, Wikidata QIDs; article-level entities (publisher, dateline, authors). (stub: owner entities) */
#ifndef NG_LINK_H
#define NG_LINK_H

#include "doc.h"
#include "world.h"

/* Sets canonical labels, QIDs, doc->publisher, doc->dateline, authors. */
NG_NODISCARD ng_status ng__link_run(ng_world *world, struct ng_doc *doc);
#endif
