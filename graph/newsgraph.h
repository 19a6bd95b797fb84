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

/** Writes the main text and metadata as one JSON object (json-c) on one
 *  line to @p out: "input" (the input as given), "url", "iri",
 *  "headline", dates, "authors", "publisher", "language", "text".
 *  NG_ERR_IO on a write error, NG_ERR_NOMEM. */
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

/** Looks up the HTTP validators kept for @p url, a URL as it was
 *  requested before redirects (an article fetched over HTTP keeps its
 *  ng:requestedUrl, ng:httpETag and ng:httpLastModified in its graph), for
 *  a conditional request with ng_crawl_add(). *etag and *last_modified
 *  are new strings (free with free()) or NULL: both NULL when the store
 *  has no article from that URL, or several (the page moved). Errors:
 *  NG_ERR_ARG, NG_ERR_RDF, NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_store_get_validators(ng_store *store,
                                                      const char *url,
                                                      char **etag,
                                                      char **last_modified);

/* ------------------------------------------- feeds and archives (feeds) */

/** The article URLs of a feed, with their feed dates. */
typedef struct ng_feed ng_feed;

/** Reads the feed @p input (an http(s) URL, fetched like ng_doc_load(), or
 *  a local file): RSS 0.9x, 1.0 (RDF) or 2.0, Atom, a sitemap (news
 *  sitemaps' news:publication_date read) or a sitemap index (each sitemap
 *  read, a failed one skipped with a warning). An HTML page is searched
 *  for <link rel="alternate" type="application/rss+xml|atom+xml"> and its
 *  first feed read. Item links are resolved against xml:base and the
 *  feed's URL (after redirects), fragments cut off, duplicates removed,
 *  and only http(s) URLs kept. *out is a new feed (free with
 *  ng_feed_free()), possibly empty. Errors: those of ng_doc_load(),
 *  NG_ERR_PARSE (not a feed, or an HTML page without one), NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_feed_load(ng_world *world, const char *input,
                                           ng_feed **out);

/** A new empty feed for ng_feed_read() (free with ng_feed_free()), or
 *  NULL when out of memory. */
NG_API ng_feed *ng_feed_new(void);

/** Reads the feed @p input as ng_feed_load() does and appends its articles
 *  to @p feed, skipping URLs @p feed already has (so several feeds give
 *  each article once; a repeated URL without a date takes the later
 *  feed's date). On an error @p feed is left as it was. Errors: those of
 *  ng_feed_load(), NG_ERR_ARG. */
NG_API NG_NODISCARD ng_status ng_feed_read(ng_world *world, ng_feed *feed,
                                           const char *input);

/** The number of articles in @p feed (0 for NULL). */
NG_API size_t ng_feed_count(const ng_feed *feed);

/** The absolute URL of article @p i (borrowed, valid until the feed is
 *  freed), or NULL when @p i is out of range. */
NG_API const char *ng_feed_url(const ng_feed *feed, size_t i);

/** The feed's publication date of article @p i as xsd:date "YYYY-MM-DD"
 *  (RSS pubDate or dc:date, Atom published, news:publication_date;
 *  never a modification date), or NULL when the feed gives none. */
NG_API const char *ng_feed_date(const ng_feed *feed, size_t i);

/** Frees @p feed (NULL is a no-op). */
NG_API void ng_feed_free(ng_feed *feed);

/** Sets a fallback publication date ("YYYY-MM-DD", copied), such as a
 *  feed's date for the article: used only when neither --date
 *  (ng_doc_set_date()) nor the page itself gives one. On a parsed doc it
 *  takes effect at once; call it after ng_doc_parse() (and before
 *  ng_doc_extract()). NG_ERR_ARG if @p date is not a valid date,
 *  NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_doc_set_fallback_date(ng_doc *doc,
                                                       const char *date);

/** A WARC file being read record by record. */
typedef struct ng_warc ng_warc;

/** True if @p input names a local WARC file: it ends in ".warc" or
 *  ".warc.gz" (ASCII case ignored) and is not an http(s) URL (remote
 *  archives are not streamed). */
NG_API bool ng_warc_is_input(const char *input);

/** Opens the WARC 1.0/1.1 file @p path (plain, or gzip with one member per
 *  record as Common Crawl writes it, or one gzip stream) for streaming:
 *  memory use does not grow with the file. Errors: NG_ERR_IO (cannot
 *  open), NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_warc_open(ng_world *world, const char *path,
                                           ng_warc **out);

/** Reads on to the next article: a response record with an HTTP 2xx HTML
 *  payload (or a resource record with HTML). The doc's URL is the record's
 *  WARC-Target-URI (as if fetched from it), its retrieval time the
 *  WARC-Date, and the HTTP header's Content-Type charset is passed to the
 *  charset detection. Other records (warcinfo, request, metadata,
 *  revisit, non-HTML or non-2xx responses) are skipped. Returns NG_OK with
 *  *out a new doc (free with ng_doc_free()), NG_NOT_FOUND at the end of
 *  the file, NG_ERR_IO on a read error (stop), or, for a truncated or
 *  corrupt record, NG_ERR_PARSE / NG_ERR_TOO_LARGE with a message naming
 *  the file and the record's offset: call again to read the records after
 *  it. NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_warc_next(ng_warc *warc, ng_doc **out);

/** The offset of the record ng_warc_next() last returned or reported: a
 *  byte offset in a plain file, the offset of the gzip member in a .gz
 *  file (the offset Common Crawl's indexes give). */
NG_API uint64_t ng_warc_offset(const ng_warc *warc);

/** Closes @p warc (NULL is a no-op). */
NG_API void ng_warc_free(ng_warc *warc);

/* ------------------------------------------------------- crawl (fetch) */

/** Sets a fetching option (value copied), or any ng_world_set_option()
 *  option. Fetching options and defaults:
 *  - "jobs": concurrent transfers of an ng_crawl, 1 to 1024 (default 1);
 *    at most 2 connections per host whatever the number
 *  - "delay": milliseconds between the starts of two requests to one host
 *    (default 1000; robots.txt Crawl-delay, up to 60 s, raises it)
 *  - "retries": retries of a URL after a timeout, a dropped connection,
 *    HTTP 429 or a 5xx status, 0 to 10 (default 2); the wait is
 *    Retry-After when given, else 1, 2, 4 ... seconds, at most 120 s
 *  - "allow-private": "1" fetches URLs that resolve to loopback, private,
 *    CGNAT, link-local or unspecified addresses (default "0": refused,
 *    also after redirects and for the address actually connected to)
 *  - "ignore-robots": "1" skips robots.txt (default "0": honoured)
 *  @return NG_OK, or NG_ERR_ARG for an unknown name or a bad value. */
NG_API NG_NODISCARD ng_status ng_world_set_fetch_option(ng_world *world,
                                                        const char *name,
                                                        const char *value);

/** Concurrent fetching of many URLs (libcurl multi interface). */
typedef struct ng_crawl ng_crawl;

/** A new, empty crawl on @p world (which must outlive it), with the
 *  world's fetching options. Errors: NG_ERR_FETCH (libcurl), NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_crawl_new(ng_world *world, ng_crawl **out);

/** Queues the URL @p url (copied), which starts with "http://" or
 *  "https://" (ignoring case; one that then does not parse fails in its
 *  turn in ng_crawl_next()). @p etag and @p last_modified,
 *  both may be NULL, are the validators of an earlier fetch of the URL
 *  (ng_crawl_validators()): the request is then conditional and an
 *  unchanged page is reported by ng_crawl_next() as NG_NOT_FOUND.
 *  Errors: NG_ERR_ARG (no http(s) scheme: not queued), NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_crawl_add(ng_crawl *crawl, const char *url,
                                           const char *etag,
                                           const char *last_modified);

/** Runs transfers until the next queued URL, in the order added, is
 *  done, and returns it: NG_OK with *out a new doc (free with
 *  ng_doc_free()), as ng_doc_load() would have made it; or its error
 *  (those of ng_doc_load(), NG_ERR_PARSE for a bot wall, consent wall,
 *  paywall stub, login wall or error page served as a page, and
 *  NG_NOT_FOUND for a page not modified since the validators given) with
 *  *out NULL and the world's message naming the URL and the reason.
 *  *url (may be NULL) is set to the URL as added (borrowed until the next
 *  call). Returns NG_NOT_FOUND with *url NULL when every URL was returned.
 *  Never blocks for longer than the timeouts, retries and delays allow. */
NG_API NG_NODISCARD ng_status ng_crawl_next(ng_crawl *crawl, const char **url,
                                            ng_doc **out);

/** The ETag and Last-Modified header values (NULL when absent) of the
 *  URL ng_crawl_next() last returned with NG_OK, for a later conditional
 *  fetch; borrowed until the next call. */
NG_API void ng_crawl_validators(const ng_crawl *crawl, const char **etag,
                                const char **last_modified);

/** Frees @p crawl, stopping transfers in flight (NULL is a no-op). */
NG_API void ng_crawl_free(ng_crawl *crawl);

/** The libcurl version and the content encodings and TLS library it was
 *  built with, one line (static), for --version and bug reports
 *  (FAULT-CASES F05). */
NG_API const char *ng_fetch_version(void);

/* ------------------------------------------- store inspection (storeq) */

/** ng_store_open_ex() flag: open for writing (build, remove). A writer
 *  holds an exclusive lock, readers a shared one (see ng_store_open_ex()). */
#define NG_STORE_WRITE 1u

/** Opens the store named by @p spec like ng_store_open(), with a lock:
 *  for a file store (SQLite, BDB) an flock(2) lock on a file beside it
 *  ("PATH.lock", or "DIR/newsgraph.lock"), exclusive with NG_STORE_WRITE
 *  in @p flags and shared without. Waits up to @p wait_seconds for another
 *  process's lock (0: fail at once). The lock is held until
 *  ng_store_free() and ends with the process, also on SIGKILL, so a
 *  killed build never leaves a stale lock. Two writers therefore never
 *  run at once, and readers never see a half-written BDB store (Redland
 *  has no locking for BDB) nor make a writer's SQLite commit fail. Memory
 *  and server stores are not locked (servers have their own). A reader
 *  does not create a missing SQLite file's indexes. ng_store_open() is
 *  ng_store_open_ex(world, spec, NG_STORE_WRITE, 60, out). Errors: those
 *  of ng_store_open(); NG_ERR_RDF when the lock is still held after
 *  @p wait_seconds (the message names the store and the lock file);
 *  NG_ERR_IO when the lock file cannot be opened. */
NG_API NG_NODISCARD ng_status ng_store_open_ex(ng_world *world,
                                               const char *spec,
                                               unsigned flags,
                                               double wait_seconds,
                                               ng_store **out);

/** Writes one line per article graph, sorted by graph IRI, after a header
 *  line: graph IRI, publication date (schema:datePublished of the article
 *  node, its lexical form: xsd:date or xsd:dateTime), number of triples,
 *  headline. @p format is "tsv" (NULL; tabs and line breaks inside a
 *  headline become spaces), "csv" (RFC 4180, CRLF) or "json" (an array of
 *  objects with "graph", "date", "triples", "headline"; null when
 *  absent). Reads one graph at a time. Errors: NG_ERR_ARG (format),
 *  NG_ERR_RDF, NG_ERR_IO, NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_store_write_graph_list(ng_store *store,
                                                        const char *format,
                                                        FILE *out);

/** Writes the store's totals: lines "graphs N" and "quads N", then per
 *  entity class (VOCABULARY.md "Entities") "entity CLASS N" with the
 *  number of distinct entities of that class, per event class "event
 *  CLASS N" (distinct event nodes), and per binary relation "relation
 *  PROPERTY N M": N distinct facts (a symmetric one counted once whichever
 *  way it is written) and M statements of it over all article graphs.
 *  Names are prefixed ("ng:Person"). @p format: "tsv" (NULL), "csv", or
 *  "json" (one object: graphs, quads, entities, events, relations).
 *  Memory grows with the number of distinct entities and facts (keys are
 *  sorted to count them once). Errors: NG_ERR_ARG, NG_ERR_RDF, NG_ERR_IO,
 *  NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_store_write_stats(ng_store *store,
                                                   const char *format,
                                                   FILE *out);

/** Writes what the store knows about the entity @p name: an entity IRI
 *  (one with an rdf:type in the store), or a name matched against every
 *  rdfs:label and skos:altLabel ignoring case (ASCII, Latin-1, Latin
 *  Extended-A, Greek and Cyrillic letters; all matches are written, a
 *  blank line between them). The name is compared in C and never put into
 *  query text, so quotes, backslashes, braces and line breaks in it are
 *  harmless. Per entity (tab-separated lines): "entity IRI", "class",
 *  "label", "altLabel" and "sameAs" lines, then a header line and one line
 *  per binary fact it takes part in: relation ("^ng:hosts" when the entity
 *  is the object of a directed relation; symmetric relations have no "^"),
 *  followed by " (planned)", " (reported)" or " (denied)" when no article
 *  asserts it (from the facts' rdf:Statement nodes and their ng:modality;
 *  a denied fact is never a plain triple and comes from its statement),
 *  the other entity's label and IRI, the number of article graphs that
 *  state the fact, the first and last of their publication dates
 *  (xsd:date part), and their IRIs, space-separated. Facts are sorted by
 *  support, most first. Errors: NG_NOT_FOUND (no such entity; message
 *  names it), NG_ERR_RDF, NG_ERR_IO, NG_ERR_NOMEM. */
/** Says whether everything read from @p store since it was opened was
 *  read in full: librdf's storage modules report a damaged file (SQLite:
 *  "database disk image is malformed") only as a logged error, after which
 *  a query, export or count simply ends early, so a reading command calls
 *  this after its output. NG_OK, or NG_ERR_RDF when a storage error was
 *  logged (the message names the store and gives the storage's words);
 *  NG_ERR_ARG for a NULL store. Never changes the store. */
NG_API NG_NODISCARD ng_status ng_store_check(ng_store *store);

NG_API NG_NODISCARD ng_status ng_store_write_entity(ng_store *store,
                                                    const char *name,
                                                    FILE *out);

/** ng_store_query() with a time limit: when @p timeout_seconds > 0 the
 *  query runs in a child process (fork(2)) that is killed once the limit
 *  has passed, because rasqal cannot be interrupted and may spend all its
 *  time before the first row. The results stream to @p out as they come;
 *  after a timeout what was written may be incomplete. The limit is
 *  checked continuously (poll(2)), so the granularity is milliseconds
 *  plus the time to kill the process. @p timeout_seconds <= 0: no limit,
 *  same as ng_store_query(). Errors: those of ng_store_query();
 *  NG_ERR_TOO_LARGE when the time limit was reached; NG_ERR_IO when the
 *  process cannot be started. */
NG_API NG_NODISCARD ng_status ng_store_query_ex(ng_store *store,
                                                const char *sparql,
                                                const char *format,
                                                double timeout_seconds,
                                                FILE *out);

/* ------------------------------------------- push to a server (servers) */

/** ng_store_push() flag: send SPARQL 1.1 Update requests (DROP SILENT
 *  GRAPH, then INSERT DATA) instead of Graph Store Protocol PUTs, for
 *  endpoints that only take updates. */
#define NG_PUSH_UPDATE 1u

/** Sends the store's article graphs, or only @p graph_iri when not NULL,
 *  to the triple store at @p endpoint (an http:// or https:// URL), one
 *  request per graph, with libcurl:
 *  - by default the SPARQL 1.1 Graph Store HTTP Protocol: PUT
 *    ENDPOINT?graph=IRI (or &graph= when the URL has a query) with the
 *    graph as N-Triples (application/n-triples), which replaces the graph,
 *    so pushing twice leaves the same triples (idempotent);
 *  - with NG_PUSH_UPDATE in @p flags, SPARQL 1.1 Update: POST of
 *    application/sparql-update "DROP SILENT GRAPH <IRI> ; INSERT DATA {
 *    GRAPH <IRI> { ... } }", equally idempotent.
 *  @p userpwd ("USER:PASSWORD", may be NULL) gives the credentials; when
 *  NULL they come from ~/.netrc if it has the host. Basic or digest
 *  authentication, whichever the server asks for. Redirects are not
 *  followed. *n_graphs and *n_triples (may be NULL) are set to what was
 *  sent successfully. A graph that fails stops the push.
 *  Errors: NG_ERR_ARG (bad endpoint, or a graph IRI that cannot be
 *  written in SPARQL), NG_NOT_FOUND (no such graph), NG_ERR_FETCH
 *  (transport), NG_ERR_HTTP (status >= 300, with the start of the answer
 *  in the message), NG_ERR_RDF, NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_store_push(ng_store *store,
                                            const char *endpoint,
                                            const char *graph_iri,
                                            const char *userpwd,
                                            unsigned flags, size_t *n_graphs,
                                            size_t *n_triples);

/** ng_store_push() with a time limit on the whole push: when
 *  @p timeout_seconds > 0, no request starts after it and a request in
 *  flight is cut at it (NG_ERR_FETCH naming the endpoint); <= 0: no
 *  limit on the whole. Whatever the limit, every request ends after 300 s
 *  (NG_ERR_FETCH "no answer within 300 s" and where the right endpoint is
 *  on Virtuoso and Fuseki: a Graph Store PUT sent to Virtuoso's query
 *  endpoint is never answered). With NG_PUSH_UPDATE, what is known to
 *  be a wrong endpoint is refused: an HTML query form answered with 200
 *  (Virtuoso's Graph Store endpoint does that and stores nothing) is
 *  NG_ERR_HTTP; and after the first graph with triples, a SPARQL query to
 *  the same URL counts that graph's triples there (when the endpoint
 *  answers queries with SPARQL JSON results; otherwise nothing is
 *  checked): none is NG_ERR_HTTP. Errors: those of ng_store_push(). */
NG_API NG_NODISCARD ng_status ng_store_push_ex(ng_store *store,
                                               const char *endpoint,
                                               const char *graph_iri,
                                               const char *userpwd,
                                               unsigned flags,
                                               double timeout_seconds,
                                               size_t *n_graphs,
                                               size_t *n_triples);

/* ------------------------------------------ parallel extraction (pool) */

/** Worker threads that run one function over many tasks and hand the
 *  tasks back in the order they were added (an ordered parallel map), so
 *  that what is made from them does not depend on the number of threads.
 *  One pool world is shared read-only; each worker has its own world
 *  (its own message and buffers); Redland, libcurl and the options stay
 *  on the thread that made the pool. */
typedef struct ng_pool ng_pool;

/** The work done for one task on a worker thread. @p world is that
 *  worker's own world: it shares the pool world's options and lexicons
 *  read-only and keeps its own last message; what is logged on it is
 *  held with the task and passed to the pool world's sink, in order, by
 *  ng_pool_next(). Use it with ng_doc_load() (files and standard input),
 *  ng_doc_parse(), ng_doc_extract(), ng_doc_write_json() and ng_doc_write()
 *  in any syntax but NG_SYNTAX_RDFXML; never with a store, a crawl, a WARC
 *  reader, a feed, RDF/XML output or an ng_world_set_* function, and
 *  never free it. Returns the task's status. */
typedef ng_status (*ng_pool_fn)(ng_world *world, void *task);

/** ng_pool_new() flag: the tasks extract (ng_doc_extract()), so the
 *  lexicons are loaded before the threads start. */
#define NG_POOL_EXTRACT 1u

/** A new pool of @p n_jobs worker threads (1 to 1024) running @p fn on
 *  @p world (which must outlive the pool, and is used from the calling
 *  thread only). With @p n_jobs 1, or when the lexicons cannot be loaded
 *  (NG_POOL_EXTRACT) or no thread can be started, there is no thread:
 *  ng_pool_next() runs @p fn on @p world itself, on the calling thread,
 *  so each task then fails as it would without a pool (fewer threads
 *  than asked when only some start). Free with ng_pool_free().
 *  Errors: NG_ERR_ARG, NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_pool_new(ng_world *world, unsigned n_jobs,
                                          unsigned flags, ng_pool_fn fn,
                                          ng_pool **out);

/** Holds what is logged on the pool world from now until the next
 *  ng_pool_add(), which attaches it to its task: ng_pool_next() passes it
 *  to the sink just before the task's own messages. For work done on the
 *  calling thread for a task (fetching it, reading a WARC record), so its
 *  messages keep their place among the tasks'. */
NG_API void ng_pool_hold(ng_pool *pool);

/** Queues @p task (borrowed until ng_pool_next() or ng_pool_cancel()
 *  returns it) for @p fn; never blocks. Errors: NG_ERR_ARG, NG_ERR_NOMEM
 *  (not queued). */
NG_API NG_NODISCARD ng_status ng_pool_add(ng_pool *pool, void *task);

/** True when enough tasks are queued to keep every worker busy: call
 *  ng_pool_next() before adding more, which bounds the memory held. */
NG_API bool ng_pool_is_full(const ng_pool *pool);

/** Waits until the oldest queued task is done, passes what was logged
 *  for it to the pool world's sink (held messages first, errors also
 *  recorded as the world's message) and returns it: NG_OK with *task the
 *  task and *task_st what @p fn returned; NG_NOT_FOUND with *task NULL
 *  when no task is queued. */
NG_API NG_NODISCARD ng_status ng_pool_next(ng_pool *pool, void **task,
                                           ng_status *task_st);

/** Removes and returns the oldest queued task without passing on its
 *  messages (after waiting for it if a worker has started it), or NULL:
 *  for giving up on the rest of the queue. */
NG_API void *ng_pool_cancel(ng_pool *pool);

/** Stops the workers and frees @p pool (NULL is a no-op); tasks still
 *  queued are dropped (get them back first with ng_pool_cancel()). */
NG_API void ng_pool_free(ng_pool *pool);

/* ------------------------------------------------------- doc counts */

/** Sets each non-NULL pointer to what ng_doc_extract() found in @p doc:
 *  entities, binary facts (relations between two entities) and events;
 *  all 0 when @p doc is NULL or not extracted. O(1); safe on a pool
 *  worker. For progress lines and summaries (issue 8). */
NG_API void ng_doc_get_counts(const ng_doc *doc, size_t *n_entities,
                              size_t *n_facts, size_t *n_events);

/** Sets *n_quads to the number of quads ng_doc_write() would write for
 *  @p doc (extracting it first if needed; the world's emit flags apply),
 *  without writing them: the graph is built and dropped, so this costs
 *  about as much as writing it. Safe on a pool worker. Errors: those of
 *  ng_doc_extract(), NG_ERR_ARG (a NULL argument), NG_ERR_NOMEM. */
NG_API NG_NODISCARD ng_status ng_doc_count_quads(ng_world *world,
                                                 ng_doc *doc,
                                                 size_t *n_quads);

/** Asks whether the work under way should stop (see ng_world_set_cancel);
 *  called often, on the thread doing the work: keep it cheap, such as
 *  reading a flag a SIGINT or SIGTERM handler sets. */
typedef bool (*ng_cancel_fn)(void *handle);

/** Makes every fetch on @p world (ng_doc_load() of a URL, a crawl) stop
 *  once @p cancelled (called with @p handle) returns true: a stalled
 *  transfer, a retry wait or a queued URL then fails within about a second
 *  with NG_ERR_FETCH and the message "cannot fetch URL: interrupted",
 *  instead of after its timeouts and retries (up to about 93 s with the
 *  defaults). @p handle is borrowed; a NULL @p cancelled removes the hook.
 *  A robots.txt read cut short is not remembered as the host's answer. */
NG_API void ng_world_set_cancel(ng_world *world, ng_cancel_fn cancelled,
                                void *handle);

#ifdef __cplusplus
}
#endif
#endif /* NEWSGRAPH_H */
