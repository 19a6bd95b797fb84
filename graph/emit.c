/* SPDX-License-Identifier: MIT */
/* Doc annotations to triples in the vocabulary (entities, facts, reification, prov, NIF). (stub: owner rdf) */
#include "emit.h"

ng_status
ng_doc_write(ng_world *world, ng_doc *doc, ng_syntax syntax, FILE *out)
{
  return ng__errorf(world, NG_ERR_INTERNAL, "not implemented");
}
