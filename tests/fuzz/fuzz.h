/* SPDX-License-Identifier: MIT */
/* Shared by the libFuzzer targets in tests/fuzz/: the entry points every
 * target defines, one world per process, and FUZZ_CHECK, which aborts with
 * the failed condition so that libFuzzer (or the replay driver) reports the
 * input as a crash. Test code: it may print and abort; graph/ never does. */
#ifndef NG_FUZZ_H
#define NG_FUZZ_H

#include "newsgraph.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts (a finding) when @p cond is false, naming it. */
#define FUZZ_CHECK(cond)                                                    \
  do {                                                                      \
    if (!(cond)) {                                                          \
      fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, \
              #cond);                                                       \
      abort();                                                              \
    }                                                                       \
  } while (0)

/* The process's world: a fixed clock, default caps, no log sink (messages
 * stay on the world). Created on first use, never freed (LeakSanitizer
 * does not count memory still reachable from a static). */
static inline ng_world *
fuzz_world(void)
{
  static ng_world *world;
  if (!world) {
    world = ng_world_new();
    FUZZ_CHECK(world != NULL);
    FUZZ_CHECK(ng_world_set_option(world, "now", "1747267200") == NG_OK);
  }
  return world;
}

/* A stream that discards what is written to it, opened once. */
static inline FILE *
fuzz_null(void)
{
  static FILE *null;
  if (!null) {
    null = fopen("/dev/null", "w");
    FUZZ_CHECK(null != NULL);
  }
  return null;
}

#endif
