/* SPDX-License-Identifier: MIT */
/* struct ng_world: options, injectable clock, error sink and last message,
 * loaded lexicons, the librdf world. */
#ifndef NG_WORLD_H
#define NG_WORLD_H

#include "internal.h"

#include <time.h>

struct ng_gazetteer; /* gazetteer.h: names, aliases, titles, QIDs */
struct ng_lexicon;   /* relation.h: trigger words for relations/events */

struct ng_world {
  char errmsg[1024];         /* last error or warning message */
  ng_log_sink sink;          /* user's sink, or NULL */
  void *sink_handle;         /* passed to sink */
  char *base;                /* entity IRI base, ends in '/' */
  char *data_dir;            /* ontology folder, or NULL: search defaults */
  char *user_agent;          /* HTTP User-Agent */
  size_t max_bytes;          /* body size cap */
  long max_redirs;           /* redirect limit */
  long connect_timeout;      /* seconds */
  long timeout;              /* total seconds per fetch */
  bool now_set;              /* now is fixed (option or SOURCE_DATE_EPOCH) */
  time_t now;                /* the fixed clock when now_set */
  struct ng_gazetteer *gaz;  /* loaded on first use, owned */
  struct ng_lexicon *lex;    /* loaded on first use, owned */
  void *rdf;                 /* librdf_world *, created on first use (store.c) */
  void (*rdf_free)(void *);  /* frees rdf */
  unsigned emit_flags;       /* NG_EMIT_* bits (emit.c) */
  char rdf_error[512];       /* last librdf/raptor/rasqal error (store.c) */
  /* fetch.c options (ng_world_set_fetch_option); zero means the default */
  long fetch_jobs;           /* concurrent transfers; 0: 1 */
  long fetch_delay_ms;       /* per-host delay; 0: 1000, < 0: none */
  long fetch_retries;        /* retries per URL; 0: 2, < 0: none */
  bool allow_private;        /* fetch private/loopback/link-local hosts */
  bool ignore_robots;        /* do not read robots.txt */
  /* robots.txt rules read in this world, by host, so that every crawl
   * and single fetch of a run asks each host once (fetch.c; owned) */
  struct ng__robots_entry *robots_cache;
  /* A pool worker's world (pool.c): a copy of @c parent sharing its
   * strings, lexicons and options read-only, with its own message and
   * sink; NULL for a world from ng_world_new(). */
  const struct ng_world *parent;
  /* ng_world_set_cancel: asked by fetch.c whether to stop; or NULL */
  ng_cancel_fn cancel;
  void *cancel_handle;
  /* errors librdf's storage modules logged (store.c log_handler): a
   * damaged SQLite file shows only there, as short answers */
  unsigned storage_errors;
};

/* Records a formatted message on @p world (errmsg), passes it to the sink
 * at error level, and returns @p st, so call sites read
 * `return ng__errorf(world, NG_ERR_HTTP, "HTTP %ld from %s", code, url);`. */
ng_status ng__errorf(ng_world *world, ng_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Passes a formatted warning to the sink (not recorded as errmsg). */
void ng__warnf(ng_world *world, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The current time: the fixed clock if set, else time(NULL). */
time_t ng__world_now(const ng_world *world);

/* Seconds on the monotonic clock (CLOCK_MONOTONIC), for delays and time
 * limits; never goes back, unrelated to the world clock. */
double ng__monotonic(void);

/* The folder holding newsgraph.ttl and the lexicon files (borrowed):
 * the "data-dir" option, $NEWSGRAPH_DATA, the installed pkgdatadir, or the
 * source tree's ontology/ folder, the first that has newsgraph.ttl. */
const char *ng__world_data_dir(ng_world *world);

/* Loads the gazetteer and lexicon if not yet loaded. Errors: NG_ERR_IO
 * (file missing), NG_ERR_RDF (Turtle does not parse), NG_ERR_NOMEM;
 * NG_ERR_INTERNAL on a pool worker's world (@c parent set) when its
 * parent had none loaded: workers never parse Turtle (pool.c). */
NG_NODISCARD ng_status ng__world_load_lexicons(ng_world *world);

#endif
