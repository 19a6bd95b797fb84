/* SPDX-License-Identifier: MIT */
/* Pushing a store's article graphs to a triple store over HTTP: SPARQL 1.1
 * Graph Store HTTP Protocol (PUT per graph) or SPARQL 1.1 Update. */
#ifndef NG_PUSH_H
#define NG_PUSH_H

#include "buf.h"
#include "world.h"

/* True when @p iri can be written between < and > in N-Triples and SPARQL
 * (IRIREF: no space, control character or any of <>"{}|^`\). */
bool ng__push_iri_ok(const char *iri);

/* Appends to @p out the SPARQL 1.1 Update request that replaces graph
 * @p graph with the @p len bytes of N-Triples @p nt (as written by the
 * project's serializer): "DROP SILENT GRAPH <g> ;\nINSERT DATA { GRAPH <g>
 * { ... } }". SPARQL decodes \u escapes before it parses (SPARQL 1.1 Query
 * 19.2), so an escaped backslash followed by "u" or "U" ("\\u" in a
 * literal) is written as "\\\u0075" ("\\\u0055"), which reads back as the
 * same characters. Errors: NG_ERR_ARG (graph is not a valid IRIREF),
 * NG_ERR_NOMEM, NG_ERR_TOO_LARGE (the buffer's cap). */
NG_NODISCARD ng_status ng__push_update_body(ng_world *world,
                                            const char *graph,
                                            const char *nt, size_t len,
                                            struct ng_buf *out);

#endif
