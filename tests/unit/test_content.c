/* SPDX-License-Identifier: MIT */
/* Unit tests for content.c and input.c: main-text extraction (FAULT-CASES
 * E01-E05), plain text with front matter, the article IRI, loading files
 * (.gz, caps, missing files, schemes), and hostile input. */
#include "content.h"
#include "input.h"

#include "../test.h"

#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

static ng_world *world;

/* Loads @p page as HTML and parses it; returns the doc (status in *st). */
static ng_doc *
parse_page(const char *page, size_t len, ng_status *st)
{
  ng_doc *doc = NULL;
  *st = ng_doc_load_bytes(world, page, len, "page.html", "text/html", &doc);
  if (*st == NG_OK) {
    *st = ng_doc_parse(world, doc);
  }
  return doc;
}

/* The main text of @p page, or "" (static buffer). */
static const char *
text_of(const char *page)
{
  static char buf[8192];
  ng_status st;
  ng_doc *doc = parse_page(page, strlen(page), &st);
  buf[0] = '\0';
  if (st == NG_OK) {
    snprintf(buf, sizeof buf, "%s", ng_doc_get_text(doc));
  } else {
    fprintf(stderr, "parse failed: %s\n", ng_world_errmsg(world));
  }
  ng_doc_free(doc);
  return buf;
}

static const char lorem[] =
  "Harbour workers in Orlan ended a five-day strike on Monday after the "
  "port authority agreed to raise night-shift pay, union leaders said, "
  "and the first container ships were unloaded by the afternoon shift.";

static void
test_boilerplate(void)
{
  char page[8192];
  /* cookie banner, nav, footer, comments and related links dropped; the
   * dateline paragraph and an h2 inside the body kept */
  snprintf(page, sizeof page,
           "<html><body><div id=\"cookie-banner\">We use cookies to improve "
           "your experience. <button>Accept all</button></div>"
           "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/w\">World"
           "</a></li></ul></nav><header><a href=\"/\">Orlan Daily</a>"
           "</header><article><h1>Strike ends</h1>"
           "<p>ORLAN CITY, May 15 \xE2\x80\x94 %s</p>"
           "<h2>What comes next</h2><p>%s</p><p>%s</p></article>"
           "<section class=\"comments\"><p>Great article, thanks. I have "
           "been waiting for this news for a long time, really.</p>"
           "</section><aside class=\"related\"><ul><li><a href=\"/n/1\">"
           "Ringgit opens higher against US dollar on firm oil prices</a>"
           "</li></ul></aside><footer><p>&copy; 2025 Orlan Daily. All "
           "rights reserved.</p></footer></body></html>",
           lorem, lorem, lorem);
  const char *t = text_of(page);
  CHECK(strncmp(t, "ORLAN CITY, May 15 \xE2\x80\x94 Harbour", 26) == 0);
  CHECK(strstr(t, "\n\nWhat comes next\n\n") != NULL);
  CHECK(strstr(t, "cookies") == NULL);
  CHECK(strstr(t, "Home") == NULL);
  CHECK(strstr(t, "Great article") == NULL);
  CHECK(strstr(t, "Ringgit") == NULL);
  CHECK(strstr(t, "rights reserved") == NULL);
  CHECK(strstr(t, "Strike ends") == NULL);

  /* E01: the body sits in an <aside class="article-body">. */
  snprintf(page, sizeof page,
           "<body><div class=\"consent\"><p>We use cookies to improve your "
           "experience. Accept all</p></div><aside class=\"article-body\">"
           "<p>%s</p><p>Second paragraph of the report, with more detail "
           "about the pay deal and the night shifts.</p></aside></body>",
           lorem);
  t = text_of(page);
  CHECK(strncmp(t, "Harbour workers", 15) == 0);
  CHECK(strstr(t, "Second paragraph") != NULL);
  CHECK(strstr(t, "cookies") == NULL);
}

static void
test_split_and_links(void)
{
  char page[8192];
  /* E05: short lead and a body split around an advert. */
  snprintf(page, sizeof page,
           "<body><div class=\"lead\"><p>Short lead.</p></div>"
           "<div class=\"body-part\"><p>A %s</p></div>"
           "<div class=\"ad\">Advert</div>"
           "<div class=\"body-part\"><p>B %s</p></div>"
           "<div class=\"body-part\"><p>C %s</p></div></body>",
           lorem, lorem, lorem);
  const char *t = text_of(page);
  CHECK(strncmp(t, "Short lead.\n\nA Harbour", 22) == 0);
  const char *b = strstr(t, "B Harbour"), *c = strstr(t, "C Harbour");
  CHECK(b && c && b < c);
  CHECK(strstr(t, "Advert") == NULL);

  /* E02: a paragraph that is one link stays, in order. */
  snprintf(page, sizeof page,
           "<article><p>Para one. %s</p><p><a href=\"/live\"><strong>On "
           "Friday three men denied the charge.</strong></a></p>"
           "<p>Para three. %s</p><p class=\"read-more\"><strong>Read more:"
           "</strong> <a href=\"/n/9\">Ministry says talks to continue</a>"
           "</p></article>",
           lorem, lorem);
  t = text_of(page);
  const char *one = strstr(t, "Para one.");
  const char *two = strstr(t, "On Friday three men denied the charge.");
  const char *three = strstr(t, "Para three.");
  CHECK(one && two && three && one < two && two < three);
  CHECK(strstr(t, "Read more") == NULL);

  /* E04: captions and credits dropped. */
  snprintf(page, sizeof page,
           "<article><p>Talks resumed. %s</p><figure><img src=a.jpg>"
           "<figcaption>Delegates arrive in Velmar.</figcaption></figure>"
           "<p class=\"image-credit-wrap\"><span class=\"cutline\">Delegates "
           "arrive in Velmar.</span><span class=\"credit\">(Photo: Lena "
           "Dorsey, Wirepix)</span></p><p>More text. %s</p></article>",
           lorem, lorem);
  t = text_of(page);
  CHECK(strstr(t, "Talks resumed.") != NULL);
  CHECK(strstr(t, "More text.") != NULL);
  CHECK(strstr(t, "Delegates") == NULL);
  CHECK(strstr(t, "Lena Dorsey") == NULL);

  /* E03: an index page of teasers is not an article. */
  char idx[4096];
  size_t n = 0;
  n += (size_t)snprintf(idx + n, sizeof idx - n, "<body>");
  for (int i = 0; i < 10; i++) {
    n += (size_t)snprintf(idx + n, sizeof idx - n,
                          "<div class=\"card\"><h2><a href=\"/s/%d\">Teaser "
                          "%d</a></h2><time>12 Jun 2025</time></div>", i, i);
  }
  ng_status st;
  ng_doc *doc = parse_page(idx, n, &st);
  CHECK(st == NG_ERR_PARSE);
  CHECK(strstr(ng_world_errmsg(world), "no article text in page.html"));
  ng_doc_free(doc);
}

/* Class 5 (recall): a best-effort body from broken old pages instead of
 * "no article text": <br>-separated lines with no <p>, a page the parser
 * left in the <head> after a stray tag, an article pasted after an early
 * </html>, and a broken <html> start tag that leaves the page in a second
 * root element. */
static void
test_broken_pages(void)
{
  char page[8192];
  /* lines split by <br> belong to their cell, not to the <br> */
  snprintf(page, sizeof page,
           "<body><table><tr><td><div class=\"nav\"><a href=\"/\">Home</a>"
           " <a href=\"/w\">World</a></div><p>Weather, traffic, lottery "
           "numbers, school closings and more, every day.</p></td>"
           "<td>ORLAN - Line one. %s<br><br>Line two. %s<br><br>Line three. "
           "%s<br><br>Line four. %s</td></tr></table></body>",
           lorem, lorem, lorem, lorem);
  const char *t = text_of(page);
  CHECK(strncmp(t, "ORLAN - Line one.", 17) == 0);
  CHECK(strstr(t, "\n\nLine four. Harbour") != NULL);
  CHECK(strstr(t, "lottery") == NULL);
  /* <br> lines in a <font> inside a <p>: the lines score the paragraph
   * (not the <br> before them), so the story's block wins over a
   * neighbouring teaser box */
  snprintf(page, sizeof page,
           "<body><div><p><b>Lead of the story.</b></p><p><font>Line two. "
           "%s<br><br>Line three. %s<br><br>Line four. %s</font></p></div>"
           "<div><p>Short teaser, with a comma here.</p></div></body>",
           lorem, lorem, lorem);
  t = text_of(page);
  CHECK(strncmp(t, "Lead of the story.\n\nLine two.", 29) == 0);
  CHECK(strstr(t, "teaser") == NULL);
  /* text left in the head by a stray tag before <body> */
  snprintf(page, sizeof page,
           "<html><head><title>Strike ends</title><mbox><table><tr><td>"
           "<p>Para one. %s</p><p>Para two. %s</p></td></tr></table>"
           "</html>",
           lorem, lorem);
  t = text_of(page);
  CHECK(strstr(t, "Para one. Harbour") != NULL);
  CHECK(strstr(t, "Para two. Harbour") != NULL);
  CHECK(strstr(t, "Strike ends") == NULL);
  /* an article after an early </html> */
  snprintf(page, sizeof page,
           "<html><head><title>News</title></head><body><div>Sunny, 25 "
           "degrees</div></body></html><html><head><title>Strike ends"
           "</title></head><body><table><tr><td><p>Para one. %s</p>"
           "<p>Para two. %s</p></td></tr></table></body></html>",
           lorem, lorem);
  t = text_of(page);
  CHECK(strstr(t, "Para one. Harbour") != NULL);
  CHECK(strstr(t, "Para two. Harbour") != NULL);
  /* a broken <html> start tag */
  snprintf(page, sizeof page,
           "<!DOCTYPE html>\n<html xlogo.jpg\" alt=\"Orlan Wire\" "
           "width=\"145\" /></a></td>\n<td><table>"
           "<tr><td><div>Para one. %s<br>Para two. %s</div></td></tr>"
           "</table></body></html>",
           lorem, lorem);
  t = text_of(page);
  CHECK(strstr(t, "Para one. Harbour") != NULL);
  CHECK(strstr(t, "Para two. Harbour") != NULL);
}

/* Class 1: readers' comments in the story's own container (same class,
 * no comment markup) end at the "Comments" heading or the first
 * "Posted by" signature. */
static void
test_comment_heading(void)
{
  char page[8192];
  snprintf(page, sizeof page,
           "<body><div class=\"main\"><p class=\"story\">Para one. %s</p>"
           "<p class=\"story\">Para two. %s</p><div>Comments (2)</div>"
           "<p class=\"story\">Great piece, but the port should have paid "
           "them years ago, and everyone in Orlan knows it.</p>"
           "<p class=\"story\">Posted by Harbour Fan on May 15, 2025 5:58 PM"
           "</p><p class=\"story\">I disagree with the first reader, the "
           "union asked for far too much this time, as usual.</p></div>"
           "</body>",
           lorem, lorem);
  const char *t = text_of(page);
  CHECK(strstr(t, "Para two. Harbour") != NULL);
  CHECK(strstr(t, "Great piece") == NULL);
  CHECK(strstr(t, "disagree") == NULL);
  /* an "Also in" teaser list after the story */
  snprintf(page, sizeof page,
           "<body><div class=\"main\"><p>Para one. %s</p><p>Para two. %s</p>"
           "<p>Also in Business:</p><p>Orlan bank raises its rates for "
           "the third time this year, citing the cost of imported fuel.</p>"
           "</div></body>",
           lorem, lorem);
  t = text_of(page);
  CHECK(strstr(t, "Para two. Harbour") != NULL);
  CHECK(strstr(t, "imported fuel") == NULL);
  /* a story that merely mentions comments is not cut */
  snprintf(page, sizeof page,
           "<article><p>Para one. %s</p><p>Comments</p><p>Para two. %s</p>"
           "</article>",
           lorem, lorem);
  t = text_of(page);
  CHECK(strstr(t, "Para one. Harbour") != NULL);
  snprintf(page, sizeof page,
           "<article><p>Para one. %s</p><p>The minister declined to comment "
           "on the strike.</p><p>Para two. %s</p></article>",
           lorem, lorem);
  t = text_of(page);
  CHECK(strstr(t, "Para two. Harbour") != NULL);
}

/* Classes 2-4: wire bylines with a role or a time, numeric stamps ending
 * in a dash or a time zone, captions ending in a "(NAME / AGENCY)"
 * credit, and wire copyright notices are not story text. */
static void
test_wire_furniture(void)
{
  char page[8192];
  snprintf(page, sizeof page,
           "<article><p>By LENA DORSEY, Orlan Wire Writer 42 minutes ago</p>"
           "<p>2025-05-15 20:04:13 -</p><p>Workers cheer at the gate in "
           "Orlan on Monday. (Lena Dorsey / ORLAN WIRE)</p>"
           "<p>Para one. %s</p><p>Font size:</p>"
           "<p>By Monday the ships had gone.</p>"
           "<p>Para two. %s</p><p>(\xc2\xa9 2025 Orlan Wire. All Rights "
           "Reserved. This material may not be published.)</p></article>",
           lorem, lorem);
  const char *t = text_of(page);
  CHECK(strncmp(t, "Para one. Harbour", 17) == 0);
  CHECK(strstr(t, "\n\nBy Monday the ships had gone.\n\n") != NULL);
  CHECK(strstr(t, "Writer") == NULL);
  CHECK(strstr(t, "20:04") == NULL);
  CHECK(strstr(t, "cheer") == NULL);
  CHECK(strstr(t, "Reserved") == NULL);
  CHECK(strstr(t, "Font") == NULL);
  /* a parenthesis with a slash inside a sentence is kept */
  snprintf(page, sizeof page,
           "<article><p>Para one. %s</p><p>Shifts run day and night (and "
           "weekends/holidays)</p><p>Para two. %s</p></article>",
           lorem, lorem);
  t = text_of(page);
  CHECK(strstr(t, "weekends/holidays") != NULL);
}

/* Class 3: short labels above the story that do not end a sentence
 * (section name, kicker, agency name) are not its first paragraph; a
 * short first sentence is. */
static void
test_leading_labels(void)
{
  char page[8192];
  snprintf(page, sizeof page,
           "<article><p>Latest News</p><p>Orlan Wire</p><p>Para one. %s</p>"
           "<p>Para two. %s</p><p>What comes next</p><p>Para three. %s</p>"
           "</article>",
           lorem, lorem, lorem);
  const char *t = text_of(page);
  CHECK(strncmp(t, "Para one. Harbour", 17) == 0);
  CHECK(strstr(t, "\n\nWhat comes next\n\n") != NULL);
  snprintf(page, sizeof page,
           "<article><p>Short lead.</p><p>Para one. %s</p>"
           "<p>Para two. %s</p></article>",
           lorem, lorem);
  t = text_of(page);
  CHECK(strncmp(t, "Short lead.\n\nPara one.", 22) == 0);
}

/* E01/E02/E03: a consent banner and readers' comments are never article
 * text, not even when the article is short (under 500 bytes, so the
 * extractor retries with fewer exclusions) or missing altogether. */
static void
test_short_article_banner(void)
{
  static const char banner[] =
    "<div id=\"cookie-consent\" class=\"consent-banner\" role=\"dialog\">"
    "<p>This site and its 96 advertising partners store cookies on your "
    "device to show you relevant offers and count visits. Change your "
    "settings at any time. <button>Accept all</button> <button>Manage "
    "choices</button></p></div>";
  static const char comments[] =
    "<section class=\"comments\" id=\"comments\"><div class=\"comment\">"
    "<p>Finally some good news. I just hope they keep their word this "
    "time, we have heard all of this before.</p></div><div class=\"comment"
    "\"><p>Does anyone know whether the evening service will change as "
    "well? The article does not say.</p></div></section>";
  char page[8192];
  snprintf(page, sizeof page,
           "<html lang=\"en\"><body>%s<article class=\"story\"><h1>Ferry "
           "fares rise</h1><p>Ferry fares between Orlan and Velmar will "
           "rise by a tenth from June, the operator said on Monday, blaming "
           "fuel.</p><p>Holders of season tickets keep their price until "
           "the end of the year, a spokeswoman said.</p></article>%s"
           "</body></html>",
           banner, comments);
  const char *t = text_of(page);
  CHECK(strncmp(t, "Ferry fares between Orlan", 25) == 0);
  CHECK(strstr(t, "a spokeswoman said.") != NULL);
  CHECK(strstr(t, "cookies") == NULL);
  CHECK(strstr(t, "good news") == NULL);
  CHECK(strstr(t, "evening service") == NULL);

  /* An index page behind the same banner is still no article. */
  snprintf(page, sizeof page,
           "<html><body>%s<div class=\"card\"><h2><a href=\"/s/1\">Ferry "
           "fares rise</a></h2></div><div class=\"card\"><h2><a href=\"/s/2"
           "\">Port talks resume</a></h2></div></body></html>", banner);
  ng_status st;
  ng_doc *doc = parse_page(page, strlen(page), &st);
  CHECK(st == NG_ERR_PARSE);
  ng_doc_free(doc);

  /* A wrapper whose class merely mentions comments is not dropped. */
  snprintf(page, sizeof page,
           "<html><body><div id=\"page\" class=\"has-comments\"><article>"
           "<p>%s</p><p>%s</p></article>%s</div></body></html>",
           lorem, lorem, comments);
  t = text_of(page);
  CHECK(strncmp(t, "Harbour workers", 15) == 0);
  CHECK(strstr(t, "good news") == NULL);
}

/* M09/M11: a line that is only a numeric date or a clock time is the
 * page's timestamp, not body text; numbers that are not dates stay. */
static void
test_numeric_stamps(void)
{
  char page[8192];
  snprintf(page, sizeof page,
           "<article><h1>Ferry strike</h1><p class=\"date\">2/5/2019</p>"
           "<div><div>Mar 12, 2024</div><div>12:10 PM</div></div>"
           "<p>15.04.2019, 08:30</p><p>%s</p><p>-12.99</p><p>02-751-1500</p>"
           "<p>9.30 A.M. / 7.00 P.M.</p><p>%s</p></article>", lorem, lorem);
  const char *t = text_of(page);
  CHECK(strncmp(t, "Harbour workers", 15) == 0);
  CHECK(strstr(t, "2/5/2019") == NULL);
  CHECK(strstr(t, "12:10 PM") == NULL);
  CHECK(strstr(t, "08:30") == NULL);
  CHECK(strstr(t, "\n\n-12.99\n\n") != NULL);
  CHECK(strstr(t, "\n\n02-751-1500\n\n") != NULL);
  CHECK(strstr(t, "\n\n9.30 A.M. / 7.00 P.M.\n\n") != NULL);
}

/* FAULT-CASES M15: the declared <html lang> loses to the language of the
 * text; a declaration that agrees keeps its region. */
static void
test_language(void)
{
  static const char malay[] =
    "<html lang=\"en\"><body><article><p>Menteri luar Orlan bertemu rakan "
    "sejawatnya di Putrajaya pada hari Isnin untuk membincangkan kerjasama "
    "perdagangan dan pelaburan. Beliau berkata kedua-dua negara telah "
    "bersetuju untuk meningkatkan hubungan dalam bidang pendidikan dan "
    "tenaga.</p><p>Kenyataan itu dikeluarkan oleh kementerian selepas "
    "mesyuarat yang berlangsung selama tiga jam. Menurut beliau, kerajaan "
    "akan menandatangani perjanjian baharu kerana kedua-dua pihak mahu "
    "lebih banyak pelaburan daripada syarikat tempatan.</p></article>"
    "</body></html>";
  ng_status st;
  ng_doc *doc = parse_page(malay, strlen(malay), &st);
  CHECK(st == NG_OK);
  CHECK_EQ_STR(doc ? doc->meta.language : NULL, "ms");
  ng_doc_free(doc);
  char page[4096];
  snprintf(page, sizeof page, "<html lang=\"en-GB\"><body><article><p>%s"
           "</p><p>%s</p></article></body></html>", lorem, lorem);
  doc = parse_page(page, strlen(page), &st);
  CHECK(st == NG_OK);
  CHECK_EQ_STR(doc ? doc->meta.language : NULL, "en-GB");
  ng_doc_free(doc);
}

static void
test_plain_text(void)
{
  static const char txt[] =
    "url: https://www.orlan.example/news/strike\n"
    "title: Harbour strike ends\n"
    "date: 2025-08-12T16:00:00+08:00\n"
    "publisher: Orlan Wire\n"
    "section: Business\n"
    "---\n"
    "ORLAN CITY, Aug 12 -- Harbour workers\n"
    "ended their strike.\n"
    "\n"
    "Second   paragraph.\n";
  ng_doc *doc = NULL;
  CHECK_OK(ng_doc_load_bytes(world, txt, sizeof txt - 1, "a.txt",
                             "text/plain", &doc));
  CHECK_OK(ng_doc_parse(world, doc));
  CHECK_OK(ng_doc_parse(world, doc)); /* idempotent */
  CHECK_EQ_STR(ng_doc_get_text(doc), "ORLAN CITY, Aug 12 -- Harbour workers "
               "ended their strike.\n\nSecond paragraph.");
  CHECK_EQ_STR(doc->meta.headline, "Harbour strike ends");
  CHECK_EQ_STR(doc->meta.date_published, "2025-08-12T16:00:00+08:00");
  CHECK_EQ_STR(doc->meta.publisher, "Orlan Wire");
  CHECK_EQ_STR(ng_doc_get_iri(doc), "https://www.orlan.example/news/strike");
  ng_doc_free(doc);

  static const char dated[] = " date 2025-05-15 KUALA LUMPUR, May 15 "
                              "\xE2\x80\x94 Ministers met.\n";
  CHECK_OK(ng_doc_load_bytes(world, dated, sizeof dated - 1, "b", NULL,
                             &doc));
  CHECK(doc->is_plain_text);
  CHECK_OK(ng_doc_parse(world, doc));
  CHECK_EQ_STR(ng_doc_get_text(doc),
               "KUALA LUMPUR, May 15 \xE2\x80\x94 Ministers met.");
  CHECK_EQ_STR(doc->meta.date_published, "2025-05-15");
  /* no URL anywhere: urn:sha256 of the raw bytes */
  CHECK(strncmp(ng_doc_get_iri(doc), "urn:sha256:", 11) == 0);
  CHECK(strlen(ng_doc_get_iri(doc)) == 11 + 64);
  CHECK_OK(ng_doc_set_url(doc, "https://example.org/a"));
  CHECK_EQ_STR(ng_doc_get_iri(doc), "https://example.org/a");
  CHECK(ng_doc_set_url(doc, "not a url") == NG_ERR_ARG);
  CHECK(ng_doc_set_url(doc, "relative/path") == NG_ERR_ARG);
  CHECK(ng_doc_set_url(doc, "https://example.org/a b") == NG_ERR_ARG);
  CHECK(ng_doc_set_url(doc, "https://example.org/{x}") == NG_ERR_ARG);
  CHECK_OK(ng_doc_set_date(doc, "2024-02-29"));
  CHECK_EQ_STR(doc->meta.date_published, "2024-02-29");
  CHECK(ng_doc_set_date(doc, "2023-02-29") == NG_ERR_ARG);
  CHECK(ng_doc_set_date(doc, "2023-04-31") == NG_ERR_ARG);
  CHECK(ng_doc_set_date(doc, "2023-4-01") == NG_ERR_ARG);
  ng_doc_free(doc);
}

static void
test_iri(void)
{
  /* canonical > og:url; JSON output carries both */
  static const char page[] =
    "<html><head><link rel=\"canonical\" href=\"https://velmar.example/"
    "news/ferry resumes\"><meta property=\"og:url\" content=\"https://"
    "velmar.example/og\"></head><body><article><p>The ferry between Velmar "
    "and Orlan resumed service on Tuesday after repairs, the operator "
    "said, with three crossings a day.</p></article></body></html>";
  ng_status st;
  ng_doc *doc = parse_page(page, sizeof page - 1, &st);
  CHECK_OK(st);
  CHECK_EQ_STR(ng_doc_get_iri(doc),
               "https://velmar.example/news/ferry%20resumes");
  FILE *f = tmpfile();
  if (f) {
    char json[4096];
    CHECK_OK(ng_doc_write_json(doc, f));
    rewind(f);
    size_t n = fread(json, 1, sizeof json - 1, f);
    json[n] = '\0';
    CHECK(strstr(json, "\"iri\":\"https://velmar.example/news/ferry%20"
                       "resumes\"") != NULL);
    CHECK(strstr(json, "\"authors\":[]") != NULL);
    CHECK(strstr(json, "\"text\":\"The ferry") != NULL);
    fclose(f);
  }
  ng_doc_free(doc);
}

/* Writes @p len bytes as a gzip file at @p path. */
static bool
write_gz(const char *path, const char *data, size_t len)
{
  gzFile gz = gzopen(path, "wb");
  if (!gz) {
    return false;
  }
  bool ok = gzwrite(gz, data, (unsigned)len) == (int)len;
  return gzclose(gz) == Z_OK && ok;
}

static void
test_files(void)
{
  ng_doc *doc = NULL;
  ng_status st = ng_doc_load(world, "/nonexistent/dir/page.html", &doc);
  CHECK(st == NG_ERR_IO && doc == NULL);
  CHECK(strstr(ng_world_errmsg(world), "/nonexistent/dir/page.html"));
  CHECK(ng_doc_load(world, "ftp://example.org/a.html", &doc) == NG_ERR_ARG);
  CHECK(strstr(ng_world_errmsg(world), "unsupported URL scheme"));
  CHECK(ng_doc_load(world, "file:///etc/passwd", &doc) == NG_ERR_ARG);

  char dir[] = "/tmp/ng-test-content-XXXXXX";
  if (!mkdtemp(dir)) {
    CHECK(!"mkdtemp");
    return;
  }
  char path[256];
  char big[4096];
  snprintf(big, sizeof big, "<html><body><article><p>%s</p><p>%s</p>"
           "</article></body></html>", lorem, lorem);
  snprintf(path, sizeof path, "%s/a.html.gz", dir);
  CHECK(write_gz(path, big, strlen(big)));
  CHECK_OK(ng_doc_load(world, path, &doc));
  if (doc) {
    CHECK(!doc->is_plain_text);
    CHECK(doc->raw_len == strlen(big));
    CHECK_OK(ng_doc_parse(world, doc));
    CHECK(strncmp(ng_doc_get_text(doc), "Harbour workers", 15) == 0);
  }
  ng_doc_free(doc);
  /* the cap applies to the decompressed size too */
  CHECK_OK(ng_world_set_option(world, "max-bytes", "200"));
  st = ng_doc_load(world, path, &doc);
  CHECK(st == NG_ERR_TOO_LARGE && doc == NULL);
  CHECK_OK(ng_world_set_option(world, "max-bytes", "10485760"));
  unlink(path);
  /* .txt.gz is plain text */
  snprintf(path, sizeof path, "%s/b.txt.gz", dir);
  CHECK(write_gz(path, "<p>not markup here</p>\n", 23));
  CHECK_OK(ng_doc_load(world, path, &doc));
  if (doc) {
    CHECK(doc->is_plain_text);
  }
  ng_doc_free(doc);
  unlink(path);
  /* a corrupt .gz is a parse error, not a crash */
  snprintf(path, sizeof path, "%s/c.html.gz", dir);
  FILE *f = fopen(path, "wb");
  if (f) {
    fputs("\x1f\x8b\x08\x00garbage that is not deflate", f);
    fclose(f);
    CHECK(ng_doc_load(world, path, &doc) == NG_ERR_PARSE);
    unlink(path);
  }
  rmdir(dir);
}

static void
test_hostile(void)
{
  /* 100,000 nested elements: no stack overflow anywhere. */
  size_t depth = 100000;
  size_t cap = depth * 11 + 4096;
  char *page = malloc(cap);
  if (!page) {
    return;
  }
  size_t n = 0;
  for (size_t i = 0; i < depth; i++) {
    memcpy(page + n, "<div>", 5);
    n += 5;
  }
  n += (size_t)snprintf(page + n, cap - n, "<p>%s</p>", lorem);
  for (size_t i = 0; i < depth; i++) {
    memcpy(page + n, "</div>", 6);
    n += 6;
  }
  ng_status st;
  ng_doc *doc = parse_page(page, n, &st);
  CHECK(st == NG_OK || st == NG_ERR_PARSE);
  ng_doc_free(doc);
  /* binary junk with NULs and markup fragments */
  unsigned long r = 12345;
  for (size_t i = 0; i < 200000; i++) {
    r = r * 1103515245u + 12345u;
    page[i] = (char)(r >> 16);
    if (i % 97 == 0) {
      page[i] = '<';
    }
  }
  doc = parse_page(page, 200000, &st);
  CHECK(st == NG_OK || st == NG_ERR_PARSE);
  if (st == NG_OK) {
    CHECK(strlen(ng_doc_get_text(doc)) == doc->text_len);
  }
  ng_doc_free(doc);
  free(page);
  /* empty input */
  doc = parse_page("", 0, &st);
  CHECK(st == NG_ERR_PARSE);
  ng_doc_free(doc);
}

int
main(void)
{
  world = ng_world_new();
  if (!world) {
    return 99;
  }
  test_boilerplate();
  test_language();
  test_split_and_links();
  test_short_article_banner();
  test_broken_pages();
  test_comment_heading();
  test_wire_furniture();
  test_leading_labels();
  test_numeric_stamps();
  test_plain_text();
  test_iri();
  test_files();
  test_hostile();
  ng_world_free(world);
  return test_report();
}
