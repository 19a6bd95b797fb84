/* SPDX-License-Identifier: MIT */
/* Benchmark driver: the main text of every file named on the command line
 * in one process (what `newsgraph text FILE` does per file), so that the
 * readability benchmark can separate start-up cost from extraction. */
#include "newsgraph.h"

#include <stdio.h>

int
main(int argc, char **argv)
{
  ng_world *world = ng_world_new();
  int failed = 0;
  if (!world) {
    return 2;
  }
  for (int i = 1; i < argc; i++) {
    ng_doc *doc = NULL;
    if (ng_doc_load(world, argv[i], &doc) != NG_OK ||
        ng_doc_parse(world, doc) != NG_OK) {
      failed++;
    } else {
      const char *t = ng_doc_get_text(doc);
      fputs(t ? t : "", stdout);
      fputc('\n', stdout);
    }
    ng_doc_free(doc);
  }
  ng_world_free(world);
  fprintf(stderr, "pages: %d; failed: %d\n", argc - 1, failed);
  return failed ? 1 : 0;
}
