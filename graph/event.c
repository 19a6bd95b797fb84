/* SPDX-License-Identifier: MIT */
/* n-ary event extraction: Visit, Meeting, Signing, Quotation, TradeFigure. (stub: owner relations) */
#include "event.h"

ng_status
ng__event_run(ng_world *world, struct ng_doc *doc)
{
  return NG_OK;
}
