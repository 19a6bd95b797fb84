/* SPDX-License-Identifier: MIT */
/* The RDF store: a librdf storage and model with contexts, one named graph
 * per article, replaced on re-ingest inside a transaction. Knows librdf
 * and the storages' sharp edges (REDLAND-NOTES.md §1, §6); of the
 * vocabulary only the three article properties that keep HTTP validators. */
#include "store.h"

#include "iri.h"
#include "lock.h"
#include "serialize.h"
#include "sqliter.h"
#include "sqlitew.h"
#include "vocab.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <redland.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define NG_DEFAULT_STORE "newsgraph.db"

/* KIND_SERVER is Virtuoso; PostgreSQL has its own kind because librdf's
 * transactions work on it only with the rules of pg_node_rules(). */
enum store_kind {
  KIND_SQLITE, KIND_MEMORY, KIND_BDB, KIND_SERVER, KIND_POSTGRESQL
};

struct ng_store {
  ng_world *world;        /* borrowed; outlives the store */
  librdf_world *lw;       /* borrowed from the world */
  librdf_storage *storage; /* owned */
  librdf_model *model;    /* owned */
  enum store_kind kind;   /* which storage */
  bool in_batch;          /* ng_store_begin() started a transaction */
  char *name;             /* spec as given, for messages */
  int lock_fd;            /* lock file (lock.c) held while open, or -1 */
  bool writer;            /* opened for writing: exclusive lock */
  double lock_wait;       /* seconds to wait for the lock */
  bool pg_tx;             /* PostgreSQL with pg_node_rules(): transactions */
  struct ng_sqlitew *w;   /* SQLite opened for writing: the write path */
  unsigned storage_errors; /* world->storage_errors when opened */
};

static int end_transaction(ng_store *store, bool commit);

/* Set while open_server() tries a PostgreSQL database that may not have
 * librdf's tables yet: the failure is expected (the store is then
 * created), so its messages are kept in rdf_error but not printed.
 * librdf is used from one thread only (REDLAND-NOTES.md §1). */
static bool probing_server;

/* ---------------------------------------------------------- librdf world */

/* librdf/raptor/rasqal messages to the world's sink. rasqal warns about
 * every variable used once and prints garbage locations (REDLAND-NOTES.md
 * §3, §6.11): query warnings are dropped. */
static int
log_handler(void *user_data, librdf_log_message *message)
{
  ng_world *world = user_data;
  librdf_log_level level = librdf_log_message_level(message);
  librdf_log_facility facility = librdf_log_message_facility(message);
  const char *msg = librdf_log_message_message(message);
  raptor_locator *loc = librdf_log_message_locator(message);
  if (level < LIBRDF_LOG_WARN ||
      (level == LIBRDF_LOG_WARN && facility == LIBRDF_FROM_QUERY)) {
    return 1;
  }
  /* librdf 1.0.17's PostgreSQL storage hands its transaction connection
   * back to the pool after every statement and again at commit, and warns
   * about the second time (rdf_storage_postgresql.c, release_handle):
   * harmless, and it would be printed once per batch. */
  if (facility == LIBRDF_FROM_STORAGE && msg &&
      strstr(msg, "Unable to find busy connection")) {
    return 1;
  }
  if (level >= LIBRDF_LOG_ERROR && facility == LIBRDF_FROM_STORAGE &&
      !probing_server) {
    world->storage_errors++;
  }
  if (loc && loc->line > 0) {
    snprintf(world->rdf_error, sizeof world->rdf_error, "line %d: %s",
             loc->line, msg ? msg : "");
  } else {
    snprintf(world->rdf_error, sizeof world->rdf_error, "%s",
             msg ? msg : "");
  }
  if (!probing_server) {
    ng__warnf(world, "redland: %s", world->rdf_error);
  }
  return 1;
}

static void
free_rdf_world(void *p)
{
  librdf_free_world(p);
}

ng_status
ng__store_rdf_world(ng_world *world, librdf_world **out)
{
  if (!world->rdf) {
    librdf_world *lw = librdf_new_world();
    if (!lw) {
      return ng__errorf(world, NG_ERR_RDF, "cannot create the librdf world");
    }
    librdf_world_set_logger(lw, world, log_handler);
    librdf_world_open(lw);
    world->rdf = lw;
    world->rdf_free = free_rdf_world;
  }
  *out = world->rdf;
  return NG_OK;
}

ng_status
ng_store_check(ng_store *store)
{
  if (!store) {
    return NG_ERR_ARG;
  }
  if (store->world->storage_errors == store->storage_errors) {
    return NG_OK;
  }
  return ng__errorf(store->world, NG_ERR_RDF,
                    "the store %s could not be read in full (%s): it may be "
                    "damaged, and what was written above is incomplete",
                    store->name, store->world->rdf_error);
}

ng_world *
ng__store_world(const ng_store *store)
{
  return store->world;
}

librdf_model *
ng__store_model(const ng_store *store)
{
  return store->model;
}

bool
ng__store_is_virtuoso(const ng_store *store)
{
  return store && store->kind == KIND_SERVER;
}

/* --------------------------------------------------------------- opening */

/* Adds the indexes the stock sqlite schema lacks (REDLAND-NOTES.md §6.3:
 * without them every literal insert scans the table, and removing an
 * article's context scans every triple). Table and column names checked
 * in a store librdf 1.0.17 created: literals(text, language, datatype),
 * blanks(blank), triples(contextUri). */
static ng_status
add_sqlite_indexes(ng_world *world, const char *path)
{
  static const char sql[] =
      "CREATE INDEX IF NOT EXISTS ng_literal ON literals(text, language, "
      "datatype);"
      "CREATE INDEX IF NOT EXISTS ng_blank ON blanks(blank);"
      "CREATE INDEX IF NOT EXISTS ng_context ON triples(contextUri, "
      "subjectUri, predicateUri);";
  sqlite3 *db = NULL;
  char *err = NULL;
  ng_status st = NG_OK;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
    st = ng__errorf(world, NG_ERR_RDF, "cannot open store %s: %s", path,
                    db ? sqlite3_errmsg(db) : "out of memory");
  } else if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
    st = ng__errorf(world, NG_ERR_RDF, "cannot index store %s: %s", path,
                    err ? err : "unknown error");
  }
  sqlite3_free(err);
  sqlite3_close(db);
  return st;
}

/* The head of librdf's sqlite storage instance
 * (librdf_storage_sqlite_instance in rdf_storage_sqlite.c, librdf 1.0.17:
 * the storage, then the connection). */
struct sqlite_instance_head {
  librdf_storage *storage;
  sqlite3 *db;
};

/* Sets up store->w, the fast write path (sqlitew.c), on librdf's own
 * connection to @p path. The connection is taken from librdf's instance
 * record only when it is one: it must point back to the storage and be
 * open on @p path; otherwise store->w stays NULL and writes go through
 * librdf (correct, about 7 times slower). */
static ng_status
open_sqlite_writer(ng_store *store, const char *path)
{
  struct sqlite_instance_head *inst =
      librdf_storage_get_instance(store->storage);
  char want[PATH_MAX], have[PATH_MAX];
  const char *file = inst && inst->storage == store->storage && inst->db
                         ? sqlite3_db_filename(inst->db, "main")
                         : NULL;
  if (!file || !realpath(path, want) || !realpath(file, have) ||
      strcmp(want, have) != 0) {
    ng__warnf(store->world, "store %s: librdf's sqlite connection not "
              "found, writing through librdf (slower)", store->name);
    return NG_OK;
  }
  return ng__sqlitew_open(store->world, inst->db, store->name, &store->w);
}

static bool
exists(const char *path)
{
  struct stat sb;
  return stat(path, &sb) == 0;
}

/* The store types a spec may start with, for messages. */
static const char known_types[] = "sqlite, bdb, memory, postgresql, "
                                  "virtuoso";

/* The length of TYPE when @p spec is "TYPE:..." with a TYPE (a letter,
 * then letters, digits, '+', '-', '.', '_') that is no store type, such
 * as "sqllite:x" or "postgres:...", and @p spec is not an existing file;
 * else 0 (a path). */
static size_t
unknown_type(const char *spec)
{
  static const char *const types[] = {"sqlite", "bdb", "memory",
                                      "postgresql", "virtuoso"};
  size_t n = 0;
  if (!((spec[0] >= 'a' && spec[0] <= 'z') ||
        (spec[0] >= 'A' && spec[0] <= 'Z'))) {
    return 0;
  }
  while (spec[n] && (strchr("+-._", spec[n]) ||
                     (spec[n] >= 'a' && spec[n] <= 'z') ||
                     (spec[n] >= 'A' && spec[n] <= 'Z') ||
                     (spec[n] >= '0' && spec[n] <= '9'))) {
    n++;
  }
  if (spec[n] != ':' || n < 2 || exists(spec)) {
    return 0;
  }
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
    if (strlen(types[i]) == n && strncmp(spec, types[i], n) == 0) {
      return 0;
    }
  }
  return n;
}

/* False if @p path is a directory or a non-empty file that does not start
 * with SQLite's header ("SQLite format 3", sqlite.org/fileformat.html);
 * true for a missing or empty file, or one with the header. */
static bool
sqlite_or_new(const char *path)
{
  static const char magic[16] = "SQLite format 3";
  struct stat sb;
  if (stat(path, &sb) != 0) {
    return true;
  }
  if (S_ISDIR(sb.st_mode)) {
    return false;
  }
  if (!S_ISREG(sb.st_mode) || sb.st_size == 0) {
    return true;
  }
  char head[16];
  FILE *f = fopen(path, "rb");
  if (!f) {
    return true; /* check_sqlite_store() says why, under the lock */
  }
  size_t got = fread(head, 1, sizeof head, f);
  fclose(f);
  return got == sizeof head && memcmp(head, magic, sizeof magic) == 0;
}

/* Refuses, for a reader, a file that is not a store librdf's sqlite
 * storage wrote: empty, not an SQLite database (its 16-byte header,
 * sqlite.org/fileformat.html 1.3.1), or without librdf's "triples" and
 * "literals" tables (rdf_storage_sqlite.c, librdf 1.0.17); librdf would
 * read the first two as an empty store. Errors: NG_ERR_RDF with the
 * reason, NG_ERR_IO when the file cannot be read. */
static ng_status
check_sqlite_store(ng_world *world, const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char head[16];
  struct stat sb;
  if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
    return ng__errorf(world, NG_ERR_RDF, "cannot open store %s: not a "
                      "newsgraph store (a directory; bdb:%s names a Berkeley "
                      "DB store in it)", path, path);
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    return ng__errorf(world, NG_ERR_IO, "cannot open store %s: %s", path,
                      strerror(errno));
  }
  size_t got = fread(head, 1, sizeof head, f);
  fclose(f);
  const char *why = NULL;
  if (got == 0) {
    why = "an empty file";
  } else if (got < sizeof head || memcmp(head, magic, sizeof magic) != 0) {
    why = "not an SQLite database";
  } else {
    sqlite3 *db = NULL;
    sqlite3_stmt *q = NULL;
    int tables = 0;
    /* Read-write when it may (as librdf opens it): a build killed in a
     * commit leaves a hot journal that only a writer can roll back. */
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
    if (rc != SQLITE_OK) {
      sqlite3_close(db);
      db = NULL;
      rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    }
    if (rc == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE "
                           "type = 'table' AND name IN ('triples', "
                           "'literals')", -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW) {
      tables = sqlite3_column_int(q, 0);
    } else {
      why = "an SQLite database that cannot be read";
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    if (!why && tables != 2) {
      why = "an SQLite database without librdf's tables";
    }
  }
  if (why) {
    return ng__errorf(world, NG_ERR_RDF, "cannot open store %s: not a "
                      "newsgraph store (%s)", path, why);
  }
  return NG_OK;
}

/* Server stores (postgresql:, virtuoso:). Redland storage options pass
 * through verbatim; the model name is "newsgraph". */

/* Replaces the value of password='...' in @p name (the spec kept for
 * messages) with "*" so that errors and summaries never show it. */
static void
redact_password(char *name)
{
  char *p = strstr(name, "password='");
  if (!p) {
    return;
  }
  p += 10;
  char *end = strchr(p, '\'');
  if (!end || end == p) {
    return;
  }
  *p++ = '*';
  memmove(p, end, strlen(end) + 1);
}

/* The graphs every Virtuoso database holds for itself (its RDF views,
 * LDP and URIQA metadata), which newsgraph never wrote: listing, counting
 * and exporting skip them. */
static bool
is_server_internal_graph(const ng_store *store, const char *iri)
{
  static const char *const prefixes[] = {
      "http://www.openlinksw.com/", "http://www.w3.org/ns/ldp#",
      "http://localuriqaserver/", "virtrdf:"};
  if (store->kind != KIND_SERVER) {
    return false;
  }
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
    if (strncmp(iri, prefixes[i], strlen(prefixes[i])) == 0) {
      return true;
    }
  }
  return false;
}

/* Literals as librdf 1.0.17's Virtuoso storage reads them back
 * (rdf_storage_virtuoso.c rdf2node, rdf_lang2string) differ from what was
 * stored; repaired in the node's own strings (never lengthened) so output
 * and query results match the other stores: xsd:dateTime in SQL form
 * ("2025-09-10 18:40:00+07:00": the space becomes the "T" of XML Schema 1.1
 * Part 2 3.3.7), xsd:gYear widened to a date ("2024-01-01": cut to the
 * year), and language tags without their NUL (cut at the first byte that
 * cannot be in a BCP 47 tag). Harmless for every other store. */
static void
fix_server_literal(librdf_node *n, struct ng_term *t)
{
  static const char xsd[] = "http://www.w3.org/2001/XMLSchema#";
  /* The module caches datatype IRIs the same way as language tags (see
   * below: no NUL), so one read again can run into other bytes
   * ("...#nonNegativeIntegerorway!"). Every datatype newsgraph writes is
   * one of these: the longest that starts the IRI is taken. */
  static const char *const types[] = {
      XSD_NS "nonNegativeInteger", XSD_NS "dateTime", XSD_NS "decimal",
      XSD_NS "integer", XSD_NS "double", XSD_NS "string", XSD_NS "gYear",
      XSD_NS "date"};
  for (size_t i = 0; t->datatype && i < sizeof types / sizeof *types; i++) {
    if (strncmp(t->datatype, types[i], strlen(types[i])) == 0) {
      t->datatype = types[i];
      break;
    }
  }
  const char *dt = t->datatype;
  if (dt && strncmp(dt, xsd, sizeof xsd - 1) == 0) {
    unsigned char *v = librdf_node_get_literal_value(n);
    size_t len = strlen(t->value);
    dt += sizeof xsd - 1;
    if (strcmp(dt, "dateTime") == 0 && len > 11 && v[10] == ' ') {
      v[10] = 'T';
    } else if (strcmp(dt, "gYear") == 0 && len == 10 &&
               strcmp(t->value + 4, "-01-01") == 0) {
      v[4] = '\0';
    }
  }
  if (t->lang) {
    /* librdf's Virtuoso module caches each language tag without its NUL
     * (rdf_lang2string() puts strlen() bytes in its hash), so a tag read
     * a second time runs into whatever bytes follow it. Keep what is a
     * valid tag (RDF 1.1 LANGTAG: letters, then "-" and letters or
     * digits); write_graph() then restores the article's own tag. */
    static const char alnum[] = "abcdefghijklmnopqrstuvwxyz"
                                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    char *l = (char *)t->lang; /* librdf's own copy of the tag */
    size_t k = strspn(l, "abcdefghijklmnopqrstuvwxyz"
                         "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    while (k > 0 && l[k] == '-' && strspn(l + k + 1, alnum) > 0) {
      k += 1 + strspn(l + k + 1, alnum);
    }
    l[k] = '\0';
  }
}

/* Virtuoso (see fix_server_literal()): every language-tagged literal of
 * an article graph carries the article's language, which the graph also
 * states as the plain literal schema:inLanguage (read back intact): a
 * tag that starts with that language and runs on is cut back to it. */
static void
repair_lang_tags(struct ng_quads *qs)
{
  const char *lang = NULL;
  for (size_t i = 0; i < qs->n && !lang; i++) {
    if (strcmp(qs->q[i].predicate, SCHEMA_IN_LANGUAGE) == 0 &&
        !qs->q[i].object.lang) {
      lang = qs->q[i].object.value;
    }
  }
  size_t n = lang ? strlen(lang) : 0;
  for (size_t i = 0; n > 0 && i < qs->n; i++) {
    char *l = (char *)qs->q[i].object.lang;
    if (l && strlen(l) > n && strncasecmp(l, lang, n) == 0) {
      l[n] = '\0';
    }
  }
}

/* The libpq calls pg_node_rules() needs, found in the libpq that librdf's
 * PostgreSQL storage module has loaded (newsgraph does not link libpq). */
struct pq_api {
  void *(*exec)(void *conn, const char *sql);
  int (*status)(const void *res);
  char *(*message)(const void *res);
  void (*clear)(void *res);
};

/* PGRES_COMMAND_OK in libpq-fe.h's ExecStatusType. */
#define PQ_COMMAND_OK 1

/* Makes librdf's PostgreSQL storage usable inside a transaction. It adds
 * every node with a plain INSERT into resources, literals or bnodes and
 * takes the unique-key error (SQLSTATE 23505) for "already there"
 * (rdf_storage_postgresql.c, librdf 1.0.17); in a transaction that error
 * aborts everything after it. A rule per table turns the INSERT of a node
 * already there into nothing (PostgreSQL manual, "Rules on INSERT, UPDATE,
 * and DELETE": a conditional DO INSTEAD NOTHING), so no error is raised.
 * Runs in its own transaction on librdf's connection; true when the three
 * rules are in place. False, with the tables untouched, when libpq is not
 * loaded or the user may not change the tables: the store then commits
 * each statement (the --help text says so). */
static bool
pg_node_rules(ng_store *store)
{
  static const char *const tables[] = {"resources", "literals", "bnodes"};
  struct pq_api pq;
  void *h = dlopen("libpq.so.5", RTLD_NOW | RTLD_NOLOAD);
  if (!h) {
    return false;
  }
  *(void **)&pq.exec = dlsym(h, "PQexec");
  *(void **)&pq.status = dlsym(h, "PQresultStatus");
  *(void **)&pq.message = dlsym(h, "PQresultErrorMessage");
  *(void **)&pq.clear = dlsym(h, "PQclear");
  bool ok = pq.exec && pq.status && pq.message && pq.clear;
  if (ok && librdf_model_transaction_start(store->model) != 0) {
    ok = false;
  } else if (ok) {
    void *conn = librdf_model_transaction_get_handle(store->model);
    ok = conn != NULL;
    for (size_t i = 0; ok && i < sizeof tables / sizeof *tables; i++) {
      char sql[256];
      snprintf(sql, sizeof sql,
               "CREATE OR REPLACE RULE newsgraph_once AS ON INSERT TO %s "
               "WHERE EXISTS (SELECT 1 FROM %s t WHERE t.id = NEW.id) "
               "DO INSTEAD NOTHING",
               tables[i], tables[i]);
      void *res = pq.exec(conn, sql);
      ok = res && pq.status(res) == PQ_COMMAND_OK;
      if (!ok) {
        ng__warnf(store->world, "store %s: cannot add a rule to table %s "
                  "(%s): each statement is committed on its own",
                  store->name, tables[i],
                  res ? pq.message(res) : "no result");
      }
      if (res) {
        pq.clear(res);
      }
    }
    if (ok) {
      ok = librdf_model_transaction_commit(store->model) == 0;
    } else {
      librdf_model_transaction_rollback(store->model);
    }
  }
  dlclose(h);
  return ok;
}

/* The head of librdf's Virtuoso connection record, the handle of a
 * Virtuoso transaction (librdf_storage_virtuoso_connection in
 * rdf_storage_virtuoso_internal.h, the same since librdf 1.0.9). */
struct virtuoso_connection_head {
  int status;
  void *henv;
  void *hdbc;
};

/* Turns ODBC autocommit on or off on @p c, the connection of a Virtuoso
 * transaction (NULL: nothing to do, false). librdf 1.0.17 starts a
 * Virtuoso transaction by turning autocommit ON (rdf_storage_virtuoso.c,
 * transaction_start), so every statement commits at once and a rollback
 * undoes nothing: ng_store_begin() turns it off, end_transaction() back on
 * once the connection is in librdf's pool again. Uses the unixODBC that the
 * storage module has loaded (newsgraph does not link it). True when the
 * driver took the setting. */
static bool
virtuoso_autocommit(struct virtuoso_connection_head *c, bool on)
{
  if (!c || !c->hdbc) {
    return false;
  }
  void *h = dlopen("libodbc.so.2", RTLD_NOW | RTLD_NOLOAD);
  if (!h) {
    return false;
  }
  /* SQLSetConnectAttr(hdbc, SQL_ATTR_AUTOCOMMIT (102), SQL_AUTOCOMMIT_ON
   * (1) or _OFF (0), 0): sql.h, sqlext.h. */
  short (*set_attr)(void *, int, void *, int);
  *(void **)&set_attr = dlsym(h, "SQLSetConnectAttr");
  short rc = set_attr ? set_attr(c->hdbc, 102, (void *)(uintptr_t)on, 0)
                      : -1;
  dlclose(h);
  return rc == 0 || rc == 1; /* SQL_SUCCESS, SQL_SUCCESS_WITH_INFO */
}

/* Opens a postgresql: or virtuoso: store. PostgreSQL: a database without
 * the tables or the model is set up with new='yes' (which would truncate an
 * existing model, so only after a first open failed for that reason);
 * pg_node_rules() then makes transactions work. Virtuoso: needs an ODBC
 * DSN (odbc.ini, $ODBCINI); transactions work. */
static ng_status
open_server(ng_store *store, const char *spec)
{
  ng_world *world = store->world;
  bool pg = spec[0] == 'p';
  const char *type = pg ? "postgresql" : "virtuoso";
  const char *o = strchr(spec, ':') + 1;
  char opts[1024];
  store->kind = pg ? KIND_POSTGRESQL : KIND_SERVER;
  redact_password(store->name);
  int n = snprintf(opts, sizeof opts, "%s", o);
  if (n < 0 || (size_t)n >= sizeof opts - 16) {
    return ng__errorf(world, NG_ERR_ARG, "store options too long");
  }
  world->rdf_error[0] = '\0';
  /* A database without librdf's tables fails here, with a message
   * ("relation \"models\" does not exist") that is not the user's
   * concern: new='yes' below creates them. */
  probing_server = pg && !strstr(o, "new=");
  store->storage = librdf_new_storage(store->lw, type, "newsgraph", opts);
  probing_server = false;
  if (!store->storage && pg && !strstr(o, "new=") &&
      (strstr(world->rdf_error, "does not exist") ||
       strstr(world->rdf_error, "failed to find model"))) {
    snprintf(opts + n, sizeof opts - (size_t)n, "%snew='yes'",
             n > 0 ? "," : "");
    store->storage = librdf_new_storage(store->lw, type, "newsgraph", opts);
  }
  if (!store->storage) {
    return ng__errorf(world, NG_ERR_RDF, "cannot open %s store %s%s%s", type,
                      store->name, world->rdf_error[0] ? ": " : "",
                      world->rdf_error);
  }
  store->model = librdf_new_model(store->lw, store->storage, NULL);
  if (!store->model) {
    return ng__errorf(world, NG_ERR_RDF, "cannot open a model on store %s",
                      store->name);
  }
  if (!librdf_model_supports_contexts(store->model)) {
    return ng__errorf(world, NG_ERR_RDF, "store %s has no named graphs",
                      store->name);
  }
  if (pg) {
    store->pg_tx = pg_node_rules(store);
  }
  return NG_OK;
}

/* Registers librdf's "vsparql" query engine (SPARQL run by Virtuoso),
 * which lives in the Virtuoso storage module: the module registers it
 * when it is loaded, but librdf 1.0.17 initialises its query engines
 * after the storage modules and the registration is lost. True when it
 * could be registered. */
static bool
register_vsparql(librdf_world *lw)
{
  /* Already loaded by librdf: found by its soname, never loaded here. */
  void *h = dlopen("librdf_storage_virtuoso.so", RTLD_NOW | RTLD_NOLOAD);
  if (!h) {
    return false;
  }
  void (*init)(librdf_world *);
  *(void **)&init = dlsym(h, "librdf_init_query_virtuoso");
  if (init) {
    init(lw);
  }
  dlclose(h);
  return init != NULL;
}

/* Removes every statement of graph @p ctx; non-zero on failure. librdf
 * 1.0.17's Virtuoso storage clears the graph named "<IRI>" (brackets and
 * all) in context_remove_statements, so nothing is removed, and its
 * context_remove_statement frees the node's URI string (double free; both
 * in rdf_storage_virtuoso.c): on Virtuoso the graph is cleared with SPARQL
 * run by Virtuoso itself ("vsparql"), on the storage's connection and so
 * inside the current transaction. An IRI that cannot be written as a
 * SPARQL IRIREF is refused. */
static int
remove_context(ng_store *store, librdf_node *ctx)
{
  if (store->kind != KIND_SERVER) {
    return librdf_model_context_remove_statements(store->model, ctx);
  }
  const char *iri =
      (const char *)librdf_uri_as_string(librdf_node_get_uri(ctx));
  char text[4096];
  if (strpbrk(iri, "<>\"{}|^`\\ ") ||
      snprintf(text, sizeof text, "CLEAR SILENT GRAPH <%s>", iri) >=
          (int)sizeof text) {
    return 1;
  }
  for (const char *c = iri; *c; c++) {
    if ((unsigned char)*c < 0x20) {
      return 1;
    }
  }
  librdf_query *q = librdf_new_query(store->lw, "vsparql", NULL,
                                     (const unsigned char *)text, NULL);
  if (!q && register_vsparql(store->lw)) {
    q = librdf_new_query(store->lw, "vsparql", NULL,
                         (const unsigned char *)text, NULL);
  }
  if (!q) {
    return 1;
  }
  librdf_query_results *r = librdf_model_query_execute(store->model, q);
  int rc = r ? 0 : 1;
  if (r) {
    librdf_free_query_results(r);
  }
  librdf_free_query(q);
  return rc;
}

static ng_status
open_storage(ng_store *store, const char *spec)
{
  ng_world *world = store->world;
  char opts[1024];
  const char *type, *name;
  bool created = false;
  const char *path = NULL;
  ng_status st;

  if (strcmp(spec, "memory:") == 0) {
    /* REDLAND-NOTES.md §6.4: hashes with contexts; we only ever add
     * through context_add_statement, and each graph is written once per
     * replace from de-duplicated quads. */
    store->kind = KIND_MEMORY;
    type = "hashes";
    name = "newsgraph";
    snprintf(opts, sizeof opts,
             "hash-type='memory',contexts='yes',index-predicates='yes'");
  } else if (strncmp(spec, "bdb:", 4) == 0) {
    const char *dir = spec + 4;
    char probe[4096];
    if (!*dir) {
      /* "bdb:" alone: a folder left out, not the current one */
      return ng__errorf(world, NG_ERR_ARG, "cannot open store %s: it names "
                        "no folder (bdb:DIR; bdb:. for this one)", spec);
    }
    if (strchr(dir, '\'')) {
      return ng__errorf(world, NG_ERR_ARG, "bad store directory: %s", dir);
    }
    if (!store->writer && !exists(dir)) {
      return ng__errorf(world, NG_ERR_IO, "cannot open store %s: no such "
                        "store (no directory %s)", spec, dir);
    }
    if (!exists(dir) && mkdir(dir, 0777) != 0) {
      return ng__errorf(world, NG_ERR_IO, "cannot create store directory "
                        "%s: %s", dir, strerror(errno));
    }
    snprintf(probe, sizeof probe, "%s/newsgraph-sp2o.db", dir);
    if (!store->writer && !exists(probe)) {
      /* Checked before the lock so that no lock file is left there. */
      return ng__errorf(world, NG_ERR_RDF, "cannot open store %s: not a "
                        "newsgraph store (no newsgraph-sp2o.db in %s)", spec,
                        dir);
    }
    TRY(st, ng__lock_path(world, dir, "/newsgraph.lock", probe,
                          sizeof probe));
    TRY(st, ng__lock_take(world, spec, probe, store->writer,
                          store->lock_wait, &store->lock_fd));
    snprintf(probe, sizeof probe, "%s/newsgraph-sp2o.db", dir);
    created = !exists(probe);
    store->kind = KIND_BDB;
    type = "hashes";
    name = "newsgraph";
    int n = snprintf(opts, sizeof opts,
                     "hash-type='bdb',dir='%s',contexts='yes',"
                     "index-predicates='yes'%s",
                     dir, created ? ",new='yes'" : "");
    if (n < 0 || (size_t)n >= sizeof opts) {
      return ng__errorf(world, NG_ERR_ARG, "store directory name too long");
    }
  } else if (strncmp(spec, "postgresql:", 11) == 0 ||
             strncmp(spec, "virtuoso:", 9) == 0) {
    return open_server(store, spec);
  } else {
    size_t type_len = unknown_type(spec);
    if (type_len) {
      return ng__errorf(world, NG_ERR_ARG, "cannot open store %s: unknown "
                        "store type '%.*s'; known: %s", spec, (int)type_len,
                        spec, known_types);
    }
    path = strncmp(spec, "sqlite:", 7) == 0 ? spec + 7 : spec;
    if (!*path) {
      /* "sqlite:" alone: a path left out, not the default store */
      return ng__errorf(world, NG_ERR_ARG, "cannot open store %s: it names "
                        "no file (sqlite:PATH)", spec);
    }
    if (!store->writer && !exists(path)) {
      /* Readers never create a store (nor its lock file). */
      return ng__errorf(world, NG_ERR_IO, "cannot open store %s: no such "
                        "store", path);
    }
    /* A directory or a file that is plainly not SQLite is refused before
     * the lock, so that no lock file is left beside it. */
    if (!sqlite_or_new(path)) {
      TRY(st, check_sqlite_store(world, path));
    }
    /* One writer at a time, taken before the existence test below so two
     * builds cannot both create (new='yes' truncates) the file. */
    char lock[4096];
    TRY(st, ng__lock_path(world, path, ".lock", lock, sizeof lock));
    TRY(st, ng__lock_take(world, path, lock, store->writer,
                          store->lock_wait, &store->lock_fd));
    /* FAULT-CASES.md X05: new='yes' truncates, so only for a new file
     * (or an empty one, which holds nothing to lose). */
    struct stat sb;
    created = stat(path, &sb) != 0 ||
              (store->writer && S_ISREG(sb.st_mode) && sb.st_size == 0);
    if (!created) {
      /* Under the lock: a writer has finished creating it. A writer too
       * refuses a file that is not a newsgraph store, rather than write
       * librdf's tables into it. */
      TRY(st, check_sqlite_store(world, path));
    }
    store->kind = KIND_SQLITE;
    /* librdf's sqlite storage with indexed pattern lookups (sqliter.c);
     * the same file, tables and writes. */
    type = ng__sqliter_register(store->lw);
    name = path;
    snprintf(opts, sizeof opts, "%s", created ? "new='yes'" : "");
  }
  store->storage = librdf_new_storage(store->lw, type, name, opts);
  if (!store->storage) {
    return ng__errorf(world, NG_ERR_RDF, "cannot open %s store %s", type,
                      path ? path : spec);
  }
  store->model = librdf_new_model(store->lw, store->storage, NULL);
  if (!store->model) {
    return ng__errorf(world, NG_ERR_RDF, "cannot open a model on store %s",
                      spec);
  }
  /* The sqlite storage opens (and creates) its file with the model. */
  if (store->kind == KIND_SQLITE && store->writer) {
    TRY(st, add_sqlite_indexes(world, path));
    TRY(st, open_sqlite_writer(store, path));
  }
  if (!librdf_model_supports_contexts(store->model)) {
    return ng__errorf(world, NG_ERR_RDF, "store %s has no named graphs",
                      spec);
  }
  return NG_OK;
}

ng_status
ng_store_open(ng_world *world, const char *spec, ng_store **out)
{
  return ng_store_open_ex(world, spec, NG_STORE_WRITE, 60, out);
}

ng_status
ng_store_open_ex(ng_world *world, const char *spec, unsigned flags,
                 double wait_seconds, ng_store **out)
{
  ng_status st;
  if (!out) {
    return NG_ERR_ARG;
  }
  *out = NULL;
  if (!world) {
    return NG_ERR_ARG;
  }
  if (!spec || !*spec) {
    spec = NG_DEFAULT_STORE;
  }
  ng_store *store = calloc(1, sizeof *store);
  if (!store) {
    return NG_ERR_NOMEM;
  }
  store->world = world;
  store->lock_fd = -1;
  store->writer = (flags & NG_STORE_WRITE) != 0;
  store->lock_wait = wait_seconds;
  store->name = strdup(spec);
  if (!store->name) {
    free(store);
    return NG_ERR_NOMEM;
  }
  st = ng__store_rdf_world(world, &store->lw);
  if (st == NG_OK) {
    st = open_storage(store, spec);
  }
  if (st != NG_OK) {
    ng_store_free(store);
    return st;
  }
  store->storage_errors = world->storage_errors;
  *out = store;
  return NG_OK;
}

void
ng_store_free(ng_store *store)
{
  if (!store) {
    return;
  }
  if (store->in_batch && store->model) {
    end_transaction(store, false);
  }
  ng__sqlitew_free(store->w); /* before librdf's connection closes */
  if (store->model) {
    librdf_free_model(store->model);
  }
  if (store->storage) {
    librdf_free_storage(store->storage);
  }
  ng__lock_release(store->lock_fd); /* after the storage has closed */
  free(store->name);
  free(store);
}

/* ---------------------------------------------------------- transactions */

ng_status
ng_store_begin(ng_store *store)
{
  if (!store) {
    return NG_ERR_ARG;
  }
  if (store->in_batch) {
    return NG_OK;
  }
  if (store->w) {
    ng_status st = ng__sqlitew_begin(store->w);
    store->in_batch = st == NG_OK;
    return st;
  }
  /* Only sqlite, postgresql and virtuoso have transactions; the others
   * return non-zero and simply go on without (REDLAND-NOTES.md §1). */
  if (store->kind == KIND_SQLITE || store->kind == KIND_SERVER ||
      store->pg_tx) {
    if (librdf_model_transaction_start(store->model) != 0) {
      return ng__errorf(store->world, NG_ERR_RDF,
                        "cannot start a transaction on store %s",
                        store->name);
    }
    if (store->kind == KIND_SERVER &&
        !virtuoso_autocommit(
            librdf_model_transaction_get_handle(store->model), false)) {
      librdf_model_transaction_rollback(store->model);
      return ng__errorf(store->world, NG_ERR_RDF,
                        "cannot start a transaction on store %s "
                        "(ODBC autocommit stays on)", store->name);
    }
    store->in_batch = true;
  }
  return NG_OK;
}

/* Ends the current transaction with a commit or a rollback; 0 when done.
 * On Virtuoso, autocommit is turned back on afterwards. */
static int
end_transaction(ng_store *store, bool commit)
{
  if (store->w) {
    if (commit) {
      return ng__sqlitew_commit(store->w) == NG_OK ? 0 : 1;
    }
    ng__sqlitew_rollback(store->w);
    return 0;
  }
  struct virtuoso_connection_head *c =
      store->kind == KIND_SERVER
          ? librdf_model_transaction_get_handle(store->model)
          : NULL;
  int rc = commit ? librdf_model_transaction_commit(store->model)
                  : librdf_model_transaction_rollback(store->model);
  if (c) {
    (void)virtuoso_autocommit(c, true);
  }
  return rc;
}

ng_status
ng_store_commit(ng_store *store)
{
  if (!store) {
    return NG_ERR_ARG;
  }
  if (!store->in_batch) {
    librdf_model_sync(store->model);
    return NG_OK;
  }
  store->in_batch = false;
  if (store->w) {
    return ng__sqlitew_commit(store->w); /* rolled back on failure */
  }
  if (end_transaction(store, true) != 0) {
    end_transaction(store, false);
    return ng__errorf(store->world, NG_ERR_RDF,
                      "cannot commit to store %s (rolled back)", store->name);
  }
  return NG_OK;
}

/* Rolls back the current batch, if any (after a failed add). */
static void
rollback(ng_store *store)
{
  if (store->in_batch) {
    end_transaction(store, false);
    store->in_batch = false;
  }
}

/* ------------------------------------------------------------ statements */

static librdf_node *
make_node(librdf_world *lw, const struct ng_term *t)
{
  switch (t->kind) {
  case NG_TERM_IRI:
    return librdf_new_node_from_uri_string(lw,
                                           (const unsigned char *)t->value);
  case NG_TERM_BLANK:
    return librdf_new_node_from_blank_identifier(
        lw, (const unsigned char *)t->value);
  case NG_TERM_LITERAL: {
    librdf_uri *dt = NULL;
    const char *lang = t->lang && *t->lang ? t->lang : NULL;
    if (!lang && t->datatype) {
      dt = librdf_new_uri(lw, (const unsigned char *)t->datatype);
      if (!dt) {
        return NULL;
      }
    }
    librdf_node *n = librdf_new_node_from_typed_literal(
        lw, (const unsigned char *)t->value, lang, dt);
    if (dt) {
      librdf_free_uri(dt);
    }
    return n;
  }
  }
  return NULL;
}

/* Adds one quad to @p ctx. FAULT-CASES.md X03: the statement takes the
 * three nodes (or frees them on error); we free only the statement, and
 * context_add_statement copies it. */
static ng_status
add_quad(ng_store *store, librdf_node *ctx, const struct ng_quad *q)
{
  struct ng_term pt = {NG_TERM_IRI, q->predicate, NULL, NULL};
  librdf_node *s = make_node(store->lw, &q->subject);
  librdf_node *p = make_node(store->lw, &pt);
  librdf_node *o = make_node(store->lw, &q->object);
  if (!s || !p || !o) {
    if (s) {
      librdf_free_node(s);
    }
    if (p) {
      librdf_free_node(p);
    }
    if (o) {
      librdf_free_node(o);
    }
    return NG_ERR_NOMEM;
  }
  librdf_statement *stmt = librdf_new_statement_from_nodes(store->lw, s, p, o);
  if (!stmt) {
    return NG_ERR_NOMEM;
  }
  int rc = librdf_model_context_add_statement(store->model, ctx, stmt);
  librdf_free_statement(stmt);
  return rc ? NG_ERR_RDF : NG_OK;
}

ng_status
ng__store_replace_graph(ng_store *store, const char *graph,
                        const struct ng_quads *quads)
{
  ng_status st = NG_OK;
  bool own_batch = !store->in_batch;
  librdf_node *ctx = librdf_new_node_from_uri_string(
      store->lw, (const unsigned char *)graph);
  if (!ctx) {
    return NG_ERR_NOMEM;
  }
  if (own_batch) {
    TRY_DONE(st, ng_store_begin(store));
  }
  /* VOCABULARY.md "Graph layout": re-ingest replaces the article's graph
   * and changes nothing else. */
  if (store->w) {
    TRY_DONE(st, ng__sqlitew_replace(store->w, graph, quads));
  } else if (librdf_model_contains_context(store->model, ctx) &&
      remove_context(store, ctx) != 0) {
    st = ng__errorf(store->world, NG_ERR_RDF, "cannot remove graph %s",
                    graph);
    goto done;
  }
  for (size_t i = 0; !store->w && i < quads->n; i++) {
    st = add_quad(store, ctx, &quads->q[i]);
    if (st != NG_OK) {
      st = ng__errorf(store->world, st, "cannot add to graph %s", graph);
      goto done;
    }
  }
  if (own_batch) {
    st = ng_store_commit(store);
  }
done:
  if (st != NG_OK) {
    rollback(store);
  }
  librdf_free_node(ctx);
  return st;
}

ng_status
ng_store_add_doc(ng_store *store, ng_doc *doc)
{
  ng_status st;
  struct ng_quads qs = {0};
  char *graph = NULL;
  if (!store || !doc) {
    return NG_ERR_ARG;
  }
  ng_world *world = store->world;
  TRY(st, ng_doc_extract(world, doc));
  unsigned flags = (world->emit_flags & NG_EMIT_NIF) ? NG__EMIT_NIF : 0;
  TRY_DONE(st, ng__emit_doc(world, doc, flags, &qs));
  TRY_DONE(st, ng__emit_graph_iri(doc, &graph));
  TRY_DONE(st, ng__store_replace_graph(store, graph, &qs));
done:
  free(graph);
  ng__quads_clear(&qs);
  return st;
}

ng_status
ng_store_remove_graph(ng_store *store, const char *graph_iri)
{
  struct ng_quads none = {0};
  if (!store || !graph_iri) {
    return NG_ERR_ARG;
  }
  librdf_node *ctx = librdf_new_node_from_uri_string(
      store->lw, (const unsigned char *)graph_iri);
  if (!ctx) {
    return NG_ERR_NOMEM;
  }
  int has = librdf_model_contains_context(store->model, ctx);
  librdf_free_node(ctx);
  if (!has) {
    return ng__errorf(store->world, NG_NOT_FOUND, "no graph %s in store %s",
                      graph_iri, store->name);
  }
  return ng__store_replace_graph(store, graph_iri, &none);
}

/* -------------------------------------------------------------- reading */

bool
ng__store_term(void *node, struct ng_term *t)
{
  librdf_node *n = node;
  memset(t, 0, sizeof *t);
  switch (librdf_node_get_type(n)) {
  case LIBRDF_NODE_TYPE_RESOURCE:
    t->kind = NG_TERM_IRI;
    t->value = (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
    return t->value != NULL;
  case LIBRDF_NODE_TYPE_BLANK:
    t->kind = NG_TERM_BLANK;
    t->value = (const char *)librdf_node_get_blank_identifier(n);
    return t->value != NULL;
  case LIBRDF_NODE_TYPE_LITERAL: {
    librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(n);
    t->kind = NG_TERM_LITERAL;
    t->value = (const char *)librdf_node_get_literal_value(n);
    t->lang = librdf_node_get_literal_value_language(n);
    t->datatype = dt ? (const char *)librdf_uri_as_string(dt) : NULL;
    if (t->value) {
      fix_server_literal(n, t);
    }
    return t->value != NULL;
  }
  case LIBRDF_NODE_TYPE_UNKNOWN:
    return false;
  }
  return false;
}

/* Copies the statement (and context) under the stream into @p qs. */
static ng_status
collect(struct ng_quads *qs, librdf_statement *stmt, const char *graph)
{
  struct ng_term s, p, o;
  if (!ng__store_term(librdf_statement_get_subject(stmt), &s) ||
      !ng__store_term(librdf_statement_get_predicate(stmt), &p) ||
      !ng__store_term(librdf_statement_get_object(stmt), &o)) {
    return NG_OK; /* not representable: skip */
  }
  return ng__quads_add_copy(qs, graph, &s, p.value, &o);
}

static int
cmp_str(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sets *out to the sorted graph IRIs of the store (free each and the
 * array). */
static ng_status
list_graphs(ng_store *store, char ***out, size_t *n_out)
{
  char **v = NULL;
  size_t n = 0, cap = 0;
  ng_status st = NG_OK;
  *out = NULL;
  *n_out = 0;
  librdf_iterator *it = librdf_model_get_contexts(store->model);
  if (!it) {
    return NG_OK; /* no contexts at all */
  }
  for (; !librdf_iterator_end(it); librdf_iterator_next(it)) {
    librdf_node *ctx = librdf_iterator_get_object(it);
    if (!ctx || !librdf_node_is_resource(ctx)) {
      continue;
    }
    const char *s =
        (const char *)librdf_uri_as_string(librdf_node_get_uri(ctx));
    if (is_server_internal_graph(store, s)) {
      continue;
    }
    if (n == cap) {
      size_t ncap = cap ? 2 * cap : 64;
      char **p = realloc(v, ncap * sizeof *p);
      if (!p) {
        st = NG_ERR_NOMEM;
        break;
      }
      v = p;
      cap = ncap;
    }
    v[n] = strdup(s);
    if (!v[n]) {
      st = NG_ERR_NOMEM;
      break;
    }
    n++;
  }
  librdf_free_iterator(it);
  if (st == NG_OK) {
    if (n > 1) {
      qsort(v, n, sizeof *v, cmp_str);
    }
    /* Some storages list a context once per statement: de-duplicate. */
    size_t w = 0;
    for (size_t r = 0; r < n; r++) {
      if (w > 0 && strcmp(v[w - 1], v[r]) == 0) {
        free(v[r]);
      } else {
        v[w++] = v[r];
      }
    }
    n = w;
    *out = v;
    *n_out = n;
    return NG_OK;
  }
  for (size_t i = 0; i < n; i++) {
    free(v[i]);
  }
  free(v);
  return st;
}

static void
free_list(char **v, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    free(v[i]);
  }
  free(v);
}

ng_status
ng__store_graphs(ng_store *store, char ***out, size_t *n_out)
{
  return list_graphs(store, out, n_out);
}

void
ng__store_free_graphs(char **graphs, size_t n)
{
  free_list(graphs, n);
}

/* Writes graph @p graph: its statements are read into memory (one
 * article's graph, not the store), sorted so the output does not depend
 * on the storage's order or the ingest history, and written. */
static ng_status
write_graph(ng_store *store, struct ng_writer *w, const char *graph)
{
  ng_status st = NG_OK;
  struct ng_quads qs = {0};
  librdf_node *ctx = librdf_new_node_from_uri_string(
      store->lw, (const unsigned char *)graph);
  if (!ctx) {
    return NG_ERR_NOMEM;
  }
  librdf_stream *stream = librdf_model_context_as_stream(store->model, ctx);
  if (!stream) {
    librdf_free_node(ctx);
    return ng__errorf(store->world, NG_ERR_RDF, "cannot read graph %s",
                      graph);
  }
  for (; !librdf_stream_end(stream); librdf_stream_next(stream)) {
    librdf_statement *stmt = librdf_stream_get_object(stream);
    if (stmt) {
      TRY_DONE(st, collect(&qs, stmt, graph));
    }
  }
  if (store->kind == KIND_SERVER) {
    repair_lang_tags(&qs);
  }
  ng__quads_sort(&qs, graph);
  for (size_t i = 0; i < qs.n; i++) {
    TRY_DONE(st, ng__writer_write(w, &qs.q[i]));
  }
done:
  librdf_free_stream(stream);
  librdf_free_node(ctx);
  ng__quads_clear(&qs);
  return st;
}

ng_status
ng_store_write(ng_store *store, ng_syntax syntax, const char *graph_iri,
               FILE *out)
{
  ng_status st;
  struct ng_writer *w = NULL;
  char **graphs = NULL;
  size_t n = 0;
  if (!store || !out) {
    return NG_ERR_ARG;
  }
  if (graph_iri) {
    librdf_node *ctx = librdf_new_node_from_uri_string(
        store->lw, (const unsigned char *)graph_iri);
    int has = ctx ? librdf_model_contains_context(store->model, ctx) : 0;
    if (ctx) {
      librdf_free_node(ctx);
    }
    if (!has) {
      return ng__errorf(store->world, NG_NOT_FOUND, "no graph %s in store "
                        "%s", graph_iri, store->name);
    }
  } else {
    TRY(st, list_graphs(store, &graphs, &n));
  }
  TRY_DONE(st, ng__writer_new(store->world, syntax, out, &w));
  if (graph_iri) {
    TRY_DONE(st, write_graph(store, w, graph_iri));
  }
  for (size_t i = 0; i < n; i++) {
    TRY_DONE(st, write_graph(store, w, graphs[i]));
  }
  st = ng__writer_finish(w);
done:
  ng__writer_free(w);
  free_list(graphs, n);
  return st;
}

ng_status
ng_store_write_graphs(ng_store *store, FILE *out)
{
  ng_status st;
  char **graphs = NULL;
  size_t n = 0;
  if (!store || !out) {
    return NG_ERR_ARG;
  }
  TRY(st, list_graphs(store, &graphs, &n));
  for (size_t i = 0; i < n; i++) {
    fprintf(out, "%s\n", graphs[i]);
  }
  free_list(graphs, n);
  if (fflush(out) != 0 || ferror(out)) {
    return ng__errorf(store->world, NG_ERR_IO, "cannot write the output: "
                      "%s", strerror(errno));
  }
  return NG_OK;
}

ng_status
ng_store_count(ng_store *store, size_t *n_graphs, size_t *n_quads)
{
  ng_status st;
  char **graphs = NULL;
  size_t n = 0, total = 0;
  if (!store || !n_graphs || !n_quads) {
    return NG_ERR_ARG;
  }
  TRY(st, list_graphs(store, &graphs, &n));
  /* librdf_model_size() is -1 on BDB (REDLAND-NOTES.md §6.6): count. */
  for (size_t i = 0; i < n && st == NG_OK; i++) {
    librdf_node *ctx = librdf_new_node_from_uri_string(
        store->lw, (const unsigned char *)graphs[i]);
    librdf_stream *s =
        ctx ? librdf_model_context_as_stream(store->model, ctx) : NULL;
    if (!s) {
      st = NG_ERR_RDF;
    }
    for (; s && !librdf_stream_end(s); librdf_stream_next(s)) {
      total++;
    }
    if (s) {
      librdf_free_stream(s);
    }
    if (ctx) {
      librdf_free_node(ctx);
    }
  }
  free_list(graphs, n);
  *n_graphs = n;
  *n_quads = total;
  return st;
}

/* The first literal object of (@p subject, @p predicate) in any graph,
 * copied into *out (NULL when none). */
static ng_status
literal_of(ng_store *store, librdf_node *subject, const char *predicate,
           char **out)
{
  *out = NULL;
  librdf_node *p = librdf_new_node_from_uri_string(
      store->lw, (const unsigned char *)predicate);
  if (!p) {
    return NG_ERR_NOMEM;
  }
  librdf_node *o = librdf_model_get_target(store->model, subject, p);
  librdf_free_node(p);
  if (o && librdf_node_is_literal(o)) {
    const char *v = (const char *)librdf_node_get_literal_value(o);
    *out = v ? strdup(v) : NULL;
    if (v && !*out) {
      librdf_free_node(o);
      return NG_ERR_NOMEM;
    }
  }
  if (o) {
    librdf_free_node(o);
  }
  return NG_OK;
}

ng_status
ng_store_get_validators(ng_store *store, const char *url, char **etag,
                        char **last_modified)
{
  ng_status st;
  char *iri = NULL;
  librdf_node *p = NULL, *o = NULL, *article = NULL;
  librdf_iterator *it = NULL;
  if (!store || !url || !etag || !last_modified) {
    return NG_ERR_ARG;
  }
  *etag = NULL;
  *last_modified = NULL;
  TRY(st, ng__iri_sanitize(url, &iri));
  p = librdf_new_node_from_uri_string(store->lw,
                                      (const unsigned char *)NG_REQUESTED_URL);
  o = librdf_new_node_from_uri_string(store->lw, (const unsigned char *)iri);
  it = p && o ? librdf_model_get_sources(store->model, p, o) : NULL;
  if (!it) {
    st = p && o ? NG_ERR_RDF : NG_ERR_NOMEM;
    goto done;
  }
  /* One article fetched from the URL: its validators. Two (the page
   * moved to a new canonical URL since) or none: fetch unconditionally. */
  for (int n = 0; !librdf_iterator_end(it); librdf_iterator_next(it), n++) {
    librdf_node *s = librdf_iterator_get_object(it);
    if (n > 0 || !s) {
      if (article) {
        librdf_free_node(article);
      }
      article = NULL;
      goto done;
    }
    article = librdf_new_node_from_node(s);
    if (!article) {
      st = NG_ERR_NOMEM;
      goto done;
    }
  }
done:
  if (st == NG_OK && article) {
    st = literal_of(store, article, NG_HTTP_ETAG, etag);
    if (st == NG_OK) {
      st = literal_of(store, article, NG_HTTP_LAST_MODIFIED, last_modified);
    }
    if (st != NG_OK) {
      free(*etag);
      *etag = NULL;
    }
  }
  if (st == NG_ERR_RDF) {
    st = ng__errorf(store->world, st, "cannot look up %s in store %s", url,
                    store->name);
  }
  if (article) {
    librdf_free_node(article);
  }
  if (it) {
    librdf_free_iterator(it);
  }
  if (p) {
    librdf_free_node(p);
  }
  if (o) {
    librdf_free_node(o);
  }
  free(iri);
  return st;
}
