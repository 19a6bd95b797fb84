/* SPDX-License-Identifier: MIT */
/* struct ng_world: options, clock, data folder, lazily loaded lexicons. */
#include "world.h"

#include "fetch.h"
#include "gazetteer.h"
#include "relation.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define NG_DEFAULT_BASE "https://w3id.org/newsgraph/id/"

ng_world *
ng_world_new(void)
{
  ng_world *world = calloc(1, sizeof *world);
  if (!world) {
    return NULL;
  }
  world->base = strdup(NG_DEFAULT_BASE);
  world->user_agent = strdup("newsgraph/" NG_VERSION_STRING
                             " (+https://w3id.org/newsgraph)");
  if (!world->base || !world->user_agent) {
    ng_world_free(world);
    return NULL;
  }
  world->max_bytes = 10 * 1024 * 1024;
  world->max_redirs = 10;
  world->connect_timeout = 10;
  world->timeout = 30;
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  if (sde && *sde) {
    char *end;
    errno = 0;
    long long v = strtoll(sde, &end, 10);
    if (errno == 0 && *end == '\0' && v >= 0) {
      world->now_set = true;
      world->now = (time_t)v;
    }
  }
  if (ng__fetch_global_init() != NG_OK) {
    ng_world_free(world);
    return NULL;
  }
  return world;
}

void
ng_world_free(ng_world *world)
{
  if (!world) {
    return;
  }
  if (world->parent) {
    free(world); /* a pool worker's: everything else is the parent's */
    return;
  }
  ng__gazetteer_free(world->gaz);
  ng__lexicon_free(world->lex);
  if (world->rdf && world->rdf_free) {
    world->rdf_free(world->rdf);
  }
  ng__fetch_cache_free(world);
  ng__fetch_global_cleanup();
  free(world->base);
  free(world->data_dir);
  free(world->user_agent);
  free(world);
}

const char *
ng_world_errmsg(const ng_world *world)
{
  return world ? world->errmsg : "";
}

void
ng_world_set_log_sink(ng_world *world, ng_log_sink sink, void *handle)
{
  world->sink = sink;
  world->sink_handle = handle;
}

/* Parses a non-negative integer option value no larger than @p max. */
static ng_status
parse_count(const char *value, long long max, long long *out)
{
  char *end;
  errno = 0;
  long long v = strtoll(value, &end, 10);
  if (errno || end == value || *end != '\0' || v < 0 || v > max) {
    return NG_ERR_ARG;
  }
  *out = v;
  return NG_OK;
}

static ng_status
set_string(char **field, const char *value)
{
  char *copy = strdup(value);
  if (!copy) {
    return NG_ERR_NOMEM;
  }
  free(*field);
  *field = copy;
  return NG_OK;
}

ng_status
ng_world_set_option(ng_world *world, const char *name, const char *value)
{
  long long v;
  if (!world || !name || !value || world->parent) {
    return NG_ERR_ARG; /* a pool worker's options are its parent's */
  }
  if (strcmp(name, "base") == 0) {
    size_t len = strlen(value);
    if (len == 0 || (strncmp(value, "http://", 7) != 0 &&
                     strncmp(value, "https://", 8) != 0 &&
                     strncmp(value, "urn:", 4) != 0)) {
      return ng__errorf(world, NG_ERR_ARG,
                        "base IRI must be absolute (http, https or urn): %s",
                        value);
    }
    for (const char *p = value; *p; p++) {
      if ((unsigned char)*p <= 0x20 || strchr("<>\"{}|^`\\", *p)) {
        return ng__errorf(world, NG_ERR_ARG,
                          "base IRI has a character not allowed in IRIs: %s",
                          value);
      }
    }
    char *b = malloc(len + 2);
    if (!b) {
      return NG_ERR_NOMEM;
    }
    memcpy(b, value, len + 1);
    if (b[len - 1] != '/' && b[len - 1] != '#') {
      b[len] = '/';
      b[len + 1] = '\0';
    }
    free(world->base);
    world->base = b;
    return NG_OK;
  }
  if (strcmp(name, "data-dir") == 0) {
    return set_string(&world->data_dir, value);
  }
  if (strcmp(name, "user-agent") == 0) {
    return set_string(&world->user_agent, value);
  }
  if (strcmp(name, "max-bytes") == 0) {
    if (parse_count(value, (long long)1 << 40, &v) != NG_OK || v == 0) {
      return ng__errorf(world, NG_ERR_ARG, "bad max-bytes: %s", value);
    }
    world->max_bytes = (size_t)v;
    return NG_OK;
  }
  if (strcmp(name, "max-redirs") == 0) {
    if (parse_count(value, 100, &v) != NG_OK) {
      return ng__errorf(world, NG_ERR_ARG, "bad max-redirs: %s", value);
    }
    world->max_redirs = (long)v;
    return NG_OK;
  }
  if (strcmp(name, "connect-timeout") == 0 || strcmp(name, "timeout") == 0) {
    if (parse_count(value, 86400, &v) != NG_OK || v == 0) {
      return ng__errorf(world, NG_ERR_ARG, "bad %s: %s", name, value);
    }
    if (name[0] == 'c') {
      world->connect_timeout = (long)v;
    } else {
      world->timeout = (long)v;
    }
    return NG_OK;
  }
  if (strcmp(name, "now") == 0) {
    if (parse_count(value, LLONG_MAX, &v) != NG_OK) {
      return ng__errorf(world, NG_ERR_ARG, "bad now: %s", value);
    }
    world->now_set = true;
    world->now = (time_t)v;
    return NG_OK;
  }
  /* the fetching options (jobs, delay, retries, allow-private, ...) */
  ng_status fst = ng__fetch_set_option(world, name, value);
  if (fst != NG_NOT_FOUND) {
    return fst;
  }
  return ng__errorf(world, NG_ERR_ARG, "unknown option: %s", name);
}

double
ng__monotonic(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

time_t
ng__world_now(const ng_world *world)
{
  return world->now_set ? world->now : time(NULL);
}

static bool
has_vocab(const char *dir)
{
  char path[PATH_MAX];
  struct stat sb;
  int n = snprintf(path, sizeof path, "%s/newsgraph.ttl", dir);
  return n > 0 && (size_t)n < sizeof path && stat(path, &sb) == 0;
}

const char *
ng__world_data_dir(ng_world *world)
{
  if (world->data_dir) {
    return world->data_dir;
  }
  const char *env = getenv("NEWSGRAPH_DATA");
  const char *candidates[] = {env, NG_PKGDATADIR, NG_SRCDIR "/ontology"};
  for (size_t i = 0; i < ARRAY_LEN(candidates); i++) {
    if (candidates[i] && *candidates[i] && has_vocab(candidates[i])) {
      return candidates[i];
    }
  }
  return NG_PKGDATADIR;
}

ng_status
ng__world_load_lexicons(ng_world *world)
{
  ng_status st;
  if (world->parent && (!world->gaz || !world->lex)) {
    /* Lexicons are parsed on the pool world's thread only (pool.c). */
    return ng__errorf(world, NG_ERR_INTERNAL, "lexicons not loaded before "
                      "the worker threads started");
  }
  const char *dir = ng__world_data_dir(world);
  if (!world->gaz) {
    TRY(st, ng__gazetteer_load(world, dir, &world->gaz));
  }
  if (!world->lex) {
    TRY(st, ng__lexicon_load(world, dir, &world->lex));
  }
  return NG_OK;
}

void
ng_world_set_cancel(ng_world *world, ng_cancel_fn cancelled, void *handle)
{
  if (world) {
    world->cancel = cancelled;
    world->cancel_handle = handle;
  }
}
