/* SPDX-License-Identifier: MIT */
/* Crawl policy without I/O: robots.txt rules (RFC 9309), the SSRF address
 * classes, Location escaping, and the verdict on a fetched page (bot wall,
 * consent wall, paywall stub, error page, meta refresh to follow). */
#ifndef NG_CRAWL_H
#define NG_CRAWL_H

#include "internal.h"

#include <stdbool.h>
#include <stddef.h>

/* The rules of one robots.txt for one product token. */
struct ng_robots;

/* Parses @p len bytes of robots.txt (RFC 9309) and keeps the groups whose
 * user-agent matches @p agent (the product token, compared ignoring ASCII
 * case), or else the "*" groups. At most the first 512 KiB are read
 * (RFC 9309 2.5). *out is new (free with ng__robots_free). NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__robots_parse(const char *txt, size_t len,
                                        const char *agent,
                                        struct ng_robots **out);

/* True if @p path (path and query of the URL, "/" if empty, as sent on
 * the request line) may be fetched under @p r (NULL allows all). The
 * longest matching rule wins, allow wins a tie, "*" and a final "$" work
 * as in RFC 9309 2.2.3; "/robots.txt" is always allowed. */
bool ng__robots_allowed(const struct ng_robots *r, const char *path);

/* The group's Crawl-delay in seconds (a common extension, not in RFC
 * 9309), or 0 when absent or @p r is NULL. */
double ng__robots_crawl_delay(const struct ng_robots *r);

/* Frees @p r (NULL is a no-op). */
void ng__robots_free(struct ng_robots *r);

/* True if the address is not one a public web server has: unspecified,
 * loopback, RFC 1918 private, CGNAT 100.64/10 (RFC 6598), link-local,
 * multicast, reserved, unique-local fc00::/7, site-local, and IPv6 forms
 * that embed such an IPv4 address (mapped, NAT64, 6to4). @p family is
 * AF_INET (@p addr is a struct in_addr) or AF_INET6 (struct in6_addr);
 * any other family counts as not public. */
bool ng__crawl_addr_is_private(int family, const void *addr);

/* True if the URL host @p host (as in a URL, IPv6 in brackets or not) is
 * an IP literal for which ng__crawl_addr_is_private() holds, or
 * "localhost" / a name under ".localhost" (RFC 6761 6.3). */
bool ng__crawl_host_is_private(const char *host);

/* A copy of @p s with every byte below 0x21, above 0x7e and each of
 * <>"\^`{|} percent-encoded with upper-case hex (FAULT-CASES F07: a
 * Location header with a raw space or raw UTF-8), other bytes (including
 * existing %XX) unchanged. NULL when out of memory. */
char *ng__crawl_uri_escape(const char *s);

/* What a fetched page is. */
enum ng_page_kind {
  NG_PAGE_ARTICLE, /* pass it on to the parser */
  NG_PAGE_REFRESH, /* a stub whose meta refresh should be followed */
  NG_PAGE_BOT,     /* bot wall, captcha, "access denied" */
  NG_PAGE_CONSENT, /* cookie or consent wall */
  NG_PAGE_PAYWALL, /* paywall stub */
  NG_PAGE_LOGIN,   /* login wall */
  NG_PAGE_ERROR    /* error page (not found, server error) */
};

/* The verdict on one page. */
struct ng_page_verdict {
  enum ng_page_kind kind;
  char *refresh_url; /* NG_PAGE_REFRESH: the target, absolute (owned) */
  size_t paragraphs; /* blocks with >= 150 bytes of their own text */
  size_t text_bytes; /* visible text, whitespace collapsed */
};

/* Classifies the HTML page @p body (@p len bytes) fetched from @p url.
 * Rules (FAULT-CASES F08, F09), in order:
 * - >= 5 paragraphs of content: an article, whatever else it says;
 * - a meta refresh (delay <= 5 s, or inside <noscript>) to another URL
 *   on a page with fewer than 2 paragraphs: follow it (a refresh to the
 *   page itself, or without a URL, is a reload and is never followed);
 * - a wall phrase in the <title> or first <h1>, or a title or <h1> that
 *   is only an error name ("404", "Not found", "Oops"): that wall;
 * - >= 2 paragraphs: an article;
 * - a wall phrase anywhere in the visible text of the thin page: that
 *   wall; a JSON-LD "isAccessibleForFree": false on it: paywall stub;
 * - otherwise an article (the content stage decides on thin pages).
 * The phrase lists are in crawl.c (English, German, French, Spanish,
 * Italian, Dutch, Portuguese). Errors: NG_ERR_NOMEM; a page libxml2 cannot
 * parse at all is an article (the parser reports it). */
NG_NODISCARD ng_status ng__crawl_classify(const char *body, size_t len,
                                          const char *url,
                                          struct ng_page_verdict *out);

/* Frees what a verdict owns. */
void ng__crawl_verdict_clear(struct ng_page_verdict *v);

/* "bot wall", "consent wall", "paywall stub", "login wall", "error page",
 * or "" for the other kinds (static). */
const char *ng__crawl_page_reason(enum ng_page_kind kind);

#endif
