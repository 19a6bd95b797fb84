/* SPDX-License-Identifier: MIT */
/* FAULT-CASES.md X02: the error path of the RDF parser, reached through
 * newsgraph's import path (turtle.c, which reads the Turtle data files):
 * a TriG-style block that never closes, a relative "@prefix:" base, bad
 * bytes, and 1,000 truncations of a real data file each give NG_OK or
 * NG_ERR_RDF with a message naming the file and line, never a crash (run
 * it under the sanitizer build or valgrind for the memory side). */
#include "../test.h"
#include "turtle.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/ng-x02-XXXXXX";

/* Writes @p len bytes of @p data to dir/name; returns the path (static). */
static const char *
put(const char *name, const char *data, size_t len)
{
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (f) {
    CHECK(fwrite(data, 1, len, f) == len);
    CHECK(fclose(f) == 0);
  }
  return path;
}

/* Parses one file; returns the status (message on the world) and the
 * number of triples read in *n_triples. */
static ng_status
parse(ng_world *world, const char *path, size_t *n_triples)
{
  struct ng_triples ts = {0};
  const char *paths[] = {path};
  ng_status st = ng__turtle_read(world, paths, 1, &ts);
  *n_triples = ts.n;
  ng__triples_clear(&ts);
  return st;
}

static void
test_X02_bad_input(ng_world *world)
{
  size_t n;
  static const char brace[] =
      "<http://example.org/g> { <http://example.org/s> "
      "<http://example.org/p> \"o\" .\n";
  ng_status st = parse(world, put("brace.ttl", brace, sizeof brace - 1), &n);
  CHECK_CASE("X02", st == NG_ERR_RDF);
  CHECK_CASE("X02", strstr(ng_world_errmsg(world), "brace.ttl") != NULL);
  CHECK_CASE("X02", strstr(ng_world_errmsg(world), "line 1") != NULL);

  static const char rel[] = "@prefix: <foo/> .\n:a :b :c .\n";
  st = parse(world, put("rel.ttl", rel, sizeof rel - 1), &n);
  CHECK_CASE("X02", st == NG_OK || st == NG_ERR_RDF);

  /* NUL bytes, invalid UTF-8 inside a literal and an IRI, an endless
   * string */
  static const char bytes[] =
      "<http://example.org/s> <http://example.org/p> \"a\0b\xff\xfe\" .\n"
      "<http://example.org/\xc3\x28> <http://example.org/p> \"x\" .\n"
      "<http://example.org/s> <http://example.org/p> \"\"\"never closed\n";
  st = parse(world, put("bytes.ttl", bytes, sizeof bytes - 1), &n);
  CHECK_CASE("X02", st == NG_ERR_RDF);

  /* an empty file and a file of one quote */
  st = parse(world, put("empty.ttl", "", 0), &n);
  CHECK_CASE("X02", st == NG_OK && n == 0);
  st = parse(world, put("quote.ttl", "\"", 1), &n);
  CHECK_CASE("X02", st == NG_ERR_RDF);

  /* a missing file is an I/O error naming it */
  const char *missing[] = {"/nonexistent/ng-x02.ttl"};
  struct ng_triples ts = {0};
  CHECK_CASE("X02", ng__turtle_read(world, missing, 1, &ts) == NG_ERR_IO);
  CHECK_CASE("X02", strstr(ng_world_errmsg(world), "ng-x02.ttl") != NULL);
  ng__triples_clear(&ts);
}

/* 1,000 truncations of a real data file: each parses or fails with
 * NG_ERR_RDF; the whole file parses. */
static void
test_X02_truncations(ng_world *world)
{
  char src[1024];
  snprintf(src, sizeof src, "%s/ontology/honorifics.ttl", NG_SRCDIR);
  FILE *f = fopen(src, "rb");
  CHECK(f != NULL);
  if (!f) {
    return;
  }
  static char data[1 << 20];
  size_t len = fread(data, 1, sizeof data, f);
  fclose(f);
  CHECK(len > 1000 && len < sizeof data);
  size_t n_full = 0, n = 0, n_ok = 0, n_err = 0, n_other = 0;
  CHECK_CASE("X02", parse(world, put("full.ttl", data, len), &n_full) ==
                        NG_OK);
  CHECK(n_full > 10);
  for (size_t i = 0; i < 1000; i++) {
    size_t cut = len * i / 1000;
    ng_status st = parse(world, put("cut.ttl", data, cut), &n);
    if (st == NG_OK) {
      n_ok++;
      CHECK(n <= n_full);
    } else if (st == NG_ERR_RDF) {
      n_err++;
      const char *msg = ng_world_errmsg(world);
      CHECK(strstr(msg, "cut.ttl does not parse: line ") != NULL);
      if (n_err == 1) {
        printf("X02: cut at %zu bytes: %s\n", cut, msg);
      }
    } else {
      n_other++;
    }
  }
  CHECK_CASE("X02", n_other == 0);
  CHECK_CASE("X02", n_ok + n_err == 1000 && n_err > 0);
  printf("X02: 1000 truncations: %zu parse, %zu syntax errors\n", n_ok,
         n_err);
}

int
main(void)
{
  CHECK(mkdtemp(dir) != NULL);
  ng_world *world = ng_world_new();
  CHECK(world != NULL);
  if (world) {
    test_X02_bad_input(world);
    test_X02_truncations(world);
  }
  ng_world_free(world);
  static const char *const names[] = {"brace.ttl", "rel.ttl", "bytes.ttl",
                                      "empty.ttl", "quote.ttl", "full.ttl",
                                      "cut.ttl"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    unlink(path);
  }
  rmdir(dir);
  return test_report();
}
