/* SPDX-License-Identifier: MIT */
/* Unit tests for meta.c: JSON-LD (@graph, @id authors, malformed blocks),
 * OpenGraph vs <title>, site-name suffixes, dates (published vs modified,
 * normalisation), authors, canonical URL, language (FAULT-CASES M01-M14). */
#include "meta.h"

#include "../test.h"

#include <stdlib.h>

static ng_world *world;

/* Parses @p page (with @p final_url, may be NULL) into a new doc. */
static struct ng_doc *
meta_of(const char *page, const char *final_url)
{
  struct ng_doc *doc = ng__doc_new("test");
  xmlDocPtr html = NULL;
  if (!doc) {
    return NULL;
  }
  if (final_url) {
    doc->final_url = strdup(final_url);
  }
  if (ng__html_parse(world, "test", page, strlen(page), final_url, &html) !=
          NG_OK ||
      ng__meta_parse(world, doc, html) != NG_OK) {
    test_failures++;
    fprintf(stderr, "meta_of failed: %s\n", ng_world_errmsg(world));
  }
  xmlFreeDoc(html);
  return doc;
}

static void
test_jsonld_graph(void)
{
  struct ng_doc *doc = meta_of(
    "<html><head><script type=\"application/ld+json\">"
    "{\"@context\":\"https://schema.org\",\"@graph\":["
    "{\"@type\":\"WebSite\",\"name\":\"Orlan Daily\"},"
    "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Mara Velt\"},"
    "{\"@type\":[\"NewsArticle\"],\"headline\":\"Harbour strike ends\","
    "\"datePublished\":\"2021-03-04T10:00:00+01:00\","
    "\"dateModified\":\"2021-03-05T08:00:00+01:00\","
    "\"author\":[{\"@id\":\"#p1\"},{\"@type\":\"Person\",\"name\":\"Ivo "
    "Tran\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"Orlan "
    "Daily\"},\"inLanguage\":\"en-gb\"}]}</script>"
    "<title>Harbour strike ends | Orlan Daily</title></head>"
    "<body><p>x</p></body></html>", NULL);
  CHECK_EQ_STR(doc->meta.headline, "Harbour strike ends");
  CHECK_EQ_STR(doc->meta.date_published, "2021-03-04T10:00:00+01:00");
  CHECK_EQ_STR(doc->meta.date_modified, "2021-03-05T08:00:00+01:00");
  CHECK(doc->meta.n_authors == 2);
  if (doc->meta.n_authors == 2) {
    CHECK_EQ_STR(doc->meta.authors[0], "Mara Velt");
    CHECK_EQ_STR(doc->meta.authors[1], "Ivo Tran");
  }
  CHECK_EQ_STR(doc->meta.publisher, "Orlan Daily");
  CHECK_EQ_STR(doc->meta.language, "en-GB");
  ng_doc_free(doc);
}

static void
test_jsonld_malformed(void)
{
  /* M03 (a) trailing ';', (b) CDATA wrapper, (c) raw newline, (d) several
   * blocks with a broken one first. */
  static const char *const pages[] = {
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
    "\"datePublished\":\"2021-03-04T10:00:00+01:00\"};</script>",
    "<script type=\"application/ld+json\">//<![CDATA[\n{\"@type\":"
    "\"NewsArticle\",\"datePublished\":\"2021-03-04T10:00:00+01:00\"}\n"
    "//]]></script>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
    "\"headline\":\"Line one\nline two\",\"datePublished\":"
    "\"2021-03-04T10:00:00+01:00\"}</script>",
    "<script type=\"application/ld+json\">{\"@type\": oops</script>"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
    "\"datePublished\":\"2021-03-04T10:00:00+01:00\"}</script>"
    "<script type=\"application/ld+json\">{\"@type\":\"BreadcrumbList\","
    "\"itemListElement\":[]}</script>"};
  for (size_t i = 0; i < ARRAY_LEN(pages); i++) {
    struct ng_doc *doc = meta_of(pages[i], NULL);
    CHECK_EQ_STR(doc->meta.date_published, "2021-03-04T10:00:00+01:00");
    if (i == 2) {
      CHECK_EQ_STR(doc->meta.headline, "Line one line two");
    }
    ng_doc_free(doc);
  }
}

static void
test_titles(void)
{
  /* M01: a short headline that the <h1> repeats loses the site suffix,
   * whose side names the publisher (no site name given anywhere). */
  {
    struct ng_doc *d = meta_of(
      "<title>Kenya trade deal - Harbour Daily</title></head><body>"
      "<h1>Kenya trade deal</h1><p>Text.</p>", NULL);
    CHECK_EQ_STR(d->meta.headline, "Kenya trade deal");
    CHECK_EQ_STR(d->meta.publisher, "Harbour Daily");
    ng_doc_free(d);
  }
  /* og:title beats <title>; the site suffix goes. */
  struct ng_doc *doc = meta_of(
    "<title>Old title | Velmar Post</title>"
    "<meta property=\"og:title\" content=\"Ferry service resumes - Velmar "
    "Post\"><meta property=\"og:site_name\" content=\"Velmar Post\">", NULL);
  CHECK_EQ_STR(doc->meta.headline, "Ferry service resumes");
  CHECK_EQ_STR(doc->meta.publisher, "Velmar Post");
  CHECK_EQ_STR(doc->meta.site_name, "Velmar Post");
  ng_doc_free(doc);
  /* M01: JSON-LD name is the site; the colon part stays. */
  doc = meta_of(
    "<title>Superbugs: What Doctors Know \xE2\x80\x93 The Daily "
    "Meridian</title><script type=\"application/ld+json\">{\"@type\":"
    "\"NewsArticle\",\"name\":\"The Daily Meridian\",\"headline\":"
    "\"Superbugs: What Doctors Know\"}</script>"
    "<body><h1>Superbugs: What Doctors Know</h1></body>", NULL);
  CHECK_EQ_STR(doc->meta.headline, "Superbugs: What Doctors Know");
  ng_doc_free(doc);
  /* <title> only, site name known from og:site_name; en dash. */
  doc = meta_of(
    "<title>Superbugs: What Doctors Know \xE2\x80\x93 The Daily "
    "Meridian</title><meta property=\"og:site_name\" content=\"The Daily "
    "Meridian\">", NULL);
  CHECK_EQ_STR(doc->meta.headline, "Superbugs: What Doctors Know");
  ng_doc_free(doc);
  /* Site name first and no declaration: confirmed by the page. */
  doc = meta_of(
    "<title>Orlan Wire - Harbour workers end five-day strike</title>"
    "<body><b>Harbour workers end five-day strike</b><p>Text.</p></body>",
    NULL);
  CHECK_EQ_STR(doc->meta.headline, "Harbour workers end five-day strike");
  CHECK_EQ_STR(doc->meta.publisher, "Orlan Wire");
  ng_doc_free(doc);
  /* No separator to trust: the title stays whole. */
  doc = meta_of("<title>Anwar - Putin talks in Moscow</title>", NULL);
  CHECK_EQ_STR(doc->meta.headline, "Anwar - Putin talks in Moscow");
  ng_doc_free(doc);
  /* M02: entities decoded exactly once. */
  doc = meta_of("<meta property=\"og:title\" content=\"Minister&#039;s "
                "visit &amp; talks\">", NULL);
  CHECK_EQ_STR(doc->meta.headline, "Minister's visit & talks");
  ng_doc_free(doc);
  doc = meta_of("<body><h1>Use &amp;lt;b&amp;gt; tags</h1></body>", NULL);
  CHECK_EQ_STR(doc->meta.headline, "Use &lt;b&gt; tags");
  ng_doc_free(doc);
}

static void
test_dates(void)
{
  /* M12: published and modified kept apart, never swapped. */
  struct ng_doc *doc = meta_of(
    "<meta property=\"article:published_time\" "
    "content=\"2024-03-01T09:00:00+00:00\">"
    "<meta property=\"article:modified_time\" "
    "content=\"2024-03-02T17:30:00+00:00\"><p>Updated 2 March</p>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2024-03-01T09:00:00Z");
  CHECK_EQ_STR(doc->meta.date_modified, "2024-03-02T17:30:00Z");
  ng_doc_free(doc);
  /* Only a modified date: no published date is made from it. */
  doc = meta_of("<meta property=\"article:modified_time\" "
                "content=\"2024-03-02\">", NULL);
  CHECK(doc->meta.date_published == NULL);
  CHECK_EQ_STR(doc->meta.date_modified, "2024-03-02");
  ng_doc_free(doc);
  /* M13: an old date is fine; a future one is rejected for the next. */
  doc = meta_of(
    "<meta property=\"article:published_time\" content=\"2999-01-01\">"
    "<meta name=\"date\" content=\"1991-01-02T01:01:00+01:00\">", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "1991-01-02T01:01:00+01:00");
  ng_doc_free(doc);
  /* microdata and <time pubdate>, and a visible line as last resort */
  doc = meta_of("<span itemprop=\"datePublished\" "
                "content=\"2025-06-03T08:30:00+02:00\">3 June</span>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2025-06-03T08:30:00+02:00");
  ng_doc_free(doc);
  doc = meta_of("<body><font>Published: 18 February 2025</font></body>",
                NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2025-02-18");
  ng_doc_free(doc);

  char d[32];
  CHECK(ng__meta_norm_date("2018-04-05T06:00", d));
  CHECK_EQ_STR(d, "2018-04-05T06:00:00"); /* M10 (c): no Z invented */
  CHECK(ng__meta_norm_date("20110101", d));
  CHECK_EQ_STR(d, "2011-01-01");
  CHECK(ng__meta_norm_date("2023-11-08", d));
  CHECK_EQ_STR(d, "2023-11-08");
  CHECK(ng__meta_norm_date("2025-05-15T09:10:00.000+0800", d));
  CHECK_EQ_STR(d, "2025-05-15T09:10:00+08:00");
  CHECK(ng__meta_norm_date("3:05 PM, 12 March 2024", d));
  CHECK_EQ_STR(d, "2024-03-12T15:05:00"); /* M09 */
  CHECK(ng__meta_norm_date("March 12, 2024 12:30 AM", d));
  CHECK_EQ_STR(d, "2024-03-12T00:30:00");
  CHECK(ng__meta_norm_date("Mar 12, 2024 12:10 pm", d));
  CHECK_EQ_STR(d, "2024-03-12T12:10:00");
  CHECK(ng__meta_norm_date("Tue, 04 Mar 2025 19:05:00 +0800", d));
  CHECK_EQ_STR(d, "2025-03-04T19:05:00+08:00");
  CHECK(!ng__meta_norm_date("2023-02-29", d));
  CHECK(!ng__meta_norm_date("no date here", d));
  CHECK(!ng__meta_norm_date("2024-13-01", d));
}

/* Printed dates under the headline and their zones (FAULT-CASES M09-M13):
 * each page below fails without the rule named beside it. */
static void
test_visible_dates(void)
{
  /* M09: a 12-hour printed time; the zone comes from the page's other
   * machine date. */
  struct ng_doc *doc = meta_of(
    "<meta property=\"article:modified_time\" "
    "content=\"2024-03-12T18:00:00+08:00\"><body><h1>Port talks resume</h1>"
    "<p>Published 3:05 PM, 12 March 2024</p><p>Body.</p></body>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2024-03-12T15:05:00+08:00");
  ng_doc_free(doc);
  doc = meta_of("<body><h1>Night vote</h1><div>Posted March 12, 2024, "
                "12:30 a.m.</div></body>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2024-03-12T00:30:00");
  ng_doc_free(doc);
  doc = meta_of("<body><h1>Noon vote</h1><div>Mar 12, 2024</div>"
                "<div>12:10 PM</div></body>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2024-03-12T12:10:00");
  ng_doc_free(doc);

  /* M10 (a): IST on an Indian page is +05:30; (b) with no locale clue
   * no offset is made up. */
  doc = meta_of("<html lang=\"en-IN\"><body><h1>Rail link opens</h1>"
                "<span>2018-02-17 16:15 IST</span></body></html>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2018-02-17T16:15:00+05:30");
  ng_doc_free(doc);
  doc = meta_of("<body><h1>Rail link opens</h1>"
                "<span>2018-02-17 16:15 IST</span></body>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2018-02-17T16:15:00");
  ng_doc_free(doc);
  /* M10: US zones, daylight saving time for ET. */
  doc = meta_of("<html lang=\"en-US\"><body><h1>Vote count</h1><p>By Ana "
                "Reis</p><p>July 4, 2019 at 9:24 pm ET</p></body></html>",
                NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2019-07-04T21:24:00-04:00");
  ng_doc_free(doc);
  /* M10: a CMS that labels UTC as local time in JSON-LD; the printed
   * byline date is one day earlier and wins. */
  doc = meta_of(
    "<html lang=\"en-US\"><script type=\"application/ld+json\">"
    "{\"@type\":\"NewsArticle\",\"headline\":\"Wagon unveiled\","
    "\"datePublished\":\"2019-11-20T04:31:13-06:00\"}</script><body>"
    "<h1>Wagon unveiled</h1><p>Nov 19, 2019, 10:31 pm CST</p></body></html>",
    NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2019-11-19T22:31:00-06:00");
  ng_doc_free(doc);
  /* ... but a byline in the same local day keeps the precise machine
   * date. */
  doc = meta_of(
    "<meta property=\"article:published_time\" "
    "content=\"2019-11-20T04:26:47Z\"><body><h1>Late goal</h1>"
    "<p>11:26 pm EST, Tuesday, November 19, 2019</p></body>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2019-11-20T04:26:47Z");
  ng_doc_free(doc);

  /* M11: numeric dates in the page's order: en-GB is day first; on a
   * page without a locale one unambiguous date fixes the order. */
  doc = meta_of("<html lang=\"en-GB\"><body><h1>Ferry strike</h1>"
                "<p>2/5/2019</p></body></html>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2019-05-02");
  ng_doc_free(doc);
  doc = meta_of("<body><h1>Ferry strike</h1><p>2/5/2019</p>"
                "<p>Talks began on</p><p>15/4/2019</p></body>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2019-05-02");
  ng_doc_free(doc);
  doc = meta_of("<html lang=\"en-US\"><body><h1>Ferry strike</h1>"
                "<p>2/5/2019</p></body></html>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2019-02-05");
  ng_doc_free(doc);
  doc = meta_of("<html lang=\"de\"><body><h1>Hafen</h1>"
                "<p>publiziert am 30. Juli 2018</p></body></html>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2018-07-30");
  ng_doc_free(doc);
  doc = meta_of("<html lang=\"pt\"><body><h1>Porto</h1>"
                "<p>sexta-feira, 22 de outubro de 2010 \xc3\xa0s 20:13</p>"
                "</body></html>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2010-10-22T20:13:00");
  ng_doc_free(doc);

  /* M12: an "Updated" line under the headline is not the published
   * date. */
  doc = meta_of("<body><h1>Dam inquiry</h1><p>Updated: March 5, 2024</p>"
                "<p>March 1, 2024</p></body>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2024-03-01");
  ng_doc_free(doc);

  /* M13: an old machine date stays; sidebar and footer dates and the
   * copyright year are never used. */
  doc = meta_of(
    "<meta property=\"article:published_time\" "
    "content=\"1991-01-02T01:01:00+01:00\"><body><h1>Old port</h1>"
    "<aside><p>March 3, 2024</p></aside><p>Text.</p>"
    "<footer>\xc2\xa9 2024 The Daily Meridian</footer></body>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "1991-01-02T01:01:00+01:00");
  ng_doc_free(doc);
  doc = meta_of("<body><h1>Old port</h1><p>Text.</p><footer>\xc2\xa9 2024 "
                "The Daily Meridian</footer></body>", NULL);
  CHECK(doc->meta.date_published == NULL);
  ng_doc_free(doc);
  /* M13: a placeholder year 1 is not a date; the printed one is used. */
  doc = meta_of(
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
    "\"datePublished\":\"0001-01-01T00:00:00Z\"}</script><body>"
    "<p>Published 11:11 PM EST Nov 19, 2019</p><h1>Bowl bid</h1></body>",
    NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2019-11-19T23:11:00-05:00");
  ng_doc_free(doc);
  /* M03: a JSON-LD block json-c cannot parse (raw quote inside a string)
   * still gives its date. */
  doc = meta_of(
    "<script type=\"application/ld+json\">{\"@type\":\"Article\","
    "\"description\":\"the \"Jewels\" show\",\"datePublished\":"
    "\"2018-04-18\"}</script><body><h1>Lights</h1></body>", NULL);
  CHECK_EQ_STR(doc->meta.date_published, "2018-04-18");
  ng_doc_free(doc);
}

static void
test_authors(void)
{
  /* M07: two meta authors, a suffix kept with its name. */
  struct ng_doc *doc = meta_of(
    "<meta name=\"author\" content=\"Sam Ortiz, Jr.\">"
    "<meta name=\"author\" content=\"Dana Kwe\">", NULL);
  CHECK(doc->meta.n_authors == 2);
  if (doc->meta.n_authors == 2) {
    CHECK_EQ_STR(doc->meta.authors[0], "Sam Ortiz, Jr.");
    CHECK_EQ_STR(doc->meta.authors[1], "Dana Kwe");
  }
  ng_doc_free(doc);
  /* M05: the publisher is never an author; "By" goes; lists split. */
  doc = meta_of(
    "<meta property=\"og:site_name\" content=\"The Daily Meridian\">"
    "<meta name=\"author\" content=\"The Daily Meridian\">"
    "<meta name=\"author\" content=\"By Petra Lunde and Karl Osei\">", NULL);
  CHECK(doc->meta.n_authors == 2);
  if (doc->meta.n_authors == 2) {
    CHECK_EQ_STR(doc->meta.authors[0], "Petra Lunde");
    CHECK_EQ_STR(doc->meta.authors[1], "Karl Osei");
  }
  CHECK_EQ_STR(doc->meta.publisher, "The Daily Meridian");
  ng_doc_free(doc);
  doc = meta_of("<meta name=\"author\" content=\"Email the author\">", NULL);
  CHECK(doc->meta.n_authors == 0);
  ng_doc_free(doc);
  /* M05: the publisher's name as <meta name=author> with no other
   * publisher given is the publisher; the byline link is the author; a
   * name in a related-stories aside is nobody's author. */
  doc = meta_of(
    "<meta name=\"author\" content=\"The Daily Meridian\"><body>"
    "<h1>Ministers meet</h1><div class=\"byline\">The Daily Meridian | By "
    "<a rel=\"author\" href=\"/a/pl\">Petra Lunde</a> \xc2\xb7 Email the "
    "author \xc2\xb7 @plunde</div><article><p>Ministers met.</p></article>"
    "<aside class=\"related\"><li>3 hours ago Karl Osei</li></aside></body>",
    NULL);
  CHECK(doc->meta.n_authors == 1);
  if (doc->meta.n_authors == 1) {
    CHECK_EQ_STR(doc->meta.authors[0], "Petra Lunde");
  }
  CHECK_EQ_STR(doc->meta.publisher, "The Daily Meridian");
  ng_doc_free(doc);
  /* M05/M07: credentials stay with their name; job titles, site names
   * and agency acronyms are not persons. */
  doc = meta_of(
    "<meta name=\"author\" content=\"Lina Okafor, MS, RD\">"
    "<meta name=\"author\" content=\"AP National Security Writer\">"
    "<meta name=\"author\" content=\"Velmar.com\">"
    "<meta name=\"author\" content=\"CNN\">", NULL);
  CHECK(doc->meta.n_authors == 1);
  if (doc->meta.n_authors == 1) {
    CHECK_EQ_STR(doc->meta.authors[0], "Lina Okafor, MS, RD");
  }
  ng_doc_free(doc);
}

/* M05/M07: the printed byline is the last author source: a list with a
 * suffix splits into its people; a byline in a related-stories aside
 * (before the article) and a staff byline are nobody's. */
static void
test_printed_byline(void)
{
  struct ng_doc *doc = meta_of(
    "<body><aside class=\"most-read\"><a href=\"/c\">Cocoa prices rise</a>"
    "<p class=\"byline\">By Karl Osei</p></aside><article><h1>Border "
    "reopens</h1><div class=\"story-byline\">By Sam Ortiz, Jr., Lena "
    "Dorsey and Ivo Tran</div><p>The border reopened.</p></article>"
    "</body>", NULL);
  CHECK(doc->meta.n_authors == 3);
  if (doc->meta.n_authors == 3) {
    CHECK_EQ_STR(doc->meta.authors[0], "Sam Ortiz, Jr.");
    CHECK_EQ_STR(doc->meta.authors[1], "Lena Dorsey");
    CHECK_EQ_STR(doc->meta.authors[2], "Ivo Tran");
  }
  ng_doc_free(doc);
  doc = meta_of("<body><h1>Border reopens</h1><p id=\"byline\">By Orlan "
                "Daily staff</p><p>The border reopened.</p></body>", NULL);
  CHECK(doc->meta.n_authors == 0);
  ng_doc_free(doc);
  /* a byline that does not start with "By" is not read as names */
  doc = meta_of("<body><h1>Border reopens</h1><p class=\"byline\">Updated "
                "May 3, 2025</p><p>The border reopened.</p></body>", NULL);
  CHECK(doc->meta.n_authors == 0);
  ng_doc_free(doc);
  /* the names end before the place, the outlet and the agency */
  doc = meta_of("<body><h1>Border reopens</h1><p class=\"byline\">By Lena "
                "Dorsey in Velmar \xc2\xb7 Email the author</p><p>The border "
                "reopened.</p></body>", NULL);
  CHECK(doc->meta.n_authors == 1);
  if (doc->meta.n_authors == 1) {
    CHECK_EQ_STR(doc->meta.authors[0], "Lena Dorsey");
  }
  ng_doc_free(doc);
  doc = meta_of("<body><h1>Border reopens</h1><p class=\"byline\">By Ivo "
                "Tran, Wirepix</p><p>The border reopened.</p></body>", NULL);
  CHECK(doc->meta.n_authors == 1);
  if (doc->meta.n_authors == 1) {
    CHECK_EQ_STR(doc->meta.authors[0], "Ivo Tran");
  }
  ng_doc_free(doc);
  /* the inner byline holds the names, the outer one adds the agency */
  doc = meta_of("<body><h1>Border reopens</h1><div class=\"story-byline\">"
                "<div class=\"byline-names\">By LENA DORSEY and IVO TRAN"
                "</div><div class=\"byline-title\">Orlan Wire Press</div>"
                "</div><p>The border reopened.</p></body>", NULL);
  CHECK(doc->meta.n_authors == 2);
  if (doc->meta.n_authors == 2) {
    CHECK_EQ_STR(doc->meta.authors[1], "IVO TRAN");
  }
  ng_doc_free(doc);
  /* metadata authors win over the printed byline */
  doc = meta_of("<meta name=\"author\" content=\"Dana Kwe\"><body><p "
                "class=\"byline\">By Dana Kwe in Velmar</p></body>", NULL);
  CHECK(doc->meta.n_authors == 1);
  ng_doc_free(doc);
}

static void
test_canonical(void)
{
  const char *final = "https://news.example/world/2024/orlan-talks";
  /* M14 (a): relative canonical resolved against the page URL. */
  struct ng_doc *doc = meta_of(
    "<link rel=\"canonical\" href=\"/world/2024/orlan-talks\">", final);
  CHECK_EQ_STR(doc->meta.canonical_url, final);
  ng_doc_free(doc);
  /* (b) no host and (c) home page: rejected, og:url used instead. */
  doc = meta_of("<link rel=\"canonical\" href=\"https:///world/x\">"
                "<meta property=\"og:url\" "
                "content=\"https://news.example/world/2024/og\">", final);
  CHECK_EQ_STR(doc->meta.canonical_url, "https://news.example/world/2024/og");
  ng_doc_free(doc);
  doc = meta_of("<link rel=\"canonical\" href=\"https://news.example/\">",
                final);
  CHECK(doc->meta.canonical_url == NULL);
  ng_doc_free(doc);
  /* spaces in a canonical URL are percent-encoded */
  doc = meta_of("<link rel=canonical href=\"https://news.example/a b\">",
                NULL);
  CHECK_EQ_STR(doc->meta.canonical_url, "https://news.example/a%20b");
  ng_doc_free(doc);
  /* <html lang> normalised */
  doc = meta_of("<html lang=\"en_us\"><body></body></html>", NULL);
  CHECK_EQ_STR(doc->meta.language, "en-US");
  ng_doc_free(doc);
}

int
main(void)
{
  world = ng_world_new();
  if (!world || ng_world_set_option(world, "now", "1750000000") != NG_OK) {
    return 99;
  }
  test_jsonld_graph();
  test_jsonld_malformed();
  test_titles();
  test_dates();
  test_visible_dates();
  test_authors();
  test_printed_byline();
  test_canonical();
  ng_world_free(world);
  return test_report();
}
