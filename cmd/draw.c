/* SPDX-License-Identifier: MIT */
/* The draw subcommand: not written yet (issue 8). */
#include "draw.h"

#include <stdio.h>

ng_status
ng_cli_draw(ng_store *store, const struct ng_cli_options *o)
{
  (void)store;
  (void)o;
  fprintf(stderr, "newsgraph: draw is not available yet\n");
  return NG_ERR_ARG;
}
