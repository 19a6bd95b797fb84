/* SPDX-License-Identifier: MIT */
/* RDF writing: serd (streaming, correct escaping) for Turtle, TriG,
 * N-Triples and N-Quads; raptor for RDF/XML. Knows syntaxes and prefixes,
 * not the vocabulary's meaning. */
#ifndef NG_SERIALIZE_H
#define NG_SERIALIZE_H

#include "doc.h"
#include "emit.h"
#include "world.h"

/* A streaming writer to one FILE*. */
struct ng_writer;

/* Starts writing @p syntax to @p out (borrowed; not closed): Turtle and
 * N-Triples drop graph names (all graphs merged), TriG and N-Quads keep
 * them. Turtle and TriG start with the project's @prefix lines (ng:,
 * schema:, rdf:, rdfs:, owl:, xsd:, skos:, prov:, nif:, itsrdf:, wd: and
 * one per entity type under the world's base). *out is a new writer
 * (free with ng__writer_free()). Errors: NG_ERR_NOMEM, NG_ERR_RDF (raptor
 * cannot start), NG_ERR_IO. */
NG_NODISCARD ng_status ng__writer_new(ng_world *world, ng_syntax syntax,
                                      FILE *out, struct ng_writer **w);

/* Writes one quad (strings borrowed for the call). Consecutive quads with
 * the same subject (and predicate) are abbreviated in Turtle/TriG.
 * Errors: NG_ERR_IO (write failed), NG_ERR_RDF (the term was refused). */
NG_NODISCARD ng_status ng__writer_write(struct ng_writer *w,
                                        const struct ng_quad *q);

/* Ends the document and flushes the stream. NG_ERR_IO if any write
 * failed, NG_ERR_RDF if the serializer failed. */
NG_NODISCARD ng_status ng__writer_finish(struct ng_writer *w);

/* Frees @p w without finishing (NULL is a no-op). */
void ng__writer_free(struct ng_writer *w);

/* Writes every quad of @p quads in @p syntax to @p out: new, write each,
 * finish, free. Errors as above. */
NG_NODISCARD ng_status ng__serialize_quads(ng_world *world,
                                           const struct ng_quads *quads,
                                           ng_syntax syntax, FILE *out);

/* The "prefix:" name of @p iri under the project prefixes, when the local
 * part is a safe PN_LOCAL (ASCII letters, digits, "_", "-", "." not last,
 * first a letter, digit or "_"; FAULT-CASES.md T06), written into @p out
 * (@p cap bytes). False (use <iri>) otherwise. */
bool ng__serialize_qualify(const ng_world *world, const char *iri, char *out,
                           size_t cap);

#endif
