/* SPDX-License-Identifier: MIT */
/* Feeds: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, sitemaps (with Google News
 * news:news) and sitemap indexes read with libxml2's XML parser into
 * article URLs and dates; RSS/Atom autodiscovery in HTML pages. */
#include "feed.h"

#include "buf.h"
#include "charset.h"
#include "hash.h"
#include "html.h"
#include "input.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

/* How deep sitemap indexes may point to further indexes (the sitemaps.org
 * protocol says an index lists sitemaps only; one extra level is
 * tolerated). */
#define MAX_DEPTH 3

/* --------------------------------------------------------------- the list */

void
ng__feed_clear(struct ng_feed *f)
{
  if (!f) {
    return;
  }
  for (size_t i = 0; i < f->n; i++) {
    free(f->items[i].url);
  }
  free(f->items);
  free(f->slots);
  memset(f, 0, sizeof *f);
}

/* FNV-1a over @p s: the hash of the duplicate set. */
static uint64_t
hash_str(const char *s)
{
  return ng__fnv1a64(s, strlen(s));
}

/* The slot of @p url in the set: where it is, or the empty slot where it
 * would go. The set is never full (load kept under one half). */
static size_t
find_slot(const struct ng_feed *f, const char *url)
{
  size_t mask = f->n_slots - 1;
  size_t i = (size_t)hash_str(url) & mask;
  while (f->slots[i] != 0 && strcmp(f->items[f->slots[i] - 1].url, url) != 0) {
    i = (i + 1) & mask;
  }
  return i;
}

/* Doubles the set (or makes the first one) and re-inserts every item. */
static ng_status
grow_set(struct ng_feed *f)
{
  size_t n = f->n_slots ? 2 * f->n_slots : 64;
  size_t *slots = calloc(n, sizeof *slots);
  if (!slots) {
    return NG_ERR_NOMEM;
  }
  free(f->slots);
  f->slots = slots;
  f->n_slots = n;
  for (size_t k = 0; k < f->n; k++) {
    f->slots[find_slot(f, f->items[k].url)] = k + 1;
  }
  return NG_OK;
}

ng_status
ng__feed_add(struct ng_feed *f, const char *url, const char *date)
{
  ng_status st;
  size_t len = strcspn(url, "#");
  if (len == 0) {
    return NG_NOT_FOUND;
  }
  char *u = strndup(url, len);
  if (!u) {
    return NG_ERR_NOMEM;
  }
  if (2 * (f->n + 1) > f->n_slots && (st = grow_set(f)) != NG_OK) {
    free(u);
    return st;
  }
  size_t slot = find_slot(f, u);
  if (f->slots[slot] != 0) {
    struct ng_feed_item *it = &f->items[f->slots[slot] - 1];
    if (!it->date[0] && date && ng__input_is_date(date)) {
      memcpy(it->date, date, 11);
    }
    free(u);
    return NG_NOT_FOUND;
  }
  if (f->n >= NG_FEED_MAX_ITEMS) {
    free(u);
    return NG_NOT_FOUND;
  }
  if (f->n == f->cap) {
    size_t ncap = f->cap ? 2 * f->cap : 32;
    struct ng_feed_item *p = realloc(f->items, ncap * sizeof *p);
    if (!p) {
      free(u);
      return NG_ERR_NOMEM;
    }
    f->items = p;
    f->cap = ncap;
  }
  struct ng_feed_item *it = &f->items[f->n];
  it->url = u;
  it->date[0] = '\0';
  if (date && ng__input_is_date(date)) {
    memcpy(it->date, date, 11);
  }
  f->slots[slot] = ++f->n;
  return NG_OK;
}

/* --------------------------------------------------------------- dates */

/* Reads @p max digits at most (at least @p min) at *p into *v. */
static bool
digits(const char **p, int min, int max, int *v)
{
  int n = 0, x = 0;
  while (n < max && (*p)[n] >= '0' && (*p)[n] <= '9') {
    x = x * 10 + ((*p)[n] - '0');
    n++;
  }
  if (n < min) {
    return false;
  }
  *p += n;
  *v = x;
  return true;
}

/* Writes y-m-d to @p out if it is a real date. */
static bool
put_date(int y, int m, int d, char out[11])
{
  char tmp[16];
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
    return false;
  }
  snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
  if (!ng__input_is_date(tmp)) {
    return false;
  }
  memcpy(out, tmp, 11);
  return true;
}

/* ISO 8601 calendar date as W3C-DTF (a profile of ISO 8601) writes it:
 * "YYYY-MM-DD" optionally followed by "T..." or a space and a time. */
static bool
iso_date(const char *s, char out[11])
{
  int y, m, d;
  const char *p = s;
  if (!digits(&p, 4, 4, &y) || *p++ != '-' || !digits(&p, 2, 2, &m) ||
      *p++ != '-' || !digits(&p, 2, 2, &d)) {
    return false;
  }
  if (*p && *p != 'T' && *p != 't' && *p != ' ') {
    return false;
  }
  return put_date(y, m, d, out);
}

/* RFC 822 5.1 / RFC 2822 3.3 date: [day ","] DD Mon YYYY [time zone]. */
static bool
rfc822_date(const char *s, char out[11])
{
  static const char *const months[] = {"jan", "feb", "mar", "apr",
                                       "may", "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"};
  const char *p = s;
  int d, y, m = 0;
  const char *comma = strchr(p, ',');
  if (comma && comma - p <= 12) {
    p = comma + 1;
  }
  while (*p == ' ' || *p == '\t') {
    p++;
  }
  if (!digits(&p, 1, 2, &d)) {
    return false;
  }
  while (*p == ' ' || *p == '-') {
    p++;
  }
  for (size_t k = 0; k < ARRAY_LEN(months); k++) {
    if (strncasecmp(p, months[k], 3) == 0) {
      m = (int)k + 1;
      break;
    }
  }
  if (m == 0) {
    return false;
  }
  while (*p && *p != ' ' && *p != '-') {
    p++; /* "Mar" or "March" */
  }
  while (*p == ' ' || *p == '-') {
    p++;
  }
  const char *ys = p;
  if (!digits(&p, 2, 4, &y) || p - ys == 3) {
    return false;
  }
  if (p - ys == 2) {
    y += y < 50 ? 2000 : 1900; /* RFC 2822 4.3 */
  }
  return put_date(y, m, d, out);
}

bool
ng__feed_parse_date(const char *s, char out[11])
{
  if (!s) {
    return false;
  }
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
    s++;
  }
  return iso_date(s, out) || rfc822_date(s, out);
}

/* ------------------------------------------------------------- the tree */

/* libxml2 reports through global handlers even with NOERROR on some
 * paths, and raptor installs a printing one: both are silenced while our
 * parse runs (the library never prints). */
static void
quiet_error(void *ctx, const char *msg, ...)
{
  (void)ctx;
  (void)msg;
}

static void
quiet_structured(void *ctx, xmlErrorPtr err)
{
  (void)ctx;
  (void)err;
}

/* True if @p n is an element with local name @p name (any namespace). */
static bool
is_elem(const xmlNode *n, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE && n->name &&
         strcmp((const char *)n->name, name) == 0;
}

/* The first child element of @p n with local name @p name, or NULL. */
static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
    if (is_elem(c, name)) {
      return c;
    }
  }
  return NULL;
}

/* The attribute @p name (no namespace) of @p n, or NULL (borrowed). */
static const char *
attr(const xmlNode *n, const char *name)
{
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    if (a->name && strcmp((const char *)a->name, name) == 0 && a->children &&
        a->children->content) {
      return (const char *)a->children->content;
    }
  }
  return NULL;
}

/* The text of @p n, trimmed, or NULL; free with xmlFree(). */
static xmlChar *
text_of(xmlNodePtr n)
{
  if (!n) {
    return NULL;
  }
  xmlChar *t = xmlNodeGetContent(n);
  if (!t) {
    return NULL;
  }
  size_t b = 0, e = strlen((const char *)t);
  while (b < e && strchr(" \t\r\n", t[b])) {
    b++;
  }
  while (e > b && strchr(" \t\r\n", t[e - 1])) {
    e--;
  }
  if (b == e) {
    xmlFree(t);
    return NULL;
  }
  memmove(t, t + b, e - b);
  t[e - b] = '\0';
  return t;
}

/* True if the space-separated token list @p list has @p tok (ASCII case
 * folded), as HTML's rel attribute is matched. */
static bool
has_token(const char *list, const char *tok)
{
  size_t tl = strlen(tok);
  const char *p = list;
  while (p && *p) {
    while (*p == ' ' || *p == '\t' || *p == '\n') {
      p++;
    }
    size_t n = strcspn(p, " \t\n");
    if (n == tl && strncasecmp(p, tok, n) == 0) {
      return true;
    }
    p += n;
  }
  return false;
}

/* Resolves @p ref against the base in effect at @p n (xml:base, then the
 * document URL) or, failing that, @p fallback, and adds it to @p out with
 * @p date. Unusable links are skipped (NG_OK). */
static ng_status
add_link(xmlDocPtr doc, xmlNodePtr n, const char *ref, const char *fallback,
         const char *date, struct ng_feed *out)
{
  xmlChar *base = xmlNodeGetBase(doc, n);
  char *url = ng__input_resolve_article_url(
      base ? (const char *)base : fallback, ref);
  xmlFree(base);
  if (!url) {
    return NG_OK;
  }
  ng_status st = ng__feed_add(out, url, date);
  free(url);
  return st == NG_NOT_FOUND ? NG_OK : st;
}

/* The first date child of @p item among the local names @p names. */
static void
item_date(xmlNodePtr item, const char *const *names, size_t n, char out[11])
{
  out[0] = '\0';
  for (size_t k = 0; k < n; k++) {
    for (xmlNodePtr c = item->children; c; c = c->next) {
      if (!is_elem(c, names[k])) {
        continue;
      }
      xmlChar *t = text_of(c);
      bool ok = t && ng__feed_parse_date((const char *)t, out);
      xmlFree(t);
      if (ok) {
        return;
      }
    }
  }
  out[0] = '\0';
}

/* An Atom entry's article link: the href of a <link> whose rel is
 * "alternate" or absent (RFC 4287 4.2.7.2), HTML types first. Borrowed. */
static const char *
atom_link(xmlNodePtr entry)
{
  const char *best = NULL;
  for (xmlNodePtr c = entry->children; c; c = c->next) {
    if (!is_elem(c, "link") || !attr(c, "href")) {
      continue;
    }
    const char *rel = attr(c, "rel");
    const char *type = attr(c, "type");
    if (rel && strcasecmp(rel, "alternate") != 0) {
      continue;
    }
    if (!type || strcasestr(type, "html")) {
      return attr(c, "href");
    }
    if (!best) {
      best = attr(c, "href");
    }
  }
  return best;
}

/* Adds an RSS item (0.9x, 1.0 or 2.0): feedburner:origLink, <link>, an
 * atom:link, a permalink <guid> (RSS 2.0 spec: isPermaLink defaults to
 * true), else RSS 1.0's rdf:about. Dates: pubDate, dc:date,
 * dcterms:issued. */
static ng_status
add_rss_item(xmlDocPtr doc, xmlNodePtr item, const char *fallback,
             struct ng_feed *out)
{
  static const char *const dates[] = {"pubDate", "date", "issued",
                                      "published"};
  char date[11];
  ng_status st = NG_OK;
  item_date(item, dates, ARRAY_LEN(dates), date);
  xmlChar *t = text_of(child(item, "origLink"));
  if (!t) {
    for (xmlNodePtr c = item->children; c && !t; c = c->next) {
      if (is_elem(c, "link")) {
        t = text_of(c);
        const char *href = attr(c, "href");
        const char *rel = attr(c, "rel");
        if (!t && href && (!rel || strcasecmp(rel, "alternate") == 0)) {
          t = xmlStrdup((const xmlChar *)href);
        }
      }
    }
  }
  xmlNodePtr guid = child(item, "guid");
  if (!t && guid) {
    const char *perma = attr(guid, "isPermaLink");
    if (!perma || strcasecmp(perma, "false") != 0) {
      t = text_of(guid);
    }
  }
  if (!t && attr(item, "about")) {
    t = xmlStrdup((const xmlChar *)attr(item, "about"));
  }
  if (t) {
    st = add_link(doc, item, (const char *)t, fallback, date, out);
  }
  xmlFree(t);
  return st;
}

/* The link of the channel (RSS) or the alternate link of the feed (Atom):
 * the base for relative item links when the feed has no URL of its own
 * (a local file). New string or NULL. */
static char *
site_link(xmlNodePtr root, enum ng_feed_kind kind)
{
  xmlNodePtr c = kind == NG_FEED_ATOM ? root : child(root, "channel");
  if (!c) {
    return NULL;
  }
  if (kind == NG_FEED_ATOM) {
    const char *href = atom_link(c);
    return href ? ng__input_resolve_article_url(NULL, href) : NULL;
  }
  xmlChar *t = text_of(child(c, "link"));
  char *url = t ? ng__input_resolve_article_url(NULL, (const char *)t) : NULL;
  if (!url && t && strncasecmp((const char *)t, "http", 4) == 0) {
    /* a site root ("https://example.org/") is a fine base */
    url = strdup((const char *)t);
  }
  xmlFree(t);
  return url;
}

/* Walks an RSS, RDF or Atom tree and adds every item. */
static ng_status
walk_feed(xmlDocPtr doc, xmlNodePtr root, enum ng_feed_kind kind,
          const char *base, struct ng_feed *out)
{
  static const char *const atom_dates[] = {"published", "issued"};
  ng_status st = NG_OK;
  char *site = base ? NULL : site_link(root, kind);
  const char *fallback = base ? base : site;
  const char *tag = kind == NG_FEED_ATOM ? "entry" : "item";
  for (xmlNodePtr n = root; n && st == NG_OK;) {
    if (!is_elem(n, tag)) {
      n = ng__html_next(root, n, false);
      continue;
    }
    if (kind == NG_FEED_ATOM) {
      char date[11];
      item_date(n, atom_dates, ARRAY_LEN(atom_dates), date);
      const char *href = atom_link(n);
      if (href) {
        st = add_link(doc, n, href, fallback, date, out);
      }
    } else {
      st = add_rss_item(doc, n, fallback, out);
    }
    n = ng__html_next(root, n, true);
  }
  free(site);
  return st;
}

/* Walks a <urlset> (items, with news:publication_date; lastmod is a
 * modification date and never a publication date) or a <sitemapindex>
 * (its <loc>s go to @p next). */
static ng_status
walk_sitemap(xmlDocPtr doc, xmlNodePtr root, bool index, const char *base,
             struct ng_feed *items, struct ng_feed *next)
{
  ng_status st = NG_OK;
  const char *tag = index ? "sitemap" : "url";
  for (xmlNodePtr n = root->children; n && st == NG_OK; n = n->next) {
    if (!is_elem(n, tag)) {
      continue;
    }
    xmlChar *loc = text_of(child(n, "loc"));
    if (!loc) {
      continue;
    }
    char date[11] = "";
    if (!index) {
      xmlChar *t = text_of(child(child(n, "news"), "publication_date"));
      if (!t || !ng__feed_parse_date((const char *)t, date)) {
        date[0] = '\0';
      }
      xmlFree(t);
    }
    st = add_link(doc, n, (const char *)loc, base, date,
                  index ? next : items);
    xmlFree(loc);
  }
  return st;
}

/* The kind of feed the root element @p root names. */
static enum ng_feed_kind
kind_of(const xmlNode *root)
{
  if (is_elem(root, "rss")) {
    return NG_FEED_RSS;
  }
  if (is_elem(root, "RDF")) {
    return NG_FEED_RDF;
  }
  if (is_elem(root, "feed")) {
    return NG_FEED_ATOM;
  }
  if (is_elem(root, "urlset")) {
    return NG_FEED_SITEMAP;
  }
  if (is_elem(root, "sitemapindex")) {
    return NG_FEED_SITEMAP_INDEX;
  }
  return NG_FEED_UNKNOWN;
}

/* The feeds an HTML page announces: <link rel="alternate"
 * type="application/rss+xml|application/atom+xml" href> (HTML Living
 * Standard 4.6.7.1, "alternate" with a feed type), in document order. */
static ng_status
discover(ng_world *world, const char *name, const char *data, size_t len,
         const char *content_type, const char *base, struct ng_feed *next)
{
  ng_status st;
  char *utf8 = NULL;
  size_t ulen = 0;
  xmlDocPtr html = NULL;
  TRY(st, ng__charset_decode(world, data, len, content_type, true, &utf8,
                             &ulen));
  st = ng__html_parse(world, name, utf8, ulen, base, &html);
  free(utf8);
  if (st != NG_OK) {
    return st;
  }
  xmlNodePtr root = xmlDocGetRootElement(html);
  for (xmlNodePtr n = root; n && st == NG_OK; n = ng__html_next(root, n,
                                                               false)) {
    if (!ng__html_is(n, "link")) {
      continue;
    }
    const char *rel = ng__html_attr(n, "rel");
    const char *type = ng__html_attr(n, "type");
    const char *href = ng__html_attr(n, "href");
    if (!rel || !type || !href || !has_token(rel, "alternate")) {
      continue;
    }
    size_t tl = strcspn(type, "; \t");
    if ((tl == 19 && strncasecmp(type, "application/rss+xml", tl) == 0) ||
        (tl == 20 && strncasecmp(type, "application/atom+xml", tl) == 0)) {
      char *url = ng__input_resolve_article_url(base, href);
      if (url) {
        st = ng__feed_add(next, url, NULL);
        st = st == NG_NOT_FOUND ? NG_OK : st;
        free(url);
      }
    }
  }
  xmlFreeDoc(html);
  return st;
}

/* True if @p data starts (after a UTF-8 BOM and whitespace) with an XML
 * declaration. */
static bool
xml_decl(const char *data, size_t len)
{
  size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  while (i < len && strchr(" \t\r\n", data[i]) && data[i]) {
    i++;
  }
  return len - i >= 5 && memcmp(data + i, "<?xml", 5) == 0;
}

bool
ng__feed_is_feed(const char *data, size_t len)
{
  if (len == 0 || len > 0x7fffffff ||
      (!xml_decl(data, len) && ng__input_is_markup(data, len))) {
    return false; /* an HTML page: never parsed as XML here */
  }
  int opts = XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
             XML_PARSE_NONET;
  xmlSetGenericErrorFunc(NULL, quiet_error);
  xmlStructuredErrorFunc old_serror = xmlStructuredError;
  void *old_serror_ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(NULL, quiet_structured);
  xmlDocPtr doc = xmlReadMemory(data, (int)len, NULL, NULL, opts);
  xmlSetStructuredErrorFunc(old_serror_ctx, old_serror);
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  bool feed = root && kind_of(root) != NG_FEED_UNKNOWN;
  xmlFreeDoc(doc);
  return feed;
}

ng_status
ng__feed_parse(ng_world *world, const char *name, const char *data,
               size_t len, const char *content_type, const char *base,
               struct ng_feed *items, struct ng_feed *next,
               enum ng_feed_kind *kind)
{
  ng_status st = NG_OK;
  *kind = NG_FEED_UNKNOWN;
  if (len > 0x7fffffff) {
    return ng__errorf(world, NG_ERR_TOO_LARGE, "%s is too large to parse",
                      name);
  }
  /* No NOENT (entities are not substituted from outside), no DTD loading,
   * no network, no HUGE: libxml2's own limits against entity expansion
   * stay on. RECOVER reads the many feeds that are not well-formed. */
  int opts = XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
             XML_PARSE_NONET | XML_PARSE_NOCDATA;
  xmlSetGenericErrorFunc(NULL, quiet_error);
  xmlStructuredErrorFunc old_serror = xmlStructuredError;
  void *old_serror_ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(NULL, quiet_structured);
  xmlDocPtr doc = len ? xmlReadMemory(data, (int)len, base, NULL, opts)
                      : NULL;
  xmlSetStructuredErrorFunc(old_serror_ctx, old_serror);
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  enum ng_feed_kind k = root ? kind_of(root) : NG_FEED_UNKNOWN;
  switch (k) {
  case NG_FEED_RSS:
  case NG_FEED_RDF:
  case NG_FEED_ATOM:
    st = walk_feed(doc, root, k, base, items);
    break;
  case NG_FEED_SITEMAP:
  case NG_FEED_SITEMAP_INDEX:
    st = walk_sitemap(doc, root, k == NG_FEED_SITEMAP_INDEX, base, items,
                      next);
    break;
  case NG_FEED_UNKNOWN:
  case NG_FEED_HTML:
    /* A document that declares itself XML is a page only as XHTML;
     * anything else with tags is taken as an HTML page. */
    if ((!root || is_elem(root, "html") || !xml_decl(data, len)) &&
        ng__input_is_markup(data, len)) {
      k = NG_FEED_HTML;
      st = discover(world, name, data, len, content_type, base, next);
    }
    break;
  }
  xmlFreeDoc(doc);
  if (st == NG_ERR_NOMEM) {
    return ng__errorf(world, st, "out of memory reading the feed %s", name);
  }
  if (st != NG_OK) {
    return st;
  }
  *kind = k;
  if (k == NG_FEED_UNKNOWN) {
    return ng__errorf(world, NG_ERR_PARSE,
                      "%s is not an RSS, Atom or sitemap feed", name);
  }
  return NG_OK;
}

/* ------------------------------------------------------------ the loader */

/* Reads @p input with ng_doc_load() (so URLs go through fetch.c) and
 * parses it. */
static ng_status
read_one(ng_world *world, const char *input, struct ng_feed *items,
         struct ng_feed *next, enum ng_feed_kind *kind)
{
  ng_doc *doc = NULL;
  ng_status st;
  TRY(st, ng_doc_load(world, input, &doc));
  char *data = doc->raw;
  size_t len = doc->raw_len;
  char *plain = NULL;
  if (len >= 2 && (unsigned char)data[0] == 0x1f &&
      (unsigned char)data[1] == 0x8b) {
    /* a sitemap.xml.gz served as application/gzip */
    st = ng__input_gunzip(world, input, data, len, world->max_bytes, &plain,
                          &len);
    if (st != NG_OK) {
      ng_doc_free(doc);
      return st;
    }
    data = plain;
  }
  const char *base = doc->final_url;
  if (!base && ng__input_is_abs_iri(input) &&
      strncasecmp(input, "http", 4) == 0) {
    base = input;
  }
  st = ng__feed_parse(world, input, data, len, doc->content_type, base,
                      items, next, kind);
  free(plain);
  ng_doc_free(doc);
  return st;
}

/* Drops the items from index @p n0 on and rebuilds the duplicate set. */
static void
feed_truncate(struct ng_feed *f, size_t n0)
{
  for (size_t i = n0; i < f->n; i++) {
    free(f->items[i].url);
  }
  f->n = n0 < f->n ? n0 : f->n;
  if (f->slots) {
    memset(f->slots, 0, f->n_slots * sizeof *f->slots);
    for (size_t k = 0; k < f->n; k++) {
      f->slots[find_slot(f, f->items[k].url)] = k + 1;
    }
  }
}

/* Reads the sitemaps a sitemap index listed (in @p todo, depth 1),
 * breadth first, each once, into @p items. */
static ng_status
read_index(ng_world *world, const char *input, struct ng_feed *todo,
           struct ng_feed *items)
{
  ng_status st = NG_OK;
  size_t *depth = calloc(todo->cap ? todo->cap : 1, sizeof *depth);
  size_t failed = 0, done_n = 0;
  if (!depth) {
    return NG_ERR_NOMEM;
  }
  for (size_t i = 0; i < todo->n; i++) {
    depth[i] = 1;
  }
  for (size_t i = 0; i < todo->n; i++) {
    if (i >= NG_FEED_MAX_CHILDREN) {
      ng__warnf(world, "%s: only the first %d sitemaps are read", input,
                NG_FEED_MAX_CHILDREN);
      break;
    }
    size_t before = todo->n;
    enum ng_feed_kind k = NG_FEED_UNKNOWN;
    ng_status cst = read_one(world, todo->items[i].url, items, todo, &k);
    if (cst == NG_ERR_NOMEM) {
      st = cst;
      break;
    }
    if (cst != NG_OK || k == NG_FEED_HTML) {
      ng__warnf(world, "%s: skipping sitemap %s: %s", input,
                todo->items[i].url,
                cst != NG_OK ? ng_world_errmsg(world) : "not a sitemap");
      feed_truncate(todo, before);
      failed++;
      continue;
    }
    done_n++;
    if (todo->n == before) {
      continue;
    }
    if (depth[i] + 1 > MAX_DEPTH) {
      ng__warnf(world, "%s: sitemap indexes nested deeper than %d", input,
                MAX_DEPTH);
      feed_truncate(todo, before);
      continue;
    }
    size_t *p = realloc(depth, todo->cap * sizeof *p);
    if (!p) {
      st = NG_ERR_NOMEM;
      break;
    }
    depth = p;
    for (size_t j = before; j < todo->n; j++) {
      depth[j] = depth[i] + 1;
    }
  }
  free(depth);
  if (st == NG_OK && done_n == 0 && failed > 0) {
    st = ng__errorf(world, NG_ERR_PARSE,
                    "none of the %zu sitemaps listed in %s could be read",
                    failed, input);
  }
  return st;
}

ng_feed *
ng_feed_new(void)
{
  return calloc(1, sizeof(struct ng_feed));
}

ng_status
ng_feed_read(ng_world *world, ng_feed *feed, const char *input)
{
  ng_status st = NG_OK;
  if (!world || !feed || !input || !*input) {
    return ng__errorf(world, NG_ERR_ARG, "no feed given");
  }
  struct ng_feed todo = {0}; /* URLs to read after the first document */
  enum ng_feed_kind kind = NG_FEED_UNKNOWN;
  size_t n0 = feed->n;
  TRY_DONE(st, read_one(world, input, feed, &todo, &kind));
  if (kind == NG_FEED_HTML) {
    if (todo.n == 0) {
      st = ng__errorf(world, NG_ERR_PARSE,
                      "%s is an HTML page that links no RSS or Atom feed",
                      input);
      goto done;
    }
    /* The page's first feed: more would repeat the same articles. */
    char *first = todo.items[0].url;
    todo.items[0].url = NULL;
    ng__feed_clear(&todo);
    st = read_one(world, first, feed, &todo, &kind);
    if (st == NG_OK && kind == NG_FEED_HTML) {
      st = ng__errorf(world, NG_ERR_PARSE,
                      "%s, linked from %s as its feed, is an HTML page",
                      first, input);
    }
    free(first);
    if (st != NG_OK) {
      goto done;
    }
  }
  if (kind == NG_FEED_SITEMAP_INDEX) {
    TRY_DONE(st, read_index(world, input, &todo, feed));
  }
  if (feed->n >= NG_FEED_MAX_ITEMS) {
    ng__warnf(world, "%s: only the first %d articles are read", input,
              NG_FEED_MAX_ITEMS);
  }
done:
  ng__feed_clear(&todo);
  if (st != NG_OK) {
    if (st == NG_ERR_NOMEM) {
      ng__errorf(world, st, "out of memory reading %s", input);
    }
    feed_truncate(feed, n0);
  }
  return st;
}

ng_status
ng_feed_load(ng_world *world, const char *input, ng_feed **out)
{
  if (!out) {
    return NG_ERR_ARG;
  }
  *out = ng_feed_new();
  if (!*out) {
    return ng__errorf(world, NG_ERR_NOMEM, "out of memory reading %s",
                      input ? input : "a feed");
  }
  ng_status st = ng_feed_read(world, *out, input);
  if (st != NG_OK) {
    ng_feed_free(*out);
    *out = NULL;
  }
  return st;
}

size_t
ng_feed_count(const ng_feed *feed)
{
  return feed ? feed->n : 0;
}

const char *
ng_feed_url(const ng_feed *feed, size_t i)
{
  return feed && i < feed->n ? feed->items[i].url : NULL;
}

const char *
ng_feed_date(const ng_feed *feed, size_t i)
{
  return feed && i < feed->n && feed->items[i].date[0] ? feed->items[i].date
                                                       : NULL;
}

void
ng_feed_free(ng_feed *feed)
{
  ng__feed_clear(feed);
  free(feed);
}
