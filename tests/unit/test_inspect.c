/* SPDX-License-Identifier: MIT */
/* inspect.c, lock.c and the query time limit on hand-built memory and
 * sqlite stores: graph list, stats, entity look-up by IRI and by name
 * (including names with quotes, backslashes, braces and line breaks, which
 * must never reach SPARQL text), name folding, store locks, and a query
 * stopped at its time limit. Invented people, real countries. */
#include "inspect.h"
#include "lock.h"
#include "store.h"
#include "vocab.h"

#include "../test.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ID "https://w3id.org/newsgraph/id/"
static const char evil[] = "Dr \"Quo} ?x \\ te\nName";

/* Adds to @p qs the statement (s, p, o) where o is an IRI (@p o_iri) or a
 * literal. */
static void
add(struct ng_quads *qs, const char *g, const char *s, const char *p,
    const char *o, bool o_iri, const char *datatype)
{
  struct ng_term st = {NG_TERM_IRI, s, NULL, NULL};
  struct ng_term ot = {o_iri ? NG_TERM_IRI : NG_TERM_LITERAL, o, NULL,
                       datatype};
  CHECK_OK(ng__quads_add_copy(qs, g, &st, p, &ot));
}

/* One article graph @p g dated @p date in which Dara Velmar meets the
 * person @p other (label @p other_label) and is a minister of Kenya. */
static void
article(ng_store *store, const char *g, const char *date, const char *other,
        const char *other_label)
{
  struct ng_quads qs = {0};
  add(&qs, g, g, RDF_TYPE, SCHEMA_NEWS_ARTICLE, true, NULL);
  add(&qs, g, g, SCHEMA_HEADLINE, "Talks\tin\nNairobi", false, NULL);
  add(&qs, g, g, SCHEMA_DATE_PUBLISHED, date, false, XSD_DATE);
  add(&qs, g, ID "person/dara-velmar", RDF_TYPE, NG_PERSON, true, NULL);
  add(&qs, g, ID "person/dara-velmar", RDFS_LABEL, "Dara Velmar", false,
      NULL);
  add(&qs, g, ID "person/dara-velmar", SKOS_ALT_LABEL, "Velmar", false, NULL);
  add(&qs, g, other, RDF_TYPE, NG_PERSON, true, NULL);
  add(&qs, g, other, RDFS_LABEL, other_label, false, NULL);
  add(&qs, g, ID "country/kenya", RDF_TYPE, NG_COUNTRY, true, NULL);
  add(&qs, g, ID "country/kenya", RDFS_LABEL, "Kenya", false, NULL);
  add(&qs, g, ID "person/dara-velmar", NG_MINISTER_OF, ID "country/kenya",
      true, NULL);
  /* written the other way round in the second article: still one fact */
  if (strcmp(date, "2025-05-01") == 0) {
    add(&qs, g, ID "person/dara-velmar", NG_MEETS, other, true, NULL);
  } else {
    add(&qs, g, other, NG_MEETS, ID "person/dara-velmar", true, NULL);
  }
  CHECK_OK(ng__store_replace_graph(store, g, &qs));
  ng__quads_clear(&qs);
}

/* Runs @p fn's output into a new string. */
static char *
capture(ng_status (*fn)(ng_store *, const char *, FILE *), ng_store *store,
        const char *arg, ng_status *st)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  CHECK(f != NULL);
  *st = fn(store, arg, f);
  fclose(f);
  return buf;
}

static void
test_fold(void)
{
  char *s = ng__inspect_fold("ÉLODIE Łukasz ÖZTÜRK ΑΘΗΝΑ БОРИС abc");
  CHECK_EQ_STR(s, "élodie łukasz öztürk αθηνα борис abc");
  free(s);
  s = ng__inspect_fold(evil);
  CHECK_EQ_STR(s, "dr \"quo} ?x \\ te\nname");
  free(s);
  CHECK(ng__inspect_iri_ok(ID "person/x"));
  CHECK(!ng__inspect_iri_ok(ID "x> ?p ?o } #"));
  CHECK(!ng__inspect_iri_ok(ID "a b"));
  CHECK(!ng__inspect_iri_ok(""));
}

static void
test_inspect(ng_world *world)
{
  ng_store *store = NULL;
  ng_status st;
  CHECK_OK(ng_store_open(world, "memory:", &store));
  article(store, "https://news.example/a", "2025-05-01",
          ID "person/ilya-sorokin", "Ilya Sorokin");
  article(store, "https://news.example/b", "2025-06-09",
          ID "person/ilya-sorokin", "Ilya Sorokin");
  article(store, "https://news.example/c", "2025-04-02", ID "person/evil",
          evil);

  char *s = capture(ng_store_write_graph_list, store, NULL, &st);
  CHECK_OK(st);
  CHECK_EQ_STR(s, "graph\tdate\ttriples\theadline\n"
                  "https://news.example/a\t2025-05-01\t12\tTalks in Nairobi\n"
                  "https://news.example/b\t2025-06-09\t12\tTalks in Nairobi\n"
                  "https://news.example/c\t2025-04-02\t12\tTalks in Nairobi\n");
  free(s);
  s = capture(ng_store_write_graph_list, store, "json", &st);
  CHECK_OK(st);
  CHECK(s && strstr(s, "\"headline\":\"Talks\\tin\\nNairobi\""));
  free(s);
  s = capture(ng_store_write_graph_list, store, "xml", &st);
  CHECK(st == NG_ERR_ARG);
  free(s);

  s = capture(ng_store_write_stats, store, NULL, &st);
  CHECK_OK(st);
  CHECK(s && strncmp(s, "graphs\t3\nquads\t36\n", 18) == 0);
  CHECK(s && strstr(s, "\nentity\tng:Person\t3\n"));
  CHECK(s && strstr(s, "\nentity\tng:Country\t1\n"));
  /* meets: a and b state one fact (two directions), c another */
  CHECK(s && strstr(s, "\nrelation\tng:meets\t2\t3\n"));
  CHECK(s && strstr(s, "\nrelation\tng:ministerOf\t1\t3\n"));
  free(s);

  /* By name, ignoring case; by alternative label; by IRI. */
  s = capture(ng_store_write_entity, store, "dara VELMAR", &st);
  CHECK_OK(st);
  CHECK(s && strstr(s, "entity\t" ID "person/dara-velmar\n"
                       "class\tng:Person\nlabel\tDara Velmar\n"
                       "altLabel\tVelmar\n"));
  CHECK(s && strstr(s, "ng:meets\tIlya Sorokin\t" ID "person/ilya-sorokin"
                       "\t2\t2025-05-01\t2025-06-09\t"
                       "https://news.example/a https://news.example/b\n"));
  CHECK(s && strstr(s, "ng:ministerOf\tKenya\t" ID "country/kenya\t3\t"
                       "2025-04-02\t2025-06-09\t"));
  free(s);
  s = capture(ng_store_write_entity, store, "velmar", &st);
  CHECK_OK(st);
  CHECK(s && strstr(s, "entity\t" ID "person/dara-velmar\n"));
  free(s);
  s = capture(ng_store_write_entity, store, ID "country/kenya", &st);
  CHECK_OK(st);
  CHECK(s && strstr(s, "^ng:ministerOf\tDara Velmar\t"));
  free(s);
  /* A name with quote, brace, backslash and newline is found as it is,
   * and one that would close a query's string finds nothing. */
  s = capture(ng_store_write_entity, store, "dr \"QUO} ?x \\ te\nname", &st);
  CHECK_OK(st);
  CHECK(s && strstr(s, "entity\t" ID "person/evil\n"));
  CHECK(s && strstr(s, "label\tDr \"Quo} ?x \\ te Name\n"));
  free(s);
  static const char *const nasty[] = {
      "x\" } ?s ?p ?o . FILTER(true) #", "\\", "}", "\n", "\"",
      ID "x> ?p ?o } #", ""};
  for (size_t i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
    s = capture(ng_store_write_entity, store, nasty[i], &st);
    CHECK(st == NG_NOT_FOUND);
    CHECK(s && !*s);
    free(s);
  }
  ng_store_free(store);
}

static double
now_s(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
test_lock_and_timeout(ng_world *world)
{
  char dir[] = "/tmp/ng-inspect-XXXXXX", path[256], lock[300];
  CHECK(mkdtemp(dir) != NULL);
  snprintf(path, sizeof path, "%s/s.db", dir);
  snprintf(lock, sizeof lock, "%s/s.db.lock", dir);
  ng_store *w = NULL, *w2 = NULL, *r = NULL;
  CHECK_OK(ng_store_open_ex(world, path, NG_STORE_WRITE, 0, &w));
  CHECK(access(lock, F_OK) == 0);
  /* A second writer and a reader fail (after the wait) while it is open. */
  double t0 = now_s();
  CHECK(ng_store_open_ex(world, path, NG_STORE_WRITE, 0.3, &w2) ==
        NG_ERR_RDF);
  CHECK(now_s() - t0 >= 0.25);
  CHECK(w2 == NULL);
  CHECK(strstr(ng_world_errmsg(world), "in use by another process") != NULL);
  CHECK(ng_store_open_ex(world, path, 0, 0, &r) == NG_ERR_RDF);
  for (int i = 0; i < 60; i++) {
    char g[64];
    snprintf(g, sizeof g, "https://news.example/%d", i);
    article(w, g, "2025-05-01", ID "person/ilya-sorokin", "Ilya Sorokin");
  }
  ng_store_free(w);
  /* Readers share. */
  ng_store *r2 = NULL;
  CHECK_OK(ng_store_open_ex(world, path, 0, 0, &r));
  CHECK_OK(ng_store_open_ex(world, path, 0, 0, &r2));
  CHECK(ng_store_open_ex(world, path, NG_STORE_WRITE, 0, &w2) == NG_ERR_RDF);
  ng_store_free(r2);

  /* A cross product of 720 triples, sorted: rasqal would take minutes. */
  static const char slow[] =
      "SELECT ?a ?b ?c WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } "
      "ORDER BY ?a ?b ?c";
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  t0 = now_s();
  ng_status st = ng_store_query_ex(r, slow, "csv", 0.5, f);
  double took = now_s() - t0;
  fclose(f);
  CHECK(st == NG_ERR_TOO_LARGE);
  CHECK(took >= 0.45 && took < 3);
  CHECK(strstr(ng_world_errmsg(world), "time limit of 0.5 s") != NULL);
  free(buf);
  /* A quick query within its limit gives the same as without one, and an
   * error in the child comes back with its message. */
  static const char quick[] =
      "SELECT ?l WHERE { ?e <" RDFS_LABEL "> ?l } ORDER BY ?l LIMIT 2";
  char *a = NULL, *b = NULL;
  f = open_memstream(&a, &len);
  CHECK_OK(ng_store_query_ex(r, quick, "csv", 30, f));
  fclose(f);
  f = open_memstream(&b, &len);
  CHECK_OK(ng_store_query(r, quick, "csv", f));
  fclose(f);
  CHECK_EQ_STR(a, b);
  CHECK_EQ_STR(a, "l\r\nDara Velmar\r\nDara Velmar\r\n");
  free(a);
  free(b);
  a = NULL;
  f = open_memstream(&a, &len);
  CHECK(ng_store_query_ex(r, "SELECT ?x WHERE { ?x ?y", "csv", 30, f) ==
        NG_ERR_PARSE);
  fclose(f);
  free(a);
  ng_store_free(r);
  unlink(path);
  unlink(lock);
  rmdir(dir);
}

int
main(void)
{
  ng_world *world = ng_world_new();
  CHECK(world != NULL);
  test_fold();
  test_inspect(world);
  test_lock_and_timeout(world);
  ng_world_free(world);
  return test_report();
}
