/* SPDX-License-Identifier: MIT */
/* Unit tests of push.c: which IRIs can be sent, and the SPARQL Update
 * body built from N-Triples (escaping of "\\u"). */
#include "push.h"

#include "../test.h"

#include <string.h>

static void
test_iri_ok(void)
{
  CHECK(ng__push_iri_ok("https://news.example/a?b=c#d"));
  CHECK(ng__push_iri_ok("urn:sha256:ab12"));
  CHECK(!ng__push_iri_ok(""));
  CHECK(!ng__push_iri_ok("https://news.example/a b"));
  CHECK(!ng__push_iri_ok("https://news.example/a>"));
  CHECK(!ng__push_iri_ok("https://news.example/{x}"));
  CHECK(!ng__push_iri_ok("https://news.example/a\\u003E"));
  CHECK(!ng__push_iri_ok("https://news.example/\n"));
}

static void
test_update_body(void)
{
  ng_world *world = ng_world_new();
  struct ng_buf b;
  /* a literal holding a backslash and "u0041" (N-Triples "\\u0041"), a
   * quote, and a real escape \u00E9 that SPARQL may decode itself */
  static const char nt[] =
      "<http://s.example/x> <http://p.example/q> \"a\\\\u0041 \\\" "
      "\\u00E9 \\\\U0001\" .\n";
  CHECK(world != NULL);
  ng__buf_init(&b, 0);
  CHECK_OK(ng__push_update_body(world, "https://g.example/1", nt,
                                strlen(nt), &b));
  CHECK(b.data != NULL);
  CHECK(strstr(b.data, "DROP SILENT GRAPH <https://g.example/1> ;\n") ==
        b.data);
  CHECK(strstr(b.data, "INSERT DATA { GRAPH <https://g.example/1> {\n"));
  CHECK(strstr(b.data, "\"a\\\\\\u00750041 \\\" \\u00E9 \\\\\\u00550001\""));
  CHECK(strstr(b.data, "} }\n") != NULL);
  ng__buf_free(&b);
  ng__buf_init(&b, 0);
  CHECK(ng__push_update_body(world, "https://g.example/a>b", nt, strlen(nt),
                             &b) == NG_ERR_ARG);
  ng__buf_free(&b);
  ng_world_free(world);
}

int
main(void)
{
  test_iri_ok();
  test_update_body();
  return test_report();
}
