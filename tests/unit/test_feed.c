/* SPDX-License-Identifier: MIT */
/* Unit tests of feed.c: RSS 2.0, RSS 1.0, RSS 0.91, Atom, news sitemaps,
 * sitemap indexes, autodiscovery in HTML, relative links, duplicates, feed
 * dates, and ng_feed_load() on local files. */
#include "feed.h"

#include "../test.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static ng_world *world;

/* Parses @p xml with @p base into fresh lists. */
static ng_status
parse(const char *xml, const char *base, struct ng_feed *items,
      struct ng_feed *next, enum ng_feed_kind *kind)
{
  memset(items, 0, sizeof *items);
  memset(next, 0, sizeof *next);
  return ng__feed_parse(world, "test feed", xml, strlen(xml), NULL, base,
                        items, next, kind);
}

static void
test_dates(void)
{
  char d[11];
  CHECK(ng__feed_parse_date("Sun, 02 Mar 2025 09:30:00 +0100", d));
  CHECK_EQ_STR(d, "2025-03-02");
  CHECK(ng__feed_parse_date("2 Mar 2025 23:59 EST", d));
  CHECK_EQ_STR(d, "2025-03-02");
  CHECK(ng__feed_parse_date("Thu, 03 April 2025 07:30:00 GMT", d));
  CHECK_EQ_STR(d, "2025-04-03");
  CHECK(ng__feed_parse_date("Mon, 01 Jan 99 00:00:00 GMT", d));
  CHECK_EQ_STR(d, "1999-01-01"); /* RFC 2822 4.3 */
  CHECK(ng__feed_parse_date("  2025-04-06T09:00:00+02:00", d));
  CHECK_EQ_STR(d, "2025-04-06");
  CHECK(ng__feed_parse_date("2024-02-29", d));
  CHECK_EQ_STR(d, "2024-02-29");
  CHECK(!ng__feed_parse_date("2025-02-29", d));
  CHECK(!ng__feed_parse_date("31 Feb 2025", d));
  CHECK(!ng__feed_parse_date("yesterday", d));
  CHECK(!ng__feed_parse_date("", d));
}

static void
test_rss2(void)
{
  struct ng_feed items, next;
  enum ng_feed_kind kind;
  const char *xml =
      "<?xml version=\"1.0\"?>\n"
      "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<channel><title>T</title><link>https://site.example/</link>"
      "<item><title>A</title><link>https://site.example/news/a</link>"
      "<pubDate>Sat, 05 Apr 2025 10:00:00 +0000</pubDate></item>"
      "<item><title>B</title><link>  news/b?id=7 </link>"
      "<pubDate>Thu, 03 Apr 2025 07:30:00 +0200</pubDate></item>"
      "<item><title>A again</title>"
      "<link>https://site.example/news/a#comments</link></item>"
      "<item><guid>https://site.example/news/c</guid>"
      "<dc:date>2025-04-04T12:00:00Z</dc:date></item>"
      "<item><guid isPermaLink=\"false\">https://site.example/news/d</guid>"
      "</item>"
      "<item><link>ftp://site.example/e</link></item>"
      "<item><link>mailto:x@site.example</link></item>"
      "</channel></rss>";
  CHECK_OK(parse(xml, "https://feeds.example/rss/all.xml", &items, &next,
                 &kind));
  CHECK(kind == NG_FEED_RSS);
  CHECK(items.n == 3);
  CHECK(next.n == 0);
  if (items.n == 3) {
    CHECK_EQ_STR(items.items[0].url, "https://site.example/news/a");
    CHECK_EQ_STR(items.items[0].date, "2025-04-05");
    /* relative to the feed's URL, not the channel link */
    CHECK_EQ_STR(items.items[1].url, "https://feeds.example/rss/news/b?id=7");
    CHECK_EQ_STR(items.items[1].date, "2025-04-03");
    CHECK_EQ_STR(items.items[2].url, "https://site.example/news/c");
    CHECK_EQ_STR(items.items[2].date, "2025-04-04");
  }
  ng__feed_clear(&items);
  /* A local feed (no URL): relative links resolve against the channel
   * link. */
  CHECK_OK(parse(xml, NULL, &items, &next, &kind));
  CHECK(items.n == 3);
  if (items.n == 3) {
    CHECK_EQ_STR(items.items[1].url, "https://site.example/news/b?id=7");
  }
  ng__feed_clear(&items);
  ng__feed_clear(&next);
}

static void
test_rss091(void)
{
  struct ng_feed items, next;
  enum ng_feed_kind kind;
  const char *xml =
      "<rss version=\"0.91\"><channel><title>Old</title>"
      "<link>http://old.example/</link>"
      "<item><title>x</title><link>http://old.example/story/1</link></item>"
      "</channel></rss>";
  CHECK_OK(parse(xml, NULL, &items, &next, &kind));
  CHECK(kind == NG_FEED_RSS);
  CHECK(items.n == 1);
  if (items.n == 1) {
    CHECK_EQ_STR(items.items[0].url, "http://old.example/story/1");
    CHECK_EQ_STR(items.items[0].date, "");
  }
  ng__feed_clear(&items);
}

static void
test_rss1(void)
{
  struct ng_feed items, next;
  enum ng_feed_kind kind;
  const char *xml =
      "<?xml version=\"1.0\"?>"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
      "xmlns=\"http://purl.org/rss/1.0/\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<channel rdf:about=\"https://w.example/rss\"><title>W</title>"
      "<link>https://w.example/</link><items><rdf:Seq>"
      "<rdf:li rdf:resource=\"https://w.example/a\"/></rdf:Seq></items>"
      "</channel>"
      "<item rdf:about=\"https://w.example/a\"><title>A</title>"
      "<link>https://w.example/a</link><dc:date>2025-04-03</dc:date></item>"
      "<item rdf:about=\"https://w.example/b\"><title>B</title>"
      "<dc:date>2025-04-06T09:00:00+02:00</dc:date></item>"
      "</rdf:RDF>";
  CHECK_OK(parse(xml, "https://w.example/rss", &items, &next, &kind));
  CHECK(kind == NG_FEED_RDF);
  CHECK(items.n == 2);
  if (items.n == 2) {
    CHECK_EQ_STR(items.items[0].url, "https://w.example/a");
    CHECK_EQ_STR(items.items[0].date, "2025-04-03");
    /* no <link>: the item's rdf:about */
    CHECK_EQ_STR(items.items[1].url, "https://w.example/b");
    CHECK_EQ_STR(items.items[1].date, "2025-04-06");
  }
  ng__feed_clear(&items);
}

static void
test_atom(void)
{
  struct ng_feed items, next;
  enum ng_feed_kind kind;
  const char *xml =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
      "xml:base=\"https://v.example/feeds/\">"
      "<title>V</title><link rel=\"self\" href=\"https://v.example/atom\"/>"
      "<updated>2025-04-10T00:00:00Z</updated>"
      "<entry><title>A</title><link rel=\"edit\" href=\"/edit/1\"/>"
      "<link rel=\"alternate\" type=\"text/html\" href=\"../news/a\"/>"
      "<published>2025-04-04T09:00:00Z</published>"
      "<updated>2025-04-09T09:00:00Z</updated></entry>"
      "<entry xml:base=\"https://other.example/x/\"><title>B</title>"
      "<link href=\"b\"/><updated>2025-04-08T09:00:00Z</updated></entry>"
      "<entry><title>C</title>"
      "<link rel=\"enclosure\" href=\"https://v.example/c.mp3\"/></entry>"
      "</feed>";
  CHECK_OK(parse(xml, "https://v.example/atom", &items, &next, &kind));
  CHECK(kind == NG_FEED_ATOM);
  CHECK(items.n == 2);
  if (items.n == 2) {
    CHECK_EQ_STR(items.items[0].url, "https://v.example/news/a");
    CHECK_EQ_STR(items.items[0].date, "2025-04-04");
    CHECK_EQ_STR(items.items[1].url, "https://other.example/x/b");
    /* <updated> is a modification date, never the publication date */
    CHECK_EQ_STR(items.items[1].date, "");
  }
  ng__feed_clear(&items);
}

static void
test_sitemaps(void)
{
  struct ng_feed items, next;
  enum ng_feed_kind kind;
  const char *news =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
      "<url><loc>https://n.example/2025/ferry</loc><news:news>"
      "<news:publication><news:name>N</news:name></news:publication>"
      "<news:publication_date>2025-04-03T06:00:00+02:00"
      "</news:publication_date></news:news></url>"
      "<url><loc>https://n.example/2025/library</loc>"
      "<lastmod>2025-04-09</lastmod></url>"
      "</urlset>";
  CHECK_OK(parse(news, "https://n.example/sitemap.xml", &items, &next,
                 &kind));
  CHECK(kind == NG_FEED_SITEMAP);
  CHECK(items.n == 2);
  if (items.n == 2) {
    CHECK_EQ_STR(items.items[0].url, "https://n.example/2025/ferry");
    CHECK_EQ_STR(items.items[0].date, "2025-04-03");
    CHECK_EQ_STR(items.items[1].date, ""); /* lastmod is not published */
  }
  ng__feed_clear(&items);
  const char *index =
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<sitemap><loc>https://n.example/sitemap-news.xml</loc></sitemap>"
      "<sitemap><loc>/sitemap-2025.xml.gz</loc></sitemap>"
      "<sitemap><loc>https://n.example/sitemap-news.xml</loc></sitemap>"
      "</sitemapindex>";
  CHECK_OK(parse(index, "https://n.example/sitemap_index.xml", &items, &next,
                 &kind));
  CHECK(kind == NG_FEED_SITEMAP_INDEX);
  CHECK(items.n == 0);
  CHECK(next.n == 2);
  if (next.n == 2) {
    CHECK_EQ_STR(next.items[0].url, "https://n.example/sitemap-news.xml");
    CHECK_EQ_STR(next.items[1].url, "https://n.example/sitemap-2025.xml.gz");
  }
  ng__feed_clear(&next);
}

static void
test_discovery(void)
{
  struct ng_feed items, next;
  enum ng_feed_kind kind;
  const char *html =
      "<!DOCTYPE html><html><head><title>Home</title>"
      "<link rel=\"stylesheet\" href=\"/s.css\">"
      "<link rel=\"alternate\" hreflang=\"fr\" href=\"/fr/\">"
      "<link type=\"application/atom+xml\" rel=\"Alternate\" "
      "href=\"/feeds/all.atom\" title=\"All\">"
      "<link rel=\"alternate\" type=\"application/rss+xml; charset=utf-8\" "
      "href=\"comments.rss\">"
      "<link rel=\"alternate\" type=\"application/json\" href=\"/j\">"
      "</head><body><p>Hello</p></body></html>";
  CHECK_OK(parse(html, "https://h.example/news/", &items, &next, &kind));
  CHECK(kind == NG_FEED_HTML);
  CHECK(items.n == 0);
  CHECK(next.n == 2);
  if (next.n == 2) {
    CHECK_EQ_STR(next.items[0].url, "https://h.example/feeds/all.atom");
    CHECK_EQ_STR(next.items[1].url, "https://h.example/news/comments.rss");
  }
  ng__feed_clear(&next);
  /* neither a feed nor markup */
  CHECK(parse("just some words", "https://h.example/x", &items, &next,
              &kind) == NG_ERR_PARSE);
  CHECK(strstr(ng_world_errmsg(world), "test feed") != NULL);
  /* XML, but not a feed */
  CHECK(parse("<?xml version=\"1.0\"?><svg><g/></svg>", NULL, &items, &next,
              &kind) == NG_ERR_PARSE);
}

static void
test_duplicates(void)
{
  struct ng_feed f = {0};
  char url[64];
  for (int i = 0; i < 500; i++) {
    snprintf(url, sizeof url, "https://d.example/%d", i % 250);
    ng_status st = ng__feed_add(&f, url, i >= 250 ? "2025-01-02" : NULL);
    CHECK(st == (i < 250 ? NG_OK : NG_NOT_FOUND));
  }
  CHECK(f.n == 250);
  /* a duplicate with a date gives the dateless first one its date */
  CHECK_EQ_STR(f.items[7].date, "2025-01-02");
  CHECK(ng__feed_add(&f, "https://d.example/7#top", NULL) == NG_NOT_FOUND);
  ng__feed_clear(&f);
}

/* ng_feed_load() on a local file, and the public accessors. */
static void
test_load_file(void)
{
  char path[] = "/tmp/ng-feed-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd < 0) {
    return;
  }
  const char *xml =
      "<rss version=\"2.0\"><channel><link>https://l.example/</link>"
      "<item><link>/a</link><pubDate>Tue, 01 Apr 2025 10:00:00 GMT</pubDate>"
      "</item><item><link>https://l.example/b</link></item>"
      "</channel></rss>";
  CHECK(write(fd, xml, strlen(xml)) == (ssize_t)strlen(xml));
  close(fd);
  ng_feed *feed = NULL;
  CHECK_OK(ng_feed_load(world, path, &feed));
  CHECK(ng_feed_count(feed) == 2);
  CHECK_EQ_STR(ng_feed_url(feed, 0), "https://l.example/a");
  CHECK_EQ_STR(ng_feed_date(feed, 0), "2025-04-01");
  CHECK(ng_feed_date(feed, 1) == NULL);
  CHECK(ng_feed_url(feed, 2) == NULL);
  /* read again into the same feed: nothing new; a failed read leaves the
   * feed as it was */
  CHECK_OK(ng_feed_read(world, feed, path));
  CHECK(ng_feed_count(feed) == 2);
  CHECK(ng_feed_read(world, feed, "/nonexistent/feed.xml") == NG_ERR_IO);
  CHECK(ng_feed_count(feed) == 2);
  CHECK_EQ_STR(ng_feed_url(feed, 1), "https://l.example/b");
  ng_feed_free(feed);
  unlink(path);
  CHECK(ng_feed_load(world, "/nonexistent/feed.xml", &feed) == NG_ERR_IO);
  CHECK(feed == NULL);
  ng_feed_free(NULL);
}

/* The fallback date sits below the page's own date and --date. */
static void
test_fallback_date(void)
{
  const char *dated =
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2025-03-01T10:00:00Z\"><title>T</title></head><body>"
      "<article><p>The council met on a rainy morning to discuss the new "
      "bridge, and members agreed to meet again next month.</p>"
      "<p>Residents said the works had gone on for too long.</p></article>"
      "</body></html>";
  const char *undated =
      "<html><head><title>T</title></head><body><article><p>The council "
      "met on a rainy morning to discuss the new bridge, and members agreed "
      "to meet again next month.</p><p>Residents said the works had gone "
      "on for too long.</p></article></body></html>";
  ng_doc *doc = NULL;
  CHECK_OK(ng_doc_load_bytes(world, dated, strlen(dated), "d", "text/html",
                             &doc));
  CHECK_OK(ng_doc_parse(world, doc));
  CHECK_OK(ng_doc_set_fallback_date(doc, "2025-04-05"));
  CHECK(doc->meta.date_published &&
        strncmp(doc->meta.date_published, "2025-03-01", 10) == 0);
  ng_doc_free(doc);
  CHECK_OK(ng_doc_load_bytes(world, undated, strlen(undated), "u",
                             "text/html", &doc));
  CHECK_OK(ng_doc_parse(world, doc));
  CHECK(doc->meta.date_published == NULL);
  CHECK(ng_doc_set_fallback_date(doc, "2025-02-30") == NG_ERR_ARG);
  CHECK_OK(ng_doc_set_fallback_date(doc, "2025-04-05"));
  CHECK_EQ_STR(doc->meta.date_published, "2025-04-05");
  ng_doc_free(doc);
}

int
main(void)
{
  world = ng_world_new();
  if (!world) {
    return 99;
  }
  test_dates();
  test_rss2();
  test_rss091();
  test_rss1();
  test_atom();
  test_sitemaps();
  test_discovery();
  test_duplicates();
  test_load_file();
  test_fallback_date();
  ng_world_free(world);
  return test_report();
}
