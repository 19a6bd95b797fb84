/* SPDX-License-Identifier: MIT */
/* emit.c and serialize.c: a hand-built doc (invented people, real
 * countries) becomes the quads VOCABULARY.md fixes; the serializers'
 * output re-parses with raptor (FAULT-CASES.md T01, T02, T05, T06, T08,
 * T09, T10, X06). Set NG_TEST_DUMP=1 to print the outputs. */
#include "emit.h"
#include "iri.h"
#include "serialize.h"
#include "vocab.h"

#include "../test.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char text[] =
    "KUALA LUMPUR, May 15 -- Prime Minister Dara Velmar met President "
    "Ilya Sorokin in Moscow on Wednesday.\n\n"
    "Velmar said: \"We will deepen trade\", adding that the two countries "
    "traded RM11.46 billion in 2024.\n\n"
    "Sorokin did not meet the Caf\xc3\xa9 Noir owner.";

/* A doc with entities, one fact of each modality, and events. */
static struct ng_doc *
make_doc(void)
{
  struct ng_doc *doc = ng__doc_new("test-doc");
  size_t e[8];
  CHECK(doc != NULL);
  CHECK_OK(ng__doc_set_str(&doc->text, text, strlen(text)));
  doc->text_len = strlen(text);
  CHECK_OK(ng__doc_set_str(&doc->iri, "https://news.example/a b/\"x\"",
                           strlen("https://news.example/a b/\"x\"")));
  CHECK_OK(ng__doc_set_str(&doc->meta.headline, "Velmar meets Sorokin",
                           strlen("Velmar meets Sorokin")));
  CHECK_OK(ng__doc_set_str(&doc->meta.language, "EN-us", 5));
  CHECK_OK(ng__doc_set_str(&doc->meta.date_published,
                           "2016-02-08T09:56:17-0600", 24));
  doc->retrieved_at = 1747267200; /* 2025-05-15T00:00:00Z */
  const char *s1 = strstr(text, "Velmar said");
  const char *s2 = strstr(text, "Sorokin did");
  CHECK_OK(ng__doc_add_sentence(doc, 0, (size_t)(s1 - 2 - text)));
  CHECK_OK(ng__doc_add_sentence(doc, (size_t)(s1 - text),
                                (size_t)(s2 - 2 - text)));
  CHECK_OK(ng__doc_add_sentence(doc, (size_t)(s2 - text), strlen(text)));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_PERSON, "Dara Velmar", &e[0]));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_PERSON, "Ilya Sorokin", &e[1]));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_CITY, "Moscow", &e[2]));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_COUNTRY, "Malaysia", &e[3]));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_COUNTRY, "Russia", &e[4]));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_CITY, "Kuala Lumpur", &e[5]));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_NEWS_AGENCY, "Bernama", &e[6]));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_PERSON, "Velmar", &e[7]));
  doc->entities[e[7]].merged = true; /* "Velmar" → "Dara Velmar" */
  doc->entities[e[7]].merged_into = e[0];
  CHECK_OK(ng__doc_set_str(&doc->entities[e[4]].qid, "Q159", 4));
  CHECK_OK(ng__doc_add_alt_label(doc, e[0], "Velmar", 6));
  CHECK_OK(ng__doc_add_alt_label(doc, e[4], "Russian Federation", 18));
  const char *m = strstr(text, "Dara Velmar");
  CHECK_OK(ng__doc_add_mention(doc, (size_t)(m - text),
                               (size_t)(m - text) + 11, e[0],
                               NG_MENTION_NAME));
  m = strstr(text, "Velmar said");
  CHECK_OK(ng__doc_add_mention(doc, (size_t)(m - text),
                               (size_t)(m - text) + 6, e[7],
                               NG_MENTION_PARTIAL));
  m = strstr(text, "Ilya Sorokin");
  CHECK_OK(ng__doc_add_mention(doc, (size_t)(m - text),
                               (size_t)(m - text) + 12, e[1],
                               NG_MENTION_NAME));
  m = strstr(text, "Moscow");
  CHECK_OK(ng__doc_add_mention(doc, (size_t)(m - text),
                               (size_t)(m - text) + 6, e[2],
                               NG_MENTION_NAME));
  doc->dateline = e[5];
  doc->publisher = e[6];

  struct ng_fact f = {NG_REL_MEETS, e[7], e[1], 0, 0.9, NG_MOD_ASSERTED};
  CHECK_OK(ng__doc_add_fact(doc, &f));
  struct ng_fact g = {NG_REL_TRADING_PARTNER_OF, e[3], e[4], 1, 0.7,
                      NG_MOD_PLANNED};
  CHECK_OK(ng__doc_add_fact(doc, &g));
  struct ng_fact h = {NG_REL_VISITS, e[1], e[3], 2, 0.6, NG_MOD_DENIED};
  CHECK_OK(ng__doc_add_fact(doc, &h));

  struct ng_event ev;
  memset(&ev, 0, sizeof ev);
  ev.kind = NG_EV_MEETING;
  ev.agent = ev.destination = NG_NONE;
  ev.location = e[2];
  ev.parties = malloc(2 * sizeof *ev.parties);
  ev.parties[0] = e[1];
  ev.parties[1] = e[7];
  ev.n_parties = 2;
  memcpy(ev.date, "2025-05-14", 11);
  ev.confidence = 0.8;
  CHECK_OK(ng__doc_take_event(doc, &ev));

  memset(&ev, 0, sizeof ev);
  ev.kind = NG_EV_QUOTATION;
  ev.agent = e[0];
  ev.destination = ev.location = NG_NONE;
  ev.text = strdup("We will deepen trade");
  ev.sentence = 1;
  ev.confidence = 0.95;
  CHECK_OK(ng__doc_take_event(doc, &ev));

  memset(&ev, 0, sizeof ev);
  ev.kind = NG_EV_TRADE_FIGURE;
  ev.agent = ev.destination = ev.location = NG_NONE;
  ev.parties = malloc(2 * sizeof *ev.parties);
  ev.parties[0] = e[4];
  ev.parties[1] = e[3];
  ev.n_parties = 2;
  ev.year = 2024;
  ev.value = strdup("11460000000");
  memcpy(ev.currency, "MYR", 4);
  ev.sentence = 1;
  ev.confidence = 0.9;
  CHECK_OK(ng__doc_take_event(doc, &ev));

  memset(&ev, 0, sizeof ev);
  ev.kind = NG_EV_VISIT; /* denied: no node */
  ev.agent = e[1];
  ev.destination = e[3];
  ev.location = NG_NONE;
  ev.modality = NG_MOD_DENIED;
  ev.sentence = 2;
  CHECK_OK(ng__doc_take_event(doc, &ev));
  doc->extracted = true;
  return doc;
}

/* Number of quads matching the given parts (NULL = any). */
static size_t
count(const struct ng_quads *qs, const char *s, const char *p, const char *o)
{
  size_t n = 0;
  for (size_t i = 0; i < qs->n; i++) {
    const struct ng_quad *q = &qs->q[i];
    if ((!s || strcmp(q->subject.value, s) == 0) &&
        (!p || strcmp(q->predicate, p) == 0) &&
        (!o || strcmp(q->object.value, o) == 0)) {
      n++;
    }
  }
  return n;
}

/* The object of the first quad (s, p), or NULL. */
static const struct ng_term *
object(const struct ng_quads *qs, const char *s, const char *p)
{
  for (size_t i = 0; i < qs->n; i++) {
    if ((!s || strcmp(qs->q[i].subject.value, s) == 0) &&
        strcmp(qs->q[i].predicate, p) == 0) {
      return &qs->q[i].object;
    }
  }
  return NULL;
}

#define ART "https://news.example/a%20b/%22x%22"
#define ID "https://w3id.org/newsgraph/id/"

static void
test_quads(ng_world *world, struct ng_doc *doc, struct ng_quads *qs)
{
  CHECK_OK(ng__emit_doc(world, doc, NG__EMIT_NIF, qs));
  CHECK(qs->n > 40);
  /* Article (T05: the IRI is percent-encoded). */
  CHECK(count(qs, ART, RDF_TYPE, SCHEMA_NEWS_ARTICLE) == 1);
  CHECK_EQ_STR(qs->q[0].subject.value, ART);
  CHECK_EQ_STR(qs->q[0].graph, ART);
  const struct ng_term *t = object(qs, ART, SCHEMA_HEADLINE);
  CHECK(t && strcmp(t->lang, "en-us") == 0); /* T08: one canonical case */
  t = object(qs, ART, SCHEMA_DATE_PUBLISHED);
  CHECK(t && strcmp(t->value, "2016-02-08T09:56:17-06:00") == 0); /* T09 */
  CHECK(t && strcmp(t->datatype, XSD_DATE_TIME) == 0);
  t = object(qs, ART, NG_RETRIEVED_AT);
  CHECK(t && strcmp(t->value, "2025-05-15T00:00:00Z") == 0);
  CHECK(count(qs, ART, NG_DATELINE, ID "city/kuala-lumpur") == 1);
  CHECK(count(qs, ART, SCHEMA_PUBLISHER, ID "organization/bernama") == 1);
  CHECK(count(qs, ART, SCHEMA_MENTIONS, NULL) == 6); /* not the publisher */
  /* Entities: merged "Velmar" has no node; alt labels; sameAs. */
  CHECK(count(qs, ID "person/velmar", NULL, NULL) == 0);
  CHECK(count(qs, ID "person/dara-velmar", RDF_TYPE, NG_PERSON) == 1);
  CHECK(count(qs, ID "person/dara-velmar", SKOS_ALT_LABEL, "Velmar") == 1);
  CHECK(count(qs, ID "country/russia", OWL_SAME_AS,
              WD_NS "Q159") == 1);
  CHECK(count(qs, ID "organization/bernama", RDF_TYPE, NG_NEWS_AGENCY) == 1);
  /* Facts: plain triples through merges; the denied one is not. */
  CHECK(count(qs, ID "person/dara-velmar", NG_MEETS,
              ID "person/ilya-sorokin") == 1);
  CHECK(count(qs, ID "country/malaysia", NG_TRADING_PARTNER_OF,
              ID "country/russia") == 1);
  CHECK(count(qs, NULL, NG_VISITS, NULL) == 0);
  /* Statements: one per fact, the denied one included. */
  CHECK(count(qs, NULL, RDF_TYPE, RDF_STATEMENT) == 3);
  CHECK(count(qs, NULL, NG_MODALITY_P, NG_DENIED) == 1);
  CHECK(count(qs, NULL, NG_MODALITY_P, NG_PLANNED) == 1);
  CHECK(count(qs, NULL, NG_MODALITY_P, NG_ASSERTED) == 0);
  CHECK(count(qs, NULL, PROV_WAS_DERIVED_FROM, ART) == 6);
  for (size_t i = 0; i < qs->n; i++) {
    const struct ng_quad *q = &qs->q[i];
    if (strcmp(q->predicate, RDF_SUBJECT) == 0) {
      CHECK(strncmp(q->subject.value, ART "#fact-", strlen(ART) + 6) == 0);
    }
    if (strcmp(q->predicate, NG_EVIDENCE) == 0 &&
        strstr(q->object.value, "did not meet")) {
      const struct ng_term *b = object(qs, q->subject.value, NIF_BEGIN_INDEX);
      const struct ng_term *e = object(qs, q->subject.value, NIF_END_INDEX);
      /* Code points: "é" is one, so the end is bytes - 1. */
      CHECK(b && strcmp(b->datatype, XSD_NON_NEGATIVE_INTEGER) == 0);
      char want[32];
      snprintf(want, sizeof want, "%zu", strlen(text) - 1);
      CHECK(e && strcmp(e->value, want) == 0);
    }
  }
  /* Events: meeting, quotation, trade figure; the denied visit is gone. */
  CHECK(count(qs, NULL, RDF_TYPE, NG_MEETING) == 1);
  CHECK(count(qs, NULL, NG_PARTICIPANT, NULL) == 2);
  CHECK(count(qs, NULL, NG_LOCATION, ID "city/moscow") == 1);
  CHECK(count(qs, NULL, RDF_TYPE, NG_QUOTATION) == 1);
  CHECK(count(qs, NULL, SCHEMA_TEXT, "We will deepen trade") == 1);
  CHECK(count(qs, NULL, RDF_TYPE, NG_TRADE_FIGURE) == 1);
  t = object(qs, NULL, SCHEMA_VALUE);
  CHECK(t && strcmp(t->datatype, XSD_DECIMAL) == 0);
  t = object(qs, NULL, NG_YEAR);
  CHECK(t && strcmp(t->value, "2024") == 0 &&
        strcmp(t->datatype, XSD_GYEAR) == 0);
  CHECK(count(qs, NULL, RDF_TYPE, NG_VISIT) == 0);
  /* NIF: context and phrases. */
  CHECK(count(qs, ART "#text", RDF_TYPE, NIF_CONTEXT) == 1);
  CHECK(count(qs, NULL, RDF_TYPE, NIF_PHRASE) == 4);
  CHECK(count(qs, NULL, ITSRDF_TA_IDENT_REF, ID "person/dara-velmar") == 2);
  /* Determinism: the same doc gives the same quads. */
  struct ng_quads again = {0};
  CHECK_OK(ng__emit_doc(world, doc, NG__EMIT_NIF, &again));
  CHECK(again.n == qs->n);
  for (size_t i = 0; i < again.n && i < qs->n; i++) {
    CHECK(strcmp(again.q[i].subject.value, qs->q[i].subject.value) == 0);
    CHECK(strcmp(again.q[i].object.value, qs->q[i].object.value) == 0);
  }
  ng__quads_clear(&again);
}

/* Writes @p qs in @p syntax to a temp file; returns rapper's triple count
 * (-1 on parse failure). */
static long
roundtrip(ng_world *world, const struct ng_quads *qs, ng_syntax syntax,
          const char *rapper_syntax)
{
  char path[] = "/tmp/ng-emit-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  FILE *f = fdopen(fd, "w");
  CHECK_OK(ng__serialize_quads(world, qs, syntax, f));
  fclose(f);
  if (getenv("NG_TEST_DUMP")) {
    char cmd[256];
    snprintf(cmd, sizeof cmd, "cat %s", path);
    CHECK(system(cmd) == 0);
  }
  char cmd[512];
  snprintf(cmd, sizeof cmd,
           "rapper -i %s -c %s 2>&1 | sed -n 's/.*returned \\([0-9]*\\) "
           "triple.*/\\1/p'",
           rapper_syntax, path);
  long n = -1;
  FILE *p = popen(cmd, "r");
  if (p) {
    if (fscanf(p, "%ld", &n) != 1) {
      n = -1;
    }
    pclose(p);
  }
  /* rapper -c exits non-zero on any error: check that too. */
  snprintf(cmd, sizeof cmd, "rapper -q -i %s -c %s >/dev/null 2>&1",
           rapper_syntax, path);
  if (system(cmd) != 0) {
    n = -1;
  }
  unlink(path);
  return n;
}

static void
test_serialize(ng_world *world, const struct ng_quads *qs)
{
  if (system("rapper --version >/dev/null 2>&1") != 0) {
    printf("rapper not found: round-trip checks skipped\n");
    return;
  }
  CHECK(roundtrip(world, qs, NG_SYNTAX_NQUADS, "nquads") == (long)qs->n);
  CHECK(roundtrip(world, qs, NG_SYNTAX_NTRIPLES, "ntriples") == (long)qs->n);
  CHECK(roundtrip(world, qs, NG_SYNTAX_TURTLE, "turtle") == (long)qs->n);
  CHECK(roundtrip(world, qs, NG_SYNTAX_TRIG, "trig") == (long)qs->n);
  CHECK(roundtrip(world, qs, NG_SYNTAX_RDFXML, "rdfxml") == (long)qs->n);
}

/* Writes @p qs as @p syntax into a new string. */
static char *
write_string(ng_world *world, const struct ng_quads *qs, ng_syntax syntax)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  CHECK(f != NULL);
  CHECK_OK(ng__serialize_quads(world, qs, syntax, f));
  fclose(f);
  return buf;
}

/* rapper's sorted N-Triples for @p text in @p syntax, or NULL when it does
 * not parse (or rapper is missing). */
static char *
reparse(const char *doc_text, const char *syntax)
{
  char path[] = "/tmp/ng-emit-XXXXXX", cmd[512];
  int fd = mkstemp(path);
  if (fd < 0) {
    return NULL;
  }
  FILE *f = fdopen(fd, "w");
  fputs(doc_text, f);
  fclose(f);
  snprintf(cmd, sizeof cmd,
           "rapper -q -i %s -o ntriples %s 2>/dev/null | LC_ALL=C sort; "
           "rapper -q -i %s -c %s 2>/dev/null || echo PARSE-ERROR",
           syntax, path, syntax, path);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  FILE *p = popen(cmd, "r");
  char chunk[4096];
  size_t n;
  while (p && (n = fread(chunk, 1, sizeof chunk, p)) > 0) {
    fwrite(chunk, 1, n, out);
  }
  if (p) {
    pclose(p);
  }
  fclose(out);
  unlink(path);
  if (strstr(buf, "PARSE-ERROR")) {
    free(buf);
    return NULL;
  }
  return buf;
}

static bool
have_rapper(void)
{
  return system("rapper --version >/dev/null 2>&1") == 0;
}

/* One literal quad in a fresh list. */
static void
one_literal(struct ng_quads *qs, const char *subject, const char *value,
            const char *lang)
{
  struct ng_term s = {NG_TERM_IRI, subject, NULL, NULL};
  struct ng_term o = {NG_TERM_LITERAL, value, lang, NULL};
  CHECK_OK(ng__quads_add_copy(qs, "http://example.org/g", &s, SCHEMA_TEXT,
                              &o));
}

/* The same values whatever the syntax: Turtle, TriG and N-Quads re-parse
 * to the same N-Triples as our N-Triples output (X06: the raptor we link
 * reads everything we write). */
static void
check_same_everywhere(ng_world *world, const struct ng_quads *qs)
{
  if (!have_rapper()) {
    return;
  }
  char *nt = write_string(world, qs, NG_SYNTAX_NTRIPLES);
  char *ref = reparse(nt, "ntriples");
  CHECK(ref != NULL);
  static const struct {
    ng_syntax syntax;
    const char *name;
  } syntaxes[] = {{NG_SYNTAX_TURTLE, "turtle"},
                  {NG_SYNTAX_TRIG, "trig"},
                  {NG_SYNTAX_NQUADS, "nquads"},
                  {NG_SYNTAX_RDFXML, "rdfxml"}};
  for (size_t i = 0; ref && i < ARRAY_LEN(syntaxes); i++) {
    char *out = write_string(world, qs, syntaxes[i].syntax);
    char *got = reparse(out, syntaxes[i].name);
    CHECK(got != NULL);
    if (got && strcmp(got, ref) != 0) {
      fprintf(stderr, "%s differs:\n%s\nvs N-Triples:\n%s\n",
              syntaxes[i].name, got, ref);
      CHECK(!"same triples in every syntax");
    }
    free(out);
    free(got);
  }
  free(nt);
  free(ref);
}

/* T01: newline, tab, quote and backslash are escaped in N-Triples, on one
 * line, with the language tag kept. */
static void
test_T01(ng_world *world)
{
  struct ng_quads qs = {0};
  one_literal(&qs, "http://example.org/a", "Line one\nLine two\t\"q\" \\ end",
              "en");
  char *nt = write_string(world, &qs, NG_SYNTAX_NTRIPLES);
  CHECK_EQ_STR(nt, "<http://example.org/a> <https://schema.org/text> "
                   "\"Line one\\nLine two\\t\\\"q\\\" \\\\ end\"@en .\n");
  free(nt);
  check_same_everywhere(world, &qs);
  ng__quads_clear(&qs);
}

/* T02: long Turtle literals that end in a quote, or hold runs of quotes;
 * also a raw CR, which raptor's Turtle writer gets wrong (REDLAND-NOTES.md
 * §6.1). */
static void
test_T02(ng_world *world)
{
  struct ng_quads qs = {0};
  one_literal(&qs, "http://example.org/a",
              "She replied \"no\"\nthen left \"quietly\"", NULL);
  one_literal(&qs, "http://example.org/b", "abc\ndef\"\"\"\"\"", "en");
  one_literal(&qs, "http://example.org/c", "carriage\rreturn", NULL);
  one_literal(&qs, "http://example.org/d", "\"", NULL);
  check_same_everywhere(world, &qs);
  ng__quads_clear(&qs);
}

/* T05: an IRI minted from a hostile name gives exactly one triple and no
 * injected predicate; URLs are percent-encoded. */
static void
test_T05(ng_world *world)
{
  struct ng_doc *doc = ng__doc_new("t05");
  size_t e;
  CHECK_OK(ng__doc_set_str(&doc->iri, "https://news.example/a b/\"x\"?q={1}|2^3",
                           strlen("https://news.example/a b/\"x\"?q={1}|2^3")));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_PERSON,
                              "x> <http://evil.example/p> \"pwn\" .", &e));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_PERSON, "Velmar ", &e));
  doc->extracted = true;
  struct ng_quads qs = {0};
  CHECK_OK(ng__emit_doc(world, doc, 0, &qs));
  char *nq = write_string(world, &qs, NG_SYNTAX_NQUADS);
  CHECK(strstr(nq, "<https://news.example/a%20b/%22x%22?q=%7B1%7D%7C2%5E3> "
                   "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>") !=
        NULL);
  /* No statement has the injected predicate (it may only appear inside
   * the escaped label literal). */
  for (const char *line = nq; *line;) {
    const char *sp = strchr(line, ' ');
    CHECK(!sp || strncmp(sp + 1, "<http://evil.example/p>", 23) != 0);
    const char *nl = strchr(line, '\n');
    line = nl ? nl + 1 : line + strlen(line);
  }
  CHECK(strstr(nq, "/person/velmar>") != NULL);
  CHECK(strstr(nq, "/person/velmar->") == NULL);
  size_t lines = 0;
  for (const char *p = nq; *p; p++) {
    lines += *p == '\n';
  }
  CHECK(lines == qs.n);
  if (have_rapper()) {
    char *back = reparse(nq, "nquads");
    size_t n = 0;
    for (const char *p = back ? back : ""; *p; p++) {
      n += *p == '\n';
    }
    CHECK(back && n == qs.n);
    free(back);
  }
  free(nq);
  ng__quads_clear(&qs);
  ng_doc_free(doc);
}

/* T06: local names that need escaping are written as full IRIs, and what
 * is written re-parses identically. */
static void
test_T06(ng_world *world)
{
  static const char *const subjects[] = {
      "http://example.org/id/-10", "http://example.org/id/a(b)",
      "http://example.org/id/first%20name", "http://example.org/id/end.",
      "http://example.org/id/q?x=1", "https://schema.org/",
      "https://w3id.org/newsgraph/id/person/end.",
      "https://w3id.org/newsgraph/ns#-x", "https://schema.org/a.b"};
  struct ng_quads qs = {0};
  for (size_t i = 0; i < ARRAY_LEN(subjects); i++) {
    one_literal(&qs, subjects[i], "v", NULL);
  }
  char curie[128];
  CHECK(!ng__serialize_qualify(world, "https://w3id.org/newsgraph/ns#-x",
                               curie, sizeof curie));
  CHECK(!ng__serialize_qualify(world, "https://schema.org/", curie,
                               sizeof curie));
  CHECK(!ng__serialize_qualify(world, "https://schema.org/end.", curie,
                               sizeof curie));
  CHECK(ng__serialize_qualify(world, SCHEMA_TEXT, curie, sizeof curie));
  CHECK_EQ_STR(curie, "schema:text");
  CHECK(ng__serialize_qualify(world, ID "person/dara-velmar", curie,
                              sizeof curie));
  CHECK_EQ_STR(curie, "person:dara-velmar");
  check_same_everywhere(world, &qs);
  ng__quads_clear(&qs);
}

/* T08: one canonical case for tags; "--" inside a tagged literal; no
 * empty tag ever. */
static void
test_T08(ng_world *world)
{
  char tag[36];
  CHECK(ng__emit_lang("en-US", tag));
  CHECK_EQ_STR(tag, "en-us");
  CHECK(ng__emit_lang("EN-us", tag));
  CHECK_EQ_STR(tag, "en-us");
  CHECK(ng__emit_lang("ZH_hant_tw", tag));
  CHECK_EQ_STR(tag, "zh-hant-tw");
  CHECK(!ng__emit_lang("", tag));
  CHECK(!ng__emit_lang("en-", tag));
  CHECK(!ng__emit_lang("e n", tag));
  struct ng_quads qs = {0};
  one_literal(&qs, "http://example.org/a", "Vote -- recount", "en");
  one_literal(&qs, "http://example.org/b", "no language", "");
  char *nt = write_string(world, &qs, NG_SYNTAX_NTRIPLES);
  CHECK(strstr(nt, "\"Vote -- recount\"@en .") != NULL);
  CHECK(strstr(nt, "\"no language\" .") != NULL);
  CHECK(strstr(nt, "\"@") == NULL || strstr(nt, "\"@ ") == NULL);
  free(nt);
  check_same_everywhere(world, &qs);
  ng__quads_clear(&qs);
}

/* T10: every IRI written is absolute, also for fragment nodes of an
 * article whose IRI already has a fragment, and no @base is written. */
static void
test_T10(ng_world *world, const struct ng_quads *qs)
{
  for (size_t i = 0; i < qs->n; i++) {
    CHECK(ng__iri_is_valid(qs->q[i].subject.value));
    CHECK(ng__iri_is_valid(qs->q[i].predicate));
    CHECK(ng__iri_is_valid(qs->q[i].graph));
    if (qs->q[i].object.kind == NG_TERM_IRI) {
      CHECK(ng__iri_is_valid(qs->q[i].object.value));
    }
  }
  char *ttl = write_string(world, qs, NG_SYNTAX_TURTLE);
  CHECK(strstr(ttl, "@base") == NULL);
  CHECK(strstr(ttl, "<#") == NULL && strstr(ttl, "<>") == NULL);
  free(ttl);
  struct ng_doc *doc = make_doc();
  CHECK_OK(ng__doc_set_str(&doc->iri, "https://news.example/a#top", 26));
  struct ng_quads frag = {0};
  CHECK_OK(ng__emit_doc(world, doc, NG__EMIT_NIF, &frag));
  for (size_t i = 0; i < frag.n; i++) {
    const char *s = frag.q[i].subject.value;
    CHECK(ng__iri_is_valid(s));
    CHECK(strchr(s, '#') == strrchr(s, '#'));
  }
  ng__quads_clear(&frag);
  ng_doc_free(doc);
}

/* X06: "'" is written raw (never \'), non-ASCII raw, and everything we
 * write is read back by the linked raptor with the same values. */
static void
test_X06(ng_world *world, const struct ng_quads *doc_quads)
{
  struct ng_quads qs = {0};
  one_literal(&qs, "http://example.org/a", "Orlan's port", "en");
  one_literal(&qs, "http://example.org/b", "caf\xc3\xa9 \xf0\x9f\x98\x80",
              NULL);
  char *nt = write_string(world, &qs, NG_SYNTAX_NTRIPLES);
  CHECK(strstr(nt, "\\'") == NULL);
  CHECK(strstr(nt, "Orlan's port") != NULL);
  CHECK(strstr(nt, "caf\xc3\xa9") != NULL);
  free(nt);
  check_same_everywhere(world, &qs);
  check_same_everywhere(world, doc_quads);
  ng__quads_clear(&qs);
}

/* T09: date lexical forms. */
static void
test_T09(void)
{
  static const struct {
    const char *in, *out, *dt;
  } cases[] = {
      {"2018-04-05T06:00", "2018-04-05T06:00:00", XSD_DATE_TIME},
      {"2016-02-08T09:56:17-0600", "2016-02-08T09:56:17-06:00",
       XSD_DATE_TIME},
      {"2016-01-01 20:00:00", "2016-01-01T20:00:00", XSD_DATE_TIME},
      {"2018-04-05", "2018-04-05", XSD_DATE},
      {"1999-12-31T24:00:00", "2000-01-01T00:00:00", XSD_DATE_TIME},
      {"2025-05-15T08:30:00.250Z", "2025-05-15T08:30:00.250Z",
       XSD_DATE_TIME},
      {"2025-05-15T08:30:00+08", "2025-05-15T08:30:00+08:00", XSD_DATE_TIME},
      {"2025-05-15T25:30:00", "2025-05-15", XSD_DATE},
      {"2024-02-29", "2024-02-29", XSD_DATE},
  };
  for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
    char out[40];
    const char *dt = NULL;
    CHECK(ng__emit_date(cases[i].in, out, &dt));
    CHECK_EQ_STR(out, cases[i].out);
    CHECK(dt && strcmp(dt, cases[i].dt) == 0);
  }
  char out[40];
  const char *dt;
  CHECK(!ng__emit_date("2023-02-29", out, &dt));
  CHECK(!ng__emit_date("May 15, 2025", out, &dt));
  CHECK(!ng__emit_date("", out, &dt));
}

static void
print_sink(void *handle, ng_log_level level, const char *msg)
{
  (void)handle;
  fprintf(stderr, "%s: %s\n", level == NG_LOG_ERROR ? "error" : "warning",
          msg);
}

/* Adds the quad (@p g, @p s, @p p, @p o) to @p qs. */
static void
add_one(struct ng_quads *qs, const char *g, struct ng_term s, const char *p,
        struct ng_term o)
{
  CHECK_OK(ng__quads_add_copy(qs, g, &s, p, &o));
  qs->q[qs->n - 1].graph = g ? qs->q[qs->n - 1].graph : NULL;
}

/* Writes @p qs as @p syntax into a new string of *len bytes; *st is the
 * serializer's status. */
static char *
write_bytes(ng_world *world, const struct ng_quads *qs, ng_syntax syntax,
            size_t *len, ng_status *st)
{
  char *buf = NULL;
  FILE *f = open_memstream(&buf, len);
  CHECK(f != NULL);
  *st = ng__serialize_quads(world, qs, syntax, f);
  fclose(f);
  return buf;
}

/* N-Triples and N-Quads bytes exactly as serd 0.30 writes them (the
 * expected texts are serd's output): every escape, raw UTF-8, IRIs with
 * characters that must be escaped, blank nodes, datatypes, the default
 * graph, and the statements serd refuses (a relative IRI, a literal
 * subject, bytes that are not UTF-8). */
static void
test_line_bytes(ng_world *world)
{
  static const char g[] = "http://example.org/g";
  struct ng_term iri_s = {NG_TERM_IRI, "http://example.org/s", NULL, NULL};
  struct ng_term blank = {NG_TERM_BLANK, "b1", NULL, NULL};
  struct ng_quads ok = {0}, bad = {0};
  add_one(&ok, g, iri_s, SCHEMA_TEXT,
          (struct ng_term){NG_TERM_LITERAL,
                           "a\\b\"c\nd\re\tf\x01g\x7fh\bi\fj \xc3\xa9 "
                           "\xf0\x9f\x98\x80 ~end",
                           "en-GB", NULL});
  add_one(&ok, g, blank, SCHEMA_MENTIONS,
          (struct ng_term){NG_TERM_IRI,
                           "http://example.org/a b\"<>^`{|}\\\xc3\xa9~\x7f"
                           "\x01z",
                           NULL, NULL});
  add_one(&ok, NULL, iri_s, SCHEMA_TEXT,
          (struct ng_term){NG_TERM_LITERAL, "1.50", NULL, XSD_DECIMAL});
  add_one(&ok, g, iri_s, SCHEMA_TEXT,
          (struct ng_term){NG_TERM_LITERAL, "plain", NULL, XSD_STRING});
  add_one(&ok, g, iri_s, SCHEMA_TEXT,
          (struct ng_term){NG_TERM_LITERAL, "", "", XSD_DECIMAL});
  add_one(&ok, "urn:sha256:ab", blank, RDF_TYPE,
          (struct ng_term){NG_TERM_BLANK, "x-2", NULL, NULL});
  add_one(&bad, g, iri_s, SCHEMA_MENTIONS,
          (struct ng_term){NG_TERM_IRI, "relative/x", NULL, NULL});
  add_one(&bad, g, (struct ng_term){NG_TERM_LITERAL, "lit", NULL, NULL},
          SCHEMA_TEXT, (struct ng_term){NG_TERM_LITERAL, "x", NULL, NULL});
  add_one(&bad, g, iri_s, SCHEMA_TEXT,
          (struct ng_term){NG_TERM_LITERAL, "\xff" "bad\x80x", NULL, NULL});
  add_one(&bad, "1http://example.org/g", iri_s, SCHEMA_TEXT,
          (struct ng_term){NG_TERM_LITERAL, "y", NULL, NULL});
  add_one(&bad, g, iri_s, SCHEMA_TEXT,
          (struct ng_term){NG_TERM_LITERAL, "z", NULL, "rel"});
  add_one(&bad, g, iri_s, SCHEMA_TEXT,
          (struct ng_term){NG_TERM_LITERAL, "last", NULL, NULL});
  static const struct {
    ng_syntax syntax;
    bool bad;
    const char *want;
  } cases[] = {
      {NG_SYNTAX_NQUADS, false,
       "<http://example.org/s> <https://schema.org/text> \"a\\\\b\\\"c\\nd\\r"
       "e\\tf\\u0001g\\u007Fh\\u0008i\\u000Cj \xc3\xa9 \xf0\x9f\x98\x80 ~end"
       "\"@en-GB <http://example.org/g> .\n"
       "_:b1 <https://schema.org/mentions> <http://example.org/a\\u0020b\\u00"
       "22\\u003C\\u003E\\u005E\\u0060\\u007B\\u007C\\u007D\\u005C\xc3\xa9~\\"
       "u007F\\u0001z> <http://example.org/g> .\n"
       "<http://example.org/s> <https://schema.org/text> \"1.50\"^^<http://ww"
       "w.w3.org/2001/XMLSchema#decimal> .\n"
       "<http://example.org/s> <https://schema.org/text> \"plain\" <http://ex"
       "ample.org/g> .\n"
       "<http://example.org/s> <https://schema.org/text> \"\"^^<http://www.w3"
       ".org/2001/XMLSchema#decimal> <http://example.org/g> .\n"
       "_:b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> _:x-2 <urn:sha"
       "256:ab> .\n"},
      {NG_SYNTAX_NTRIPLES, false,
       "<http://example.org/s> <https://schema.org/text> \"a\\\\b\\\"c\\nd\\r"
       "e\\tf\\u0001g\\u007Fh\\u0008i\\u000Cj \xc3\xa9 \xf0\x9f\x98\x80 ~end"
       "\"@en-GB .\n"
       "_:b1 <https://schema.org/mentions> <http://example.org/a\\u0020b\\u00"
       "22\\u003C\\u003E\\u005E\\u0060\\u007B\\u007C\\u007D\\u005C\xc3\xa9~\\"
       "u007F\\u0001z> .\n"
       "<http://example.org/s> <https://schema.org/text> \"1.50\"^^<http://ww"
       "w.w3.org/2001/XMLSchema#decimal> .\n"
       "<http://example.org/s> <https://schema.org/text> \"plain\" .\n"
       "<http://example.org/s> <https://schema.org/text> \"\"^^<http://www.w3"
       ".org/2001/XMLSchema#decimal> .\n"
       "_:b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> _:x-2 .\n"},
      {NG_SYNTAX_NQUADS, true,
       "<http://example.org/s> <https://schema.org/mentions> <http://example."
       "org/s> <https://schema.org/text> \"\xef\xbf\xbd" "bad\xef\xbf\xbdx\" "
       "<http://example.org/g> .\n"
       "<http://example.org/s> <https://schema.org/text> \"y\" <http://exampl"
       "e.org/s> <https://schema.org/text> \"z\"^^<http://example.org/s> <htt"
       "ps://schema.org/text> \"last\" <http://example.org/g> .\n"},
      {NG_SYNTAX_NTRIPLES, true,
       "<http://example.org/s> <https://schema.org/mentions> <http://example."
       "org/s> <https://schema.org/text> \"\xef\xbf\xbd" "bad\xef\xbf\xbdx\" "
       ".\n"
       "<http://example.org/s> <https://schema.org/text> \"y\" .\n"
       "<http://example.org/s> <https://schema.org/text> \"z\"^^<http://examp"
       "le.org/s> <https://schema.org/text> \"last\" .\n"},
  };
  for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
    size_t len = 0;
    ng_status st;
    char *got = write_bytes(world, cases[i].bad ? &bad : &ok,
                            cases[i].syntax, &len, &st);
    CHECK(st == (cases[i].bad ? NG_ERR_RDF : NG_OK));
    if (getenv("NG_TEST_DUMP")) {
      fprintf(stderr, "case %zu:\n", i);
      fwrite(got, 1, len, stderr);
    }
    CHECK(len == strlen(cases[i].want) &&
          memcmp(got, cases[i].want, len) == 0);
    free(got);
  }
  ng__quads_clear(&ok);
  ng__quads_clear(&bad);
}

/* The publisher's label is the name the page gives it when the gazetteer
 * knows that name as an alias; the IRI stays the canonical one. */
static void
test_publisher_label(ng_world *world)
{
  struct ng_doc *doc = ng__doc_new("publisher");
  CHECK(doc != NULL);
  size_t e;
  CHECK_OK(ng__doc_set_str(&doc->text, "Talks went on.", 14));
  CHECK_OK(ng__doc_set_str(&doc->iri, "https://news.example/p", 22));
  CHECK_OK(ng__doc_set_str(&doc->meta.publisher, "Press Trust of India", 20));
  CHECK_OK(ng__doc_add_sentence(doc, 0, 14));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_NEWS_AGENCY, "PTI", &e));
  CHECK_OK(ng__doc_add_alt_label(doc, e, "Press Trust of India", 20));
  doc->publisher = e;
  struct ng_quads qs = {0};
  CHECK_OK(ng__emit_doc(world, doc, 0, &qs));
  const char *node = ID "organization/pti";
  CHECK(count(&qs, "https://news.example/p", SCHEMA_PUBLISHER, node) == 1);
  const struct ng_term *t = object(&qs, node, RDFS_LABEL);
  CHECK(t != NULL);
  if (t) {
    CHECK_EQ_STR(t->value, "Press Trust of India");
  }
  CHECK(count(&qs, node, RDFS_LABEL, NULL) == 1);
  CHECK(count(&qs, node, SKOS_ALT_LABEL, "PTI") == 1);
  ng__quads_clear(&qs);
  ng_doc_free(doc);
}

int
main(void)
{
  ng_world *world = ng_world_new();
  CHECK(world != NULL);
  ng_world_set_log_sink(world, print_sink, NULL);
  CHECK_OK(ng_world_set_option(world, "now", "1747267200"));
  struct ng_doc *doc = make_doc();
  struct ng_quads qs = {0};
  test_quads(world, doc, &qs);
  test_serialize(world, &qs);
  test_T01(world);
  test_T02(world);
  test_T05(world);
  test_T06(world);
  test_T08(world);
  test_T09();
  test_T10(world, &qs);
  test_X06(world, &qs);
  test_publisher_label(world);
  test_line_bytes(world);
  ng__quads_clear(&qs);
  ng_doc_free(doc);
  ng_world_free(world);
  return test_report();
}
