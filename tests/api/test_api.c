/* SPDX-License-Identifier: MIT */
/* End to end through newsgraph.h only: a small page (invented people, real
 * countries) is loaded from memory, extracted, written in every syntax and
 * added to a memory store, then queried. The output parses back with
 * raptor when rapper is installed. */
#include "newsgraph.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;

#define CHECK(cond)                                                          \
  do {                                                                       \
    if (!(cond)) {                                                           \
      failures++;                                                            \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,      \
              #cond);                                                        \
    }                                                                        \
  } while (0)

static const char page[] =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Velmar visits Norway</title>"
    "<meta property=\"og:title\" content=\"Velmar visits Norway\">"
    "</head><body><article><h1>Velmar visits Norway</h1>"
    "<p>OSLO, March 2 -- Malaysian Prime Minister Dara Velmar met "
    "Norwegian Prime Minister Jon Haldor Brekke in Oslo on Saturday to "
    "discuss trade and port cooperation between the two countries.</p>"
    "<p>Velmar said Malaysia and Norway would sign an agreement on green "
    "shipping later this year, and that the talks had been \"open and "
    "useful\" for both sides.</p>"
    "</article></body></html>";

static char *
write_doc(ng_world *world, ng_doc *doc, ng_syntax syntax)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  CHECK(ng_doc_write(world, doc, syntax, f) == NG_OK);
  fclose(f);
  return buf;
}

/* Parses @p text as @p syntax with rapper; true if it parses. */
static bool
parses(const char *text, const char *syntax)
{
  char path[] = "/tmp/ng-api-XXXXXX", cmd[256];
  int fd = mkstemp(path);
  if (fd < 0) {
    return false;
  }
  FILE *f = fdopen(fd, "w");
  fputs(text, f);
  fclose(f);
  snprintf(cmd, sizeof cmd, "rapper -q -i %s -c %s 2>/dev/null", syntax,
           path);
  bool ok = system(cmd) == 0;
  unlink(path);
  return ok;
}

int
main(void)
{
  ng_world *world = ng_world_new();
  ng_doc *doc = NULL;
  CHECK(world != NULL);
  CHECK(ng_world_set_option(world, "now", "1747267200") == NG_OK);
  CHECK(ng_world_set_option(world, "no-such-option", "1") == NG_ERR_ARG);
  CHECK(ng_doc_load_bytes(world, page, strlen(page), "api-page",
                          "text/html", &doc) == NG_OK);
  CHECK(ng_doc_set_url(doc, "https://news.example/velmar-norway") == NG_OK);
  CHECK(ng_doc_set_url(doc, "not an iri") == NG_ERR_ARG);
  CHECK(ng_doc_set_date(doc, "2025-03-02") == NG_OK);
  CHECK(ng_doc_extract(world, doc) == NG_OK);
  CHECK(strcmp(ng_doc_get_iri(doc), "https://news.example/velmar-norway") ==
        0);
  CHECK(strstr(ng_doc_get_text(doc), "Dara Velmar") != NULL);

  bool have_rapper = system("rapper --version >/dev/null 2>&1") == 0;
  static const struct {
    ng_syntax syntax;
    const char *name;
  } syntaxes[] = {{NG_SYNTAX_NQUADS, "nquads"},
                  {NG_SYNTAX_NTRIPLES, "ntriples"},
                  {NG_SYNTAX_TURTLE, "turtle"},
                  {NG_SYNTAX_TRIG, "trig"},
                  {NG_SYNTAX_RDFXML, "rdfxml"}};
  for (size_t i = 0; i < sizeof syntaxes / sizeof syntaxes[0]; i++) {
    char *out = write_doc(world, doc, syntaxes[i].syntax);
    CHECK(out && strstr(out, "velmar-norway") != NULL);
    CHECK(out && strstr(out, "2025-03-02") != NULL);
    CHECK(out && strstr(out, "2025-05-15T00:00:00Z") != NULL);
    if (have_rapper) {
      CHECK(out && parses(out, syntaxes[i].name));
    }
    free(out);
  }
  ng_world_set_emit_flags(world, NG_EMIT_NIF);
  char *nif = write_doc(world, doc, NG_SYNTAX_NQUADS);
  CHECK(nif && strstr(nif, "nif-core#Context") != NULL);
  CHECK(nif && strstr(nif, "nif-core#isString") != NULL);
  free(nif);
  ng_world_set_emit_flags(world, 0);

  ng_store *store = NULL;
  CHECK(ng_store_open(world, "memory:", &store) == NG_OK);
  CHECK(ng_store_add_doc(store, doc) == NG_OK);
  char *res = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&res, &len);
  CHECK(ng_store_query(store,
                       "PREFIX schema: <https://schema.org/> "
                       "SELECT ?h WHERE { ?a schema:headline ?h }",
                       "csv", f) == NG_OK);
  fclose(f);
  CHECK(res && strstr(res, "Velmar visits Norway") != NULL);
  free(res);
  CHECK(ng_store_query(store, "SELECT ?s WHERE { ?s ?p", "csv", stdout) ==
        NG_ERR_PARSE);
  CHECK(ng_world_errmsg(world)[0] != '\0');
  ng_store_free(store);
  ng_doc_free(doc);
  ng_world_free(world);
  printf("%d failed\n", failures);
  return failures ? 1 : 0;
}
