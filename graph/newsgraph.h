/* SPDX-License-Identifier: MIT */
/* newsgraph public API: news articles in, a linked-data knowledge graph out.
 * This is the only public header; it includes only standard headers.
 *
 * Workflow: create a world, load or fetch a document, parse it (charset,
 * HTML, metadata, main text), extract (entities, facts, events), then write
 * it as RDF or add it to a store (one named graph per article). */
#ifndef NEWSGRAPH_H
#define NEWSGRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NG_VERSION_STRING "0.1.0"

#if defined(__GNUC__)
#define NG_API __attribute__((visibility("default")))
#define NG_NODISCARD __attribute__((warn_unused_result))
#else
#define NG_API
#define NG_NODISCARD
#endif

/* ---------------------------------------------------------------- status */

/** Status of every fallible call. Append only; never renumber. */
typedef enum {
  NG_OK = 0,        /**< success */
  NG_NOT_FOUND,     /**< non-fatal: nothing matched / nothing to extract */
  NG_ERR_NOMEM,     /**< out of memory */
  NG_ERR_ARG,       /**< API misuse or bad argument (bad IRI, bad option) */
  NG_ERR_IO,        /**< read/write failure, including output write errors */
  NG_ERR_FETCH,     /**< transport failure: DNS, connect, TLS, timeout */
  NG_ERR_HTTP,      /**< HTTP status >= 400 */
  NG_ERR_TOO_LARGE, /**< an input exceeded a configured cap */
  NG_ERR_ENCODING,  /**< undecodable charset or invalid UTF-8 */
  NG_ERR_PARSE,     /**< no usable HTML/article body, or bad query */
  NG_ERR_RDF,       /**< librdf/raptor/rasqal/serd failure */
  NG_ERR_INTERNAL   /**< invariant violated: a bug */
} ng_status;

/** A short static English description of @p st (never NULL). */
NG_API const char *ng_strerror(ng_status st);

/* ----------------------------------------------------------------- world */

/** Library state: options, clock, log sink, gazetteers, librdf world. */
typedef struct ng_world ng_world;
/** One article and everything extracted from it. */
typedef struct ng_doc ng_doc;
/** An RDF dataset: one named graph per article. */
typedef struct ng_store ng_store;

typedef enum { NG_LOG_ERROR, NG_LOG_WARNING, NG_LOG_INFO } ng_log_level;

/** Receives every error and warning the library records. @p msg is valid
 *  only during the call. */
typedef void (*ng_log_sink)(void *handle, ng_log_level level,
                            const char *msg);

/** Output syntaxes. */
typedef enum {
  NG_SYNTAX_TURTLE,
  NG_SYNTAX_TRIG,
  NG_SYNTAX_NTRIPLES,
  NG_SYNTAX_NQUADS,
  NG_SYNTAX_RDFXML
} ng_syntax;

/** A new world with default options, or NULL when out of memory.
 *  Calls curl_global_init; free with ng_world_free() after every doc and
 *  store made from it. Lexicons load lazily on the first extraction. */
NG_API ng_world *ng_world_new(void);

/** Frees @p world (NULL is a no-op). */
NG_API void ng_world_free(ng_world *world);

/** The last error message recorded on @p world, or "" (borrowed; valid
 *  until the next call on the world). */
NG_API const char *ng_world_errmsg(const ng_world *world);

/** Installs @p sink (NULL removes it); the library never prints. */
NG_API void ng_world_set_log_sink(ng_world *world, ng_log_sink sink,
                                  void *handle);

/** Sets a named option (value copied). Names and defaults:
 *  - "base": entity IRI base, default "https://w3id.org/newsgraph/id/"
 *  - "data-dir": folder of the ontology/lexicon Turtle files
 *    (default: $NEWSGRAPH_DATA, else the installed pkgdatadir, else the
 *    source tree's ontology/ folder)
 *  - "max-bytes": body size cap in bytes (default 10485760)
 *  - "max-redirs": redirect limit (default 10)
 *  - "connect-timeout": seconds (default 10)
 *  - "timeout": total seconds per fetch (default 30)
 *  - "user-agent": HTTP User-Agent
 *  - "now": the clock for ng:retrievedAt, seconds since the epoch
 *    (default: SOURCE_DATE_EPOCH if set, else the real time)
 *  @return NG_OK, or NG_ERR_ARG for an unknown name or a bad value. */
NG_API NG_NODISCARD ng_status ng_world_set_option(ng_world *world,
                                                  const char *name,
                                                  const char *value);

/* ------------------------------------------------------------------- doc */

/** Loads one input: an http(s) URL (fetched), a local file (.html, .htm,
 *  .txt, any of them .gz) or "-" for standard input. On success *out is a
 *  new doc (free with ng_doc_free); on failure *out is NULL and the world's
 *  message names the input. Errors: NG_ERR_FETCH, NG_ERR_HTTP,
 *  NG_ERR_TOO_LARGE, NG_ERR_IO, NG_ERR_ARG (unsupported scheme), NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_doc_load(ng_world *world, const char *input,
                                          ng_doc **out);

/** Like ng_doc_load() for bytes already in memory (copied). @p name names
 *  the input in messages; @p content_type may be NULL (then sniffed: HTML
 *  if it looks like markup, else plain text). */
NG_API NG_NODISCARD ng_status ng_doc_load_bytes(ng_world *world,
                                                const char *bytes, size_t len,
                                                const char *name,
                                                const char *content_type,
                                                ng_doc **out);

/** Overrides the article URL (the named-graph IRI); copied. NG_ERR_ARG if
 *  @p url is not an absolute IRI. */
NG_API NG_NODISCARD ng_status ng_doc_set_url(ng_doc *doc, const char *url);

/** Sets the publication date (xsd:date "YYYY-MM-DD"); copied. Overrides
 *  what the page says. NG_ERR_ARG if it is not a valid date. */
NG_API NG_NODISCARD ng_status ng_doc_set_date(ng_doc *doc, const char *date);

/** Decodes the charset, parses the HTML, and finds the metadata and the
 *  main text. Idempotent. Errors: NG_ERR_ENCODING, NG_ERR_PARSE (no main
 *  text), NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_doc_parse(ng_world *world, ng_doc *doc);

/** The main text (UTF-8, paragraphs separated by a blank line) after
 *  ng_doc_parse(), or NULL. Borrowed: valid until the doc is freed. */
NG_API const char *ng_doc_get_text(const ng_doc *doc);

/** The article IRI (canonical URL, final URL, --url, or urn:sha256:…).
 *  Borrowed: valid until the doc is freed or its URL set again. */
NG_API const char *ng_doc_get_iri(const ng_doc *doc);

/** Writes the main text and metadata as one JSON object (json-c) to @p out.
 *  NG_ERR_IO on a write error. */
NG_API NG_NODISCARD ng_status ng_doc_write_json(const ng_doc *doc, FILE *out);

/** Runs extraction (sentences, mentions, entities, coreference, linking,
 *  dates, money, relations, events) on a parsed doc (parses it first if
 *  needed). Idempotent. Errors: those of ng_doc_parse(), NG_ERR_IO when
 *  the lexicons cannot be read, NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_doc_extract(ng_world *world, ng_doc *doc);

/** Writes the doc's graph (extracting first if needed) in @p syntax to
 *  @p out. Errors: NG_ERR_IO on a write error, NG_ERR_RDF. */
NG_API NG_NODISCARD ng_status ng_doc_write(ng_world *world, ng_doc *doc,
                                           ng_syntax syntax, FILE *out);

/** Frees @p doc and everything extracted from it (NULL is a no-op). */
NG_API void ng_doc_free(ng_doc *doc);

/* ----------------------------------------------------------------- store */

/** Opens (creating if missing) the store named by @p spec: a path or
 *  "sqlite:PATH" (the default, "newsgraph.db"), "memory:", "bdb:DIR",
 *  "postgresql:OPTIONS", "virtuoso:OPTIONS". *out is NULL on failure.
 *  Errors: NG_ERR_ARG (bad spec), NG_ERR_RDF (storage cannot open). */
NG_API NG_NODISCARD ng_status ng_store_open(ng_world *world, const char *spec,
                                            ng_store **out);

/** Closes @p store (NULL is a no-op). Commits nothing pending: call
 *  ng_store_commit() first. */
NG_API void ng_store_free(ng_store *store);

/** Starts a batch (one transaction where the storage has them). */
NG_API NG_NODISCARD ng_status ng_store_begin(ng_store *store);

/** Commits the current batch. NG_ERR_RDF on failure (rolled back). */
NG_API NG_NODISCARD ng_status ng_store_commit(ng_store *store);

/** Replaces the doc's named graph with its extracted graph (extracts
 *  first if needed). Errors: NG_ERR_RDF, NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_store_add_doc(ng_store *store, ng_doc *doc);

/** Writes the whole store, or only graph @p graph_iri when not NULL, in
 *  @p syntax to @p out, streaming. Errors: NG_ERR_IO, NG_ERR_RDF. */
NG_API NG_NODISCARD ng_status ng_store_write(ng_store *store, ng_syntax syntax,
                                             const char *graph_iri, FILE *out);

/** Runs a SPARQL query (SELECT, ASK, CONSTRUCT) over the union of graphs
 *  and writes the results to @p out in @p format: "table", "csv", "tsv",
 *  "json", "xml" (SELECT/ASK) or "turtle", "ntriples" (CONSTRUCT).
 *  Errors: NG_ERR_PARSE (query does not parse or uses what rasqal cannot
 *  run), NG_ERR_ARG (format), NG_ERR_RDF, NG_ERR_IO. */
NG_API NG_NODISCARD ng_status ng_store_query(ng_store *store,
                                             const char *sparql,
                                             const char *format, FILE *out);

/** Parses a syntax name ("turtle", "trig", "ntriples", "nquads",
 *  "rdfxml"); NG_ERR_ARG if unknown. */
NG_API NG_NODISCARD ng_status ng_syntax_parse(const char *name,
                                              ng_syntax *out);

/* ------------------------------------------------- output options (rdf) */

/** Extra output for ng_doc_write() and ng_store_add_doc(): with this bit
 *  the article's main text is written as a nif:Context and every entity
 *  mention as a nif:Phrase (VOCABULARY.md "Evidence and confidence"). */
#define NG_EMIT_NIF 1u

/** Selects extra output (a set of NG_EMIT_* bits; 0, the default, for
 *  none) for every later ng_doc_write() and ng_store_add_doc() on
 *  @p world. */
NG_API void ng_world_set_emit_flags(ng_world *world, unsigned flags);

/** Removes the named graph @p graph_iri from the store. NG_NOT_FOUND if
 *  the store has no such graph; NG_ERR_RDF. */
NG_API NG_NODISCARD ng_status ng_store_remove_graph(ng_store *store,
                                                    const char *graph_iri);

/** Writes the store's graph IRIs to @p out, sorted, one a line.
 *  Errors: NG_ERR_IO, NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_store_write_graphs(ng_store *store,
                                                    FILE *out);

/** Counts the store's named graphs and quads (by iterating: BDB stores
 *  cannot tell their size). Errors: NG_ERR_RDF, NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_store_count(ng_store *store,
                                             size_t *n_graphs,
                                             size_t *n_quads);

#ifdef __cplusplus
}
#endif
#endif /* NEWSGRAPH_H */
