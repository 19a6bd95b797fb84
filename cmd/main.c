/* SPDX-License-Identifier: MIT */
/* newsgraph command line: options → ng_* calls → exit status. The only
 * file that prints results or exits (STYLE.md 2.3 rule 10: 0 all inputs
 * done, 1 some input failed, 2 usage error). Uses only newsgraph.h. */
#include "newsgraph.h"

#include "options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Inputs per store transaction in build (REDLAND-NOTES.md §6.3). */
#define BATCH_SIZE 100
/* Largest query file read with -f, and longest @LIST line. */
#define MAX_QUERY_BYTES (1024 * 1024)

/* The last error the library reported, captured by the sink so the CLI
 * can name the input first ("newsgraph: cannot extract X: why"). */
struct cli {
  const struct ng_cli_options *opts;
  ng_world *world;
  char last_error[1024];
  ng_crawl *crawl; /* the URL inputs, fetched concurrently, or NULL */
};

static void
sink(void *handle, ng_log_level level, const char *msg)
{
  struct cli *cli = handle;
  if (level == NG_LOG_ERROR) {
    snprintf(cli->last_error, sizeof cli->last_error, "%s", msg);
  } else if (level == NG_LOG_WARNING && !cli->opts->quiet) {
    fprintf(stderr, "newsgraph: warning: %s\n", msg);
  }
}

/* Reports a failed step on one object and returns 1, naming the object
 * once: a library message that is already a whole "cannot ... OBJECT ..."
 * sentence is printed as it is ("newsgraph: cannot read a.html: No such
 * file", not "cannot load a.html: cannot read a.html: ..."), and one that
 * starts "OBJECT: " loses that prefix. */
static int
fail(struct cli *cli, const char *what, const char *object, ng_status st)
{
  const char *why = cli->last_error[0] ? cli->last_error : ng_strerror(st);
  size_t n = strlen(object);
  if (n > 1 && strncmp(why, "cannot ", 7) == 0 && strstr(why, object)) {
    fprintf(stderr, "newsgraph: %s\n", why);
  } else {
    if (n > 1 && strncmp(why, object, n) == 0 &&
        strncmp(why + n, ": ", 2) == 0) {
      why += n + 2;
    }
    fprintf(stderr, "newsgraph: cannot %s %s: %s\n", what, object, why);
  }
  cli->last_error[0] = '\0';
  return 1;
}

/* ---------------------------------------------------------------- inputs */

struct inputs {
  char **v;  /* owned copies */
  size_t n, cap;
  int failed; /* @LIST files that could not be read */
  char **date; /* a feed's date for input i < n_date, or NULL */
  size_t n_date;
};

static bool
inputs_add(struct inputs *in, const char *s, size_t len)
{
  if (in->n == in->cap) {
    size_t ncap = in->cap ? 2 * in->cap : 16;
    char **p = realloc(in->v, ncap * sizeof *p);
    if (!p) {
      return false;
    }
    in->v = p;
    in->cap = ncap;
  }
  char *c = malloc(len + 1);
  if (!c) {
    return false;
  }
  memcpy(c, s, len);
  c[len] = '\0';
  in->v[in->n++] = c;
  return true;
}

static void
inputs_free(struct inputs *in)
{
  for (size_t i = 0; i < in->n; i++) {
    free(in->v[i]);
  }
  for (size_t i = 0; i < in->n_date; i++) {
    free(in->date[i]);
  }
  free(in->v);
  free(in->date);
}

/* The feed date of input @p i, or NULL. */
static const char *
inputs_date(const struct inputs *in, size_t i)
{
  return i < in->n_date ? in->date[i] : NULL;
}

/* Appends a feed's article @p url with its feed date @p date (or NULL). */
static bool
inputs_add_dated(struct inputs *in, const char *url, const char *date)
{
  if (!inputs_add(in, url, strlen(url))) {
    return false;
  }
  char **d = realloc(in->date, in->cap * sizeof *d);
  if (!d) {
    return false;
  }
  for (size_t i = in->n_date; i < in->n; i++) {
    d[i] = NULL; /* inputs that are not from a feed, and the new one */
  }
  in->date = d;
  in->n_date = in->n;
  in->date[in->n - 1] = date ? strdup(date) : NULL;
  return !date || in->date[in->n - 1];
}

/* Adds the articles of every --feed to @p in, each URL once (also when
 * several feeds or an INPUT name it). A feed that cannot be read is
 * reported and counted in in->failed. False when out of memory. */
static bool
add_feeds(struct cli *cli, struct inputs *in)
{
  const struct ng_cli_options *o = cli->opts;
  if (o->n_feeds == 0) {
    return true;
  }
  ng_feed *feed = ng_feed_new();
  if (!feed) {
    return false;
  }
  for (size_t f = 0; f < o->n_feeds; f++) {
    size_t before = ng_feed_count(feed);
    cli->last_error[0] = '\0';
    ng_status st = ng_feed_read(cli->world, feed, o->feeds[f]);
    if (st == NG_ERR_NOMEM) {
      ng_feed_free(feed);
      return false;
    }
    if (st != NG_OK) {
      fail(cli, "read the feed", o->feeds[f], st);
      in->failed++;
    } else if (ng_feed_count(feed) == before && !o->quiet) {
      fprintf(stderr, "newsgraph: warning: the feed %s lists no new "
              "articles\n", o->feeds[f]);
    }
  }
  size_t n_plain = in->n;
  for (size_t i = 0; i < ng_feed_count(feed); i++) {
    const char *url = ng_feed_url(feed, i);
    bool seen = false;
    for (size_t k = 0; k < n_plain && !seen; k++) {
      seen = strcmp(in->v[k], url) == 0;
    }
    if (!seen && !inputs_add_dated(in, url, ng_feed_date(feed, i))) {
      ng_feed_free(feed);
      return false;
    }
  }
  ng_feed_free(feed);
  return true;
}

/* Expands the INPUT arguments: "@LIST" reads a file of inputs, one a
 * line (blank lines and lines starting with '#' are skipped). */
static bool
expand_inputs(const struct ng_cli_options *o, struct inputs *in)
{
  for (size_t i = 0; i < o->n_args; i++) {
    const char *a = o->args[i];
    if (a[0] != '@' || a[1] == '\0') {
      if (!inputs_add(in, a, strlen(a))) {
        return false;
      }
      continue;
    }
    FILE *f = fopen(a + 1, "r");
    if (!f) {
      fprintf(stderr, "newsgraph: cannot read input list %s: %s\n", a + 1,
              strerror(errno));
      in->failed++;
      continue;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) >= 0) {
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
                         line[len - 1] == ' ' || line[len - 1] == '\t')) {
        len--;
      }
      size_t b = 0;
      while (b < (size_t)len && (line[b] == ' ' || line[b] == '\t')) {
        b++;
      }
      if ((size_t)len > b && line[b] != '#' &&
          !inputs_add(in, line + b, (size_t)len - b)) {
        free(line);
        fclose(f);
        return false;
      }
    }
    if (ferror(f)) {
      fprintf(stderr, "newsgraph: cannot read input list %s: %s\n", a + 1,
              strerror(errno));
      in->failed++;
    }
    free(line);
    fclose(f);
  }
  return true;
}

/* Applies --url, --date and the feed date @p feed_date (may be NULL) to
 * @p doc (taken) and extracts it. *out is NULL on failure (already
 * reported, naming @p label). */
static int
prepare_doc(struct cli *cli, ng_doc *doc, const char *label,
            const char *feed_date, ng_doc **out)
{
  const struct ng_cli_options *o = cli->opts;
  ng_status st;
  *out = NULL;
  st = o->url ? ng_doc_set_url(doc, o->url) : NG_OK;
  if (st != NG_OK) {
    ng_doc_free(doc);
    return fail(cli, "set the URL of", label, st);
  }
  st = o->date ? ng_doc_set_date(doc, o->date) : NG_OK;
  if (st != NG_OK) {
    ng_doc_free(doc);
    return fail(cli, "set the date of", label, st);
  }
  if (feed_date && !o->date) {
    /* below the page's own date: applied once the page is parsed */
    st = ng_doc_parse(cli->world, doc);
    if (st == NG_OK) {
      st = ng_doc_set_fallback_date(doc, feed_date);
    }
  }
  if (st == NG_OK) {
    st = ng_doc_extract(cli->world, doc);
  }
  if (st != NG_OK) {
    ng_doc_free(doc);
    return fail(cli, "extract", label, st);
  }
  *out = doc;
  return 0;
}

/* True if @p input is fetched (ng_doc_load()'s rule). */
static bool
is_url(const char *input)
{
  return strncasecmp(input, "http://", 7) == 0 ||
         strncasecmp(input, "https://", 8) == 0;
}

/* Loads one input: URLs come from the crawl, in the order start_crawl()
 * added them. Returns 0 with *out the doc, 1 on failure (reported), or
 * -1 for a URL not modified since the store's copy (HTTP 304). */
static int
fetch_doc(struct cli *cli, const char *input, ng_doc **out)
{
  ng_status st;
  *out = NULL;
  cli->last_error[0] = '\0';
  if (cli->crawl && is_url(input)) {
    st = ng_crawl_next(cli->crawl, NULL, out);
    if (st == NG_NOT_FOUND) {
      cli->last_error[0] = '\0';
      return -1;
    }
  } else {
    st = ng_doc_load(cli->world, input, out);
  }
  return st == NG_OK ? 0 : fail(cli, "load", input, st);
}

/* Loads, applies --url/--date (and the feed date, when the input came
 * from a feed), and extracts one input. *out is NULL on failure (already
 * reported). Returns as fetch_doc(). */
static int
load_doc(struct cli *cli, const char *input, const char *feed_date,
         ng_doc **out)
{
  ng_doc *doc = NULL;
  int rc = fetch_doc(cli, input, &doc);
  *out = NULL;
  if (rc) {
    return rc;
  }
  return prepare_doc(cli, doc, input, feed_date, out);
}

/* Queues the URL inputs on a crawl, so that load_doc() gets them fetched
 * --jobs at a time: with two URLs or more, or, for build (@p store not
 * NULL), one. For build, a URL the store already has an article from is
 * requested with that article's ETag and Last-Modified (unless
 * --refetch), so an unchanged page costs one HTTP 304. 0, or 1 on
 * failure. */
static int
start_crawl(struct cli *cli, const struct inputs *in, ng_store *store)
{
  size_t urls = 0;
  for (size_t i = 0; i < in->n; i++) {
    urls += is_url(in->v[i]);
  }
  if (urls == 0 || (urls < 2 && !store)) {
    return 0;
  }
  bool conditional = store && !cli->opts->refetch;
  ng_status st = ng_crawl_new(cli->world, &cli->crawl);
  for (size_t i = 0; st == NG_OK && i < in->n; i++) {
    char *etag = NULL, *last_modified = NULL;
    if (!is_url(in->v[i])) {
      continue;
    }
    if (conditional) {
      st = ng_store_get_validators(store, in->v[i], &etag, &last_modified);
      if (st != NG_OK) {
        return fail(cli, "look up", in->v[i], st);
      }
    }
    st = ng_crawl_add(cli->crawl, in->v[i], etag, last_modified);
    free(etag);
    free(last_modified);
  }
  return st == NG_OK ? 0 : fail(cli, "fetch", "the URL inputs", st);
}

/* Reads the WARC file @p path and hands each article, extracted, to
 * @p use, which takes the doc and returns NG_OK (done), NG_NOT_FOUND
 * (failed and reported; go on) or another status (failed and reported;
 * stop). Counts articles done and failed (bad records included) in *done
 * and *failed. Returns the status that stopped it, else NG_OK. */
static ng_status
each_warc_doc(struct cli *cli, const char *path,
              ng_status (*use)(struct cli *, ng_doc *, const char *, void *),
              void *ctx, size_t *done, size_t *failed)
{
  ng_warc *warc = NULL;
  ng_status st;
  cli->last_error[0] = '\0';
  st = ng_warc_open(cli->world, path, &warc);
  if (st != NG_OK) {
    fail(cli, "read", path, st);
    (*failed)++;
    return NG_OK;
  }
  for (;;) {
    ng_doc *doc = NULL, *ready = NULL;
    cli->last_error[0] = '\0';
    st = ng_warc_next(warc, &doc);
    if (st == NG_NOT_FOUND) {
      st = NG_OK;
      break;
    }
    if (st == NG_ERR_IO || st == NG_ERR_NOMEM) {
      fail(cli, "read", path, st);
      (*failed)++;
      st = NG_OK;
      break;
    }
    if (st != NG_OK) {
      /* a bad record: the message names the file and the offset */
      fprintf(stderr, "newsgraph: skipping a record: %s\n",
              cli->last_error[0] ? cli->last_error : ng_strerror(st));
      cli->last_error[0] = '\0';
      (*failed)++;
      continue;
    }
    char label[1024];
    snprintf(label, sizeof label, "the record at offset %llu of %s",
             (unsigned long long)ng_warc_offset(warc), path);
    if (prepare_doc(cli, doc, label, NULL, &ready)) {
      (*failed)++;
      continue;
    }
    st = use(cli, ready, label, ctx);
    if (st == NG_OK) {
      (*done)++;
      continue;
    }
    (*failed)++;
    if (st != NG_NOT_FOUND) {
      break;
    }
    st = NG_OK;
  }
  ng_warc_free(warc);
  return st;
}

/* -------------------------------------------------------------- commands */

/* The main text of each input. With several inputs, --json writes one
 * JSON object a line (JSON Lines) and the plain text of each input
 * follows a "==> INPUT <==" line, as head(1) does. */
static int
cmd_text(struct cli *cli, const struct inputs *in)
{
  int rc = in->failed ? 1 : 0;
  bool several = in->n + (size_t)in->failed > 1;
  for (size_t i = 0; i < in->n; i++) {
    const char *input = in->v[i];
    ng_doc *doc = NULL;
    if (fetch_doc(cli, input, &doc)) {
      rc = 1;
      continue;
    }
    ng_status st = ng_doc_parse(cli->world, doc);
    if (st != NG_OK) {
      ng_doc_free(doc);
      rc = fail(cli, "parse", input, st);
      continue;
    }
    if (cli->opts->json) {
      st = ng_doc_write_json(doc, stdout);
    } else {
      const char *text = ng_doc_get_text(doc);
      if (several) {
        printf("%s==> %s <==\n", i > 0 ? "\n" : "", input);
      }
      fputs(text ? text : "", stdout);
      fputc('\n', stdout);
      st = fflush(stdout) == 0 && !ferror(stdout) ? NG_OK : NG_ERR_IO;
    }
    ng_doc_free(doc);
    if (st != NG_OK) {
      return fail(cli, "write", "standard output", st);
    }
  }
  return rc;
}

static ng_syntax
syntax_of(const char *format)
{
  ng_syntax syntax = NG_SYNTAX_TURTLE;
  if (format && ng_syntax_parse(format, &syntax) != NG_OK) {
    syntax = NG_SYNTAX_TURTLE; /* options.c accepted only known names */
  }
  return syntax;
}

/* Where cmd_extract() puts each WARC article. */
struct extract_to {
  ng_store *mem;    /* memory store (RDF/XML), or NULL: standard output */
  ng_syntax syntax; /* output syntax */
};

/* each_warc_doc() callback of cmd_extract(). */
static ng_status
extract_use(struct cli *cli, ng_doc *doc, const char *label, void *ctx)
{
  const struct extract_to *x = ctx;
  ng_status st = x->mem ? ng_store_add_doc(x->mem, doc)
                        : ng_doc_write(cli->world, doc, x->syntax, stdout);
  ng_doc_free(doc);
  if (st == NG_ERR_IO) {
    return st;
  }
  if (st != NG_OK) {
    fail(cli, "write the graph of", label, st);
    return NG_NOT_FOUND;
  }
  return NG_OK;
}

static int
cmd_extract(struct cli *cli, const struct inputs *in)
{
  ng_syntax syntax = syntax_of(cli->opts->format);
  ng_store *mem = NULL;
  int rc = 0;
  ng_status st;
  /* RDF/XML cannot be concatenated: several inputs go through a memory
   * store and are written as one document. */
  if (syntax == NG_SYNTAX_RDFXML &&
      (in->n > 1 || (in->n == 1 && ng_warc_is_input(in->v[0])))) {
    st = ng_store_open(cli->world, "memory:", &mem);
    if (st != NG_OK) {
      return fail(cli, "open", "a memory store", st);
    }
  }
  for (size_t i = 0; i < in->n; i++) {
    ng_doc *doc = NULL;
    if (ng_warc_is_input(in->v[i])) {
      struct extract_to x = {mem, syntax};
      size_t n_done = 0, n_failed = 0;
      st = each_warc_doc(cli, in->v[i], extract_use, &x, &n_done, &n_failed);
      rc = n_failed ? 1 : rc;
      if (st == NG_ERR_IO) {
        ng_store_free(mem);
        return fail(cli, "write", "standard output", st);
      }
      continue;
    }
    if (load_doc(cli, in->v[i], inputs_date(in, i), &doc)) {
      rc = 1;
      continue;
    }
    st = mem ? ng_store_add_doc(mem, doc)
             : ng_doc_write(cli->world, doc, syntax, stdout);
    ng_doc_free(doc);
    if (st == NG_ERR_IO) {
      ng_store_free(mem);
      return fail(cli, "write", "standard output", st);
    }
    if (st != NG_OK) {
      rc = fail(cli, "write the graph of", in->v[i], st);
    }
  }
  if (mem) {
    st = ng_store_write(mem, syntax, NULL, stdout);
    if (st != NG_OK) {
      rc = fail(cli, "write", "standard output", st);
    }
    ng_store_free(mem);
  }
  return rc;
}

/* True if @p spec names a file store (path or sqlite:PATH) that does not
 * exist: reading commands must not create an empty one. */
static bool
missing_file_store(const char *spec)
{
  struct stat sb;
  if (!spec) {
    spec = "newsgraph.db";
  }
  if (strncmp(spec, "memory:", 7) == 0 || strncmp(spec, "bdb:", 4) == 0 ||
      strncmp(spec, "postgresql:", 11) == 0 ||
      strncmp(spec, "virtuoso:", 9) == 0) {
    return false;
  }
  if (strncmp(spec, "sqlite:", 7) == 0) {
    spec += 7;
  }
  return stat(spec, &sb) != 0;
}

static int
open_store(struct cli *cli, bool create, ng_store **store)
{
  const char *spec = cli->opts->store ? cli->opts->store : "newsgraph.db";
  if (!create && missing_file_store(spec)) {
    fprintf(stderr, "newsgraph: cannot open store %s: no such file\n", spec);
    return 1;
  }
  /* build and remove write: an exclusive lock; the rest share one. */
  bool writer = create || cli->opts->command == NG_CMD_REMOVE;
  ng_status st = ng_store_open_ex(cli->world, spec,
                                  writer ? NG_STORE_WRITE : 0,
                                  cli->opts->wait, store);
  return st == NG_OK ? 0 : fail(cli, "open store", spec, st);
}

/* Seconds since an arbitrary start (monotonic). */
static double
now_seconds(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ARCHITECTURE.md: long runs show progress on a terminal (inputs done,
 * rate, ETA) and stay quiet when stderr is not one. */
static void
progress(const struct cli *cli, size_t done, size_t total, double start,
         bool last)
{
  static double shown;
  double t = now_seconds();
  if (cli->opts->quiet || total < 2 || !isatty(STDERR_FILENO) ||
      (!last && t - shown < 0.2)) {
    return;
  }
  shown = t;
  double rate = t > start ? (double)done / (t - start) : 0;
  long eta = rate > 0 ? (long)((double)(total - done) / rate) : 0;
  fprintf(stderr, "\rnewsgraph: %zu/%zu inputs, %.1f/s, ETA %ld:%02ld  %s",
          done, total, rate, eta / 60, eta % 60, last ? "\n" : "");
}

/* Where cmd_build() puts each WARC article. */
struct build_to {
  ng_store *store;   /* the store */
  size_t *in_batch;  /* inputs in the open transaction */
};

/* each_warc_doc() callback of cmd_build(): adds the doc, committing every
 * BATCH_SIZE articles. */
static ng_status
build_use(struct cli *cli, ng_doc *doc, const char *label, void *ctx)
{
  const struct build_to *b = ctx;
  ng_status st = ng_store_add_doc(b->store, doc);
  ng_doc_free(doc);
  if (st != NG_OK) {
    fail(cli, "add to store", label, st);
    return st;
  }
  if (++*b->in_batch == BATCH_SIZE) {
    *b->in_batch = 0;
    st = ng_store_commit(b->store);
    if (st == NG_OK) {
      st = ng_store_begin(b->store);
    }
  }
  return st;
}

static int
cmd_build(struct cli *cli, const struct inputs *in)
{
  ng_store *store = NULL;
  size_t done = 0, failed = (size_t)in->failed, in_batch = 0, same = 0;
  ng_status st;
  int rc = in->failed ? 1 : 0;
  if (open_store(cli, true, &store)) {
    return 1;
  }
  if (start_crawl(cli, in, store)) {
    ng_store_free(store);
    return 1;
  }
  const char *spec = cli->opts->store ? cli->opts->store : "newsgraph.db";
  double start = now_seconds();
  st = ng_store_begin(store);
  for (size_t i = 0; st == NG_OK && i < in->n; i++) {
    ng_doc *doc = NULL;
    progress(cli, i, in->n, start, false);
    if (ng_warc_is_input(in->v[i])) {
      struct build_to b = {store, &in_batch};
      size_t n_done = 0, n_failed = 0;
      st = each_warc_doc(cli, in->v[i], build_use, &b, &n_done, &n_failed);
      done += n_done;
      failed += n_failed;
      rc = n_failed ? 1 : rc;
      continue;
    }
    int got = load_doc(cli, in->v[i], inputs_date(in, i), &doc);
    if (got < 0) {
      same++; /* HTTP 304: the store's article is current */
      continue;
    }
    if (got) {
      failed++;
      rc = 1;
      continue;
    }
    st = ng_store_add_doc(store, doc);
    ng_doc_free(doc);
    if (st != NG_OK) {
      /* A store failure rolls back the batch: stop rather than lose
       * more. */
      fail(cli, "add to store", in->v[i], st);
      failed++;
      rc = 1;
      break;
    }
    done++;
    if (++in_batch == BATCH_SIZE) {
      in_batch = 0;
      st = ng_store_commit(store);
      if (st == NG_OK) {
        st = ng_store_begin(store);
      }
    }
  }
  if (st == NG_OK) {
    st = ng_store_commit(store);
  }
  if (st != NG_OK) {
    rc = fail(cli, "commit to store", spec, st);
  }
  ng_store_free(store);
  progress(cli, in->n, in->n, start, true);
  if (same) {
    fprintf(stderr, "newsgraph: %zu article%s added to %s, %zu unchanged "
            "(HTTP 304), %zu failed\n", done, done == 1 ? "" : "s", spec,
            same, failed);
  } else {
    fprintf(stderr, "newsgraph: %zu article%s added to %s, %zu failed\n",
            done, done == 1 ? "" : "s", spec, failed);
  }
  return rc;
}

static int
cmd_export(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  ng_store *store = NULL;
  FILE *out = stdout;
  int rc = 0;
  if (open_store(cli, false, &store)) {
    return 1;
  }
  if (o->output) {
    out = fopen(o->output, "w");
  }
  if (!out) {
    fprintf(stderr, "newsgraph: cannot write %s: %s\n", o->output,
            strerror(errno));
    ng_store_free(store);
    return 1;
  }
  ng_status st = ng_store_write(store, syntax_of(o->format), o->graph, out);
  if (st != NG_OK) {
    rc = fail(cli, "export", o->graph ? o->graph : "the store", st);
  }
  if (out != stdout && fclose(out) != 0 && rc == 0) {
    fprintf(stderr, "newsgraph: cannot write %s: %s\n", o->output,
            strerror(errno));
    rc = 1;
  }
  ng_store_free(store);
  return rc;
}

/* Reads the query file (at most MAX_QUERY_BYTES) into a new string. */
static char *
read_query(const char *path)
{
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
  if (!f) {
    fprintf(stderr, "newsgraph: cannot read %s: %s\n", path, strerror(errno));
    return NULL;
  }
  char *buf = malloc(MAX_QUERY_BYTES + 1);
  size_t n = buf ? fread(buf, 1, MAX_QUERY_BYTES + 1, f) : 0;
  bool bad = !buf || ferror(f) || n > MAX_QUERY_BYTES;
  if (f != stdin) {
    fclose(f);
  }
  if (bad) {
    fprintf(stderr, "newsgraph: cannot read %s: %s\n", path,
            !buf ? "out of memory" : n > MAX_QUERY_BYTES ? "query too large"
                                                         : "read error");
    free(buf);
    return NULL;
  }
  buf[n] = '\0';
  return buf;
}

static int
cmd_query(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  ng_store *store = NULL;
  char *text = NULL;
  const char *query = o->n_args ? o->args[0] : NULL;
  if (o->query_file) {
    query = text = read_query(o->query_file);
    if (!query) {
      return 1;
    }
  }
  if (open_store(cli, false, &store)) {
    free(text);
    return 1;
  }
  ng_status st = ng_store_query_ex(store, query, o->format, o->timeout,
                                   stdout);
  ng_store_free(store);
  free(text);
  return st == NG_OK ? 0 : fail(cli, "run", "the query", st);
}

static int
cmd_graphs(struct cli *cli)
{
  ng_store *store = NULL;
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = ng_store_write_graph_list(store, cli->opts->format, stdout);
  ng_store_free(store);
  return st == NG_OK ? 0 : fail(cli, "list", "the graphs", st);
}

static int
cmd_stats(struct cli *cli)
{
  ng_store *store = NULL;
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = ng_store_write_stats(store, cli->opts->format, stdout);
  ng_store_free(store);
  return st == NG_OK ? 0 : fail(cli, "count", "the store", st);
}

static int
cmd_entity(struct cli *cli)
{
  ng_store *store = NULL;
  const char *name = cli->opts->args[0];
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = ng_store_write_entity(store, name, stdout);
  ng_store_free(store);
  if (st == NG_NOT_FOUND) {
    fprintf(stderr, "newsgraph: %s\n", cli->last_error);
    cli->last_error[0] = '\0';
    return 1;
  }
  return st == NG_OK ? 0 : fail(cli, "look up", name, st);
}

static int
cmd_remove(struct cli *cli)
{
  ng_store *store = NULL;
  const char *iri = cli->opts->args[0];
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = ng_store_remove_graph(store, iri);
  ng_store_free(store);
  return st == NG_OK ? 0 : fail(cli, "remove", iri, st);
}

static int
cmd_push(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  ng_store *store = NULL;
  size_t n_graphs = 0, n_triples = 0;
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = ng_store_push(store, o->endpoint, o->graph, o->user,
                               o->update ? NG_PUSH_UPDATE : 0, &n_graphs,
                               &n_triples);
  ng_store_free(store);
  fprintf(stderr, "newsgraph: %zu graph%s (%zu triples) pushed to %s\n",
          n_graphs, n_graphs == 1 ? "" : "s", n_triples, o->endpoint);
  return st == NG_OK ? 0 : fail(cli, "push to", o->endpoint, st);
}

/* Applies the global options to the world; 0, or 2 for a bad value. */
static int
configure(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  const struct {
    const char *name;
    const char *value;
  } set[] = {{"now", o->now}, {"data-dir", o->data}, {"base", o->base}};
  for (size_t i = 0; i < sizeof set / sizeof set[0]; i++) {
    if (set[i].value &&
        ng_world_set_option(cli->world, set[i].name, set[i].value) != NG_OK) {
      fprintf(stderr, "newsgraph: bad --%s: %s\n",
              strcmp(set[i].name, "data-dir") == 0 ? "data" : set[i].name,
              cli->last_error[0] ? cli->last_error : set[i].value);
      return 2;
    }
  }
  ng_world_set_emit_flags(cli->world, o->nif ? NG_EMIT_NIF : 0);
  char jobs[32];
  snprintf(jobs, sizeof jobs, "%ld", o->jobs);
  const struct {
    const char *name;
    const char *value;
  } fetch[] = {{"user-agent", o->user_agent}, {"delay", o->delay},
               {"retries", o->retries}, {"jobs", jobs},
               {"allow-private", o->allow_private ? "1" : NULL},
               {"ignore-robots", o->ignore_robots ? "1" : NULL}};
  for (size_t i = 0; i < sizeof fetch / sizeof fetch[0]; i++) {
    if (fetch[i].value &&
        ng_world_set_fetch_option(cli->world, fetch[i].name,
                                  fetch[i].value) != NG_OK) {
      fprintf(stderr, "newsgraph: bad --%s: %s\n", fetch[i].name,
              fetch[i].value);
      return 2;
    }
  }
  return 0;
}

static int
run(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  struct inputs in = {0};
  int rc = 2;
  if (configure(cli)) {
    return 2;
  }
  if (o->command == NG_CMD_EXTRACT || o->command == NG_CMD_BUILD ||
      o->command == NG_CMD_TEXT) {
    if (!expand_inputs(o, &in) || !add_feeds(cli, &in)) {
      inputs_free(&in);
      fprintf(stderr, "newsgraph: out of memory\n");
      return 1;
    }
    if (o->url && in.n + (size_t)in.failed > 1) {
      inputs_free(&in);
      fprintf(stderr, "newsgraph: --url applies to one INPUT only\n");
      return 2;
    }
    if (o->url && in.n == 1 && ng_warc_is_input(in.v[0])) {
      inputs_free(&in);
      fprintf(stderr, "newsgraph: --url cannot name the articles of a "
              "WARC file\n");
      return 2;
    }
  }
  if (o->command != NG_CMD_BUILD && start_crawl(cli, &in, NULL)) {
    inputs_free(&in);
    ng_crawl_free(cli->crawl);
    return 1;
  }
  switch (o->command) {
  case NG_CMD_EXTRACT: rc = cmd_extract(cli, &in) || in.failed; break;
  case NG_CMD_BUILD: rc = cmd_build(cli, &in); break;
  case NG_CMD_TEXT: rc = cmd_text(cli, &in); break;
  case NG_CMD_EXPORT: rc = cmd_export(cli); break;
  case NG_CMD_QUERY: rc = cmd_query(cli); break;
  case NG_CMD_GRAPHS: rc = cmd_graphs(cli); break;
  case NG_CMD_STATS: rc = cmd_stats(cli); break;
  case NG_CMD_REMOVE: rc = cmd_remove(cli); break;
  case NG_CMD_ENTITY: rc = cmd_entity(cli); break;
  case NG_CMD_PUSH: rc = cmd_push(cli); break;
  case NG_CMD_NONE: rc = 2; break;
  }
  ng_crawl_free(cli->crawl);
  cli->crawl = NULL;
  inputs_free(&in);
  return rc;
}

int
main(int argc, char **argv)
{
  struct ng_cli_options opts;
  struct cli cli = {&opts, NULL, "", NULL};
  int rc = ng_cli_parse(argc, argv, &opts, stderr);
  if (rc == 0 && opts.help) {
    ng_cli_usage(opts.command, stdout);
  } else if (rc == 0 && opts.version) {
    printf("newsgraph %s\n%s\n", NG_VERSION_STRING, ng_fetch_version());
  } else if (rc == 0) {
    cli.world = ng_world_new();
    if (!cli.world) {
      fprintf(stderr, "newsgraph: out of memory\n");
      rc = 1;
    } else {
      ng_world_set_log_sink(cli.world, sink, &cli);
      rc = run(&cli);
      ng_world_free(cli.world);
    }
  }
  ng_cli_options_clear(&opts);
  /* serdi's rule: a write error on stdout is a failure (exit 1). */
  if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
    fprintf(stderr, "newsgraph: cannot write standard output: %s\n",
            strerror(errno));
    return 1;
  }
  return rc;
}
