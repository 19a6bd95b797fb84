/* SPDX-License-Identifier: MIT */
/* newsgraph command line (stub: owner rdf). */
#include "newsgraph.h"

int
main(void)
{
  return 2;
}
