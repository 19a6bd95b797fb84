/* SPDX-License-Identifier: MIT */
/* Fetch driver for tests/cli/fetch*.sh, through the public API (and
 * doc.h for the final URL):
 * test_fetch [-o NAME=VALUE]... INPUT loads and parses INPUT and prints
 * "status NAME", "message ...", "final URL", "http N", "iri ..." and the
 * text after "text".
 * test_fetch [-o NAME=VALUE]... -c [-e ETAG] URL... crawls the URLs
 * (ng_crawl, conditional on ETAG if given) and prints one line per URL in
 * order: "crawl URL STATUS etag=E message"; -n N stops after N of them
 * (the crawl is freed with transfers in flight). */
#include "newsgraph.h"

#include "doc.h"

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
  const char *etag = NULL;
  bool crawl = false;
  long stop_after = -1; /* -n N: free the crawl after N results */
  const char **urls = calloc((size_t)argc, sizeof *urls);
  size_t n_urls = 0;
  if (!world || !urls) {
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
      if (ng_world_set_fetch_option(world, opt, eq + 1) != NG_OK) {
        fprintf(stderr, "bad option %s\n", argv[i]);
        return 2;
      }
    } else if (strcmp(argv[i], "-c") == 0) {
      crawl = true;
    } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
      stop_after = strtol(argv[++i], NULL, 10);
    } else if (strcmp(argv[i], "-e") == 0 && i + 1 < argc) {
      etag = argv[++i];
    } else {
      input = argv[i];
      urls[n_urls++] = argv[i];
    }
  }
  if (crawl) {
    ng_crawl *c = NULL;
    ng_status st = ng_crawl_new(world, &c);
    for (size_t i = 0; st == NG_OK && i < n_urls; i++) {
      st = ng_crawl_add(c, urls[i], etag, NULL);
    }
    if (st != NG_OK) {
      printf("crawl-setup %s %s\n", status_name(st), ng_world_errmsg(world));
    }
    const char *url = NULL;
    ng_doc *doc = NULL;
    while (st == NG_OK && stop_after-- != 0) {
      st = ng_crawl_next(c, &url, &doc);
      if (!url) {
        break; /* NG_NOT_FOUND: all returned; else a libcurl failure */
      }
      const char *e = NULL;
      ng_crawl_validators(c, &e, NULL);
      printf("crawl %s %s etag=%s %s\n", url ? url : "-", status_name(st),
             e ? e : "-", st == NG_OK ? "" : ng_world_errmsg(world));
      ng_doc_free(doc);
      doc = NULL;
      st = NG_OK;
    }
    ng_crawl_free(c);
    ng_world_free(world);
    free(urls);
    return 0;
  }
  free(urls);
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
    printf("final %s\n", doc->final_url ? doc->final_url : "-");
    printf("http %ld\n", doc->http_status);
    printf("iri %s\n", ng_doc_get_iri(doc));
    printf("text\n%s\n", ng_doc_get_text(doc));
  }
  ng_doc_free(doc);
  ng_world_free(world);
  return 0;
}
