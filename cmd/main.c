/* SPDX-License-Identifier: MIT */
/* newsgraph command line: options → ng_* calls → exit status. The only
 * file that prints results or exits (STYLE.md 2.3 rule 10: 0 all inputs
 * done, 1 some input failed, 2 usage error). Uses only newsgraph.h. */
#include "newsgraph.h"

#include "draw.h"
#include "options.h"
#include "report.h"

#include <errno.h>
#include <signal.h>
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
  char store_label[1024]; /* --store with passwords hidden (open_store) */
  size_t not_read;        /* inputs left when build was interrupted */
};

/* Set by SIGINT or SIGTERM during build: no new input is read, the
 * articles already extracted are committed and the summary printed. */
static volatile sig_atomic_t interrupted;

static void
on_interrupt(int sig)
{
  interrupted = sig;
}

/* Replaces the value of every password='...' in @p s with "*": server
 * store specs (postgresql:, virtuoso:) carry one, and neither messages
 * nor summaries may show it. */
static void
hide_passwords(char *s)
{
  for (char *p = strstr(s, "password='"); p; p = strstr(p, "password='")) {
    p += 10;
    char *end = strchr(p, '\'');
    if (!end) {
      end = p + strlen(p);
    }
    if (end > p) {
      *p++ = '*';
      memmove(p, end, strlen(end) + 1);
    }
  }
}

static void
sink(void *handle, ng_log_level level, const char *msg)
{
  struct cli *cli = handle;
  if (level == NG_LOG_ERROR) {
    snprintf(cli->last_error, sizeof cli->last_error, "%s", msg);
    hide_passwords(cli->last_error);
  } else if (level == NG_LOG_WARNING && !cli->opts->quiet) {
    char text[2048];
    snprintf(text, sizeof text, "%s", msg);
    hide_passwords(text);
    fprintf(stderr, "newsgraph: warning: %s\n", text);
  }
}

/* Makes SIGINT (Ctrl-C) and SIGTERM end a build cleanly (see
 * interrupted); a second one kills it. A signal ignored on entry (a
 * background job of a script, nohup) stays ignored. Installed first thing
 * in main(), so that no signal finds the default action half-way. */
static void
catch_interrupts(void)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_interrupt;
  sa.sa_flags = SA_RESETHAND | SA_RESTART;
  sigemptyset(&sa.sa_mask);
  for (int k = 0; k < 2; k++) {
    int sig = k ? SIGTERM : SIGINT;
    struct sigaction old;
    if (sigaction(sig, NULL, &old) == 0 && old.sa_handler != SIG_IGN) {
      sigaction(sig, &sa, NULL);
    }
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

/* True if @p input is fetched (ng_doc_load()'s rule). */
static bool
is_url(const char *input)
{
  return strncasecmp(input, "http://", 7) == 0 ||
         strncasecmp(input, "https://", 8) == 0;
}

/* ------------------------------------------------------------------ jobs */

/* What a job holds. */
enum job_kind {
  JOB_DOC,        /* an article: doc, or the input for the worker to load */
  JOB_FAILED,     /* could not be fetched or read on the main thread */
  JOB_SAME,       /* a URL not modified since the store's copy (HTTP 304) */
  JOB_BAD_RECORD, /* a WARC record that is not an article: skipped */
  JOB_END         /* nothing (the end of a WARC file) */
};

/* One input, or one WARC record. It is made on the main thread (a URL
 * fetched, a record read: job_make(), job_warc()), worked on by one of
 * --jobs worker threads (job_run(), on the worker's own world), and used
 * on the main thread in input order (job_next()); ng_pool_next() passes
 * its messages to the sink in that order too, so output, messages and
 * the store do not depend on --jobs. With --jobs 1 job_run() runs on
 * the main thread: the same steps in the same order. */
struct job {
  enum job_kind kind;
  const struct ng_cli_options *opts; /* read-only on the worker */
  size_t i;              /* the input's index */
  const char *input;     /* the input as given (borrowed) */
  const char *name;      /* the object named in messages: input or label */
  const char *feed_date; /* its feed's date, or NULL (borrowed) */
  char label[1024];      /* "the record at offset N of FILE" */
  ng_doc *doc;           /* the article, or NULL: job_run() loads input */
  ng_status st;          /* JOB_FAILED, JOB_BAD_RECORD: why */
  const char *what;      /* the step that failed ("load", "extract", ...) */
  bool write;            /* job_run() writes the graph into out ... */
  ng_syntax syntax;      /* ... in this syntax (never RDF/XML: Redland) */
  char *out;             /* the graph written, or NULL */
  size_t out_len;
};

static void
job_free(struct job *j)
{
  if (j) {
    ng_doc_free(j->doc);
    free(j->out);
    free(j);
  }
}

/* Writes the graph of @p j's doc into j->out, and frees the doc. */
static ng_status
job_write(ng_world *world, struct job *j)
{
  FILE *f = open_memstream(&j->out, &j->out_len);
  if (!f) {
    return NG_ERR_NOMEM;
  }
  ng_status st = ng_doc_write(world, j->doc, j->syntax, f);
  if (fclose(f) != 0 && st == NG_OK) {
    st = NG_ERR_NOMEM;
  }
  ng_doc_free(j->doc);
  j->doc = NULL;
  return st;
}

/* The worker's part of a job (ng_pool_fn, on the worker's world): loads
 * a file input; for text parses it; else applies --url, --date and the
 * feed date (below the page's own date, so once the page is parsed),
 * extracts, and writes the graph when j->write. j->what names the step
 * that failed. */
static ng_status
job_run(ng_world *world, void *task)
{
  struct job *j = task;
  const struct ng_cli_options *o = j->opts;
  ng_status st = NG_OK;
  if (j->kind != JOB_DOC) {
    return j->st;
  }
  j->what = "load";
  if (!j->doc && (st = ng_doc_load(world, j->input, &j->doc)) != NG_OK) {
    return st;
  }
  if (o->command == NG_CMD_TEXT) {
    j->what = "parse";
    return ng_doc_parse(world, j->doc);
  }
  j->what = "set the URL of";
  if (o->url && (st = ng_doc_set_url(j->doc, o->url)) != NG_OK) {
    return st;
  }
  j->what = "set the date of";
  if (o->date && (st = ng_doc_set_date(j->doc, o->date)) != NG_OK) {
    return st;
  }
  j->what = "extract";
  if (j->feed_date && !o->date) {
    st = ng_doc_parse(world, j->doc);
    if (st == NG_OK) {
      st = ng_doc_set_fallback_date(j->doc, j->feed_date);
    }
  }
  if (st == NG_OK) {
    st = ng_doc_extract(world, j->doc);
  }
  if (st != NG_OK || !j->write) {
    return st;
  }
  j->what = "write the graph of";
  return job_write(world, j);
}

/* Makes the job of input @p i on the main thread: a URL comes from the
 * crawl (in the order start_crawl() added them) or is fetched alone; a
 * file is left for the worker to load. */
static void
job_make(struct cli *cli, const struct inputs *in, size_t i, struct job *j)
{
  ng_status st;
  j->input = j->name = in->v[i];
  j->feed_date = inputs_date(in, i);
  if (!is_url(j->input)) {
    return;
  }
  if (cli->crawl) {
    st = ng_crawl_next(cli->crawl, NULL, &j->doc);
    if (st == NG_NOT_FOUND) {
      j->kind = JOB_SAME;
      return;
    }
  } else {
    st = ng_doc_load(cli->world, j->input, &j->doc);
  }
  if (st != NG_OK) {
    j->kind = JOB_FAILED;
    j->st = st;
    j->what = "load";
  }
}

/* Reads the next record of the WARC file @p path into @p j, opening the
 * file when *warc is NULL: an article, or a bad record (skipped); at the
 * end, or when the file cannot be read, *warc is closed and NULL. */
static void
job_warc(struct cli *cli, const char *path, ng_warc **warc, struct job *j)
{
  ng_status st = NG_OK;
  j->input = j->name = path;
  j->what = "read";
  if (!*warc) {
    st = ng_warc_open(cli->world, path, warc);
  }
  if (st == NG_OK) {
    st = ng_warc_next(*warc, &j->doc);
  }
  if (st == NG_OK) {
    snprintf(j->label, sizeof j->label, "the record at offset %llu of %s",
             (unsigned long long)ng_warc_offset(*warc), path);
    j->name = j->label;
    return;
  }
  j->st = st;
  if (*warc && st != NG_NOT_FOUND && st != NG_ERR_IO && st != NG_ERR_NOMEM) {
    j->kind = JOB_BAD_RECORD; /* the message names the file and offset */
    return;
  }
  j->kind = st == NG_NOT_FOUND ? JOB_END : JOB_FAILED;
  ng_warc_free(*warc);
  *warc = NULL;
}

/* Articles done, failed and unchanged (HTTP 304). */
struct tally {
  size_t done, failed, same;
};

/* What a command does with an article ready for it, on the main thread
 * in input order; counts it in @p t. 0 to go on, 1 to stop the run (a
 * write or store failure, already reported). */
typedef int (*job_use)(struct cli *cli, struct job *j, void *ctx,
                       struct tally *t);

/* Takes the oldest job back from @p pool and reports its failure or
 * hands it to @p use. -1 when no job is left, else as @p use. */
static int
job_next(struct cli *cli, ng_pool *pool, job_use use, void *ctx,
         struct tally *t)
{
  void *task = NULL;
  ng_status st = NG_OK;
  int stop = 0;
  cli->last_error[0] = '\0';
  if (ng_pool_next(pool, &task, &st) != NG_OK) {
    return -1;
  }
  struct job *j = task;
  switch (j->kind) {
  case JOB_END: break;
  case JOB_SAME: t->same++; break;
  case JOB_BAD_RECORD:
    fprintf(stderr, "newsgraph: skipping a record: %s\n",
            cli->last_error[0] ? cli->last_error : ng_strerror(st));
    cli->last_error[0] = '\0';
    t->failed++;
    break;
  case JOB_FAILED:
  case JOB_DOC:
    if (st != NG_OK) {
      fail(cli, j->what, j->name, st);
      t->failed++;
    } else {
      stop = use(cli, j, ctx, t);
    }
    break;
  }
  job_free(j);
  return stop;
}

static double now_seconds(void);
static void progress(const struct cli *cli, size_t done, size_t total,
                     double start, bool last);

/* Runs the inputs through --jobs worker threads: URLs are fetched and WARC
 * records read here, the articles loaded (files), parsed or extracted, and
 * for extract written (@p write, in @p syntax) on the workers, and each
 * handed to @p use in input order. 1 when @p use stopped the run or out
 * of memory (reported), else 0. */
static int
run_jobs(struct cli *cli, const struct inputs *in, bool write,
         ng_syntax syntax, job_use use, void *ctx, struct tally *t)
{
  const struct ng_cli_options *o = cli->opts;
  bool text = o->command == NG_CMD_TEXT;
  ng_pool *pool = NULL;
  int stop = 0;
  double start = now_seconds();
  if (ng_pool_new(cli->world, (unsigned)o->jobs, text ? 0 : NG_POOL_EXTRACT,
                  job_run, &pool) != NG_OK) {
    fprintf(stderr, "newsgraph: out of memory\n");
    return 1;
  }
  size_t i = 0;
  for (; !stop && !interrupted && i < in->n; i++) {
    bool warc_input = !text && ng_warc_is_input(in->v[i]);
    ng_warc *warc = NULL;
    if (o->command == NG_CMD_BUILD) {
      progress(cli, i, in->n, start, false);
    }
    do {
      while (!stop && ng_pool_is_full(pool)) {
        stop = job_next(cli, pool, use, ctx, t) > 0;
      }
      struct job *j = stop ? NULL : calloc(1, sizeof *j);
      if (!j) {
        if (!stop) {
          fprintf(stderr, "newsgraph: out of memory\n");
          stop = 1;
        }
        break;
      }
      j->opts = o;
      j->i = i;
      j->write = write;
      j->syntax = syntax;
      ng_pool_hold(pool); /* messages of the fetch or read go with j */
      if (warc_input) {
        job_warc(cli, in->v[i], &warc, j);
      } else {
        job_make(cli, in, i, j);
      }
      if (ng_pool_add(pool, j) != NG_OK) {
        job_free(j);
        fprintf(stderr, "newsgraph: out of memory\n");
        stop = 1;
      }
    } while (warc && !stop && !interrupted);
    ng_warc_free(warc);
  }
  if (interrupted) {
    cli->not_read = in->n - i;
  }
  for (int r = 0; !stop && r == 0;) {
    r = job_next(cli, pool, use, ctx, t);
    stop = r > 0;
  }
  for (void *j; (j = ng_pool_cancel(pool)) != NULL;) {
    job_free(j); /* after a stop: never used, as if never read */
  }
  ng_pool_free(pool);
  return stop;
}

/* Queues the URL inputs on a crawl, so that job_make() gets them fetched
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

/* -------------------------------------------------------------- commands */

/* The main text of each input. With several inputs, --json writes one
 * JSON object a line (JSON Lines) and the plain text of each input
 * follows a "==> INPUT <==" line, as head(1) does. */
static int
text_use(struct cli *cli, struct job *j, void *ctx, struct tally *t)
{
  const bool *several = ctx;
  ng_status st;
  if (cli->opts->json) {
    st = ng_doc_write_json(j->doc, stdout);
  } else {
    const char *text = ng_doc_get_text(j->doc);
    if (*several) {
      printf("%s==> %s <==\n", j->i > 0 ? "\n" : "", j->input);
    }
    fputs(text ? text : "", stdout);
    fputc('\n', stdout);
    st = fflush(stdout) == 0 && !ferror(stdout) ? NG_OK : NG_ERR_IO;
  }
  if (st != NG_OK) {
    return fail(cli, "write", "standard output", st);
  }
  t->done++;
  return 0;
}

static int
cmd_text(struct cli *cli, const struct inputs *in)
{
  bool several = in->n + (size_t)in->failed > 1;
  struct tally t = {0};
  int stop = run_jobs(cli, in, false, NG_SYNTAX_TURTLE, text_use, &several,
                      &t);
  return stop || t.failed || in->failed ? 1 : 0;
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

/* Where cmd_extract() puts each article. */
struct extract_to {
  ng_store *mem;    /* memory store (RDF/XML), or NULL: standard output */
  ng_syntax syntax; /* output syntax */
};

/* job_use of cmd_extract(): the graph a worker wrote, or for RDF/XML
 * (Redland: this thread only) the doc, to the output. */
static int
extract_use(struct cli *cli, struct job *j, void *ctx, struct tally *t)
{
  const struct extract_to *x = ctx;
  ng_status st;
  if (j->write) {
    errno = 0;
    st = fwrite(j->out, 1, j->out_len, stdout) == j->out_len &&
                 fflush(stdout) == 0 && !ferror(stdout)
             ? NG_OK
             : NG_ERR_IO;
    if (st != NG_OK) {
      /* worded as the library's writer words it (serialize.c) */
      snprintf(cli->last_error, sizeof cli->last_error,
               "cannot write the output: %s", strerror(errno ? errno : EIO));
    }
  } else {
    st = x->mem ? ng_store_add_doc(x->mem, j->doc)
                : ng_doc_write(cli->world, j->doc, x->syntax, stdout);
  }
  if (st == NG_ERR_IO) {
    return fail(cli, "write", "standard output", st);
  }
  if (st != NG_OK) {
    fail(cli, "write the graph of", j->name, st);
    t->failed++;
    return 0;
  }
  t->done++;
  return 0;
}

static int
cmd_extract(struct cli *cli, const struct inputs *in)
{
  ng_syntax syntax = syntax_of(cli->opts->format);
  ng_store *mem = NULL;
  struct tally t = {0};
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
  struct extract_to x = {mem, syntax};
  if (run_jobs(cli, in, syntax != NG_SYNTAX_RDFXML, syntax, extract_use, &x,
               &t)) {
    ng_store_free(mem);
    return 1;
  }
  rc = t.failed ? 1 : 0;
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
  snprintf(cli->store_label, sizeof cli->store_label, "%s", spec);
  hide_passwords(cli->store_label);
  if (!create && missing_file_store(spec)) {
    fprintf(stderr, "newsgraph: cannot open store %s: no such file\n", spec);
    return 1;
  }
  /* build and remove write: an exclusive lock; the rest share one. */
  bool writer = create || cli->opts->command == NG_CMD_REMOVE;
  ng_status st = ng_store_open_ex(cli->world, spec,
                                  writer ? NG_STORE_WRITE : 0,
                                  cli->opts->wait, store);
  return st == NG_OK ? 0 : fail(cli, "open store", cli->store_label, st);
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

/* Where cmd_build() puts each article. */
struct build_to {
  ng_store *store;  /* the store */
  size_t in_batch;  /* articles in the open transaction */
  ng_status st;     /* the store failure that stopped the build */
};

/* job_use of cmd_build(): adds the doc (its graph is emitted here, as
 * Redland stays on this thread), committing every BATCH_SIZE articles. */
static int
build_use(struct cli *cli, struct job *j, void *ctx, struct tally *t)
{
  struct build_to *b = ctx;
  ng_status st = ng_store_add_doc(b->store, j->doc);
  if (st != NG_OK) {
    /* A store failure rolls back the batch: stop rather than lose
     * more. The batch's articles are not in the store either. */
    fail(cli, "add to store", j->name, st);
    t->failed += 1 + b->in_batch;
    t->done -= b->in_batch;
    b->in_batch = 0;
    b->st = st;
    return 1;
  }
  t->done++;
  if (++b->in_batch == BATCH_SIZE) {
    st = ng_store_commit(b->store);
    if (st != NG_OK) {
      /* rolled back: none of the batch was added (faults) */
      t->failed += b->in_batch;
      t->done -= b->in_batch;
    }
    b->in_batch = 0;
    if (st == NG_OK) {
      st = ng_store_begin(b->store);
    }
  }
  b->st = st;
  return st != NG_OK;
}

static int
cmd_build(struct cli *cli, const struct inputs *in)
{
  ng_store *store = NULL;
  struct tally t = {0, (size_t)in->failed, 0};
  ng_status st;
  int rc = 0;
  if (open_store(cli, true, &store)) {
    return 1;
  }
  if (start_crawl(cli, in, store)) {
    ng_store_free(store);
    return 1;
  }
  const char *spec = cli->store_label;
  double start = now_seconds();
  struct build_to b = {store, 0, NG_OK};
  st = ng_store_begin(store);
  if (st == NG_OK) {
    rc = run_jobs(cli, in, false, NG_SYNTAX_NQUADS, build_use, &b, &t);
    st = b.st;
  }
  if (st == NG_OK) {
    st = ng_store_commit(store);
    if (st != NG_OK) {
      /* rolled back: the last batch is not in the store (faults) */
      t.failed += b.in_batch;
      t.done -= b.in_batch;
    }
  }
  if (st != NG_OK) {
    rc = fail(cli, "commit to store", spec, st);
  }
  rc = rc || t.failed ? 1 : 0;
  ng_store_free(store);
  progress(cli, in->n, in->n, start, true);
  if (t.same) {
    fprintf(stderr, "newsgraph: %zu article%s added to %s, %zu unchanged "
            "(HTTP 304), %zu failed\n", t.done, t.done == 1 ? "" : "s", spec,
            t.same, t.failed);
  } else {
    fprintf(stderr, "newsgraph: %zu article%s added to %s, %zu failed\n",
            t.done, t.done == 1 ? "" : "s", spec, t.failed);
  }
  if (interrupted) {
    fprintf(stderr, "newsgraph: interrupted: %zu input%s not read\n",
            cli->not_read, cli->not_read == 1 ? "" : "s");
    rc = 128 + interrupted; /* as a shell reports the signal */
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
  /* -o naming the store's own file would replace the store. */
  const char *spec = o->store ? o->store : "newsgraph.db";
  if (strncmp(spec, "sqlite:", 7) == 0) {
    spec += 7;
  }
  struct stat a, b;
  if (o->output && stat(o->output, &a) == 0 && stat(spec, &b) == 0 &&
      a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
    fprintf(stderr, "newsgraph: cannot write %s: it is the store\n",
            o->output);
    return 2;
  }
  if (open_store(cli, false, &store)) {
    return 1;
  }
  /* A regular file is written beside it and renamed over it when whole,
   * so a failed export never leaves a truncated file in its place. */
  char tmp[4096] = "";
  bool regular = o->output && (stat(o->output, &a) != 0 ||
                               S_ISREG(a.st_mode));
  if (regular && snprintf(tmp, sizeof tmp, "%s.tmp-%ld", o->output,
                          (long)getpid()) >= (int)sizeof tmp) {
    tmp[0] = '\0';
    regular = false;
  }
  if (o->output) {
    out = fopen(regular ? tmp : o->output, "w");
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
  if (regular && rc == 0 && rename(tmp, o->output) != 0) {
    fprintf(stderr, "newsgraph: cannot write %s: %s\n", o->output,
            strerror(errno));
    rc = 1;
  }
  if (regular && rc != 0) {
    unlink(tmp);
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
cmd_draw(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  ng_store *store = NULL;
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = ng_cli_draw(store, o);
  ng_store_free(store);
  return st == NG_OK ? 0 : fail(cli, "draw", o->entity ? o->entity : o->graph,
                                st);
}

static int
cmd_report(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  ng_store *store = NULL;
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = ng_cli_report(store, o);
  ng_store_free(store);
  return st == NG_OK ? 0 : fail(cli, "write", o->output, st);
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
  case NG_CMD_DRAW: rc = cmd_draw(cli); break;
  case NG_CMD_REPORT: rc = cmd_report(cli); break;
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
  struct cli cli = {&opts, NULL, "", NULL, "", 0};
  int rc = ng_cli_parse(argc, argv, &opts, stderr);
  if (rc == 0 && opts.command == NG_CMD_BUILD) {
    catch_interrupts();
  }
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
