/* SPDX-License-Identifier: MIT */
/* Unit tests of crawl.c: robots.txt groups and matching (RFC 9309), the
 * SSRF address classes, Location escaping (F07), and page verdicts: walls
 * (F08) and meta refresh (F09). */
#include "crawl.h"

#include "../test.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static void
test_robots(void)
{
  static const char txt[] =
      "# comment\r\n"
      "User-agent: *\n"
      "Disallow: /private/\n"
      "Allow: /private/open\n"
      "Disallow: /*.pdf$\n"
      "Crawl-delay: 2.5\n"
      "\n"
      "User-agent: OtherBot\n"
      "User-agent: NewsGraph\n"
      "Disallow: /drafts # trailing comment\n"
      "Allow: /drafts/public\n"
      "Disallow:\n"
      "\n"
      "user-agent: newsgraph-extra\n"
      "disallow: /\n";
  struct ng_robots *r = NULL;
  CHECK_OK(ng__robots_parse(txt, strlen(txt), "newsgraph", &r));
  /* our group (any case), not "*" and not a longer token */
  CHECK(!ng__robots_allowed(r, "/drafts/x"));
  CHECK(ng__robots_allowed(r, "/drafts/public/y"));
  CHECK(ng__robots_allowed(r, "/private/x"));
  CHECK(ng__robots_allowed(r, "/"));
  CHECK(ng__robots_crawl_delay(r) == 0);
  ng__robots_free(r);

  r = NULL;
  CHECK_OK(ng__robots_parse(txt, strlen(txt), "somebot", &r));
  CHECK(!ng__robots_allowed(r, "/private/x"));
  CHECK(ng__robots_allowed(r, "/private/open/1"));  /* longer allow wins */
  CHECK(!ng__robots_allowed(r, "/files/a.pdf"));
  CHECK(ng__robots_allowed(r, "/files/a.pdf?x=1"));  /* $ anchors */
  CHECK(ng__robots_allowed(r, "/drafts/x"));
  CHECK(ng__robots_allowed(r, "/robots.txt"));
  CHECK(ng__robots_crawl_delay(r) == 2.5);
  ng__robots_free(r);

  /* equal length: allow wins; empty file allows all */
  static const char tie[] = "User-agent: *\nDisallow: /a\nAllow: /a\n";
  r = NULL;
  CHECK_OK(ng__robots_parse(tie, strlen(tie), "x", &r));
  CHECK(ng__robots_allowed(r, "/a/b"));
  ng__robots_free(r);
  r = NULL;
  CHECK_OK(ng__robots_parse("", 0, "x", &r));
  CHECK(ng__robots_allowed(r, "/anything"));
  ng__robots_free(r);
  CHECK(ng__robots_allowed(NULL, "/x"));
}

/* True if the text address @p s is private. */
static bool
priv(const char *s)
{
  unsigned char a[16];
  if (inet_pton(AF_INET, s, a) == 1) {
    return ng__crawl_addr_is_private(AF_INET, a);
  }
  if (inet_pton(AF_INET6, s, a) == 1) {
    return ng__crawl_addr_is_private(AF_INET6, a);
  }
  return false;
}

static void
test_addresses(void)
{
  static const char *const bad[] = {
      "127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255",
      "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254",
      "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1",
      "fd12:3456::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
      "64:ff9b::a00:1", "2002:c0a8:0101::1", "ff02::1"};
  static const char *const good[] = {
      "93.184.216.34", "8.8.8.8", "172.32.0.1", "172.15.255.255",
      "100.63.255.255", "100.128.0.1", "169.255.0.1", "192.169.0.1",
      "2606:4700:4700::1111", "::ffff:8.8.8.8", "2001:db9::1"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    if (!priv(bad[i])) {
      fprintf(stderr, "not private: %s\n", bad[i]);
    }
    CHECK(priv(bad[i]));
  }
  for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
    if (priv(good[i])) {
      fprintf(stderr, "private: %s\n", good[i]);
    }
    CHECK(!priv(good[i]));
  }
  CHECK(ng__crawl_host_is_private("127.0.0.1"));
  CHECK(ng__crawl_host_is_private("[::1]"));
  CHECK(ng__crawl_host_is_private("[fe80::1%25eth0]"));
  CHECK(ng__crawl_host_is_private("localhost"));
  CHECK(ng__crawl_host_is_private("LOCALHOST."));
  CHECK(ng__crawl_host_is_private("api.localhost"));
  CHECK(!ng__crawl_host_is_private("news.example"));
  CHECK(!ng__crawl_host_is_private("localhost.example"));
  CHECK(!ng__crawl_host_is_private("8.8.8.8"));
}

static void
test_escape(void)
{
  char *s = ng__crawl_uri_escape("/caf\xC3\xA9 menu?q=a b&r=%41|x");
  CHECK_EQ_STR(s, "/caf%C3%A9%20menu?q=a%20b&r=%41%7Cx");
  free(s);
}

/* The verdict on @p html fetched from @p url; the refresh target (if
 * any) in @p target. */
static enum ng_page_kind
verdict(const char *html, const char *url, char *target, size_t cap)
{
  struct ng_page_verdict v;
  CHECK_OK(ng__crawl_classify(html, strlen(html), url, &v));
  if (target) {
    snprintf(target, cap, "%s", v.refresh_url ? v.refresh_url : "");
  }
  enum ng_page_kind k = v.kind;
  ng__crawl_verdict_clear(&v);
  return k;
}

#define PARA                                                                \
  "<p>The council of the invented town of Brelde met on Tuesday and "       \
  "agreed the new ferry timetable, which takes effect after the summer "    \
  "holidays when the crews return from leave.</p>"

static void
test_verdicts(void)
{
  char t[256];
  /* F09 (a): script + noscript refresh on an empty page: follow */
  CHECK(verdict("<html><head><script>location.replace('/real')</script>"
                "<noscript><meta http-equiv=\"refresh\" "
                "content=\"0;URL='/real'\"></noscript></head><body></body>"
                "</html>", "http://news.example/go?id=1", t, sizeof t) ==
        NG_PAGE_REFRESH);
  CHECK_EQ_STR(t, "http://news.example/real");
  /* F09 (b): an article with a noscript refresh to ?nojs=1: stay */
  CHECK(verdict("<html><head><noscript><meta http-equiv=\"refresh\" "
                "content=\"0;url=/?nojs=1\"></noscript></head><body>"
                PARA PARA PARA PARA PARA "</body></html>",
                "http://news.example/a", NULL, 0) == NG_PAGE_ARTICLE);
  /* a reload (no URL, or the page itself) is never followed */
  CHECK(verdict("<html><head><meta http-equiv=\"Refresh\" content=\"0\">"
                "</head><body><p>Scores.</p></body></html>",
                "http://news.example/live", NULL, 0) == NG_PAGE_ARTICLE);
  CHECK(verdict("<html><head><meta http-equiv=\"refresh\" content=\"0; "
                "url=http://news.example/live#top\"></head><body>"
                "<p>Scores.</p></body></html>",
                "http://news.example/live", NULL, 0) == NG_PAGE_ARTICLE);
  /* a slow refresh outside noscript is not a redirect stub */
  CHECK(verdict("<html><head><meta http-equiv=\"refresh\" content=\"300; "
                "url=/other\"></head><body><p>Scores.</p></body></html>",
                "http://news.example/live", NULL, 0) == NG_PAGE_ARTICLE);
  /* a refresh to another scheme is not followed */
  CHECK(verdict("<html><head><meta http-equiv=\"refresh\" content=\"0; "
                "url=file:///etc/passwd\"></head><body></body></html>",
                "http://news.example/x", NULL, 0) == NG_PAGE_ARTICLE);
  /* F08: walls */
  CHECK(verdict("<html><head><title>Are you a robot?</title></head><body>"
                "<h1>Are you a robot?</h1></body></html>",
                "http://news.example/tosv2.html", NULL, 0) == NG_PAGE_BOT);
  CHECK(verdict("<html><body><h1>Before you continue</h1><p>We and our "
                "partners use cookies.</p><button>Accept all</button>"
                "</body></html>", "http://news.example/", NULL, 0) ==
        NG_PAGE_CONSENT);
  CHECK(verdict("<html><head><title>Budget talks</title><script "
                "type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                "\"isAccessibleForFree\": false}</script></head><body>"
                "<h1>Budget talks</h1><p>A short teaser.</p></body></html>",
                "http://news.example/b", NULL, 0) == NG_PAGE_PAYWALL);
  CHECK(verdict("<html><head><title>Oops!</title></head><body><p>Nothing "
                "here.</p></body></html>", "http://news.example/c", NULL,
                0) == NG_PAGE_ERROR);
  CHECK(verdict("<html><head><title>Page not found | Daily</title></head>"
                "<body></body></html>", "http://news.example/c", NULL, 0) ==
        NG_PAGE_ERROR);
  /* an article with a cookie banner is an article (FAULT-CASES E01) */
  CHECK(verdict("<html><body><div id=\"cookies\">We use cookies. Accept "
                "all cookies or manage cookies.</div><article><h1>Ferry "
                "deal</h1>" PARA PARA "</article></body></html>",
                "http://news.example/d", NULL, 0) == NG_PAGE_ARTICLE);
  /* a headline that merely mentions a number or a wall word */
  CHECK(verdict("<html><head><title>Flight 404 lands safely</title></head>"
                "<body><h1>Flight 404 lands safely</h1>" PARA PARA
                "</body></html>", "http://news.example/e", NULL, 0) ==
        NG_PAGE_ARTICLE);
  /* five paragraphs: an article whatever the title says */
  CHECK(verdict("<html><head><title>Access denied to the port</title>"
                "</head><body>" PARA PARA PARA PARA PARA "</body></html>",
                "http://news.example/f", NULL, 0) == NG_PAGE_ARTICLE);
  CHECK_EQ_STR(ng__crawl_page_reason(NG_PAGE_CONSENT), "consent wall");
  CHECK_EQ_STR(ng__crawl_page_reason(NG_PAGE_ARTICLE), "");
}

int
main(void)
{
  test_robots();
  test_addresses();
  test_escape();
  test_verdicts();
  return test_report();
}
