/* SPDX-License-Identifier: MIT */
/* sqliter.c: every triple pattern, in a graph and in none, gives exactly
 * what librdf's own reads of the store filtered with
 * librdf_statement_match give (IRIs, blanks, plain, language and typed
 * literals, unknown nodes), on a newsgraph store and on one librdf made;
 * a SPARQL query in GRAPH no longer reads whole graphs back; results see
 * writes made on the same connection. Invented names, real countries. */
#include "emit.h"
#include "store.h"

#include "../test.h"

#include <redland.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NS "http://example.org/"
#define XSD_INT "http://www.w3.org/2001/XMLSchema#integer"

static char dir[] = "/tmp/ng-sqliter-XXXXXX";

struct sqlite_instance_head {
  librdf_storage *storage;
  sqlite3 *db;
};

static void
add(struct ng_quads *q, const char *g, int sk, const char *s, const char *p,
    int ok, const char *o, const char *lang, const char *dt)
{
  struct ng_term ts = {sk, s, NULL, NULL};
  struct ng_term to = {ok, o, lang, dt};
  CHECK_OK(ng__quads_add_copy(q, g, &ts, p, &to));
}

/* Two graphs sharing nodes: IRIs, a blank, literals of every kind. */
static void
fill(ng_store *store, const char *extra)
{
  struct ng_quads q = {0};
  const char *g1 = NS "g1", *g2 = NS "g2";
  add(&q, g1, NG_TERM_IRI, NS "a", NS "p", NG_TERM_IRI, NS "b", NULL, NULL);
  add(&q, g1, NG_TERM_IRI, NS "a", NS "label", NG_TERM_LITERAL, "Kenya",
      NULL, NULL);
  add(&q, g1, NG_TERM_IRI, NS "a", NS "label", NG_TERM_LITERAL, "Kenya",
      "en", NULL);
  add(&q, g1, NG_TERM_IRI, NS "a", NS "n", NG_TERM_LITERAL, "7", NULL,
      XSD_INT);
  add(&q, g1, NG_TERM_IRI, NS "a", NS "n", NG_TERM_LITERAL, "7", NULL, NULL);
  add(&q, g1, NG_TERM_BLANK, "x1", NS "p", NG_TERM_BLANK, "x2", NULL, NULL);
  add(&q, g1, NG_TERM_IRI, NS "b", NS "q", NG_TERM_BLANK, "x1", NULL, NULL);
  if (extra) {
    add(&q, g1, NG_TERM_IRI, NS "a", NS "label", NG_TERM_LITERAL, extra,
        NULL, NULL);
  }
  CHECK_OK(ng__store_replace_graph(store, g1, &q));
  ng__quads_clear(&q);
  add(&q, g2, NG_TERM_IRI, NS "a", NS "p", NG_TERM_IRI, NS "b", NULL, NULL);
  add(&q, g2, NG_TERM_IRI, NS "b", NS "label", NG_TERM_LITERAL, "Peru",
      "es", NULL);
  add(&q, g2, NG_TERM_IRI, NS "g1", NS "p", NG_TERM_IRI, NS "a", NULL, NULL);
  CHECK_OK(ng__store_replace_graph(store, g2, &q));
  ng__quads_clear(&q);
}

static int
cmp_str(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* @p node as text: <iri>, _:label, "text"@lang^^<datatype>, or -. */
static void
node_str(librdf_node *node, char *out, size_t size)
{
  if (!node) {
    snprintf(out, size, "-");
  } else if (librdf_node_is_resource(node)) {
    snprintf(out, size, "<%s>",
             (char *)librdf_uri_as_string(librdf_node_get_uri(node)));
  } else if (librdf_node_is_blank(node)) {
    snprintf(out, size, "_:%s",
             (char *)librdf_node_get_blank_identifier(node));
  } else {
    const char *lang = librdf_node_get_literal_value_language(node);
    librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(node);
    snprintf(out, size, "\"%s\"@%s^^<%s>",
             (char *)librdf_node_get_literal_value(node), lang ? lang : "",
             dt ? (char *)librdf_uri_as_string(dt) : "");
  }
}

/* The statements of @p stream (with their graphs), sorted, joined by
 * newlines; @p filter: keep only those matching it (and graph @p ctx). */
static char *
collect(librdf_stream *stream, librdf_statement *filter, librdf_node *ctx)
{
  char *items[256];
  size_t n = 0, len = 1;
  CHECK(stream != NULL);
  while (stream && !librdf_stream_end(stream)) {
    librdf_statement *st = librdf_stream_get_object(stream);
    librdf_node *c = librdf_stream_get_context2(stream);
    if ((!filter || librdf_statement_match(st, filter)) &&
        (!ctx || (c && librdf_node_equals(c, ctx))) && n < 256) {
      char a[200], b[200], d[200], e[200];
      node_str(librdf_statement_get_subject(st), a, sizeof a);
      node_str(librdf_statement_get_predicate(st), b, sizeof b);
      node_str(librdf_statement_get_object(st), d, sizeof d);
      node_str(c, e, sizeof e);
      size_t k = strlen(a) + strlen(b) + strlen(d) + strlen(e) + 8;
      items[n] = malloc(k);
      snprintf(items[n], k, "%s %s %s @%s", a, b, d, e);
      len += k;
      n++;
    }
    librdf_stream_next(stream);
  }
  if (stream) {
    librdf_free_stream(stream);
  }
  qsort(items, n, sizeof *items, cmp_str);
  char *out = malloc(len + n);
  size_t at = 0;
  for (size_t i = 0; i < n; i++) {
    size_t k = strlen(items[i]);
    memcpy(out + at, items[i], k);
    out[at + k] = '\n';
    at += k + 1;
    free(items[i]);
  }
  out[at] = '\0';
  return out;
}

/* Every pattern over the store's model: find_statements_in_context and
 * find_statements against librdf's reads filtered by hand. */
static int
compare_all(librdf_world *lw, librdf_model *model)
{
  librdf_uri *xsd_int = librdf_new_uri(lw, (const unsigned char *)XSD_INT);
  librdf_node *subj[] = {
      NULL, librdf_new_node_from_uri_string(lw, (const unsigned char *)NS "a"),
      librdf_new_node_from_blank_identifier(lw, (const unsigned char *)"x1"),
      librdf_new_node_from_uri_string(lw, (const unsigned char *)NS "none")};
  librdf_node *pred[] = {
      NULL, librdf_new_node_from_uri_string(lw, (const unsigned char *)NS "p"),
      librdf_new_node_from_uri_string(lw,
                                      (const unsigned char *)NS "label"),
      librdf_new_node_from_uri_string(lw, (const unsigned char *)NS "n")};
  librdf_node *obj[] = {
      NULL, librdf_new_node_from_uri_string(lw, (const unsigned char *)NS "b"),
      librdf_new_node_from_blank_identifier(lw, (const unsigned char *)"x2"),
      librdf_new_node_from_literal(lw, (const unsigned char *)"Kenya", NULL,
                                   0),
      librdf_new_node_from_literal(lw, (const unsigned char *)"Kenya", "en",
                                   0),
      librdf_new_node_from_typed_literal(lw, (const unsigned char *)"7",
                                         NULL, xsd_int),
      librdf_new_node_from_literal(lw, (const unsigned char *)"7", NULL, 0),
      librdf_new_node_from_literal(lw, (const unsigned char *)"Kenya", "fr",
                                   0),
      librdf_new_node_from_uri_string(lw, (const unsigned char *)NS "a")};
  librdf_node *ctxs[] = {
      NULL, librdf_new_node_from_uri_string(lw, (const unsigned char *)NS "g1"),
      librdf_new_node_from_uri_string(lw, (const unsigned char *)NS "g2"),
      librdf_new_node_from_uri_string(lw, (const unsigned char *)NS "g9")};
  int compared = 0;
  for (size_t c = 0; c < 4; c++) {
    for (size_t s = 0; s < 4; s++) {
      for (size_t p = 0; p < 4; p++) {
        for (size_t o = 0; o < 9; o++) {
          librdf_statement *pat = librdf_new_statement_from_nodes(
              lw, subj[s] ? librdf_new_node_from_node(subj[s]) : NULL,
              pred[p] ? librdf_new_node_from_node(pred[p]) : NULL,
              obj[o] ? librdf_new_node_from_node(obj[o]) : NULL);
          char *want, *got;
          if (ctxs[c]) {
            want = collect(librdf_model_context_as_stream(model, ctxs[c]),
                           pat, NULL);
            got = collect(librdf_model_find_statements_in_context(
                              model, pat, ctxs[c]),
                          NULL, NULL);
          } else {
            want = collect(librdf_model_as_stream(model), pat, NULL);
            got = collect(librdf_model_find_statements(model, pat), NULL,
                          NULL);
          }
          if (strcmp(want, got) != 0) {
            fprintf(stderr, "pattern %zu %zu %zu in %zu:\nwant\n%sgot\n%s",
                    s, p, o, c, want, got);
          }
          CHECK_EQ_STR(got, want);
          compared += want[0] != '\0';
          free(want);
          free(got);
          librdf_free_statement(pat);
        }
      }
    }
  }
  for (size_t i = 0; i < 9; i++) {
    if (i < 4 && subj[i]) {
      librdf_free_node(subj[i]);
    }
    if (i < 4 && pred[i]) {
      librdf_free_node(pred[i]);
    }
    if (i < 4 && ctxs[i]) {
      librdf_free_node(ctxs[i]);
    }
    if (obj[i]) {
      librdf_free_node(obj[i]);
    }
  }
  librdf_free_uri(xsd_int);
  return compared;
}

static int whole_graph_reads, statements_run;

static int
trace(unsigned kind, void *ctx, void *p, void *x)
{
  (void)ctx;
  (void)x;
  if (kind == SQLITE_TRACE_STMT) {
    const char *sql = sqlite3_sql(p);
    statements_run++;
    /* librdf's read of one graph (rdf_storage_sqlite.c,
     * librdf_storage_sqlite_context_serialise). */
    whole_graph_reads += sql && strstr(sql, "T.contextUri=") != NULL;
  }
  return 0;
}

static void
test_patterns(void)
{
  char path[128];
  snprintf(path, sizeof path, "%s/s.db", dir);
  ng_world *world = ng_world_new();
  ng_store *store = NULL;
  CHECK_OK(ng_store_open(world, path, &store));
  fill(store, NULL);
  librdf_world *lw = NULL;
  CHECK_OK(ng__store_rdf_world(world, &lw));
  CHECK(compare_all(lw, ng__store_model(store)) > 20);

  /* Writes on the same connection are seen at once (the node cache). */
  fill(store, "Kenia");
  librdf_node *g1 =
      librdf_new_node_from_uri_string(lw, (const unsigned char *)NS "g1");
  librdf_node *kenia = librdf_new_node_from_literal(
      lw, (const unsigned char *)"Kenia", NULL, 0);
  librdf_statement *pat = librdf_new_statement_from_nodes(lw, NULL, NULL,
                                                          kenia);
  char *got = collect(librdf_model_find_statements_in_context(
                          ng__store_model(store), pat, g1),
                      NULL, NULL);
  CHECK(strstr(got, "Kenia") != NULL);
  free(got);
  librdf_free_statement(pat);
  librdf_free_node(g1);
  CHECK(compare_all(lw, ng__store_model(store)) > 20);

  /* A query in GRAPH ?g looks patterns up instead of reading each graph
   * back for each of them (issue 6: minutes on 1,000 articles). */
  librdf_storage *storage = librdf_model_get_storage(ng__store_model(store));
  struct sqlite_instance_head *inst = librdf_storage_get_instance(storage);
  CHECK(inst && inst->storage == storage && inst->db);
  if (inst && inst->db) {
    sqlite3_trace_v2(inst->db, SQLITE_TRACE_STMT, trace, NULL);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK_OK(ng_store_query(store,
                            "SELECT ?g ?l WHERE { GRAPH ?g { ?a <" NS "p> ?b ."
                            " ?b <" NS "label> ?l } }",
                            "csv", f));
    fclose(f);
    CHECK(buf && strstr(buf, "Peru") != NULL);
    free(buf);
    sqlite3_trace_v2(inst->db, 0, NULL, NULL);
    CHECK(statements_run > 0);
    CHECK(whole_graph_reads == 0);
  }
  ng_store_free(store);
  ng_world_free(world);
}

/* A store librdf made itself (no newsgraph indexes), opened to read. */
static void
test_librdf_store(void)
{
  char path[128];
  snprintf(path, sizeof path, "%s/librdf.db", dir);
  ng_world *world = ng_world_new();
  librdf_world *lw = NULL;
  CHECK_OK(ng__store_rdf_world(world, &lw));
  librdf_storage *storage =
      librdf_new_storage(lw, "sqlite", path, "new='yes'");
  CHECK(storage != NULL);
  librdf_model *model = librdf_new_model(lw, storage, NULL);
  CHECK(model != NULL);
  /* Added through librdf's API (its parser leaves raptor's concept URIs
   * allocated after librdf_free_world(), which the sanitizer build
   * reports): subject ("_:" a blank), predicate, object (kind 'u' IRI,
   * 'b' blank, 'l' literal with language or datatype), graph. */
  static const struct {
    const char *s, *p, *o, *lang, *dt, *g;
    char kind;
  } quads[] = {
      {NS "a", NS "p", NS "b", NULL, NULL, NS "g1", 'u'},
      {NS "a", NS "label", "Kenya", NULL, NULL, NS "g1", 'l'},
      {NS "a", NS "label", "Kenya", "en", NULL, NS "g1", 'l'},
      {NS "a", NS "n", "7", NULL, XSD_INT, NS "g1", 'l'},
      {NS "a", NS "n", "7", NULL, NULL, NS "g1", 'l'},
      {"_:x1", NS "p", "x2", NULL, NULL, NS "g1", 'b'},
      {NS "b", NS "label", "Peru", "es", NULL, NS "g2", 'l'},
  };
  for (size_t i = 0; model && i < sizeof quads / sizeof quads[0]; i++) {
    librdf_node *sn =
        strncmp(quads[i].s, "_:", 2) == 0
            ? librdf_new_node_from_blank_identifier(
                  lw, (const unsigned char *)quads[i].s + 2)
            : librdf_new_node_from_uri_string(
                  lw, (const unsigned char *)quads[i].s);
    librdf_node *pn = librdf_new_node_from_uri_string(
        lw, (const unsigned char *)quads[i].p);
    librdf_uri *dt = quads[i].dt ? librdf_new_uri(
                         lw, (const unsigned char *)quads[i].dt)
                                 : NULL;
    librdf_node *on =
        quads[i].kind == 'u'
            ? librdf_new_node_from_uri_string(
                  lw, (const unsigned char *)quads[i].o)
        : quads[i].kind == 'b'
            ? librdf_new_node_from_blank_identifier(
                  lw, (const unsigned char *)quads[i].o)
            : librdf_new_node_from_typed_literal(
                  lw, (const unsigned char *)quads[i].o, quads[i].lang, dt);
    librdf_node *gn = librdf_new_node_from_uri_string(
        lw, (const unsigned char *)quads[i].g);
    librdf_statement *st =
        sn && pn && on ? librdf_new_statement_from_nodes(lw, sn, pn, on)
                       : NULL;
    CHECK(st != NULL && gn != NULL);
    if (st && gn) {
      CHECK(librdf_model_context_add_statement(model, gn, st) == 0);
    }
    if (st) {
      librdf_free_statement(st); /* frees sn, pn, on */
    } else {
      librdf_free_node(sn);
      librdf_free_node(pn);
      librdf_free_node(on);
    }
    librdf_free_node(gn);
    if (dt) {
      librdf_free_uri(dt);
    }
  }
  librdf_free_model(model);
  librdf_free_storage(storage);

  ng_store *store = NULL;
  CHECK_OK(ng_store_open_ex(world, path, 0, 5, &store));
  if (store) {
    CHECK(compare_all(lw, ng__store_model(store)) > 10);
  }
  ng_store_free(store);
  ng_world_free(world);
}

int
main(void)
{
  CHECK(mkdtemp(dir) != NULL);
  test_patterns();
  test_librdf_store();
  char cmd[160];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  CHECK(system(cmd) == 0);
  return test_report();
}
