/* SPDX-License-Identifier: MIT */
/* Input loading: the INPUT syntax of ARCHITECTURE.md (URL, file, .gz, "-") into a doc. (stub: owner front) */
#include "input.h"

ng_status
ng_doc_load(ng_world *world, const char *input, ng_doc **out)
{
  *out = NULL;
  return ng__errorf(world, NG_ERR_INTERNAL, "not implemented: %s", input);
}

ng_status
ng_doc_load_bytes(ng_world *world, const char *bytes, size_t len,
                  const char *name, const char *content_type, ng_doc **out)
{
  *out = NULL;
  return ng__errorf(world, NG_ERR_INTERNAL, "not implemented: %s", name);
}

ng_status
ng_doc_set_url(ng_doc *doc, const char *url)
{
  return NG_ERR_INTERNAL;
}

ng_status
ng_doc_set_date(ng_doc *doc, const char *date)
{
  return NG_ERR_INTERNAL;
}
