/* SPDX-License-Identifier: MIT */
/* query.c's output: rasqal's broken time-zone strings repaired in every
 * format (table, csv, tsv, json, xml, turtle, ntriples), the CSV, TSV and
 * XML writers against the W3C result formats, and no invalid UTF-8 in any
 * output. Literals are put in a memory store directly. */
#include "emit.h"
#include "query.h"
#include "store.h"
#include "utf8.h"
#include "vocab.h"

#include "../test.h"

#include <json-c/json.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <redland.h>
#include <stdlib.h>
#include <string.h>

#define EX "http://example.org/"
#define PUBLISHED EX "published"

/* The offsets the bug report asks about, as xsd:dateTime and xsd:date. */
static const char *const zoned[] = {
    "2025-06-18T11:00:00+05:30", "2025-06-18T11:00:00+05:45",
    "2025-06-18T11:00:00-03:30", "2025-06-18T11:00:00+09:30",
    "2025-06-18T11:00:00+00:00", "2025-06-18T11:00:00Z",
    "2025-06-18T11:00:00-10:00", "2025-06-18T11:00:00",
    "2024-02-29T23:59:59+14:00", "2025-06-18T11:00:00-00:59",
};
static const char *const zoned_dates[] = {
    "2025-06-18+05:30", "2025-06-18+05:45", "2025-06-18-03:30",
    "2025-06-18+00:00", "2025-06-18Z",      "2025-06-18-10:00",
};

static void
quiet(void *handle, ng_log_level level, const char *msg)
{
  (void)handle;
  (void)level;
  (void)msg;
}

static char *
query(ng_store *store, const char *q, const char *format, ng_status *st)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  CHECK(f != NULL);
  *st = ng_store_query(store, q, format, f);
  fclose(f);
  CHECK(buf && ng__utf8_is_valid(buf, strlen(buf)));
  return buf;
}

/* rasqal 0.9.33's formatting of an offset of @p minutes past the hour. */
static char
rasqal_last_byte(int minutes)
{
  return (char)(unsigned char)(48 - 9 * (minutes % 60));
}

static void
test_repair_zone(void)
{
  const unsigned both = NG__RASQAL_ZONE_MINUTES | NG__RASQAL_ZONE_SIGN;
  char lex[64], right[64];
  /* Every offset minute, both signs, both datatypes: the broken string
   * comes back exact. */
  for (int dt = 0; dt < 2; dt++) {
    for (int sign = 0; sign < 2; sign++) {
      for (int m = 0; m < 60; m++) {
        snprintf(right, sizeof right, "%s%c07:%02d",
                 dt ? "2025-06-18" : "2025-06-18T11:00:00",
                 sign ? '-' : '+', m);
        memcpy(lex, right, sizeof lex);
        lex[strlen(lex) - 1] = rasqal_last_byte(m);
        if (m == 0) {
          CHECK(strcmp(lex, right) == 0); /* '0' - 0 == '0' */
        } else {
          CHECK(strcmp(lex, right) != 0);
          CHECK(ng__query_repair_zone(dt ? XSD_DATE : XSD_DATE_TIME, lex,
                                      both));
        }
        CHECK_EQ_STR(lex, right);
        /* Without the bug (a fixed rasqal), nothing changes. */
        memcpy(lex, right, sizeof lex);
        CHECK(!ng__query_repair_zone(XSD_DATE_TIME, lex, 0));
        CHECK_EQ_STR(lex, right);
      }
    }
  }
  /* The brief's checks: a correct "+05:30" decodes to m = 0 (not 3x) and
   * a correct "+05:45" has no m at all, so neither is touched. */
  snprintf(lex, sizeof lex, "2025-06-18T11:00:00+05:30");
  CHECK(!ng__query_repair_zone(XSD_DATE_TIME, lex, both));
  snprintf(lex, sizeof lex, "2025-06-18T11:00:00+05:45");
  CHECK(!ng__query_repair_zone(XSD_DATE_TIME, lex, both));
  /* ... but a correct "+05:24" reads as rasqal's 28: why the bugs are
   * probed rather than assumed. */
  snprintf(lex, sizeof lex, "2025-06-18T11:00:00+05:24");
  CHECK(ng__query_repair_zone(XSD_DATE_TIME, lex, NG__RASQAL_ZONE_MINUTES));
  CHECK_EQ_STR(lex, "2025-06-18T11:00:00+05:28");
  /* The zero offset. */
  snprintf(lex, sizeof lex, "2025-06-18T11:00:00-00:00");
  CHECK(ng__query_repair_zone(XSD_DATE_TIME, lex, both));
  CHECK_EQ_STR(lex, "2025-06-18T11:00:00+00:00");
  snprintf(lex, sizeof lex, "2025-06-18T11:00:00-00:00");
  CHECK(!ng__query_repair_zone(XSD_DATE_TIME, lex, NG__RASQAL_ZONE_MINUTES));
  /* Other datatypes, other endings and short strings are left alone. */
  snprintf(lex, sizeof lex, "at +05:3\"");
  CHECK(!ng__query_repair_zone(XSD_STRING, lex, both));
  CHECK(!ng__query_repair_zone(NULL, lex, both));
  snprintf(lex, sizeof lex, "2025-06-18T11:00:00Z");
  CHECK(!ng__query_repair_zone(XSD_DATE_TIME, lex, both));
  snprintf(lex, sizeof lex, "+05:3\"");
  CHECK(!ng__query_repair_zone(XSD_DATE_TIME, lex, both));
  snprintf(lex, sizeof lex, "2025-06-18T11:00:00+05:7\"");
  CHECK(!ng__query_repair_zone(XSD_DATE_TIME, lex, both)); /* tens 7 */
}

/* The linked rasqal (Debian 12: 0.9.33) has both bugs. */
static void
test_probe(ng_world *world)
{
  librdf_world *lw;
  CHECK_OK(ng__store_rdf_world(world, &lw));
  unsigned bugs = ng__query_rasqal_bugs(lw);
  printf("rasqal %s: zone bugs 0x%x\n", rasqal_version_string, bugs);
  CHECK(bugs == (NG__RASQAL_ZONE_MINUTES | NG__RASQAL_ZONE_SIGN));
}

/* Adds (subject, predicate, literal of datatype or lang) to graph EX "g"
 * through librdf itself, bytes as given. */
static void
add_raw(ng_world *world, ng_store *store, const char *subject,
        const char *predicate, const char *value, const char *datatype,
        const char *lang)
{
  librdf_world *lw;
  CHECK_OK(ng__store_rdf_world(world, &lw));
  librdf_uri *dt = datatype
                       ? librdf_new_uri(lw, (const unsigned char *)datatype)
                       : NULL;
  librdf_node *s = librdf_new_node_from_uri_string(
      lw, (const unsigned char *)subject);
  librdf_node *p = librdf_new_node_from_uri_string(
      lw, (const unsigned char *)predicate);
  librdf_node *o = librdf_new_node_from_typed_literal(
      lw, (const unsigned char *)value, lang, dt);
  librdf_node *g =
      librdf_new_node_from_uri_string(lw, (const unsigned char *)EX "g");
  librdf_statement *stmt = librdf_new_statement_from_nodes(lw, s, p, o);
  CHECK(stmt != NULL);
  CHECK(librdf_model_context_add_statement(ng__store_model(store), g,
                                           stmt) == 0);
  librdf_free_statement(stmt);
  librdf_free_node(g);
  if (dt) {
    librdf_free_uri(dt);
  }
}

/* One article per zoned literal, put in through the store API. */
static void
fill(ng_store *store)
{
  struct ng_quads qs = {0};
  char subject[64];
  for (size_t i = 0; i < ARRAY_LEN(zoned) + ARRAY_LEN(zoned_dates); i++) {
    bool date = i >= ARRAY_LEN(zoned);
    snprintf(subject, sizeof subject, EX "article/%zu", i);
    struct ng_term s = {NG_TERM_IRI, subject, NULL, NULL};
    struct ng_term o = {NG_TERM_LITERAL,
                        date ? zoned_dates[i - ARRAY_LEN(zoned)] : zoned[i],
                        NULL, date ? XSD_DATE : XSD_DATE_TIME};
    CHECK_OK(ng__quads_add_copy(&qs, EX "g", &s, PUBLISHED, &o));
  }
  CHECK_OK(ng__store_replace_graph(store, EX "g", &qs));
  ng__quads_clear(&qs);
}

/* Every zoned literal comes back with its exact lexical form. */
static void
test_formats(ng_store *store)
{
  static const char q[] =
      "SELECT ?a ?d WHERE { ?a <" PUBLISHED "> ?d }";
  static const char c[] =
      "CONSTRUCT { ?a <" PUBLISHED "> ?d } WHERE { ?a <" PUBLISHED "> ?d }";
  const size_t n = ARRAY_LEN(zoned) + ARRAY_LEN(zoned_dates);
  const int failures = test_failures;
  ng_status st;
  char want[160];
  char *out[7];
  out[0] = query(store, q, "table", &st);
  CHECK_OK(st);
  out[1] = query(store, q, "csv", &st);
  CHECK_OK(st);
  out[2] = query(store, q, "tsv", &st);
  CHECK_OK(st);
  out[3] = query(store, q, "json", &st);
  CHECK_OK(st);
  out[4] = query(store, q, "xml", &st);
  CHECK_OK(st);
  out[5] = query(store, c, "turtle", &st);
  CHECK_OK(st);
  out[6] = query(store, c, "ntriples", &st);
  CHECK_OK(st);
  for (size_t i = 0; i < n; i++) {
    bool date = i >= ARRAY_LEN(zoned);
    const char *lex = date ? zoned_dates[i - ARRAY_LEN(zoned)] : zoned[i];
    const char *dt = date ? XSD_DATE : XSD_DATE_TIME;
    const char *pfx = date ? "xsd:date" : "xsd:dateTime";
    snprintf(want, sizeof want, "| \"%s\"^^%s ", lex, pfx);
    CHECK(out[0] && strstr(out[0], want));
    snprintf(want, sizeof want, "/%zu,%s\r\n", i, lex);
    CHECK(out[1] && strstr(out[1], want));
    snprintf(want, sizeof want, "/%zu>\t\"%s\"^^<%s>\n", i, lex, dt);
    CHECK(out[2] && strstr(out[2], want));
    snprintf(want, sizeof want, "\"value\":\"%s\",\"datatype\":\"%s\"", lex,
             dt);
    CHECK(out[3] && strstr(out[3], want));
    snprintf(want, sizeof want, "<literal datatype=\"%s\">%s</literal>", dt,
             lex);
    CHECK(out[4] && strstr(out[4], want));
    snprintf(want, sizeof want, "\"%s\"^^%s", lex, pfx);
    CHECK(out[5] && strstr(out[5], want));
    snprintf(want, sizeof want, "/%zu> <" PUBLISHED "> \"%s\"^^<%s> .\n", i,
             lex, dt);
    CHECK(out[6] && strstr(out[6], want));
  }
  /* Nothing else: one row per literal, one triple per literal. */
  size_t rows = 0;
  for (const char *p = out[1]; p && (p = strstr(p, "\r\n")); p += 2) {
    rows++;
  }
  CHECK(rows == n + 1);
  rows = 0;
  for (const char *p = out[6]; p && (p = strstr(p, " .\n")); p += 3) {
    rows++;
  }
  CHECK(rows == n);
  for (size_t k = 0; k < ARRAY_LEN(out); k++) {
    if (test_failures > failures) {
      fprintf(stderr, "--- output %zu:\n%s\n", k, out[k] ? out[k] : "");
    }
    free(out[k]);
  }
}

/* The arithmetic against the real rasqal: every minute 0..59, both
 * signs, both datatypes, through a store and CSV. */
static void
test_every_minute(ng_world *world)
{
  ng_store *store = NULL;
  CHECK_OK(ng_store_open(world, "memory:", &store));
  struct ng_quads qs = {0};
  char subject[64], lex[64];
  size_t n = 0;
  for (int dt = 0; dt < 2; dt++) {
    for (int sign = 0; sign < 2; sign++) {
      for (int m = 0; m < 60; m++, n++) {
        snprintf(subject, sizeof subject, EX "m/%zu", n);
        snprintf(lex, sizeof lex, "%s%c%02d:%02d",
                 dt ? "2025-06-18" : "2025-06-18T11:00:00",
                 sign ? '-' : '+', 1 + m % 13, m);
        struct ng_term s = {NG_TERM_IRI, subject, NULL, NULL};
        struct ng_term o = {NG_TERM_LITERAL, lex, NULL,
                            dt ? XSD_DATE : XSD_DATE_TIME};
        CHECK_OK(ng__quads_add_copy(&qs, EX "g", &s, PUBLISHED, &o));
      }
    }
  }
  CHECK_OK(ng__store_replace_graph(store, EX "g", &qs));
  ng__quads_clear(&qs);
  ng_status st;
  char *csv = query(store, "SELECT ?a ?d WHERE { ?a <" PUBLISHED "> ?d }",
                    "csv", &st);
  CHECK_OK(st);
  n = 0;
  size_t missing = 0;
  for (int dt = 0; dt < 2; dt++) {
    for (int sign = 0; sign < 2; sign++) {
      for (int m = 0; m < 60; m++, n++) {
        char want[96];
        snprintf(want, sizeof want, "/%zu,%s%c%02d:%02d\r\n", n,
                 dt ? "2025-06-18" : "2025-06-18T11:00:00",
                 sign ? '-' : '+', 1 + m % 13, m);
        if (!(csv && strstr(csv, want))) {
          missing++;
          if (missing < 5) {
            fprintf(stderr, "missing %s", want);
          }
        }
      }
    }
  }
  CHECK(missing == 0);
  free(csv);
  ng_store_free(store);
}

/* CSV, TSV and XML against the W3C formats, with awkward literals. */
static void
test_writers(ng_world *world)
{
  ng_store *store = NULL;
  CHECK_OK(ng_store_open(world, "memory:", &store));
  add_raw(world, store, EX "a", EX "text", "say \"hi\", then\tgo\nback\\",
          NULL, NULL);
  add_raw(world, store, EX "b", EX "text", "caf\xE9 \x01 ok", NULL, "fr");
  add_raw(world, store, EX "c", EX "text", "42", XSD_NS "integer", NULL);
  add_raw(world, store, EX "d", EX "text", "1.5", XSD_DECIMAL, NULL);
  add_raw(world, store, EX "e", EX "text", "1.5", XSD_NS "double", NULL);
  add_raw(world, store, EX "f", EX "text", "plain", XSD_STRING, NULL);
  ng_status st;
  const char *q = "SELECT ?s ?o WHERE { ?s <" EX "text> ?o } ORDER BY ?s";

  char *csv = query(store, q, "csv", &st);
  CHECK_OK(st);
  CHECK(csv && strncmp(csv, "s,o\r\n", 5) == 0);
  CHECK(csv && strstr(csv, EX "a,\"say \"\"hi\"\", then\tgo\nback\\\"\r\n"));
  CHECK(csv && strstr(csv, EX "b,caf\xEF\xBF\xBD \x01 ok\r\n"));
  CHECK(csv && strstr(csv, EX "c,42\r\n"));
  free(csv);

  char *tsv = query(store, q, "tsv", &st);
  CHECK_OK(st);
  CHECK(tsv && strncmp(tsv, "?s\t?o\n", 6) == 0);
  CHECK(tsv && strstr(tsv, "<" EX "a>\t\"say \\\"hi\\\", then\\tgo\\nback"
                           "\\\\\"\n"));
  CHECK(tsv && strstr(tsv, "<" EX "b>\t\"caf\xEF\xBF\xBD \\u0001 ok\"@fr\n"));
  CHECK(tsv && strstr(tsv, "<" EX "c>\t42\n"));
  CHECK(tsv && strstr(tsv, "<" EX "d>\t1.5\n"));
  CHECK(tsv && strstr(tsv, "<" EX "e>\t\"1.5\"^^<" XSD_NS "double>\n"));
  CHECK(tsv && strstr(tsv, "<" EX "f>\t\"plain\"\n"));
  CHECK(tsv && !strchr(tsv, '\r'));
  free(tsv);

  char *xml = query(store, q, "xml", &st);
  CHECK_OK(st);
  xmlDocPtr doc = xml ? xmlReadMemory(xml, (int)strlen(xml), "r.xml", NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR |
                                          XML_PARSE_NOWARNING)
                      : NULL;
  CHECK(doc != NULL);
  if (doc) {
    xmlNodePtr root = xmlDocGetRootElement(doc);
    CHECK(root && root->ns &&
          strcmp((const char *)root->ns->href,
                 "http://www.w3.org/2005/sparql-results#") == 0);
    xmlChar *all = xmlNodeGetContent(root);
    CHECK(all && strstr((const char *)all, "say \"hi\", then\tgo\nback\\"));
    CHECK(all && strstr((const char *)all, "caf\xEF\xBF\xBD \xEF\xBF\xBD ok"));
    xmlFree(all);
    xmlFreeDoc(doc);
  }
  CHECK(xml && strstr(xml, "<binding name=\"o\">"));
  CHECK(xml && strstr(xml, "xml:lang=\"fr\""));
  free(xml);

  /* Empty results keep their variables; ASK has a form in each. */
  const char *none = "SELECT ?s ?o WHERE { ?s <" EX "nothing> ?o }";
  char *r = query(store, none, "csv", &st);
  CHECK_OK(st);
  CHECK_EQ_STR(r, "s,o\r\n");
  free(r);
  r = query(store, none, "tsv", &st);
  CHECK_OK(st);
  CHECK_EQ_STR(r, "?s\t?o\n");
  free(r);
  r = query(store, none, "json", &st);
  CHECK_OK(st);
  CHECK_EQ_STR(r, "{\"head\":{\"vars\":[\"s\",\"o\"]},\"results\":"
                  "{\"bindings\":[]}}\n");
  free(r);
  r = query(store, none, "xml", &st);
  CHECK_OK(st);
  CHECK(r && strstr(r, "<variable name=\"o\"/>") && strstr(r, "<results/>"));
  doc = r ? xmlReadMemory(r, (int)strlen(r), "e.xml", NULL,
                          XML_PARSE_NONET | XML_PARSE_NOERROR)
          : NULL;
  CHECK(doc != NULL);
  xmlFreeDoc(doc);
  free(r);
  const char *ask = "ASK { ?s <" EX "text> ?o }";
  r = query(store, ask, "xml", &st);
  CHECK_OK(st);
  CHECK(r && strstr(r, "<head/>") && strstr(r, "<boolean>true</boolean>"));
  doc = r ? xmlReadMemory(r, (int)strlen(r), "a.xml", NULL,
                          XML_PARSE_NONET | XML_PARSE_NOERROR)
          : NULL;
  CHECK(doc != NULL);
  xmlFreeDoc(doc);
  free(r);
  r = query(store, ask, "csv", &st);
  CHECK_OK(st);
  CHECK_EQ_STR(r, "_askResult\r\ntrue\r\n");
  free(r);
  r = query(store, ask, "tsv", &st);
  CHECK_OK(st);
  CHECK_EQ_STR(r, "?_askResult\ntrue\n");
  free(r);

  /* Invalid UTF-8 never reaches any output (query() checks each). */
  static const char *const formats[] = {"table", "csv", "tsv", "json",
                                        "xml"};
  for (size_t i = 0; i < ARRAY_LEN(formats); i++) {
    free(query(store, q, formats[i], &st));
    CHECK_OK(st);
  }
  free(query(store, "CONSTRUCT { ?s <" EX "t> ?o } WHERE { ?s <" EX
                    "text> ?o }", "ntriples", &st));
  CHECK_OK(st);
  ng_store_free(store);
}

int
main(void)
{
  ng_world *world = ng_world_new();
  ng_world_set_log_sink(world, quiet, NULL);
  test_repair_zone();
  test_probe(world);
  ng_store *store = NULL;
  CHECK_OK(ng_store_open(world, "memory:", &store));
  fill(store);
  test_formats(store);
  ng_store_free(store);
  test_every_minute(world);
  test_writers(world);
  ng_world_free(world);
  return test_report();
}
