/* SPDX-License-Identifier: MIT */
/* Feeds: RSS 0.9x/1.0/2.0, Atom, news sitemaps and sitemap indexes parsed
 * with libxml2 into a list of article URLs with their feed dates, and feed
 * autodiscovery in HTML pages. Fetching goes through ng_doc_load(). */
#ifndef NG_FEED_H
#define NG_FEED_H

#include "doc.h"
#include "world.h"

/* Most items one ng_feed holds; more are dropped with a warning. */
#define NG_FEED_MAX_ITEMS 100000

/* Most child sitemaps read from one sitemap index. */
#define NG_FEED_MAX_CHILDREN 1000

/* What a parsed document turned out to be. */
enum ng_feed_kind {
  NG_FEED_UNKNOWN,       /* none of the below */
  NG_FEED_RSS,           /* RSS 0.9x or 2.0 (<rss>) */
  NG_FEED_RDF,           /* RSS 0.90 or 1.0 (<rdf:RDF>) */
  NG_FEED_ATOM,          /* Atom 1.0 or 0.3 (<feed>) */
  NG_FEED_SITEMAP,       /* <urlset>, with or without news:news */
  NG_FEED_SITEMAP_INDEX, /* <sitemapindex>: links to more sitemaps */
  NG_FEED_HTML           /* an HTML page: links to its feeds */
};

struct ng_feed_item {
  char *url;     /* absolute http(s) article URL, no fragment (owned) */
  char date[11]; /* the item's publication date, xsd:date, or "" */
};

/* A list of items, duplicates (same URL) removed. */
struct ng_feed {
  struct ng_feed_item *items; /* in document order */
  size_t n, cap;              /* used and allocated entries */
  size_t *slots;              /* open-addressing set: item index + 1 */
  size_t n_slots;             /* a power of two, or 0 */
  bool full_warned;           /* NG_FEED_MAX_ITEMS reached and reported */
};

/* Frees every item of @p f and zeroes it (reusable afterwards). */
void ng__feed_clear(struct ng_feed *f);

/* Appends @p url (copied; the '#fragment' is cut off) with @p date
 * ("YYYY-MM-DD" or NULL/"") unless the list already has that URL; an
 * existing item without a date takes @p date. NG_NOT_FOUND if it was a
 * duplicate or the list is full (NG_FEED_MAX_ITEMS), NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__feed_add(struct ng_feed *f, const char *url,
                                    const char *date);

/* Converts a feed date to xsd:date "YYYY-MM-DD" in *out: RFC 822 / RFC
 * 1123 dates as RSS 2.0 pubDate has them ("Sun, 02 Mar 2025 09:30:00
 * +0100", a two-digit year meaning 19xx/20xx as RFC 2822 4.3 says) and
 * ISO 8601 / W3C-DTF dates as Atom, dc:date and news:publication_date
 * have them. The calendar date is the one written (no time-zone shift).
 * False if @p s is neither. */
bool ng__feed_parse_date(const char *s, char out[11]);

/* True if @p data (@p len bytes, UTF-8) is not an HTML page and its XML
 * root element is a feed or sitemap (rss, RDF, feed, urlset,
 * sitemapindex): a list of articles, never one (ng_doc_parse()). */
bool ng__feed_is_feed(const char *data, size_t len);

/* Parses the @p len bytes at @p data (named @p name in messages) as a
 * feed; @p content_type (may be NULL) gives an HTML page's charset to
 * charset.c. @p base is the document's URL (after redirects) against which
 * relative links resolve, after any xml:base (may be NULL). Article items
 * go to @p items; the URLs to read next (a sitemap index's sitemaps, an
 * HTML page's RSS/Atom alternates) go to @p next. *kind says what the
 * document was. Errors: NG_ERR_PARSE (neither a feed nor HTML; message
 * names @p name), NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__feed_parse(ng_world *world, const char *name,
                                      const char *data, size_t len,
                                      const char *content_type,
                                      const char *base,
                                      struct ng_feed *items,
                                      struct ng_feed *next,
                                      enum ng_feed_kind *kind);

#endif
