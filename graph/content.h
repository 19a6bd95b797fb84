/* SPDX-License-Identifier: MIT */
/* Main-content extraction (boilerplate removal), plain-text input, and
 * ng_doc_parse() / ng_doc_write_json(). */
#ifndef NG_CONTENT_H
#define NG_CONTENT_H

#include "doc.h"
#include "html.h"
#include "world.h"

/* Finds the article body in the parsed page @p html and returns it as
 * plain text in *out (new string, free with free(); *out_len bytes):
 * paragraphs joined by "\n\n", whitespace inside a paragraph collapsed,
 * trimmed. @p headline (may be NULL) is dropped where it repeats as a
 * paragraph. *out is "" when nothing article-like is found. Errors:
 * NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__content_extract(ng_world *world, xmlDocPtr html,
                                           const char *headline, char **out,
                                           size_t *out_len);

/* Turns plain-text input @p text (UTF-8, @p len bytes) into the doc's
 * main text: an optional leading front-matter block of "key: value" lines
 * (url, title, date, publisher, author, language) ended by a "---" line
 * fills doc->meta; a leading "date YYYY-MM-DD" token sets the date;
 * line-wrapped paragraphs are joined, blank lines separate paragraphs.
 * Errors: NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__content_plain(ng_world *world, struct ng_doc *doc,
                                         const char *text, size_t len);

#endif
