/* SPDX-License-Identifier: MIT */
/* newsgraph command line: options → ng_* calls → exit status. The only
 * file that prints results or exits. (First cut: owner rdf extends it.) */
#include "newsgraph.h"

#include <stdio.h>
#include <string.h>

static void
print_sink(void *handle, ng_log_level level, const char *msg)
{
  (void)handle;
  if (level == NG_LOG_ERROR) {
    fprintf(stderr, "newsgraph: %s\n", msg);
  }
}

static int
cmd_text(ng_world *world, int argc, char **argv)
{
  bool json = false;
  const char *input = NULL;
  for (int i = 0; i < argc; i++) {
    if (strcmp(argv[i], "--json") == 0) {
      json = true;
    } else if (strcmp(argv[i], "--help") == 0) {
      printf("usage: newsgraph text [--json] INPUT\n");
      return 0;
    } else if (!input) {
      input = argv[i];
    } else {
      fprintf(stderr, "newsgraph: text takes one INPUT\n");
      return 2;
    }
  }
  if (!input) {
    fprintf(stderr, "newsgraph: text needs an INPUT\n");
    return 2;
  }
  ng_doc *doc = NULL;
  ng_status st = ng_doc_load(world, input, &doc);
  if (st == NG_OK) {
    st = ng_doc_parse(world, doc);
  }
  if (st == NG_OK) {
    if (json) {
      st = ng_doc_write_json(doc, stdout);
    } else {
      fputs(ng_doc_get_text(doc), stdout);
      fputc('\n', stdout);
    }
  }
  ng_doc_free(doc);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "newsgraph: cannot write standard output\n");
    return 1;
  }
  return st == NG_OK ? 0 : 1;
}

int
main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "usage: newsgraph COMMAND [OPTIONS] INPUT...\n");
    return 2;
  }
  ng_world *world = ng_world_new();
  if (!world) {
    fprintf(stderr, "newsgraph: out of memory\n");
    return 1;
  }
  ng_world_set_log_sink(world, print_sink, NULL);
  int rc = 2;
  if (strcmp(argv[1], "text") == 0) {
    rc = cmd_text(world, argc - 2, argv + 2);
  } else {
    fprintf(stderr, "newsgraph: unknown command: %s\n", argv[1]);
  }
  ng_world_free(world);
  return rc;
}
