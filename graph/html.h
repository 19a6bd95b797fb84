/* SPDX-License-Identifier: MIT */
/* HTML parsing with libxml2's HTML parser into a tree for meta.c and
 * content.c, and the small tree helpers both use. No policy. */
#ifndef NG_HTML_H
#define NG_HTML_H

#include "buf.h"
#include "doc.h"
#include "world.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/* Parses @p len bytes of UTF-8 HTML at @p utf8 (already transcoded, so
 * any <meta charset> is ignored) with @p url as the document URL (may be
 * NULL). Options RECOVER|NOERROR|NOWARNING|NONET|IGNORE_ENC, never HUGE.
 * *out is a new tree (free with xmlFreeDoc()). Errors: NG_ERR_PARSE when
 * libxml2 gives no tree at all (message names @p name), NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__html_parse(ng_world *world, const char *name,
                                      const char *utf8, size_t len,
                                      const char *url, xmlDocPtr *out);

/* The next node after @p cur in document order within the subtree of
 * @p root, descending into @p cur's children unless @p skip_children.
 * Iterative (no recursion), so 100,000-deep trees are safe. NULL at the
 * end of the subtree. */
xmlNodePtr ng__html_next(xmlNodePtr root, xmlNodePtr cur, bool skip_children);

/* True if @p n is an element named @p tag (lower case). */
bool ng__html_is(const xmlNode *n, const char *tag);

/* The value of attribute @p name of element @p n (borrowed, valid while
 * the tree lives), or NULL. Entities are already decoded, exactly once. */
const char *ng__html_attr(const xmlNode *n, const char *name);

/* Appends the text of @p n's subtree to @p b with every run of whitespace
 * collapsed to one space (no leading space at the start of @p b), skipping
 * script, style, noscript and template. Errors as ng__buf_add(). */
NG_NODISCARD ng_status ng__html_text(xmlNodePtr n, struct ng_buf *b);

/* A new string with the text of @p n (as ng__html_text, trimmed), or NULL
 * when out of memory. Free with free(). */
char *ng__html_text_dup(xmlNodePtr n);

/* Collapses whitespace runs in @p s (in place) to single spaces and trims
 * both ends; returns the new length. Whitespace here includes NBSP. */
size_t ng__html_collapse(char *s, size_t len);

#endif
