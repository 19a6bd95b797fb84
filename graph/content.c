/* SPDX-License-Identifier: MIT */
/* Main-content extraction (boilerplate removal) and ng_doc_parse(). (stub: owner front) */
#include "content.h"

ng_status
ng_doc_parse(ng_world *world, ng_doc *doc)
{
  return ng__errorf(world, NG_ERR_INTERNAL, "not implemented");
}

ng_status
ng_doc_write_json(const ng_doc *doc, FILE *out)
{
  return NG_ERR_INTERNAL;
}
