/* SPDX-License-Identifier: MIT */
/* Sentence segmentation (datelines, abbreviations, quotes) and tokens. (stub: owner entities) */
#include "segment.h"

ng_status
ng__segment_run(ng_world *world, struct ng_doc *doc)
{
  return NG_OK;
}
