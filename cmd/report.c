/* SPDX-License-Identifier: MIT */
/* The report subcommand: not written yet (issue 8). */
#include "report.h"

#include <stdio.h>

ng_status
ng_cli_report(ng_store *store, const struct ng_cli_options *o)
{
  (void)store;
  (void)o;
  fprintf(stderr, "newsgraph: report is not available yet\n");
  return NG_ERR_ARG;
}
