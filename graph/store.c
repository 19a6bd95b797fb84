/* SPDX-License-Identifier: MIT */
/* librdf storage and model with contexts: one named graph per article; replace on re-ingest. (stub: owner rdf) */
#include "store.h"

ng_status
ng_store_open(ng_world *world, const char *spec, ng_store **out)
{
  *out = NULL;
  return ng__errorf(world, NG_ERR_INTERNAL, "not implemented");
}

void
ng_store_free(ng_store *store)
{
}

ng_status
ng_store_begin(ng_store *store)
{
  return NG_ERR_INTERNAL;
}

ng_status
ng_store_commit(ng_store *store)
{
  return NG_ERR_INTERNAL;
}

ng_status
ng_store_add_doc(ng_store *store, ng_doc *doc)
{
  return NG_ERR_INTERNAL;
}

ng_status
ng_store_write(ng_store *store, ng_syntax syntax, const char *graph_iri,
               FILE *out)
{
  return NG_ERR_INTERNAL;
}
