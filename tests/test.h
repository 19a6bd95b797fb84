/* SPDX-License-Identifier: MIT */
/* Minimal test helpers: CHECK(cond), CHECK_EQ_STR(a, b), CHECK_OK(st).
 * A failed check prints file:line:expr and the program exits 1 from
 * test_report(). */
#ifndef NG_TEST_H
#define NG_TEST_H

#undef NDEBUG
#include <stdio.h>
#include <string.h>

static int test_failures;
static int test_checks;

#define CHECK(cond)                                                          \
  do {                                                                       \
    test_checks++;                                                           \
    if (!(cond)) {                                                           \
      test_failures++;                                                       \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,      \
              #cond);                                                        \
    }                                                                        \
  } while (0)

#define CHECK_EQ_STR(a, b)                                                   \
  do {                                                                       \
    const char *a_ = (a), *b_ = (b);                                         \
    test_checks++;                                                           \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                 \
      test_failures++;                                                       \
      fprintf(stderr, "%s:%d: %s == %s failed: \"%s\" vs \"%s\"\n",        \
              __FILE__, __LINE__, #a, #b, a_ ? a_ : "(null)",                \
              b_ ? b_ : "(null)");                                           \
    }                                                                        \
  } while (0)

#define CHECK_OK(st) CHECK((st) == NG_OK)

static inline int
test_report(void)
{
  printf("%d checks, %d failed\n", test_checks, test_failures);
  return test_failures ? 1 : 0;
}

#endif
