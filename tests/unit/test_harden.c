/* SPDX-License-Identifier: MIT */
/* Unit tests for the issue 7 hardening items: quotations with quotation
 * marks inside them and quotations without words (event.c), future dates
 * under a fixed clock (meta.c), 24:00 times (FAULT-CASES T09), and bidi
 * and zero-width marks in names and labels (meta.c, emit.c). The texts
 * are invented. */
#include "doc.h"
#include "meta.h"
#include "world.h"

#include "../test.h"

#include <stdlib.h>

static ng_world *world;

/* Warnings logged since the last reset (ng__warnf goes to the sink). */
static char warnings[4096];

static void
sink(void *handle, ng_log_level level, const char *msg)
{
  (void)handle;
  if (level == NG_LOG_WARNING) {
    size_t n = strlen(warnings);
    snprintf(warnings + n, sizeof warnings - n, "%s\n", msg);
  }
}

/* Loads, parses and extracts @p text (HTML when it starts with '<'). */
static ng_doc *
extract(const char *name, const char *text)
{
  ng_doc *doc = NULL;
  warnings[0] = '\0';
  if (ng_doc_load_bytes(world, text, strlen(text), name,
                        text[0] == '<' ? "text/html" : "text/plain",
                        &doc) != NG_OK ||
      ng_doc_extract(world, doc) != NG_OK) {
    fprintf(stderr, "extract %s failed: %s\n", name, ng_world_errmsg(world));
    test_failures++;
  }
  return doc;
}

/* The label of the entity the quotation @p ev is attributed to, or "". */
static const char *
speaker_of(const ng_doc *doc, const struct ng_event *ev)
{
  size_t e = ng__doc_resolve(doc, ev->agent);
  return e < doc->n_entities ? doc->entities[e].label : "";
}

/* The quotation whose text is @p text, or NULL. */
static const struct ng_event *
quotation(const ng_doc *doc, const char *text)
{
  for (size_t i = 0; i < doc->n_events; i++) {
    const struct ng_event *ev = &doc->events[i];
    if (ev->kind == NG_EV_QUOTATION && ev->text &&
        strcmp(ev->text, text) == 0) {
      return ev;
    }
  }
  return NULL;
}

static size_t
n_quotations(const ng_doc *doc)
{
  size_t n = 0;
  for (size_t i = 0; i < doc->n_events; i++) {
    n += doc->events[i].kind == NG_EV_QUOTATION;
  }
  return n;
}

static void
test_quotes_nested(void)
{
  /* straight marks inside straight marks (a JSON-LD articleBody's \"
   * decoded), straight inside curly; each speaker keeps their words */
  ng_doc *doc = extract("nested.txt",
    "Orlan dockers end strike\n\n"
    "Mara Vell, the head of the Orlan dockers union, met Ilya Sorokin, "
    "the port director, in Oslo on Tuesday.\n\n"
    "\"We reject what the company calls a \"final offer\" for the night "
    "shifts,\" Vell told reporters. \"It is a fair offer,\" said "
    "Sorokin.\n\n"
    "\xe2\x80\x9cNobody calls our members \"temporary staff\" again,"
    "\xe2\x80\x9d said Vell.\n");
  const struct ng_event *ev = quotation(doc, "We reject what the company "
                                        "calls a \"final offer\" for the "
                                        "night shifts");
  CHECK(ev != NULL);
  if (ev) {
    CHECK_EQ_STR(speaker_of(doc, ev), "Mara Vell");
  }
  ev = quotation(doc, "It is a fair offer");
  CHECK(ev != NULL);
  if (ev) {
    CHECK_EQ_STR(speaker_of(doc, ev), "Ilya Sorokin");
  }
  ev = quotation(doc, "Nobody calls our members \"temporary staff\" again");
  CHECK(ev != NULL);
  if (ev) {
    CHECK_EQ_STR(speaker_of(doc, ev), "Mara Vell");
  }
  /* no quotation made of the pieces between the inner marks */
  CHECK(quotation(doc, "final offer") == NULL);
  CHECK(quotation(doc, "for the night shifts") == NULL);
  CHECK(quotation(doc, "temporary staff") == NULL);
  CHECK(n_quotations(doc) == 3);
  ng_doc_free(doc);
}

static void
test_quotes_no_letters(void)
{
  ng_doc *doc = extract("dot.txt",
    "Orlan dockers end strike\n\n"
    "Ilya Sorokin, the port director, met the union in Oslo on Tuesday.\n\n"
    "\".\" said Sorokin.\n\n"
    "\"?!\" Sorokin said.\n\n"
    "\"Yes,\" Sorokin said.\n");
  for (size_t i = 0; i < doc->n_events; i++) {
    const struct ng_event *ev = &doc->events[i];
    if (ev->kind == NG_EV_QUOTATION) {
      size_t letters = 0;
      for (const char *p = ev->text; p && *p; p++) {
        letters += (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
      }
      CHECK(letters >= 3);
    }
  }
  CHECK(quotation(doc, ".") == NULL);
  CHECK(quotation(doc, "?!") == NULL);
  CHECK(quotation(doc, "Yes") != NULL);
  ng_doc_free(doc);
}

/* A page with a machine date @p date (JSON-LD datePublished). */
static ng_doc *
dated_page(const char *date)
{
  char page[1024];
  snprintf(page, sizeof page,
           "<html lang=\"en\"><head><title>Harbour vote</title>"
           "<meta property=\"article:published_time\" content=\"%s\">"
           "</head><body><article><h1>Harbour vote ends</h1><p>The harbour "
           "workers of Orlan voted on Tuesday to end the strike that had "
           "closed the port for nine days, the union said.</p><p>Members "
           "accepted the offer after a long meeting in the city hall of "
           "Orlan, where the vote was counted.</p></article></body></html>",
           date);
  return extract("dated.html", page);
}

static void
test_future_dates(void)
{
  /* the fixed clock (--now) is 2025-05-15; a page from 2025-09-01 is
   * from before today: kept, no warning */
  ng_doc *doc = dated_page("2025-09-01T10:00:00+02:00");
  CHECK_EQ_STR(doc->meta.date_published, "2025-09-01T10:00:00+02:00");
  CHECK(strstr(warnings, "future") == NULL);
  ng_doc_free(doc);
  /* within a day of the clock: kept */
  doc = dated_page("2025-05-16");
  CHECK_EQ_STR(doc->meta.date_published, "2025-05-16");
  ng_doc_free(doc);
  /* in the future whatever the clock: dropped with a warning naming the
   * input and the date */
  doc = dated_page("2999-01-01T00:00:00Z");
  CHECK(doc->meta.date_published == NULL);
  CHECK(strstr(warnings, "dated.html") != NULL);
  CHECK(strstr(warnings, "2999-01-01T00:00:00Z") != NULL);
  ng_doc_free(doc);
}

static void
test_T09_24h(void)
{
  /* XSD: 24:00:00 is 00:00:00 of the next day, over month and year */
  char out[32];
  CHECK_CASE("T09", ng__meta_norm_date("1999-12-31T24:00:00", out));
  CHECK_CASE_EQ_STR("T09", out, "2000-01-01T00:00:00");
  CHECK_CASE("T09", ng__meta_norm_date("2024-02-28T24:00:00+01:00", out));
  CHECK_CASE_EQ_STR("T09", out, "2024-02-29T00:00:00+01:00");
  CHECK_CASE("T09", ng__meta_norm_date("2025-04-30 24:00", out));
  CHECK_CASE_EQ_STR("T09", out, "2025-05-01T00:00:00");
  /* 24:00 with minutes or seconds is no time */
  CHECK_CASE("T09", !ng__meta_norm_date("2025-04-30T24:30:00", out));
  /* through a page: the date is kept, normalised */
  ng_doc *doc = dated_page("1999-12-31T24:00:00");
  CHECK_CASE_EQ_STR("T09", doc->meta.date_published, "2000-01-01T00:00:00");
  ng_doc_free(doc);
}

/* True if @p s holds a bidi or zero-width mark stripped from labels. */
static bool
has_mark(const char *s)
{
  static const char *const marks[] = {
    "\xe2\x80\x8b", "\xe2\x80\x8e", "\xe2\x80\x8f", "\xe2\x80\xaa",
    "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae",
    "\xe2\x81\xa0", "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8",
    "\xe2\x81\xa9", "\xef\xbb\xbf", "\xd8\x9c", "\xc2\xad"};
  for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
    if (strstr(s, marks[i])) {
      return true;
    }
  }
  return false;
}

static void
test_strip_invisible(void)
{
  char s[] = "\xe2\x81\xa6Tomas\xe2\x80\x8e \xe2\x80\x8b Ekberg\xe2\x80\xac"
             "\xe2\x81\xa9";
  CHECK(ng__meta_strip_invisible(s) == strlen("Tomas Ekberg"));
  CHECK_EQ_STR(s, "Tomas Ekberg");
  /* ZWNJ spells Persian names: kept */
  char z[] = "Mehr\xe2\x80\x8cnaz";
  CHECK(ng__meta_strip_invisible(z) == strlen(z));
  char e[] = "\xe2\x80\x8f\xe2\x80\x8e";
  CHECK(ng__meta_strip_invisible(e) == 0);
}

static void
test_bidi_labels(void)
{
  ng_doc *doc = extract("bidi.html",
    "<html lang=\"en\"><head><title>Harbour talks end</title>"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
    "\"headline\":\"Harbour talks end\",\"author\":{\"@type\":\"Person\","
    "\"name\":\"Tomas\\u200e Ekberg\\u202c\"},\"publisher\":{\"@type\":"
    "\"Organization\",\"name\":\"\\u2066Daily Meridian\\u2069\"},"
    "\"datePublished\":\"2025-05-14\"}</script></head><body><article>"
    "<h1>Harbour talks end</h1><p>The harbour workers of Orlan voted on "
    "Tuesday to end the strike, said Mara Vell\xe2\x80\x8f, who leads the "
    "union.</p><p>Mara Vell met Ilya Sorokin, the port\xe2\x80\x8f "
    "director, in Oslo on Monday, and the two signed the deal.</p>"
    "</article></body></html>");
  CHECK(doc->meta.n_authors == 1);
  if (doc->meta.n_authors == 1) {
    CHECK_EQ_STR(doc->meta.authors[0], "Tomas Ekberg");
  }
  CHECK_EQ_STR(doc->meta.publisher, "Daily Meridian");
  /* a label given to the emitter with marks still in it (from any stage)
   * is written without them */
  for (size_t i = 0; i < doc->n_entities; i++) {
    if (doc->entities[i].label &&
        strcmp(doc->entities[i].label, "Ilya Sorokin") == 0) {
      free(doc->entities[i].label);
      doc->entities[i].label = strdup("\xe2\x80\xaaIlya\xe2\x80\x8f "
                                      "Sorokin\xe2\x80\xac");
    }
  }
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  CHECK(f && ng_doc_write(world, doc, NG_SYNTAX_NQUADS, f) == NG_OK);
  if (f) {
    fclose(f);
  }
  CHECK(buf && strstr(buf, "\"Ilya Sorokin\""));
  CHECK(buf && strstr(buf, "\"Tomas Ekberg\""));
  CHECK(buf && strstr(buf, "\"Daily Meridian\""));
  size_t labels = 0;
  bool evidence_mark = false;
  for (char *line = buf; line && *line;) {
    char *nl = strchr(line, '\n');
    if (nl) {
      *nl = '\0';
    }
    if (strstr(line, "rdf-schema#label>") ||
        strstr(line, "core#altLabel>")) {
      labels++;
      CHECK(!has_mark(line));
      if (has_mark(line)) {
        fprintf(stderr, "  %s\n", line);
      }
    }
    if (strstr(line, "#evidence>") && has_mark(line)) {
      evidence_mark = true; /* the evidence text is the page's */
    }
    line = nl ? nl + 1 : NULL;
  }
  CHECK(labels >= 3);
  CHECK(evidence_mark);
  free(buf);
  ng_doc_free(doc);
}

int
main(void)
{
  world = ng_world_new();
  if (!world || ng_world_set_option(world, "now", "1747267200") != NG_OK) {
    return 99;
  }
  ng_world_set_log_sink(world, sink, NULL);
  test_quotes_nested();
  test_quotes_no_letters();
  test_future_dates();
  test_T09_24h();
  test_strip_invisible();
  test_bidi_labels();
  ng_world_free(world);
  return test_report();
}
