/* SPDX-License-Identifier: MIT */
/* Prototype of a faster sqlite write path for `newsgraph build`: loads
 * N-Quads into a store with exactly the schema librdf's sqlite storage
 * creates (plus newsgraph's three indexes), with prepared statements and
 * an in-memory node -> id cache instead of librdf's one SQL text per
 * lookup. Measures the rate that path reaches; librdf (newsgraph query,
 * export, stats) reads the result like any newsgraph store. */
#include <serd/serd.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* The schema of librdf 1.0.17's rdf_storage_sqlite.c (sqlite_tables[],
 * spindex, uriindex) and newsgraph's add_sqlite_indexes(). */
static const char SCHEMA[] =
    "CREATE TABLE uris (id INTEGER PRIMARY KEY, uri TEXT);"
    "CREATE TABLE blanks (id INTEGER PRIMARY KEY, blank TEXT);"
    "CREATE TABLE literals (id INTEGER PRIMARY KEY, text TEXT, "
    "language TEXT, datatype INTEGER);"
    "CREATE TABLE triples (subjectUri INTEGER, subjectBlank INTEGER, "
    "predicateUri INTEGER, objectUri INTEGER, objectBlank INTEGER, "
    "objectLiteral INTEGER, contextUri INTEGER);"
    "CREATE INDEX spindex ON triples (subjectUri, subjectBlank, "
    "predicateUri);"
    "CREATE INDEX uriindex ON uris (uri);"
    "CREATE INDEX ng_literal ON literals(text, language, datatype);"
    "CREATE INDEX ng_blank ON blanks(blank);"
    "CREATE INDEX ng_context ON triples(contextUri, subjectUri, "
    "predicateUri);";

enum { K_URI, K_BLANK, K_LIT };

struct entry {
  char *key;      /* kind byte + datatype id + lang + NUL + text */
  size_t len;
  sqlite3_int64 id;
};

struct loader {
  sqlite3 *db;
  sqlite3_stmt *sel[3], *ins[3], *triple, *del_ctx;
  struct entry *tab; /* open addressing, cap a power of 2 */
  size_t cap, used;
  int use_cache;
  long quads, graphs, batch, per_batch;
  char *last_graph;
  char *key;         /* scratch key */
  size_t key_cap;
  int failed;
};

static uint64_t
fnv(const char *s, size_t n)
{
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
  }
  return h;
}

static void
cache_clear(struct loader *l)
{
  for (size_t i = 0; i < l->cap; i++) {
    free(l->tab[i].key);
  }
  memset(l->tab, 0, l->cap * sizeof *l->tab);
  l->used = 0;
}

static struct entry *
cache_slot(struct loader *l, const char *key, size_t len)
{
  size_t i = (size_t)fnv(key, len) & (l->cap - 1);
  while (l->tab[i].key &&
         (l->tab[i].len != len || memcmp(l->tab[i].key, key, len) != 0)) {
    i = (i + 1) & (l->cap - 1);
  }
  return &l->tab[i];
}

static int
check(struct loader *l, int rc, const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    fprintf(stderr, "sqlite-load: %s: %s\n", what, sqlite3_errmsg(l->db));
    l->failed = 1;
    return 1;
  }
  return 0;
}

/* The id of a node in its table, inserting it when new. @dt is the
 * datatype's uri id or 0, @lang NULL or the language tag. */
static sqlite3_int64
node_id(struct loader *l, int kind, const char *text, size_t n,
        const char *lang, sqlite3_int64 dt)
{
  size_t lang_n = lang ? strlen(lang) : 0;
  size_t need = n + lang_n + 32;
  if (need > l->key_cap) {
    l->key_cap = need * 2;
    l->key = realloc(l->key, l->key_cap);
    if (!l->key) {
      abort();
    }
  }
  int k = snprintf(l->key, l->key_cap, "%c%lld|%s|", "UBL"[kind],
                   (long long)dt, lang ? lang : "");
  memcpy(l->key + k, text, n);
  size_t klen = (size_t)k + n;
  struct entry *e = NULL;
  if (l->use_cache) {
    e = cache_slot(l, l->key, klen);
    if (e->key) {
      return e->id;
    }
  }
  sqlite3_stmt *s = l->sel[kind];
  sqlite3_int64 id = -1;
  sqlite3_bind_text(s, 1, text, (int)n, SQLITE_STATIC);
  if (kind == K_LIT) {
    if (lang) {
      sqlite3_bind_text(s, 2, lang, -1, SQLITE_STATIC);
    } else {
      sqlite3_bind_null(s, 2);
    }
    if (dt) {
      sqlite3_bind_int64(s, 3, dt);
    } else {
      sqlite3_bind_null(s, 3);
    }
  }
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    id = sqlite3_column_int64(s, 0);
  }
  sqlite3_reset(s);
  if (id < 0) {
    s = l->ins[kind];
    sqlite3_bind_text(s, 1, text, (int)n, SQLITE_STATIC);
    if (kind == K_LIT) {
      if (lang) {
        sqlite3_bind_text(s, 2, lang, -1, SQLITE_STATIC);
      } else {
        sqlite3_bind_null(s, 2);
      }
      if (dt) {
        sqlite3_bind_int64(s, 3, dt);
      } else {
        sqlite3_bind_null(s, 3);
      }
    }
    if (check(l, sqlite3_step(s), "insert node")) {
      sqlite3_reset(s);
      return -1;
    }
    sqlite3_reset(s);
    id = sqlite3_last_insert_rowid(l->db);
  }
  if (e) {
    if (l->used * 2 >= l->cap) { /* bounded memory: start over */
      cache_clear(l);
      e = cache_slot(l, l->key, klen);
    }
    e->key = malloc(klen);
    if (!e->key) {
      abort();
    }
    memcpy(e->key, l->key, klen);
    e->len = klen;
    e->id = id;
    l->used++;
  }
  return id;
}

static void
exec(struct loader *l, const char *sql)
{
  char *err = NULL;
  if (sqlite3_exec(l->db, sql, NULL, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "sqlite-load: %s: %s\n", sql, err ? err : "?");
    l->failed = 1;
  }
  sqlite3_free(err);
}

static SerdStatus
on_statement(void *handle, SerdStatementFlags flags, const SerdNode *graph,
             const SerdNode *subject, const SerdNode *predicate,
             const SerdNode *object, const SerdNode *datatype,
             const SerdNode *lang)
{
  struct loader *l = handle;
  (void)flags;
  if (l->failed) {
    return SERD_FAILURE;
  }
  const char *g = graph ? (const char *)graph->buf : "";
  if (!l->last_graph || strcmp(l->last_graph, g) != 0) {
    /* A new article graph: commit every per_batch graphs, as build
     * commits every 100 articles. */
    free(l->last_graph);
    l->last_graph = strdup(g);
    if (++l->batch > l->per_batch) {
      exec(l, "COMMIT; BEGIN IMMEDIATE;");
      l->batch = 1;
    }
    l->graphs++;
  }
  sqlite3_int64 ctx = node_id(l, K_URI, g, strlen(g), NULL, 0);
  int sk = subject->type == SERD_BLANK ? K_BLANK : K_URI;
  sqlite3_int64 s = node_id(l, sk, (const char *)subject->buf,
                            subject->n_bytes, NULL, 0);
  sqlite3_int64 p = node_id(l, K_URI, (const char *)predicate->buf,
                            predicate->n_bytes, NULL, 0);
  int ok = object->type == SERD_LITERAL ? K_LIT
           : object->type == SERD_BLANK ? K_BLANK : K_URI;
  sqlite3_int64 dt = 0;
  if (ok == K_LIT && datatype && datatype->buf) {
    dt = node_id(l, K_URI, (const char *)datatype->buf, datatype->n_bytes,
                 NULL, 0);
  }
  sqlite3_int64 o = node_id(l, ok, (const char *)object->buf,
                            object->n_bytes,
                            ok == K_LIT && lang ? (const char *)lang->buf
                                                : NULL, dt);
  if (ctx < 0 || s < 0 || p < 0 || o < 0) {
    return SERD_FAILURE;
  }
  sqlite3_stmt *t = l->triple;
  for (int i = 1; i <= 7; i++) {
    sqlite3_bind_null(t, i);
  }
  sqlite3_bind_int64(t, sk == K_URI ? 1 : 2, s);
  sqlite3_bind_int64(t, 3, p);
  sqlite3_bind_int64(t, ok == K_URI ? 4 : ok == K_BLANK ? 5 : 6, o);
  sqlite3_bind_int64(t, 7, ctx);
  int rc = sqlite3_step(t);
  sqlite3_reset(t);
  if (check(l, rc, "insert triple")) {
    return SERD_FAILURE;
  }
  l->quads++;
  return SERD_SUCCESS;
}

static double
cpu_seconds(void)
{
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
         (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static void
prepare(struct loader *l, const char *sql, sqlite3_stmt **out)
{
  if (sqlite3_prepare_v2(l->db, sql, -1, out, NULL) != SQLITE_OK) {
    fprintf(stderr, "sqlite-load: %s: %s\n", sql, sqlite3_errmsg(l->db));
    exit(1);
  }
}

int
main(int argc, char **argv)
{
  struct loader l = {0};
  if (argc < 3) {
    fprintf(stderr, "usage: sqlite-load NEW.db FILE.nq [--no-cache] "
                    "[--batch N]\n");
    return 2;
  }
  l.use_cache = 1;
  l.per_batch = 100;
  for (int i = 3; i < argc; i++) {
    if (strcmp(argv[i], "--no-cache") == 0) {
      l.use_cache = 0;
    } else if (strcmp(argv[i], "--batch") == 0 && i + 1 < argc) {
      l.per_batch = strtol(argv[++i], NULL, 10);
    }
  }
  l.cap = 1 << 18;
  l.tab = calloc(l.cap, sizeof *l.tab);
  remove(argv[1]);
  if (sqlite3_open(argv[1], &l.db) != SQLITE_OK) {
    fprintf(stderr, "sqlite-load: cannot open %s\n", argv[1]);
    return 1;
  }
  exec(&l, SCHEMA);
  prepare(&l, "SELECT id FROM uris WHERE uri = ?1", &l.sel[K_URI]);
  prepare(&l, "SELECT id FROM blanks WHERE blank = ?1", &l.sel[K_BLANK]);
  prepare(&l, "SELECT id FROM literals WHERE text = ?1 AND language IS ?2 "
              "AND datatype IS ?3", &l.sel[K_LIT]);
  prepare(&l, "INSERT INTO uris (uri) VALUES (?1)", &l.ins[K_URI]);
  prepare(&l, "INSERT INTO blanks (blank) VALUES (?1)", &l.ins[K_BLANK]);
  prepare(&l, "INSERT INTO literals (text, language, datatype) "
              "VALUES (?1, ?2, ?3)", &l.ins[K_LIT]);
  prepare(&l, "INSERT INTO triples (subjectUri, subjectBlank, predicateUri, "
              "objectUri, objectBlank, objectLiteral, contextUri) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &l.triple);
  FILE *in = fopen(argv[2], "rb");
  if (!in) {
    fprintf(stderr, "sqlite-load: cannot read %s\n", argv[2]);
    return 1;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  double c0 = cpu_seconds();
  exec(&l, "BEGIN IMMEDIATE;");
  SerdReader *r = serd_reader_new(SERD_NQUADS, &l, NULL, NULL, NULL,
                                  on_statement, NULL);
  SerdStatus st = serd_reader_read_file_handle(r, in,
                                               (const uint8_t *)argv[2]);
  exec(&l, "COMMIT;");
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double cpu = cpu_seconds() - c0;
  double wall = (double)(t1.tv_sec - t0.tv_sec) +
                (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  serd_reader_free(r);
  fclose(in);
  for (int i = 0; i < 3; i++) {
    sqlite3_finalize(l.sel[i]);
    sqlite3_finalize(l.ins[i]);
  }
  sqlite3_finalize(l.triple);
  sqlite3_close(l.db);
  cache_clear(&l);
  free(l.tab);
  free(l.key);
  free(l.last_graph);
  printf("{\"quads\": %ld, \"graphs\": %ld, \"wall\": %.3f, \"cpu\": %.3f, "
         "\"quads_per_wall_s\": %.0f, \"quads_per_cpu_s\": %.0f, "
         "\"cache\": %d, \"sqlite_mem_highwater_mb\": %.1f}\n", l.quads,
         l.graphs, wall, cpu, wall > 0 ? l.quads / wall : 0,
         cpu > 0 ? l.quads / cpu : 0, l.use_cache,
         (double)sqlite3_memory_highwater(0) / 1048576.0);
  return (st == SERD_SUCCESS && !l.failed) ? 0 : 1;
}
