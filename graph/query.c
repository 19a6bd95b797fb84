/* SPDX-License-Identifier: MIT */
/* SPARQL queries through rasqal over the store; result formats. (stub: owner rdf) */
#include "query.h"

ng_status
ng_store_query(ng_store *store, const char *sparql, const char *format,
               FILE *out)
{
  return NG_ERR_INTERNAL;
}
