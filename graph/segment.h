/* SPDX-License-Identifier: MIT */
/* Sentence segmentation (datelines, abbreviations, quotes) and tokens. (stub: owner entities) */
#ifndef NG_SEGMENT_H
#define NG_SEGMENT_H

#include "doc.h"
#include "world.h"

/* Splits doc->text into doc->sentences. */
NG_NODISCARD ng_status ng__segment_run(ng_world *world, struct ng_doc *doc);
#endif
