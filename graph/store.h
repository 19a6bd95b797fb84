/* SPDX-License-Identifier: MIT */
/* The RDF store: a librdf storage and model with contexts, one named graph
 * per article, replaced on re-ingest. Knows librdf, not the vocabulary. */
#ifndef NG_STORE_H
#define NG_STORE_H

#include "doc.h"
#include "emit.h"
#include "world.h"

struct librdf_world_s;
struct librdf_model_s;

/* Sets *out to the world's librdf world, creating and opening it on first
 * use (one per ng_world, freed by ng_world_free() through world->rdf_free)
 * with a logger that passes librdf, raptor and rasqal messages to the
 * world's sink (rasqal's spurious query warnings are dropped:
 * REDLAND-NOTES.md §3). Borrowed. Errors: NG_ERR_RDF, NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__store_rdf_world(ng_world *world,
                                           struct librdf_world_s **out);

/* The store's world (borrowed). */
ng_world *ng__store_world(const ng_store *store);

/* The store's librdf model (borrowed; valid until the store is freed). */
struct librdf_model_s *ng__store_model(const ng_store *store);

/* True for a virtuoso: store, where librdf's own lookups (find_statements,
 * get_targets) see only the model's default graph, not the article graphs
 * (rdf_storage_virtuoso.c): callers ask through SPARQL with GRAPH ?g. */
bool ng__store_is_virtuoso(const ng_store *store);

/* Fills @p t from the librdf_node @p node (strings borrowed from the
 * node). False for a node that is not an IRI, blank node or literal. */
bool ng__store_term(void *node, struct ng_term *t);

/* Adds the quads of @p quads (all in one graph) to the store, replacing
 * that graph. Errors: NG_ERR_RDF, NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__store_replace_graph(ng_store *store,
                                               const char *graph,
                                               const struct ng_quads *quads);

/* Sets *out to the sorted, de-duplicated graph IRIs of the store (free
 * with ng__store_free_graphs()) and *n_out to their number. Errors:
 * NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__store_graphs(ng_store *store, char ***out,
                                        size_t *n_out);

/* Frees what ng__store_graphs() returned. */
void ng__store_free_graphs(char **graphs, size_t n);

#endif
