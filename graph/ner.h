/* SPDX-License-Identifier: MIT */
/* Named-entity recognition: mention detection and typing. (stub: owner entities) */
#ifndef NG_NER_H
#define NG_NER_H

#include "doc.h"
#include "world.h"

/* Finds mentions and entities in doc->text (needs sentences). */
NG_NODISCARD ng_status ng__ner_run(ng_world *world, struct ng_doc *doc);
#endif
