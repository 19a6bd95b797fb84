/* SPDX-License-Identifier: MIT */
/* Minimal test helpers: CHECK(cond), CHECK_EQ_STR(a, b), CHECK_OK(st).
 * A failed check prints file:line, the function (test functions are named
 * after what they cover, e.g. test_T01) and the expression, and the
 * program exits 1 from test_report(). */
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
      fprintf(stderr, "%s:%d: %s: CHECK failed: %s\n", __FILE__, __LINE__,  \
              __func__, #cond);                                              \
    }                                                                        \
  } while (0)

#define CHECK_EQ_STR(a, b)                                                   \
  do {                                                                       \
    const char *a_ = (a), *b_ = (b);                                         \
    test_checks++;                                                           \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                 \
      test_failures++;                                                       \
      fprintf(stderr, "%s:%d: %s: %s == %s failed: \"%s\" vs \"%s\"\n",    \
              __FILE__, __LINE__, __func__, #a, #b, a_ ? a_ : "(null)",      \
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

/* CHECK_CASE("T01", cond) / CHECK_CASE_EQ_STR("T01", a, b): a CHECK that
 * also names the FAULT-CASES.md ID it covers when it fails, so a failure
 * reads "... fault case T01 failed" (tests/faults/fault-cases.tsv lists
 * which check covers each ID). */
#define CHECK_CASE(id, cond)                                                 \
  do {                                                                       \
    int fails_ = test_failures;                                              \
    CHECK(cond);                                                             \
    if (test_failures != fails_)                                             \
      fprintf(stderr, "%s:%d: fault case %s failed\n", __FILE__, __LINE__,  \
              id);                                                           \
  } while (0)

#define CHECK_CASE_EQ_STR(id, a, b)                                          \
  do {                                                                       \
    int fails_ = test_failures;                                              \
    CHECK_EQ_STR(a, b);                                                      \
    if (test_failures != fails_)                                             \
      fprintf(stderr, "%s:%d: fault case %s failed\n", __FILE__, __LINE__,  \
              id);                                                           \
  } while (0)

#endif
