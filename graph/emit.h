/* SPDX-License-Identifier: MIT */
/* Doc records to quads in the output vocabulary (VOCABULARY.md): the
 * article, entities, facts with their rdf:Statement evidence, events, and
 * optionally NIF. The only module that knows how records map to terms; it
 * knows nothing of RDF libraries. */
#ifndef NG_EMIT_H
#define NG_EMIT_H

#include "doc.h"
#include "world.h"

enum ng_term_kind {
  NG_TERM_IRI,     /* value is an absolute IRI */
  NG_TERM_BLANK,   /* value is a blank node label (only from stores) */
  NG_TERM_LITERAL  /* value is a lexical form */
};

/* One RDF term. Strings are borrowed from the quad list (or the caller). */
struct ng_term {
  enum ng_term_kind kind; /* which kind of term */
  const char *value;      /* IRI, blank label or lexical form (UTF-8) */
  const char *lang;       /* language tag of a literal, or NULL */
  const char *datatype;   /* datatype IRI of a literal, or NULL (string) */
};

/* One quad. */
struct ng_quad {
  const char *graph;     /* graph IRI, or NULL for the default graph */
  struct ng_term subject;   /* IRI or blank */
  const char *predicate; /* IRI */
  struct ng_term object;    /* any term */
};

/* A growable list of quads that owns every string its quads point to
 * (predicates and datatypes are static vocab.h strings). */
struct ng_quads {
  struct ng_quad *q;       /* the quads */
  size_t n, cap;           /* used and allocated entries of q */
  char **strs;             /* owned strings */
  size_t n_strs, cap_strs; /* used and allocated entries of strs */
};

/* Extra output selected with ng_world_set_emit_flags(). */
#define NG__EMIT_NIF 1u

/* Appends the graph of @p doc (already extracted) to @p out, following
 * VOCABULARY.md exactly, sorted (article first, then by subject, rdf:type
 * first) and without duplicates. The graph name is the article IRI
 * (sanitised, ng__iri_sanitize()); see ng__emit_graph_iri(). @p flags
 * is a set of NG__EMIT_* bits. Errors: NG_ERR_NOMEM (the list keeps what
 * was added and must still be cleared). */
NG_NODISCARD ng_status ng__emit_doc(ng_world *world, const struct ng_doc *doc,
                                    unsigned flags, struct ng_quads *out);

/* Sets *out to the graph IRI ng__emit_doc() uses for @p doc: doc->iri
 * percent-encoded where needed, or "urn:sha256:<hex of the raw bytes>"
 * when the doc has no IRI. Free with free(). NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__emit_graph_iri(const struct ng_doc *doc,
                                          char **out);

/* Appends a copy of the quad (graph, @p s, @p predicate, @p o); every
 * string is copied into the list. NG_ERR_NOMEM on failure. */
NG_NODISCARD ng_status ng__quads_add_copy(struct ng_quads *quads,
                                          const char *graph,
                                          const struct ng_term *s,
                                          const char *predicate,
                                          const struct ng_term *o);

/* Sorts @p quads as ng__emit_doc() does (subject @p article first, then
 * by subject, rdf:type first, predicate, object) and drops duplicates. */
void ng__quads_sort(struct ng_quads *quads, const char *article);

/* Frees everything in @p quads; it is empty and reusable afterwards. */
void ng__quads_clear(struct ng_quads *quads);

/* Writes the canonical lexical form of the date or date-time @p in into
 * @p out (room for 40 bytes) and its datatype (XSD_DATE or XSD_DATE_TIME)
 * into *datatype. Accepts YYYY-MM-DD, then optionally "T" or " ",
 * hh:mm[:ss[.f…]] and a zone Z, ±hh, ±hhmm or ±hh:mm (FAULT-CASES.md T09:
 * seconds added, zone colon added, 24:00:00 rolled to the next day). A
 * valid date with a bad time part gives the xsd:date. False when @p in has
 * no valid date. */
bool ng__emit_date(const char *in, char out[40], const char **datatype);

/* Writes the BCP 47 tag @p in, lower-cased ("en-us"; "_" becomes "-"),
 * into @p out (36 bytes). Lower case because raptor's N-Triples and
 * N-Quads parsers and rasqal lower-case tags (REDLAND-NOTES.md §2): any
 * other case would give two literals once our output is re-read
 * (FAULT-CASES.md T08). False if @p in is not a well-formed tag (never an
 * empty tag). */
bool ng__emit_lang(const char *in, char out[36]);

#endif
