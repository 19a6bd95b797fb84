/* SPDX-License-Identifier: MIT */
/* The public header alone compiles with the strictest flags
 * (-std=c11 -pedantic -Wall -Wextra -Werror), as serd's test/headers. */
#include "newsgraph.h"

int
main(void)
{
  ng_syntax syntax = NG_SYNTAX_TURTLE;
  return ng_syntax_parse("nquads", &syntax) == NG_OK &&
                 syntax == NG_SYNTAX_NQUADS && ng_strerror(NG_OK)[0]
             ? 0
             : 1;
}
