/* SPDX-License-Identifier: MIT */
/* The write path of a SQLite store. librdf's sqlite storage builds and
 * compiles a new SQL text for every node lookup, duplicate check and
 * insert (about 11 statements a quad, half the build's time in the SQL
 * parser: tests/bench/build/run); this writes the same rows, on the same
 * connection, with eight prepared statements and a node-id cache. */
#include "sqlitew.h"

#include "hash.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Node kinds, as the tables of librdf's sqlite storage. */
enum { K_URI, K_BLANK, K_LIT, K_N };

/* Cache capacity (a power of 2); emptied when half full, so memory stays
 * bounded however large the store grows. */
#define CACHE_CAP (1u << 16)

struct cache_entry {
  char *key;          /* owned: kind, datatype id, language, text */
  size_t len;         /* bytes of key */
  sqlite3_int64 id;   /* row id in the node's table */
};

/* One stored triple, for the duplicate check within a graph. */
struct triple_key {
  sqlite3_int64 s, p, o;
  int s_kind, o_kind;  /* K_URI/K_BLANK; K_URI/K_BLANK/K_LIT */
  bool used;
};

struct ng_sqlitew {
  ng_world *world;                 /* borrowed */
  char *path;                      /* owned, for messages */
  sqlite3 *db;                     /* librdf's connection, borrowed */
  sqlite3_stmt *sel[K_N], *ins[K_N], *triple, *del_ctx;
  struct cache_entry *cache;       /* CACHE_CAP entries */
  size_t cached;                   /* entries in use */
  char *key;                       /* scratch key */
  size_t key_cap;                  /* bytes allocated for key */
  bool in_tx;                      /* a transaction is open */
};


static void
cache_clear(struct ng_sqlitew *w)
{
  for (size_t i = 0; i < CACHE_CAP; i++) {
    free(w->cache[i].key);
  }
  memset(w->cache, 0, CACHE_CAP * sizeof *w->cache);
  w->cached = 0;
}

static struct cache_entry *
cache_slot(struct ng_sqlitew *w, const char *key, size_t len)
{
  size_t i = (size_t)ng__fnv1a64(key, len) & (CACHE_CAP - 1);
  while (w->cache[i].key && (w->cache[i].len != len ||
                             memcmp(w->cache[i].key, key, len) != 0)) {
    i = (i + 1) & (CACHE_CAP - 1);
  }
  return &w->cache[i];
}

static ng_status
sql_error(struct ng_sqlitew *w, const char *what, const char *name)
{
  return ng__errorf(w->world, NG_ERR_RDF, "cannot %s%s%s in store %s: %s",
                    what, name ? " " : "", name ? name : "", w->path,
                    sqlite3_errmsg(w->db));
}

/* Binds a literal's language (?2) and datatype (?3), NULL when absent, as
 * librdf's literal_helper writes them. */
static void
bind_literal(sqlite3_stmt *s, const char *lang, sqlite3_int64 dt)
{
  if (lang) {
    sqlite3_bind_text(s, 2, lang, -1, SQLITE_STATIC);
  } else {
    sqlite3_bind_null(s, 2);
  }
  if (dt > 0) {
    sqlite3_bind_int64(s, 3, dt);
  } else {
    sqlite3_bind_null(s, 3);
  }
}

/* The row id of a node, inserted when new: @p kind K_URI/K_BLANK/K_LIT,
 * @p text its IRI, label or lexical form, @p lang and @p dt (uris id, or
 * 0) for a literal. */
static ng_status
node_id(struct ng_sqlitew *w, int kind, const char *text, const char *lang,
        sqlite3_int64 dt, sqlite3_int64 *id)
{
  size_t n = strlen(text), lang_n = lang ? strlen(lang) : 0;
  size_t need = n + lang_n + 40;
  if (need > w->key_cap) {
    char *k = realloc(w->key, need * 2);
    if (!k) {
      return NG_ERR_NOMEM;
    }
    w->key = k;
    w->key_cap = need * 2;
  }
  int head = snprintf(w->key, w->key_cap, "%c%lld|%s|", "UBL"[kind],
                      (long long)dt, lang ? lang : "");
  memcpy(w->key + head, text, n);
  size_t klen = (size_t)head + n;
  struct cache_entry *e = cache_slot(w, w->key, klen);
  if (e->key) {
    *id = e->id;
    return NG_OK;
  }
  sqlite3_stmt *s = w->sel[kind];
  sqlite3_bind_text(s, 1, text, (int)n, SQLITE_STATIC);
  if (kind == K_LIT) {
    bind_literal(s, lang, dt);
  }
  sqlite3_int64 found = -1;
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    found = sqlite3_column_int64(s, 0);
  }
  sqlite3_reset(s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    return sql_error(w, "look up node", text);
  }
  if (found < 0) {
    s = w->ins[kind];
    sqlite3_bind_text(s, 1, text, (int)n, SQLITE_STATIC);
    if (kind == K_LIT) {
      bind_literal(s, lang, dt);
    }
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
      return sql_error(w, "add node", text);
    }
    found = sqlite3_last_insert_rowid(w->db);
  }
  if (w->cached * 2 >= CACHE_CAP) {
    cache_clear(w);
    e = cache_slot(w, w->key, klen);
  }
  e->key = malloc(klen);
  if (!e->key) {
    return NG_ERR_NOMEM;
  }
  memcpy(e->key, w->key, klen);
  e->len = klen;
  e->id = found;
  w->cached++;
  *id = found;
  return NG_OK;
}

/* The id of term @p t (K_* in *kind). */
static ng_status
term_id(struct ng_sqlitew *w, const struct ng_term *t, int *kind,
        sqlite3_int64 *id)
{
  switch (t->kind) {
  case NG_TERM_IRI:
    *kind = K_URI;
    return node_id(w, K_URI, t->value, NULL, 0, id);
  case NG_TERM_BLANK:
    *kind = K_BLANK;
    return node_id(w, K_BLANK, t->value, NULL, 0, id);
  case NG_TERM_LITERAL: {
    /* As store.c's make_node(): a language tag wins over a datatype. */
    const char *lang = t->lang && *t->lang ? t->lang : NULL;
    sqlite3_int64 dt = 0;
    *kind = K_LIT;
    if (!lang && t->datatype) {
      ng_status st = node_id(w, K_URI, t->datatype, NULL, 0, &dt);
      if (st != NG_OK) {
        return st;
      }
    }
    return node_id(w, K_LIT, t->value, lang, dt, id);
  }
  }
  return NG_ERR_ARG;
}

static ng_status
exec(struct ng_sqlitew *w, const char *sql, const char *what)
{
  if (sqlite3_exec(w->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
    return sql_error(w, what, NULL);
  }
  return NG_OK;
}

static ng_status
prepare(struct ng_sqlitew *w, const char *sql, sqlite3_stmt **out)
{
  if (sqlite3_prepare_v2(w->db, sql, -1, out, NULL) != SQLITE_OK) {
    return sql_error(w, "prepare a statement", NULL);
  }
  return NG_OK;
}

ng_status
ng__sqlitew_open(ng_world *world, void *db, const char *name,
                 struct ng_sqlitew **out)
{
  ng_status st = NG_OK;
  *out = NULL;
  struct ng_sqlitew *w = calloc(1, sizeof *w);
  if (!w) {
    return NG_ERR_NOMEM;
  }
  w->world = world;
  w->db = db;
  w->path = strdup(name);
  w->cache = calloc(CACHE_CAP, sizeof *w->cache);
  if (!w->path || !w->cache) {
    ng__sqlitew_free(w);
    return NG_ERR_NOMEM;
  }
  /* The statements librdf 1.0.17's rdf_storage_sqlite.c runs, with the
   * values bound instead of written into the text. */
  static const char *const sel[K_N] = {
      "SELECT id FROM uris WHERE uri = ?1",
      "SELECT id FROM blanks WHERE blank = ?1",
      "SELECT id FROM literals WHERE text = ?1 AND language IS ?2 "
      "AND datatype IS ?3"};
  static const char *const ins[K_N] = {
      "INSERT INTO uris (id, uri) VALUES (NULL, ?1)",
      "INSERT INTO blanks (id, blank) VALUES (NULL, ?1)",
      "INSERT INTO literals (id, text, language, datatype) "
      "VALUES (NULL, ?1, ?2, ?3)"};
  for (int k = 0; st == NG_OK && k < K_N; k++) {
    st = prepare(w, sel[k], &w->sel[k]);
    if (st == NG_OK) {
      st = prepare(w, ins[k], &w->ins[k]);
    }
  }
  if (st == NG_OK) {
    st = prepare(w,
                 "INSERT INTO triples (subjectUri, subjectBlank, "
                 "predicateUri, objectUri, objectBlank, objectLiteral, "
                 "contextUri) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                 &w->triple);
  }
  if (st == NG_OK) {
    st = prepare(w, "DELETE FROM triples WHERE contextUri = ?1",
                 &w->del_ctx);
  }
  if (st != NG_OK) {
    ng__sqlitew_free(w);
    return st;
  }
  *out = w;
  return NG_OK;
}

ng_status
ng__sqlitew_begin(struct ng_sqlitew *w)
{
  if (w->in_tx) {
    return NG_OK;
  }
  ng_status st = exec(w, "BEGIN IMMEDIATE", "start a transaction");
  w->in_tx = st == NG_OK;
  return st;
}

ng_status
ng__sqlitew_commit(struct ng_sqlitew *w)
{
  if (!w->in_tx) {
    return NG_OK;
  }
  ng_status st = exec(w, "COMMIT", "commit");
  if (st != NG_OK) {
    ng__sqlitew_rollback(w);
    return st;
  }
  w->in_tx = false;
  return NG_OK;
}

void
ng__sqlitew_rollback(struct ng_sqlitew *w)
{
  if (!w || !w->in_tx) {
    return;
  }
  sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
  w->in_tx = false;
  /* Rows inserted since BEGIN are gone: so are their cached ids. */
  cache_clear(w);
}

/* Adds @p t to the set @p set of @p cap slots (a power of 2); false when
 * it was there already. */
static bool
triple_set_add(struct triple_key *set, size_t cap, const struct triple_key *t)
{
  sqlite3_int64 k[5] = {t->s, t->p, t->o, t->s_kind, t->o_kind};
  size_t i = (size_t)ng__fnv1a64(k, sizeof k) & (cap - 1);
  while (set[i].used) {
    if (set[i].s == t->s && set[i].p == t->p && set[i].o == t->o &&
        set[i].s_kind == t->s_kind && set[i].o_kind == t->o_kind) {
      return false;
    }
    i = (i + 1) & (cap - 1);
  }
  set[i] = *t;
  set[i].used = true;
  return true;
}

ng_status
ng__sqlitew_replace(struct ng_sqlitew *w, const char *graph,
                    const struct ng_quads *quads)
{
  sqlite3_int64 ctx;
  ng_status st = node_id(w, K_URI, graph, NULL, 0, &ctx);
  if (st != NG_OK) {
    return st;
  }
  sqlite3_bind_int64(w->del_ctx, 1, ctx);
  int rc = sqlite3_step(w->del_ctx);
  sqlite3_reset(w->del_ctx);
  if (rc != SQLITE_DONE) {
    return sql_error(w, "remove graph", graph);
  }
  size_t cap = 16;
  while (cap < quads->n * 2) {
    cap *= 2;
  }
  struct triple_key *set = calloc(cap, sizeof *set);
  if (!set) {
    return NG_ERR_NOMEM;
  }
  for (size_t i = 0; st == NG_OK && i < quads->n; i++) {
    const struct ng_quad *q = &quads->q[i];
    struct triple_key t = {0};
    int p_kind;
    struct ng_term pt = {NG_TERM_IRI, q->predicate, NULL, NULL};
    st = term_id(w, &q->subject, &t.s_kind, &t.s);
    if (st == NG_OK) {
      st = term_id(w, &pt, &p_kind, &t.p);
    }
    if (st == NG_OK) {
      st = term_id(w, &q->object, &t.o_kind, &t.o);
    }
    if (st != NG_OK || !triple_set_add(set, cap, &t)) {
      continue;
    }
    sqlite3_stmt *s = w->triple;
    sqlite3_clear_bindings(s);
    sqlite3_bind_int64(s, t.s_kind == K_URI ? 1 : 2, t.s);
    sqlite3_bind_int64(s, 3, t.p);
    sqlite3_bind_int64(s, t.o_kind == K_URI ? 4 : t.o_kind == K_BLANK ? 5 : 6,
                       t.o);
    sqlite3_bind_int64(s, 7, ctx);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
      st = sql_error(w, "add to graph", graph);
    }
  }
  free(set);
  return st;
}

void
ng__sqlitew_free(struct ng_sqlitew *w)
{
  if (!w) {
    return;
  }
  ng__sqlitew_rollback(w);
  for (int k = 0; k < K_N; k++) {
    sqlite3_finalize(w->sel[k]);
    sqlite3_finalize(w->ins[k]);
  }
  sqlite3_finalize(w->triple);
  sqlite3_finalize(w->del_ctx); /* the connection is librdf's */
  if (w->cache) {
    cache_clear(w);
    free(w->cache);
  }
  free(w->key);
  free(w->path);
  free(w);
}
