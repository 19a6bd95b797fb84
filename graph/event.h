/* SPDX-License-Identifier: MIT */
/* n-ary event extraction: Visit, Meeting, Signing, Quotation, TradeFigure. (stub: owner relations) */
#ifndef NG_EVENT_H
#define NG_EVENT_H

#include "doc.h"
#include "world.h"

/* Adds doc->events. */
NG_NODISCARD ng_status ng__event_run(ng_world *world, struct ng_doc *doc);
#endif
