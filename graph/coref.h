/* SPDX-License-Identifier: MIT */
/* Within-document coreference: partial names, acronyms, pronouns, descriptions, demonyms. (stub: owner entities) */
#ifndef NG_COREF_H
#define NG_COREF_H

#include "doc.h"
#include "world.h"

/* Merges and adds mentions so each entity is one node. */
NG_NODISCARD ng_status ng__coref_run(ng_world *world, struct ng_doc *doc);
#endif
