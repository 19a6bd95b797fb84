/* SPDX-License-Identifier: MIT */
/* Unit tests for pool.c: tasks come back in the order added whatever the
 * number of threads, with their messages replayed in that order (held
 * ones first), and worker worlds are read-only copies of the pool world. */
#include "../test.h"

#include "world.h"

#include <stdint.h>
#include <stdlib.h>
#include <time.h>

struct item {
  int n;         /* input */
  long result;   /* fn's work */
  bool parent;   /* fn ran on the pool world itself */
};

static ng_world *pool_world;

/* A task that takes longer for small n, so workers finish out of order;
 * every third fails with a message naming it, every fifth warns. */
static ng_status
work(ng_world *world, void *task)
{
  struct item *it = task;
  struct timespec ts = {0, (long)(50 - it->n % 50) * 20000};
  nanosleep(&ts, NULL);
  it->result = (long)it->n * it->n;
  it->parent = world == pool_world;
  if (it->n % 5 == 0) {
    ng__warnf(world, "warn %d", it->n);
  }
  if (it->n % 3 == 0) {
    return ng__errorf(world, NG_ERR_PARSE, "fail %d", it->n);
  }
  return NG_OK;
}

/* The sink: every message, one a line, in the order received. */
struct seen {
  char text[64 * 1024];
  size_t len;
};

static void
sink(void *handle, ng_log_level level, const char *msg)
{
  struct seen *s = handle;
  int n = snprintf(s->text + s->len, sizeof s->text - s->len, "%c %s\n",
                   level == NG_LOG_ERROR ? 'E' : 'W', msg);
  if (n > 0 && (size_t)n < sizeof s->text - s->len) {
    s->len += (size_t)n;
  }
}

/* Runs 200 tasks on @p jobs threads; the sink's text goes to @p seen. */
static void
run(unsigned jobs, struct seen *seen)
{
  enum { N = 200 };
  static struct item items[N];
  ng_world *world = ng_world_new();
  ng_pool *pool = NULL;
  CHECK(world != NULL);
  if (!world) {
    return;
  }
  pool_world = world;
  seen->len = 0;
  seen->text[0] = '\0';
  ng_world_set_log_sink(world, sink, seen);
  /* no NG_POOL_EXTRACT: these tasks never read lexicons */
  CHECK_OK(ng_pool_new(world, jobs, 0, work, &pool));
  int next = 0, got = 0, failed = 0;
  for (int i = 0; i < N; i++) {
    while (pool && ng_pool_is_full(pool)) {
      void *t;
      ng_status st;
      CHECK_OK(ng_pool_next(pool, &t, &st));
      struct item *it = t;
      CHECK(it == &items[next]);
      next++;
      got++;
      failed += st != NG_OK;
      CHECK((st == NG_ERR_PARSE) == (it->n % 3 == 0));
      CHECK(it->result == (long)it->n * it->n);
      CHECK(it->parent == (jobs == 1));
      if (st != NG_OK) {
        char want[32];
        snprintf(want, sizeof want, "fail %d", it->n);
        CHECK_EQ_STR(ng_world_errmsg(world), want);
      }
    }
    items[i].n = i;
    items[i].result = -1;
    if (i % 7 == 0) {
      /* a message logged on the pool world for this task */
      ng_pool_hold(pool);
      ng__warnf(world, "held %d", i);
    }
    CHECK_OK(ng_pool_add(pool, &items[i]));
  }
  for (;;) {
    void *t;
    ng_status st;
    ng_status r = ng_pool_next(pool, &t, &st);
    if (r == NG_NOT_FOUND) {
      CHECK(t == NULL);
      break;
    }
    CHECK(t == &items[next]);
    next++;
    got++;
    failed += st != NG_OK;
  }
  CHECK(got == N);
  CHECK(failed == (N + 2) / 3);
  ng_pool_free(pool);
  ng_world_free(world);
}

static void
test_order(void)
{
  static struct seen one, two, four;
  run(1, &one);
  run(2, &two);
  run(4, &four);
  CHECK(one.len > 0);
  CHECK_EQ_STR(two.text, one.text);
  CHECK_EQ_STR(four.text, one.text);
  /* the held message comes before the task's own */
  CHECK(strstr(one.text, "W held 0\nW warn 0\nE fail 0\n") != NULL);
}

static void
test_cancel(void)
{
  ng_world *world = ng_world_new();
  ng_pool *pool = NULL;
  struct item items[10];
  struct seen seen = {0};
  ng_world_set_log_sink(world, sink, &seen);
  pool_world = world;
  CHECK_OK(ng_pool_new(world, 3, 0, work, &pool));
  for (int i = 0; i < 10; i++) {
    items[i].n = i;
    CHECK_OK(ng_pool_add(pool, &items[i]));
  }
  for (int i = 0; i < 4; i++) {
    CHECK(ng_pool_cancel(pool) == &items[i]);
  }
  ng_pool_free(pool); /* six still queued: dropped */
  CHECK(seen.len == 0);
  ng_world_free(world);
}

static void
test_args(void)
{
  ng_world *world = ng_world_new();
  ng_pool *pool = (ng_pool *)&pool;
  CHECK(ng_pool_new(world, 0, 0, work, &pool) == NG_ERR_ARG);
  CHECK(pool == NULL);
  CHECK(ng_pool_new(world, 1025, 0, work, &pool) == NG_ERR_ARG);
  CHECK(ng_pool_new(NULL, 2, 0, work, &pool) == NG_ERR_ARG);
  CHECK(ng_pool_new(world, 2, 0, NULL, &pool) == NG_ERR_ARG);
  ng_pool_free(NULL);
  CHECK(ng_pool_cancel(NULL) == NULL);
  /* a worker's world refuses options and cannot be a pool world */
  struct ng_world child = *world;
  child.parent = world;
  CHECK(ng_world_set_option(&child, "base", "http://example.org/")
        == NG_ERR_ARG);
  CHECK(ng_pool_new(&child, 2, 0, work, &pool) == NG_ERR_ARG);
  child.gaz = NULL;
  CHECK(ng__world_load_lexicons(&child) == NG_ERR_INTERNAL);
  ng_world_free(world);
}

int
main(void)
{
  test_order();
  test_cancel();
  test_args();
  return test_report();
}
