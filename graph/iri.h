/* SPDX-License-Identifier: MIT */
/* IRI minting: entity slugs ({base}person/vladimir-putin), content-hash IRIs
 * for statements and events, and sanitising IRIs taken from input. Knows
 * the IRI rules (RFC 3987, Turtle IRIREF), not the vocabulary. */
#ifndef NG_IRI_H
#define NG_IRI_H

#include "doc.h"
#include "world.h"

/* Longest slug in bytes (VOCABULARY.md "Graph layout": slugs are ASCII). */
#define NG_SLUG_MAX 80

/* Writes the slug of @p label (UTF-8, NUL-terminated) into @p out, which
 * has room for NG_SLUG_MAX + 1 bytes. The rule (VOCABULARY.md "Graph
 * layout", FAULT-CASES.md T05/T11): each code point is folded to ASCII
 * (compatibility decomposition, combining marks dropped, a table for
 * letters that do not decompose: ß→ss, ø→o, æ→ae, đ→d, ł→l, þ→th); ASCII
 * letters are lower-cased; every run of other characters becomes one "-";
 * leading and trailing "-" are trimmed; the result is cut to NG_SLUG_MAX
 * bytes at a "-" where possible. A label that leaves nothing (only
 * non-Latin letters or punctuation) gets "x-" and the first 16 hex digits
 * of the SHA-256 of its bytes, so the slug is never empty. Never fails. */
void ng__iri_slug(const char *label, char out[NG_SLUG_MAX + 1]);

/* The IRI path segment of an entity type: "person", "country", "city",
 * "place" or "organization" (every organization subclass shares
 * "organization", so one organization keeps one IRI whatever its
 * subclass). Static string. */
const char *ng__iri_type_segment(enum ng_etype type);

/* Sets *out to the entity IRI "{base}{segment}/{slug}" for an entity of
 * @p type named @p label (free with free()). NG_ERR_NOMEM on failure
 * (*out is NULL). */
NG_NODISCARD ng_status ng__iri_entity(const ng_world *world,
                                      enum ng_etype type, const char *label,
                                      char **out);

/* Sets *out to a copy of @p iri in which every byte not allowed in a Turtle
 * IRIREF (controls, space, <>"{}|^`\) and every invalid UTF-8 byte is
 * percent-encoded (FAULT-CASES.md T05: "a b" → "a%20b"); existing "%XX"
 * escapes are kept. Free with free(). NG_ERR_NOMEM on failure. */
NG_NODISCARD ng_status ng__iri_sanitize(const char *iri, char **out);

/* True if @p iri is absolute (a scheme of letters, digits, "+-." then ":")
 * and has no character a Turtle IRIREF forbids (T05, T10). */
bool ng__iri_is_valid(const char *iri);

/* Sets *out to the IRI that article-scoped nodes hang off with "#...":
 * the article IRI itself, or, when the article IRI already has a
 * fragment, "{base}article/{first 16 hex of sha256(article IRI)}" (a
 * second '#' would make an invalid IRI). Free with free(). NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__iri_fragment_base(const ng_world *world,
                                             const char *article,
                                             char **out);

/* Sets *out to "{fragment base}#{prefix}-{first 16 hex of sha256 of the
 * @p len bytes at @p content}", e.g. "…#event-visit-0123456789abcdef" or
 * "…#fact-…": the same content gives the same IRI in every run
 * (VOCABULARY.md "Events and figures"). Free with free(). NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__iri_hashed(const ng_world *world,
                                      const char *article, const char *prefix,
                                      const char *content, size_t len,
                                      char **out);

#endif
