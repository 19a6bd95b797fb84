/* SPDX-License-Identifier: MIT */
/* The read path of a SQLite store. librdf's sqlite storage has no
 * find_statements_in_context, so librdf answers every triple pattern
 * rasqal matches inside GRAPH by reading the whole named graph back (a
 * new SQL text, eight joins, a node per column per row) and comparing
 * each statement: a README query made thousands of such reads per 50
 * articles. This storage is librdf's own with the two lookups replaced by
 * prepared SELECTs on the triples table and a node cache. */
#include "sqliter.h"

#include "hash.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Exported by librdf (rdf_storage.c, 1.0.17 and 2.0) but declared only in
 * its internal header rdf_storage_internal.h: the registered factory of a
 * storage name, or NULL. */
librdf_storage_factory *librdf_get_storage_factory(librdf_world *world,
                                                   const char *name);

#define STORAGE_NAME "newsgraph-sqlite"

/* The head of librdf's sqlite storage instance
 * (librdf_storage_sqlite_instance in rdf_storage_sqlite.c, librdf 1.0.17:
 * the storage, then the connection); store.c checks the same. */
struct sqlite_instance_head {
  librdf_storage *storage;
  sqlite3 *db;
};

/* Node kinds, as the tables of librdf's sqlite storage. */
enum { K_URI, K_BLANK, K_LIT, K_N };

/* A pattern's shape: subject absent/IRI/blank, predicate absent/IRI,
 * object absent/IRI/blank/literal, context absent/IRI. */
#define N_SHAPES (3 * 2 * 4 * 2)
/* Statements kept per shape for reuse; rasqal nests one open lookup per
 * triple pattern of a group, so a few of one shape can be open at once. */
#define POOL 16
/* Node cache capacities (powers of 2); emptied when half full, so memory
 * stays bounded however large the store. */
#define NODE_CAP (1u << 15)
#define ID_CAP (1u << 12)

/* id -> node, for building result statements. */
struct node_entry {
  sqlite3_int64 id;
  int kind;
  librdf_node *node;   /* owned reference; NULL when the slot is free */
};

/* IRI -> uris id (or -1: not in the store), for pattern terms. */
struct id_entry {
  char *uri;           /* owned; NULL when the slot is free */
  size_t len;
  sqlite3_int64 id;
};

struct reader {
  librdf_storage *storage;   /* the storage this reads for */
  librdf_world *world;       /* borrowed */
  sqlite3 *db;               /* librdf's connection while open, or NULL */
  sqlite3_stmt *pool[N_SHAPES][POOL];
  int npool[N_SHAPES];
  sqlite3_stmt *node_sql[K_N];  /* id -> value */
  sqlite3_stmt *id_sql[K_N];    /* value -> id */
  sqlite3_stmt *version_sql;    /* PRAGMA data_version */
  struct node_entry *nodes;     /* NODE_CAP entries, or NULL */
  size_t nnodes;
  struct id_entry *ids;         /* ID_CAP entries, or NULL */
  size_t nids;
  sqlite3_int64 changes;        /* sqlite3_total_changes() at last check */
  int version;                  /* data_version at last check */
  struct reader *next;
};

/* librdf's sqlite methods, copied at registration (one module image per
 * process; librdf is used from one thread, REDLAND-NOTES.md §1). */
static librdf_storage_factory base;
static struct reader *readers;

static struct reader *
find_reader(librdf_storage *storage)
{
  for (struct reader *r = readers; r; r = r->next) {
    if (r->storage == storage) {
      return r;
    }
  }
  return NULL;
}

static void
log_error(struct reader *r, const char *what)
{
  librdf_log(r->world, 0, LIBRDF_LOG_ERROR, LIBRDF_FROM_STORAGE, NULL,
             "sqlite store: %s: %s", what,
             r->db ? sqlite3_errmsg(r->db) : "not open");
}

/* ------------------------------------------------------------ caches */

static void
caches_clear(struct reader *r)
{
  if (r->nodes) {
    for (size_t i = 0; i < NODE_CAP; i++) {
      if (r->nodes[i].node) {
        librdf_free_node(r->nodes[i].node);
      }
    }
    memset(r->nodes, 0, NODE_CAP * sizeof *r->nodes);
  }
  if (r->ids) {
    for (size_t i = 0; i < ID_CAP; i++) {
      free(r->ids[i].uri);
    }
    memset(r->ids, 0, ID_CAP * sizeof *r->ids);
  }
  r->nnodes = 0;
  r->nids = 0;
}

/* Empties the caches when the store changed since they were filled: rows
 * written on this connection (sqlite3_total_changes) or committed by
 * another (PRAGMA data_version, sqlite.org/pragma.html#pragma_data_version).
 * A rolled-back insert can free a node id for another node later. */
static void
caches_check(struct reader *r)
{
  sqlite3_int64 changes = sqlite3_total_changes64(r->db);
  int version = r->version;
  if (r->version_sql && sqlite3_step(r->version_sql) == SQLITE_ROW) {
    version = sqlite3_column_int(r->version_sql, 0);
  }
  if (r->version_sql) {
    sqlite3_reset(r->version_sql);
  }
  if (changes != r->changes || version != r->version) {
    caches_clear(r);
    r->changes = changes;
    r->version = version;
  }
}

static void
reader_close(struct reader *r)
{
  caches_clear(r);
  for (int s = 0; s < N_SHAPES; s++) {
    for (int i = 0; i < r->npool[s]; i++) {
      sqlite3_finalize(r->pool[s][i]);
    }
    r->npool[s] = 0;
  }
  for (int k = 0; k < K_N; k++) {
    sqlite3_finalize(r->node_sql[k]);
    sqlite3_finalize(r->id_sql[k]);
    r->node_sql[k] = r->id_sql[k] = NULL;
  }
  sqlite3_finalize(r->version_sql);
  r->version_sql = NULL;
  r->db = NULL;
}

static sqlite3_stmt *
prepare(struct reader *r, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2(r->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
    log_error(r, "cannot prepare a lookup");
    sqlite3_finalize(stmt);
    return NULL;
  }
  return stmt;
}


/* ------------------------------------------------------ id -> node */

/* A new node for row @p id of the table of @p kind, built exactly as
 * librdf's sqlite storage builds it (librdf_storage_sqlite_get_next_common,
 * librdf 1.0.17); NULL on error. */
static librdf_node *
load_node(struct reader *r, int kind, sqlite3_int64 id)
{
  static const char *const sql[K_N] = {
      "SELECT uri FROM uris WHERE id = ?1",
      "SELECT blank FROM blanks WHERE id = ?1",
      "SELECT l.text, l.language, u.uri FROM literals AS l "
      "LEFT JOIN uris AS u ON u.id = l.datatype WHERE l.id = ?1"};
  if (!r->node_sql[kind] && !(r->node_sql[kind] = prepare(r, sql[kind]))) {
    return NULL;
  }
  sqlite3_stmt *q = r->node_sql[kind];
  librdf_node *node = NULL;
  sqlite3_bind_int64(q, 1, id);
  if (sqlite3_step(q) == SQLITE_ROW) {
    const unsigned char *text = sqlite3_column_text(q, 0);
    if (kind == K_URI) {
      node = text ? librdf_new_node_from_uri_string(r->world, text) : NULL;
    } else if (kind == K_BLANK) {
      node = text ? librdf_new_node_from_blank_identifier(r->world, text)
                  : NULL;
    } else {
      const unsigned char *lang = sqlite3_column_text(q, 1);
      const unsigned char *dt = sqlite3_column_text(q, 2);
      librdf_uri *dt_uri = dt ? librdf_new_uri(r->world, dt) : NULL;
      if (text && (!dt || dt_uri)) {
        node = librdf_new_node_from_typed_literal(r->world, text,
                                                  (const char *)lang, dt_uri);
      }
      if (dt_uri) {
        librdf_free_uri(dt_uri);
      }
    }
  }
  sqlite3_reset(q);
  sqlite3_clear_bindings(q);
  return node;
}

/* A new reference to the node of row @p id of @p kind's table; NULL on
 * error (logged). */
static librdf_node *
get_node(struct reader *r, int kind, sqlite3_int64 id)
{
  if (!r->nodes) {
    r->nodes = calloc(NODE_CAP, sizeof *r->nodes);
  }
  struct node_entry *e = NULL;
  if (r->nodes) {
    size_t i = (size_t)((((uint64_t)id * 0x9E3779B97F4A7C15ULL) >> 40) ^
                        (uint64_t)kind) & (NODE_CAP - 1);
    while (r->nodes[i].node &&
           (r->nodes[i].id != id || r->nodes[i].kind != kind)) {
      i = (i + 1) & (NODE_CAP - 1);
    }
    e = &r->nodes[i];
    if (e->node) {
      return librdf_new_node_from_node(e->node);
    }
  }
  librdf_node *node = load_node(r, kind, id);
  if (!node) {
    log_error(r, "a triple names a missing node");
    return NULL;
  }
  if (e && r->nnodes < NODE_CAP / 2) {
    librdf_node *copy = librdf_new_node_from_node(node);
    if (copy) {
      e->id = id;
      e->kind = kind;
      e->node = copy;
      r->nnodes++;
    }
  } else if (e) {
    caches_clear(r);
  }
  return node;
}

/* ------------------------------------------------------ node -> id */

static sqlite3_int64
lookup_uri(struct reader *r, librdf_uri *uri)
{
  size_t len = 0;
  const unsigned char *s = librdf_uri_as_counted_string(uri, &len);
  struct id_entry *e = NULL;
  if (!r->ids) {
    r->ids = calloc(ID_CAP, sizeof *r->ids);
  }
  if (r->ids) {
    size_t i = (size_t)ng__fnv1a64(s, len) & (ID_CAP - 1);
    while (r->ids[i].uri &&
           (r->ids[i].len != len || memcmp(r->ids[i].uri, s, len) != 0)) {
      i = (i + 1) & (ID_CAP - 1);
    }
    e = &r->ids[i];
    if (e->uri) {
      return e->id;
    }
  }
  if (!r->id_sql[K_URI] &&
      !(r->id_sql[K_URI] = prepare(r, "SELECT id FROM uris WHERE uri = ?1"))) {
    return -2;
  }
  sqlite3_stmt *q = r->id_sql[K_URI];
  sqlite3_int64 id = -1;
  sqlite3_bind_text(q, 1, (const char *)s, (int)len, SQLITE_STATIC);
  int rc = sqlite3_step(q);
  if (rc == SQLITE_ROW) {
    id = sqlite3_column_int64(q, 0);
  } else if (rc != SQLITE_DONE) {
    log_error(r, "cannot look an IRI up");
    id = -2;
  }
  sqlite3_reset(q);
  sqlite3_clear_bindings(q);
  if (id >= -1 && e) {
    if (r->nids >= ID_CAP / 2) {
      caches_clear(r);
    } else if ((e->uri = malloc(len + 1)) != NULL) {
      memcpy(e->uri, s, len);
      e->uri[len] = '\0';
      e->len = len;
      e->id = id;
      r->nids++;
    }
  }
  return id;
}

/* The row id of @p node in its table: -1 when the store does not hold
 * it (nothing can match), -2 on error (logged). *kind is set to its
 * table. Literals as librdf's literal_helper looks them up: text,
 * language or NULL, datatype's uris id or NULL. */
static sqlite3_int64
lookup(struct reader *r, librdf_node *node, int *kind)
{
  if (librdf_node_is_resource(node)) {
    *kind = K_URI;
    return lookup_uri(r, librdf_node_get_uri(node));
  }
  sqlite3_stmt *q;
  if (librdf_node_is_blank(node)) {
    *kind = K_BLANK;
    if (!r->id_sql[K_BLANK] &&
        !(r->id_sql[K_BLANK] =
              prepare(r, "SELECT id FROM blanks WHERE blank = ?1"))) {
      return -2;
    }
    q = r->id_sql[K_BLANK];
    size_t len = 0;
    const unsigned char *b = librdf_node_get_counted_blank_identifier(node,
                                                                      &len);
    sqlite3_bind_text(q, 1, (const char *)b, (int)len, SQLITE_STATIC);
  } else if (librdf_node_is_literal(node)) {
    *kind = K_LIT;
    librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(node);
    sqlite3_int64 dt_id = dt ? lookup_uri(r, dt) : 0;
    if (dt_id < 0) {
      return dt_id;
    }
    if (!r->id_sql[K_LIT] &&
        !(r->id_sql[K_LIT] =
              prepare(r, "SELECT id FROM literals WHERE text = ?1 AND "
                      "language IS ?2 AND datatype IS ?3"))) {
      return -2;
    }
    q = r->id_sql[K_LIT];
    size_t len = 0;
    const unsigned char *text =
        librdf_node_get_literal_value_as_counted_string(node, &len);
    const char *lang = librdf_node_get_literal_value_language(node);
    sqlite3_bind_text(q, 1, (const char *)text, (int)len, SQLITE_STATIC);
    if (lang) {
      sqlite3_bind_text(q, 2, lang, -1, SQLITE_STATIC);
    }
    if (dt) {
      sqlite3_bind_int64(q, 3, dt_id);
    }
  } else {
    return -1;
  }
  sqlite3_int64 id = -1;
  int rc = sqlite3_step(q);
  if (rc == SQLITE_ROW) {
    id = sqlite3_column_int64(q, 0);
  } else if (rc != SQLITE_DONE) {
    log_error(r, "cannot look a node up");
    id = -2;
  }
  sqlite3_reset(q);
  sqlite3_clear_bindings(q);
  return id;
}

/* ------------------------------------------------------------ streams */

struct rstream {
  struct reader *r;
  int shape;
  sqlite3_stmt *stmt;        /* from the pool, returned when finished */
  librdf_statement *cur;     /* the current statement, owned */
  librdf_node *ctx;          /* its context, owned, or NULL */
  bool fixed_ctx;            /* ctx is the one asked for */
  bool finished;
};

/* Steps to the next row: 0 with cur set, 1 at the end or on error. */
static int
fetch(struct rstream *rs)
{
  struct reader *r = rs->r;
  if (!rs->stmt || !r->db) {
    rs->finished = true;
    return 1;
  }
  int rc = sqlite3_step(rs->stmt);
  if (rc != SQLITE_ROW) {
    if (rc != SQLITE_DONE) {
      log_error(r, "cannot read triples");
    }
    rs->finished = true;
    return 1;
  }
  sqlite3_stmt *q = rs->stmt;
  librdf_node *s, *p, *o;
  s = sqlite3_column_type(q, 0) != SQLITE_NULL
          ? get_node(r, K_URI, sqlite3_column_int64(q, 0))
          : get_node(r, K_BLANK, sqlite3_column_int64(q, 1));
  p = get_node(r, K_URI, sqlite3_column_int64(q, 2));
  if (sqlite3_column_type(q, 3) != SQLITE_NULL) {
    o = get_node(r, K_URI, sqlite3_column_int64(q, 3));
  } else if (sqlite3_column_type(q, 4) != SQLITE_NULL) {
    o = get_node(r, K_BLANK, sqlite3_column_int64(q, 4));
  } else {
    o = get_node(r, K_LIT, sqlite3_column_int64(q, 5));
  }
  if (!rs->cur) {
    rs->cur = librdf_new_statement(r->world);
  }
  if (!s || !p || !o || !rs->cur) {
    if (s) {
      librdf_free_node(s);
    }
    if (p) {
      librdf_free_node(p);
    }
    if (o) {
      librdf_free_node(o);
    }
    rs->finished = true;
    return 1;
  }
  librdf_statement_clear(rs->cur);
  librdf_statement_set_subject(rs->cur, s);
  librdf_statement_set_predicate(rs->cur, p);
  librdf_statement_set_object(rs->cur, o);
  if (!rs->fixed_ctx) {
    if (rs->ctx) {
      librdf_free_node(rs->ctx);
      rs->ctx = NULL;
    }
    if (sqlite3_column_type(q, 6) != SQLITE_NULL) {
      rs->ctx = get_node(r, K_URI, sqlite3_column_int64(q, 6));
      if (!rs->ctx) {
        rs->finished = true;
        return 1;
      }
    }
  }
  return 0;
}

static int
rs_is_end(void *context)
{
  struct rstream *rs = context;
  if (!rs->finished && !rs->cur) {
    fetch(rs);
  }
  return rs->finished;
}

static int
rs_next(void *context)
{
  struct rstream *rs = context;
  if (rs->finished) {
    return 1;
  }
  return fetch(rs);
}

static void *
rs_get(void *context, int flags)
{
  struct rstream *rs = context;
  switch (flags) {
  case LIBRDF_ITERATOR_GET_METHOD_GET_OBJECT:
    return rs->cur;
  case LIBRDF_ITERATOR_GET_METHOD_GET_CONTEXT:
    return rs->ctx;
  default:
    return NULL;
  }
}

static void
rs_finished(void *context)
{
  struct rstream *rs = context;
  struct reader *r = rs->r;
  if (rs->stmt) {
    sqlite3_reset(rs->stmt);
    sqlite3_clear_bindings(rs->stmt);
    if (r->db && r->npool[rs->shape] < POOL) {
      r->pool[rs->shape][r->npool[rs->shape]++] = rs->stmt;
    } else {
      sqlite3_finalize(rs->stmt);
    }
  }
  if (rs->cur) {
    librdf_free_statement(rs->cur);
  }
  if (rs->ctx) {
    librdf_free_node(rs->ctx);
  }
  free(rs);
}

/* A statement of @p shape from the pool, or a newly prepared one. The
 * conditions use the indexes newsgraph stores have (store.c: ng_context
 * on contextUri, subjectUri, predicateUri; librdf's spindex on
 * subjectUri, subjectBlank, predicateUri); rows come in index order, as
 * librdf's own reads of a graph returned them. */
static sqlite3_stmt *
take_stmt(struct reader *r, int shape)
{
  if (r->npool[shape] > 0) {
    return r->pool[shape][--r->npool[shape]];
  }
  static const char *const subj[] = {NULL, "subjectUri = ?1",
                                     "subjectBlank = ?1"};
  static const char *const obj[] = {NULL, "objectUri = ?3",
                                    "objectBlank = ?3", "objectLiteral = ?3"};
  int ck = shape % 2, ok = shape / 2 % 4, pk = shape / 8 % 2,
      sk = shape / 16;
  const char *cond[4] = {ck ? "contextUri = ?4" : NULL, subj[sk],
                         pk ? "predicateUri = ?2" : NULL, obj[ok]};
  char sql[400];
  size_t n = (size_t)snprintf(sql, sizeof sql, "%s",
                              "SELECT subjectUri, subjectBlank, "
                              "predicateUri, objectUri, objectBlank, "
                              "objectLiteral, contextUri FROM triples");
  bool first = true;
  for (int i = 0; i < 4; i++) {
    if (cond[i] && n < sizeof sql) {
      n += (size_t)snprintf(sql + n, sizeof sql - n, "%s%s",
                            first ? " WHERE " : " AND ", cond[i]);
      first = false;
    }
  }
  return prepare(r, sql);
}

/* A stream of the statements matching @p pattern (NULL parts match
 * anything) in @p context (NULL: in any graph or none). */
static librdf_stream *
reader_find(struct reader *r, librdf_statement *pattern,
            librdf_node *context)
{
  librdf_node *part[4] = {
      pattern ? librdf_statement_get_subject(pattern) : NULL,
      pattern ? librdf_statement_get_predicate(pattern) : NULL,
      pattern ? librdf_statement_get_object(pattern) : NULL, context};
  sqlite3_int64 id[4] = {0, 0, 0, 0};
  int kind[4] = {0, 0, 0, 0};
  bool none = false;
  caches_check(r);
  for (int i = 0; i < 4; i++) {
    if (!part[i]) {
      continue;
    }
    id[i] = lookup(r, part[i], &kind[i]);
    if (id[i] == -2) {
      return NULL;
    }
    /* A predicate or context must be an IRI; a literal subject or an
     * unknown node matches nothing. */
    if (id[i] < 0 || ((i == 1 || i == 3) && kind[i] != K_URI) ||
        (i == 0 && kind[i] == K_LIT)) {
      none = true;
    }
  }
  struct rstream *rs = calloc(1, sizeof *rs);
  if (!rs) {
    return NULL;
  }
  rs->r = r;
  if (none) {
    rs->finished = true;
  } else {
    int sk = part[0] ? 1 + kind[0] : 0;
    int pk = part[1] ? 1 : 0;
    int ok = part[2] ? 1 + kind[2] : 0;
    int ck = part[3] ? 1 : 0;
    rs->shape = ((sk * 2 + pk) * 4 + ok) * 2 + ck;
    rs->stmt = take_stmt(r, rs->shape);
    if (!rs->stmt) {
      free(rs);
      return NULL;
    }
    for (int i = 0; i < 4; i++) {
      if (part[i]) {
        sqlite3_bind_int64(rs->stmt, i + 1, id[i]);
      }
    }
  }
  if (context) {
    rs->fixed_ctx = true;
    rs->ctx = librdf_new_node_from_node(context);
    if (!rs->ctx) {
      rs_finished(rs);
      return NULL;
    }
  }
  librdf_stream *stream = librdf_new_stream(r->world, rs, rs_is_end, rs_next,
                                            rs_get, rs_finished);
  if (!stream) {
    rs_finished(rs);
  }
  return stream;
}

/* ----------------------------------------------------- storage methods */

static int
r_init(librdf_storage *storage, const char *name, librdf_hash *options)
{
  int rc = base.init(storage, name, options);
  if (rc == 0) {
    struct reader *r = calloc(1, sizeof *r);
    if (r) {
      /* Without it, lookups go to librdf's methods: slow, correct. */
      r->storage = storage;
      r->world = librdf_storage_get_world(storage);
      r->next = readers;
      readers = r;
    }
  }
  return rc;
}

static void
r_terminate(librdf_storage *storage)
{
  for (struct reader **p = &readers; *p; p = &(*p)->next) {
    if ((*p)->storage == storage) {
      struct reader *r = *p;
      *p = r->next;
      reader_close(r);
      free(r->nodes);
      free(r->ids);
      free(r);
      break;
    }
  }
  base.terminate(storage);
}

static int
r_open(librdf_storage *storage, librdf_model *model)
{
  int rc = base.open(storage, model);
  struct reader *r = find_reader(storage);
  if (rc == 0 && r) {
    struct sqlite_instance_head *inst = librdf_storage_get_instance(storage);
    if (inst && inst->storage == storage && inst->db) {
      r->db = inst->db;
      r->changes = sqlite3_total_changes64(r->db);
      r->version_sql = prepare(r, "PRAGMA data_version");
    }
  }
  return rc;
}

static int
r_close(librdf_storage *storage)
{
  struct reader *r = find_reader(storage);
  if (r) {
    reader_close(r); /* statements finalized before the connection closes */
  }
  return base.close(storage);
}

static librdf_statement *
match_map(librdf_stream *stream, void *map_context, librdf_statement *item)
{
  (void)stream;
  return librdf_statement_match(item, map_context) ? item : NULL;
}

static librdf_stream *
r_find_statements(librdf_storage *storage, librdf_statement *statement)
{
  struct reader *r = find_reader(storage);
  if (!r || !r->db) {
    return base.find_statements(storage, statement);
  }
  return reader_find(r, statement, NULL);
}

static librdf_stream *
r_find_statements_in_context(librdf_storage *storage,
                             librdf_statement *statement,
                             librdf_node *context)
{
  struct reader *r = find_reader(storage);
  if (r && r->db && context) {
    return reader_find(r, statement, context);
  }
  if (!context) {
    return r_find_statements(storage, statement);
  }
  /* librdf's fallback (librdf_storage_find_statements_in_context). */
  librdf_statement *partial = librdf_new_statement_from_statement(statement);
  if (!partial) {
    return NULL;
  }
  librdf_stream *stream = base.context_serialise(storage, context);
  if (!stream) {
    librdf_free_statement(partial);
    return NULL;
  }
  if (librdf_stream_add_map(stream, match_map,
                            (librdf_stream_map_free_context_handler)
                                librdf_free_statement,
                            partial)) {
    librdf_free_stream(stream);
    return NULL;
  }
  return stream;
}

static void
fill_factory(librdf_storage_factory *f)
{
  char *name = f->name, *label = f->label;
  *f = base;
  f->name = name;
  f->label = label;
  f->init = r_init;
  f->terminate = r_terminate;
  f->open = r_open;
  f->close = r_close;
  f->find_statements = r_find_statements;
  f->find_statements_in_context = r_find_statements_in_context;
}

const char *
ng__sqliter_register(librdf_world *lw)
{
  librdf_storage_factory *sqlite = librdf_get_storage_factory(lw, "sqlite");
  if (!sqlite || !sqlite->init || !sqlite->terminate || !sqlite->open ||
      !sqlite->close || !sqlite->find_statements ||
      !sqlite->context_serialise) {
    return "sqlite";
  }
  /* A process with several librdf worlds loads the sqlite module once;
   * copying again picks up the same methods. */
  base = *sqlite;
  if (librdf_storage_register_factory(lw, STORAGE_NAME,
                                      "newsgraph SQLite store",
                                      fill_factory) != 0 ||
      !librdf_get_storage_factory(lw, STORAGE_NAME)) {
    return "sqlite";
  }
  return STORAGE_NAME;
}
