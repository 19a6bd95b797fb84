/* SPDX-License-Identifier: MIT */
/* What an extracted doc holds, in numbers, for the command line's progress
 * line, --verbose lines and summaries (issue 8): counts of the doc.h
 * records and of the quads its graph has. Never prints. */
#include "emit.h"
#include "newsgraph.h"
#include "world.h"

void
ng_doc_get_counts(const ng_doc *doc, size_t *n_entities, size_t *n_facts,
                  size_t *n_events)
{
  bool done = doc && doc->extracted;
  if (n_entities) {
    *n_entities = done ? doc->n_entities : 0;
  }
  if (n_facts) {
    *n_facts = done ? doc->n_facts : 0;
  }
  if (n_events) {
    *n_events = done ? doc->n_events : 0;
  }
}

ng_status
ng_doc_count_quads(ng_world *world, ng_doc *doc, size_t *n_quads)
{
  ng_status st;
  struct ng_quads qs = {0};
  if (!world || !doc || !n_quads) {
    return NG_ERR_ARG;
  }
  *n_quads = 0;
  st = ng_doc_extract(world, doc);
  if (st == NG_OK) {
    unsigned flags = (world->emit_flags & NG_EMIT_NIF) ? NG__EMIT_NIF : 0;
    st = ng__emit_doc(world, doc, flags, &qs);
  }
  if (st == NG_OK) {
    *n_quads = qs.n;
  } else if (st == NG_ERR_NOMEM) {
    ng__errorf(world, st, "%s: out of memory counting the graph", doc->name);
  }
  ng__quads_clear(&qs);
  return st;
}
