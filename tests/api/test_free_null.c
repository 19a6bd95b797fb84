/* SPDX-License-Identifier: MIT */
/* Every ng_*_free(NULL) is a no-op (STYLE.md 2.4 rule 2, serd's
 * test_free_null.c), and NULL arguments give NG_ERR_ARG, not a crash. */
#include "newsgraph.h"

#include <stdio.h>

int
main(void)
{
  int failed = 0;
  ng_world_free(NULL);
  ng_doc_free(NULL);
  ng_store_free(NULL);
  ng_store *store = (ng_store *)1;
  failed += ng_store_open(NULL, "memory:", &store) != NG_ERR_ARG;
  failed += store != NULL;
  failed += ng_store_begin(NULL) != NG_ERR_ARG;
  failed += ng_store_commit(NULL) != NG_ERR_ARG;
  failed += ng_store_add_doc(NULL, NULL) != NG_ERR_ARG;
  failed += ng_store_write(NULL, NG_SYNTAX_NQUADS, NULL, stdout) != NG_ERR_ARG;
  failed += ng_store_query(NULL, "ASK {}", NULL, stdout) != NG_ERR_ARG;
  failed += ng_store_remove_graph(NULL, "urn:x:y") != NG_ERR_ARG;
  failed += ng_store_write_graphs(NULL, stdout) != NG_ERR_ARG;
  failed += ng_syntax_parse(NULL, NULL) != NG_ERR_ARG;
  failed += ng_doc_write(NULL, NULL, NG_SYNTAX_NQUADS, stdout) != NG_ERR_ARG;
  failed += ng_world_errmsg(NULL)[0] != '\0';
  ng_world_set_emit_flags(NULL, NG_EMIT_NIF);
  printf("%d failed\n", failed);
  return failed ? 1 : 0;
}
