/* SPDX-License-Identifier: MIT */
/* store.c and query.c on a temporary sqlite store and a memory store:
 * add, replace on re-ingest, export, indexes, reopen without wiping,
 * SPARQL and the refusals (FAULT-CASES.md X03, X05, X07). Hand-built docs
 * with invented people and real countries. */
#include "emit.h"
#include "query.h"
#include "store.h"
#include "vocab.h"

#include "../test.h"

#include <json-c/json.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/ng-store-XXXXXX";

/* A small extracted doc: two people who met, with evidence. */
static struct ng_doc *
make_doc(const char *iri, const char *headline)
{
  static const char text[] = "Dara Velmar met Ilya Sorokin in Moscow.";
  struct ng_doc *doc = ng__doc_new(iri);
  size_t a, b, c;
  CHECK_OK(ng__doc_set_str(&doc->text, text, strlen(text)));
  doc->text_len = strlen(text);
  CHECK_OK(ng__doc_set_str(&doc->iri, iri, strlen(iri)));
  CHECK_OK(ng__doc_set_str(&doc->meta.headline, headline, strlen(headline)));
  CHECK_OK(ng__doc_set_str(&doc->meta.date_published, "2025-05-14", 10));
  doc->retrieved_at = 1747267200;
  CHECK_OK(ng__doc_add_sentence(doc, 0, strlen(text)));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_PERSON, "Dara Velmar", &a));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_PERSON, "Ilya Sorokin", &b));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_CITY, "Moscow", &c));
  struct ng_fact f = {NG_REL_MEETS, a, b, 0, 0.9, NG_MOD_ASSERTED};
  CHECK_OK(ng__doc_add_fact(doc, &f));
  doc->extracted = true;
  return doc;
}

/* Exports @p store (or one graph) as @p syntax into a new string. */
static char *
export(ng_store *store, ng_syntax syntax, const char *graph)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  CHECK(f != NULL);
  CHECK_OK(ng_store_write(store, syntax, graph, f));
  fclose(f);
  return buf;
}

static char *
query(ng_store *store, const char *q, const char *format, ng_status *st)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  *st = ng_store_query(store, q, format, f);
  fclose(f);
  return buf;
}

static size_t
lines(const char *s)
{
  size_t n = 0;
  for (; s && *s; s++) {
    n += *s == '\n';
  }
  return n;
}

static bool
has_index(const char *path, const char *name)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  bool found = false;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE "
                         "type='index' AND name=?", -1, &stmt,
                         NULL) == SQLITE_OK) {
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
    found = sqlite3_step(stmt) == SQLITE_ROW;
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return found;
}

#define PFX "PREFIX ng: <https://w3id.org/newsgraph/ns#> "

/* X07: what rasqal cannot run is refused, never a silent success; what
 * only looks like it (division, "||", keywords in strings) still runs. */
static void
test_X07(ng_store *store)
{
  ng_status st;
  char *r;

  static const char *const refused[] = {
      PFX "SELECT ?a WHERE { ?a ng:meets+ ?b }",
      PFX "SELECT ?a WHERE { ?a ng:meets/ng:visits ?b }",
      PFX "SELECT ?a WHERE { ?a ^ng:meets ?b }",
      PFX "SELECT ?a WHERE { ?a ng:meets|ng:hosts ?b }",
      PFX "SELECT ?a WHERE { ?a ng:meets ?b FILTER NOT EXISTS { ?b ?p ?a } }",
      PFX "SELECT ?a WHERE { ?a ng:meets ?b MINUS { ?b ng:meets ?a } }",
      "DESCRIBE <https://news.example/a>",
      "INSERT DATA { <http://example.org/x> <http://example.org/p> \"v\" }",
      "DELETE WHERE { ?s ?p ?o }",
      "CLEAR ALL",
      "LOAD <http://example.org/x.ttl>",
  };
  for (size_t i = 0; i < ARRAY_LEN(refused); i++) {
    r = query(store, refused[i], NULL, &st);
    CHECK(st == NG_ERR_PARSE);
    free(r);
  }
  /* Not refused: division, "||", "*", "?" variables, keywords in
   * strings and IRIs. */
  static const char *const allowed[] = {
      "SELECT * WHERE { ?s ?p ?o FILTER(?o = \"MINUS EXISTS\" || 1/2 > 0) }",
      "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://x.example/insert> ?o }",
      "# DELETE this\nSELECT ?s WHERE { ?s ?p ?o } LIMIT 1",
  };
  for (size_t i = 0; i < ARRAY_LEN(allowed); i++) {
    r = query(store, allowed[i], "csv", &st);
    CHECK_OK(st);
    free(r);
  }
  r = query(store, "SELECT ?s WHERE { ?s ?p ", "csv", &st);
  CHECK(st == NG_ERR_PARSE);
  free(r);
  r = query(store, "SELECT ?s WHERE { ?s ?p ?o }", "turtle", &st);
  CHECK(st == NG_ERR_ARG);
  free(r);

}

/* X05: new='yes' only for a new file; contexts on; one count per
 * article context. */
static void
test_X05(ng_world *world, const char *path, size_t n_one)
{
  ng_store *store = NULL;
  size_t n_graphs = 0, n_quads = 0;
  struct ng_doc *b = make_doc("https://news.example/b", "Other article");
  CHECK_OK(ng_store_open(world, path, &store));
  CHECK_OK(ng_store_count(store, &n_graphs, &n_quads));
  CHECK(n_graphs == 1 && n_quads == n_one / 2);
  CHECK_OK(ng_store_add_doc(store, b));
  CHECK_OK(ng_store_count(store, &n_graphs, &n_quads));
  CHECK(n_graphs == 2 && n_quads == n_one);
  ng_store_free(store);
  ng_doc_free(b);
}

static void
test_sqlite(ng_world *world)
{
  char path[256], spec[300];
  snprintf(path, sizeof path, "%s/s.db", dir);
  snprintf(spec, sizeof spec, "sqlite:%s", path);
  ng_store *store = NULL;
  CHECK_OK(ng_store_open(world, spec, &store));
  /* REDLAND-NOTES.md §6.3: the indexes the stock schema lacks. */
  CHECK(has_index(path, "ng_literal"));
  CHECK(has_index(path, "ng_blank"));
  CHECK(has_index(path, "ng_context"));

  struct ng_doc *a = make_doc("https://news.example/a", "First headline");
  struct ng_doc *b = make_doc("https://news.example/b", "Other article");
  CHECK_OK(ng_store_begin(store));
  CHECK_OK(ng_store_add_doc(store, a));
  CHECK_OK(ng_store_add_doc(store, b));
  CHECK_OK(ng_store_commit(store));
  char *one = export(store, NG_SYNTAX_NQUADS, NULL);
  size_t n_one = lines(one);
  CHECK(n_one > 20);

  /* Re-ingest replaces: the same doc gives the same export. */
  CHECK_OK(ng_store_add_doc(store, a));
  char *two = export(store, NG_SYNTAX_NQUADS, NULL);
  CHECK_EQ_STR(one, two);
  free(two);

  /* A changed doc replaces its graph and nothing else. */
  struct ng_doc *a2 = make_doc("https://news.example/a", "Second headline");
  CHECK_OK(ng_store_add_doc(store, a2));
  two = export(store, NG_SYNTAX_NQUADS, NULL);
  CHECK(lines(two) == n_one);
  CHECK(strstr(two, "Second headline") != NULL);
  CHECK(strstr(two, "First headline") == NULL);
  CHECK(strstr(two, "Other article") != NULL);
  free(two);

  size_t n_graphs = 0, n_quads = 0;
  CHECK_OK(ng_store_count(store, &n_graphs, &n_quads));
  CHECK(n_graphs == 2 && n_quads == n_one);

  /* One graph only, and TriG / Turtle. */
  char *ga = export(store, NG_SYNTAX_NQUADS, "https://news.example/a");
  CHECK(lines(ga) == n_one / 2);
  free(ga);
  ga = export(store, NG_SYNTAX_TRIG, NULL);
  CHECK(strstr(ga, "<https://news.example/b> {") != NULL);
  free(ga);
  FILE *devnull = fopen("/dev/null", "w");
  CHECK(ng_store_write(store, NG_SYNTAX_NQUADS, "https://nope.example/",
                       devnull) == NG_NOT_FOUND);
  fclose(devnull);

  /* SPARQL over the union of graphs; dates are typed. */
  ng_status st;
  char *r = query(store, PFX "SELECT ?a ?b WHERE { ?a ng:meets ?b }",
                  "json", &st);
  CHECK_OK(st);
  json_object *j = json_tokener_parse(r);
  CHECK(j != NULL);
  CHECK(strstr(r, "person/dara-velmar") && strstr(r, "person/ilya-sorokin"));
  json_object_put(j);
  free(r);
  r = query(store,
            "PREFIX schema: <https://schema.org/> "
            "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
            "SELECT ?a WHERE { ?a schema:datePublished ?d "
            "FILTER(?d > \"2025-01-01\"^^xsd:date) }",
            "csv", &st);
  CHECK_OK(st);
  CHECK(lines(r) == 3); /* header + 2 articles */
  free(r);
  /* X07: GRAPH ?g gives one row per article with its count. */
  r = query(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o "
            "} } GROUP BY ?g", "tsv", &st);
  CHECK_OK(st);
  CHECK(lines(r) == 3);
  free(r);
  /* Empty results are valid JSON (REDLAND-NOTES.md §3). */
  r = query(store, PFX "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ng:nothing ?o "
            "} GROUP BY ?s", "json", &st);
  CHECK_OK(st);
  j = json_tokener_parse(r);
  CHECK(j != NULL);
  json_object_put(j);
  free(r);
  r = query(store, PFX "ASK { ?a ng:meets ?b }", "json", &st);
  CHECK_OK(st);
  CHECK(r && strstr(r, "\"boolean\":true"));
  free(r);
  r = query(store, PFX "CONSTRUCT { ?b ng:meets ?a } WHERE { ?a ng:meets ?b "
            "}", "ntriples", &st);
  CHECK_OK(st);
  CHECK(lines(r) == 2);
  free(r);
  test_X07(store);
  /* Remove one graph. */
  CHECK_OK(ng_store_remove_graph(store, "https://news.example/b"));
  CHECK(ng_store_remove_graph(store, "https://news.example/b") ==
        NG_NOT_FOUND);
  CHECK_OK(ng_store_count(store, &n_graphs, &n_quads));
  CHECK(n_graphs == 1 && n_quads == n_one / 2);
  ng_store_free(store);

  test_X05(world, path, n_one);

  free(one);
  ng_doc_free(a);
  ng_doc_free(a2);
  ng_doc_free(b);
}

/* The memory store de-duplicates through replace (REDLAND-NOTES.md §6.4)
 * and gives the same export as sqlite. */
static void
test_memory(ng_world *world)
{
  ng_store *store = NULL, *sq = NULL;
  char path[256];
  snprintf(path, sizeof path, "%s/m.db", dir);
  CHECK_OK(ng_store_open(world, "memory:", &store));
  CHECK_OK(ng_store_open(world, path, &sq));
  struct ng_doc *a = make_doc("https://news.example/a", "First headline");
  CHECK_OK(ng_store_add_doc(store, a));
  CHECK_OK(ng_store_add_doc(store, a));
  CHECK_OK(ng_store_add_doc(sq, a));
  char *m = export(store, NG_SYNTAX_TURTLE, NULL);
  char *s = export(sq, NG_SYNTAX_TURTLE, NULL);
  CHECK_EQ_STR(m, s);
  free(m);
  free(s);
  size_t n_graphs = 0, n_quads = 0, n2 = 0;
  CHECK_OK(ng_store_count(store, &n_graphs, &n_quads));
  CHECK_OK(ng_store_count(sq, &n_graphs, &n2));
  CHECK(n_quads == n2);
  ng_store_free(store);
  ng_store_free(sq);
  ng_doc_free(a);
}

/* X03: many statements through the add path, freeing only statements
 * (ASan/valgrind would catch a double free), within a transaction (X05 3). */
static void
test_X03(ng_world *world)
{
  ng_store *store = NULL;
  char path[256];
  snprintf(path, sizeof path, "%s/many.db", dir);
  CHECK_OK(ng_store_open(world, path, &store));
  struct ng_quads qs = {0};
  for (int i = 0; i < 10000; i++) {
    char s[64], o[32];
    snprintf(s, sizeof s, "https://x.example/s%d", i % 500);
    snprintf(o, sizeof o, "value %d", i);
    struct ng_term st = {NG_TERM_IRI, s, NULL, NULL};
    struct ng_term ot = {NG_TERM_LITERAL, o, i % 2 ? "en" : NULL, NULL};
    CHECK_OK(ng__quads_add_copy(&qs, "https://x.example/g", &st,
                                RDFS_LABEL, &ot));
  }
  CHECK_OK(ng_store_begin(store));
  CHECK_OK(ng__store_replace_graph(store, "https://x.example/g", &qs));
  CHECK_OK(ng_store_commit(store));
  size_t n_graphs = 0, n_quads = 0;
  CHECK_OK(ng_store_count(store, &n_graphs, &n_quads));
  CHECK(n_quads == 10000);
  ng__quads_clear(&qs);
  ng_store_free(store);
}

static void
test_specs(ng_world *world)
{
  ng_store *store = NULL;
  char spec[300];
  snprintf(spec, sizeof spec, "bdb:%s/bdb", dir);
  CHECK_OK(ng_store_open(world, spec, &store));
  struct ng_doc *a = make_doc("https://news.example/a", "First headline");
  CHECK_OK(ng_store_add_doc(store, a));
  CHECK_OK(ng_store_add_doc(store, a));
  size_t n_graphs = 0, n_quads = 0;
  CHECK_OK(ng_store_count(store, &n_graphs, &n_quads));
  CHECK(n_graphs == 1 && n_quads > 10);
  ng_store_free(store);
  ng_doc_free(a);
  CHECK(ng_store_open(world, "bdb:/nonexistent/dir/x", &store) != NG_OK);
  CHECK(store == NULL);
}

static void
quiet(void *handle, ng_log_level level, const char *msg)
{
  (void)handle;
  (void)level;
  (void)msg;
}

int
main(void)
{
  CHECK(mkdtemp(dir) != NULL);
  ng_world *world = ng_world_new();
  ng_world_set_log_sink(world, quiet, NULL);
  test_sqlite(world);
  test_memory(world);
  test_X03(world);
  test_specs(world);
  ng_world_free(world);
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  CHECK(system(cmd) == 0);
  return test_report();
}
