/* SPDX-License-Identifier: MIT */
/* The smallest complete program on the installed library: extracts one
 * article (a file, an http(s) URL or "-" for standard input) into an
 * in-memory store and writes that store as N-Quads on standard output, with
 * the number of quads on standard error. Build it with
 *   cc extract.c -o extract $(pkg-config --cflags --libs newsgraph) */
#include <newsgraph.h>

#include <stdio.h>

/* Prints the library's errors and warnings: the library never prints. */
static void
print_message(void *handle, ng_log_level level, const char *msg)
{
  (void)handle;
  fprintf(stderr, "extract: %s%s\n",
          level == NG_LOG_ERROR ? "" : "warning: ", msg);
}

int
main(int argc, char **argv)
{
  if (argc != 2) {
    fprintf(stderr, "usage: extract FILE|URL|-\n");
    return 2;
  }
  /* The world holds the options and the lexicons; everything made from it
   * is freed before it. SOURCE_DATE_EPOCH, if set, fixes ng:retrievedAt. */
  ng_world *world = ng_world_new();
  if (!world) {
    fprintf(stderr, "extract: out of memory\n");
    return 1;
  }
  ng_world_set_log_sink(world, print_message, NULL);

  ng_doc *doc = NULL;
  ng_store *store = NULL;
  size_t n_graphs = 0, n_quads = 0;
  ng_status st = ng_doc_load(world, argv[1], &doc);
  if (st == NG_OK) {
    st = ng_doc_extract(world, doc);
  }
  if (st == NG_OK) {
    st = ng_store_open(world, "memory:", &store);
  }
  if (st == NG_OK) {
    st = ng_store_add_doc(store, doc);
  }
  if (st == NG_OK) {
    st = ng_store_write(store, NG_SYNTAX_NQUADS, NULL, stdout);
  }
  if (st == NG_OK) {
    st = ng_store_count(store, &n_graphs, &n_quads);
  }
  if (st == NG_OK) {
    fprintf(stderr, "%zu quads in %zu graph: %s\n", n_quads, n_graphs,
            ng_doc_get_iri(doc));
  } else {
    /* The sink has printed the detail; name the status for scripts. */
    fprintf(stderr, "extract: %s: %s\n", argv[1], ng_strerror(st));
  }
  ng_store_free(store);
  ng_doc_free(doc);
  ng_world_free(world);
  return st == NG_OK ? 0 : 1;
}
