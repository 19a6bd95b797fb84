/* SPDX-License-Identifier: MIT */
/* newsgraph command line: options → ng_* calls → exit status. The only
 * file that prints results or exits (STYLE.md 2.3 rule 10: 0 all inputs
 * done, 1 some input failed, 2 usage error). Uses only newsgraph.h. */
#include "newsgraph.h"

#include "options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
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

/* Reports a failed step on one object and returns 1. */
static int
fail(struct cli *cli, const char *what, const char *object, ng_status st)
{
  const char *why = cli->last_error[0] ? cli->last_error : ng_strerror(st);
  fprintf(stderr, "newsgraph: cannot %s %s: %s\n", what, object, why);
  cli->last_error[0] = '\0';
  return 1;
}

/* ---------------------------------------------------------------- inputs */

struct inputs {
  char **v;  /* owned copies */
  size_t n, cap;
  int failed; /* @LIST files that could not be read */
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
  free(in->v);
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

/* Loads, applies --url/--date, and extracts one input. *out is NULL on
 * failure (already reported). */
static int
load_doc(struct cli *cli, const char *input, ng_doc **out)
{
  const struct ng_cli_options *o = cli->opts;
  ng_doc *doc = NULL;
  ng_status st;
  *out = NULL;
  cli->last_error[0] = '\0';
  st = ng_doc_load(cli->world, input, &doc);
  if (st != NG_OK) {
    return fail(cli, "load", input, st);
  }
  st = o->url ? ng_doc_set_url(doc, o->url) : NG_OK;
  if (st != NG_OK) {
    ng_doc_free(doc);
    return fail(cli, "set the URL of", input, st);
  }
  st = o->date ? ng_doc_set_date(doc, o->date) : NG_OK;
  if (st != NG_OK) {
    ng_doc_free(doc);
    return fail(cli, "set the date of", input, st);
  }
  st = ng_doc_extract(cli->world, doc);
  if (st != NG_OK) {
    ng_doc_free(doc);
    return fail(cli, "extract", input, st);
  }
  *out = doc;
  return 0;
}

/* -------------------------------------------------------------- commands */

static int
cmd_text(struct cli *cli)
{
  const char *input = cli->opts->args[0];
  ng_doc *doc = NULL;
  ng_status st = ng_doc_load(cli->world, input, &doc);
  if (st != NG_OK) {
    return fail(cli, "load", input, st);
  }
  st = ng_doc_parse(cli->world, doc);
  if (st != NG_OK) {
    ng_doc_free(doc);
    return fail(cli, "parse", input, st);
  }
  if (cli->opts->json) {
    st = ng_doc_write_json(doc, stdout);
  } else {
    const char *text = ng_doc_get_text(doc);
    fputs(text ? text : "", stdout);
    fputc('\n', stdout);
  }
  ng_doc_free(doc);
  return st == NG_OK ? 0 : fail(cli, "write", "the text", st);
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

static int
cmd_extract(struct cli *cli, const struct inputs *in)
{
  ng_syntax syntax = syntax_of(cli->opts->format);
  ng_store *mem = NULL;
  int rc = 0;
  ng_status st;
  /* RDF/XML cannot be concatenated: several inputs go through a memory
   * store and are written as one document. */
  if (syntax == NG_SYNTAX_RDFXML && in->n > 1) {
    st = ng_store_open(cli->world, "memory:", &mem);
    if (st != NG_OK) {
      return fail(cli, "open", "a memory store", st);
    }
  }
  for (size_t i = 0; i < in->n; i++) {
    ng_doc *doc = NULL;
    if (load_doc(cli, in->v[i], &doc)) {
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
  ng_status st = ng_store_open(cli->world, spec, store);
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

static int
cmd_build(struct cli *cli, const struct inputs *in)
{
  ng_store *store = NULL;
  size_t done = 0, failed = (size_t)in->failed, in_batch = 0;
  ng_status st;
  int rc = in->failed ? 1 : 0;
  if (open_store(cli, true, &store)) {
    return 1;
  }
  const char *spec = cli->opts->store ? cli->opts->store : "newsgraph.db";
  double start = now_seconds();
  st = ng_store_begin(store);
  for (size_t i = 0; st == NG_OK && i < in->n; i++) {
    ng_doc *doc = NULL;
    progress(cli, i, in->n, start, false);
    if (load_doc(cli, in->v[i], &doc)) {
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
  fprintf(stderr, "newsgraph: %zu article%s added to %s, %zu failed\n", done,
          done == 1 ? "" : "s", spec, failed);
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
  ng_status st = ng_store_query(store, query, o->format, stdout);
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
  ng_status st = ng_store_write_graphs(store, stdout);
  ng_store_free(store);
  return st == NG_OK ? 0 : fail(cli, "list", "the graphs", st);
}

static int
cmd_stats(struct cli *cli)
{
  ng_store *store = NULL;
  size_t n_graphs = 0, n_quads = 0;
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = ng_store_count(store, &n_graphs, &n_quads);
  ng_store_free(store);
  if (st != NG_OK) {
    return fail(cli, "count", "the store", st);
  }
  printf("graphs\t%zu\nquads\t%zu\n", n_graphs, n_quads);
  return 0;
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
  if (o->command == NG_CMD_EXTRACT || o->command == NG_CMD_BUILD) {
    if (!expand_inputs(o, &in)) {
      inputs_free(&in);
      fprintf(stderr, "newsgraph: out of memory\n");
      return 1;
    }
    if (o->url && in.n + (size_t)in.failed > 1) {
      inputs_free(&in);
      fprintf(stderr, "newsgraph: --url applies to one INPUT only\n");
      return 2;
    }
  }
  switch (o->command) {
  case NG_CMD_EXTRACT: rc = cmd_extract(cli, &in) || in.failed; break;
  case NG_CMD_BUILD: rc = cmd_build(cli, &in); break;
  case NG_CMD_TEXT: rc = cmd_text(cli); break;
  case NG_CMD_EXPORT: rc = cmd_export(cli); break;
  case NG_CMD_QUERY: rc = cmd_query(cli); break;
  case NG_CMD_GRAPHS: rc = cmd_graphs(cli); break;
  case NG_CMD_STATS: rc = cmd_stats(cli); break;
  case NG_CMD_REMOVE: rc = cmd_remove(cli); break;
  case NG_CMD_NONE: rc = 2; break;
  }
  inputs_free(&in);
  return rc;
}

int
main(int argc, char **argv)
{
  struct ng_cli_options opts;
  struct cli cli = {&opts, NULL, ""};
  int rc = ng_cli_parse(argc, argv, &opts, stderr);
  if (rc == 0 && opts.help) {
    ng_cli_usage(opts.command, stdout);
  } else if (rc == 0 && opts.version) {
    printf("newsgraph %s\n", NG_VERSION_STRING);
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
