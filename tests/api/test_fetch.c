/* SPDX-License-Identifier: MIT */
/* Fetch driver for tests/cli/fetch.sh, through the public API only:
 * test_fetch [-o NAME=VALUE]... INPUT loads and parses INPUT and prints
 * "status NAME", "message ...", "iri ..." and the text after "text". */
#include "newsgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
status_name(ng_status st)
{
  switch (st) {
  case NG_OK: return "OK";
  case NG_NOT_FOUND: return "NOT_FOUND";
  case NG_ERR_NOMEM: return "ERR_NOMEM";
  case NG_ERR_ARG: return "ERR_ARG";
  case NG_ERR_IO: return "ERR_IO";
  case NG_ERR_FETCH: return "ERR_FETCH";
  case NG_ERR_HTTP: return "ERR_HTTP";
  case NG_ERR_TOO_LARGE: return "ERR_TOO_LARGE";
  case NG_ERR_ENCODING: return "ERR_ENCODING";
  case NG_ERR_PARSE: return "ERR_PARSE";
  case NG_ERR_RDF: return "ERR_RDF";
  case NG_ERR_INTERNAL: return "ERR_INTERNAL";
  }
  return "?";
}

int
main(int argc, char **argv)
{
  ng_world *world = ng_world_new();
  const char *input = NULL;
  if (!world) {
    return 99;
  }
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
      char opt[256];
      snprintf(opt, sizeof opt, "%s", argv[++i]);
      char *eq = strchr(opt, '=');
      if (!eq) {
        return 2;
      }
      *eq = '\0';
      if (ng_world_set_option(world, opt, eq + 1) != NG_OK) {
        fprintf(stderr, "bad option %s\n", argv[i]);
        return 2;
      }
    } else {
      input = argv[i];
    }
  }
  if (!input) {
    fprintf(stderr, "usage: test_fetch [-o NAME=VALUE]... INPUT\n");
    return 2;
  }
  ng_doc *doc = NULL;
  ng_status st = ng_doc_load(world, input, &doc);
  if (st == NG_OK) {
    st = ng_doc_parse(world, doc);
  }
  printf("status %s\n", status_name(st));
  printf("message %s\n", st == NG_OK ? "" : ng_world_errmsg(world));
  if (st == NG_OK) {
    printf("iri %s\n", ng_doc_get_iri(doc));
    printf("text\n%s\n", ng_doc_get_text(doc));
  }
  ng_doc_free(doc);
  ng_world_free(world);
  return 0;
}
