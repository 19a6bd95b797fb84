/* SPDX-License-Identifier: MIT */
/* Tiny shared helpers for graph/: TRY(), ARRAY_LEN. No module declarations. */
#ifndef NG_INTERNAL_H
#define NG_INTERNAL_H

#include "newsgraph.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Propagate a non-OK status: TRY(st, call()); jumps nowhere, returns. */
#define TRY(st, expr)                                                        \
  do {                                                                       \
    (st) = (expr);                                                           \
    if ((st) != NG_OK) {                                                     \
      return (st);                                                           \
    }                                                                        \
  } while (0)

/* Like TRY, but goes to the function's cleanup label `done`. */
#define TRY_DONE(st, expr)                                                   \
  do {                                                                       \
    (st) = (expr);                                                           \
    if ((st) != NG_OK) {                                                     \
      goto done;                                                             \
    }                                                                        \
  } while (0)

#endif
