/* SPDX-License-Identifier: MIT */
/* Worker threads for extraction (ng_pool): an ordered parallel map over
 * tasks, each worker with its own world, the messages of each task held
 * and replayed on the pool world's sink in task order. */
#include "world.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MAX_JOBS 1024
/* Messages kept per task (bytes); later ones are dropped, as a terminal
 * would scroll them away. */
#define LOG_CAP (256 * 1024)

/* Messages logged for one task: entries of a level byte, the message and
 * its NUL. */
struct log {
  char *p;
  size_t len, cap;
};

/* One ng_pool_add(). */
struct task {
  void *data;      /* the caller's */
  ng_status st;    /* what the function returned */
  bool done;       /* the function returned (guarded by the pool lock) */
  struct log log;  /* held messages, then the worker's */
};

/* One worker thread. */
struct worker {
  ng_pool *pool;
  ng_world *world;   /* its own, a child of the pool world */
  struct task *task; /* the task it runs, whose log its sink appends to */
  pthread_t thread;
};

struct ng_pool {
  ng_world *world;         /* the pool world (the caller's thread) */
  ng_pool_fn fn;
  unsigned n_threads;      /* 0: run tasks in ng_pool_next() */
  struct worker *workers;  /* n_threads */
  pthread_mutex_t lock;    /* guards q, cap, added, taken, stop, done */
  pthread_cond_t work;     /* a task was queued, or stop */
  pthread_cond_t finished; /* a task is done */
  struct task **q;         /* ring of cap: task number i at q[i % cap] */
  size_t cap;
  size_t added;            /* tasks added so far */
  size_t taken;            /* of those, started by a worker */
  size_t returned;         /* of those, given back (caller's thread only) */
  bool stop;
  bool holding;            /* ng_pool_hold() is capturing */
  ng_log_sink held_sink;   /* the pool world's sink while holding */
  void *held_handle;
  struct log held;         /* captured since ng_pool_hold() */
};

/* Appends one message to @p log (dropped once it holds LOG_CAP bytes or
 * when out of memory: the task's own status still says what failed). */
static void
log_add(struct log *log, ng_log_level level, const char *msg)
{
  size_t n = strlen(msg) + 2;
  if (log->len + n > LOG_CAP) {
    return;
  }
  if (log->len + n > log->cap) {
    size_t cap = log->cap ? 2 * log->cap : 256;
    while (cap < log->len + n) {
      cap *= 2;
    }
    char *p = realloc(log->p, cap);
    if (!p) {
      return;
    }
    log->p = p;
    log->cap = cap;
  }
  log->p[log->len] = (char)level;
  memcpy(log->p + log->len + 1, msg, n - 1);
  log->len += n;
}

/* Passes the messages of @p log to @p world's sink, in order; errors are
 * also recorded as the world's message, as ng__errorf() does. */
static void
log_replay(ng_world *world, const struct log *log)
{
  size_t i = 0;
  while (i < log->len) {
    ng_log_level level = (ng_log_level)log->p[i];
    const char *msg = log->p + i + 1;
    if (level == NG_LOG_ERROR) {
      snprintf(world->errmsg, sizeof world->errmsg, "%s", msg);
    }
    if (world->sink) {
      world->sink(world->sink_handle, level, msg);
    }
    i += strlen(msg) + 2;
  }
}

/* A worker world's sink: the message goes with the task being run. */
static void
worker_sink(void *handle, ng_log_level level, const char *msg)
{
  struct worker *w = handle;
  if (w->task) {
    log_add(&w->task->log, level, msg);
  }
}

/* The pool world's sink while ng_pool_hold() captures. */
static void
held_sink(void *handle, ng_log_level level, const char *msg)
{
  ng_pool *pool = handle;
  log_add(&pool->held, level, msg);
}

static void *
worker_main(void *arg)
{
  struct worker *w = arg;
  ng_pool *pool = w->pool;
  pthread_mutex_lock(&pool->lock);
  for (;;) {
    while (!pool->stop && pool->taken == pool->added) {
      pthread_cond_wait(&pool->work, &pool->lock);
    }
    if (pool->stop) {
      break;
    }
    struct task *t = pool->q[pool->taken % pool->cap];
    pool->taken++;
    pthread_mutex_unlock(&pool->lock);
    w->task = t;
    w->world->errmsg[0] = '\0';
    ng_status st = pool->fn(w->world, t->data);
    w->task = NULL;
    pthread_mutex_lock(&pool->lock);
    t->st = st;
    t->done = true;
    pthread_cond_broadcast(&pool->finished);
  }
  pthread_mutex_unlock(&pool->lock);
  return NULL;
}

/* A worker's world: a copy of the pool world's options with the
 * lexicons, strings and clock shared read-only, its own message and sink,
 * and nothing of Redland or the fetch cache (world.h @c parent). */
static ng_world *
worker_world(ng_world *world, struct worker *w)
{
  ng_world *c = malloc(sizeof *c);
  if (!c) {
    return NULL;
  }
  *c = *world;
  c->errmsg[0] = '\0';
  c->sink = worker_sink;
  c->sink_handle = w;
  c->rdf = NULL;
  c->rdf_free = NULL;
  c->rdf_error[0] = '\0';
  c->robots_cache = NULL;
  c->parent = world;
  return c;
}

/* Stops and joins the workers; frees their worlds. */
static void
stop_workers(ng_pool *pool)
{
  pthread_mutex_lock(&pool->lock);
  pool->stop = true;
  pthread_cond_broadcast(&pool->work);
  pthread_mutex_unlock(&pool->lock);
  for (unsigned i = 0; i < pool->n_threads; i++) {
    pthread_join(pool->workers[i].thread, NULL);
  }
  for (unsigned i = 0; i < pool->n_threads; i++) {
    ng_world_free(pool->workers[i].world);
  }
  pool->n_threads = 0;
}

ng_status
ng_pool_new(ng_world *world, unsigned n_jobs, unsigned flags, ng_pool_fn fn,
            ng_pool **out)
{
  if (!out) {
    return NG_ERR_ARG;
  }
  *out = NULL;
  if (!world || !fn || n_jobs < 1 || n_jobs > MAX_JOBS || world->parent) {
    return NG_ERR_ARG;
  }
  ng_pool *pool = calloc(1, sizeof *pool);
  if (!pool) {
    return NG_ERR_NOMEM;
  }
  pool->world = world;
  pool->fn = fn;
  pool->cap = 16;
  pool->q = calloc(pool->cap, sizeof *pool->q);
  pool->workers = n_jobs > 1 ? calloc(n_jobs, sizeof *pool->workers) : NULL;
  if (!pool->q || (n_jobs > 1 && !pool->workers)) {
    free(pool->q);
    free(pool->workers);
    free(pool);
    return NG_ERR_NOMEM;
  }
  pthread_mutex_init(&pool->lock, NULL);
  pthread_cond_init(&pool->work, NULL);
  pthread_cond_init(&pool->finished, NULL);
  *out = pool;
  if (n_jobs == 1) {
    return NG_OK;
  }
  /* Workers share the lexicons, so they are parsed here, once; if that
   * fails, the tasks run on this thread and each fails as it would
   * without a pool. */
  if ((flags & NG_POOL_EXTRACT) && ng__world_load_lexicons(world) != NG_OK) {
    return NG_OK;
  }
  /* libxml2: "call xmlInitParser() in the main thread before using the
   * library in multiple threads" (parser.h); HTML parsing runs in the
   * workers. */
  xmlInitParser();
  for (unsigned i = 0; i < n_jobs; i++) {
    struct worker *w = &pool->workers[pool->n_threads];
    w->pool = pool;
    w->world = worker_world(world, w);
    if (!w->world) {
      break;
    }
    if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
      ng_world_free(w->world);
      break;
    }
    pool->n_threads++; /* with none started, tasks run on this thread */
  }
  return NG_OK;
}

void
ng_pool_hold(ng_pool *pool)
{
  if (!pool || pool->holding) {
    return;
  }
  pool->holding = true;
  pool->held_sink = pool->world->sink;
  pool->held_handle = pool->world->sink_handle;
  pool->world->sink = held_sink;
  pool->world->sink_handle = pool;
}

/* Ends ng_pool_hold(): the pool world's sink is the caller's again. */
static void
unhold(ng_pool *pool)
{
  if (pool->holding) {
    pool->world->sink = pool->held_sink;
    pool->world->sink_handle = pool->held_handle;
    pool->holding = false;
  }
}

/* Makes room for one more task in the ring (under the lock). */
static ng_status
grow(ng_pool *pool)
{
  size_t cap = 2 * pool->cap;
  struct task **q = calloc(cap, sizeof *q);
  if (!q) {
    return NG_ERR_NOMEM;
  }
  for (size_t i = pool->returned; i < pool->added; i++) {
    q[i % cap] = pool->q[i % pool->cap];
  }
  free(pool->q);
  pool->q = q;
  pool->cap = cap;
  return NG_OK;
}

ng_status
ng_pool_add(ng_pool *pool, void *task)
{
  if (!pool) {
    return NG_ERR_ARG;
  }
  unhold(pool);
  struct task *t = calloc(1, sizeof *t);
  if (!t) {
    free(pool->held.p);
    memset(&pool->held, 0, sizeof pool->held);
    return NG_ERR_NOMEM;
  }
  t->data = task;
  t->log = pool->held;
  memset(&pool->held, 0, sizeof pool->held);
  pthread_mutex_lock(&pool->lock);
  ng_status st = NG_OK;
  if (pool->added - pool->returned == pool->cap) {
    st = grow(pool);
  }
  if (st == NG_OK) {
    pool->q[pool->added % pool->cap] = t;
    pool->added++;
    pthread_cond_signal(&pool->work);
  }
  pthread_mutex_unlock(&pool->lock);
  if (st != NG_OK) {
    free(t->log.p);
    free(t);
  }
  return st;
}

bool
ng_pool_is_full(const ng_pool *pool)
{
  /* added and returned change only on the caller's thread. */
  size_t window = pool->n_threads ? 4 * (size_t)pool->n_threads : 1;
  return pool->added - pool->returned >= window;
}

/* Takes the oldest task off the ring, waiting for its worker to finish;
 * NULL when none is queued. */
static struct task *
take_oldest(ng_pool *pool)
{
  if (pool->returned == pool->added) {
    return NULL;
  }
  pthread_mutex_lock(&pool->lock);
  struct task *t = pool->q[pool->returned % pool->cap];
  if (pool->n_threads) {
    while (!t->done) {
      pthread_cond_wait(&pool->finished, &pool->lock);
    }
  }
  pool->returned++;
  if (!pool->n_threads) {
    pool->taken = pool->returned;
  }
  pthread_mutex_unlock(&pool->lock);
  return t;
}

ng_status
ng_pool_next(ng_pool *pool, void **task, ng_status *task_st)
{
  if (!pool || !task || !task_st) {
    return NG_ERR_ARG;
  }
  unhold(pool);
  *task = NULL;
  struct task *t = take_oldest(pool);
  if (!t) {
    return NG_NOT_FOUND;
  }
  log_replay(pool->world, &t->log);
  if (!pool->n_threads) {
    /* no workers: run it here, its messages going to the sink directly */
    t->st = pool->fn(pool->world, t->data);
  }
  *task = t->data;
  *task_st = t->st;
  free(t->log.p);
  free(t);
  return NG_OK;
}

void *
ng_pool_cancel(ng_pool *pool)
{
  if (!pool) {
    return NULL;
  }
  unhold(pool);
  struct task *t = take_oldest(pool);
  if (!t) {
    return NULL;
  }
  void *data = t->data;
  free(t->log.p);
  free(t);
  return data;
}

void
ng_pool_free(ng_pool *pool)
{
  if (!pool) {
    return;
  }
  unhold(pool);
  stop_workers(pool);
  for (size_t i = pool->returned; i < pool->added; i++) {
    struct task *t = pool->q[i % pool->cap];
    free(t->log.p);
    free(t);
  }
  free(pool->held.p);
  free(pool->q);
  free(pool->workers);
  pthread_cond_destroy(&pool->finished);
  pthread_cond_destroy(&pool->work);
  pthread_mutex_destroy(&pool->lock);
  free(pool);
}
