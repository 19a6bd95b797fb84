/* SPDX-License-Identifier: MIT */
/* Input loading: the INPUT syntax of ARCHITECTURE.md (URL, file, .gz, "-")
 * into a doc, plus the article-IRI rules of VOCABULARY.md "Graph layout".
 * Knows nothing of HTML structure. */
#ifndef NG_INPUT_H
#define NG_INPUT_H

#include "doc.h"
#include "world.h"

/* Decompresses the gzip (or zlib) data at @p data, @p len bytes, including
 * concatenated gzip members (RFC 1952 2.2). The decompressed size is capped
 * at @p cap bytes. On success *out is a new NUL-terminated buffer (free
 * with free()) of *out_len bytes. Errors: NG_ERR_TOO_LARGE (over the cap),
 * NG_ERR_PARSE (not valid compressed data or truncated; the message names
 * @p name), NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__input_gunzip(ng_world *world, const char *name,
                                        const char *data, size_t len,
                                        size_t cap, char **out,
                                        size_t *out_len);

/* True if the first bytes of @p s (@p len bytes) look like HTML markup
 * (a tag such as <html>, <!doctype, <p or <div near the start), false for
 * plain text. */
bool ng__input_is_markup(const char *s, size_t len);

/* True if the first 4096 bytes of @p raw (@p len bytes) look like binary
 * data rather than text in any encoding: a NUL byte, or more than 10 % C0
 * controls other than TAB, LF, FF and CR (or DEL); a UTF-16 BOM exempts
 * the data (Encoding Standard BOM sniffing). */
bool ng__input_looks_binary(const char *raw, size_t len);

/* True if @p s is an absolute IRI: a scheme (RFC 3987 3.1), ':', at least
 * one more character, and none of the characters IRIs never contain
 * (controls, space, <>"{}|^`\). */
bool ng__input_is_abs_iri(const char *s);

/* A new copy of the absolute URL @p s made into a valid IRI: spaces,
 * controls and the characters <>"{}|^`\ are percent-encoded, an invalid
 * UTF-8 byte as %XX, and any '#fragment' is kept. Free with free(). NULL
 * when out of memory. */
char *ng__input_iri_clean(const char *s);

/* Resolves @p ref against @p base (RFC 3986 5.2; base may be NULL) and
 * checks that the result can be a canonical article URL (VOCABULARY.md
 * "Graph layout", FAULT-CASES M14): http or https, a non-empty host, and
 * not just the site root. Returns a new IRI (free with free()) or NULL if
 * it is unusable or out of memory. */
char *ng__input_resolve_article_url(const char *base, const char *ref);

/* Sets doc->iri from, in order: doc->user_url, doc->meta.canonical_url,
 * doc->final_url, else "urn:sha256:<hex of doc->raw>" (VOCABULARY.md
 * "Graph layout"). Errors: NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__input_set_iri(struct ng_doc *doc);

/* True if @p s is a valid xsd:date "YYYY-MM-DD" (month lengths and leap
 * years checked, year 0001-9999). */
bool ng__input_is_date(const char *s);

#endif
